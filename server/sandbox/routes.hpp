// The sandbox admin API under /_sandbox/ (docs/sandbox.md), for the developer driving the
// sandbox, not for integrations: every call needs Authorization: Bearer <admin token>.
#pragma once

#include <httplib.h>

#include <string>

#include "gateway/context.hpp"
#include "http/request_log.hpp"

namespace payref::sandbox {

void add_routes(httplib::Server& server, const gateway::Services& services, http::RequestLog& request_log,
                std::string admin_token);

}  // namespace payref::sandbox
