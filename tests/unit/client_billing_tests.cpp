// The billing client protocol (sdk/include/payref/client/billing.hpp): requests built, answers read.
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "payref/client/billing.hpp"

using namespace payref::client;
using namespace payref::client::billing;
using nlohmann::json;

namespace {

const Credentials kWho{"api-demo", "s3cret"};

HttpRequest built(const char* name, const std::string& request_json, const std::string& id = "") {
  const auto r = build_request(Call{find_operation(name), request_json, id}, kWho);
  BOOST_TEST_REQUIRE(r.is_ok(), name << ": " << r.status().reason());
  return *r;
}

ApiError error_of(const HttpResponse& response) {
  const auto parsed = parse_response(*find_operation("customers.create"), response);
  BOOST_TEST_REQUIRE(std::holds_alternative<ApiError>(parsed));
  return std::get<ApiError>(parsed);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(client_billing_tests)

BOOST_AUTO_TEST_CASE(the_four_customer_operations_have_their_documented_routes) {
  std::set<std::string> names;
  for (const auto& op : operations()) {
    BOOST_TEST(names.insert(std::string(op.name)).second, op.name);
    BOOST_TEST(std::string(op.path).rfind("/api/v01/customers", 0) == 0u, op.path);
  }
  BOOST_TEST(operations().size() == 4u);
  BOOST_TEST(method_name(find_operation("customers.create")->method) == "PUT");
  BOOST_TEST(method_name(find_operation("customers.find")->method) == "GET");
  BOOST_TEST(method_name(find_operation("customers.load")->method) == "GET");
  BOOST_TEST(method_name(find_operation("customers.modify")->method) == "POST");
  BOOST_TEST(find_operation("customers.delete") == nullptr);
}

BOOST_AUTO_TEST_CASE(basic_authorization_is_rfc_7617_base64) {
  BOOST_TEST(basic_authorization("Aladdin", "open sesame") == "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
  BOOST_TEST(basic_authorization("a", "") == "Basic YTo=");
  BOOST_TEST(basic_authorization("ab", "") == "Basic YWI6");
  BOOST_TEST(basic_authorization("", "") == "Basic Og==");
}

BOOST_AUTO_TEST_CASE(create_sends_the_body_as_given_with_basic_auth) {
  const std::string body = R"({"accountId":2001,"firstName":"Ada","lastName":"Lovelace","score":1.10})";
  const auto r = built("customers.create", body);
  BOOST_TEST(r.method == "PUT");
  BOOST_TEST(r.path == "/api/v01/customers");
  BOOST_TEST(r.body == body);  // byte for byte: 1.10 is not re-printed as 1.1
  BOOST_TEST(r.header("Authorization") == basic_authorization("api-demo", "s3cret"));
  BOOST_TEST(r.header("Accept") == "application/json");
  BOOST_TEST(r.header("Content-Type") == "application/json");
}

BOOST_AUTO_TEST_CASE(modify_puts_the_encoded_id_in_the_path) {
  const auto r = built("customers.modify", R"({"city":"London"})", "1 2");
  BOOST_TEST(r.method == "POST");
  BOOST_TEST(r.path == "/api/v01/customers/1%202");
  BOOST_TEST(json::parse(r.body)["city"] == "London");
  BOOST_TEST(built("customers.modify", "", "7").body == "{}");
  const auto missing = build_request(Call{find_operation("customers.modify"), "{}", ""}, kWho);
  BOOST_TEST(missing.status().reason() == "client.path_parameter_missing");
}

BOOST_AUTO_TEST_CASE(find_sends_its_parameters_in_the_query_string) {
  const auto r = built("customers.find", R"({"lastName":"O'Brien & Co","limit":10,"firstName":null})");
  BOOST_TEST(r.method == "GET");
  BOOST_TEST(r.body.empty());
  BOOST_TEST(r.header("Content-Type").empty());
  BOOST_TEST(r.path == "/api/v01/customers?lastName=O%27Brien%20%26%20Co&limit=10", r.path);
  BOOST_TEST(built("customers.find", "").path == "/api/v01/customers");
  const auto nested = build_request(Call{find_operation("customers.find"), R"({"lastName":["a"]})", ""}, kWho);
  BOOST_TEST(nested.status().reason() == "client.nested_in_query");
  BOOST_TEST(nested.status().field() == "lastName");
}

BOOST_AUTO_TEST_CASE(load_takes_only_the_id) {
  const auto r = built("customers.load", "", "42");
  BOOST_TEST(r.method == "GET");
  BOOST_TEST(r.path == "/api/v01/customers/42");
  const auto extra = build_request(Call{find_operation("customers.load"), R"({"x":1})", "42"}, kWho);
  BOOST_TEST(extra.status().reason() == "client.request_not_taken");
}

BOOST_AUTO_TEST_CASE(a_request_that_is_not_an_object_is_refused) {
  for (const char* text : {"[1]", "\"x\"", "{bad", "42"}) {
    const auto r = build_request(Call{find_operation("customers.create"), text, ""}, kWho);
    BOOST_TEST(r.status().reason() == "client.request_not_object", text);
  }
  BOOST_TEST(build_request(Call{nullptr, "", ""}, kWho).status().reason() == "client.unknown_operation");
}

BOOST_AUTO_TEST_CASE(a_2xx_json_answer_is_the_result) {
  const auto one = parse_response(*find_operation("customers.create"), {201, R"({"id":1,"firstName":"Ada"})"});
  BOOST_TEST_REQUIRE(std::holds_alternative<std::string>(one));
  BOOST_TEST(json::parse(std::get<std::string>(one))["id"] == 1);
  const auto list = parse_response(*find_operation("customers.find"), {200, "[]"});
  BOOST_TEST_REQUIRE(std::holds_alternative<std::string>(list));
  BOOST_TEST(std::get<std::string>(list) == "[]");
}

BOOST_AUTO_TEST_CASE(error_codes_map_to_error_kinds) {
  const std::tuple<int, const char*, ErrorKind> cases[] = {
      {400, "validation_error", ErrorKind::validation},  {401, "unauthorized", ErrorKind::authentication},
      {404, "not_found", ErrorKind::not_found},          {405, "method_not_allowed", ErrorKind::validation},
      {409, "duplicate", ErrorKind::conflict},           {415, "unsupported_media_type", ErrorKind::validation},
      {500, "internal_error", ErrorKind::server}};
  for (const auto& [status, code, kind] : cases) {
    const auto e = error_of({status, std::string(R"({"errors":[{"code":")") + code + R"(","message":"m"}]})"});
    BOOST_TEST(e.code == code);
    BOOST_TEST(e.http_status == status);
    BOOST_TEST(to_string(e.kind) == to_string(kind), code);
    BOOST_TEST(e.family == "billing");
  }
}

BOOST_AUTO_TEST_CASE(every_problem_is_in_the_message_and_the_first_names_the_field) {
  const auto e = error_of({400, R"x({"errors":[
    {"code":"validation_error","field":"email","reason":"email.malformed","message":"email: is not valid (email.malformed)"},
    {"code":"validation_error","field":"lastName","reason":"field.required","message":"lastName: is required"}]})x"});
  BOOST_TEST(to_string(e.kind) == "validation");
  BOOST_TEST(e.field == "email");
  BOOST_TEST(e.message == "email: is not valid (email.malformed); lastName: is required (field.required)");
}

BOOST_AUTO_TEST_CASE(the_http_layers_limits_in_the_billing_format_are_validation_errors) {
  const auto e = error_of({413, R"({"errors":[{"code":"request_too_large","reason":"body.too_large","message":"The request body is larger than 1 MiB."}]})"});
  BOOST_TEST(to_string(e.kind) == "validation");
  BOOST_TEST(e.code == "request_too_large");
  BOOST_TEST(e.message == "The request body is larger than 1 MiB. (body.too_large)");
}

BOOST_AUTO_TEST_CASE(answers_without_the_error_body_map_by_http_status) {
  BOOST_TEST(to_string(error_of({413, R"({"Message":"too large"})"}).kind) == "validation");
  BOOST_TEST(error_of({413, R"({"Message":"too large"})"}).message == "too large");
  BOOST_TEST(to_string(error_of({401, ""}).kind) == "authentication");
  BOOST_TEST(to_string(error_of({404, "<html/>"}).kind) == "not_found");
  BOOST_TEST(to_string(error_of({409, ""}).kind) == "conflict");
  BOOST_TEST(to_string(error_of({502, "bad gateway"}).kind) == "server");
  BOOST_TEST(error_of({502, "bad gateway"}).code == "502");
  BOOST_TEST(to_string(error_of({200, "not json"}).kind) == "server");
  BOOST_TEST(to_string(error_of({200, "\"text\""}).kind) == "server");
  // An unknown code falls back to the status.
  BOOST_TEST(to_string(error_of({404, R"({"errors":[{"code":"gone"}]})"}).kind) == "not_found");
}

BOOST_AUTO_TEST_SUITE_END()
