#include "financing/merchants.hpp"

#include "financing/accounts.hpp"
#include "store/crypto.hpp"

namespace payref::financing {

namespace {

constexpr const char* kDemoClientId = "payref-demo-pos";
constexpr const char* kSecondClientId = "payref-demo-pos-2";

std::string secret_hash(const app::Services& services, const std::string& secret) {
  return store::keyed_hash(services.hash_key, "fin-client-secret:" + secret);
}

// Derived from the data directory's hashing key, not stored: the same after every reset.
std::string derived_secret(const app::Services& services, const std::string& client_id) {
  return store::keyed_hash(services.hash_key, "sandbox-demo-merchant-financing-secret:" + client_id).substr(0, 40);
}

}  // namespace

nlohmann::json ensure_merchants(const app::Services& services) {
  struct Merchant {
    const char* id;
    const char* name;
    bool pre_authorization;
  };
  const Merchant merchants[] = {{kDemoClientId, "payref demo shop", true}, {kSecondClientId, "payref second shop", false}};
  services.store.write([&](store::Transaction& tx) {
    for (const auto& m : merchants)
      if (!tx.get_keys(kClients, "", m.id))
        tx.put(store::Document{kClients, m.id, "", secret_hash(services, derived_secret(services, m.id)), "",
                               {{"merchant_name", m.name}, {"pre_authorization", m.pre_authorization}, {"merchant_override", false}},
                               {}});
    seed_demo_accounts(services, tx);
  });
  const std::string base = "/flexiti/pos-api/v2.5/";
  return {{"client_id", kDemoClientId},
          {"client_secret", derived_secret(services, kDemoClientId)},
          {"baseUrl", base},
          {"token_url", base + "oauth/token"},
          {"second_merchant",
           {{"client_id", kSecondClientId}, {"client_secret", derived_secret(services, kSecondClientId)}, {"pre_authorization", false}}}};
}

std::optional<nlohmann::json> check_client(const app::Services& services, store::Transaction& tx, const std::string& client_id,
                                           const std::string& client_secret) {
  if (client_id.empty() || client_id.size() > 100 || client_secret.empty() || client_secret.size() > 200) return std::nullopt;
  auto doc = tx.get(kClients, "", client_id);
  if (!doc || !store::constant_time_equal(doc->key1, secret_hash(services, client_secret))) return std::nullopt;
  return std::move(doc->body);
}

nlohmann::json client_settings(store::Transaction& tx, const std::string& client_id) {
  auto doc = tx.get(kClients, "", client_id);
  return doc ? std::move(doc->body) : nlohmann::json::object();
}

}  // namespace payref::financing
