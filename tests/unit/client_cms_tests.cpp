// The CMS client protocol (sdk/include/payref/client/cms.hpp): sign-on, requests built, answers
// read, and the expired-session verdict.
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "payref/client/cms.hpp"

using namespace payref::client;
using namespace payref::client::cms;
using nlohmann::json;

namespace {

const Session kSession{"5e55", "Dev_Test_28"};
constexpr const char* kBase = "/2.1.28/REST/DataServices/CMS.svc/Subscriptions";

HttpRequest built(const char* name, const std::string& request_json, const std::string& id = "", const Session& session = kSession) {
  const auto r = build_request(Call{find_operation(name), request_json, id}, session);
  BOOST_TEST_REQUIRE(r.is_ok(), name << ": " << r.status().reason());
  return *r;
}

ApiError error_of(const char* name, const HttpResponse& response) {
  const auto parsed = parse_response(*find_operation(name), response);
  BOOST_TEST_REQUIRE(std::holds_alternative<ApiError>(parsed));
  return std::get<ApiError>(parsed);
}

std::string fault(int id, const char* message = "m") {
  return R"({"ErrorId":)" + std::to_string(id) + R"(,"HelpUrl":"docs/cms.md#errors","Messages":[")" + message +
         R"("],"Operation":"GetSubscription","Reason":"R","ValidationErrors":[]})";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(client_cms_tests)

BOOST_AUTO_TEST_CASE(the_seven_operations_have_the_seed_routes) {
  std::set<std::string> names, wires;
  for (const auto& op : operations()) {
    BOOST_TEST(names.insert(std::string(op.name)).second, op.name);
    BOOST_TEST(wires.insert(std::string(op.wire)).second, op.wire);
    BOOST_TEST(std::string(op.path).rfind(kBase, 0) == 0u, op.path);
  }
  BOOST_TEST(operations().size() == 7u);
  BOOST_TEST(method_name(find_operation("subscriptions.delete")->method) == "DELETE");
  BOOST_TEST(method_name(find_operation("subscriptions.updateState")->method) == "PUT");
  BOOST_TEST(find_operation("subscriptions.cancel") == nullptr);
}

BOOST_AUTO_TEST_CASE(sign_on_sends_the_identity_token_as_the_basic_username) {
  const auto r = build_sign_on("ident");
  BOOST_TEST(r.method == "GET");
  BOOST_TEST(r.path == "/2.1.28/REST/SIS.svc/token");
  BOOST_TEST(r.header("Authorization") == "Basic aWRlbnQ6");  // base64("ident:")
  const auto token = parse_sign_on({200, R"("3ad9fda5")"});
  BOOST_TEST_REQUIRE(std::holds_alternative<std::string>(token));
  BOOST_TEST(std::get<std::string>(token) == "3ad9fda5");
}

BOOST_AUTO_TEST_CASE(a_refused_or_odd_sign_on_is_an_error) {
  const auto refused = parse_sign_on({401, fault(5005, "The identity token is not valid.")});
  BOOST_TEST_REQUIRE(std::holds_alternative<ApiError>(refused));
  BOOST_TEST(to_string(std::get<ApiError>(refused).kind) == "authentication");
  BOOST_TEST(std::get<ApiError>(refused).code == "5005");
  for (const HttpResponse& odd : {HttpResponse{200, R"({"token":"x"})"}, HttpResponse{200, R"("")"}, HttpResponse{200, ""}}) {
    const auto parsed = parse_sign_on(odd);
    BOOST_TEST_REQUIRE(std::holds_alternative<ApiError>(parsed), odd.body);
    BOOST_TEST(to_string(std::get<ApiError>(parsed).kind) == "server", odd.body);
  }
}

BOOST_AUTO_TEST_CASE(calls_send_the_session_token_and_name_the_merchant_profile) {
  const std::string body = R"({"Subscription":{"Amount":9.90,"TrialAmount":1.00}})";
  const auto r = built("subscriptions.create", body);
  BOOST_TEST(r.method == "POST");
  BOOST_TEST(r.path == std::string(kBase) + "/");
  BOOST_TEST(r.header("Authorization") == "Basic NWU1NTo=");  // base64("5e55:")
  BOOST_TEST(r.header("Content-Type") == "application/json");
  // The caller's text is kept (9.90 stays 9.90); the profile is added in front.
  BOOST_TEST(r.body == R"({"MerchantProfileId":"Dev_Test_28","Subscription":{"Amount":9.90,"TrialAmount":1.00}})");
  BOOST_TEST(built("subscriptions.query", "").body == R"({"MerchantProfileId":"Dev_Test_28"})");
  BOOST_TEST(built("subscriptions.query", " { } ").body == R"( {"MerchantProfileId":"Dev_Test_28" } )");
}

BOOST_AUTO_TEST_CASE(a_profile_id_that_is_not_utf8_is_sent_replaced_not_thrown) {
  const auto r = built("subscriptions.query", "{}", "", Session{"t", "\xff"});
  BOOST_TEST(json::parse(r.body)["MerchantProfileId"] == "\xEF\xBF\xBD");  // U+FFFD
}

BOOST_AUTO_TEST_CASE(a_request_naming_its_profile_or_a_session_without_one_is_sent_as_given) {
  const std::string body = R"({"MerchantProfileId":"Other","SubscriptionState":"Suspended"})";
  const auto r = built("subscriptions.updateState", body, "ABC");
  BOOST_TEST(r.method == "PUT");
  BOOST_TEST(r.path == std::string(kBase) + "/ABC/state");
  BOOST_TEST(r.body == body);
  BOOST_TEST(built("subscriptions.query", R"({"PagingParameters":{"Page":0}})", "", Session{"t", ""}).body ==
             R"({"PagingParameters":{"Page":0}})");
}

BOOST_AUTO_TEST_CASE(get_invoice_and_delete_name_the_profile_in_the_query_string) {
  BOOST_TEST(built("subscriptions.get", "", "ABC").path == std::string(kBase) + "/ABC?merchantProfileId=Dev_Test_28&scope=MerchantProfileId");
  const auto invoice = built("subscriptions.invoice", R"({"MerchantProfileId":"A B"})", "ABC");
  BOOST_TEST(invoice.method == "POST");
  BOOST_TEST(invoice.path == std::string(kBase) + "/ABC/invoice?merchantProfileId=A%20B");
  const auto del = built("subscriptions.delete", "", "ABC");
  BOOST_TEST(del.method == "DELETE");
  BOOST_TEST(del.path == std::string(kBase) + "/ABC?merchantProfileId=Dev_Test_28");
  BOOST_TEST(del.body.empty());
  const auto wrong = build_request(Call{find_operation("subscriptions.get"), R"({"MerchantProfileId":7})", "ABC"}, kSession);
  BOOST_TEST(wrong.status().reason() == "client.not_a_string");
  const auto missing = build_request(Call{find_operation("subscriptions.get"), "", ""}, kSession);
  BOOST_TEST(missing.status().reason() == "client.path_parameter_missing");
  const auto not_object = build_request(Call{find_operation("subscriptions.create"), "[]", ""}, kSession);
  BOOST_TEST(not_object.status().reason() == "client.request_not_object");
}

BOOST_AUTO_TEST_CASE(answers_become_json_text) {
  const auto id = parse_response(*find_operation("subscriptions.create"), {200, R"("0EA0A3EB")"});
  BOOST_TEST_REQUIRE(std::holds_alternative<std::string>(id));
  BOOST_TEST(json::parse(std::get<std::string>(id)) == "0EA0A3EB");
  const auto empty = parse_response(*find_operation("subscriptions.update"), {200, ""});
  BOOST_TEST_REQUIRE(std::holds_alternative<std::string>(empty));
  BOOST_TEST(std::get<std::string>(empty) == "null");
  const auto invoice = parse_response(*find_operation("subscriptions.invoice"), {200, R"({"Status":"Successful","StatusCode":"1"})"});
  BOOST_TEST(std::holds_alternative<std::string>(invoice));
  // A JSON operation that answers nothing is not a success.
  BOOST_TEST(to_string(error_of("subscriptions.get", {200, ""}).kind) == "server");
}

BOOST_AUTO_TEST_CASE(a_failed_invoice_is_a_decline_or_a_processor_error) {
  const auto declined = error_of("subscriptions.invoice",
                                 {200, R"({"Status":"Failure","StatusCode":"2","StatusMessage":"Declined - 051:INSUFFICIENT FUNDS"})"});
  BOOST_TEST(to_string(declined.kind) == "declined");
  BOOST_TEST(declined.code == "2");
  BOOST_TEST(declined.message == "Declined - 051:INSUFFICIENT FUNDS");
  const auto error = error_of("subscriptions.invoice", {200, R"({"Status":"Failure","StatusCode":"3","StatusMessage":"Error - 096"})"});
  BOOST_TEST(to_string(error.kind) == "server");
}

BOOST_AUTO_TEST_CASE(error_ids_map_to_error_kinds) {
  const std::tuple<int, int, ErrorKind> cases[] = {
      {400, 0, ErrorKind::validation},      {401, 5005, ErrorKind::authentication}, {401, 5000, ErrorKind::authentication},
      {404, 510, ErrorKind::not_found},     {405, 530, ErrorKind::validation},      {409, 520, ErrorKind::conflict},
      {409, 521, ErrorKind::conflict},      {500, 9999, ErrorKind::server}};
  for (const auto& [status, id, kind] : cases) {
    const auto e = error_of("subscriptions.get", {status, fault(id)});
    BOOST_TEST(e.code == std::to_string(id));
    BOOST_TEST(e.http_status == status);
    BOOST_TEST(to_string(e.kind) == to_string(kind), id);
    BOOST_TEST(e.family == "cms");
  }
  // An ErrorId this client does not know falls back to the HTTP status.
  BOOST_TEST(to_string(error_of("subscriptions.get", {404, fault(777)}).kind) == "not_found");
  BOOST_TEST(to_string(error_of("subscriptions.get", {502, "<html/>"}).kind) == "server");
  BOOST_TEST(to_string(error_of("subscriptions.get", {413, R"({"Message":"too large"})"}).kind) == "validation");
}

BOOST_AUTO_TEST_CASE(validation_errors_name_the_first_field_and_list_every_message) {
  const auto e = error_of("subscriptions.create", {400, R"({"ErrorId":0,"Messages":["a","b"],"Reason":"Validation Errors Occurred",
    "ValidationErrors":[{"RuleKey":"Subscription.Amount","RuleLocationKey":"field.wrong_type","RuleMessage":"a"},
                        {"RuleKey":"Subscription.IntervalUnit","RuleLocationKey":"field.not_allowed","RuleMessage":"b"}]})"});
  BOOST_TEST(to_string(e.kind) == "validation");
  BOOST_TEST(e.field == "Subscription.Amount");
  BOOST_TEST(e.message == "a; b");
}

BOOST_AUTO_TEST_CASE(only_the_expired_token_fault_asks_for_a_new_sign_on) {
  BOOST_TEST(session_expired(error_of("subscriptions.get", {401, fault(5000)})));
  BOOST_TEST(!session_expired(error_of("subscriptions.get", {401, fault(5005)})));
  BOOST_TEST(!session_expired(error_of("subscriptions.get", {404, fault(510)})));
  BOOST_TEST(!session_expired(error_of("subscriptions.get", {401, ""})));
}

BOOST_AUTO_TEST_SUITE_END()
