// The sandbox admin API under /_sandbox/ (docs/sandbox.md), for the developer driving the
// sandbox, not for integrations: every call needs Authorization: Bearer <admin token>.
#pragma once

#include <httplib.h>

#include <string_view>

#include <string>

#include "app/services.hpp"
#include "http/request_log.hpp"

namespace payref::sandbox {

void add_routes(httplib::Server& server, const app::Services& services, http::RequestLog& request_log,
                std::string admin_token);

// The sandbox API's answer to an error the HTTP layer finds (http/error_renderers.hpp): res.status is
// set; this writes the body in its {error, message} shape.
void render_http_error(const httplib::Request& req, httplib::Response& res, std::string_view message);

}  // namespace payref::sandbox
