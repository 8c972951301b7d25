// The CMS subscriptions family (seed 002, /2.1.28/REST/; docs/cms.md): sign-on and session expiry
// on the test clock, the seven operations against the seed's bodies field by field, the state
// machine, trial and interval invoicing by the clock (month ends), declines, paging and the NotSet
// filter, tenant isolation, persistence, and wrong JSON types that must never give a 500.
#include <boost/test/unit_test.hpp>

#include <regex>
#include <set>

#include "cms_helpers.hpp"

using namespace payref_test;
using nlohmann::json;

namespace {

bool is_reference_id(const json& v) {
  return v.is_string() && std::regex_match(v.get<std::string>(), std::regex("[0-9A-F]{32}"));
}

// An ErrorResponse with this HTTP status, ErrorId and Operation; returns its RuleKeys.
std::set<std::string> expect_error(const HttpReply& reply, int http, int error_id, const std::string& operation) {
  BOOST_TEST(reply.status == http, reply.summary());
  BOOST_TEST_REQUIRE(reply.body.is_object(), reply.summary());
  BOOST_TEST(reply.body.value("ErrorId", -1) == error_id, reply.summary());
  BOOST_TEST(reply.body.value("Operation", "") == operation, reply.summary());
  std::set<std::string> keys;
  for (const char* k : {"ErrorId", "HelpUrl", "Messages", "Operation", "Reason", "ValidationErrors"})
    BOOST_TEST(reply.body.contains(k), k << " missing: " << reply.summary());
  BOOST_TEST(reply.body.size() == 6u, reply.summary());
  BOOST_TEST(reply.body["Messages"].is_array());
  BOOST_TEST(!reply.body["Messages"].empty());
  for (const auto& v : reply.body["ValidationErrors"]) {
    BOOST_TEST(is_reference_id(v["TransactionId"]));
    BOOST_TEST(v["RuleMessage"].is_string());
    keys.insert(v.value("RuleKey", ""));
  }
  return keys;
}

std::string rule_location(const HttpReply& reply, const std::string& key) {
  for (const auto& v : reply.body.value("ValidationErrors", json::array()))
    if (v.value("RuleKey", "") == key) return v.value("RuleLocationKey", "");
  return "<no error on " + key + ">";
}

// The keys of the object at `pointer` in the order the text shows them.
std::vector<std::string> key_order(const std::string& text, const std::string& pointer = "") {
  const auto parsed = nlohmann::ordered_json::parse(text);
  std::vector<std::string> out;
  for (const auto& [k, v] : parsed.at(nlohmann::ordered_json::json_pointer(pointer)).items()) out.push_back(k);
  return out;
}

struct SeedFixture {
  // The seed's create ran on 2017-03-27 (CreatedDate 16:51:44.22): the clock is set there so the
  // seed's request is accepted verbatim.
  ServerProcess server{ServerProcess::Options{"warn", {"--clock", "2017-03-27T16:51:44Z"}}};
  CmsClient cms{server};
  std::string token = cms.sign_on(cms.demo);
};

struct ClockFixture {
  ServerProcess server{ServerProcess::Options{"warn", {"--clock", "2026-01-30T10:00:00Z"}}};
  CmsClient cms{server};
  std::string token = cms.sign_on(cms.demo);
  std::string profile = cms.demo.merchant_profile_id;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(cms_tests)

// ---- sign-on and sessions --------------------------------------------------------------------

BOOST_FIXTURE_TEST_CASE(sign_on_turns_the_identity_token_into_a_session_token, ClockFixture) {
  const auto reply = cms.sign_on_raw(cms.demo.identity_token);
  BOOST_TEST(reply.status == 200);
  BOOST_TEST(reply.text.front() == '"');  // a bare JSON string
  BOOST_TEST(reply.body.is_string());
  BOOST_TEST(reply.body.get<std::string>() != token);  // a fresh token each time
  BOOST_TEST(reply.body.get<std::string>() != cms.demo.identity_token);
  expect_error(cms.sign_on_raw("not-an-identity-token"), 401, 5005, "SignOnWithToken");
  expect_error(cms.sign_on_raw(token), 401, 5005, "SignOnWithToken");  // a session token is no identity
  expect_error(server.get("/2.1.28/REST/SIS.svc/token"), 401, 5005, "SignOnWithToken");
}

BOOST_FIXTURE_TEST_CASE(every_operation_needs_a_valid_session_token, ClockFixture) {
  const std::string id = cms.create_ok(token, subscription_request(cms.demo, "2026-02-15T00:00:00"));
  const std::string one = std::string(kCmsBase) + "/" + id;
  const std::string q = "?merchantProfileId=" + profile;
  const std::vector<std::tuple<std::string, std::string, std::string, std::string>> calls = {
      {"POST", std::string(kCmsBase) + "/", subscription_request(cms.demo, "2026-02-15T00:00:00").dump(), "CreateSubscription"},
      {"GET", one + q, "", "GetSubscription"},
      {"POST", std::string(kCmsBase) + "/query", cms_seed::kQueryRequest, "QuerySubscriptions"},
      {"PUT", one, subscription_request(cms.demo, "2026-02-15T00:00:00").dump(), "UpdateSubscription"},
      {"PUT", one + "/state", R"({"MerchantProfileId":"Dev_Test_28","SubscriptionState":"Cancelled"})", "UpdateSubscriptionState"},
      {"POST", one + "/invoice" + q, "null", "InvoiceSubscription"},
      {"DELETE", one + q, "", "DeleteSubscription"}};
  for (const auto& [method, path, body, operation] : calls) {
    BOOST_TEST_CONTEXT(operation) {
      expect_error(cms.send(method, path, "", body), 401, 5005, operation);
      expect_error(cms.send(method, path, "0123456789abcdef", body), 401, 5005, operation);
      expect_error(cms.send(method, path, cms.demo.identity_token, body), 401, 5005, operation);
    }
  }
  // Nothing was changed by the refused calls.
  const auto s = cms.get_ok(token, id, profile);
  BOOST_TEST(s["SubscriptionState"] == "Pending");
  BOOST_TEST(s["InvoiceCount"] == 0);
}

BOOST_FIXTURE_TEST_CASE(a_session_token_expires_after_30_minutes_of_the_server_clock, ClockFixture) {
  const std::string id = cms.create_ok(token, subscription_request(cms.demo, "2026-02-15T00:00:00"));
  cms.advance({{"seconds", 29 * 60 + 59}});
  BOOST_TEST(cms.get(token, id, profile).status == 200);
  cms.advance({{"seconds", 1}});
  const auto expired = cms.get(token, id, profile);
  expect_error(expired, 401, 5000, "GetSubscription");
  BOOST_TEST(expired.body["Reason"] == "Expired Token");
  const std::string fresh = cms.sign_on(cms.demo);
  BOOST_TEST(cms.get(fresh, id, profile).status == 200);
}

// ---- the seed's exchanges, field by field ----------------------------------------------------

BOOST_FIXTURE_TEST_CASE(create_then_get_answers_the_seeds_shapes_field_by_field, SeedFixture) {
  const auto created = cms.create(token, json::parse(cms_seed::kCreateRequest));
  BOOST_TEST_REQUIRE(created.status == 200, created.summary());
  BOOST_TEST(is_reference_id(created.body), created.text);  // like "CC16ECAE16084A9E953A7A93D20C26D0"
  const std::string id = created.body.get<std::string>();

  const auto got = cms.get(token, id, "Dev_Test_28");
  BOOST_TEST_REQUIRE(got.status == 200, got.summary());
  const json seed = json::parse(cms_seed::kGetResponse);
  // Same fields in the same order as the seed, at the top and in Order.
  BOOST_TEST(key_order(got.text) == key_order(cms_seed::kGetResponse), got.text);
  BOOST_TEST(key_order(got.text, "/Order") == key_order(cms_seed::kGetResponse, "/Order"));
  BOOST_TEST(key_order(got.text, "/Order/BillingData") == key_order(cms_seed::kGetResponse, "/Order/BillingData"));
  BOOST_TEST(key_order(got.text, "/Order/Tax") == key_order(cms_seed::kGetResponse, "/Order/Tax"));

  // Where payref differs from the seed's sample, on purpose (docs/cms.md "Choices"): new ids, the
  // server clock's CreatedDate without milliseconds, and what the create sent echoed back (the
  // seed's GET shows Description null, another TaxExempt and OrderTimeStamp, and no
  // ApplicationProfileId, for a create that sent them).
  const json create = json::parse(cms_seed::kCreateRequest);
  const std::map<std::string, json> differs = {
      {"SubscriptionReferenceId", id},
      {"ServiceKey", cms.demo.service_key},
      {"CreatedDate", "2017-03-27T16:51:44"},
      {"Description", "test description 69CB2"},
      {"ApplicationProfileId", "772763"}};
  for (const auto& [key, value] : seed.items()) {
    BOOST_TEST_CONTEXT(key) {
      if (key == "Order") continue;
      const auto it = differs.find(key);
      BOOST_TEST(got.body[key] == (it == differs.end() ? value : it->second));
    }
  }
  json expected_order = seed["Order"];
  expected_order["Description"] = "order description 69CB2";
  expected_order["TaxExempt"] = "NotExemptTaxInfoProvided";
  expected_order["OrderTimeStamp"] = "2017-03-27T16:52:34.531";  // 10:52:34.5312022-06:00 in UTC
  for (const auto& [key, value] : expected_order.items())
    BOOST_TEST_CONTEXT("Order." << key) { BOOST_TEST(got.body["Order"][key] == value); }
  // Offsets normalised to UTC without an offset, as the seed's pair shows.
  BOOST_TEST(got.body["StartDate"] == "2017-03-27T06:00:00");
  BOOST_TEST(got.body["NextProcessingDate"] == "2017-03-30T06:00:00");
  BOOST_TEST(got.body["LastUpdatedDate"] == "0001-01-01T00:00:00");
  BOOST_TEST(got.body["PaymentData"].is_null());
  BOOST_TEST(got.text.find("4111111111169085") == std::string::npos);
  BOOST_TEST(got.text.find("9085") == std::string::npos);
  BOOST_TEST(create["Subscription"]["Amount"] == got.body["Amount"]);
}

BOOST_FIXTURE_TEST_CASE(query_answers_the_seeds_shape, SeedFixture) {
  const std::string id = cms.create_ok(token, json::parse(cms_seed::kCreateRequest));
  json request = json::parse(cms_seed::kQueryRequest);
  request["QuerySubscriptionParameters"]["SubscriptionReferenceId"] = id;
  const auto reply = cms.query(token, request);
  BOOST_TEST_REQUIRE(reply.status == 200, reply.summary());
  BOOST_TEST(key_order(reply.text) == key_order(cms_seed::kQueryResponse));
  const json seed = json::parse(cms_seed::kQueryResponse);
  for (const char* k : {"PageNumber", "TotalPages", "TotalFound"}) BOOST_TEST(reply.body[k] == seed[k], k);
  BOOST_TEST_REQUIRE(reply.body["Subscriptions"].size() == 1u);
  BOOST_TEST(reply.body["Subscriptions"][0] == cms.get_ok(token, id, "Dev_Test_28"));
  // The seed's own query names another id: nothing found.
  const auto none = cms.query(token, json::parse(cms_seed::kQueryRequest));
  BOOST_TEST(none.body["TotalFound"] == 0);
  BOOST_TEST(none.body["TotalPages"] == 0);
  BOOST_TEST(none.body["Subscriptions"] == json::array());
}

BOOST_FIXTURE_TEST_CASE(update_with_the_seeds_request_replaces_the_subscription, SeedFixture) {
  const std::string id = cms.create_ok(token, json::parse(cms_seed::kCreateRequest));
  cms.advance({{"seconds", 19}});
  const auto updated = cms.update(token, id, json::parse(cms_seed::kUpdateRequest));
  BOOST_TEST(updated.status == 200, updated.summary());
  BOOST_TEST(updated.text.empty());
  const auto s = cms.get_ok(token, id, "Dev_Test_28");
  BOOST_TEST(s["Description"] == "updated subscription");
  BOOST_TEST(s["IntervalUnit"] == "Week");
  BOOST_TEST(s["IntervalCount"] == 65);
  BOOST_TEST(s["EndDate"] == "2018-07-05T06:00:00");
  BOOST_TEST(s["Order"]["TaxExempt"] == "NotExemptTaxInfoNotProvided");
  BOOST_TEST(s["Order"]["OrderTimeStamp"] == "2017-03-27T16:52:53.714");
  BOOST_TEST(s["LastUpdatedDate"] == "2017-03-27T16:52:03");
  BOOST_TEST(s["CreatedDate"] == "2017-03-27T16:51:44");
  BOOST_TEST(s["SubscriptionReferenceId"] == id);
  BOOST_TEST(s["SubscriptionState"] == "Pending");
  BOOST_TEST(s["PaymentData"].is_null());
  // Weekly from the seed's NextProcessingDate: the first invoice pays with the new card.
  const auto ran = cms_invoices(cms.advance({{"to", "2017-04-07T12:00:00Z"}}));
  BOOST_TEST_REQUIRE(ran.size() == 2u, ran.dump());
  BOOST_TEST(ran[0]["InvoiceDate"] == "2017-03-30T06:00:00");
  BOOST_TEST(ran[1]["InvoiceDate"] == "2017-04-06T06:00:00");
}

BOOST_FIXTURE_TEST_CASE(the_seeds_state_request_cancels_and_cancelled_is_final, SeedFixture) {
  const std::string id = cms.create_ok(token, json::parse(cms_seed::kCreateRequest));
  const auto reply = cms.send("PUT", std::string(kCmsBase) + "/" + id + "/state", token, cms_seed::kStateRequest);
  BOOST_TEST(reply.status == 200, reply.summary());
  BOOST_TEST(reply.text.empty());
  const auto s = cms.get_ok(token, id, "Dev_Test_28");
  BOOST_TEST(s["SubscriptionState"] == "Cancelled");
  BOOST_TEST(s["NextProcessingDate"].is_null());
  BOOST_TEST(s["LastUpdatedDate"] == "2017-03-27T16:51:44");
  expect_error(cms.set_state(token, id, "Dev_Test_28", "Active"), 409, 520, "UpdateSubscriptionState");
  expect_error(cms.set_state(token, id, "Dev_Test_28", "Cancelled"), 409, 520, "UpdateSubscriptionState");
  expect_error(cms.update(token, id, json::parse(cms_seed::kUpdateRequest)), 409, 520, "UpdateSubscription");
  expect_error(cms.invoice(token, id, "Dev_Test_28"), 409, 520, "InvoiceSubscription");
  BOOST_TEST(cms_invoices(cms.advance({{"days", 40}})).empty());  // the clock never invoices it
}

BOOST_FIXTURE_TEST_CASE(invoice_answers_the_seeds_processing_response, SeedFixture) {
  const std::string id = cms.create_ok(token, json::parse(cms_seed::kCreateRequest));
  const auto reply = cms.invoice(token, id, "Dev_Test_28");
  BOOST_TEST_REQUIRE(reply.status == 200, reply.summary());
  BOOST_TEST(key_order(reply.text) == key_order(cms_seed::kInvoiceResponse));
  const json seed = json::parse(cms_seed::kInvoiceResponse);
  for (const char* k : {"Status", "StatusCode", "StatusMessage"}) BOOST_TEST(reply.body[k] == seed[k], k);
  BOOST_TEST(is_reference_id(reply.body["InvoiceReferenceId"]));
  BOOST_TEST(is_reference_id(reply.body["TransactionId"]));
  BOOST_TEST(reply.body["InvoiceReferenceId"] != reply.body["TransactionId"]);
  const auto s = cms.get_ok(token, id, "Dev_Test_28");
  BOOST_TEST(s["SubscriptionState"] == "Active");
  BOOST_TEST(s["InvoiceCount"] == 1);
  BOOST_TEST(s["NextProcessingDate"] == "2017-04-30T06:00:00");  // the 03-30 invoice was made now
}

BOOST_FIXTURE_TEST_CASE(delete_removes_the_subscription, SeedFixture) {
  const std::string id = cms.create_ok(token, json::parse(cms_seed::kCreateRequest));
  const auto reply = cms.remove(token, id, "Dev_Test_28");
  BOOST_TEST(reply.status == 200, reply.summary());
  BOOST_TEST(reply.text.empty());
  expect_error(cms.get(token, id, "Dev_Test_28"), 404, 510, "GetSubscription");
  expect_error(cms.remove(token, id, "Dev_Test_28"), 404, 510, "DeleteSubscription");
  BOOST_TEST(cms_invoices(cms.advance({{"days", 1}})).empty());
  // Its MerchantSubscriptionId is free again.
  BOOST_TEST(cms.create(cms.sign_on(cms.demo), json::parse(cms_seed::kCreateRequest)).status == 200);
}

// ---- refusals ----------------------------------------------------------------------------------

BOOST_FIXTURE_TEST_CASE(unknown_ids_and_merchant_profiles_are_refused, ClockFixture) {
  const std::string id = cms.create_ok(token, subscription_request(cms.demo, "2026-02-15T00:00:00"));
  expect_error(cms.get(token, "0123456789ABCDEF0123456789ABCDEF", profile), 404, 510, "GetSubscription");
  expect_error(cms.invoice(token, "nope", profile), 404, 510, "InvoiceSubscription");
  BOOST_TEST(expect_error(cms.get(token, id, "Other_Test_28"), 400, 0, "GetSubscription") == std::set<std::string>{"merchantProfileId"});
  const auto missing = cms.send("GET", std::string(kCmsBase) + "/" + id, token);
  BOOST_TEST(expect_error(missing, 400, 0, "GetSubscription") == std::set<std::string>{"merchantProfileId"});
  BOOST_TEST(rule_location(missing, "merchantProfileId") == "field.required");
  auto request = subscription_request(cms.demo, "2026-02-15T00:00:00");
  request["ServiceId"] = "39C6700002";
  request["MerchantProfileId"] = "Dev_Test_29";
  BOOST_TEST(expect_error(cms.create(token, request), 400, 0, "CreateSubscription") == std::set<std::string>{"MerchantProfileId"});
  request["MerchantProfileId"] = profile;
  BOOST_TEST(expect_error(cms.create(token, request), 400, 0, "CreateSubscription") == std::set<std::string>{"ServiceId"});
  // Methods the resources do not have.
  expect_error(cms.send("GET", std::string(kCmsBase) + "/query", token), 405, 530, "");
  expect_error(cms.send("POST", std::string(kCmsBase) + "/" + id, token, "{}"), 405, 530, "");
}

BOOST_FIXTURE_TEST_CASE(validation_lists_every_invalid_field_with_its_reason, ClockFixture) {
  auto request = subscription_request(cms.demo, "2026-02-15T00:00:00");
  auto& s = request["Subscription"];
  s["Amount"] = 9.999;
  s["IntervalUnit"] = "NotSet";
  s["IntervalLength"] = 0;
  s["StartDate"] = "2026-02-30T00:00:00";
  s["TotalTrialInvoices"] = -1;
  s["Order"]["CurrencyCode"] = "XXY";
  s["Order"]["BillingData"]["Address"] = {{"CountryCode", "ZZZ"}, {"PostalCode", "1234"}};
  s["PaymentData"]["PaymentAccountNumber"] = "4111111111111112";
  s["PaymentData"]["PaymentAccountExpiration"] = "0125";
  s["PaymentData"]["PaymentRoutingNumber"] = "021000021";
  s["AutoRenew"] = "yes";
  const auto reply = cms.create(token, request);
  const auto keys = expect_error(reply, 400, 0, "CreateSubscription");
  const std::set<std::string> expected = {"Subscription.IntervalUnit",
                                          "Subscription.IntervalLength",
                                          "Subscription.StartDate",
                                          "Subscription.TotalTrialInvoices",
                                          "Subscription.Order.CurrencyCode",
                                          "Subscription.Order.BillingData.Address.CountryCode",
                                          "Subscription.PaymentData.PaymentAccountNumber",
                                          "Subscription.PaymentData.PaymentAccountExpiration",
                                          "Subscription.PaymentData.PaymentRoutingNumber",
                                          "Subscription.AutoRenew"};
  BOOST_TEST(keys == expected, reply.text);
  BOOST_TEST(reply.body["Reason"] == "Validation Errors Occurred");
  BOOST_TEST(rule_location(reply, "Subscription.PaymentData.PaymentAccountNumber") == "card.luhn_failed");
  BOOST_TEST(rule_location(reply, "Subscription.PaymentData.PaymentAccountExpiration") == "expiry.expired");
  BOOST_TEST(rule_location(reply, "Subscription.Order.CurrencyCode") == "money.unknown_currency");
  BOOST_TEST(rule_location(reply, "Subscription.AutoRenew") == "field.wrong_type");
  BOOST_TEST(reply.body["Messages"].size() == expected.size());

  // Amount once the currency is known: three decimals in USD.
  auto amount = subscription_request(cms.demo, "2026-02-15T00:00:00");
  amount["Subscription"]["Amount"] = 9.999;
  BOOST_TEST(rule_location(cms.create(token, amount), "Subscription.Amount") == "money.too_many_decimals");
  amount["Subscription"]["Amount"] = 0;
  BOOST_TEST(rule_location(cms.create(token, amount), "Subscription.Amount") == "money.zero");
  // The plan's date rules (sdk/subscription.hpp).
  auto today = subscription_request(cms.demo, "2026-01-30T23:00:00");
  BOOST_TEST(rule_location(cms.create(token, today), "Subscription.NextProcessingDate") == "subscription.next_processing_not_future");
  auto end = subscription_request(cms.demo, "2026-02-15T00:00:00");
  end["Subscription"]["EndDate"] = "2026-02-14T00:00:00";
  BOOST_TEST(rule_location(cms.create(token, end), "Subscription.EndDate") == "subscription.end_before_next_processing");
  auto brand = subscription_request(cms.demo, "2026-02-15T00:00:00");
  brand["Subscription"]["PaymentData"]["CardType"] = "MasterCard";
  BOOST_TEST(rule_location(cms.create(token, brand), "Subscription.PaymentData.CardType") == "card.type_mismatch");
  auto no_card = subscription_request(cms.demo, "2026-02-15T00:00:00");
  no_card["Subscription"].erase("PaymentData");
  BOOST_TEST(rule_location(cms.create(token, no_card), "Subscription.PaymentData") == "field.required");
  // A -06:00 offset that crosses midnight moves the UTC day: 2026-01-30T20:00-06:00 is 01-31 02:00.
  auto offset = subscription_request(cms.demo, "2026-01-30T20:00:00-06:00");
  const std::string id = cms.create_ok(token, offset);
  BOOST_TEST(cms.get_ok(token, id, profile)["NextProcessingDate"] == "2026-01-31T02:00:00");
  // Nothing was stored by the refused creates.
  BOOST_TEST(cms.query(token, {{"MerchantProfileId", profile}}).body["TotalFound"] == 1);
}

BOOST_FIXTURE_TEST_CASE(a_merchant_subscription_id_is_used_once_per_merchant, ClockFixture) {
  auto request = subscription_request(cms.demo, "2026-02-15T00:00:00");
  request["Subscription"]["MerchantSubscriptionId"] = "M-1";
  const std::string first = cms.create_ok(token, request);
  expect_error(cms.create(token, request), 409, 521, "CreateSubscription");
  // Another merchant may use the same one.
  auto other = subscription_request(cms.other, "2026-02-15T00:00:00");
  other["Subscription"]["MerchantSubscriptionId"] = "M-1";
  BOOST_TEST(cms.create(cms.sign_on(cms.other), other).status == 200);
  // Updating a subscription with its own MerchantSubscriptionId is fine, taking another's is not.
  BOOST_TEST(cms.update(token, first, request).status == 200);
  request["Subscription"]["MerchantSubscriptionId"] = "M-2";
  const std::string second = cms.create_ok(token, request);
  request["Subscription"]["MerchantSubscriptionId"] = "M-1";
  expect_error(cms.update(token, second, request), 409, 521, "UpdateSubscription");
}

// ---- state machine -----------------------------------------------------------------------------

BOOST_FIXTURE_TEST_CASE(state_changes_follow_the_state_machine, ClockFixture) {
  const std::string id = cms.create_ok(token, subscription_request(cms.demo, "2026-02-15T00:00:00"));
  const auto state = [&] { return cms.get_ok(token, id, profile)["SubscriptionState"].get<std::string>(); };
  const auto refused = [&](const std::string& to) {
    const auto reply = cms.set_state(token, id, profile, to);
    expect_error(reply, 409, 520, "UpdateSubscriptionState");
  };
  refused("Active");     // Pending becomes Active only with its first invoice
  refused("Suspended");
  refused("Pending");
  refused("Completed");
  const auto not_set = cms.set_state(token, id, profile, "NotSet");
  expect_error(not_set, 400, 0, "UpdateSubscriptionState");
  BOOST_TEST(rule_location(not_set, "SubscriptionState") == "subscription.state_not_set");
  BOOST_TEST(rule_location(cms.set_state(token, id, profile, "Paused"), "SubscriptionState") == "field.not_allowed");
  BOOST_TEST(state() == "Pending");

  BOOST_TEST_REQUIRE(cms.invoice(token, id, profile).body["Status"] == "Successful");
  BOOST_TEST(state() == "Active");
  BOOST_TEST(cms.set_state(token, id, profile, "Suspended").status == 200);
  BOOST_TEST(state() == "Suspended");
  refused("Suspended");
  expect_error(cms.invoice(token, id, profile), 409, 520, "InvoiceSubscription");
  BOOST_TEST(cms.set_state(token, id, profile, "Active").status == 200);
  BOOST_TEST(state() == "Active");
  BOOST_TEST(cms.set_state(token, id, profile, "Cancelled").status == 200);
  BOOST_TEST(state() == "Cancelled");
  refused("Active");
  refused("Suspended");
}

// ---- invoicing by the clock --------------------------------------------------------------------

BOOST_FIXTURE_TEST_CASE(the_clock_bills_trial_then_regular_invoices_at_month_ends, ClockFixture) {
  auto request = subscription_request(cms.demo, "2026-01-31T00:00:00", 5);
  request["Subscription"]["TotalTrialInvoices"] = 2;
  request["Subscription"]["TrialAmount"] = 1.00;
  const std::string id = cms.create_ok(token, request);
  const auto ran = cms_invoices(cms.advance({{"to", "2026-08-01T00:00:00Z"}}));
  const std::vector<std::tuple<std::string, std::string, bool>> expected = {{"2026-01-31T00:00:00", "1.00", true},
                                                                            {"2026-02-28T00:00:00", "1.00", true},
                                                                            {"2026-03-31T00:00:00", "9.99", false},
                                                                            {"2026-04-30T00:00:00", "9.99", false},
                                                                            {"2026-05-31T00:00:00", "9.99", false}};
  BOOST_TEST_REQUIRE(ran.size() == expected.size(), ran.dump());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    BOOST_TEST_CONTEXT("invoice " << i) {
      BOOST_TEST(ran[i]["SubscriptionReferenceId"] == id);
      BOOST_TEST(ran[i]["InvoiceDate"] == std::get<0>(expected[i]));
      BOOST_TEST(ran[i]["Amount"] == std::get<1>(expected[i]));
      BOOST_TEST(ran[i]["Trial"] == std::get<2>(expected[i]));
      BOOST_TEST(ran[i]["Status"] == "Successful");
      BOOST_TEST(is_reference_id(ran[i]["InvoiceReferenceId"]));
    }
  }
  BOOST_TEST(ran[0]["SubscriptionState"] == "Active");
  BOOST_TEST(ran[4]["SubscriptionState"] == "Completed");
  token = cms.sign_on(cms.demo);  // the first one expired months ago
  const auto s = cms.get_ok(token, id, profile);
  BOOST_TEST(s["InvoiceCount"] == 5);
  BOOST_TEST(s["TrialInvoiceCount"] == 2);
  BOOST_TEST(s["SubscriptionState"] == "Completed");
  BOOST_TEST(s["NextProcessingDate"].is_null());
  BOOST_TEST(s["TrialAmount"] == 1.0);
}

BOOST_FIXTURE_TEST_CASE(the_end_date_completes_the_subscription_unless_it_auto_renews, ClockFixture) {
  auto fixed = subscription_request(cms.demo, "2026-02-02T00:00:00", 99);
  fixed["Subscription"]["IntervalUnit"] = "Week";
  fixed["Subscription"]["IntervalLength"] = 2;
  fixed["Subscription"]["EndDate"] = "2026-03-02T00:00:00";
  const std::string ends = cms.create_ok(token, fixed);
  fixed["Subscription"]["AutoRenew"] = true;
  const std::string renews = cms.create_ok(token, fixed);
  const auto ran = cms_invoices(cms.advance({{"to", "2026-04-01T00:00:00Z"}}));
  std::vector<std::string> ends_dates, renews_dates;
  for (const auto& e : ran) (e["SubscriptionReferenceId"] == ends ? ends_dates : renews_dates).push_back(e["InvoiceDate"]);
  BOOST_TEST(ends_dates == (std::vector<std::string>{"2026-02-02T00:00:00", "2026-02-16T00:00:00", "2026-03-02T00:00:00"}));
  BOOST_TEST(renews_dates == (std::vector<std::string>{"2026-02-02T00:00:00", "2026-02-16T00:00:00", "2026-03-02T00:00:00",
                                                       "2026-03-16T00:00:00", "2026-03-30T00:00:00"}));
  token = cms.sign_on(cms.demo);
  BOOST_TEST(cms.get_ok(token, ends, profile)["SubscriptionState"] == "Completed");
  const auto r = cms.get_ok(token, renews, profile);
  BOOST_TEST(r["SubscriptionState"] == "Active");
  BOOST_TEST(r["NextProcessingDate"] == "2026-04-13T00:00:00");
  // StartDate→EndDate is one month: renewed to 04-02 for the 03-16 invoice, to 05-02 for 04-13.
  BOOST_TEST(r["EndDate"] == "2026-05-02T00:00:00");
}

BOOST_FIXTURE_TEST_CASE(a_declined_scheduled_invoice_is_recorded_and_suspends, ClockFixture) {
  const std::string id = cms.create_ok(token, subscription_request(cms.demo, "2026-02-01T00:00:00", 12, "4000000000000002"));
  const auto ran = cms_invoices(cms.advance({{"to", "2026-02-10T00:00:00Z"}}));
  BOOST_TEST_REQUIRE(ran.size() == 1u, ran.dump());  // suspended: no retry on the following days
  BOOST_TEST(ran[0]["Status"] == "Failure");
  BOOST_TEST(ran[0]["StatusCode"] == "2");
  BOOST_TEST(ran[0]["StatusMessage"] == "Declined - 005:DO NOT HONOR");
  BOOST_TEST(ran[0]["SubscriptionState"] == "Suspended");
  BOOST_TEST(is_reference_id(ran[0]["TransactionId"]));
  token = cms.sign_on(cms.demo);
  auto s = cms.get_ok(token, id, profile);
  BOOST_TEST(s["SubscriptionState"] == "Suspended");
  BOOST_TEST(s["InvoiceCount"] == 0);
  BOOST_TEST(s["NextProcessingDate"] == "2026-02-01T00:00:00");
  // Resuming skips the dates that passed: the next is 2026-03-01, after today (2026-02-10).
  BOOST_TEST(cms.set_state(token, id, profile, "Active").status == 200);
  s = cms.get_ok(token, id, profile);
  BOOST_TEST(s["NextProcessingDate"] == "2026-03-01T00:00:00");
  BOOST_TEST(s["LastUpdatedDate"] == "2026-02-10T00:00:00");
}

BOOST_FIXTURE_TEST_CASE(a_declined_invoice_call_answers_failure_and_keeps_the_state, ClockFixture) {
  const std::string id = cms.create_ok(token, subscription_request(cms.demo, "2026-02-15T00:00:00", 12, "4000000000009995"));
  const auto reply = cms.invoice(token, id, profile);
  BOOST_TEST(reply.status == 200, reply.summary());
  BOOST_TEST(reply.body["Status"] == "Failure");
  BOOST_TEST(reply.body["StatusCode"] == "2");
  BOOST_TEST(reply.body["StatusMessage"] == "Declined - 051:INSUFFICIENT FUNDS");
  const auto s = cms.get_ok(token, id, profile);
  BOOST_TEST(s["SubscriptionState"] == "Pending");
  BOOST_TEST(s["InvoiceCount"] == 0);
  BOOST_TEST(s["NextProcessingDate"] == "2026-02-15T00:00:00");
  // An amount trigger (4000.02: declined) works through the card too.
  auto trigger = subscription_request(cms.demo, "2026-02-15T00:00:00");
  trigger["Subscription"]["Amount"] = 4000.02;
  const std::string t = cms.create_ok(token, trigger);
  BOOST_TEST(cms.invoice(token, t, profile).body["Status"] == "Failure");
}

// ---- query ---------------------------------------------------------------------------------------

BOOST_FIXTURE_TEST_CASE(query_pages_and_filters_with_not_set_as_the_wildcard, ClockFixture) {
  std::vector<std::string> ids;
  for (int i = 0; i < 7; ++i) {
    auto request = subscription_request(cms.demo, "2026-02-15T00:00:00");
    request["Subscription"]["MerchantSubscriptionId"] = std::string("Q").append(std::to_string(i));
    request["Subscription"]["CustomerReferenceId"] = i % 2 ? "odd" : "even";
    ids.push_back(cms.create_ok(token, request));
  }
  for (int i : {1, 4}) BOOST_TEST(cms.set_state(token, ids[i], profile, "Cancelled").status == 200);
  const auto page = [&](int n, int size, const json& params) {
    const auto reply = cms.query(token, {{"QuerySubscriptionParameters", params},
                                         {"Scope", "MerchantProfileId"},
                                         {"PagingParameters", {{"Page", n}, {"PageSize", size}}},
                                         {"MerchantProfileId", profile}});
    BOOST_TEST_REQUIRE(reply.status == 200, reply.summary());
    return reply.body;
  };
  const json all = {{"SubscriptionState", "NotSet"}};
  std::vector<std::string> seen;
  for (int n = 0; n < 3; ++n) {
    const auto p = page(n, 3, all);
    BOOST_TEST(p["PageNumber"] == n);
    BOOST_TEST(p["TotalPages"] == 3);
    BOOST_TEST(p["TotalFound"] == 7);
    BOOST_TEST(p["Subscriptions"].size() == (n < 2 ? 3u : 1u));
    for (const auto& s : p["Subscriptions"]) seen.push_back(s["SubscriptionReferenceId"]);
  }
  BOOST_TEST(seen == ids);  // creation order, each once
  BOOST_TEST(page(3, 3, all)["Subscriptions"].empty());
  BOOST_TEST(page(0, 10, json::object())["TotalFound"] == 7);  // no parameters: all
  BOOST_TEST(page(0, 10, {{"SubscriptionState", "Cancelled"}})["TotalFound"] == 2);
  BOOST_TEST(page(0, 10, {{"SubscriptionState", "Pending"}})["TotalFound"] == 5);
  BOOST_TEST(page(0, 10, {{"SubscriptionState", "Active"}})["TotalFound"] == 0);
  BOOST_TEST(page(0, 10, {{"MerchantSubscriptionId", "Q3"}})["Subscriptions"][0]["SubscriptionReferenceId"] == ids[3]);
  BOOST_TEST(page(0, 10, {{"CustomerReferenceId", "odd"}, {"SubscriptionState", "Pending"}})["TotalFound"] == 2);
  BOOST_TEST(page(0, 10, {{"CreatedDateRange", {{"StartDateTime", "2026-01-30T10:00:00"}, {"EndDateTime", "2026-01-30T10:00:00"}}}})["TotalFound"] == 7);
  BOOST_TEST(page(0, 10, {{"CreatedDateRange", {{"StartDateTime", "2026-01-30T10:00:01"}}}})["TotalFound"] == 0);
  const auto bad = cms.query(token, {{"MerchantProfileId", profile}, {"PagingParameters", {{"Page", 0}, {"PageSize", 0}}}});
  BOOST_TEST(rule_location(bad, "PagingParameters.PageSize") == "field.out_of_range");
  BOOST_TEST(rule_location(cms.query(token, {{"MerchantProfileId", profile}, {"QuerySubscriptionParameters", {{"SubscriptionState", "Open"}}}}),
                           "QuerySubscriptionParameters.SubscriptionState") == "field.not_allowed");
}

// ---- tenants, persistence, robustness ------------------------------------------------------------

BOOST_FIXTURE_TEST_CASE(one_merchant_never_sees_another_merchants_subscriptions, ClockFixture) {
  const std::string id = cms.create_ok(token, subscription_request(cms.demo, "2026-02-15T00:00:00"));
  const std::string other = cms.sign_on(cms.other);
  const std::string theirs = cms.other.merchant_profile_id;
  expect_error(cms.get(other, id, theirs), 404, 510, "GetSubscription");
  expect_error(cms.get(other, id, profile), 400, 0, "GetSubscription");  // not its profile
  expect_error(cms.invoice(other, id, theirs), 404, 510, "InvoiceSubscription");
  expect_error(cms.remove(other, id, theirs), 404, 510, "DeleteSubscription");
  expect_error(cms.set_state(other, id, theirs, "Cancelled"), 404, 510, "UpdateSubscriptionState");
  expect_error(cms.update(other, id, subscription_request(cms.other, "2026-02-15T00:00:00")), 404, 510, "UpdateSubscription");
  BOOST_TEST(cms.query(other, {{"MerchantProfileId", theirs}}).body["TotalFound"] == 0);
  expect_error(cms.query(other, {{"MerchantProfileId", profile}}), 400, 0, "QuerySubscriptions");
  // The other merchant's own subscription is its own.
  const std::string mine = cms.create_ok(other, subscription_request(cms.other, "2026-02-15T00:00:00"));
  expect_error(cms.get(token, mine, profile), 404, 510, "GetSubscription");
  const auto s = cms.get_ok(token, id, profile);
  BOOST_TEST(s["SubscriptionState"] == "Pending");
  BOOST_TEST(s["InvoiceCount"] == 0);
  BOOST_TEST(cms.query(token, {{"MerchantProfileId", profile}}).body["TotalFound"] == 1);
}

BOOST_FIXTURE_TEST_CASE(subscriptions_sessions_and_identities_persist_across_restart, ClockFixture) {
  const std::string id = cms.create_ok(token, subscription_request(cms.demo, "2026-02-15T00:00:00"));
  BOOST_TEST_REQUIRE(cms.invoice(token, id, profile).status == 200);
  const auto before = cms.get_ok(token, id, profile);
  BOOST_TEST(server.restart() == 0);
  BOOST_TEST(cms.get_ok(token, id, profile) == before);  // the session survives too
  const CmsClient again(server);
  BOOST_TEST(again.demo.identity_token == cms.demo.identity_token);
  BOOST_TEST(again.sign_on_raw(cms.demo.identity_token).status == 200);
  // A reset wipes subscriptions and sessions but keeps the identity token.
  const auto reset = server.post_raw("/_sandbox/reset", "", "application/json", {{"Authorization", std::string("Bearer ") + kAdminToken}});
  BOOST_TEST_REQUIRE(reset.status == 200);
  BOOST_TEST(reset.body["credentials"]["cms"]["IdentityToken"] == cms.demo.identity_token);
  expect_error(cms.get(token, id, profile), 401, 5005, "GetSubscription");
  expect_error(cms.get(cms.sign_on(cms.demo), id, profile), 404, 510, "GetSubscription");
}

BOOST_FIXTURE_TEST_CASE(card_data_is_sealed_and_never_shown, ClockFixture) {
  const std::string id = cms.create_ok(token, subscription_request(cms.demo, "2026-02-15T00:00:00", 12, "4242424242424242"));
  const auto got = cms.get(token, id, profile);
  BOOST_TEST(got.text.find("4242424242424242") == std::string::npos);
  BOOST_TEST(got.body["PaymentData"].is_null());
  const auto log = server.admin_get("/_sandbox/requests?limit=50");
  BOOST_TEST(log.text.find("4242424242424242") == std::string::npos);
  BOOST_TEST(server.stop() == 0);
  for (const auto& entry : std::filesystem::recursive_directory_iterator(server.data_dir())) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    BOOST_TEST(bytes.find("4242424242424242") == std::string::npos, entry.path());
  }
}

BOOST_FIXTURE_TEST_CASE(wrong_json_types_anywhere_never_give_a_500, ClockFixture) {
  const std::string id = cms.create_ok(token, subscription_request(cms.demo, "2026-02-15T00:00:00"));
  const std::vector<json> wrong = {nullptr, 1, -1, 1.5, "x", true, json::array(), json::object(), json::array({1})};
  std::size_t calls = 0;
  // Every field of a create/update, at every depth, replaced by every wrong value.
  const json base = subscription_request(cms.demo, "2026-02-15T00:00:00");
  const json flat = base.flatten();
  std::set<std::string> paths;
  for (const auto& [pointer, value] : flat.items()) {
    std::string p = pointer;
    while (!p.empty()) {
      paths.insert(p);
      p = p.substr(0, p.rfind('/'));
    }
  }
  for (const auto& path : paths) {
    for (const auto& value : wrong) {
      json request = base;
      request[json::json_pointer(path)] = value;
      for (const auto& reply : {cms.create(token, request), cms.update(token, id, request)}) {
        ++calls;
        BOOST_TEST_CONTEXT(path << " = " << value.dump()) {
          BOOST_TEST((reply.status == 200 || reply.status == 400), reply.summary());
          BOOST_TEST((reply.is_json() || (reply.status == 200 && reply.text.empty())), reply.summary());
        }
      }
    }
  }
  // The other bodies: state, query, and bodies that are not objects at all.
  for (const auto& value : wrong) {
    for (const auto& reply :
         {cms.send("PUT", std::string(kCmsBase) + "/" + id + "/state", token, json{{"MerchantProfileId", profile}, {"SubscriptionState", value}}.dump()),
          cms.send("PUT", std::string(kCmsBase) + "/" + id + "/state", token, json{{"MerchantProfileId", value}, {"SubscriptionState", "Active"}}.dump()),
          cms.query(token, {{"MerchantProfileId", profile}, {"QuerySubscriptionParameters", value}}),
          cms.query(token, {{"MerchantProfileId", profile}, {"PagingParameters", value}}),
          cms.query(token, {{"MerchantProfileId", profile}, {"PagingParameters", {{"Page", value}, {"PageSize", value}}}}),
          cms.query(token, {{"MerchantProfileId", profile}, {"QuerySubscriptionParameters", {{"SubscriptionState", value}, {"CreatedDateRange", value}}}}),
          cms.query(token, {{"MerchantProfileId", value}})}) {
      ++calls;
      BOOST_TEST_CONTEXT(value.dump()) {
        BOOST_TEST(reply.status != 500, reply.summary());
        BOOST_TEST((reply.status == 200 || reply.status == 400 || reply.status == 409), reply.summary());
      }
    }
  }
  for (const std::string& body : std::vector<std::string>{"[]", "\"x\"", "12", "{", "{\"Subscription\":", std::string(100, '[') + std::string(100, ']')}) {
    for (const auto& reply : {cms.send("POST", std::string(kCmsBase) + "/", token, body), cms.send("POST", std::string(kCmsBase) + "/query", token, body),
                              cms.send("PUT", std::string(kCmsBase) + "/" + id, token, body)}) {
      ++calls;
      BOOST_TEST_CONTEXT(body) { expect_error(reply, 400, 0, reply.body.value("Operation", "")); }
    }
  }
  BOOST_TEST(calls > 400u);
  BOOST_TEST(server.healthy());
}

BOOST_AUTO_TEST_SUITE_END()
