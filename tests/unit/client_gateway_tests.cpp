// The gateway client protocol (sdk/include/payref/client/gateway.hpp): requests built, answers read.
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "payref/client/gateway.hpp"

using namespace payref::client;
using namespace payref::client::gateway;
using nlohmann::json;

namespace {

const Credentials kWho{"170200000", "k3y"};

HttpRequest built(const char* name, const std::string& request_json, const std::string& param = "", const std::string& key = "") {
  const auto r = build_request(Call{find_operation(name), request_json, param, key}, kWho);
  BOOST_TEST_REQUIRE(r.is_ok(), name << ": " << r.status().reason());
  return *r;
}

ApiError error_of(const HttpResponse& response) {
  const auto parsed = parse_response(*find_operation("payments.charge"), response);
  BOOST_TEST_REQUIRE(std::holds_alternative<ApiError>(parsed));
  return std::get<ApiError>(parsed);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(client_gateway_tests)

BOOST_AUTO_TEST_CASE(operation_names_and_routes_are_unique) {
  std::set<std::string> names, routes;
  for (const auto& op : operations()) {
    BOOST_TEST(names.insert(std::string(op.name)).second, op.name);
    BOOST_TEST(routes.insert(std::string(op.path)).second, op.path);
    BOOST_TEST(std::string(op.path).rfind("/api/v1/", 0) == 0u, op.path);
  }
  BOOST_TEST(operations().size() == 47u);
  BOOST_TEST(find_operation("payments.charge")->money_moving);
  BOOST_TEST(!find_operation("transactions.list")->money_moving);
  BOOST_TEST(find_operation("payments.nope") == nullptr);
}

BOOST_AUTO_TEST_CASE(a_post_carries_the_envelope_and_the_idempotency_key) {
  const auto r = built("payments.charge", R"({"Amount":"10.00","CurrencyCode":"USD"})", "", "order-1-charge");
  BOOST_TEST(r.method == "POST");
  BOOST_TEST(r.path == "/api/v1/payments/creditcard/charge");
  BOOST_TEST(r.header("Content-Type") == "application/json");
  BOOST_TEST(r.header("Idempotency-Key") == "order-1-charge");
  const json body = json::parse(r.body);
  BOOST_TEST(body["Authentication"]["Id"] == "170200000");
  BOOST_TEST(body["Authentication"]["Key"] == "k3y");
  BOOST_TEST(body["Request"]["Amount"] == "10.00");
}

BOOST_AUTO_TEST_CASE(an_idempotency_key_is_sent_only_where_money_moves) {
  const auto r = built("customers.register", R"({"Email":"a@example.com"})", "", "key-1");
  BOOST_TEST(r.header("Idempotency-Key").empty());
}

BOOST_AUTO_TEST_CASE(client_register_has_no_envelope) {
  const json body = json::parse(built("clients.register", R"({"EmailAddress":"a@example.com"})").body);
  BOOST_TEST(!body.contains("Authentication"));
  BOOST_TEST(body["EmailAddress"] == "a@example.com");
}

BOOST_AUTO_TEST_CASE(client_update_carries_updates_beside_authentication) {
  const json body = json::parse(built("clients.update", R"({"Updates":{"EmailAddress":"new@example.com"}})").body);
  BOOST_TEST(body["Updates"]["EmailAddress"] == "new@example.com");
  BOOST_TEST(!body.contains("Request"));
  BOOST_TEST(body["Authentication"]["Id"] == "170200000");
}

BOOST_AUTO_TEST_CASE(a_get_with_a_post_twin_is_sent_as_the_post) {
  const auto r = built("transactions.list", R"({"Email":"a@example.com"})");
  BOOST_TEST(r.method == "POST");
  BOOST_TEST(r.path == "/api/v1/transactions");
}

BOOST_AUTO_TEST_CASE(a_get_only_call_sends_dotted_query_parameters_encoded) {
  const auto r = built("packages.purchased", R"({"Email":"a+b@example.com","RequestType":"1"})");
  BOOST_TEST(r.method == "GET");
  BOOST_TEST(r.body.empty());
  BOOST_TEST(r.path.rfind("/api/v1/packages/purchased?", 0) == 0u, r.path);
  BOOST_TEST(r.path.find("Authentication.Id=170200000") != std::string::npos, r.path);
  BOOST_TEST(r.path.find("Request.Email=a%2Bb%40example.com") != std::string::npos, r.path);
  BOOST_TEST(r.path.find("Request.RequestType=1") != std::string::npos, r.path);
}

BOOST_AUTO_TEST_CASE(lists_cannot_travel_in_a_query_string) {
  const auto r = build_request(Call{find_operation("customers.get"), R"({"Ids":["1","2"]})", "", ""}, kWho);
  BOOST_TEST(!r.is_ok());
  BOOST_TEST(r.status().reason() == "client.array_in_query");
}

BOOST_AUTO_TEST_CASE(the_path_parameter_is_filled_in_and_encoded) {
  BOOST_TEST(built("memberships.list", "", "mia@example.com").path == "/api/v1/memberships/mia%40example.com");
  BOOST_TEST(built("packages.software", "", "100001").path.rfind("/api/v1/packages/100001?", 0) == 0u);
  const auto missing = build_request(Call{find_operation("packages.software"), "", "", ""}, kWho);
  BOOST_TEST(missing.status().reason() == "client.path_parameter_missing");
}

BOOST_AUTO_TEST_CASE(a_request_that_is_not_an_object_is_refused) {
  for (const char* text : {"[1]", "\"x\"", "{bad", "42"}) {
    const auto r = build_request(Call{find_operation("payments.charge"), text, "", ""}, kWho);
    BOOST_TEST(r.status().reason() == "client.request_not_object", text);
  }
}

BOOST_AUTO_TEST_CASE(code_00_gives_the_response_member) {
  const auto parsed = parse_response(*find_operation("payments.charge"),
                                     {200, R"({"Message":{"Code":"00","Description":"ok"},"Response":{"TransactionId":"300000001"}})"});
  BOOST_TEST_REQUIRE(std::holds_alternative<std::string>(parsed));
  BOOST_TEST(json::parse(std::get<std::string>(parsed))["TransactionId"] == "300000001");
}

BOOST_AUTO_TEST_CASE(message_codes_map_to_error_kinds) {
  const std::pair<const char*, ErrorKind> cases[] = {
      {"05", ErrorKind::validation}, {"10", ErrorKind::not_found}, {"20", ErrorKind::authentication},
      {"30", ErrorKind::conflict},   {"40", ErrorKind::conflict},  {"41", ErrorKind::conflict},
      {"51", ErrorKind::declined},   {"55", ErrorKind::declined},  {"91", ErrorKind::server},
      {"96", ErrorKind::server}};
  for (const auto& [code, kind] : cases) {
    const auto e = error_of({200, std::string(R"({"Message":{"Code":")") + code + R"(","Description":"d"},"Response":null})"});
    BOOST_TEST(e.code == code);
    BOOST_TEST(to_string(e.kind) == to_string(kind), code);
    BOOST_TEST(e.family == "gateway");
  }
}

BOOST_AUTO_TEST_CASE(a_field_error_names_its_field) {
  const auto e = error_of({200, R"x({"Message":{"Code":"05","Description":"Request.Card.CardNumber: invalid (card.luhn_failed)"},"Response":null})x"});
  BOOST_TEST(e.field == "Request.Card.CardNumber");
  BOOST_TEST(e.message.find("card.luhn_failed") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(http_level_answers_become_errors) {
  const auto model = error_of({400, R"({"Message":"The request is invalid.","ModelState":{"model.Request":["The Request field is required."]}})"});
  BOOST_TEST(to_string(model.kind) == "validation");
  BOOST_TEST(model.field == "model.Request");
  BOOST_TEST(model.http_status == 400);
  BOOST_TEST(to_string(error_of({404, R"({"Message":"No HTTP resource"})"}).kind) == "not_found");
  BOOST_TEST(to_string(error_of({500, "oops"}).kind) == "server");
  BOOST_TEST(to_string(error_of({200, "not json"}).kind) == "server");
}

BOOST_AUTO_TEST_SUITE_END()
