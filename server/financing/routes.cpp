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
#include "payref/client/financing.hpp"

namespace payref::financing {

namespace {

using Handler = Reply (*)(Call&);
enum class Kind { read, write };

// Each operation of the sdk table (sdk/src/client/financing_operations.cpp, which gives the
// method, the path and whether a customer's token may call it) and what the server does for it.
struct Route {
  const char* operation;  // "authorizations.capture"
  Kind kind;
  Handler handler;
  bool get_form = false;  // also answers GET with the body's fields in the query string
};

constexpr Route kRoutes[] = {
    {"customers.lookup", Kind::read, lookup_customer},
    {"customers.search", Kind::read, search_customers},
    {"customers.decodeDriversLicense", Kind::read, decode_drivers_licence},
    {"accounts.calculateInterest", Kind::read, calculate_interest, true},
    {"accounts.verify", Kind::write, verify_customer},
    {"authorizations.create", Kind::write, create_authorization},
    {"authorizations.list", Kind::read, list_authorizations},
    {"authorizations.get", Kind::read, get_authorization},
    {"authorizations.capture", Kind::write, capture_authorization},
    {"authorizations.release", Kind::write, release_authorization},
    {"authorizations.return", Kind::write, return_capture},
    {"transactions.create", Kind::write, create_transaction},
};

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

void handle(const app::Services& services, const httplib::Request& req, httplib::Response& res, const Route& route,
            Audience audience) {
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
      require_scope(scope, audience);
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

http::Family routes(const app::Services& services) {
  const app::Services* s = &services;
  // Besides the built-in names (client_secret, access_token, refresh_token, verification_code,
  // card-length numbers such as vcc_number): the answer to an account's security question.
  http::declare_secret_name("security_answer");
  namespace cf = client::financing;
  http::Family family;
  family.prefix = "/flexiti/";
  family.methods = {"GET", "POST"};
  family.documents_405 = false;  // the API's own answer to a wrong method is its 404
  family.render = render_http_error;
  family.refusal_message = [](const httplib::Request&, const http::RouteRefusal&) {
    return std::string("No such endpoint (or not with this method).");
  };
  family.endpoints.push_back({"POST", std::string(cf::kBasePath) + std::string(cf::kTokenPath),
                              [s](const httplib::Request& req, httplib::Response& res) {
                                guarded(req, res, [&] { return issue_token(*s, req); });
                              }});
  // Each route names an operation of the table, and none twice (mount() refuses a path listed
  // twice): as many routes as operations is every operation served.
  if (std::size(kRoutes) != cf::operations().size())
    throw std::logic_error("financing: the sdk operation table and the server's routes differ in number");
  for (const Route& route : kRoutes) {
    const cf::Operation* op = cf::find_operation(route.operation);
    if (!op) throw std::logic_error(std::string("financing route without an operation: ") + route.operation);
    const Audience audience = op->merchant_only ? Audience::merchant : Audience::merchant_or_customer;
    const std::string path = std::string(cf::kBasePath) + std::string(cf::kClientPath) + "{}" + std::string(op->path);
    auto handler = [s, &route, audience](const httplib::Request& req, httplib::Response& res) { handle(*s, req, res, route, audience); };
    family.endpoints.push_back({std::string(client::method_name(op->method)), path, handler});
    if (route.get_form) family.endpoints.push_back({"GET", path, handler});
  }
  return family;
}

nlohmann::json ensure_demo_credentials(const app::Services& services) { return ensure_merchants(services); }

}  // namespace payref::financing
