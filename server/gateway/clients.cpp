#include "gateway/clients.hpp"

#include "gateway/auth.hpp"
#include "gateway/fields.hpp"
#include "gateway/ids.hpp"
#include "payref/fields.hpp"

namespace payref::gateway {

namespace {

bool email_in_use(store::Transaction& tx, const std::string& email, const std::string& except_id = {}) {
  for (const auto& doc : tx.find(kClients, "", store::Key::key1, email_key(email)))
    if (doc.id != except_id && doc.body.value("Status", "") != "cancelled") return true;
  return false;
}

store::Document& save(store::Document& doc, store::Transaction& tx) {
  doc.key1 = email_key(doc.body.value("EmailAddress", ""));
  doc.key2 = client_key_column(doc.body);
  tx.put(doc);
  return doc;
}

// One answer for every wrong secret and for an unknown Id, so that Ids cannot be probed.
constexpr const char* kWrongSecret = "Authentication failed: unknown client or wrong key or code.";

store::Document load_with_code_or_key(Call& call, const Credentials& credentials) {
  auto doc = call.tx.get(kClients, "", credentials.id);
  if (!doc) fail(code::authentication, kWrongSecret);
  return *doc;
}

// The caller holds the client's current secret: its activation code while pending, its API key
// while active. A cancelled client has none.
bool owns(const Call& call, const store::Document& doc, const Credentials& credentials) {
  const std::string status = doc.body.value("Status", "");
  if (status == "active")
    return store::constant_time_equal(doc.body.value("KeyHash", ""), hash_client_key(call.services, credentials.key));
  if (status == "pending")
    return store::constant_time_equal(doc.body.value("ActivationCodeHash", ""),
                                      hash_client_key(call.services, "activation:" + credentials.key));
  return false;
}

void send_mail(Call& call, const std::string& to, const std::string& subject, const std::string& body,
               const std::string& code = {}) {
  // Sealed at rest: the mail carries activation codes and API keys (store/crypto.hpp).
  call.tx.append_outbox(
      store::seal_mail(call.services.vault, {0, to, subject, body, code, sim::format_wire_datetime(call.services.clock.now())}));
}

// A six-digit activation code has a million values: each wrong one for a pending registration is
// counted, and the fifth cancels the registration (its e-mail address is free to register again).
// The owner learns it by mail; the caller gets the answer any wrong secret gets, so a prober
// learns nothing about the Id. The count is stored, so the refusal is returned, not thrown (a
// throw would roll the count back). Active clients' keys are 128-bit: no count.
constexpr int kMaxActivationAttempts = 5;

Reply refuse_wrong_secret(Call& call, store::Document& doc) {
  if (doc.body.value("Status", "") == "pending") {
    const int failures = doc.body.value("FailedActivationAttempts", 0) + 1;
    doc.body["FailedActivationAttempts"] = failures;
    if (failures >= kMaxActivationAttempts) {
      doc.body["Status"] = "cancelled";
      doc.body.erase("ActivationCodeHash");
      doc.body["CancelledAt"] = sim::format_wire_datetime(call.services.clock.now());
      send_mail(call, doc.body.value("EmailAddress", ""), "Your payref client registration was cancelled",
                "Client Id: " + doc.id + "\nThe activation code was entered wrongly " + std::to_string(kMaxActivationAttempts) +
                    " times, so the registration was cancelled. Register again (POST api/v1/client/register) for a new code.");
    }
    save(doc, call.tx);
  }
  return render(GatewayError{std::string(code::authentication), kWrongSecret, 200, nullptr});
}

}  // namespace

Reply register_client(Call& call) {
  // The one call without an envelope: its fields sit at the top level. Its binding model has the
  // length and required rules of the help page, so violations are model errors (HTTP 400).
  const Fields in(call.body, "");
  const auto required = [&](const char* key, std::size_t min, std::size_t max) {
    const auto v = call.body.find(key);
    const std::string text = v != call.body.end() && v->is_string() ? v->get<std::string>() : std::string();
    if (text.empty()) fail_model(std::string("model.") + key, std::string("The ") + key + " field is required.");
    if (text.size() < min || text.size() > max)
      fail_model(std::string("model.") + key, std::string("The field ") + key + " must be a string with a minimum length of " +
                                                  std::to_string(min) + " and a maximum length of " + std::to_string(max) + ".");
    return text;
  };
  const std::string email = required("EmailAddress", 6, 256);
  if (!validate_email(email).is_valid) fail_model("model.EmailAddress", "The EmailAddress field is not a valid e-mail address.");
  nlohmann::json client = {{"EmailAddress", email},
                           {"FirstName", required("FirstName", 1, 100)},
                           {"LastName", required("LastName", 1, 100)},
                           {"Company", required("Company", 1, 100)},
                           {"ApplicationName", required("ApplicationName", 1, 100)},
                           {"CountryCode", required("CountryCode", 3, 3)}};
  if (!validate_country(client["CountryCode"].get<std::string>(), CountryCodeForm::alpha3).is_valid)
    fail(code::validation, "CountryCode: not an ISO-3166 alpha-3 country code (country.unknown)");
  if (email_in_use(call.tx, email)) fail(code::duplicate, "EmailAddress: a client is already registered with this address.");

  const std::string id = next_id(call.tx, IdKind::client);
  const std::string activation_code = store::random_digits(6);
  client["Id"] = id;
  client["Status"] = "pending";
  client["ActivationCodeHash"] = hash_client_key(call.services, "activation:" + activation_code);
  client["RegisteredAt"] = sim::format_wire_datetime(call.services.clock.now());
  store::Document doc{kClients, id, "", "", "", client, {}};
  save(doc, call.tx);
  send_mail(call, email, "Your payref client registration: activation code",
            "Client Id: " + id + "\nActivation code: " + activation_code +
                "\nActivate with POST api/v1/client/activation, Authentication {Id: your client Id, Key: this code}.",
            activation_code);
  return success("Registration received for client " + id + ". An activation code has been sent to " + email + ".");
}

Reply activate_client(Call& call) {
  const auto credentials = read_credentials(call.body);
  auto doc = load_with_code_or_key(call, credentials);
  // The state is told only to whoever proves to own the client, so Ids cannot be probed.
  if (!owns(call, doc, credentials)) return refuse_wrong_secret(call, doc);
  if (doc.body.value("Status", "") == "active") fail(code::invalid_state, "The client is already active.");
  const std::string key = store::random_hex(16);
  doc.body["Status"] = "active";
  doc.body["KeyHash"] = hash_client_key(call.services, key);
  doc.body.erase("ActivationCodeHash");
  doc.body.erase("FailedActivationAttempts");
  doc.body["ActivatedAt"] = sim::format_wire_datetime(call.services.clock.now());
  save(doc, call.tx);
  const std::string email = doc.body.value("EmailAddress", "");
  send_mail(call, email, "Your payref API credentials",
            "Client Id: " + doc.id + "\nKey: " + key + "\nSend both as Authentication {Id, Key} on every call.");
  return success("Client " + doc.id + " activated. Its API credentials have been sent to " + email + ".");
}

Reply cancel_client(Call& call) {
  const auto credentials = read_credentials(call.body);
  auto doc = load_with_code_or_key(call, credentials);
  // A pending registration is cancelled with its activation code, an active one with its key; a
  // cancelled client keeps no secret, so nobody can tell it apart from an unknown Id.
  if (!owns(call, doc, credentials)) return refuse_wrong_secret(call, doc);
  doc.body["Status"] = "cancelled";
  doc.body.erase("KeyHash");
  doc.body.erase("ActivationCodeHash");
  doc.body["CancelledAt"] = sim::format_wire_datetime(call.services.clock.now());
  save(doc, call.tx);
  return success("Client " + doc.id + " cancelled. Its credentials no longer work.");
}

Reply update_client(Call& call) {
  const auto credentials = read_credentials(call.body);
  authenticate(call.services, call.tx, credentials);
  const auto client = call.tx.get(kClients, "", credentials.id)->body;
  const auto updates = call.body.find("Updates");
  if (updates == call.body.end() || !updates->is_object()) fail_model("model.Updates", "The Updates field is required.");
  const std::string email = Fields(*updates, "Updates").email("EmailAddress");
  if (email_in_use(call.tx, email, credentials.id)) fail(code::duplicate, "Updates.EmailAddress: already used by another client.");
  store::Document doc{kClients, credentials.id, "", "", "", client, {}};
  doc.body["EmailAddress"] = email;
  doc.body["UpdatedAt"] = sim::format_wire_datetime(call.services.clock.now());
  save(doc, call.tx);
  return success("The registration e-mail address of client " + credentials.id + " is now " + email + ".");
}

void create_active_client(const Services& services, store::Transaction& tx, const std::string& id, const std::string& key,
                          const nlohmann::json& details) {
  nlohmann::json client = details;
  client["Id"] = id;
  client["Status"] = "active";
  client["KeyHash"] = hash_client_key(services, key);
  client["RegisteredAt"] = client["ActivatedAt"] = sim::format_wire_datetime(services.clock.now());
  store::Document doc{kClients, id, "", "", "", client, {}};
  save(doc, tx);
}

}  // namespace payref::gateway
