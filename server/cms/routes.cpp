#include "cms/routes.hpp"

#include "cms/errors.hpp"
#include "cms/invoicing.hpp"
#include "cms/sign_on.hpp"
#include "cms/subscriptions.hpp"
#include "http/json_body.hpp"
#include "http/redact.hpp"
#include "http/request_log.hpp"
#include "store/crypto.hpp"

namespace payref::cms {

namespace {

using Handler = Answer (*)(Call&);
enum class Kind { read, write };

constexpr const char* kSubscriptionsPath = "/2.1.28/REST/DataServices/CMS.svc/Subscriptions";

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

void not_allowed(httplib::Response& res, const std::string& allow) {
  res.set_header("Allow", allow);
  send_error(res, CmsError{Fault::not_allowed, "The resource does not support this HTTP method; it supports " + allow + ".", {}}, "");
}

}  // namespace

std::string new_transaction_id() {
  std::string id = store::random_hex(16);
  for (char& c : id) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return id;
}

void add_routes(httplib::Server& server, const app::Services& services) {
  const auto& s = services;
  // Sign-on answers the session token as a bare JSON string: no field name says it is a secret.
  http::declare_secret_response("GET", "/2.1.28/REST/SIS.svc/token");
  server.Get("/2.1.28/REST/SIS.svc/token", [&s](const httplib::Request& req, httplib::Response& res) { sign_on_route(s, req, res); });
  for (const char* method : {"POST", "PUT", "DELETE"}) {
    const std::string m = method;
    const auto refuse = [](const httplib::Request&, httplib::Response& res) { not_allowed(res, "GET"); };
    if (m == "POST") server.Post("/2.1.28/REST/SIS.svc/token", refuse);
    if (m == "PUT") server.Put("/2.1.28/REST/SIS.svc/token", refuse);
    if (m == "DELETE") server.Delete("/2.1.28/REST/SIS.svc/token", refuse);
  }

  const std::string base = kSubscriptionsPath;
  const std::string one = base + "/([^/]+)";
  const auto route = [&s](const char* operation, Kind kind, bool reads_body, Handler handler) {
    return [&s, operation, kind, reads_body, handler](const httplib::Request& req, httplib::Response& res) {
      handle(s, req, res, operation, kind, reads_body, handler);
    };
  };
  // The other methods on these paths: 405 with the ErrorResponse (registered first: cpp-httplib
  // takes the first match, and Subscriptions/{id} would take "query").
  const auto refuse = [](std::string allow) {
    return [allow](const httplib::Request&, httplib::Response& res) { not_allowed(res, allow); };
  };
  server.Get(base + "/?", refuse("POST"));
  server.Put(base + "/?", refuse("POST"));
  server.Delete(base + "/?", refuse("POST"));
  server.Get(base + "/query", refuse("POST"));
  server.Put(base + "/query", refuse("POST"));
  server.Delete(base + "/query", refuse("POST"));
  server.Get(one + "/invoice", refuse("POST"));
  server.Put(one + "/invoice", refuse("POST"));
  server.Delete(one + "/invoice", refuse("POST"));
  server.Get(one + "/state", refuse("PUT"));
  server.Post(one + "/state", refuse("PUT"));
  server.Delete(one + "/state", refuse("PUT"));
  // Subscriptions/ (create) and Subscriptions/query come before Subscriptions/{id}.
  server.Post(base + "/?", route("CreateSubscription", Kind::write, true, create_subscription));
  server.Post(base + "/query", route("QuerySubscriptions", Kind::read, true, query_subscriptions));
  server.Post(one + "/invoice", route("InvoiceSubscription", Kind::write, false, invoice_subscription_now));
  server.Put(one + "/state", route("UpdateSubscriptionState", Kind::write, true, update_subscription_state));
  server.Get(one, route("GetSubscription", Kind::read, false, get_subscription));
  server.Put(one, route("UpdateSubscription", Kind::write, true, update_subscription));
  server.Delete(one, route("DeleteSubscription", Kind::write, false, delete_subscription));
  server.Post(one, refuse("GET, PUT, DELETE"));  // after Subscriptions/query
}

nlohmann::json ensure_demo_credentials(const app::Services& services) { return ensure_demo_merchants(services); }

std::size_t run_due(const app::Services& services, nlohmann::json& ran, std::size_t max_listed) {
  return invoice_due(services, ran, max_listed);
}

}  // namespace payref::cms
