#include "sandbox/demo_merchant.hpp"

#include "gateway/auth.hpp"
#include "gateway/clients.hpp"

namespace payref::sandbox {

namespace {
constexpr const char* kDemoId = "170200001";
constexpr const char* kKeySetting = "sandbox.demo.gateway.key";
}  // namespace

nlohmann::json ensure_demo_merchant(const gateway::Services& services) {
  std::string key;
  services.store.write([&](store::Transaction& tx) {
    // The key survives resets (settings are kept), so printed credentials stay valid.
    key = tx.setting(kKeySetting).value_or("");
    if (key.empty()) {
      key = store::random_hex(16);
      tx.set_setting(kKeySetting, key);
    }
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

}  // namespace payref::sandbox
