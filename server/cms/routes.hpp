// The CMS subscriptions family (seed 002, EVO Snap* CMS, /2.1.28/REST/; docs/cms.md)
#pragma once

#include <httplib.h>

#include <string_view>

#include <nlohmann/json.hpp>
#include <string>

#include "app/services.hpp"
#include "http/family.hpp"

namespace payref::cms {

// The family's endpoints for the one pipeline (http/family.hpp), from the sdk operation table
// and its sign-on path.
http::Family routes(const app::Services& services);

// Creates the demo merchant's credentials for this family if the store has none (first start,
// after a reset); returns them as GET /_sandbox/credentials shows them under "cms".
nlohmann::json ensure_demo_credentials(const app::Services& services);

// Invoices every subscription whose NextProcessingDate has come on the clock's day (the sandbox
// clock calls it for each day it passes); appends one entry per invoice to `ran` (at most
// `max_listed`) and returns how many ran.
std::size_t run_due(const app::Services& services, nlohmann::json& ran, std::size_t max_listed);

// A new 32-character upper-case hex id naming one request in its ErrorResponse (TransactionId).
std::string new_transaction_id();
// The family's answer to an error the HTTP layer finds (http/error_renderers.hpp): res.status is
// set; this writes the body in the family's error format.
void render_http_error(const httplib::Request& req, httplib::Response& res, std::string_view message);

}  // namespace payref::cms
