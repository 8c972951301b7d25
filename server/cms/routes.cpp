#include "cms/routes.hpp"

#include "cms/errors.hpp"
#include "cms/invoicing.hpp"
#include "cms/sign_on.hpp"
#include "cms/subscriptions.hpp"
#include "http/json_body.hpp"
#include "http/redact.hpp"
#include "http/request_log.hpp"
#include "payref/client/cms.hpp"
#include "store/crypto.hpp"

namespace payref::cms {

namespace {

using Handler = Answer (*)(Call&);
enum class Kind { read, write };

void send(httplib::Response& res, int status, const nlohmann::ordered_json& body) {
  res.status = status;
  if (body.is_discarded()) res.set_content("", "application/json; charset=utf-8");
  else res.set_content(body.dump(), "application/json; charset=utf-8");
}

void send_error(httplib::Response& res, const CmsError& error, const std::string& operation) {
  const auto rendered = render(error, operation, new_transaction_id());
  send(res, rendered.http_status, rendered.body);
}

nlohmann::json query_of(const httplib::Request& req) {
  nlohmann::json q = nlohmann::json::object();
  for (const auto& [key, value] : req.params) q[key] = value;
  return q;
}

// The adapter every CMS operation runs through: decode → one store transaction (read or write) →
// authenticate the session token → operation → render. Refusals and any unexpected exception
// become an ErrorResponse; nothing escapes to the HTTP layer.
void handle(const app::Services& services, const httplib::Request& req, httplib::Response& res, const char* operation, Kind kind,
            bool reads_body, Handler handler) {
  try {
    nlohmann::json body = nlohmann::json::object();
    if (reads_body) {
      const auto decoded = http::decode_request(req);
      if (!decoded.json) fail_validation({{"", "body.malformed", decoded.error}});
      body = *decoded.json;
    }
    const nlohmann::json query = query_of(req);
    const std::string token = basic_username(req.get_header_value("Authorization"));
    const std::string id = req.matches.size() > 1 ? req.matches[1].str() : std::string();
    Answer answer;
    const auto run = [&](store::Transaction& tx) {
      const Merchant merchant = authenticate(services, tx, token);
      Call call{services, tx, merchant, body, query, id};
      answer = handler(call);
    };
    if (kind == Kind::read) services.store.read(run);
    else services.store.write(run);
    send(res, 200, answer.body);
  } catch (const CmsError& error) {
    send_error(res, error, operation);
  } catch (const std::exception& e) {
    // Answered here, not by the pipeline's boundary, so that the ErrorResponse names the operation.
    http::log_unhandled(req, e.what());
    send_error(res, CmsError{Fault::internal, "Internal error.", {}}, operation);
  }
}

void sign_on_route(const app::Services& services, const httplib::Request& req, httplib::Response& res) {
  try {
    const std::string identity = basic_username(req.get_header_value("Authorization"));
    std::string token;
    services.store.write([&](store::Transaction& tx) { token = sign_on(services, tx, identity); });
    send(res, 200, nlohmann::ordered_json(token));
  } catch (const CmsError& error) {
    send_error(res, error, "SignOnWithToken");
  } catch (const std::exception& e) {
    http::log_unhandled(req, e.what());
    send_error(res, CmsError{Fault::internal, "Internal error.", {}}, "SignOnWithToken");
  }
}

// Each operation of the sdk table (sdk/src/client/cms_operations.cpp, which gives the method, the
// path, the seed's operation name and whether a body is read) and what the server does for it.
struct Route {
  const char* operation;  // "subscriptions.create"
  Kind kind;
  Handler handler;
};

constexpr Route kRoutes[] = {
    {"subscriptions.create", Kind::write, create_subscription},
    {"subscriptions.get", Kind::read, get_subscription},
    {"subscriptions.query", Kind::read, query_subscriptions},
    {"subscriptions.update", Kind::write, update_subscription},
    {"subscriptions.updateState", Kind::write, update_subscription_state},
    {"subscriptions.invoice", Kind::write, invoice_subscription_now},
    {"subscriptions.delete", Kind::write, delete_subscription},
};

}  // namespace

std::string new_transaction_id() {
  std::string id = store::random_hex(16);
  for (char& c : id) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return id;
}

http::Family routes(const app::Services& services) {
  const app::Services* s = &services;
  // Sign-on answers the session token as a bare JSON string: no field name says it is a secret.
  http::declare_secret_response("GET", std::string(client::cms::kSignOnPath));
  http::Family family;
  family.prefix = "/2.1.28/REST/";
  family.methods = {"GET", "POST", "PUT", "DELETE"};
  family.render = render_http_error;
  family.refusal_message = [](const httplib::Request&, const http::RouteRefusal& refusal) {
    return refusal.status == 405 ? "The resource does not support this HTTP method; it supports " + refusal.allow + "."
                                 : std::string(http::kNoResourceMessage);
  };
  family.endpoints.push_back({"GET", std::string(client::cms::kSignOnPath),
                              [s](const httplib::Request& req, httplib::Response& res) { sign_on_route(*s, req, res); }});
  // Each route names an operation of the table, and none twice (mount() refuses a path listed
  // twice): as many routes as operations is every operation served.
  if (std::size(kRoutes) != client::cms::operations().size())
    throw std::logic_error("cms: the sdk operation table and the server's routes differ in number");
  for (const Route& route : kRoutes) {
    const client::cms::Operation* op = client::cms::find_operation(route.operation);
    if (!op) throw std::logic_error(std::string("cms route without an operation: ") + route.operation);
    const bool reads_body = op->input == client::cms::Input::body;
    family.endpoints.push_back({std::string(client::method_name(op->method)), std::string(op->path),
                                [s, wire = std::string(op->wire), route, reads_body](const httplib::Request& req, httplib::Response& res) {
                                  handle(*s, req, res, wire.c_str(), route.kind, reads_body, route.handler);
                                }});
  }
  return family;
}

nlohmann::json ensure_demo_credentials(const app::Services& services) { return ensure_demo_merchants(services); }

std::size_t run_due(const app::Services& services, nlohmann::json& ran, std::size_t max_listed) {
  return invoice_due(services, ran, max_listed);
}

}  // namespace payref::cms
