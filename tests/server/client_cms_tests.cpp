// The CMS client protocol against the real server: sign-on, every operation reaching its route,
// the subscription lifecycle through build_request/parse_response, the server's faults read as
// the right error kinds, and the expired-session verdict after the clock has moved 31 minutes.
#include <boost/test/unit_test.hpp>

#include "client_exchange.hpp"
#include "cms_helpers.hpp"
#include "payref/client/cms.hpp"

using namespace payref_test;
using namespace payref::client;
using nlohmann::json;

namespace {

struct CmsFixture {
  ServerProcess server{ServerProcess::Options{"warn", {"--clock", "2026-01-30T10:00:00Z"}}};
  CmsClient helper{server};
  cms::Session session{sign_on(helper.demo.identity_token), helper.demo.merchant_profile_id};

  std::string sign_on(const std::string& identity) {
    const auto parsed = cms::parse_sign_on(send(server, cms::build_sign_on(identity)));
    BOOST_TEST_REQUIRE(std::holds_alternative<std::string>(parsed), "sign-on: " << describe(parsed));
    return std::get<std::string>(parsed);
  }
  std::variant<std::string, ApiError> call(const char* name, const json& request, const std::string& id = "") {
    const auto* op = cms::find_operation(name);
    BOOST_TEST_REQUIRE(op != nullptr, name);
    const auto built = cms::build_request({op, request.is_null() ? "" : request.dump(), id}, session);
    BOOST_TEST_REQUIRE(built.is_ok(), name << ": " << built.status().reason());
    return cms::parse_response(*op, send(server, *built));
  }
  json ok(const char* name, const json& request, const std::string& id = "") {
    const auto parsed = call(name, request, id);
    BOOST_TEST_REQUIRE(std::holds_alternative<std::string>(parsed),
                       name << ": " << describe(parsed));
    return json::parse(std::get<std::string>(parsed));
  }
  ApiError failed(const char* name, const json& request, const std::string& id = "") {
    const auto parsed = call(name, request, id);
    BOOST_TEST_REQUIRE(std::holds_alternative<ApiError>(parsed), name << ": " << describe(parsed));
    return std::get<ApiError>(parsed);
  }
  // A subscription request without MerchantProfileId: the session names it.
  json request(const std::string& card = "4111111111111111") {
    json r = subscription_request(helper.demo, "2026-02-15T00:00:00", 12, card);
    r.erase("MerchantProfileId");
    return r;
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(client_cms_tests, CmsFixture)

BOOST_AUTO_TEST_CASE(every_client_operation_reaches_a_server_route) {
  for (const auto& op : cms::operations()) {
    const auto built = cms::build_request({&op, "", "0123456789ABCDEF0123456789ABCDEF"}, session);
    BOOST_TEST_REQUIRE(built.is_ok(), op.name);
    const auto response = send(server, *built);
    const json body = json::parse(response.body, nullptr, false);
    BOOST_TEST(response.status != 0, op.name);
    BOOST_TEST(response.status != 405, op.name << " " << built->method << " " << built->path);
    BOOST_TEST(response.status < 500, op.name << ": " << response.body);
    // The answer is the operation's own: its name is in the ErrorResponse (or it succeeded).
    if (response.status >= 400) BOOST_TEST(body.value("Operation", "") == op.wire, op.name << ": " << response.body);
  }
}

BOOST_AUTO_TEST_CASE(a_subscription_lives_and_dies_through_the_client) {
  const json id = ok("subscriptions.create", request());
  BOOST_TEST_REQUIRE(id.is_string());
  const std::string sub = id.get<std::string>();
  const json detail = ok("subscriptions.get", nullptr, sub);
  BOOST_TEST(detail["SubscriptionReferenceId"] == sub);
  BOOST_TEST(detail["SubscriptionState"] == "Pending");
  BOOST_TEST(detail["MerchantProfileId"] == helper.demo.merchant_profile_id);

  const json page = ok("subscriptions.query", {{"QuerySubscriptionParameters", {{"SubscriptionReferenceId", sub}}}});
  BOOST_TEST(page["TotalFound"] == 1);

  const json invoice = ok("subscriptions.invoice", nullptr, sub);
  BOOST_TEST(invoice["Status"] == "Successful");
  BOOST_TEST(ok("subscriptions.get", nullptr, sub)["SubscriptionState"] == "Active");

  BOOST_TEST(ok("subscriptions.updateState", {{"SubscriptionState", "Suspended"}}, sub).is_null());
  BOOST_TEST(ok("subscriptions.get", nullptr, sub)["SubscriptionState"] == "Suspended");
  BOOST_TEST(ok("subscriptions.updateState", {{"SubscriptionState", "Active"}}, sub).is_null());

  json update = request();
  update["Subscription"]["Amount"] = 12.5;
  update["Subscription"].erase("PaymentData");
  BOOST_TEST(ok("subscriptions.update", update, sub).is_null());
  BOOST_TEST(ok("subscriptions.get", nullptr, sub)["Amount"] == 12.5);

  BOOST_TEST(ok("subscriptions.delete", nullptr, sub).is_null());
  const auto gone = failed("subscriptions.get", nullptr, sub);
  BOOST_TEST(to_string(gone.kind) == "not_found");
  BOOST_TEST(gone.code == "510");
}

BOOST_AUTO_TEST_CASE(the_servers_faults_become_typed_errors) {
  json bad = request("4111111111111112");
  bad["Subscription"]["IntervalUnit"] = "Fortnight";
  const auto invalid = failed("subscriptions.create", bad);
  BOOST_TEST(to_string(invalid.kind) == "validation");
  BOOST_TEST(invalid.code == "0");
  BOOST_TEST(invalid.http_status == 400);
  BOOST_TEST(!invalid.field.empty());
  BOOST_TEST(invalid.message.find("; ") != std::string::npos, invalid.message);  // both problems

  json named = request();
  named["Subscription"]["MerchantSubscriptionId"] = "client-dup";
  const std::string sub = ok("subscriptions.create", named).get<std::string>();
  const auto duplicate = failed("subscriptions.create", named);
  BOOST_TEST(to_string(duplicate.kind) == "conflict");
  BOOST_TEST(duplicate.code == "521");

  const auto pending = failed("subscriptions.updateState", {{"SubscriptionState", "Completed"}}, sub);
  BOOST_TEST(to_string(pending.kind) == "conflict");
  BOOST_TEST(pending.code == "520");

  // A profile that is not the session's is the server's validation error.
  const auto other = failed("subscriptions.get", {{"MerchantProfileId", "Other_Test_28"}}, sub);
  BOOST_TEST(to_string(other.kind) == "validation");

  const auto refused = cms::parse_sign_on(send(server, cms::build_sign_on("not-an-identity")));
  BOOST_TEST_REQUIRE(std::holds_alternative<ApiError>(refused));
  BOOST_TEST(to_string(std::get<ApiError>(refused).kind) == "authentication");
  BOOST_TEST(std::get<ApiError>(refused).code == "5005");
  BOOST_TEST(!cms::session_expired(std::get<ApiError>(refused)));
}

BOOST_AUTO_TEST_CASE(a_declined_invoice_is_a_declined_error) {
  const std::string sub = ok("subscriptions.create", request("4000000000000002")).get<std::string>();
  const auto declined = failed("subscriptions.invoice", nullptr, sub);
  BOOST_TEST(to_string(declined.kind) == "declined", declined.message);
  BOOST_TEST(declined.code == "2");
  BOOST_TEST(ok("subscriptions.get", nullptr, sub)["InvoiceCount"] == 0);
}

BOOST_AUTO_TEST_CASE(after_31_minutes_the_session_has_expired_and_a_new_sign_on_cures_it) {
  const std::string sub = ok("subscriptions.create", request()).get<std::string>();
  helper.advance({{"seconds", 31 * 60}});
  const auto expired = failed("subscriptions.get", nullptr, sub);
  BOOST_TEST(to_string(expired.kind) == "authentication");
  BOOST_TEST(expired.code == "5000");
  BOOST_TEST(cms::session_expired(expired));
  session.token = sign_on(helper.demo.identity_token);
  BOOST_TEST(ok("subscriptions.get", nullptr, sub)["SubscriptionReferenceId"] == sub);
}

BOOST_AUTO_TEST_SUITE_END()
