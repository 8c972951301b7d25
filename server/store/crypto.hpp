// Protection of stored secrets (DESIGN.md "Card data"): card numbers sealed with AES-256-GCM,
// keyed fingerprints to recognise a card without decrypting it, and client keys stored only as
// keyed hashes. OpenSSL's libcrypto does the cryptography.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

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

}  // namespace payref::store
