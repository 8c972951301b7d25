// The gateway family's routes under /api/v1/ and the adapter every handler runs through:
// decode → one store transaction (read or write) → authenticate → service → render, with
// Idempotency-Key replay for calls that move money.
#pragma once

#include <httplib.h>

#include <string_view>

#include "gateway/context.hpp"
#include "http/family.hpp"

namespace payref::gateway {

// The family's endpoints for the one pipeline (http/family.hpp), from the sdk operation table.
http::Family routes(const Services& services);

// The family's answer to an error the HTTP layer finds (http/error_renderers.hpp): res.status is
// set; this writes the body in the family's error format.
void render_http_error(const httplib::Request& req, httplib::Response& res, std::string_view message);

}  // namespace payref::gateway
