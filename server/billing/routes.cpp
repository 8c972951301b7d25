#include "billing/routes.hpp"

#include <spdlog/spdlog.h>

#include <exception>

#include "billing/auth.hpp"
#include "billing/customers.hpp"
#include "billing/errors.hpp"
#include "billing/input.hpp"
#include "billing/render.hpp"

namespace payref::billing {

namespace {

constexpr const char* kCollection = "/api/v01/customers";
constexpr const char* kItem = R"(/api/v01/customers/([^/]+))";

// The boundary of every billing request: whatever happens inside, the client gets an answer in
// the family's error format and negotiated Accept type; nothing escapes to httplib.
template <class Body>
void guarded(const httplib::Request& req, httplib::Response& res, Body body) {
  const Format format = negotiate(req);
  try {
    body(format);
  } catch (const BillingError& error) {
    send_error(res, format, error);
  } catch (const std::exception& e) {
    spdlog::error("{} {}: unhandled: {}", req.method, req.path, e.what());
    send_error(res, format, BillingError{500, {Problem{std::string(code::internal), {}, {}, "Internal error; the request was not applied."}}, {}});
  } catch (...) {
    spdlog::error("{} {}: unhandled non-standard exception", req.method, req.path);
    send_error(res, format, BillingError{500, {Problem{std::string(code::internal), {}, {}, "Internal error; the request was not applied."}}, {}});
  }
}

std::string path_id(const httplib::Request& req) { return req.matches.size() > 1 ? req.matches[1].str() : std::string(); }

// Authenticates first (every billing path needs a service user), then refuses.
void refuse(const gateway::Services& services, const httplib::Request& req, httplib::Response& res, int status,
            std::string allow) {
  guarded(req, res, [&](Format) {
    services.store.read([&](store::Transaction& tx) { authenticate(services, tx, req); });
    if (status == 405)
      throw BillingError{405, {Problem{std::string(code::method_not_allowed), {}, {}, req.method + " is not supported here; use " + allow + "."}}, allow};
    fail(404, code::not_found, "No billing resource has this path; payref implements /api/v01/customers and /api/v01/customers/{id}.");
  });
}

}  // namespace

void add_routes(httplib::Server& server, const gateway::Services& services) {
  const gateway::Services* s = &services;

  server.Put(kCollection, [s](const httplib::Request& req, httplib::Response& res) {
    guarded(req, res, [&](Format format) {
      nlohmann::json created;
      s->store.write([&](store::Transaction& tx) {
        const ServiceUser user = authenticate(*s, tx, req);
        created = create_customer(*s, tx, user, customer_input(req));
      });
      res.set_header("Location", std::string(kCollection) + "/" + std::to_string(created.at("id").get<std::int64_t>()));
      send_customer(res, format, 201, created);
    });
  });
  server.Get(kCollection, [s](const httplib::Request& req, httplib::Response& res) {
    guarded(req, res, [&](Format format) {
      std::vector<nlohmann::json> found;
      s->store.read([&](store::Transaction& tx) {
        const ServiceUser user = authenticate(*s, tx, req);
        refuse_get_body(req);
        found = find_customers(tx, user, query_parameters(req));
      });
      send_customers(res, format, found);
    });
  });
  server.Get(kItem, [s](const httplib::Request& req, httplib::Response& res) {
    guarded(req, res, [&](Format format) {
      nlohmann::json customer;
      s->store.read([&](store::Transaction& tx) {
        const ServiceUser user = authenticate(*s, tx, req);
        refuse_get_body(req);
        if (!query_parameters(req).empty())
          fail_validation("", "parameter.unknown", "load takes no query parameters.");
        customer = load_customer(tx, user, path_id(req));
      });
      send_customer(res, format, 200, customer);
    });
  });
  server.Post(kItem, [s](const httplib::Request& req, httplib::Response& res) {
    guarded(req, res, [&](Format format) {
      nlohmann::json customer;
      s->store.write([&](store::Transaction& tx) {
        const ServiceUser user = authenticate(*s, tx, req);
        customer = modify_customer(*s, tx, user, path_id(req), customer_input(req));
      });
      send_customer(res, format, 200, customer);
    });
  });

  // Methods the resources do not support, and every other path under /api/v01/.
  const auto not_allowed = [s](std::string allow) {
    return [s, allow](const httplib::Request& req, httplib::Response& res) { refuse(*s, req, res, 405, allow); };
  };
  server.Post(kCollection, not_allowed("GET, PUT"));
  server.Delete(kCollection, not_allowed("GET, PUT"));
  server.Patch(kCollection, not_allowed("GET, PUT"));
  server.Put(kItem, not_allowed("GET, POST"));
  server.Delete(kItem, not_allowed("GET, POST"));
  server.Patch(kItem, not_allowed("GET, POST"));
  const auto unknown = [s](const httplib::Request& req, httplib::Response& res) { refuse(*s, req, res, 404, {}); };
  const char* rest = R"(/api/v01(/.*)?)";
  server.Get(rest, unknown);
  server.Post(rest, unknown);
  server.Put(rest, unknown);
  server.Delete(rest, unknown);
  server.Patch(rest, unknown);
}

nlohmann::json ensure_demo_credentials(const gateway::Services& services) {
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
