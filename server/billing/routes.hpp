// The billing family (seed 001, UniPay Billing API, /api/v01/customers; docs/billing.md)
#pragma once

#include <httplib.h>

#include <string_view>

#include <nlohmann/json.hpp>

#include "app/services.hpp"
#include "http/family.hpp"

namespace payref::billing {

// The family's endpoints for the one pipeline (http/family.hpp), from the sdk operation table.
http::Family routes(const app::Services& services);

// Creates the demo merchant's credentials for this family if the store has none (first start,
// after a reset); returns them as GET /_sandbox/credentials shows them under "billing".
nlohmann::json ensure_demo_credentials(const app::Services& services);

// The family's answer to an error the HTTP layer finds (http/error_renderers.hpp): res.status is
// set; this writes the body in the family's error format.
void render_http_error(const httplib::Request& req, httplib::Response& res, std::string_view message);

}  // namespace payref::billing
