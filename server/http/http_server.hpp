// cpp-httplib set up as TOOLCHAIN.md §6 says (TCP_NODELAY, backlog), served by payref's event loop
// (event_server.hpp), with the browser access policy (cors.hpp), limits, a request log with
// secrets masked, errors of the HTTP layer in each family's format (error_renderers.hpp), and one
// exception boundary: no handler failure becomes a crash or a stack trace on the wire.
#pragma once

#include <httplib.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "http/cors.hpp"
#include "http/error_renderers.hpp"
#include "http/event_server.hpp"
#include "http/request_log.hpp"

namespace payref::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port
  ConnectionLimits limits;                // workers, timeouts, keep-alive, per-client connections
  std::vector<std::string> cors_origins;  // origins the API families answer; empty: any
};

constexpr int kListenBacklog = 1024;  // pending connections the kernel queues (capped by somaxconn)

// What configure() needs besides the options: the paths of the API families (CORS applies
// there), the families' error renderers, the request log, the clock's time for the log, and
// how many log lines were dropped so far (for /healthz).
struct Pipeline {
  std::vector<std::string> api_prefixes;
  const ErrorRenderers* errors = nullptr;
  RequestLog* log = nullptr;
  std::function<std::string()> now;
  std::function<std::uint64_t()> log_lines_dropped;
};

// Applies the options, the browser access policy (preflights included), GET /healthz, limits and
// the error boundary. Every exchange is recorded in the request log.
void configure(EventServer& server, const ServerOptions& options, Pipeline pipeline);

// Binds; returns the port actually bound, or -1.
int bind(EventServer& server, const ServerOptions& options);

}  // namespace payref::http
