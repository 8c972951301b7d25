#include "sandbox/demo_merchant.hpp"

#include "billing/routes.hpp"
#include "cms/routes.hpp"
#include "financing/routes.hpp"
#include "gateway/auth.hpp"
#include "gateway/clients.hpp"

namespace payref::sandbox {

namespace {
// Below every id the client sequence hands out (170200001 and up), so no registration takes it.
constexpr const char* kDemoId = "170200000";
}  // namespace

nlohmann::json ensure_demo_merchant(const app::Services& services) {
  // Derived from the data directory's secret hashing key rather than stored: the database holds
  // only its hash, like every client key, and it survives resets so printed credentials stay valid.
  const std::string key = store::keyed_hash(services.hash_key, "sandbox-demo-merchant-gateway-key").substr(0, 32);
  services.store.write([&](store::Transaction& tx) {
    if (!tx.get(gateway::kClients, "", kDemoId))
      gateway::create_active_client(services, tx, kDemoId, key,
                                    {{"EmailAddress", "demo-merchant@payref.test"},
                                     {"FirstName", "Demo"},
                                     {"LastName", "Merchant"},
                                     {"Company", "payref demo shop"},
                                     {"ApplicationName", "payref sandbox"},
                                     {"CountryCode", "USA"}});
  });
  return {{"gateway", {{"Authentication", {{"Id", kDemoId}, {"Key", key}}}, {"baseUrl", "/api/v1/"}}}};
}

nlohmann::json ensure_demo_credentials(const app::Services& services) {
  nlohmann::json all = ensure_demo_merchant(services);
  for (const auto& [family, credentials] : {std::pair{"billing", billing::ensure_demo_credentials(services)},
                                            std::pair{"cms", cms::ensure_demo_credentials(services)},
                                            std::pair{"financing", financing::ensure_demo_credentials(services)}})
    if (!credentials.is_null()) all[family] = credentials;
  return all;
}

}  // namespace payref::sandbox
