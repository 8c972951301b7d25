// The demo merchant every new sandbox has, so a developer can pay at once: an active gateway
// client whose key is kept (sandbox only) so GET /_sandbox/credentials can show it.
#pragma once

#include <nlohmann/json.hpp>

#include "app/services.hpp"

namespace payref::sandbox {

// Creates the demo merchant if the store has none (first start, or after a reset, with the same
// credentials as before). Returns its credentials as /_sandbox/credentials shows them.
nlohmann::json ensure_demo_merchant(const app::Services& services);

// Every family's demo credentials, created where missing: {"gateway": ..., "billing": ...,
// "cms": ..., "financing": ...} (GET /_sandbox/credentials, and after a reset).
nlohmann::json ensure_demo_credentials(const app::Services& services);

}  // namespace payref::sandbox
