#include "store/crypto.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

#include <memory>
#include <stdexcept>
#include <vector>

namespace payref::store {

namespace {

void random_bytes(unsigned char* out, std::size_t n) {
  if (RAND_bytes(out, static_cast<int>(n)) != 1) throw std::runtime_error("openssl: RAND_bytes failed");
}

std::string hex(const unsigned char* p, std::size_t n) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out(n * 2, '0');
  for (std::size_t i = 0; i < n; ++i) {
    out[2 * i] = digits[p[i] >> 4];
    out[2 * i + 1] = digits[p[i] & 15];
  }
  return out;
}

// A uniformly random index below `bound` (rejection sampling: no modulo bias).
unsigned random_below(unsigned bound) {
  const unsigned limit = 256 - 256 % bound;
  unsigned char b = 0;
  do random_bytes(&b, 1);
  while (b >= limit);
  return b % bound;
}

std::string random_from(std::string_view alphabet, std::size_t count) {
  std::string out(count, ' ');
  for (auto& c : out) c = alphabet[random_below(static_cast<unsigned>(alphabet.size()))];
  return out;
}

std::string base64(const std::vector<unsigned char>& bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3), '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), bytes.data(), static_cast<int>(bytes.size()));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

std::optional<std::vector<unsigned char>> unbase64(std::string_view text) {
  if (text.empty() || text.size() % 4 != 0) return std::nullopt;
  std::vector<unsigned char> out(text.size() / 4 * 3);
  const int n = EVP_DecodeBlock(out.data(), reinterpret_cast<const unsigned char*>(text.data()), static_cast<int>(text.size()));
  if (n < 0) return std::nullopt;
  std::size_t padding = 0;
  if (text.back() == '=') ++padding;
  if (text.size() > 1 && text[text.size() - 2] == '=') ++padding;
  out.resize(static_cast<std::size_t>(n) - padding);
  return out;
}

using CipherContext = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;
constexpr std::size_t kNonceSize = 12;
constexpr std::size_t kTagSize = 16;

}  // namespace

SecretKey random_key() {
  SecretKey key{};
  random_bytes(key.data(), key.size());
  return key;
}

std::string random_hex(std::size_t bytes) {
  std::vector<unsigned char> buffer(bytes);
  random_bytes(buffer.data(), bytes);
  return hex(buffer.data(), bytes);
}

std::string random_digits(std::size_t count) { return random_from("0123456789", count); }
std::string random_alnum(std::size_t count) { return random_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", count); }

std::string to_hex(const SecretKey& key) { return hex(key.data(), key.size()); }

std::optional<SecretKey> key_from_hex(std::string_view text) {
  if (text.size() != 64) return std::nullopt;
  SecretKey key{};
  for (std::size_t i = 0; i < key.size(); ++i) {
    int value = 0;
    for (char c : text.substr(2 * i, 2)) {
      value <<= 4;
      if (c >= '0' && c <= '9') value |= c - '0';
      else if (c >= 'a' && c <= 'f') value |= c - 'a' + 10;
      else return std::nullopt;
    }
    key[i] = static_cast<std::uint8_t>(value);
  }
  return key;
}

std::string keyed_hash(const SecretKey& key, std::string_view text) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (!HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(text.data()),
            text.size(), out, &length))
    throw std::runtime_error("openssl: HMAC failed");
  return hex(out, length);
}

std::string sha256_hex(std::string_view text) {
  unsigned char out[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(text.data()), text.size(), out);
  return hex(out, sizeof out);
}

bool constant_time_equal(std::string_view a, std::string_view b) {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string CardVault::seal(std::string_view plaintext, std::string_view associated_data) const {
  std::vector<unsigned char> out(kNonceSize + plaintext.size() + kTagSize);
  random_bytes(out.data(), kNonceSize);
  CipherContext ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
  int n = 0;
  if (!ctx || EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, key_.data(), out.data()) != 1 ||
      EVP_EncryptUpdate(ctx.get(), nullptr, &n, reinterpret_cast<const unsigned char*>(associated_data.data()),
                        static_cast<int>(associated_data.size())) != 1 ||
      EVP_EncryptUpdate(ctx.get(), out.data() + kNonceSize, &n, reinterpret_cast<const unsigned char*>(plaintext.data()),
                        static_cast<int>(plaintext.size())) != 1 ||
      EVP_EncryptFinal_ex(ctx.get(), out.data() + kNonceSize + n, &n) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagSize, out.data() + kNonceSize + plaintext.size()) != 1)
    throw std::runtime_error("openssl: AES-256-GCM encryption failed");
  return base64(out);
}

std::optional<std::string> CardVault::open(std::string_view sealed, std::string_view associated_data) const {
  const auto bytes = unbase64(sealed);
  if (!bytes || bytes->size() < kNonceSize + kTagSize) return std::nullopt;
  const std::size_t length = bytes->size() - kNonceSize - kTagSize;
  std::string plain(length, '\0');
  std::vector<unsigned char> tag(bytes->end() - kTagSize, bytes->end());
  CipherContext ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
  int n = 0;
  if (!ctx || EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, key_.data(), bytes->data()) != 1 ||
      EVP_DecryptUpdate(ctx.get(), nullptr, &n, reinterpret_cast<const unsigned char*>(associated_data.data()),
                        static_cast<int>(associated_data.size())) != 1 ||
      EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char*>(plain.data()), &n, bytes->data() + kNonceSize,
                        static_cast<int>(length)) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTagSize, tag.data()) != 1)
    return std::nullopt;
  if (EVP_DecryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char*>(plain.data()) + n, &n) != 1) return std::nullopt;
  return plain;
}

namespace {
std::string mail_context(const OutboxMessage& m, const char* part) { return std::string("outbox-") + part + ":" + m.to; }
}  // namespace

OutboxMessage seal_mail(const CardVault& vault, OutboxMessage message) {
  message.body = vault.seal(message.body, mail_context(message, "body"));
  message.code = vault.seal(message.code, mail_context(message, "code"));
  return message;
}

OutboxMessage open_mail(const CardVault& vault, OutboxMessage message) {
  auto body = vault.open(message.body, mail_context(message, "body"));
  auto code = vault.open(message.code, mail_context(message, "code"));
  if (!body || !code) {
    message.body = "(This message cannot be opened: it was sealed with another card.key, or written in clear by an older "
                   "payref-server and wiped.)";
    message.code.clear();
    return message;
  }
  message.body = std::move(*body);
  message.code = std::move(*code);
  return message;
}

}  // namespace payref::store
