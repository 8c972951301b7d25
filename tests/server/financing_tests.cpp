// The financing family (seed 003, Flexiti POS API, /flexiti/pos-api/v2.5/): OAuth, scopes,
// customers, calculate-interest, verify, authorizations, transactions, tenant isolation,
// persistence, and bad input. Every case runs its own server whose clock starts frozen at
// 2026-01-31T10:00:00Z, so token expiry, the 100-day return window and the 24-hour payment limit
// are driven by POST /_sandbox/clock/advance.
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <set>
#include <thread>
#include <vector>

#include "financing_helpers.hpp"
#include "server_process.hpp"

using namespace payref_test;
using namespace payref_test::fin;
using json = nlohmann::json;

namespace {

struct FinancingServer {
  ServerProcess server{ServerProcess::Options{"warn", {"--clock", "2026-01-31T10:00:00Z"}}};
  Client demo = demo_client(server);
  std::string tok = token(server, demo);

  HttpReply post(const std::string& suffix, const json& body) const { return fin::post(server, demo.id, tok, suffix, body); }
  HttpReply get(const std::string& suffix, const httplib::Params& params = {}) const { return fin::get(server, demo.id, tok, suffix, params); }
  double credit(const std::string& account) const { return available(server, demo, tok, account); }
  void renew() { tok = token(server, demo); }
};

std::set<std::string> keys(const json& object) {
  std::set<std::string> out;
  for (const auto& [k, v] : object.items()) out.insert(k);
  return out;
}

const char* kLicence =
    "@\n\x1e\rANSI 636012090001DL00310200DLDAQA1234-56789-01234\nDCSSMITH\nDACJOHN\nDADALEXANDER\nDBD20200115\nDBB19840229\n"
    "DBA20280229\nDAG123 MAIN ST\nDAITORONTO\nDAJON\nDAKM1M 1M1  \nDCGCAN\nDDEN\nDDFN\nDDGN\r";

}  // namespace

BOOST_AUTO_TEST_SUITE(financing_tests)

// ---------------------------------------------------------------- OAuth and scopes

BOOST_FIXTURE_TEST_CASE(token_is_a_bearer_with_expiry_scope_and_refresh_token, FinancingServer) {
  const auto reply = token_reply(server, demo, "customer");
  BOOST_REQUIRE_EQUAL(reply.status, 200);
  BOOST_TEST((keys(reply.body) == std::set<std::string>{"token_type", "access_token", "expires_in", "refresh_token", "scope"}));
  BOOST_TEST(reply.body["token_type"] == "bearer");
  BOOST_TEST(reply.body["expires_in"] == 1200);
  BOOST_TEST(reply.body["scope"] == "customer");
  BOOST_TEST(reply.body["access_token"].get<std::string>().size() == 48u);
  BOOST_TEST(reply.body["refresh_token"] != reply.body["access_token"]);
  // No scope: merchant.
  const auto plain = token_raw(server, "grant_type=client_credentials&client_id=" + demo.id + "&client_secret=" + demo.secret);
  BOOST_TEST(plain.body.value("scope", "") == "merchant");
}

BOOST_FIXTURE_TEST_CASE(token_refusals_use_oauth_codes, FinancingServer) {
  const std::string id = "&client_id=" + demo.id + "&client_secret=" + demo.secret;
  const auto wrong_secret = token_raw(server, "grant_type=client_credentials&client_id=" + demo.id + "&client_secret=nope");
  BOOST_TEST(is_error(wrong_secret, 400, "invalid_client"), wrong_secret.summary());
  BOOST_TEST(wrong_secret.body.value("error_description", "") == wrong_secret.body.value("message", "x"));
  BOOST_TEST(is_error(token_raw(server, "grant_type=client_credentials&client_id=nobody&client_secret=x"), 400, "invalid_client"));
  BOOST_TEST(is_error(token_raw(server, "client_id=" + demo.id + "&client_secret=" + demo.secret), 400, "invalid_request"));
  BOOST_TEST(is_error(token_raw(server, "grant_type=password" + id), 400, "invalid_request"));
  BOOST_TEST(is_error(token_raw(server, "grant_type=client_credentials&scope=admin" + id), 409, "invalid_role"));
  // JSON instead of a form, a query string, and garbage: OAuth errors, never 500.
  BOOST_TEST(is_error(token_raw(server, json{{"grant_type", "client_credentials"}}.dump(), "application/json"), 400, "invalid_request"));
  const auto query = server.post_raw(std::string(kBase) + "/oauth/token?grant_type=client_credentials" + id, "", "application/x-www-form-urlencoded");
  BOOST_TEST(query.status == 400);
  BOOST_TEST(is_error(token_raw(server, "%%%&&&==\x01\xff"), 400, "invalid_request"));
  BOOST_TEST(is_error(token_raw(server, "grant_type=refresh_token" + id), 400, "invalid_request"));
  BOOST_TEST(is_error(token_raw(server, "grant_type=refresh_token&refresh_token=abc" + id), 400, "invalid_grant"));
}

BOOST_FIXTURE_TEST_CASE(every_call_needs_a_valid_bearer_for_its_client_id, FinancingServer) {
  const auto none = server.get(std::string(kBase) + "/client-id/" + demo.id + "/customers/lookup?account_number=" + kAda);
  BOOST_TEST(is_error(none, 401, "invalid_token"), none.summary());
  BOOST_TEST(is_error(fin::get(server, demo.id, "not-a-token", "/customers/lookup", {{"account_number", kAda}}), 401, "invalid_token"));
  const auto basic = server.get(std::string(kBase) + "/client-id/" + demo.id + "/authorizations", {}, {{"Authorization", "Basic " + tok}});
  BOOST_TEST(is_error(basic, 401, "invalid_token"));
  // The demo merchant's token under the second merchant's client_id.
  const Client second = second_client(server);
  BOOST_TEST(is_error(fin::get(server, second.id, tok, "/authorizations"), 401, "invalid_token"));
  BOOST_TEST(get("/customers/lookup", {{"account_number", kAda}}).status == 200);
}

BOOST_FIXTURE_TEST_CASE(access_tokens_expire_on_the_server_clock, FinancingServer) {
  const auto pair = token_reply(server, demo);
  const std::string access = pair.body["access_token"], refresh = pair.body["refresh_token"];
  advance(server, {{"seconds", 1199}});
  BOOST_TEST(fin::get(server, demo.id, access, "/authorizations").status == 200);
  advance(server, {{"seconds", 1}});
  BOOST_TEST(is_error(fin::get(server, demo.id, access, "/authorizations"), 401, "invalid_token"));
  // Refreshing is possible only before expiry.
  const auto late = token_raw(server, "grant_type=refresh_token&refresh_token=" + refresh + "&client_id=" + demo.id + "&client_secret=" + demo.secret);
  BOOST_TEST(is_error(late, 400, "invalid_grant"), late.summary());
}

BOOST_FIXTURE_TEST_CASE(refresh_replaces_the_pair_and_keeps_the_scope, FinancingServer) {
  const auto pair = token_reply(server, demo, "customer");
  const std::string access = pair.body["access_token"], refresh = pair.body["refresh_token"];
  const std::string form = "grant_type=refresh_token&refresh_token=" + refresh + "&client_id=" + demo.id + "&client_secret=" + demo.secret;
  advance(server, {{"seconds", 600}});
  const auto renewed = token_raw(server, form);
  BOOST_REQUIRE_EQUAL(renewed.status, 200);
  BOOST_TEST(renewed.body["scope"] == "customer");
  BOOST_TEST(renewed.body["expires_in"] == 1200);
  BOOST_TEST(renewed.body["access_token"] != access);
  // The old pair is gone; the new access token works (and is still customer-scoped).
  BOOST_TEST(is_error(fin::post(server, demo.id, access, "/accounts/" + std::string(kAda) + "/calculate-interest", {{"amount", 10}}), 401,
                      "invalid_token"));
  BOOST_TEST(is_error(token_raw(server, form), 400, "invalid_grant"));
  const std::string fresh = renewed.body["access_token"];
  BOOST_TEST(fin::post(server, demo.id, fresh, "/accounts/" + std::string(kAda) + "/calculate-interest", {{"amount", 10}}).status == 200);
  BOOST_TEST(is_error(fin::get(server, demo.id, fresh, "/authorizations"), 403, "insufficient_scope"));
  // A refresh token of another client does not work for this one.
  const Client second = second_client(server);
  const std::string other = token_reply(server, second).body["refresh_token"];
  BOOST_TEST(is_error(token_raw(server, "grant_type=refresh_token&refresh_token=" + other + "&client_id=" + demo.id + "&client_secret=" + demo.secret),
                      400, "invalid_grant"));
  // Still valid 1199 s after the refresh, expired at 1200.
  advance(server, {{"seconds", 1199}});
  BOOST_TEST(fin::post(server, demo.id, fresh, "/accounts/" + std::string(kAda) + "/calculate-interest", {{"amount", 10}}).status == 200);
}

BOOST_FIXTURE_TEST_CASE(customer_tokens_reach_only_the_customer_facing_calls, FinancingServer) {
  const std::string customer = token(server, demo, "customer");
  const auto refused = [&](const HttpReply& r) { return is_error(r, 403, "insufficient_scope"); };
  BOOST_TEST(refused(fin::get(server, demo.id, customer, "/customers/lookup", {{"account_number", kAda}})));
  BOOST_TEST(refused(fin::get(server, demo.id, customer, "/customers/search", {{"first_name", "Ada"}})));
  BOOST_TEST(refused(fin::get(server, demo.id, customer, "/authorizations")));
  BOOST_TEST(refused(fin::get(server, demo.id, customer, "/authorization/800000001")));
  BOOST_TEST(refused(fin::post(server, demo.id, customer, "/authorization/800000001/capture", {{"amount", 1}})));
  BOOST_TEST(refused(fin::post(server, demo.id, customer, "/authorization/800000001/release", json::object())));
  BOOST_TEST(refused(fin::post(server, demo.id, customer, "/authorization/800000001/capture/810000001/return", {{"amount", 1}})));
  BOOST_TEST(refused(fin::post(server, demo.id, customer, "/transactions", {{"transaction_type", "deposit"}})));
  BOOST_TEST(fin::post(server, demo.id, customer, "/accounts/" + std::string(kAda) + "/calculate-interest", {{"amount", 10}}).status == 200);
  BOOST_TEST(fin::post(server, demo.id, customer, "/customers/driverslicense", {{"code", kLicence}}).status == 200);
  BOOST_TEST(fin::post(server, demo.id, customer, "/account/" + std::string(kAda) + "/verify", {{"format", "email"}}).status == 200);
  BOOST_TEST(fin::post(server, demo.id, customer, "/authorization", auth_request(kAda, 10, true)).status == 200);
  // A customer token cannot override verification.
  BOOST_TEST(is_error(fin::post(server, demo.id, customer, "/account/" + std::string(kAda) + "/verify", {{"format", "merchant_override"}}), 409,
                      "invalid_role"));
}

// ---------------------------------------------------------------- customers

BOOST_FIXTURE_TEST_CASE(lookup_answers_seed_table_1_field_by_field, FinancingServer) {
  const auto reply = get("/customers/lookup", {{"account_number", kAda}});
  BOOST_REQUIRE_EQUAL(reply.status, 200);
  const json& b = reply.body;
  BOOST_TEST((keys(b) == std::set<std::string>{"available_credit", "account_number", "customer_id", "security_qid", "email", "phone_number",
                                               "address_1", "address_2", "city", "postal_code", "province", "payment_protection",
                                               "risk_rating", "offer_types", "card_ending_in", "preferred_language", "account_type"}));
  BOOST_TEST(b["available_credit"].get<double>() == 5000.00);
  BOOST_TEST(b["account_number"] == 30000000000001LL);
  BOOST_TEST(b["customer_id"] == 100000000001LL);
  BOOST_TEST((keys(b["security_qid"]) == std::set<std::string>{"id", "text"}));
  BOOST_TEST(b["security_qid"]["id"] == 101);
  BOOST_TEST(b["security_qid"]["text"] == "What was the name of your first pet?");
  BOOST_TEST(b["email"] == "ada@payref.test");
  BOOST_TEST(b["phone_number"] == "4165550101");
  BOOST_TEST(b["address_1"] == "100 King St W");
  BOOST_TEST(b["address_2"] == "Suite 200");
  BOOST_TEST(b["city"] == "Toronto");
  BOOST_TEST(b["postal_code"] == "M5X 1A9");
  BOOST_TEST(b["province"] == "ON");
  BOOST_TEST(b["payment_protection"] == true);
  BOOST_TEST(b["risk_rating"] == "L");
  BOOST_TEST(b["card_ending_in"] == "0001");
  BOOST_TEST(b["preferred_language"] == "en-CA");
  BOOST_REQUIRE_EQUAL(b["offer_types"].size(), 4u);
  const json& first = b["offer_types"][0];
  BOOST_TEST((keys(first) == std::set<std::string>{"plan_name", "plan_id", "offer_category", "term_options"}));
  BOOST_TEST(first["plan_id"] == 5);
  BOOST_TEST(first["offer_category"] == "equal_billing");
  BOOST_TEST(first["term_options"] == json::array({6, 12}));
  BOOST_TEST(b["offer_types"][2]["offer_category"] == "deferred_payment");
  // The same account by VCC and by customer id; the VCC itself is never in the answer.
  BOOST_TEST(get("/customers/lookup", {{"vcc_number", kAdaVcc}}).body == b);
  BOOST_TEST(get("/customers/lookup", {{"customer_id", "100000000001"}}).body == b);
  BOOST_TEST(reply.text.find(kAdaVcc) == std::string::npos);
  BOOST_TEST(get("/customers/lookup", {{"account_number", kGrace}}).body["preferred_language"] == "fr-CA");
  BOOST_TEST(get("/customers/lookup", {{"account_number", kKatherine}}).body["phone_number"].is_null());
}

BOOST_FIXTURE_TEST_CASE(lookup_refusals, FinancingServer) {
  const auto none = get("/customers/lookup");
  BOOST_TEST(is_error(none, 409, "wrong_inputs"), none.summary());
  BOOST_TEST(none.body["message"] == "Some inputs are wrong!");
  BOOST_TEST(none.body["field_errors"][0]["param"] == "vcc_number");
  BOOST_TEST(is_error(get("/customers/lookup", {{"account_number", kAda}, {"customer_id", "100000000001"}}), 409, "wrong_inputs"));
  const auto letters = get("/customers/lookup", {{"account_number", "12ab"}});
  BOOST_TEST(is_error(letters, 409, "wrong_inputs"));
  BOOST_TEST(letters.body["field_errors"][0]["param"] == "account_number");
  BOOST_TEST(letters.body["field_errors"][0]["value"] == "12ab");
  BOOST_TEST(is_error(get("/customers/lookup", {{"account_number", "39999999999999"}}), 404, "not_found"));
  BOOST_TEST(is_error(get("/customers/lookup", {{"vcc_number", "6048730000009999"}}), 404, "not_found"));
  BOOST_TEST(is_error(get("/customers/lookup", {{"account_number", kCharles}}), 409, "user_not_able_to_purchase"));
  BOOST_TEST(is_error(get("/customers/lookup", {{"account_number", kJohn}}), 409, "user_not_able_to_purchase"));
  BOOST_TEST(is_error(get("/customers/lookup", {{"account_number", kDennis}}), 409, "user_not_active"));
  BOOST_TEST(is_error(get("/customers/lookup", {{"account_number", kFrances}}), 409, "user_not_active"));
  const auto url = get("/customers/lookup", {{"account_number", kFrances}});
  BOOST_TEST(url.body["url"] == std::string(kBase) + "/client-id/" + demo.id + "/customers/lookup");
}

BOOST_FIXTURE_TEST_CASE(demo_accounts_cover_every_status_and_risk_rating, FinancingServer) {
  std::set<std::string> statuses, ratings;
  for (const auto& [first, last, dob] : {std::tuple{"Ada", "Lovelace", "1985-12-10"}, std::tuple{"Grace", "Hopper", "1986-12-09"},
                                         std::tuple{"Alan", "Turing", "1982-06-23"}, std::tuple{"Katherine", "Johnson", "1988-08-26"},
                                         std::tuple{"Edsger", "Dijkstra", "1980-05-11"}, std::tuple{"Barbara", "Liskov", "1989-11-07"},
                                         std::tuple{"Charles", "Babbage", "1981-12-26"}, std::tuple{"John", "Backus", "1984-12-03"},
                                         std::tuple{"Dennis", "Ritchie", "1981-09-09"}, std::tuple{"Frances", "Allen", "1982-08-04"}}) {
    const auto r = get("/customers/search", {{"first_name", first}, {"last_name", last}, {"dob", dob}});
    BOOST_REQUIRE_MESSAGE(r.status == 200, r.summary());
    statuses.insert(r.body[0]["account_status"].get<std::string>());
    ratings.insert(r.body[0]["risk_rating"].get<std::string>());
  }
  BOOST_TEST((statuses == std::set<std::string>{"N", "A", "F", "Z", "C"}));
  BOOST_TEST((ratings == std::set<std::string>{"L", "M", "H", "XH", "XXH", "XXXH"}));
}

BOOST_FIXTURE_TEST_CASE(search_finds_accounts_by_identity, FinancingServer) {
  const auto r = get("/customers/search", {{"first_name", "ada"}, {"last_name", "LOVELACE"}, {"dob", "1985-12-10"}, {"postal_code", "m5x1a9"}});
  BOOST_REQUIRE_EQUAL(r.status, 200);
  BOOST_REQUIRE_EQUAL(r.body.size(), 1u);
  const json& a = r.body[0];
  BOOST_TEST((keys(a) == std::set<std::string>{"customer_id", "account_status", "account_status_reason_code", "tos_agreement", "risk_rating",
                                               "account_number", "credit_limit", "available_credit", "originating_merchant_id",
                                               "originating_merchant_name", "creation_date", "first_name", "last_name", "card_ending_in",
                                               "preferred_language", "account_type"}));
  BOOST_TEST(a["account_number"] == 30000000000001LL);
  BOOST_TEST(a["account_status"] == "N");
  BOOST_TEST(a["account_status_reason_code"] == "NNOR");
  BOOST_TEST(a["credit_limit"].get<double>() == 5000.0);
  // A closed account is found by search (which shows its status) though lookup refuses it.
  BOOST_TEST(get("/customers/search", {{"first_name", "Frances"}, {"last_name", "Allen"}, {"dob", "1982-08-04"}}).body[0]["account_status"] == "C");
  BOOST_TEST(is_error(get("/customers/search", {{"first_name", "Ada"}, {"last_name", "Lovelace"}, {"dob", "1985-12-10"}, {"postal_code", "K1A 0B1"}}),
                      404, "not_found"));
  BOOST_TEST(is_error(get("/customers/search", {{"first_name", "Ada"}, {"last_name", "Lovelace"}}), 409, "wrong_inputs"));
  const auto bad_dob = get("/customers/search", {{"first_name", "Ada"}, {"last_name", "Lovelace"}, {"dob", "1985-13-10"}});
  BOOST_TEST(is_error(bad_dob, 409, "wrong_inputs"));
  BOOST_TEST(bad_dob.body["field_errors"][0]["param"] == "dob");
  BOOST_TEST(is_error(get("/customers/search", {{"first_name", "Ada"}, {"last_name", "Lovelace"}, {"dob", "1985-12-10"}, {"postal_code", "!!"}}), 409,
                      "wrong_inputs"));
}

BOOST_FIXTURE_TEST_CASE(drivers_licence_decodes_through_the_sdk, FinancingServer) {
  const auto r = post("/customers/driverslicense", {{"code", kLicence}});
  BOOST_REQUIRE_MESSAGE(r.status == 200, r.summary());
  BOOST_TEST(r.body == (json{{"first_name", "JOHN"}, {"middle_name", "ALEXANDER"}, {"last_name", "SMITH"}, {"dob", "1984-02-29"},
                             {"address_1", "123 MAIN ST"}, {"city", "TORONTO"}, {"province", "ON"}, {"postal_code", "M1M 1M1"},
                             {"govid_type", "CADL"}, {"govid_issuedby", "ON"}, {"govid_number", "A1234-56789-01234"},
                             {"govid_expiry", "2028-02-29"}}));
  const auto junk = post("/customers/driverslicense", {{"code", "hello"}});
  BOOST_TEST(is_error(junk, 409, "wrong_inputs"), junk.summary());
  BOOST_TEST(junk.body["field_errors"][0]["param"] == "code");
  BOOST_TEST(junk.body["field_errors"][0]["msg"] == "aamva.not_aamva");
  std::string no_number = kLicence;
  no_number.replace(no_number.find("DAQA1234-56789-01234\n"), 21, "");
  const auto missing = post("/customers/driverslicense", {{"code", no_number}});
  BOOST_TEST(is_error(missing, 409, "wrong_inputs"), missing.summary());
  BOOST_TEST(missing.body["field_errors"][0]["msg"] == "aamva.missing_element");
  BOOST_TEST(is_error(post("/customers/driverslicense", json::object()), 409, "wrong_inputs"));
  BOOST_TEST(is_error(post("/customers/driverslicense", {{"code", 42}}), 409, "wrong_inputs"));
}

// ---------------------------------------------------------------- calculate-interest

BOOST_FIXTURE_TEST_CASE(calculate_interest_answers_seed_table_3, FinancingServer) {
  const auto r = post("/accounts/" + std::string(kAda) + "/calculate-interest", {{"amount", 250.00}});
  BOOST_REQUIRE_MESSAGE(r.status == 200, r.summary());
  const json& b = r.body;
  BOOST_TEST((keys(b) == std::set<std::string>{"account_number", "amount", "customer", "regular_purchase", "promotional_purchase"}));
  BOOST_TEST(b["account_number"] == 30000000000001LL);
  BOOST_TEST(b["amount"].get<double>() == 250.00);
  BOOST_TEST((keys(b["customer"]) == std::set<std::string>{"available_credit", "air", "first_name", "last_name", "customer_category_type"}));
  BOOST_TEST(b["customer"]["available_credit"].get<double>() == 5000.00);
  BOOST_TEST(b["customer"]["air"].get<double>() == 0.2999);
  BOOST_TEST(b["customer"]["first_name"] == "Ada");
  BOOST_TEST(b["customer"]["last_name"] == "Lovelace");
  BOOST_TEST(b["customer"]["customer_category_type"] == "preferred");
  BOOST_TEST((keys(b["regular_purchase"]) == std::set<std::string>{"term_amount", "air", "fees"}));
  BOOST_TEST(b["regular_purchase"]["term_amount"].get<double>() == 250.00);
  BOOST_TEST(b["regular_purchase"]["air"].get<double>() == 0.2999);
  BOOST_REQUIRE_EQUAL(b["promotional_purchase"].size(), 4u);
  const json& plan5 = b["promotional_purchase"][0];
  BOOST_TEST((keys(plan5) == std::set<std::string>{"plan_id", "terms"}));
  BOOST_TEST(plan5["plan_id"] == 5);
  BOOST_REQUIRE_EQUAL(plan5["terms"].size(), 2u);
  const json& six = plan5["terms"][0];
  BOOST_TEST((keys(six) == std::set<std::string>{"term", "term_amount", "apr", "fees"}));
  BOOST_TEST(six["term"] == 6);
  BOOST_TEST(six["term_amount"].get<double>() == 44.67);
  BOOST_TEST(six["apr"].get<double>() == 0.0);
  BOOST_TEST(plan5["terms"][1]["term"] == 12);
  BOOST_TEST(plan5["terms"][1]["term_amount"].get<double>() == 23.83);
  BOOST_REQUIRE_EQUAL(six["fees"].size(), 1u);
  BOOST_TEST((keys(six["fees"][0]) == std::set<std::string>{"description", "amount", "type", "message"}));
  BOOST_TEST(six["fees"][0]["amount"].get<double>() == 3.00);
  BOOST_TEST(six["fees"][0]["type"] == "Admin");
  BOOST_TEST(six["fees"][0]["message"].get<std::string>().size() <= 1000u);
  BOOST_TEST(six["fees"][0]["description"].get<std::string>().size() <= 50u);
  // Plan 7 (9.99 %), plan 9 (deferred, annual fee not in the term amount), plan 11 (19.99 %).
  BOOST_TEST(b["promotional_purchase"][1]["terms"][0]["apr"].get<double>() == 0.0999);
  const json& deferred = b["promotional_purchase"][2]["terms"][0];
  BOOST_TEST(deferred["term_amount"].get<double>() == 250.00);
  BOOST_TEST(deferred["fees"][0]["type"] == "Annual");
  BOOST_TEST(deferred["fees"][0]["amount"].get<double>() == 25.00);
  BOOST_TEST(b["promotional_purchase"][3]["terms"][0]["apr"].get<double>() == 0.1999);
  // The api example: 10.50 over 3 months at 9.99 % → 3.56.
  const auto small = post("/accounts/" + std::string(kAda) + "/calculate-interest", {{"amount", "10.50"}});
  BOOST_TEST(small.body["promotional_purchase"][1]["terms"][0]["term_amount"].get<double>() == 3.56);
  // GET ?amount= gives the same answer.
  BOOST_TEST(get("/accounts/" + std::string(kAda) + "/calculate-interest", {{"amount", "250.00"}}).body == b);
}

BOOST_FIXTURE_TEST_CASE(calculate_interest_categories_and_refusals, FinancingServer) {
  const auto category = [&](const char* account) {
    return post("/accounts/" + std::string(account) + "/calculate-interest", {{"amount", 100}}).body["customer"]["customer_category_type"];
  };
  BOOST_TEST(category(kGrace) == "preferred");
  BOOST_TEST(category(kAlan) == "premium");
  BOOST_TEST(category(kKatherine) == "premium");
  BOOST_TEST(category(kEdsger) == "standard");
  BOOST_TEST(category(kBarbara) == "standard");
  const std::string path = "/accounts/" + std::string(kAda) + "/calculate-interest";
  const auto decimals = post(path, {{"amount", "1.005"}});
  BOOST_TEST(is_error(decimals, 409, "wrong_inputs"));
  BOOST_TEST(decimals.body["field_errors"][0]["msg"] == "money.too_many_decimals");
  BOOST_TEST(is_error(post(path, {{"amount", 0}}), 409, "wrong_inputs"));
  BOOST_TEST(is_error(post(path, {{"amount", -5}}), 409, "wrong_inputs"));
  BOOST_TEST(is_error(post(path, {{"amount", true}}), 409, "wrong_inputs"));
  BOOST_TEST(is_error(post(path, json::object()), 409, "wrong_inputs"));
  BOOST_TEST(is_error(post("/accounts/39999999999999/calculate-interest", {{"amount", 10}}), 404, "not_found"));
  BOOST_TEST(is_error(post("/accounts/abc/calculate-interest", {{"amount", 10}}), 409, "wrong_inputs"));
  BOOST_TEST(is_error(post("/accounts/" + std::string(kDennis) + "/calculate-interest", {{"amount", 10}}), 409, "user_not_active"));
}

// ---------------------------------------------------------------- authorizations

BOOST_FIXTURE_TEST_CASE(authorization_reduces_credit_and_captures_partially, FinancingServer) {
  const auto a = post("/authorization", auth_request(kAda, 100.00, false, 5, 6));
  BOOST_REQUIRE_MESSAGE(a.status == 200, a.summary());
  BOOST_TEST(a.body["authorization_status"] == "opened");
  BOOST_TEST(a.body["amount"].get<double>() == 100.00);
  BOOST_TEST(a.body["remaining_authorization_amount"].get<double>() == 100.00);
  BOOST_TEST(a.body["term_amount"].get<double>() == 19.67);  // 100/6 + 3
  BOOST_TEST(a.body["financing_option"] == (json{{"transaction_type", "promotional_purchase"}, {"plan_id", 5}, {"term", 6}}));
  BOOST_TEST(a.body["creation_date"] == "2026-01-31T10:00:00Z");
  BOOST_TEST(!a.body.contains("capture_id"));
  BOOST_TEST(credit(kAda) == 4900.00);
  const std::string id = std::to_string(a.body["authorization_id"].get<long long>());

  const auto c1 = post("/authorization/" + id + "/capture", {{"amount", 40}, {"reference", "order-1"}});
  BOOST_REQUIRE_MESSAGE(c1.status == 200, c1.summary());
  BOOST_TEST(c1.body["amount"].get<double>() == 40.00);
  BOOST_TEST(c1.body["remaining_authorization_amount"].get<double>() == 60.00);
  BOOST_TEST(c1.body["reference"] == "order-1");
  BOOST_TEST(c1.body["authorization_status"] == "opened");
  BOOST_TEST(is_error(post("/authorization/" + id + "/capture", {{"amount", 60.01}}), 409, "auth_amount_exceeded"));
  const auto c2 = post("/authorization/" + id + "/capture", {{"amount", 60}});
  BOOST_TEST(c2.body["remaining_authorization_amount"].get<double>() == 0.0);
  BOOST_TEST(c2.body["authorization_status"] == "closed");
  BOOST_TEST(is_error(post("/authorization/" + id + "/capture", {{"amount", 1}}), 409, "authorization_ended"));
  BOOST_TEST(is_error(post("/authorization/" + id + "/release", json::object()), 409, "authorization_ended"));
  BOOST_TEST(credit(kAda) == 4900.00);  // captures move no credit
  const auto got = get("/authorization/" + id);
  BOOST_REQUIRE_EQUAL(got.body["captures"].size(), 2u);
  BOOST_TEST(got.body["captures"][0]["capture_id"] == c1.body["capture_id"]);
  BOOST_TEST(is_error(post("/authorization/999999999/capture", {{"amount", 1}}), 404, "not_found"));
  BOOST_TEST(is_error(post("/authorization/" + id + "/capture", json::object()), 409, "wrong_inputs"));
}

BOOST_FIXTURE_TEST_CASE(release_restores_available_credit, FinancingServer) {
  const auto a = post("/authorization", auth_request(kAda, 300, false));
  BOOST_REQUIRE_EQUAL(a.status, 200);
  BOOST_TEST(a.body["financing_option"] == (json{{"transaction_type", "regular_purchase"}}));
  BOOST_TEST(credit(kAda) == 4700.00);
  const std::string id = std::to_string(a.body["authorization_id"].get<long long>());
  const auto r1 = post("/authorization/" + id + "/release", {{"amount", 100}});
  BOOST_REQUIRE_MESSAGE(r1.status == 200, r1.summary());
  BOOST_TEST(r1.body["remaining_authorization_amount"].get<double>() == 200.00);
  BOOST_TEST(r1.body["authorization_status"] == "opened");
  BOOST_TEST(credit(kAda) == 4800.00);
  BOOST_TEST(is_error(post("/authorization/" + id + "/release", {{"amount", 200.01}}), 409, "auth_amount_exceeded"));
  const auto r2 = post("/authorization/" + id + "/release", json::object());  // the rest
  BOOST_TEST(r2.body["amount"].get<double>() == 200.00);
  BOOST_TEST(r2.body["authorization_status"] == "closed");
  BOOST_TEST(credit(kAda) == 5000.00);
  BOOST_TEST(is_error(post("/authorization/" + id + "/release", json::object()), 409, "authorization_ended"));
}

BOOST_FIXTURE_TEST_CASE(returns_never_exceed_the_capture_and_restore_credit, FinancingServer) {
  const auto a = post("/authorization", auth_request(kAda, 200, true, 7, 3));
  BOOST_REQUIRE_MESSAGE(a.status == 200, a.summary());
  BOOST_TEST(a.body["authorization_status"] == "closed");
  BOOST_TEST(a.body["remaining_authorization_amount"].get<double>() == 0.0);
  BOOST_REQUIRE(a.body.contains("capture_id"));
  const std::string id = std::to_string(a.body["authorization_id"].get<long long>());
  const std::string capture = std::to_string(a.body["capture_id"].get<long long>());
  BOOST_TEST(credit(kAda) == 4800.00);
  const std::string path = "/authorization/" + id + "/capture/" + capture + "/return";
  const auto r1 = post(path, {{"amount", 50}, {"reference", "rma-1"}});
  BOOST_REQUIRE_MESSAGE(r1.status == 200, r1.summary());
  BOOST_TEST((keys(r1.body) == std::set<std::string>{"return_id", "reference", "capture_id", "date", "amount", "remaining_capture_amount",
                                                     "remaining_authorization_amount"}));
  BOOST_TEST(r1.body["remaining_capture_amount"].get<double>() == 150.00);
  BOOST_TEST(r1.body["capture_id"] == a.body["capture_id"]);
  BOOST_TEST(credit(kAda) == 4850.00);
  BOOST_TEST(is_error(post(path, {{"amount", 150.01}}), 409, "capture_amount_exceeded"));
  const auto full = post(path, {{"full_return", true}});
  BOOST_TEST(full.body["amount"].get<double>() == 150.00);
  BOOST_TEST(full.body["remaining_capture_amount"].get<double>() == 0.0);
  BOOST_TEST(credit(kAda) == 5000.00);
  BOOST_TEST(is_error(post(path, {{"amount", 0.01}}), 409, "capture_amount_exceeded"));
  BOOST_TEST(is_error(post("/authorization/" + id + "/capture/810999999/return", {{"amount", 1}}), 404, "not_found"));
  BOOST_TEST(is_error(post(path, json::object()), 409, "wrong_inputs"));
  // Regular purchases are not returned on this endpoint.
  const auto regular = post("/authorization", auth_request(kAda, 20, true));
  const std::string rpath = "/authorization/" + std::to_string(regular.body["authorization_id"].get<long long>()) + "/capture/" +
                            std::to_string(regular.body["capture_id"].get<long long>()) + "/return";
  BOOST_TEST(is_error(post(rpath, {{"amount", 5}}), 409, "wrong_transaction_type"));
}

BOOST_FIXTURE_TEST_CASE(returns_are_refused_after_100_days, FinancingServer) {
  const auto a = post("/authorization", auth_request(kAda, 100, true, 5, 12));
  BOOST_REQUIRE_EQUAL(a.status, 200);
  const std::string path = "/authorization/" + std::to_string(a.body["authorization_id"].get<long long>()) + "/capture/" +
                           std::to_string(a.body["capture_id"].get<long long>()) + "/return";
  advance(server, {{"days", 100}});
  renew();
  BOOST_TEST(post(path, {{"amount", 10}}).status == 200);
  advance(server, {{"days", 1}});
  renew();
  BOOST_TEST(is_error(post(path, {{"amount", 10}}), 409, "return_date_exceeded"));
  BOOST_TEST(credit(kAda) == 4910.00);
}

BOOST_FIXTURE_TEST_CASE(authorization_business_rules, FinancingServer) {
  // Alan has 250.00: enough for 250.00 on 0 % plans, not with 19.99 % interest added.
  BOOST_TEST(is_error(post("/authorization", auth_request(kAlan, 250, true, 11, 24)), 409, "credit_exceeded"));
  BOOST_TEST(is_error(post("/authorization", auth_request(kAlan, 250.01, true)), 409, "credit_exceeded"));
  BOOST_TEST(is_error(post("/authorization", auth_request(kAlan, 250, true, 5)), 409, "plan_term_not_set"));
  BOOST_TEST(is_error(post("/authorization", auth_request(kAlan, 250, true, 9, 6)), 409, "plan_term_not_available"));
  BOOST_TEST(is_error(post("/authorization", auth_request(kAlan, 250, true, 5, 7)), 409, "plan_term_not_available"));
  const auto ok = post("/authorization", auth_request(kAlan, 250, true, 5, 6));
  BOOST_TEST(ok.status == 200, ok.summary());
  BOOST_TEST(credit(kAlan) == 0.0);
  BOOST_TEST(is_error(post("/authorization", auth_request("39999999999999", 10, true)), 404, "not_found"));
  BOOST_TEST(is_error(post("/authorization", auth_request(kCharles, 10, true)), 409, "user_not_able_to_purchase"));
  BOOST_TEST(is_error(post("/authorization", auth_request(kJohn, 10, true)), 409, "user_not_able_to_purchase"));
  BOOST_TEST(is_error(post("/authorization", auth_request(kDennis, 10, true)), 409, "user_not_active"));
  json mismatch = auth_request(kGrace, 10, true);
  mismatch["vcc_number"] = kAdaVcc;
  BOOST_TEST(is_error(post("/authorization", mismatch), 409, "vcc_account_mismatch"));
  json no_capture_flag = auth_request(kGrace, 10, true);
  no_capture_flag.erase("auto_capture");
  const auto missing = post("/authorization", no_capture_flag);
  BOOST_TEST(is_error(missing, 409, "wrong_inputs"));
  BOOST_TEST(missing.body["field_errors"][0]["param"] == "auto_capture");
  json bad_type = auth_request(kGrace, 10, true);
  bad_type["financing_option"]["transaction_type"] = "layaway";
  BOOST_TEST(post("/authorization", bad_type).body["field_errors"][0]["param"] == "financing_option.transaction_type");
  // The second merchant is not configured for pre-authorizations.
  const Client second = second_client(server);
  const std::string other = token(server, second);
  BOOST_TEST(is_error(fin::post(server, second.id, other, "/authorization", auth_request(kGrace, 10, false)), 409, "auth_not_allowed"));
  BOOST_TEST(fin::post(server, second.id, other, "/authorization", auth_request(kGrace, 10, true)).status == 200);
}

BOOST_FIXTURE_TEST_CASE(list_filters_and_pages, FinancingServer) {
  BOOST_REQUIRE_EQUAL(post("/authorization", auth_request(kAda, 10, true)).status, 200);
  BOOST_REQUIRE_EQUAL(post("/authorization", auth_request(kAda, 20, false, 5, 6)).status, 200);
  BOOST_REQUIRE_EQUAL(post("/authorization", auth_request(kGrace, 30, false)).status, 200);
  const auto all = get("/authorizations");
  BOOST_REQUIRE_EQUAL(all.status, 200);
  BOOST_TEST((keys(all.body) == std::set<std::string>{"page_number", "page_size", "total_count", "authorizations"}));
  BOOST_TEST(all.body["total_count"] == 3);
  BOOST_TEST(all.body["authorizations"][0]["amount"].get<double>() == 30.0);  // newest first
  const auto page = get("/authorizations", {{"page_size", "2"}, {"page_number", "2"}});
  BOOST_TEST(page.body["authorizations"].size() == 1u);
  BOOST_TEST(page.body["authorizations"][0]["amount"].get<double>() == 10.0);
  BOOST_TEST(get("/authorizations", {{"account_number", kAda}}).body["total_count"] == 2);
  BOOST_TEST(get("/authorizations", {{"authorization_status", "closed"}}).body["total_count"] == 1);
  BOOST_TEST(get("/authorizations", {{"transaction_type", "promotional_purchase"}}).body["total_count"] == 1);
  BOOST_TEST(get("/authorizations", {{"creation_date_from", "2026-02-01"}}).body["total_count"] == 0);
  BOOST_TEST(get("/authorizations", {{"creation_date_to", "2026-01-31"}}).body["total_count"] == 3);
  BOOST_TEST(is_error(get("/authorizations", {{"page_size", "0"}}), 409, "wrong_inputs"));
  BOOST_TEST(is_error(get("/authorizations", {{"page_size", "abc"}}), 409, "wrong_inputs"));
  BOOST_TEST(is_error(get("/authorizations", {{"authorization_status", "pending"}}), 409, "wrong_inputs"));
  BOOST_TEST(is_error(get("/authorizations", {{"creation_date_from", "31/01/2026"}}), 409, "wrong_inputs"));
}

BOOST_FIXTURE_TEST_CASE(one_merchant_never_sees_another_merchants_authorizations, FinancingServer) {
  const auto a = post("/authorization", auth_request(kAda, 50, false));
  BOOST_REQUIRE_EQUAL(a.status, 200);
  const std::string id = std::to_string(a.body["authorization_id"].get<long long>());
  const Client second = second_client(server);
  const std::string other = token(server, second);
  BOOST_TEST(is_error(fin::get(server, second.id, other, "/authorization/" + id), 404, "not_found"));
  BOOST_TEST(is_error(fin::post(server, second.id, other, "/authorization/" + id + "/capture", {{"amount", 1}}), 404, "not_found"));
  BOOST_TEST(is_error(fin::post(server, second.id, other, "/authorization/" + id + "/release", json::object()), 404, "not_found"));
  BOOST_TEST(fin::get(server, second.id, other, "/authorizations").body["total_count"] == 0);
  BOOST_TEST(fin::get(server, second.id, other, "/authorizations", {{"account_number", kAda}}).body["total_count"] == 0);
  BOOST_TEST(get("/authorizations").body["total_count"] == 1);
  BOOST_TEST(get("/authorization/" + id).status == 200);
}

BOOST_FIXTURE_TEST_CASE(concurrent_authorizations_never_overdraw_the_account, FinancingServer) {
  // Grace has 1,000.00: twelve parallel 100.00 authorizations, exactly ten fit.
  std::vector<std::thread> threads;
  std::atomic<int> ok{0}, exceeded{0}, other{0};
  for (int i = 0; i < 12; ++i)
    threads.emplace_back([&] {
      const auto r = post("/authorization", auth_request(kGrace, 100, true));
      if (r.status == 200) ++ok;
      else if (is_error(r, 409, "credit_exceeded")) ++exceeded;
      else ++other;
    });
  for (auto& t : threads) t.join();
  BOOST_TEST(ok.load() == 10);
  BOOST_TEST(exceeded.load() == 2);
  BOOST_TEST(other.load() == 0);
  BOOST_TEST(credit(kGrace) == 0.0);
  BOOST_TEST(get("/authorizations", {{"account_number", kGrace}}).body["total_count"] == 10);
}

// ---------------------------------------------------------------- verify

BOOST_FIXTURE_TEST_CASE(verification_codes_by_sms_and_security_question, FinancingServer) {
  const std::string verify = "/account/" + std::string(kAda) + "/verify";
  const auto sms = post(verify, json::object());
  BOOST_REQUIRE_MESSAGE(sms.status == 200, sms.summary());
  BOOST_TEST(sms.body == (json{{"verification_code", "verification_sent_to_sms"}}));
  const auto outbox = server.outbox();
  BOOST_REQUIRE(!outbox.empty());
  BOOST_TEST(outbox[0]["to"] == "4165550101");
  const std::string code = outbox[0]["code"];
  BOOST_TEST(code.size() == 6u);
  json with_code = auth_request(kAda, 25, true);
  with_code["verification_code"] = code;
  BOOST_TEST(post("/authorization", with_code).status == 200);
  BOOST_TEST(is_error(post("/authorization", with_code), 409, "not_verified"));  // used once
  BOOST_TEST(post(verify, {{"format", "email"}}).body["verification_code"] == "verification_sent_to_email");
  BOOST_TEST(server.outbox()[0]["to"] == "ada@payref.test");

  const auto right = post(verify, {{"format", "security_question"}, {"security_qid", 101}, {"security_answer", " Rex "}});
  BOOST_REQUIRE_MESSAGE(right.status == 200, right.summary());
  BOOST_TEST(right.body["verification_code"].get<std::string>().size() == 6u);
  for (int i = 0; i < 3; ++i)
    BOOST_TEST(is_error(post(verify, {{"format", "security_question"}, {"security_qid", 101}, {"security_answer", "fido"}}), 409,
                        "secret_answer_mismatch"));
  BOOST_TEST(is_error(post(verify, {{"format", "security_question"}, {"security_qid", 101}, {"security_answer", "rex"}}), 409, "tries_exceed"));
  advance(server, {{"seconds", 48 * 3600}});
  renew();
  BOOST_TEST(post(verify, {{"format", "security_question"}, {"security_qid", 101}, {"security_answer", "rex"}}).status == 200);
  BOOST_TEST(is_error(post(verify, {{"format", "security_question"}, {"security_answer", "rex"}}), 409, "wrong_inputs"));
}

BOOST_FIXTURE_TEST_CASE(verification_refusals, FinancingServer) {
  BOOST_TEST(is_error(post("/account/" + std::string(kKatherine) + "/verify", {{"format", "sms"}}), 400, "sms_not_valid_phone"));
  BOOST_TEST(post("/account/" + std::string(kKatherine) + "/verify", {{"format", "email"}}).status == 200);
  const std::string verify = "/account/" + std::string(kAda) + "/verify";
  BOOST_TEST(is_error(post(verify, {{"format", "merchant_override"}}), 409, "merchant_override_is_not_allowed"));
  BOOST_TEST(is_error(post(verify, {{"format", "regular_purchase_bypass"}, {"amount", 200.01}}), 409, "regular_purchase_bypass_is_not_allowed"));
  BOOST_TEST(is_error(post(verify, {{"format", "carrier_pigeon"}}), 409, "wrong_inputs"));
  BOOST_TEST(is_error(post("/account/39999999999999/verify", json::object()), 404, "not_found"));
  BOOST_TEST(is_error(post("/account/" + std::string(kCharles) + "/verify", json::object()), 409, "user_not_able_to_purchase"));
  // A bypass code covers a regular purchase of at most $200 only.
  const auto bypass = post(verify, {{"format", "regular_purchase_bypass"}});
  BOOST_REQUIRE_EQUAL(bypass.status, 200);
  json promo = auth_request(kAda, 100, true, 5, 6);
  promo["verification_code"] = bypass.body["verification_code"];
  BOOST_TEST(is_error(post("/authorization", promo), 409, "not_verified"));
  json regular = auth_request(kAda, 100, true);
  regular["verification_code"] = bypass.body["verification_code"];
  BOOST_TEST(post("/authorization", regular).status == 200);
  // After four regular purchases in 24 hours the bypass is refused.
  for (int i = 0; i < 3; ++i) BOOST_REQUIRE_EQUAL(post("/authorization", auth_request(kAda, 1, true)).status, 200);
  BOOST_TEST(is_error(post(verify, {{"format", "regular_purchase_bypass"}}), 409, "regular_purchase_bypass_is_not_allowed"));
}

// ---------------------------------------------------------------- transactions

BOOST_FIXTURE_TEST_CASE(payments_raise_credit_up_to_the_daily_limit, FinancingServer) {
  BOOST_TEST(credit(kMargaret) == 2000.00);
  const auto t = post("/transactions", {{"transaction_type", "deposit"}, {"amount", 10000.00}, {"account_number", kMargaret}});
  BOOST_REQUIRE_MESSAGE(t.status == 200, t.summary());
  BOOST_TEST((keys(t.body) == std::set<std::string>{"transaction_id", "transaction_type", "account_number", "amount", "reference", "date",
                                                    "available_credit"}));
  BOOST_TEST(t.body["available_credit"].get<double>() == 12000.00);
  BOOST_TEST(credit(kMargaret) == 12000.00);
  BOOST_TEST(is_error(post("/transactions", {{"transaction_type", "deposit"}, {"amount", 0.01}, {"account_number", kMargaret}}), 409,
                      "limit_payment_amount_24"));
  advance(server, {{"seconds", 24 * 3600 - 1}});
  renew();
  BOOST_TEST(is_error(post("/transactions", {{"transaction_type", "deposit"}, {"amount", 0.01}, {"account_number", kMargaret}}), 409,
                      "limit_payment_amount_24"));
  advance(server, {{"seconds", 1}});
  BOOST_TEST(post("/transactions", {{"transaction_type", "deposit"}, {"amount", 5000}, {"customer_id", "100000000007"}}).status == 200);
  BOOST_TEST(credit(kMargaret) == 17000.00);
}

BOOST_FIXTURE_TEST_CASE(transaction_refusals, FinancingServer) {
  const auto pay = [&](const json& extra) {
    json body{{"transaction_type", "instore_payment"}, {"amount", 10}, {"account_number", kMargaret}};
    body.update(extra);
    return post("/transactions", body);
  };
  BOOST_TEST(is_error(pay(json::object()), 409, "verification_code_required"));
  BOOST_TEST(is_error(pay({{"verification_code", "000000"}}), 409, "wrong_verification_code"));
  BOOST_TEST(is_error(pay({{"transaction_type", "refund"}}), 409, "invalid_transaction_type"));
  BOOST_TEST(post("/account/" + std::string(kMargaret) + "/verify", json::object()).status == 200);
  const std::string code = server.outbox()[0]["code"];
  BOOST_TEST(pay({{"verification_code", code}, {"transaction_type", "tradein"}}).status == 200);
  BOOST_TEST(is_error(pay({{"verification_code", code}}), 409, "wrong_verification_code"));  // used
  BOOST_TEST(is_error(post("/transactions", {{"transaction_type", "deposit"}, {"amount", 0.01}, {"account_number", kAda}}), 409, "wrong_inputs"));
  BOOST_TEST(is_error(post("/transactions", {{"transaction_type", "deposit"}, {"amount", 1}, {"account_number", kDennis}}), 409, "user_not_active"));
  BOOST_TEST(is_error(post("/transactions", {{"transaction_type", "deposit"}, {"amount", 1}, {"account_number", kJohn}}), 409,
                      "user_not_able_to_purchase"));
  BOOST_TEST(post("/transactions", {{"transaction_type", "deposit"}, {"amount", 1}, {"account_number", kCharles}}).status == 200);
  BOOST_TEST(is_error(post("/transactions", {{"transaction_type", "deposit"}, {"amount", 1}}), 409, "wrong_inputs"));
  BOOST_TEST(is_error(post("/transactions", {{"transaction_type", "deposit"}, {"amount", 1}, {"vcc_number", "6048730000009999"}}), 404, "not_found"));
}

// ---------------------------------------------------------------- persistence, reset, robustness

BOOST_FIXTURE_TEST_CASE(state_persists_across_restart, FinancingServer) {
  const auto a = post("/authorization", auth_request(kAda, 123.45, false, 5, 12));
  BOOST_REQUIRE_EQUAL(a.status, 200);
  const std::string id = std::to_string(a.body["authorization_id"].get<long long>());
  BOOST_REQUIRE_EQUAL(server.restart(), 0);
  BOOST_TEST(get("/authorization/" + id).body == a.body);  // the token survived too
  BOOST_TEST(credit(kAda) == 4876.55);
  BOOST_TEST(demo_client(server).secret == demo.secret);
  BOOST_TEST(post("/authorization/" + id + "/release", json::object()).status == 200);
  BOOST_TEST(credit(kAda) == 5000.00);
}

BOOST_FIXTURE_TEST_CASE(reset_keeps_credentials_and_reseeds_accounts, FinancingServer) {
  BOOST_REQUIRE_EQUAL(post("/authorization", auth_request(kAda, 100, true)).status, 200);
  const auto reset = server.post_raw("/_sandbox/reset", "", "application/json", {{"Authorization", std::string("Bearer ") + kAdminToken}});
  BOOST_REQUIRE_EQUAL(reset.status, 200);
  BOOST_TEST(reset.body["credentials"]["financing"]["client_secret"] == demo.secret);
  BOOST_TEST(is_error(get("/authorizations"), 401, "invalid_token"));  // tokens went with the reset
  renew();
  BOOST_TEST(credit(kAda) == 5000.00);
  BOOST_TEST(get("/authorizations").body["total_count"] == 0);
}

BOOST_FIXTURE_TEST_CASE(wrong_types_and_bad_bodies_never_give_500, FinancingServer) {
  const std::string auth = "/authorization";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {auth, "{"}, {auth, "[]"}, {auth, "null"}, {auth, "\"text\""}, {auth, "{\"account_number\": {}}"},
      {auth, "{\"account_number\": -1}"}, {auth, "{\"account_number\": 1.5}"}, {auth, "{\"account_number\": 1e300}"},
      {auth, "{\"account_number\": 99999999999999999999999}"},
      {auth, R"({"account_number":"30000000000001","amount":[1],"auto_capture":true,"financing_option":{"transaction_type":"regular_purchase"}})"},
      {auth, R"({"account_number":"30000000000001","amount":1,"auto_capture":"yes","financing_option":{"transaction_type":"regular_purchase"}})"},
      {auth, R"({"account_number":"30000000000001","amount":1,"auto_capture":true,"financing_option":"regular"})"},
      {auth, R"({"account_number":"30000000000001","amount":1,"auto_capture":true,"financing_option":{"transaction_type":7}})"},
      {auth, R"({"account_number":"30000000000001","amount":1,"auto_capture":true,"financing_option":{"transaction_type":"promotional_purchase","plan_id":"x","term":[]}})"},
      {auth, R"({"account_number":"30000000000001","amount":1,"auto_capture":true,"financing_option":{"transaction_type":"promotional_purchase","plan_id":5,"term":-6}})"},
      {auth, R"({"account_number":"30000000000001","amount":1e400,"auto_capture":true,"financing_option":{"transaction_type":"regular_purchase"}})"},
      {auth, R"({"account_number":"30000000000001","amount":1,"auto_capture":true,"financing_option":{"transaction_type":"regular_purchase"},"reference":{"a":1}})"},
      {auth, R"({"account_number":"30000000000001","amount":1,"auto_capture":true,"financing_option":{"transaction_type":"regular_purchase"},"sku_data":5})"},
      {auth, R"({"account_number":"30000000000001","amount":1,"auto_capture":true,"financing_option":{"transaction_type":"regular_purchase"},"verification_code":123})"},
      {"/transactions", R"({"transaction_type":["deposit"],"amount":1})"},
      {"/transactions", R"({"transaction_type":"deposit","amount":"1,000","account_number":"30000000000007"})"},
      {"/transactions", R"({"transaction_type":"deposit","amount":1,"customer_id":true})"},
      {"/account/30000000000001/verify", R"({"format":1})"},
      {"/account/30000000000001/verify", R"({"format":"security_question","security_qid":"abc","security_answer":{}})"},
      {"/account/30000000000001/verify", R"({"format":"regular_purchase_bypass","amount":"lots"})"},
      {"/account/30000000000001/verify", R"({"vcc_number":1.5})"},
      {"/accounts/30000000000001/calculate-interest", R"({"amount":null})"},
      {"/accounts/30000000000001/calculate-interest", R"({"amount":"NaN"})"},
      {"/accounts/30000000000001/calculate-interest", R"({"amount":1e-7})"},
      {"/customers/driverslicense", R"({"code":["@"]})"},
      {"/customers/driverslicense", std::string(R"({"code":")") + std::string(5000, 'A') + "\"}"},
      {"/authorization/800000001/capture", R"({"amount":"x"})"},
      {"/authorization/abc/capture", R"({"amount":1})"},
      {"/authorization/800000001/capture/xyz/return", R"({"full_return":"maybe"})"},
  };
  for (const auto& [path, body] : cases) {
    const auto r = fin::post_raw(server, demo.id, tok, path, body);
    BOOST_TEST((r.status == 409 || r.status == 404), path << " " << body.substr(0, 80) << " -> " << r.summary());
    BOOST_TEST((is_error(r, 409, "wrong_inputs") || is_error(r, 404, "not_found")), r.summary());
  }
  // Queries with the wrong shapes.
  BOOST_TEST(is_error(get("/customers/lookup", {{"account_number", std::string(300, '9')}}), 409, "wrong_inputs"));
  BOOST_TEST(is_error(get("/authorizations", {{"page_number", "99999999999999999999"}}), 409, "wrong_inputs"));
  // Unknown endpoints and methods under the prefix: 404 in the family's shape.
  BOOST_TEST(is_error(get("/no-such-thing"), 404, "not_found"));
  BOOST_TEST(is_error(post("/customers/lookup", json::object()), 404, "not_found"));
  // The server is still fine.
  BOOST_TEST(server.healthy());
  BOOST_TEST(credit(kAda) == 5000.00);
}

BOOST_FIXTURE_TEST_CASE(every_field_replaced_by_every_wrong_type_is_refused_in_shape, FinancingServer) {
  const json wrong[] = {nullptr, "x", "", 1.5, -1, 99999999999999999999.0, true, json::array(), json::object(), json::array({1})};
  const std::vector<std::pair<std::string, json>> calls = {
      {"/authorization", {{"account_number", kAda}, {"amount", 1.00}, {"auto_capture", true}, {"reference", "r"},
                          {"financing_option", {{"transaction_type", "promotional_purchase"}, {"plan_id", 5}, {"term", 6}}}}},
      {"/transactions", {{"transaction_type", "deposit"}, {"amount", 1.00}, {"account_number", kMargaret}, {"reference", "r"}}},
      {"/account/" + std::string(kAda) + "/verify", {{"format", "security_question"}, {"security_qid", 101}, {"security_answer", "rex"}}},
      {"/accounts/" + std::string(kAda) + "/calculate-interest", {{"amount", 250.00}}},
  };
  int calls_made = 0;
  for (const auto& [path, valid] : calls) {
    BOOST_REQUIRE_MESSAGE(post(path, valid).status == 200, path);
    const json flat = valid.flatten();
    for (const auto& [pointer, value] : flat.items())
      for (const json& bad : wrong) {
        json body = valid;
        body[json::json_pointer(pointer)] = bad;
        const auto r = post(path, body);
        ++calls_made;
        const bool fine = r.status == 200 || is_error(r, 409, "wrong_inputs") || is_error(r, 404, "not_found") || r.status == 409;
        BOOST_TEST(fine, path << " " << pointer << " = " << bad.dump() << " -> " << r.summary());
        BOOST_TEST(r.status != 500);
        if (r.status != 200) BOOST_TEST(r.body.contains("error"), r.summary());
      }
  }
  BOOST_TEST(calls_made > 100);
  BOOST_TEST(server.healthy());
}

BOOST_AUTO_TEST_SUITE_END()
