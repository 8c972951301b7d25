// Client registration (seed 000: api/v1/client/register, activation, cancellation, update): the
// two-factor flow through the sandbox outbox, the client state machine pending → active →
// cancelled, and the registration model's HTTP 400 rules.
#include <boost/test/unit_test.hpp>

#include <cctype>

#include "gateway_helpers.hpp"

using namespace payref_test;
using nlohmann::json;

namespace {

json activation(const std::string& id, const std::string& key) { return {{"Authentication", {{"Id", id}, {"Key", key}}}}; }

bool all_digits(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(clients_tests, ServerFixture)

BOOST_AUTO_TEST_CASE(registration_mails_an_activation_code_newest_first) {
  const std::string first = unique_email("first"), second = unique_email("second");
  const auto r1 = server.post("/api/v1/client/register", client_registration(first));
  BOOST_TEST(r1.status == 200);
  BOOST_TEST(r1.code() == "00", r1.summary());
  BOOST_TEST(r1.response().is_null());
  const auto r2 = server.post("/api/v1/client/register", client_registration(second));
  BOOST_TEST(r2.code() == "00", r2.summary());

  const auto outbox = server.outbox();
  BOOST_TEST_REQUIRE(outbox.size() >= 2u);
  // Newest first.
  BOOST_TEST(outbox[0].value("to", "") == second);
  BOOST_TEST(outbox[1].value("to", "") == first);
  BOOST_TEST(outbox[0]["seq"].get<long long>() > outbox[1]["seq"].get<long long>());
  for (const auto& mail : {outbox[0], outbox[1]}) {
    BOOST_TEST_REQUIRE(mail["code"].is_string());
    const std::string code = mail["code"].get<std::string>();
    BOOST_TEST(code.size() == 6u);
    BOOST_TEST(all_digits(code), code);
    BOOST_TEST(mail.value("body", "").find(code) != std::string::npos);
    BOOST_TEST(mail.value("body", "").find("Client Id: ") != std::string::npos);
  }
  // Two registrations, two different client ids, both named in the response text.
  const auto p1 = outbox[1].value("body", ""), p2 = outbox[0].value("body", "");
  BOOST_TEST(p1.substr(p1.find("Client Id: "), 20) != p2.substr(p2.find("Client Id: "), 20));
}

BOOST_AUTO_TEST_CASE(activation_mails_an_api_key_that_authenticates) {
  const auto pending = register_client(server);
  const auto reply = server.post("/api/v1/client/activation", activation(pending.id, pending.activation_code));
  BOOST_TEST(reply.code() == "00", reply.summary());

  const auto outbox = server.outbox();
  BOOST_TEST_REQUIRE(outbox.size() >= 2u);
  const auto& mail = outbox[0];
  BOOST_TEST(mail.value("to", "") == pending.email);
  BOOST_TEST(mail["code"].is_null());  // the credentials mail carries no activation code
  const std::string body = mail.value("body", "");
  const auto at = body.find("Key: ");
  BOOST_TEST_REQUIRE(at != std::string::npos, body);
  const std::string key = body.substr(at + 5, body.find('\n', at) - at - 5);
  BOOST_TEST(key.size() == 32u);
  BOOST_TEST(key != pending.activation_code);

  const Credentials active{pending.id, key};
  const auto customer = server.post("/api/v1/customer/register", envelope(active, customer_request(unique_email())));
  BOOST_TEST(customer.code() == "00", customer.summary());
  // The activation code is not a key.
  const auto with_code = server.post("/api/v1/customer/register",
                                     envelope(Credentials{pending.id, pending.activation_code}, customer_request(unique_email())));
  BOOST_TEST(with_code.code() == "20", with_code.summary());
}

BOOST_AUTO_TEST_CASE(wrong_activation_code_is_refused_with_20) {
  const auto pending = register_client(server);
  const std::string wrong = pending.activation_code == "000000" ? "111111" : "000000";
  const auto reply = server.post("/api/v1/client/activation", activation(pending.id, wrong));
  BOOST_TEST(reply.status == 200);
  BOOST_TEST(reply.code() == "20", reply.summary());
  // No credentials mail was sent, and the right code still works afterwards.
  BOOST_TEST(server.outbox()[0]["code"].is_string());
  const auto right = server.post("/api/v1/client/activation", activation(pending.id, pending.activation_code));
  BOOST_TEST(right.code() == "00", right.summary());
}

BOOST_AUTO_TEST_CASE(four_wrong_codes_leave_the_registration_pending) {
  const auto pending = register_client(server);
  const std::string wrong = pending.activation_code == "000000" ? "111111" : "000000";
  for (int i = 0; i < 4; ++i)  // by activation and by cancellation alike
    BOOST_TEST(server.post(i % 2 ? "/api/v1/client/cancellation" : "/api/v1/client/activation", activation(pending.id, wrong)).code() == "20");
  const auto right = server.post("/api/v1/client/activation", activation(pending.id, pending.activation_code));
  BOOST_TEST(right.code() == "00", right.summary());
}

BOOST_AUTO_TEST_CASE(the_fifth_wrong_code_cancels_the_registration_and_tells_its_owner) {
  const auto pending = register_client(server);
  const std::string wrong = pending.activation_code == "000000" ? "111111" : "000000";
  std::string fifth;
  for (int i = 0; i < 5; ++i) {
    const auto reply = server.post("/api/v1/client/activation", activation(pending.id, wrong));
    BOOST_TEST(reply.code() == "20", reply.summary());
    fifth = reply.description();
  }
  // The caller is told nothing new: the same answer as an unknown Id.
  BOOST_TEST(fifth == server.post("/api/v1/client/activation", activation("999999999", wrong)).description());
  // The right code no longer works; the owner got a mail; the address can register again.
  BOOST_TEST(server.post("/api/v1/client/activation", activation(pending.id, pending.activation_code)).code() == "20");
  const auto mail = server.outbox()[0];
  BOOST_TEST(mail.value("to", "") == pending.email);
  BOOST_TEST(mail.value("subject", "").find("cancelled") != std::string::npos, mail.dump());
  BOOST_TEST(mail.value("body", "").find(pending.id) != std::string::npos, mail.dump());
  const auto again = server.post("/api/v1/client/register", client_registration(pending.email));
  BOOST_TEST(again.code() == "00", again.summary());
}

BOOST_AUTO_TEST_CASE(wrong_keys_of_an_active_client_are_not_counted) {
  const auto pending = register_client(server);
  const Credentials active = activate_client(server, pending);
  for (int i = 0; i < 6; ++i)
    BOOST_TEST(server.post("/api/v1/client/cancellation", activation(active.id, "00000000000000000000000000000000")).code() == "20");
  BOOST_TEST(register_customer(server, active).id.size() > 0u);  // the client still works
}

BOOST_AUTO_TEST_CASE(activation_of_unknown_client_is_refused_with_20) {
  const auto reply = server.post("/api/v1/client/activation", activation("999999999", "123456"));
  BOOST_TEST(reply.code() == "20", reply.summary());
}

BOOST_AUTO_TEST_CASE(second_activation_is_30_with_the_key_and_20_with_the_spent_code) {
  const auto pending = register_client(server);
  const auto active = activate_client(server, pending);
  // Only the client's owner learns its state: the spent code proves nothing any more.
  const auto with_code = server.post("/api/v1/client/activation", activation(pending.id, pending.activation_code));
  BOOST_TEST(with_code.code() == "20", with_code.summary());
  const auto with_key = server.post("/api/v1/client/activation", {{"Authentication", active.json()}});
  BOOST_TEST(with_key.code() == "30", with_key.summary());
}

BOOST_AUTO_TEST_CASE(pending_client_cannot_call_customer_or_payment_endpoints) {
  const auto pending = register_client(server);
  const Credentials as_pending{pending.id, pending.activation_code};
  const auto customer = server.post("/api/v1/customer/register", envelope(as_pending, customer_request(unique_email())));
  BOOST_TEST(customer.code() == "20", customer.summary());
  const auto profiles = server.post("/api/v1/customer/profiles", envelope(as_pending, {{"Email", unique_email()}}));
  BOOST_TEST(profiles.code() == "20", profiles.summary());
  const auto charge = server.post("/api/v1/payments/creditcard/charge",
                                  envelope(as_pending, card_payment_request(2, "10.00", unique_email())));
  BOOST_TEST(charge.code() == "20", charge.summary());
  // A pending client cannot change its e-mail either: update needs an active client's key.
  const auto update = server.post("/api/v1/client/update",
                                  {{"Authentication", as_pending.json()}, {"Updates", {{"EmailAddress", unique_email()}}}});
  BOOST_TEST(update.code() == "20", update.summary());
}

BOOST_AUTO_TEST_CASE(cancelled_client_is_refused_everywhere) {
  const auto pending = register_client(server);
  const auto active = activate_client(server, pending);
  const std::string buyer = unique_email();
  register_customer(server, active, buyer);

  const auto cancel = server.post("/api/v1/client/cancellation", {{"Authentication", active.json()}});
  BOOST_TEST(cancel.code() == "00", cancel.summary());

  const auto customer = server.post("/api/v1/customer/register", envelope(active, customer_request(unique_email())));
  BOOST_TEST(customer.code() == "20", customer.summary());
  const auto lookup = server.post("/api/v1/customer/profiles", envelope(active, {{"Email", buyer}}));
  BOOST_TEST(lookup.code() == "20", lookup.summary());
  const auto charge =
      server.post("/api/v1/payments/creditcard/charge", envelope(active, card_payment_request(2, "10.00", buyer)));
  BOOST_TEST(charge.code() == "20", charge.summary());
  const auto history = server.post("/api/v1/transactions", envelope(active, {{"Email", buyer}}));
  BOOST_TEST(history.code() == "20", history.summary());
  const auto update =
      server.post("/api/v1/client/update", {{"Authentication", active.json()}, {"Updates", {{"EmailAddress", unique_email()}}}});
  BOOST_TEST(update.code() == "20", update.summary());
  // A cancelled client keeps no secret: it answers like an unknown Id, so its state cannot be probed.
  const auto reactivate = server.post("/api/v1/client/activation", activation(pending.id, pending.activation_code));
  BOOST_TEST(reactivate.code() == "20", reactivate.summary());
  const auto cancel_again = server.post("/api/v1/client/cancellation", {{"Authentication", active.json()}});
  BOOST_TEST(cancel_again.code() == "20", cancel_again.summary());
}

BOOST_AUTO_TEST_CASE(pending_registration_is_cancelled_with_its_activation_code) {
  const auto pending = register_client(server);
  const auto wrong = server.post("/api/v1/client/cancellation", activation(pending.id, "not-the-code"));
  BOOST_TEST(wrong.code() == "20", wrong.summary());
  const auto cancel = server.post("/api/v1/client/cancellation", activation(pending.id, pending.activation_code));
  BOOST_TEST(cancel.code() == "00", cancel.summary());
  const auto activate = server.post("/api/v1/client/activation", activation(pending.id, pending.activation_code));
  BOOST_TEST(activate.code() == "20", activate.summary());
}

BOOST_AUTO_TEST_CASE(cancellation_with_wrong_key_is_refused_with_20) {
  const auto active = register_active_client(server);
  const auto reply =
      server.post("/api/v1/client/cancellation", activation(active.id, "0123456789abcdef0123456789abcdef"));
  BOOST_TEST(reply.code() == "20", reply.summary());
  // Still active.
  const auto customer = server.post("/api/v1/customer/register", envelope(active, customer_request(unique_email())));
  BOOST_TEST(customer.code() == "00", customer.summary());
}

BOOST_AUTO_TEST_CASE(cancelled_email_can_register_again) {
  const std::string email = unique_email("reuse");
  const auto active = register_active_client(server, email);
  BOOST_TEST(server.post("/api/v1/client/cancellation", {{"Authentication", active.json()}}).code() == "00");
  const auto again = server.post("/api/v1/client/register", client_registration(email));
  BOOST_TEST(again.code() == "00", again.summary());
}

BOOST_AUTO_TEST_CASE(update_changes_the_registration_email) {
  const std::string old_email = unique_email("old"), new_email = unique_email("new");
  const auto active = register_active_client(server, old_email);
  const auto update =
      server.post("/api/v1/client/update", {{"Authentication", active.json()}, {"Updates", {{"EmailAddress", new_email}}}});
  BOOST_TEST(update.code() == "00", update.summary());
  BOOST_TEST(update.description().find(new_email) != std::string::npos, update.description());
  // The new address is now taken, the old one free again.
  const auto taken = server.post("/api/v1/client/register", client_registration(new_email));
  BOOST_TEST(taken.code() == "40", taken.summary());
  const auto freed = server.post("/api/v1/client/register", client_registration(old_email));
  BOOST_TEST(freed.code() == "00", freed.summary());
  // The key is unchanged by the update.
  const auto customer = server.post("/api/v1/customer/register", envelope(active, customer_request(unique_email())));
  BOOST_TEST(customer.code() == "00", customer.summary());
}

BOOST_AUTO_TEST_CASE(update_to_another_clients_email_is_duplicate_40) {
  const std::string taken = unique_email("taken");
  register_client(server, taken);
  const auto active = register_active_client(server);
  const auto update =
      server.post("/api/v1/client/update", {{"Authentication", active.json()}, {"Updates", {{"EmailAddress", taken}}}});
  BOOST_TEST(update.code() == "40", update.summary());
}

BOOST_AUTO_TEST_CASE(update_without_updates_or_with_invalid_email_is_refused) {
  const auto active = register_active_client(server);
  const auto missing = server.post("/api/v1/client/update", {{"Authentication", active.json()}});
  BOOST_TEST(missing.status == 400, missing.summary());
  BOOST_TEST(missing.body["ModelState"].contains("model.Updates"), missing.summary());
  const auto invalid =
      server.post("/api/v1/client/update", {{"Authentication", active.json()}, {"Updates", {{"EmailAddress", "not-an-email"}}}});
  BOOST_TEST(invalid.status == 200);
  BOOST_TEST(invalid.code() == "05", invalid.summary());
  const auto empty = server.post("/api/v1/client/update", {{"Authentication", active.json()}, {"Updates", json::object()}});
  BOOST_TEST(empty.code() == "05", empty.summary());
}

BOOST_AUTO_TEST_CASE(register_with_invalid_email_is_http_400_model_state) {
  for (const std::string email : {"not-an-email", "a@b", "two@@example.com", "x y@example.com"}) {
    auto body = client_registration(email);
    const auto reply = server.post("/api/v1/client/register", body);
    BOOST_TEST(reply.status == 400, email << ": " << reply.summary());
    BOOST_TEST(reply.body.value("Message", "") == "The request is invalid.");
    BOOST_TEST(reply.body["ModelState"].contains("model.EmailAddress"), reply.summary());
    BOOST_TEST(reply.body["ModelState"]["model.EmailAddress"].is_array());
  }
  BOOST_TEST(server.outbox().empty());
}

BOOST_AUTO_TEST_CASE(register_with_country_code_not_three_chars_is_http_400) {
  for (const std::string country : {"US", "U", "USAA", ""}) {
    auto body = client_registration(unique_email());
    body["CountryCode"] = country;
    const auto reply = server.post("/api/v1/client/register", body);
    BOOST_TEST(reply.status == 400, country << ": " << reply.summary());
    BOOST_TEST(reply.body["ModelState"].contains("model.CountryCode"), reply.summary());
  }
}

BOOST_AUTO_TEST_CASE(register_with_unknown_three_letter_country_is_05) {
  auto body = client_registration(unique_email());
  body["CountryCode"] = "ZZZ";
  const auto reply = server.post("/api/v1/client/register", body);
  BOOST_TEST(reply.status == 200);
  BOOST_TEST(reply.code() == "05", reply.summary());
}

BOOST_AUTO_TEST_CASE(register_without_a_required_field_is_http_400) {
  for (const char* field : {"EmailAddress", "FirstName", "LastName", "Company", "ApplicationName", "CountryCode"}) {
    auto body = client_registration(unique_email());
    body.erase(field);
    const auto reply = server.post("/api/v1/client/register", body);
    BOOST_TEST(reply.status == 400, field << ": " << reply.summary());
    BOOST_TEST(reply.body["ModelState"].contains(std::string("model.") + field), reply.summary());
  }
  const auto bad_json = server.post_raw("/api/v1/client/register", R"({"EmailAddress": )");
  BOOST_TEST(bad_json.status == 400, bad_json.summary());
  BOOST_TEST(bad_json.body["ModelState"].is_object());
}

BOOST_AUTO_TEST_CASE(duplicate_email_is_refused_with_40) {
  // The demo merchant's address is taken from the start.
  const auto demo_email = server.post("/api/v1/client/register", client_registration("demo-merchant@payref.test"));
  BOOST_TEST(demo_email.code() == "40", demo_email.summary());
  const std::string email = unique_email("dup");
  BOOST_TEST(server.post("/api/v1/client/register", client_registration(email)).code() == "00");
  const auto same = server.post("/api/v1/client/register", client_registration(email));
  BOOST_TEST(same.code() == "40", same.summary());
  std::string upper = email;
  for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  const auto other_case = server.post("/api/v1/client/register", client_registration(upper));
  BOOST_TEST(other_case.code() == "40", other_case.summary());
}

BOOST_AUTO_TEST_CASE(registering_a_client_does_not_replace_the_demo_merchant) {
  // The demo merchant exists from the start (Id 170200000); registered clients get ids from a
  // sequence and must never take over an existing client's record.
  const auto active = register_active_client(server);
  BOOST_TEST(active.id != demo.id);
  const auto as_demo = server.post("/api/v1/customer/register", envelope(demo, customer_request(unique_email())));
  BOOST_TEST(as_demo.code() == "00", "demo merchant after a client registration: " << as_demo.summary());
  const auto credentials = server.demo_credentials();
  BOOST_TEST(credentials.id == demo.id);
  BOOST_TEST(credentials.key == demo.key);
  const auto demo_email = server.post("/api/v1/client/register", client_registration("demo-merchant@payref.test"));
  BOOST_TEST(demo_email.code() == "40", demo_email.summary());
  // And the new client works alongside.
  const auto as_new = server.post("/api/v1/customer/register", envelope(active, customer_request(unique_email())));
  BOOST_TEST(as_new.code() == "00", as_new.summary());
}

BOOST_AUTO_TEST_CASE(client_endpoints_reject_bad_envelopes) {
  const auto active = register_active_client(server);
  for (const char* path : {"/api/v1/client/activation", "/api/v1/client/cancellation"}) {
    BOOST_TEST_CONTEXT(path) {
      const auto bad_json = server.post_raw(path, "{not json");
      BOOST_TEST(bad_json.status == 400, bad_json.summary());
      const auto no_auth = server.post(path, json::object());
      BOOST_TEST(no_auth.status == 400, no_auth.summary());
      BOOST_TEST(no_auth.body["ModelState"].contains("model.Authentication"), no_auth.summary());
      const auto no_key = server.post(path, {{"Authentication", {{"Id", active.id}}}});
      BOOST_TEST(no_key.status == 400, no_key.summary());
    }
  }
  check_envelope_rejections(server, active, "/api/v1/client/update", json::object());
  // The client endpoints are POST only.
  const auto get = server.get("/api/v1/client/register");
  BOOST_TEST(get.status == 405, get.summary());
}

BOOST_AUTO_TEST_CASE(outbox_limit_is_validated_and_applied) {
  register_client(server, unique_email("one"));
  register_client(server, unique_email("two"));
  const auto one = server.admin_get("/_sandbox/outbox?limit=1");
  BOOST_TEST(one.status == 200, one.summary());
  BOOST_TEST(one.body.size() == 1u);
  BOOST_TEST(one.body[0].value("to", "").rfind("two.", 0) == 0u, one.summary());
  for (const char* bad : {"0", "abc", "-1", "99999", ""}) {
    const auto reply = server.admin_get(std::string("/_sandbox/outbox?limit=") + bad);
    BOOST_TEST(reply.status == 400, bad << ": " << reply.summary());
  }
}

BOOST_AUTO_TEST_SUITE_END()
