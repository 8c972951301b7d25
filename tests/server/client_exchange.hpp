// The sdk client's requests sent to a live payref-server, for the client_*_tests suites: the
// core builds an HttpRequest, this sends it as is and hands the answer back to the core.
#pragma once

#include <string>
#include <variant>

#include "payref/client/http.hpp"
#include "server_process.hpp"

namespace payref_test {

// Sends `request` (GET, PUT, POST or DELETE) over a fresh connection; status 0 when nothing
// answered. A request without a Content-Type header is sent as application/json.
payref::client::HttpResponse send(const ServerProcess& server, const payref::client::HttpRequest& request);

// What a parsed answer holds, for failure messages (Boost builds them eagerly).
std::string describe(const std::variant<std::string, payref::client::ApiError>& parsed);

}  // namespace payref_test
