#include "financing/routes.hpp"

#include "financing/authorizations.hpp"
#include "financing/customers.hpp"
#include "financing/interest.hpp"
#include "financing/merchants.hpp"
#include "financing/oauth.hpp"
#include "financing/scopes.hpp"
#include "financing/transactions.hpp"
#include "financing/verify.hpp"
#include "financing/wire.hpp"
#include "http/json_body.hpp"
#include "http/redact.hpp"

namespace payref::financing {

namespace {

using Handler = Reply (*)(Call&);
enum class Kind { read, write };

#define PREFIX "/flexiti/pos-api/v2\\.5/client-id/([^/]+)"

struct Route {
  const char* method;  // "GET", "POST" or "BOTH"
  const char* path;    // a regex; group 1 is the client_id, later groups the path ids
  Audience audience;
  Kind kind;
  Handler handler;
};

constexpr Route kRoutes[] = {
    {"GET", PREFIX "/customers/lookup", Audience::merchant, Kind::read, lookup_customer},
    {"GET", PREFIX "/customers/search", Audience::merchant, Kind::read, search_customers},
    {"POST", PREFIX "/customers/driverslicense", Audience::merchant_or_customer, Kind::read, decode_drivers_licence},
    {"BOTH", PREFIX "/accounts/([^/]+)/calculate-interest", Audience::merchant_or_customer, Kind::read, calculate_interest},
    {"POST", PREFIX "/account/([^/]+)/verify", Audience::merchant_or_customer, Kind::write, verify_customer},
    {"POST", PREFIX "/authorization", Audience::merchant_or_customer, Kind::write, create_authorization},
    {"GET", PREFIX "/authorizations", Audience::merchant, Kind::read, list_authorizations},
    {"GET", PREFIX "/authorization/([^/]+)", Audience::merchant, Kind::read, get_authorization},
    {"POST", PREFIX "/authorization/([^/]+)/capture", Audience::merchant, Kind::write, capture_authorization},
    {"POST", PREFIX "/authorization/([^/]+)/release", Audience::merchant, Kind::write, release_authorization},
    {"POST", PREFIX "/authorization/([^/]+)/capture/([^/]+)/return", Audience::merchant, Kind::write, return_capture},
    {"POST", PREFIX "/transactions", Audience::merchant, Kind::write, create_transaction},
};
#undef PREFIX

void send(httplib::Response& res, const std::string& url, const Reply& reply) {
  if (reply.error) {
    res.status = reply.error->http_status;
    res.set_content(render(url, *reply.error).dump(), "application/json; charset=utf-8");
  } else {
    res.status = reply.http_status;
    res.set_content(reply.body.dump(), "application/json; charset=utf-8");
  }
  res.set_header("Cache-Control", "no-store");
}

// A financing request: answers and refusals (FinancingError) leave here in the {url, message,
// error, field_errors} shape. Anything else is a bug and goes on to the pipeline's exception
// boundary (http_server.cpp), which logs it masked and answers 500 through financing's renderer.
template <class Fn>
void guarded(const httplib::Request& req, httplib::Response& res, Fn fn) {
  Reply reply;
  try {
    reply = fn();
  } catch (const FinancingError& e) {
    reply = Reply{e.http_status, nullptr, e};
  }
  send(res, req.path, reply);
}

void handle(const app::Services& services, const httplib::Request& req, httplib::Response& res, const Route& route) {
  guarded(req, res, [&] {
    const auto decoded = http::decode_request(req);
    const std::string client_id = req.matches.size() > 1 ? req.matches[1].str() : std::string();
    std::vector<std::string> params;
    for (std::size_t i = 2; i < req.matches.size(); ++i) params.push_back(req.matches[i].str());
    const auto now = services.clock.now();
    Reply reply;
    auto run = [&](store::Transaction& tx) {
      const std::string scope =
          authenticate_bearer(services, tx, req.get_header_value("Authorization"), client_id, now.time_since_epoch().count());
      require_scope(scope, route.audience);
      if (!decoded.json) fail_field("body", decoded.error);
      Call call{services, tx, *decoded.json, client_id, scope, params, now};
      reply = route.handler(call);
    };
    if (route.kind == Kind::read) services.store.read(run);
    else services.store.write(run);
    return reply;
  });
}

}  // namespace

void add_routes(httplib::Server& server, const app::Services& services) {
  // Besides the built-in names (client_secret, access_token, refresh_token, verification_code,
  // card-length numbers such as vcc_number): the answer to an account's security question.
  http::declare_secret_name("security_answer");
  const auto token = [&services](const httplib::Request& req, httplib::Response& res) {
    guarded(req, res, [&] { return issue_token(services, req); });
  };
  server.Post("/flexiti/pos-api/v2\\.5/oauth/token", token);
  for (const Route& route : kRoutes) {
    auto handler = [&services, &route](const httplib::Request& req, httplib::Response& res) { handle(services, req, res, route); };
    const std::string method = route.method;
    if (method == "POST" || method == "BOTH") server.Post(route.path, handler);
    if (method == "GET" || method == "BOTH") server.Get(route.path, handler);
  }
  // Anything else under the family's prefix: a 404 in the family's shape.
  const auto unknown = [](const httplib::Request& req, httplib::Response& res) {
    guarded(req, res, []() -> Reply { fail(404, error::not_found, "No such endpoint (or not with this method)."); });
  };
  server.Get("/flexiti/.*", unknown);
  server.Post("/flexiti/.*", unknown);
}

nlohmann::json ensure_demo_credentials(const app::Services& services) { return ensure_merchants(services); }

}  // namespace payref::financing
