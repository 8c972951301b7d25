// Protection of stored secrets (DESIGN.md "Card data"): card numbers sealed with AES-256-GCM,
// keyed fingerprints to recognise a card without decrypting it, client keys, passwords, tokens
// and one-time codes stored only as keyed hashes, and the sandbox's outbox mail (which delivers
// activation codes, API keys and verification codes) sealed at rest. OpenSSL's libcrypto does
// the cryptography.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "store/store.hpp"

namespace payref::store {

using SecretKey = std::array<std::uint8_t, 32>;

SecretKey random_key();
std::string random_hex(std::size_t bytes);     // 2 × bytes lower-case hex characters
std::string random_digits(std::size_t count);  // uniformly random decimal digits
std::string random_alnum(std::size_t count);   // upper-case letters and digits
std::string to_hex(const SecretKey& key);
std::optional<SecretKey> key_from_hex(std::string_view hex);

// HMAC-SHA256(key, text) as lower-case hex.
std::string keyed_hash(const SecretKey& key, std::string_view text);
// SHA-256(text) as lower-case hex (request fingerprints for idempotency; not for secrets).
std::string sha256_hex(std::string_view text);
bool constant_time_equal(std::string_view a, std::string_view b);

// Seals and opens card numbers. A sealed value is base64(nonce ‖ ciphertext ‖ tag), with a fresh
// 96-bit nonce each time; the collection and owner are bound in as associated data so a sealed
// number copied to another merchant's record does not open.
class CardVault {
 public:
  explicit CardVault(const SecretKey& key) : key_(key) {}
  std::string seal(std::string_view plaintext, std::string_view associated_data) const;
  std::optional<std::string> open(std::string_view sealed, std::string_view associated_data) const;

 private:
  SecretKey key_;
};

// The outbox at rest (docs/sandbox.md "The data directory"): a message's body and code are
// sealed with the vault, bound to the recipient; recipient, subject and time stay readable.
// Every append_outbox() passes its message through seal_mail(), every reader through open_mail(),
// which puts a note in the body (and no code) for a message that does not open (another card.key).
OutboxMessage seal_mail(const CardVault& vault, OutboxMessage message);
OutboxMessage open_mail(const CardVault& vault, OutboxMessage message);

}  // namespace payref::store
