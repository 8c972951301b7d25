// cpp-httplib set up as TOOLCHAIN.md §6 says (TCP_NODELAY, backlog, short keep-alive, a pool larger
// than the expected connections), with CORS for browser callers, a 1 MiB body limit, a request log
// with card data masked, and one exception boundary: no handler failure becomes a crash or a
// stack trace on the wire.
#pragma once

#include <httplib.h>

#include <functional>
#include <string>

#include "http/request_log.hpp"

namespace payref::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port
  int threads = 96;  // > the connections expected: an idle keep-alive connection pins a worker
};

constexpr std::size_t kMaxBodyBytes = 1 << 20;
constexpr int kListenBacklog = 1024;  // pending connections the kernel queues (capped by somaxconn)

// Applies the options, CORS (preflight included), GET /healthz, limits and the error boundary.
// Every exchange is recorded in `log` (the sandbox's request log) with the time `now()` gives.
void configure(httplib::Server& server, const ServerOptions& options, RequestLog& log,
               std::function<std::string()> now);

// Binds; returns the port actually bound, or -1.
int bind(httplib::Server& server, const ServerOptions& options);

}  // namespace payref::http
