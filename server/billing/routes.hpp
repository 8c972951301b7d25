// The billing family (seed 001, UniPay Billing API, /api/v01/customers; docs/billing.md)
#pragma once

#include <httplib.h>

#include <nlohmann/json.hpp>

#include "gateway/context.hpp"

namespace payref::billing {

void add_routes(httplib::Server& server, const gateway::Services& services);

// Creates the demo merchant's credentials for this family if the store has none (first start,
// after a reset); returns them as GET /_sandbox/credentials shows them under "billing".
nlohmann::json ensure_demo_credentials(const gateway::Services& services);

}  // namespace payref::billing
