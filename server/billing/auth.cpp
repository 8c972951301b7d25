#include "billing/auth.hpp"

#include <algorithm>
#include <cctype>

#include "billing/errors.hpp"
#include "store/crypto.hpp"

namespace payref::billing {

namespace {

std::string password_hash(const app::Services& services, const std::string& username, const std::string& password) {
  return store::keyed_hash(services.hash_key, "billing-password:" + username + "\n" + password);
}

[[noreturn]] void unauthorized(const std::string& message) { fail(401, code::unauthorized, message); }

}  // namespace

bool ServiceUser::has_account(std::int64_t id) const { return std::find(accounts.begin(), accounts.end(), id) != accounts.end(); }

std::optional<std::string> decode_base64(std::string_view text) {
  if (text.size() % 4 != 0) return std::nullopt;
  std::string out;
  std::uint32_t buffer = 0;
  int bits = 0;
  std::size_t padding = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    int v = -1;
    if (c >= 'A' && c <= 'Z') v = c - 'A';
    else if (c >= 'a' && c <= 'z') v = c - 'a' + 26;
    else if (c >= '0' && c <= '9') v = c - '0' + 52;
    else if (c == '+') v = 62;
    else if (c == '/') v = 63;
    else if (c == '=' && i + 2 >= text.size()) { ++padding; continue; }
    if (v < 0 || padding > 0) return std::nullopt;  // a bad character, or data after '='
    buffer = (buffer << 6) | static_cast<std::uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xFF);
    }
  }
  return out;
}

ServiceUser authenticate(const app::Services& services, store::Transaction& tx, const httplib::Request& req) {
  if (!req.has_header("Authorization"))
    unauthorized("Authentication required: send the service user's name and password with HTTP Basic.");
  const std::string header = req.get_header_value("Authorization");
  std::string scheme = header.substr(0, std::min<std::size_t>(header.size(), 6));
  for (auto& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (scheme != "basic " || header.size() > 1024) unauthorized("The Authorization header must be HTTP Basic.");
  std::string_view encoded(header);
  encoded.remove_prefix(6);
  while (!encoded.empty() && encoded.front() == ' ') encoded.remove_prefix(1);
  while (!encoded.empty() && encoded.back() == ' ') encoded.remove_suffix(1);
  const auto decoded = decode_base64(encoded);
  const auto colon = decoded ? decoded->find(':') : std::string::npos;
  if (colon == std::string::npos) unauthorized("The Authorization header is not valid base64 of user:password.");
  const std::string username = decoded->substr(0, colon), password = decoded->substr(colon + 1);
  const auto user = username.empty() ? std::nullopt : tx.get(kServiceUsers, "", username);
  if (!user || !store::constant_time_equal(user->key1, password_hash(services, username, password)))
    unauthorized("Authentication failed: unknown service user or wrong password.");
  ServiceUser out{username, user->key2, {}};
  for (const auto& id : user->body.value("accountIds", nlohmann::json::array()))
    if (id.is_number_integer()) out.accounts.push_back(id.get<std::int64_t>());
  return out;
}

void put_service_user(const app::Services& services, store::Transaction& tx, const std::string& username,
                      const std::string& password, const std::string& merchant, const std::vector<std::int64_t>& accounts) {
  store::Document doc;
  doc.collection = kServiceUsers;
  doc.id = username;
  doc.key1 = password_hash(services, username, password);
  doc.key2 = merchant;
  doc.body = {{"merchant", merchant}, {"accountIds", accounts}};
  tx.put(doc);
}

}  // namespace payref::billing
