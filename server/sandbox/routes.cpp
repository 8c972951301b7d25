#include "sandbox/routes.hpp"

#include <nlohmann/json.hpp>

#include "sandbox/clock.hpp"
#include "gateway/catalogue.hpp"
#include "sandbox/demo_merchant.hpp"
#include "store/crypto.hpp"

namespace payref::sandbox {

namespace {

void send(httplib::Response& res, int status, const nlohmann::json& body) {
  res.status = status;
  res.set_content(body.dump(), "application/json; charset=utf-8");
}

bool authorized(const httplib::Request& req, httplib::Response& res, const std::string& token) {
  const std::string header = req.get_header_value("Authorization");
  const std::string prefix = "Bearer ";
  if (header.rfind(prefix, 0) == 0 && store::constant_time_equal(header.substr(prefix.size()), token)) return true;
  res.set_header("WWW-Authenticate", "Bearer realm=\"payref sandbox\"");
  send(res, 401, {{"error", "unauthenticated"}, {"message", "The sandbox API needs Authorization: Bearer <admin token>."}});
  return false;
}

// ?limit=N (1–9999), or `fallback` when absent; nullopt (after answering 400) when malformed.
std::optional<std::size_t> limit_param(const httplib::Request& req, httplib::Response& res, std::size_t fallback) {
  if (!req.has_param("limit")) return fallback;
  const std::string text = req.get_param_value("limit");
  bool digits = !text.empty() && text.size() <= 4;
  for (char c : text) digits = digits && c >= '0' && c <= '9';
  if (!digits || std::stoul(text) == 0) {
    send(res, 400, {{"error", "invalid_argument"}, {"message", "limit must be a whole number from 1 to 9999"}});
    return std::nullopt;
  }
  return std::stoul(text);
}

}  // namespace

void add_routes(httplib::Server& server, const app::Services& services, http::RequestLog& request_log,
                std::string admin_token) {
  const auto guarded = [&services, token = std::move(admin_token)](auto body) {
    return [&services, token, body](const httplib::Request& req, httplib::Response& res) {
      if (authorized(req, res, token)) body(services, req, res);
    };
  };

  server.Get("/_sandbox/outbox", guarded([](const app::Services& s, const httplib::Request& req, httplib::Response& res) {
    const auto limit = limit_param(req, res, 50);
    if (!limit) return;
    nlohmann::json list = nlohmann::json::array();
    s.store.read([&](store::Transaction& tx) {
      for (const auto& sealed : tx.outbox(*limit)) {
        const auto m = store::open_mail(s.vault, sealed);
        list.push_back({{"seq", m.seq}, {"to", m.to}, {"subject", m.subject}, {"body", m.body},
                        {"code", m.code.empty() ? nlohmann::json() : nlohmann::json(m.code)}, {"created", m.created}});
      }
    });
    send(res, 200, list);
  }));

  server.Get("/_sandbox/credentials", guarded([](const app::Services& s, const httplib::Request&, httplib::Response& res) {
    send(res, 200, ensure_demo_credentials(s));
  }));

  server.Get("/_sandbox/clock", guarded([](const app::Services& s, const httplib::Request&, httplib::Response& res) {
    const auto answer = read_clock(s);
    send(res, answer.status, answer.body);
  }));

  server.Post("/_sandbox/clock/advance", guarded([](const app::Services& s, const httplib::Request& req, httplib::Response& res) {
    const auto answer = advance_clock(s, req.body);
    send(res, answer.status, answer.body);
  }));

  server.Get("/_sandbox/requests",
             guarded([&request_log](const app::Services&, const httplib::Request& req, httplib::Response& res) {
               const auto limit = limit_param(req, res, 50);
               if (limit) send(res, 200, request_log.newest(*limit));
             }));

  server.Post("/_sandbox/reset", guarded([&request_log](const app::Services& s, const httplib::Request&, httplib::Response& res) {
    request_log.clear();
    s.store.write([](store::Transaction& tx) { tx.clear_all(); });
    gateway::ensure_catalogue(s.store);
    send(res, 200, {{"reset", true}, {"credentials", ensure_demo_credentials(s)}});
  }));
}

}  // namespace payref::sandbox

namespace payref::sandbox {

void render_http_error(const httplib::Request&, httplib::Response& res, std::string_view message) {
  const char* code = res.status == 403   ? "permission_denied"
                     : res.status == 404 ? "not_found"
                     : res.status >= 500 ? "internal"
                     : res.status == 413 || res.status == 414 || res.status == 431 ? "resource_exhausted"
                                                                                  : "invalid_argument";
  send(res, res.status, {{"error", code}, {"message", message}});
}

}  // namespace payref::sandbox
