#include "gateway/routes.hpp"

#include "gateway/auth.hpp"
#include "gateway/clients.hpp"
#include "gateway/customers.hpp"
#include "gateway/discounts.hpp"
#include "gateway/memberships.hpp"
#include "gateway/packages.hpp"
#include "gateway/purchases.hpp"
#include "gateway/payments.hpp"
#include "gateway/recurring.hpp"
#include "gateway/transactions.hpp"
#include "gateway/wire.hpp"
#include "http/json_body.hpp"
#include "payref/client/gateway.hpp"

namespace payref::gateway {

namespace {

using Handler = Reply (*)(Call&);

enum class Access {
  anonymous,       // client/register
  own_credentials, // client activation / cancellation / update: the handler checks them
  client,          // everything else: an active client's Id and Key
};
enum class Kind { read, write, money };

void send(httplib::Response& res, const Reply& reply) {
  res.status = reply.http_status;
  res.set_content(reply.raw.empty() ? reply.body.dump() : reply.raw, "application/json; charset=utf-8");
}

Reply run(const Services& services, store::Transaction& tx, const nlohmann::json& body, const std::string& path_param, Access access,
          Handler handler) {
  Call call{services, tx, body, {}, path_param};
  if (access == Access::client) {
    const auto credentials = read_credentials(body);
    authenticate(services, tx, credentials);
    call.client_id = credentials.id;
  }
  return handler(call);
}

// Money-moving calls with an Idempotency-Key: the first answer is stored with a hash of the
// request, in the same transaction as the money movement; a retry with the same body gets that
// answer again (header Idempotent-Replayed: true) and moves nothing; a different body is refused.
// Processor errors (91) are not remembered: the retry they ask for runs for real.
struct Idempotency {
  std::string key, request_hash, client_id;
};

void handle(const Services& services, const httplib::Request& req, httplib::Response& res, Access access, Kind kind,
            Handler handler) {
  const auto decoded = http::decode_request(req);
  if (!decoded.json) {
    send(res, render(GatewayError{std::string(code::validation), "The request is invalid.", 400,
                                  {{"model", nlohmann::json::array({decoded.error})}}}));
    return;
  }
  const nlohmann::json& body = *decoded.json;
  const std::string path_param = req.matches.size() > 1 ? req.matches[1].str() : std::string();
  std::optional<Idempotency> idempotency;
  if (kind == Kind::money && req.has_header("Idempotency-Key")) {
    const std::string key = req.get_header_value("Idempotency-Key");
    if (key.empty() || key.size() > 255) {
      send(res, render(GatewayError{std::string(code::validation), "Idempotency-Key: must be 1 to 255 characters", 200, nullptr}));
      return;
    }
    // Keyed: the body holds the card number, the CVV and the client's key.
    idempotency = Idempotency{key, store::keyed_hash(services.hash_key, "idempotency:" + req.path + "\n" + body.dump()), {}};
  }

  Reply reply;
  bool replayed = false;
  try {
    if (kind == Kind::read) {
      services.store.read([&](store::Transaction& tx) { reply = run(services, tx, body, path_param, access, handler); });
    } else {
      services.store.write([&](store::Transaction& tx) {
        if (idempotency) {
          idempotency->client_id = read_credentials(body).id;
          if (auto saved = tx.idempotent_response(idempotency->client_id, idempotency->key)) {
            authenticate(services, tx, read_credentials(body));  // a replay still needs the right key
            // Records written before the hash was keyed hold a plain SHA-256 of the request.
            if (saved->request_hash != idempotency->request_hash &&
                saved->request_hash != store::sha256_hex(req.path + "\n" + body.dump()))
              fail(code::idempotency_conflict, "Idempotency-Key: already used with a different request");
            reply = Reply{saved->status, nlohmann::json::parse(saved->body), {}};
            replayed = true;
            return;
          }
        }
        reply = run(services, tx, body, path_param, access, handler);
        // A processor outage (91) says "retry": remembering it would make the retry fail forever.
        const bool retryable = reply.body.contains("Message") && reply.body["Message"].is_object() &&
                               reply.body["Message"].value("Code", "") == code::processor_error;
        if (idempotency && !retryable)
          tx.save_idempotent_response(idempotency->client_id, idempotency->key,
                                      {idempotency->request_hash, reply.http_status, reply.body.dump()});
      });
    }
  } catch (const GatewayError& error) {
    reply = render(error);
    // A refused request is remembered too, so a retry gets the same answer (nothing was written).
    if (idempotency && !idempotency->client_id.empty() && error.code != code::authentication &&
        error.code != code::idempotency_conflict) {
      services.store.write([&](store::Transaction& tx) {
        if (!tx.idempotent_response(idempotency->client_id, idempotency->key))
          tx.save_idempotent_response(idempotency->client_id, idempotency->key,
                                      {idempotency->request_hash, reply.http_status, reply.body.dump()});
      });
    }
  }
  if (replayed) res.set_header("Idempotent-Replayed", "true");
  send(res, reply);
}

// Methods and paths come from the client's operation table (sdk/include/payref/client/gateway.hpp):
// one list for both sides of the wire.
struct Route {
  const char* operation;  // "payments.charge"
  Access access;
  Kind kind;
  Handler handler;
};

constexpr Route kRoutes[] = {
    {"clients.register", Access::anonymous, Kind::write, register_client},
    {"clients.activate", Access::own_credentials, Kind::write, activate_client},
    {"clients.cancel", Access::own_credentials, Kind::write, cancel_client},
    {"clients.update", Access::own_credentials, Kind::write, update_client},

    {"customers.register", Access::client, Kind::write, register_customer},
    {"paymentProfiles.register", Access::client, Kind::write, register_payment_profile},
    {"paymentProfiles.update", Access::client, Kind::write, update_payment_profile},
    {"paymentProfiles.remove", Access::client, Kind::write, remove_payment_profile},
    {"customers.profiles", Access::client, Kind::read, list_profiles},
    {"customers.profilesFull", Access::client, Kind::read, list_profiles_full},
    {"customers.profile", Access::client, Kind::read, get_profile},
    {"customers.get", Access::client, Kind::read, get_customer},
    {"customers.defaultProfile", Access::client, Kind::read, get_default_profile},

    {"discountCodes.add", Access::client, Kind::write, add_discount_code},
    {"discountCodes.validate", Access::client, Kind::read, validate_discount_code},

    {"isv.pricing", Access::client, Kind::read, isv_pricing},

    {"memberships.join", Access::client, Kind::money, join_membership},
    {"memberships.cancel", Access::client, Kind::write, cancel_membership},
    {"memberships.list", Access::client, Kind::read, list_memberships},

    {"packages.list", Access::client, Kind::read, list_packages},
    {"packages.purchased", Access::client, Kind::read, list_purchased},
    {"packages.upgradeBundle", Access::client, Kind::money, upgrade_bundle},
    {"packages.downgradeBundle", Access::client, Kind::write, downgrade_bundle},
    {"packages.truingUp", Access::client, Kind::read, truing_up},
    {"packages.curatedCollection", Access::client, Kind::read, get_curated_collection},
    {"packages.softwareBundle", Access::client, Kind::read, get_software_bundle},
    {"packages.software", Access::client, Kind::read, get_software},
    {"packages.purchase", Access::client, Kind::money, purchase},

    {"payments.authorize", Access::client, Kind::money, card_authorize},
    {"payments.charge", Access::client, Kind::money, card_charge},
    {"payments.refund", Access::client, Kind::money, card_refund},
    {"payments.settle", Access::client, Kind::money, card_settle},
    {"payments.void", Access::client, Kind::money, card_void},
    {"payments.bankDebit", Access::client, Kind::money, bank_debit},
    {"payments.bankCredit", Access::client, Kind::money, bank_credit},
    {"payments.thirdParty", Access::client, Kind::money, third_party},

    {"profiles.authorize", Access::client, Kind::money, profile_authorize},
    {"profiles.charge", Access::client, Kind::money, profile_charge},
    {"profiles.refund", Access::client, Kind::money, profile_refund},
    {"profiles.settle", Access::client, Kind::money, profile_settle},
    {"profiles.void", Access::client, Kind::money, profile_void},

    {"recurringPayments.register", Access::client, Kind::write, register_recurring},
    {"recurringPayments.suspend", Access::client, Kind::write, suspend_recurring},
    {"recurringPayments.resume", Access::client, Kind::write, resume_recurring},
    {"recurringPayments.remove", Access::client, Kind::write, remove_recurring},
    {"recurringPayments.list", Access::client, Kind::read, list_recurring},

    {"transactions.list", Access::client, Kind::read, list_transactions},
};

}  // namespace

http::Family routes(const Services& services) {
  using client::gateway::Method;
  http::Family family;
  family.prefix = "/api/v1/";
  family.methods = {"GET", "POST"};  // ASP.NET's 405 is for these; another method is a 404
  family.render = render_http_error;
  family.refusal_message = [](const httplib::Request& req, const http::RouteRefusal& refusal) {
    return refusal.status == 405 ? "The requested resource does not support http method '" + req.method + "'."
                                 : std::string(http::kNoResourceMessage);
  };
  // Each route names an operation of the table, and none twice (mount() refuses a path listed
  // twice): as many routes as operations is every operation served.
  if (std::size(kRoutes) != client::gateway::operations().size())
    throw std::logic_error("gateway: the sdk operation table and the server's routes differ in number");
  for (const Route& route : kRoutes) {
    const client::gateway::Operation* op = client::gateway::find_operation(route.operation);
    if (!op) throw std::logic_error(std::string("gateway route without an operation: ") + route.operation);
    if ((route.kind == Kind::money) != op->money_moving)  // the client sends Idempotency-Key by the same flag
      throw std::logic_error(std::string("gateway route and operation disagree on moving money: ") + route.operation);
    auto handler = [&services, route](const httplib::Request& req, httplib::Response& res) {
      handle(services, req, res, route.access, route.kind, route.handler);
    };
    if (op->method != Method::get) family.endpoints.push_back({"POST", std::string(op->path), handler});
    if (op->method != Method::post) family.endpoints.push_back({"GET", std::string(op->path), handler});
  }
  return family;
}

}  // namespace payref::gateway
