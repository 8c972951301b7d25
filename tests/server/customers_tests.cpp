// Customers and payment profiles (seed 000: api/v1/customer/...): registration, the single default
// profile, partial updates with immutable card number / name / country, removal, the GET
// endpoints with query parameters and their POST twins, and masking of card data.
#include <boost/test/unit_test.hpp>

#include <set>

#include "gateway_helpers.hpp"

using namespace payref_test;
using nlohmann::json;

namespace {

// Authentication.Id=..&Authentication.Key=..&Request.<k>=<v>...
httplib::Params query(const Credentials& who, const std::vector<std::pair<std::string, std::string>>& request) {
  httplib::Params p{{"Authentication.Id", who.id}, {"Authentication.Key", who.key}};
  for (const auto& [k, v] : request) p.emplace("Request." + k, v);
  return p;
}

// POST customer/profiles/full for a customer: the list of payment profiles.
json full_profiles(const ServerProcess& server, const Credentials& who, const std::string& customer_id) {
  const auto reply = server.post("/api/v1/customer/profiles/full", envelope(who, {{"CustomerProfileId", customer_id}}));
  BOOST_TEST_REQUIRE(reply.code() == "00", reply.summary());
  return reply.response().at("PaymentProfiles");
}

// The ids of the profiles marked IsDefault "True".
std::vector<std::string> defaults_of(const json& profiles) {
  std::vector<std::string> out;
  for (const auto& p : profiles)
    if (p.value("IsDefault", "") == "True") out.push_back(p.value("PaymentProfileId", ""));
  return out;
}

std::string default_profile(const ServerProcess& server, const Credentials& who, const std::string& customer_id) {
  const auto reply = server.get("/api/v1/customer/profiles/default", query(who, {{"CustomerProfileId", customer_id}}));
  BOOST_TEST_REQUIRE(reply.code() == "00", reply.summary());
  return reply.response().value("PaymentProfileId", "");
}

json find_profile(const json& profiles, const std::string& id) {
  for (const auto& p : profiles)
    if (p.value("PaymentProfileId", "") == id) return p;
  return nullptr;
}

json update_request(const Customer& c, const std::string& profile_id, const json& updates) {
  return {{"CustomerProfileId", c.id}, {"PaymentProfileId", profile_id}, {"Updates", updates},
          {"UpdateDateTime", "2026-02-03 04:05:06"}};
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(customers_tests, ServerFixture)

BOOST_AUTO_TEST_CASE(register_creates_customer_whose_first_profile_is_default) {
  const std::string email = unique_email();
  const auto reply = server.post("/api/v1/customer/register", envelope(demo, customer_request(email)));
  BOOST_TEST(reply.status == 200);
  BOOST_TEST_REQUIRE(reply.code() == "00", reply.summary());
  const std::string customer_id = reply.response().value("CustomerProfileId", "");
  const std::string profile_id = reply.response().value("PaymentProfileId", "");
  BOOST_TEST(customer_id.size() == 9u);
  BOOST_TEST(profile_id.size() == 9u);

  const auto customer = server.get("/api/v1/customer", query(demo, {{"Email", email}}));
  BOOST_TEST_REQUIRE(customer.code() == "00", customer.summary());
  BOOST_TEST(customer.response().value("CustomerProfileId", "") == customer_id);
  BOOST_TEST(customer.response().value("Email", "") == email);
  BOOST_TEST(customer.response().value("DefaultPaymentProfileId", "") == profile_id);
  BOOST_TEST(customer.response()["PaymentProfileIds"] == json::array({profile_id}));
  BOOST_TEST(default_profile(server, demo, customer_id) == profile_id);
}

BOOST_AUTO_TEST_CASE(register_with_existing_customer_email_is_40) {
  const auto c = register_customer(server, demo);
  const auto again = server.post("/api/v1/customer/register", envelope(demo, customer_request(c.email, card(kMastercard))));
  BOOST_TEST(again.code() == "40", again.summary());
}

BOOST_AUTO_TEST_CASE(register_refuses_missing_or_invalid_fields_with_05) {
  auto neither = customer_request(unique_email());
  neither.erase("Card");
  auto both = customer_request(unique_email());
  both["BankAccount"] = {{"RoutingNumber", kRouting}, {"BankAccountNumber", "123456789"}, {"AccountHolderName", "Ada"}};
  auto no_email = customer_request(unique_email());
  no_email.erase("Email");
  auto bad_email = customer_request("nope");
  auto luhn = customer_request(unique_email(), card(kLuhnFailing));
  auto expired = customer_request(unique_email(), card(kVisa, "123", "01/20"));
  auto short_cvv = customer_request(unique_email(), card(kAmex, "123"));
  auto no_name = customer_request(unique_email());
  no_name.erase("Name");
  auto bad_zip = customer_request(unique_email());
  bad_zip["BillingAddress"]["Zip"] = "ABCDE";
  auto bad_country = customer_request(unique_email());
  bad_country["BillingAddress"]["Country"] = "XXX";
  int i = 0;
  for (const auto& request : {neither, both, no_email, bad_email, luhn, expired, short_cvv, no_name, bad_zip, bad_country}) {
    const auto reply = server.post("/api/v1/customer/register", envelope(demo, request));
    BOOST_TEST(reply.status == 200, "case " << i << ": " << reply.summary());
    BOOST_TEST(reply.code() == "05", "case " << i << ": " << reply.summary());
    BOOST_TEST(reply.response().is_null());
    ++i;
  }
  // Nothing was created by the refused calls.
  const auto get = server.get("/api/v1/customer", query(demo, {{"Email", no_name["Email"].get<std::string>()}}));
  BOOST_TEST(get.code() == "10", get.summary());
}

BOOST_AUTO_TEST_CASE(register_rejects_bad_envelopes) {
  check_envelope_rejections(server, demo, "/api/v1/customer/register", customer_request(unique_email()));
  const auto no_request = server.post("/api/v1/customer/register", {{"Authentication", demo.json()}});
  BOOST_TEST(no_request.status == 400, no_request.summary());
  BOOST_TEST(no_request.body["ModelState"].contains("model.Request"), no_request.summary());
}

BOOST_AUTO_TEST_CASE(register_with_bank_account_stores_masked_account) {
  auto request = customer_request(unique_email());
  request.erase("Card");
  request["BankAccount"] = {{"RoutingNumber", kRouting}, {"BankAccountNumber", "9876543210"}, {"AccountHolderName", "Ada L"}};
  const auto reply = server.post("/api/v1/customer/register", envelope(demo, request));
  BOOST_TEST_REQUIRE(reply.code() == "00", reply.summary());
  const auto profiles = full_profiles(server, demo, reply.response().value("CustomerProfileId", ""));
  BOOST_TEST_REQUIRE(profiles.size() == 1u);
  BOOST_TEST(profiles[0].value("PaymentType", "") == "BankAccount");
  BOOST_TEST(profiles[0]["BankAccount"].value("MaskedAccountNumber", "") == "******3210");
  BOOST_TEST(profiles[0]["BankAccount"].value("RoutingNumber", "") == kRouting);
  BOOST_TEST(profiles[0].dump().find("9876543210") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(payments_register_adds_a_non_default_profile) {
  const auto c = register_customer(server, demo);
  const auto reply = server.post("/api/v1/customer/payments/register", envelope(demo, profile_request(c.id, card(kMastercard))));
  BOOST_TEST_REQUIRE(reply.code() == "00", reply.summary());
  BOOST_TEST(reply.response()["CustomerProfileId"].is_null());  // the seed: null when only a payment was registered
  const std::string second = reply.response().value("PaymentProfileId", "");
  BOOST_TEST(second.size() == 9u);
  BOOST_TEST(second != c.profile_id);

  const auto profiles = full_profiles(server, demo, c.id);
  BOOST_TEST_REQUIRE(profiles.size() == 2u);
  BOOST_TEST(defaults_of(profiles) == std::vector<std::string>{c.profile_id});
  BOOST_TEST(find_profile(profiles, second)["Card"].value("MaskedCardNumber", "") == "555555******4444");
  BOOST_TEST(find_profile(profiles, second).value("RegistrationDateTime", "") == "2026-01-02 03:04:05");
}

BOOST_AUTO_TEST_CASE(default_payment_true_switches_the_single_default) {
  const auto c = register_customer(server, demo);
  const std::string second = add_profile(server, demo, c.id, card(kMastercard), /*make_default=*/true);
  auto profiles = full_profiles(server, demo, c.id);
  BOOST_TEST(defaults_of(profiles) == std::vector<std::string>{second});
  BOOST_TEST(default_profile(server, demo, c.id) == second);
  // A third, not default: the default stays.
  const std::string third = add_profile(server, demo, c.id, card(kAmex, "1234"));
  profiles = full_profiles(server, demo, c.id);
  BOOST_TEST(profiles.size() == 3u);
  BOOST_TEST(defaults_of(profiles) == std::vector<std::string>{second});
  (void)third;
}

BOOST_AUTO_TEST_CASE(payments_register_for_unknown_customer_is_10) {
  const auto reply = server.post("/api/v1/customer/payments/register", envelope(demo, profile_request("123456789")));
  BOOST_TEST(reply.code() == "10", reply.summary());
  auto by_email = profile_request("");
  by_email.erase("CustomerProfileId");
  by_email["Email"] = unique_email("nobody");
  const auto missing = server.post("/api/v1/customer/payments/register", envelope(demo, by_email));
  BOOST_TEST(missing.code() == "10", missing.summary());
  check_envelope_rejections(server, demo, "/api/v1/customer/payments/register", profile_request("123456789"));
}

BOOST_AUTO_TEST_CASE(make_default_switches_the_single_default) {
  const auto c = register_customer(server, demo);
  const std::string second = add_profile(server, demo, c.id, card(kMastercard));
  const auto reply = server.post("/api/v1/customer/payments/update",
                                 envelope(demo, update_request(c, second, {{"MakeDefault", "True"}})));
  BOOST_TEST_REQUIRE(reply.code() == "00", reply.summary());
  BOOST_TEST(reply.response().value("CustomerProfileId", "") == c.id);
  BOOST_TEST(reply.response().value("PaymentProfileId", "") == second);
  BOOST_TEST(defaults_of(full_profiles(server, demo, c.id)) == std::vector<std::string>{second});
  // And back.
  BOOST_TEST(server.post("/api/v1/customer/payments/update", envelope(demo, update_request(c, c.profile_id, {{"MakeDefault", true}})))
                 .code() == "00");
  BOOST_TEST(defaults_of(full_profiles(server, demo, c.id)) == std::vector<std::string>{c.profile_id});
  BOOST_TEST(default_profile(server, demo, c.id) == c.profile_id);
}

BOOST_AUTO_TEST_CASE(update_cannot_change_card_number_name_or_country) {
  const auto c = register_customer(server, demo);
  const auto before = full_profiles(server, demo, c.id);
  const std::vector<json> forbidden = {
      {{"Card", {{"CardNumber", kMastercard}}}},
      {{"CardNumber", kMastercard}},
      {{"Name", name("Grace", "Hopper")}},
      {{"BillingAddress", {{"Country", "CAN"}}}},
      {{"BillingAddress", {{"Country2AlphaCode", "CA"}}}},
      {{"BillingAddress", {{"CountryName", "Canada"}}}},
  };
  for (const auto& updates : forbidden) {
    const auto reply = server.post("/api/v1/customer/payments/update", envelope(demo, update_request(c, c.profile_id, updates)));
    BOOST_TEST(reply.code() == "05", updates.dump() << ": " << reply.summary());
  }
  const auto after = full_profiles(server, demo, c.id);
  BOOST_TEST(after == before, after.dump());
}

BOOST_AUTO_TEST_CASE(partial_update_keeps_the_other_fields) {
  const auto c = register_customer(server, demo);
  const json before = full_profiles(server, demo, c.id).at(0);
  const json updates = {{"Card", {{"ExpiryDate", "11/" + future_expiry().substr(3)}, {"CVV", "999"}}},
                        {"BillingAddress", {{"Street", "Broadway"}, {"Zip", "10002"}}}};
  const auto reply = server.post("/api/v1/customer/payments/update", envelope(demo, update_request(c, c.profile_id, updates)));
  BOOST_TEST_REQUIRE(reply.code() == "00", reply.summary());
  const json after = full_profiles(server, demo, c.id).at(0);

  BOOST_TEST(after["Card"].value("ExpiryDate", "") == "11/" + future_expiry().substr(3));
  BOOST_TEST(after["BillingAddress"].value("Street", "") == "Broadway");
  BOOST_TEST(after["BillingAddress"].value("Zip", "") == "10002");
  BOOST_TEST(after.value("UpdateDateTime", "") == "2026-02-03 04:05:06");
  // Unchanged.
  BOOST_TEST(after["Card"]["MaskedCardNumber"] == before["Card"]["MaskedCardNumber"]);
  BOOST_TEST(after["Card"]["CardType"] == before["Card"]["CardType"]);
  BOOST_TEST(after["Name"] == before["Name"]);
  for (const char* part : {"HouseNumber", "City", "State", "Country", "CountryName", "Country2AlphaCode"})
    BOOST_TEST(after["BillingAddress"][part] == before["BillingAddress"][part], part);
  BOOST_TEST(after.value("Authorizer", "") == "Sierra");
  BOOST_TEST(after.value("IsDefault", "") == "True");
}

BOOST_AUTO_TEST_CASE(update_refuses_invalid_values_and_unknown_profiles) {
  const auto c = register_customer(server, demo);
  const auto other = register_customer(server, demo);
  const auto bad_zip = server.post("/api/v1/customer/payments/update",
                                   envelope(demo, update_request(c, c.profile_id, {{"BillingAddress", {{"Zip", "1"}}}})));
  BOOST_TEST(bad_zip.code() == "05", bad_zip.summary());
  const auto expired = server.post("/api/v1/customer/payments/update",
                                   envelope(demo, update_request(c, c.profile_id, {{"Card", {{"ExpiryDate", "01/20"}}}})));
  BOOST_TEST(expired.code() == "05", expired.summary());
  const auto bad_cvv = server.post("/api/v1/customer/payments/update",
                                   envelope(demo, update_request(c, c.profile_id, {{"Card", {{"CVV", "12345"}}}})));
  BOOST_TEST(bad_cvv.code() == "05", bad_cvv.summary());
  const auto no_updates = server.post("/api/v1/customer/payments/update",
                                      envelope(demo, {{"CustomerProfileId", c.id}, {"PaymentProfileId", c.profile_id}}));
  BOOST_TEST(no_updates.code() == "05", no_updates.summary());
  const auto unknown = server.post("/api/v1/customer/payments/update",
                                   envelope(demo, update_request(c, "299999999", {{"MakeDefault", "True"}})));
  BOOST_TEST(unknown.code() == "10", unknown.summary());
  // Another customer's profile is not found under this customer.
  const auto foreign = server.post("/api/v1/customer/payments/update",
                                   envelope(demo, update_request(c, other.profile_id, {{"MakeDefault", "True"}})));
  BOOST_TEST(foreign.code() == "10", foreign.summary());
  BOOST_TEST(default_profile(server, demo, other.id) == other.profile_id);
  check_envelope_rejections(server, demo, "/api/v1/customer/payments/update", update_request(c, c.profile_id, {{"MakeDefault", "True"}}));
}

BOOST_AUTO_TEST_CASE(removing_the_default_makes_the_oldest_remaining_default) {
  const auto c = register_customer(server, demo);
  const std::string second = add_profile(server, demo, c.id, card(kMastercard));
  const std::string third = add_profile(server, demo, c.id, card(kAmex, "1234"));
  // Make the third one the default, so "oldest remaining" and "first registered" differ later.
  BOOST_TEST(server.post("/api/v1/customer/payments/update", envelope(demo, update_request(c, third, {{"MakeDefault", "True"}})))
                 .code() == "00");

  // Removing a non-default profile leaves the default alone.
  const auto remove_first = server.post("/api/v1/customer/payments/remove",
                                        envelope(demo, {{"CustomerProfileId", c.id},
                                                        {"PaymentProfileId", c.profile_id},
                                                        {"RemovalDateTime", "2026-03-01 00:00:00"}}));
  BOOST_TEST_REQUIRE(remove_first.code() == "00", remove_first.summary());
  BOOST_TEST(remove_first.response().value("PaymentProfileId", "") == c.profile_id);
  BOOST_TEST(default_profile(server, demo, c.id) == third);

  // Removing the default: the oldest remaining (second) becomes the default.
  const auto remove_default =
      server.post("/api/v1/customer/payments/remove", envelope(demo, {{"CustomerProfileId", c.id}, {"PaymentProfileId", third}}));
  BOOST_TEST_REQUIRE(remove_default.code() == "00", remove_default.summary());
  const auto profiles = full_profiles(server, demo, c.id);
  BOOST_TEST(profiles.size() == 1u);
  BOOST_TEST(defaults_of(profiles) == std::vector<std::string>{second});
  BOOST_TEST(default_profile(server, demo, c.id) == second);

  // Removing the last one leaves no default.
  BOOST_TEST(server.post("/api/v1/customer/payments/remove", envelope(demo, {{"CustomerProfileId", c.id}, {"PaymentProfileId", second}}))
                 .code() == "00");
  const auto none = server.get("/api/v1/customer/profiles/default", query(demo, {{"CustomerProfileId", c.id}}));
  BOOST_TEST(none.code() == "10", none.summary());
  BOOST_TEST(full_profiles(server, demo, c.id).empty());
}

BOOST_AUTO_TEST_CASE(remove_refuses_unknown_or_foreign_profiles) {
  const auto c = register_customer(server, demo);
  const auto other = register_customer(server, demo);
  const auto unknown = server.post("/api/v1/customer/payments/remove",
                                   envelope(demo, {{"CustomerProfileId", c.id}, {"PaymentProfileId", "299999999"}}));
  BOOST_TEST(unknown.code() == "10", unknown.summary());
  const auto foreign = server.post("/api/v1/customer/payments/remove",
                                   envelope(demo, {{"CustomerProfileId", c.id}, {"PaymentProfileId", other.profile_id}}));
  BOOST_TEST(foreign.code() == "10", foreign.summary());
  BOOST_TEST(full_profiles(server, demo, other.id).size() == 1u);
  const auto no_customer = server.post("/api/v1/customer/payments/remove",
                                       envelope(demo, {{"CustomerProfileId", "199999999"}, {"PaymentProfileId", c.profile_id}}));
  BOOST_TEST(no_customer.code() == "10", no_customer.summary());
  const auto bad_date = server.post("/api/v1/customer/payments/remove",
                                    envelope(demo, {{"CustomerProfileId", c.id},
                                                    {"PaymentProfileId", c.profile_id},
                                                    {"RemovalDateTime", "yesterday"}}));
  BOOST_TEST(bad_date.code() == "05", bad_date.summary());
  BOOST_TEST(full_profiles(server, demo, c.id).size() == 1u);
  check_envelope_rejections(server, demo, "/api/v1/customer/payments/remove",
                            {{"CustomerProfileId", c.id}, {"PaymentProfileId", c.profile_id}});
}

BOOST_AUTO_TEST_CASE(profile_lists_by_get_query_and_post_twin_agree) {
  const auto c = register_customer(server, demo);
  add_profile(server, demo, c.id, card(kMastercard));
  for (const char* path : {"/api/v1/customer/profiles", "/api/v1/customer/profiles/full"}) {
    BOOST_TEST_CONTEXT(path) {
      const auto by_get = server.get(path, query(demo, {{"Email", c.email}}));
      const auto by_post = server.post(path, envelope(demo, {{"Email", c.email}}));
      const auto by_id = server.get(path, query(demo, {{"CustomerId", c.id}}));
      BOOST_TEST_REQUIRE(by_get.code() == "00", by_get.summary());
      BOOST_TEST_REQUIRE(by_post.code() == "00", by_post.summary());
      BOOST_TEST(by_get.body == by_post.body);
      BOOST_TEST(by_id.body == by_post.body);
      BOOST_TEST(by_get.response().value("CustomerProfileId", "") == c.id);
      const auto& list = by_get.response()["PaymentProfiles"];
      BOOST_TEST_REQUIRE(list.size() == 2u);
      BOOST_TEST(list[0].value("PaymentProfileId", "") == c.profile_id);  // oldest first
      BOOST_TEST(list[0]["Card"].value("MaskedCardNumber", "") == "424242******4242");
      BOOST_TEST(list[1]["Card"].value("MaskedCardNumber", "") == "555555******4444");
    }
  }
  // Summary vs full detail.
  const auto summary = server.post("/api/v1/customer/profiles", envelope(demo, {{"CustomerProfileId", c.id}}));
  BOOST_TEST(!summary.response()["PaymentProfiles"][0].contains("BillingAddress"));
  const auto full = server.post("/api/v1/customer/profiles/full", envelope(demo, {{"CustomerProfileId", c.id}}));
  const auto& first = full.response()["PaymentProfiles"][0];
  BOOST_TEST(full.response().value("Email", "") == c.email);
  BOOST_TEST(first["Name"].value("FirstName", "") == "Ada");
  BOOST_TEST(first["BillingAddress"].value("City", "") == "New York");
  BOOST_TEST(first["BillingAddress"].value("Country", "") == "USA");
  BOOST_TEST(first["BillingAddress"].value("Country2AlphaCode", "") == "US");
  BOOST_TEST(first["BillingAddress"].value("CountryNumericCode", "") == "840");
  BOOST_TEST(first.value("Authorizer", "") == "Sierra");
}

BOOST_AUTO_TEST_CASE(lookups_refuse_unknown_customers_and_missing_keys) {
  const auto c = register_customer(server, demo);
  for (const char* path : {"/api/v1/customer/profiles", "/api/v1/customer/profiles/full", "/api/v1/customer",
                           "/api/v1/customer/profiles/default"}) {
    BOOST_TEST_CONTEXT(path) {
      const auto unknown_email = server.get(path, query(demo, {{"Email", unique_email("nobody")}}));
      BOOST_TEST(unknown_email.code() == "10", unknown_email.summary());
      const auto unknown_id = server.get(path, query(demo, {{"CustomerProfileId", "199999999"}}));
      BOOST_TEST(unknown_id.code() == "10", unknown_id.summary());
      const auto neither = server.get(path, query(demo, {{"PageSize", "1"}}));
      BOOST_TEST(neither.code() == "05", neither.summary());
      const auto no_request = server.get(path, query(demo, {}));
      BOOST_TEST(no_request.status == 400, no_request.summary());
      const auto no_auth = server.get(path, {{"Request.Email", c.email}});
      BOOST_TEST(no_auth.status == 400, no_auth.summary());
      BOOST_TEST(no_auth.body["ModelState"].contains("model.Authentication"), no_auth.summary());
      const auto wrong_key = server.get(path, query(Credentials{demo.id, "0123456789abcdef0123456789abcdef"}, {{"Email", c.email}}));
      BOOST_TEST(wrong_key.code() == "20", wrong_key.summary());
      // E-mail lookup ignores case.
      std::string upper = c.email;
      for (auto& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      const auto by_upper = server.get(path, query(demo, {{"Email", upper}}));
      BOOST_TEST(by_upper.code() == "00", by_upper.summary());
    }
  }
}

BOOST_AUTO_TEST_CASE(get_profile_returns_ids_of_that_customers_profile) {
  const auto c = register_customer(server, demo);
  const auto other = register_customer(server, demo);
  const auto reply =
      server.get("/api/v1/customer/profile", query(demo, {{"Email", c.email}, {"PaymentProfileId", c.profile_id}}));
  BOOST_TEST_REQUIRE(reply.code() == "00", reply.summary());
  BOOST_TEST(reply.response() == (json{{"CustomerProfileId", c.id}, {"PaymentProfileId", c.profile_id}}));
  const auto foreign =
      server.get("/api/v1/customer/profile", query(demo, {{"CustomerId", c.id}, {"PaymentProfileId", other.profile_id}}));
  BOOST_TEST(foreign.code() == "10", foreign.summary());
  const auto missing = server.get("/api/v1/customer/profile", query(demo, {{"CustomerId", c.id}}));
  BOOST_TEST(missing.code() == "05", missing.summary());
}

BOOST_AUTO_TEST_CASE(responses_never_contain_the_full_card_number_or_cvv) {
  const std::string pan = kVisa2, amex = kAmex;
  const std::string cvv = "739", amex_cvv = "7319";
  const std::string email = unique_email();
  std::vector<HttpReply> replies;
  replies.push_back(server.post("/api/v1/customer/register", envelope(demo, customer_request(email, card(pan, cvv)))));
  BOOST_TEST_REQUIRE(replies.back().code() == "00", replies.back().summary());
  const std::string customer_id = replies.back().response().value("CustomerProfileId", "");
  const std::string profile_id = replies.back().response().value("PaymentProfileId", "");
  replies.push_back(server.post("/api/v1/customer/payments/register", envelope(demo, profile_request(customer_id, card(amex, amex_cvv)))));
  BOOST_TEST_REQUIRE(replies.back().code() == "00", replies.back().summary());
  replies.push_back(server.post("/api/v1/customer/payments/update",
                                envelope(demo, {{"CustomerProfileId", customer_id},
                                                {"PaymentProfileId", profile_id},
                                                {"Updates", {{"Card", {{"CVV", cvv}}}}}})));
  BOOST_TEST(replies.back().code() == "00", replies.back().summary());
  for (const char* path : {"/api/v1/customer/profiles", "/api/v1/customer/profiles/full", "/api/v1/customer",
                           "/api/v1/customer/profiles/default"}) {
    replies.push_back(server.get(path, query(demo, {{"Email", email}})));
    BOOST_TEST(replies.back().code() == "00", replies.back().summary());
  }
  replies.push_back(server.post("/api/v1/customer/profiles/full", envelope(demo, {{"Email", email}})));
  replies.push_back(server.get("/api/v1/customer/profile", query(demo, {{"Email", email}, {"PaymentProfileId", profile_id}})));
  // A refused call must not echo the number either.
  replies.push_back(server.post("/api/v1/customer/register", envelope(demo, customer_request(email, card(pan, cvv)))));
  BOOST_TEST(replies.back().code() == "40");

  bool saw_mask = false;
  for (const auto& r : replies) {
    BOOST_TEST(r.text.find(pan) == std::string::npos, r.text);
    BOOST_TEST(r.text.find(amex) == std::string::npos, r.text);
    BOOST_TEST(!contains_token(r.text, cvv), r.text);
    BOOST_TEST(!contains_token(r.text, amex_cvv), r.text);
    BOOST_TEST(r.text.find("CVV") == std::string::npos, r.text);
    BOOST_TEST(r.text.find("Sealed") == std::string::npos, r.text);
    BOOST_TEST(r.text.find("Fingerprint") == std::string::npos, r.text);
    saw_mask = saw_mask || r.text.find("401288******1881") != std::string::npos;
  }
  BOOST_TEST(saw_mask);  // the masked form is what callers get
}

BOOST_AUTO_TEST_CASE(get_only_endpoints_answer_405_to_post) {
  const auto c = register_customer(server, demo);
  for (const char* path : {"/api/v1/customer/profile", "/api/v1/customer", "/api/v1/customer/profiles/default"}) {
    const auto reply = server.post(path, envelope(demo, {{"Email", c.email}, {"PaymentProfileId", c.profile_id}}));
    BOOST_TEST(reply.status == 405, path << ": " << reply.summary());
    BOOST_TEST(reply.header("Allow") == "GET", path);
    BOOST_TEST(reply.body.value("Message", "").find("'POST'") != std::string::npos, reply.summary());
  }
  for (const char* path : {"/api/v1/customer/register", "/api/v1/customer/payments/register", "/api/v1/customer/payments/update",
                           "/api/v1/customer/payments/remove"}) {
    const auto reply = server.get(path, query(demo, {{"Email", c.email}}));
    BOOST_TEST(reply.status == 405, path << ": " << reply.summary());
    BOOST_TEST(reply.header("Allow") == "POST", path);
  }
}

BOOST_AUTO_TEST_CASE(get_with_a_json_body_is_refused_with_400) {
  const auto c = register_customer(server, demo);
  auto cli = server.client();
  httplib::Request req;
  req.method = "GET";
  req.path = "/api/v1/customer/profiles";
  req.body = envelope(demo, {{"Email", c.email}}).dump();
  req.set_header("Content-Type", "application/json");
  req.set_header("Content-Length", std::to_string(req.body.size()));
  httplib::Response res;
  httplib::Error error = httplib::Error::Success;
  BOOST_TEST_REQUIRE(cli->send(req, res, error), httplib::to_string(error));
  BOOST_TEST(res.status == 400, res.body);
  const auto body = json::parse(res.body, nullptr, false);
  BOOST_TEST(body["ModelState"].is_object(), res.body);
  BOOST_TEST(res.body.find("POST twin") != std::string::npos, res.body);
}

BOOST_AUTO_TEST_CASE(first_profile_after_removing_all_becomes_default) {
  const auto c = register_customer(server, demo);
  BOOST_TEST_REQUIRE(server.post("/api/v1/customer/payments/remove",
                                 envelope(demo, {{"CustomerProfileId", c.id}, {"PaymentProfileId", c.profile_id}}))
                         .code() == "00");
  // DefaultPayment "False" does not matter: a customer with profiles always has one default.
  auto request = profile_request(c.id, card(kMastercard));
  request["DefaultPayment"] = "False";
  const auto reply = server.post("/api/v1/customer/payments/register", envelope(demo, request));
  BOOST_TEST_REQUIRE(reply.code() == "00", reply.summary());
  const std::string fresh = reply.response().value("PaymentProfileId", "");
  BOOST_TEST(default_profile(server, demo, c.id) == fresh);
  BOOST_TEST(defaults_of(full_profiles(server, demo, c.id)) == std::vector<std::string>{fresh});
  const auto bad_flag = profile_request(c.id, card(kVisa2));
  auto with_bad_flag = bad_flag;
  with_bad_flag["DefaultPayment"] = "maybe";
  BOOST_TEST(server.post("/api/v1/customer/payments/register", envelope(demo, with_bad_flag)).code() == "05");
}

BOOST_AUTO_TEST_SUITE_END()
