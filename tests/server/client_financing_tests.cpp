// The financing client protocol against the real server: the token requests the core builds are
// accepted, every operation the client knows reaches a route (no 404 for the endpoint, no 405),
// and a purchase made through build_request/parse_response round-trips.
#include <boost/test/unit_test.hpp>

#include "client_exchange.hpp"
#include "financing_helpers.hpp"
#include "gateway_helpers.hpp"
#include "payref/client/financing.hpp"

using namespace payref_test;
using namespace payref::client;
namespace cf = payref::client::financing;
using nlohmann::json;

namespace {

cf::Credentials credentials(const ServerProcess& server, const std::string& scope = "merchant") {
  const auto c = fin::demo_client(server);
  return {c.id, c.secret, scope};
}

cf::Token token(const ServerProcess& server, const cf::Credentials& who) {
  const auto parsed = cf::parse_token_response(send(server, cf::build_token_request(who)), 0);
  BOOST_TEST_REQUIRE(std::holds_alternative<cf::Token>(parsed));
  return std::get<cf::Token>(parsed);
}

// Sends one operation; the answer body (JSON) or the error.
std::variant<std::string, ApiError> call(const ServerProcess& server, const cf::Credentials& who, const cf::Token& t, const char* name,
                                         const json& request, std::vector<std::string> params = {}) {
  const auto* op = cf::find_operation(name);
  BOOST_TEST_REQUIRE(op != nullptr, name);
  const auto built = cf::build_request({op, request.is_null() ? "" : request.dump(), std::move(params)}, who.client_id, t.access_token);
  BOOST_TEST_REQUIRE(built.is_ok(), name << ": " << built.status().reason());
  return cf::parse_response(*op, send(server, *built));
}

json ok(const std::variant<std::string, ApiError>& parsed) {
  if (const auto* e = std::get_if<ApiError>(&parsed)) BOOST_FAIL("error " << e->code << ": " << e->message);
  return json::parse(std::get<std::string>(parsed));
}

ApiError refused(const std::variant<std::string, ApiError>& parsed) {
  BOOST_TEST_REQUIRE(std::holds_alternative<ApiError>(parsed));
  return std::get<ApiError>(parsed);
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(client_financing_tests, ServerFixture)

BOOST_AUTO_TEST_CASE(every_client_operation_reaches_a_server_route) {
  const auto who = credentials(server);
  const auto t = token(server, who);
  for (const auto& op : cf::operations()) {
    std::vector<std::string> params(cf::path_parameter_count(op), "1");
    const auto built = cf::build_request({&op, "{}", params}, who.client_id, t.access_token);
    BOOST_TEST_REQUIRE(built.is_ok(), op.name);
    const auto response = send(server, *built);
    BOOST_TEST(response.status != 0, op.name);
    BOOST_TEST(response.status != 405, op.name << " " << built->method << " " << built->path);
    BOOST_TEST(response.status < 500, op.name << ": " << response.body);
    // A 404 is only "no such account/authorization", never "no such endpoint".
    BOOST_TEST(response.body.find("No such endpoint") == std::string::npos, op.name << " " << built->method << " " << built->path);
    // and the answer is read as the family's: a list, or a refusal in its shape (wrong inputs, not found).
    const auto parsed = cf::parse_response(op, response);
    if (const auto* e = std::get_if<ApiError>(&parsed)) {
      BOOST_TEST((e->code == "wrong_inputs" || e->code == "not_found"), op.name << ": " << e->code);
    } else {
      BOOST_TEST(op.name == "authorizations.list");
    }
  }
}

BOOST_AUTO_TEST_CASE(the_core_token_requests_are_accepted_and_refreshed) {
  const auto who = credentials(server);
  const auto first = token(server, who);
  BOOST_TEST(first.expires_in == 1200);
  BOOST_TEST(first.scope == "merchant");
  const auto refreshed = cf::parse_token_response(send(server, cf::build_token_request(who, first.refresh_token)), 5000);
  BOOST_TEST_REQUIRE(std::holds_alternative<cf::Token>(refreshed));
  const auto& second = std::get<cf::Token>(refreshed);
  BOOST_TEST(second.access_token != first.access_token);
  BOOST_TEST(second.expires_at_ms == 5000 + 1'200'000.0);
  // The refreshed-away token is invalid_token: the one case the client re-authenticates for.
  const auto stale = refused(call(server, who, first, "authorizations.list", json::object()));
  BOOST_TEST(stale.code == "invalid_token");
  BOOST_TEST(cf::should_reauthenticate(stale));
  BOOST_TEST(ok(call(server, who, second, "authorizations.list", json::object()))["total_count"] == 0);
  // A used refresh token and a wrong secret are authentication errors.
  const auto reused = cf::parse_token_response(send(server, cf::build_token_request(who, first.refresh_token)), 0);
  BOOST_TEST(to_string(std::get<ApiError>(reused).kind) == "authentication");
  BOOST_TEST(std::get<ApiError>(reused).code == "invalid_grant");
  const auto wrong = cf::parse_token_response(send(server, cf::build_token_request({who.client_id, "wrong", "merchant"})), 0);
  BOOST_TEST(std::get<ApiError>(wrong).code == "invalid_client");
}

BOOST_AUTO_TEST_CASE(an_expired_token_is_refused_with_invalid_token) {
  const auto who = credentials(server);
  const auto t = token(server, who);
  fin::advance(server, {{"seconds", 1200}});
  const auto e = refused(call(server, who, t, "customers.lookup", {{"account_number", fin::kAda}}));
  BOOST_TEST(cf::should_reauthenticate(e));
  BOOST_TEST(ok(call(server, who, token(server, who), "customers.lookup", {{"account_number", fin::kAda}}))["customer_id"] == 100000000001);
}

BOOST_AUTO_TEST_CASE(a_financed_purchase_round_trips_through_the_client) {
  const auto who = credentials(server);
  const auto t = token(server, who);
  const json customer = ok(call(server, who, t, "customers.lookup", {{"account_number", fin::kAda}}));
  BOOST_TEST(customer["available_credit"] == 5000);
  const json found = ok(call(server, who, t, "customers.search", {{"first_name", "Ada"}, {"last_name", "Lovelace"}, {"dob", "1985-12-10"}}));
  BOOST_TEST_REQUIRE(found.size() == 1u);
  const json interest = ok(call(server, who, t, "accounts.calculateInterest", {{"amount", "250.00"}}, {fin::kAda}));
  BOOST_TEST(interest["promotional_purchase"][0]["terms"][0]["term_amount"] == 44.67);
  const json pin = ok(call(server, who, t, "accounts.verify",
                           {{"format", "security_question"}, {"security_qid", 101}, {"security_answer", "Rex"}}, {fin::kAda}));
  const json auth = ok(call(server, who, t, "authorizations.create",
                            {{"account_number", fin::kAda}, {"amount", "250.00"}, {"auto_capture", false}, {"reference", "order-c1"},
                             {"verification_code", pin["verification_code"]},
                             {"financing_option", {{"transaction_type", "promotional_purchase"}, {"plan_id", 5}, {"term", 6}}}}));
  BOOST_TEST(auth["term_amount"] == 44.67);
  const std::string id = std::to_string(auth["authorization_id"].get<long long>());
  const json capture = ok(call(server, who, t, "authorizations.capture", {{"amount", 150}}, {id}));
  const std::string capture_id = std::to_string(capture["capture_id"].get<long long>());
  BOOST_TEST(ok(call(server, who, t, "authorizations.release", nullptr, {id}))["authorization_status"] == "closed");
  BOOST_TEST(ok(call(server, who, t, "authorizations.return", {{"amount", 50}}, {id, capture_id}))["remaining_capture_amount"] == 100);
  BOOST_TEST(ok(call(server, who, t, "authorizations.get", nullptr, {id}))["captures"][0]["returns"].size() == 1u);
  BOOST_TEST(ok(call(server, who, t, "authorizations.list", {{"account_number", fin::kAda}, {"page_size", 5}}))["total_count"] == 1);
  const json payment = ok(call(server, who, t, "transactions.create",
                               {{"transaction_type", "deposit"}, {"amount", "10.00"}, {"account_number", fin::kAda}}));
  BOOST_TEST(payment["transaction_type"] == "deposit");

  const auto ended = refused(call(server, who, t, "authorizations.capture", {{"amount", 1}}, {id}));
  BOOST_TEST(ended.code == "authorization_ended");
  BOOST_TEST(to_string(ended.kind) == "conflict");
  const auto declined = refused(call(server, who, t, "authorizations.create", fin::auth_request(fin::kAlan, 250.0, true, 11, 24)));
  BOOST_TEST(declined.code == "credit_exceeded");
  BOOST_TEST(to_string(declined.kind) == "declined");
  const auto wrong = refused(call(server, who, t, "accounts.calculateInterest", {{"amount", "1.005"}}, {fin::kAda}));
  BOOST_TEST(to_string(wrong.kind) == "validation");
  BOOST_TEST(wrong.field == "amount");
  const auto missing = refused(call(server, who, t, "authorizations.get", nullptr, {"899999999"}));
  BOOST_TEST(to_string(missing.kind) == "not_found");
}

BOOST_AUTO_TEST_CASE(a_customer_token_is_refused_merchant_only_calls) {
  const auto who = credentials(server, "customer");
  const auto t = token(server, who);
  BOOST_TEST(t.scope == "customer");
  for (const auto& op : cf::operations()) {
    if (!op.merchant_only) continue;
    std::vector<std::string> params(cf::path_parameter_count(op), "1");
    const auto e = refused(call(server, who, t, std::string(op.name).c_str(), json::object(), params));
    BOOST_TEST(e.code == "insufficient_scope", op.name);
    BOOST_TEST(to_string(e.kind) == "authentication", op.name);
  }
  BOOST_TEST(ok(call(server, who, t, "accounts.calculateInterest", {{"amount", "10.50"}}, {fin::kAda}))["amount"] == 10.5);
}

BOOST_AUTO_TEST_SUITE_END()
