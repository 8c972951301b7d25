#include "billing/routes.hpp"

#include <exception>
#include <stdexcept>
#include <utility>
#include <vector>

#include "billing/auth.hpp"
#include "billing/customers.hpp"
#include "billing/errors.hpp"
#include "billing/input.hpp"
#include "billing/render.hpp"
#include "payref/client/billing.hpp"

namespace payref::billing {

namespace {

// A billing request: a refusal (BillingError) is answered in the family's error format and the
// negotiated Accept type. Anything else is a bug and goes on to the pipeline's exception boundary
// (http_server.cpp), which logs it masked and answers 500 through billing's error renderer.
template <class Body>
void guarded(const httplib::Request& req, httplib::Response& res, Body body) {
  const Format format = negotiate(req);
  try {
    body(format);
  } catch (const BillingError& error) {
    send_error(res, format, error);
  }
}

std::string path_id(const httplib::Request& req) { return req.matches.size() > 1 ? req.matches[1].str() : std::string(); }

void create(const app::Services& s, const httplib::Request& req, httplib::Response& res, Format format) {
  nlohmann::json created;
  s.store.write([&](store::Transaction& tx) {
    const ServiceUser user = authenticate(s, tx, req);
    created = create_customer(s, tx, user, customer_input(req));
  });
  res.set_header("Location", req.path + "/" + std::to_string(created.at("id").get<std::int64_t>()));
  send_customer(res, format, 201, created);
}

void find(const app::Services& s, const httplib::Request& req, httplib::Response& res, Format format) {
  std::vector<nlohmann::json> found;
  s.store.read([&](store::Transaction& tx) {
    const ServiceUser user = authenticate(s, tx, req);
    refuse_get_body(req);
    found = find_customers(tx, user, query_parameters(req));
  });
  send_customers(res, format, found);
}

void load(const app::Services& s, const httplib::Request& req, httplib::Response& res, Format format) {
  nlohmann::json customer;
  s.store.read([&](store::Transaction& tx) {
    const ServiceUser user = authenticate(s, tx, req);
    refuse_get_body(req);
    if (!query_parameters(req).empty()) fail_validation("", "parameter.unknown", "load takes no query parameters.");
    customer = load_customer(tx, user, path_id(req));
  });
  send_customer(res, format, 200, customer);
}

void modify(const app::Services& s, const httplib::Request& req, httplib::Response& res, Format format) {
  nlohmann::json customer;
  s.store.write([&](store::Transaction& tx) {
    const ServiceUser user = authenticate(s, tx, req);
    customer = modify_customer(s, tx, user, path_id(req), customer_input(req));
  });
  send_customer(res, format, 200, customer);
}

// Methods and paths come from the client's operation table (sdk/include/payref/client/billing.hpp):
// one list for both sides of the wire.
struct Route {
  const char* operation;
  void (*handler)(const app::Services&, const httplib::Request&, httplib::Response&, Format);
};

constexpr Route kRoutes[] = {
    {"customers.create", create},
    {"customers.find", find},
    {"customers.load", load},
    {"customers.modify", modify},
};

}  // namespace

http::Family routes(const app::Services& services) {
  const app::Services* s = &services;
  http::Family family;
  family.prefix = "/api/v01/";
  family.methods = {"GET", "POST", "PUT", "DELETE", "PATCH"};
  family.render = render_http_error;
  family.refusal_message = [](const httplib::Request& req, const http::RouteRefusal& refusal) {
    return refusal.status == 405
               ? req.method + " is not supported here; use " + refusal.allow + "."
               : std::string("No billing resource has this path; payref implements /api/v01/customers and /api/v01/customers/{id}.");
  };
  // Every billing path needs a service user: a refusal is for an authenticated caller only.
  family.before_refusal = [s](const httplib::Request& req, httplib::Response& res) {
    try {
      s->store.read([&](store::Transaction& tx) { authenticate(*s, tx, req); });
      return false;
    } catch (const BillingError& error) {
      send_error(res, negotiate(req), error);
      return true;
    }
  };
  // Each route names an operation of the table, and none twice (mount() refuses a path listed
  // twice): as many routes as operations is every operation served.
  if (std::size(kRoutes) != client::billing::operations().size())
    throw std::logic_error("billing: the sdk operation table and the server's routes differ in number");
  for (const Route& route : kRoutes) {
    const client::billing::Operation* op = client::billing::find_operation(route.operation);
    if (!op) throw std::logic_error(std::string("billing route without an operation: ") + route.operation);
    auto handler = [s, h = route.handler](const httplib::Request& req, httplib::Response& res) {
      guarded(req, res, [&](Format format) { h(*s, req, res, format); });
    };
    family.endpoints.push_back({std::string(client::method_name(op->method)), std::string(op->path), handler});
  }
  return family;
}

nlohmann::json ensure_demo_credentials(const app::Services& services) {
  // Passwords derived from the data directory's secret hashing key, not stored: the database
  // keeps only their keyed hashes, and they survive resets so printed credentials stay valid.
  struct Demo {
    const char* username;
    const char* merchant;
    std::vector<std::int64_t> accounts;
  };
  const Demo demos[] = {{"api-demo", "demo", {2001, 2002}}, {"api-demo-other", "demo-other", {3001}}};
  nlohmann::json users = nlohmann::json::array();
  services.store.write([&](store::Transaction& tx) {
    for (const auto& demo : demos) {
      const std::string password =
          store::keyed_hash(services.hash_key, std::string("sandbox-billing-password:") + demo.username).substr(0, 24);
      if (!tx.get_keys(kServiceUsers, "", demo.username))
        put_service_user(services, tx, demo.username, password, demo.merchant, demo.accounts);
      users.push_back({{"username", demo.username}, {"password", password}, {"accountIds", demo.accounts}});
    }
  });
  return {{"username", users[0]["username"]},
          {"password", users[0]["password"]},
          {"accountIds", users[0]["accountIds"]},
          {"baseUrl", "/api/v01/"},
          // A second merchant, so that a developer (and the tests) can see that merchants are apart.
          {"otherMerchant", users[1]}};
}

}  // namespace payref::billing
