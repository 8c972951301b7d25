#include "cms/sign_on.hpp"

#include <array>

#include "cms/errors.hpp"
#include "store/crypto.hpp"

namespace payref::cms {

namespace {

struct DemoMerchant {
  const char* label;
  Merchant merchant;
};

// The demo merchant uses the seed's own ids, so the seed's request bodies work as written.
const std::array<DemoMerchant, 2> kDemoMerchants = {{
    {"demo", {"3303C63450300001", "Dev_Test_28", "39C6700001", "772763"}},
    {"other", {"3303C63450300002", "Other_Test_28", "39C6700002", "772764"}},
}};

std::string identity_token_of(const app::Services& services, const std::string& service_key) {
  return store::keyed_hash(services.hash_key, "cms-identity-token:" + service_key);
}

std::string identity_hash(const app::Services& services, const std::string& token) {
  return store::keyed_hash(services.hash_key, "cms-identity:" + token);
}

std::string session_hash(const app::Services& services, const std::string& token) {
  return store::keyed_hash(services.hash_key, "cms-session:" + token);
}

long now_seconds(const app::Services& services) { return static_cast<long>(services.clock.now().time_since_epoch().count()); }

std::string base64_decode(std::string_view in) {
  static constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  int bits = 0, value = 0;
  for (char c : in) {
    if (c == '=') break;
    const auto pos = kAlphabet.find(c);
    if (pos == std::string_view::npos) return {};
    value = (value << 6) | static_cast<int>(pos);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((value >> bits) & 0xFF));
    }
  }
  return out;
}

nlohmann::json merchant_json(const Merchant& m) {
  return {{"ServiceKey", m.service_key},
          {"MerchantProfileId", m.merchant_profile_id},
          {"ServiceId", m.service_id},
          {"ApplicationProfileId", m.application_profile_id}};
}

}  // namespace

std::string basic_username(const std::string& header) {
  if (header.size() < 6 || (header.compare(0, 6, "Basic ") != 0 && header.compare(0, 6, "basic ") != 0)) return {};
  const std::string decoded = base64_decode(header.substr(6));
  const auto colon = decoded.find(':');
  return colon == std::string::npos ? decoded : decoded.substr(0, colon);
}

std::string sign_on(const app::Services& services, store::Transaction& tx, const std::string& identity_token) {
  if (identity_token.empty()) fail(Fault::invalid_token, "Send the identity token as the Basic username: Authorization: Basic base64(<identity token>:).");
  const auto merchants = tx.find(kMerchants, "", store::Key::key1, identity_hash(services, identity_token), 1);
  if (merchants.empty()) fail(Fault::invalid_token, "The identity token is not valid.");
  const std::string service_key = merchants.front().id;
  const long now = now_seconds(services);
  // Sessions that ended a day ago or more are forgotten when their merchant signs on again.
  for (const auto& old : tx.find(kSessions, "", store::Key::key1, service_key))
    if (old.body.value("ExpiresAt", 0L) + 86400 <= now) tx.remove(kSessions, old.id);
  const std::string token = store::random_hex(32);
  tx.put({kSessions, session_hash(services, token), "", service_key, "", {{"ExpiresAt", now + kSessionSeconds}}, {}});
  return token;
}

Merchant authenticate(const app::Services& services, store::Transaction& tx, const std::string& session_token) {
  if (session_token.empty())
    fail(Fault::invalid_token, "Send the session token as the Basic username: Authorization: Basic base64(<session token>:).");
  const auto session = tx.get(kSessions, "", session_hash(services, session_token));
  if (!session) fail(Fault::invalid_token, "The session token is not valid.");
  if (now_seconds(services) >= session->body.value("ExpiresAt", 0L))
    fail(Fault::expired_token, "The session token has expired: sign on again with the identity token.");
  const auto merchant = tx.get(kMerchants, "", session->key1);
  if (!merchant) fail(Fault::invalid_token, "The session token is not valid.");
  const auto& b = merchant->body;
  return {merchant->id, b.value("MerchantProfileId", ""), b.value("ServiceId", ""), b.value("ApplicationProfileId", "")};
}

nlohmann::json ensure_demo_merchants(const app::Services& services) {
  nlohmann::json out;
  services.store.write([&](store::Transaction& tx) {
    for (const auto& demo : kDemoMerchants) {
      const Merchant& m = demo.merchant;
      const std::string token = identity_token_of(services, m.service_key);
      if (!tx.get(kMerchants, "", m.service_key))
        tx.put({kMerchants, m.service_key, "", identity_hash(services, token), "", merchant_json(m), {}});
      nlohmann::json creds = merchant_json(m);
      creds["IdentityToken"] = token;
      if (std::string(demo.label) == "demo") {
        out = creds;
        out["baseUrl"] = "/2.1.28/REST/";
      } else {
        out["OtherMerchant"] = creds;
      }
    }
  });
  return out;
}

}  // namespace payref::cms
