// The financing client protocol (sdk/include/payref/client/financing.hpp): OAuth token requests
// and answers, the token policy, bearer requests built, refusals read into error kinds.
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "payref/client/financing.hpp"

using namespace payref::client;
using namespace payref::client::financing;
using nlohmann::json;

namespace {

HttpRequest built(const char* name, const std::string& request_json, std::vector<std::string> params = {}) {
  const auto r = build_request(Call{find_operation(name), request_json, std::move(params)}, "payref-demo-pos", "tok3n");
  BOOST_TEST_REQUIRE(r.is_ok(), name << ": " << r.status().reason());
  return *r;
}

ApiError error_of(int status, const std::string& body) {
  const auto parsed = parse_response(*find_operation("authorizations.create"), {status, body});
  BOOST_TEST_REQUIRE(std::holds_alternative<ApiError>(parsed));
  return std::get<ApiError>(parsed);
}

std::string refusal(const std::string& error, const std::string& fields = "[]") {
  return R"({"url":"/flexiti/pos-api/v2.5/client-id/x/authorization","message":"m","error":")" + error + R"(","field_errors":)" + fields + "}";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(client_financing_tests)

BOOST_AUTO_TEST_CASE(operation_names_and_routes_are_unique) {
  std::set<std::string> names, routes;
  for (const auto& op : operations()) {
    BOOST_TEST(names.insert(std::string(op.name)).second, op.name);
    BOOST_TEST(routes.insert(std::string(op.path)).second, op.path);
    BOOST_TEST(std::string(op.path).rfind("/", 0) == 0u, op.path);
  }
  BOOST_TEST(operations().size() == 12u);
  BOOST_TEST(path_parameter_count(*find_operation("authorizations.return")) == 2u);
  BOOST_TEST(path_parameter_count(*find_operation("authorizations.create")) == 0u);
  BOOST_TEST(find_operation("authorizations.list")->merchant_only);
  BOOST_TEST(!find_operation("authorizations.create")->merchant_only);
  BOOST_TEST(find_operation("authorizations.nope") == nullptr);
}

BOOST_AUTO_TEST_CASE(a_client_credentials_token_request_is_form_encoded) {
  const auto r = build_token_request(Credentials{"payref-demo-pos", "s3cr&t=x", "merchant"});
  BOOST_TEST(r.method == "POST");
  BOOST_TEST(r.path == "/flexiti/pos-api/v2.5/oauth/token");
  BOOST_TEST(r.header("Content-Type") == "application/x-www-form-urlencoded");
  BOOST_TEST(r.body == "grant_type=client_credentials&client_id=payref-demo-pos&client_secret=s3cr%26t%3Dx&scope=merchant");
  BOOST_TEST(r.header("Authorization").empty());
}

BOOST_AUTO_TEST_CASE(a_refresh_request_sends_the_refresh_token_and_no_scope) {
  const auto r = build_token_request(Credentials{"payref-demo-pos", "s", "customer"}, "r+1");
  BOOST_TEST(r.body == "grant_type=refresh_token&refresh_token=r%2B1&client_id=payref-demo-pos&client_secret=s");
}

BOOST_AUTO_TEST_CASE(a_token_answer_expires_on_the_callers_clock) {
  const auto parsed = parse_token_response(
      {200, R"({"token_type":"bearer","access_token":"a1","expires_in":1200,"refresh_token":"r1","scope":"merchant"})"}, 1000.0);
  BOOST_TEST_REQUIRE(std::holds_alternative<Token>(parsed));
  const auto& t = std::get<Token>(parsed);
  BOOST_TEST(t.access_token == "a1");
  BOOST_TEST(t.refresh_token == "r1");
  BOOST_TEST(t.scope == "merchant");
  BOOST_TEST(t.expires_in == 1200);
  BOOST_TEST(t.expires_at_ms == 1'201'000.0);
}

BOOST_AUTO_TEST_CASE(token_refusals_are_authentication_or_validation_errors) {
  const auto wrong = parse_token_response(
      {400, R"({"url":"/t","message":"Unknown client_id or wrong client_secret.","error":"invalid_client","field_errors":[],"error_description":"x"})"}, 0);
  BOOST_TEST_REQUIRE(std::holds_alternative<ApiError>(wrong));
  BOOST_TEST(std::get<ApiError>(wrong).code == "invalid_client");
  BOOST_TEST(to_string(std::get<ApiError>(wrong).kind) == "authentication");
  BOOST_TEST(std::get<ApiError>(wrong).family == "financing");
  const auto role = parse_token_response({409, refusal("invalid_role")}, 0);
  BOOST_TEST(to_string(std::get<ApiError>(role).kind) == "validation");
  const auto empty = parse_token_response({200, R"({"token_type":"bearer"})"}, 0);
  BOOST_TEST_REQUIRE(std::holds_alternative<ApiError>(empty));
  BOOST_TEST(to_string(std::get<ApiError>(empty).kind) == "server");
}

BOOST_AUTO_TEST_CASE(the_token_is_used_refreshed_near_expiry_and_fetched_when_gone) {
  BOOST_TEST(to_string(token_action("", 0, 0)) == "fetch");
  BOOST_TEST(to_string(token_action("a", 1'200'000, 0)) == "use");
  BOOST_TEST(to_string(token_action("a", 1'200'000, 1'200'000 - kRefreshMarginMs - 1)) == "use");
  BOOST_TEST(to_string(token_action("a", 1'200'000, 1'200'000 - kRefreshMarginMs)) == "refresh");
  BOOST_TEST(to_string(token_action("a", 1'200'000, 1'199'999)) == "refresh");
  BOOST_TEST(to_string(token_action("a", 1'200'000, 1'200'000)) == "fetch");
}

BOOST_AUTO_TEST_CASE(a_post_carries_the_bearer_and_a_json_body_under_the_client_id) {
  const auto r = built("authorizations.create", R"({"account_number":"30000000000001","amount":250.5,"auto_capture":true})");
  BOOST_TEST(r.method == "POST");
  BOOST_TEST(r.path == "/flexiti/pos-api/v2.5/client-id/payref-demo-pos/authorization");
  BOOST_TEST(r.header("Authorization") == "Bearer tok3n");
  BOOST_TEST(r.header("Content-Type") == "application/json");
  BOOST_TEST(r.header("Idempotency-Key").empty());
  const json body = json::parse(r.body);
  BOOST_TEST(body["amount"] == 250.5);
  BOOST_TEST(body["account_number"] == "30000000000001");
  BOOST_TEST(built("authorizations.release", "", {"800000001"}).body == "{}");
}

BOOST_AUTO_TEST_CASE(path_parameters_are_filled_in_order_and_encoded) {
  BOOST_TEST(built("authorizations.return", "{}", {"800000001", "810000001"}).path ==
             "/flexiti/pos-api/v2.5/client-id/payref-demo-pos/authorization/800000001/capture/810000001/return");
  BOOST_TEST(built("accounts.calculateInterest", R"({"amount":"250.00"})", {"3/1"}).path ==
             "/flexiti/pos-api/v2.5/client-id/payref-demo-pos/accounts/3%2F1/calculate-interest");
  const auto* ret = find_operation("authorizations.return");
  BOOST_TEST(build_request(Call{ret, "", {"800000001"}}, "c", "t").status().reason() == "client.path_parameter_missing");
  BOOST_TEST(build_request(Call{ret, "", {"800000001", ""}}, "c", "t").status().reason() == "client.path_parameter_missing");
  BOOST_TEST(build_request(Call{ret, "", {"1", "2", "3"}}, "c", "t").status().reason() == "client.path_parameter_extra");
}

BOOST_AUTO_TEST_CASE(a_get_sends_its_members_as_query_parameters) {
  const auto r = built("customers.search", R"({"first_name":"Ada Jo","last_name":"O'Neil","dob":"1985-12-10","page":2,"x":null})");
  BOOST_TEST(r.method == "GET");
  BOOST_TEST(r.body.empty());
  BOOST_TEST(r.header("Content-Type").empty());
  BOOST_TEST(r.path == "/flexiti/pos-api/v2.5/client-id/payref-demo-pos/customers/search?dob=1985-12-10&first_name=Ada%20Jo&last_name=O%27Neil&page=2");
  BOOST_TEST(built("authorizations.list", "").path == "/flexiti/pos-api/v2.5/client-id/payref-demo-pos/authorizations");
  const auto nested = build_request(Call{find_operation("customers.lookup"), R"({"account_number":{"a":1}})", {}}, "c", "t");
  BOOST_TEST(nested.status().reason() == "client.object_in_query");
  BOOST_TEST(nested.status().field() == "account_number");
}

BOOST_AUTO_TEST_CASE(bad_requests_and_missing_credentials_are_refused) {
  for (const char* text : {"[1]", "\"x\"", "{bad", "42"}) {
    const auto r = build_request(Call{find_operation("transactions.create"), text, {}}, "c", "t");
    BOOST_TEST(r.status().reason() == "client.request_not_object", text);
  }
  BOOST_TEST(build_request(Call{nullptr, "", {}}, "c", "t").status().reason() == "client.unknown_operation");
  BOOST_TEST(build_request(Call{find_operation("transactions.create"), "", {}}, "c", "").status().reason() == "client.credentials_missing");
  BOOST_TEST(build_request(Call{find_operation("transactions.create"), "", {}}, "", "t").status().reason() == "client.credentials_missing");
}

BOOST_AUTO_TEST_CASE(a_2xx_answer_is_the_body) {
  const auto parsed = parse_response(*find_operation("authorizations.get"), {200, R"({"authorization_id":800000001,"amount":250})"});
  BOOST_TEST_REQUIRE(std::holds_alternative<std::string>(parsed));
  BOOST_TEST(json::parse(std::get<std::string>(parsed))["authorization_id"] == 800000001);
  const auto list = parse_response(*find_operation("customers.search"), {200, "[]"});
  BOOST_TEST(std::get<std::string>(list) == "[]");
}

BOOST_AUTO_TEST_CASE(error_codes_map_to_error_kinds) {
  const std::tuple<const char*, int, const char*> cases[] = {
      {"invalid_token", 401, "authentication"},          {"insufficient_scope", 403, "authentication"},
      {"invalid_grant", 400, "authentication"},          {"wrong_inputs", 409, "validation"},
      {"plan_term_not_set", 409, "validation"},          {"not_found", 404, "not_found"},
      {"credit_exceeded", 409, "declined"},              {"user_not_able_to_purchase", 409, "declined"},
      {"user_not_active", 409, "declined"},              {"secret_answer_mismatch", 409, "declined"},
      {"not_verified", 409, "declined"},                 {"authorization_ended", 409, "conflict"},
      {"auth_amount_exceeded", 409, "conflict"},         {"return_date_exceeded", 409, "conflict"},
      {"limit_payment_amount_24", 409, "conflict"},      {"auth_not_allowed", 409, "conflict"},
      {"general_error", 500, "server"},                  {"something_new", 409, "conflict"},
      {"something_new", 400, "validation"},              {"sms_not_valid_phone", 400, "conflict"}};
  for (const auto& [code, status, kind] : cases) {
    const auto e = error_of(status, refusal(code));
    BOOST_TEST(e.code == code);
    BOOST_TEST(e.http_status == status);
    BOOST_TEST(to_string(e.kind) == kind, code);
    BOOST_TEST(e.family == "financing");
  }
}

BOOST_AUTO_TEST_CASE(field_errors_name_the_field_but_never_echo_the_value) {
  const auto e = error_of(409, refusal("wrong_inputs",
                                       R"([{"param":"vcc_number","msg":"must_be_up_to_19_digits","value":"60487300000000010000"},)"
                                       R"({"param":"amount","msg":"money.too_many_decimals","value":"1.005"}])"));
  BOOST_TEST(e.field == "vcc_number");
  BOOST_TEST(e.message == "m vcc_number: must_be_up_to_19_digits; amount: money.too_many_decimals");
  BOOST_TEST(e.message.find("6048") == std::string::npos);
  BOOST_TEST(e.message.find("1.005") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(answers_that_are_not_the_familys_become_errors) {
  BOOST_TEST(to_string(error_of(502, "<html>bad gateway</html>").kind) == "server");
  BOOST_TEST(error_of(502, "<html>").code == "502");
  BOOST_TEST(to_string(error_of(200, "not json").kind) == "server");
  BOOST_TEST(to_string(error_of(404, "").kind) == "not_found");
  BOOST_TEST(to_string(error_of(200, refusal("credit_exceeded")).kind) == "server");
}

BOOST_AUTO_TEST_CASE(only_invalid_token_asks_for_a_new_token) {
  BOOST_TEST(should_reauthenticate(error_of(401, refusal("invalid_token"))));
  BOOST_TEST(!should_reauthenticate(error_of(403, refusal("insufficient_scope"))));
  BOOST_TEST(!should_reauthenticate(error_of(409, refusal("credit_exceeded"))));
  BOOST_TEST(!should_reauthenticate(error_of(401, "")));
}

BOOST_AUTO_TEST_SUITE_END()
