#include "http/http_server.hpp"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <spdlog/spdlog.h>
#include <sys/socket.h>

#include <exception>
#include <memory>

#include "http/redact.hpp"

namespace payref::http {

namespace {

// The socket the options callback saw last on this thread: during bind(), the listening socket.
thread_local socket_t last_configured_socket = INVALID_SOCKET;

std::string size_text(std::size_t bytes) {
  if (bytes % (1 << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  if (bytes % 1024 == 0) return std::to_string(bytes >> 10) + " KiB";
  return std::to_string(bytes) + " bytes";
}

// The text of an error the HTTP layer answers itself (the renderers put it in the family's shape).
std::string error_message(const EventServer& server, const httplib::Request& req, const httplib::Response& res,
                          const std::string& cross_origin) {
  const auto& framing = server.limits().framing;
  if (const auto refusal = server.refusal(req)) {
    if (refusal->status == 413) return "The request body is larger than " + size_text(framing.max_body_bytes) + ".";
    if (refusal->status == 431) return "The request head is larger than " + size_text(framing.max_head_bytes) + ".";
    return "The request is malformed: " + refusal->reason + ".";
  }
  if (!cross_origin.empty()) return cross_origin;
  switch (res.status) {
    case 404: return kNoResourceMessage;
    case 413: return "The request body is larger than the server accepts.";  // httplib's 8 KiB form limit
    case 414: return "The request URI is longer than 8 KiB.";
    default: break;
  }
  if (res.status == 400 && req.method == "POST" && !req.has_header("Content-Length") && !req.has_header("Transfer-Encoding"))
    return "A POST needs a body or a Content-Length header (Content-Length: 0 for none; curl: -d '').";
  return "The request could not be processed.";
}

}  // namespace

void configure(EventServer& server, const ServerOptions& options, Pipeline pipeline) {
  server.set_limits(options.limits);
  server.set_socket_options([](socket_t s) {
    last_configured_socket = s;
    int yes = 1;
    setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);  // else ~40 ms per reused-connection reply
  });

  const auto cors = std::make_shared<CorsPolicy>(pipeline.api_prefixes, options.cors_origins, options.host);
  const auto shared = std::make_shared<Pipeline>(std::move(pipeline));

  server.Options(R"(/.*)", [](const httplib::Request&, httplib::Response& res) { res.status = 204; });
  server.Get("/healthz", [&server, shared](const httplib::Request&, httplib::Response& res) {
    const std::uint64_t dropped = shared->log_lines_dropped ? shared->log_lines_dropped() : 0;
    res.set_content(
        nlohmann::json{{"status", "ok"}, {"openConnections", server.open_connections()}, {"logLinesDropped", dropped}}.dump(),
        "application/json");
  });

  // Before routing: the loop's refusals (a stand-in request, event_server.hpp), and cross-origin
  // requests to the paths that are same-origin only. Both are answered by the error handler.
  server.set_pre_routing_handler([&server, cors](const httplib::Request& req, httplib::Response& res) {
    if (const auto refusal = server.refusal(req)) {
      res.status = refusal->status;
      return httplib::Server::HandlerResponse::Handled;
    }
    if (!cors->refusal(req).empty()) {
      res.status = 403;
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });

  // Runs after the handler and before the response is sent, error answers included. The request
  // log records here rather than in the logger, which runs after sending: a client reading
  // /_sandbox/requests right after a call must find that call.
  server.set_post_routing_handler([cors, shared](const httplib::Request& req, httplib::Response& res) {
    cors->apply(req, res);
    if (shared->log) shared->log->record(req, res, shared->now ? shared->now() : std::string());
  });

  // The boundary: a handler that throws answers 500 in its family's format and says nothing
  // internal. Input never gets here (services validate first); this is for bugs and environment
  // failures.
  server.set_exception_handler([shared](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
    std::string what = "unknown";
    try {
      if (ep) std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      what = e.what();
    } catch (...) {
    }
    log_unhandled(req, what);
    res.status = 500;
    res.body.clear();
    shared->errors->render(req, res, "Internal error; the request was not applied.");
  });

  // Errors httplib or the pre-routing handler produce without a body (refusals, 403, 413/414 of
  // httplib's own limits, 400 for what it cannot parse): the family's error format.
  server.set_error_handler(httplib::Server::Handler([&server, cors, shared](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    shared->errors->render(req, res, error_message(server, req, res, cors->refusal(req)));
  }));

  server.set_logger([](const httplib::Request& req, const httplib::Response& res) { log_exchange(req, res); });
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
