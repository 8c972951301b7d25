// cpp-httplib set up as TOOLCHAIN.md §6 says (TCP_NODELAY, backlog), served by payref's event loop
// (event_server.hpp), with CORS for browser callers, a 1 MiB body limit, a request log with card
// data masked, and one exception boundary: no handler failure becomes a crash or a stack trace on
// the wire.
#pragma once

#include <httplib.h>

#include <functional>
#include <string>
#include <string_view>

#include "http/event_server.hpp"
#include "http/request_log.hpp"

namespace payref::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port
  int threads = 6;  // event-loop workers; idle connections hold none (event_server.hpp)
};

constexpr std::size_t kMaxBodyBytes = 1 << 20;
constexpr int kListenBacklog = 1024;  // pending connections the kernel queues (capped by somaxconn)
constexpr int kBlockingThreads = 16;  // requests read while they arrive, at once (event_server.hpp)

// Applies the options, CORS (preflight included), GET /healthz, limits and the error boundary.
// Every exchange is recorded in `log` (the sandbox's request log) with the time `now()` gives.
void configure(EventServer& server, const ServerOptions& options, RequestLog& log,
               std::function<std::string()> now);

// A client operation table's path ("/api/v1/packages/{}") as an httplib route pattern: each "{}"
// matches one path segment, captured.
std::string route_pattern(std::string_view client_path);

// Binds; returns the port actually bound, or -1.
int bind(EventServer& server, const ServerOptions& options);

}  // namespace payref::http
