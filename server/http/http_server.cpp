#include "http/http_server.hpp"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <spdlog/spdlog.h>
#include <sys/socket.h>

#include <chrono>
#include <exception>

#include "http/redact.hpp"

namespace payref::http {

namespace {

// The socket the options callback saw last on this thread: during bind(), the listening socket.
thread_local socket_t last_configured_socket = INVALID_SOCKET;

void add_cors_headers(httplib::Response& res) {
  // Any origin: the sandbox serves developers' pages from wherever they run them.
  res.set_header("Access-Control-Allow-Origin", "*");
  res.set_header("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS");
  res.set_header("Access-Control-Allow-Headers", "Content-Type, Authorization, Idempotency-Key, Accept, x-reference-id");
  res.set_header("Access-Control-Expose-Headers", "Idempotent-Replayed");
  res.set_header("Access-Control-Max-Age", "600");
}

}  // namespace

void configure(EventServer& server, const ServerOptions& options, RequestLog& log,
               std::function<std::string()> now) {
  // Requests that must be read while they arrive (chunked, Expect: 100-continue, over 16 KiB)
  // take a blocking thread each; every other request runs on the event-loop workers.
  server.set_workers(options.threads, kBlockingThreads);
  server.set_keep_alive_timeout(5);  // idle connections cost a buffer, not a thread
  server.set_read_timeout(5, 0);
  server.set_write_timeout(5, 0);
  server.set_payload_max_length(kMaxBodyBytes);
  server.set_socket_options([](socket_t s) {
    last_configured_socket = s;
    int yes = 1;
    setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);  // else ~40 ms per reused-connection reply
  });

  server.Options(R"(/.*)", [](const httplib::Request&, httplib::Response& res) { res.status = 204; });
  server.Get("/healthz", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"status":"ok"})", "application/json");
  });

  // Runs after the handler and before the response is sent, error answers included. The request
  // log records here rather than in the logger, which runs after sending: a client reading
  // /_sandbox/requests right after a call must find that call.
  server.set_post_routing_handler([&log, now](const httplib::Request& req, httplib::Response& res) {
    add_cors_headers(res);
    log.record(req, res, now());
  });

  // The boundary: a handler that throws answers 500 with a JSON body and nothing internal. Input
  // never gets here (services validate first); this is for bugs and environment failures.
  server.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
    std::string what = "unknown";
    try {
      if (ep) std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      what = e.what();
    } catch (...) {
    }
    spdlog::error("{} {}: unhandled: {}", req.method, req.path, redact(what));
    res.status = 500;
    res.set_content(R"({"Message":{"Code":"96","Description":"Internal error; the request was not applied."},"Response":null})",
                    "application/json");
  });

  // 404/405/413 and other errors httplib produces before any handler: give them a JSON body.
  server.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    // CORS headers come from the post-routing handler, which runs for these answers too.
    const bool bodyless_post = res.status == 400 && req.method == "POST" && !req.has_header("Content-Length") &&
                               !req.has_header("Transfer-Encoding");
    const char* text = res.status == 404   ? "No HTTP resource was found that matches the request URI."
                       : res.status == 413 ? "The request body is larger than 1 MiB."
                       : bodyless_post     ? "A POST needs a body or a Content-Length header (Content-Length: 0 for none; "
                                             "curl: -d '')."
                                           : "The request could not be processed.";
    res.set_content(std::string(R"({"Message":")") + text + "\"}", "application/json");
  });

  server.set_logger([](const httplib::Request& req, const httplib::Response& res) {
    if (!spdlog::should_log(spdlog::level::info)) return;  // masking costs more than the request
    spdlog::info("{} {} -> {} ({} B in, {} B out)", req.method, redact(req.path), res.status, req.body.size(), res.body.size());
    if (spdlog::should_log(spdlog::level::debug) && !req.body.empty()) spdlog::debug("  body: {}", redact(req.body));
  });
}

std::string route_pattern(std::string_view client_path) {
  std::string pattern(client_path);
  for (auto mark = pattern.find("{}"); mark != std::string::npos; mark = pattern.find("{}", mark))
    pattern.replace(mark, 2, "([^/]+)");
  return pattern;
}

int bind(EventServer& server, const ServerOptions& options) {
  last_configured_socket = INVALID_SOCKET;
  const int port = options.port == 0 ? server.bind_to_any_port(options.host.c_str())
                                     : (server.bind_to_port(options.host.c_str(), options.port) ? options.port : -1);
  // Debian's prebuilt cpp-httplib listens with a backlog of 5: the sixth simultaneous connect
  // waits for a SYN retransmit (~1 s). listen() again on the listening socket raises it.
  if (port >= 0 && last_configured_socket != INVALID_SOCKET) ::listen(last_configured_socket, kListenBacklog);
  return port;
}

}  // namespace payref::http
