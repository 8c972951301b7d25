// The gateway client protocol against the real server: every operation the client knows reaches
// a route (no 404), and a payment made through build_request/parse_response round-trips.
#include <boost/test/unit_test.hpp>

#include "client_exchange.hpp"
#include "gateway_helpers.hpp"
#include "payref/client/gateway.hpp"

using namespace payref_test;
using namespace payref::client;
using nlohmann::json;

BOOST_FIXTURE_TEST_SUITE(client_gateway_tests, ServerFixture)

BOOST_AUTO_TEST_CASE(every_client_operation_reaches_a_server_route) {
  const gateway::Credentials who{demo.id, demo.key};
  for (const auto& op : gateway::operations()) {
    const auto request = gateway::build_request({&op, "{}", "someone@example.com", ""}, who);
    BOOST_TEST_REQUIRE(request.is_ok(), op.name);
    const auto response = send(server, *request);
    BOOST_TEST(response.status != 0, op.name);
    BOOST_TEST(response.status != 404, op.name << " " << request->method << " " << request->path << ": " << response.body);
    BOOST_TEST(response.status != 405, op.name << " " << request->method << " " << request->path);
    BOOST_TEST(response.status < 500, op.name << ": " << response.body);
  }
}

BOOST_AUTO_TEST_CASE(a_charge_and_a_decline_through_the_client) {
  const gateway::Credentials who{demo.id, demo.key};
  const auto* charge = gateway::find_operation("payments.charge");
  json request = card_payment_request(2, "12.34", unique_email());
  auto built = gateway::build_request({charge, request.dump(), "", unique_ref("idem")}, who);
  BOOST_TEST_REQUIRE(built.is_ok());
  const auto ok = gateway::parse_response(*charge, send(server, *built));
  BOOST_TEST_REQUIRE(std::holds_alternative<std::string>(ok));
  BOOST_TEST(json::parse(std::get<std::string>(ok))["Amount"] == "12.34");

  request = card_payment_request(2, "12.34", unique_email(), card("4000000000000002"));
  built = gateway::build_request({charge, request.dump(), "", ""}, who);
  const auto declined = gateway::parse_response(*charge, send(server, *built));
  BOOST_TEST_REQUIRE(std::holds_alternative<ApiError>(declined));
  BOOST_TEST(to_string(std::get<ApiError>(declined).kind) == "declined");
  BOOST_TEST(std::get<ApiError>(declined).code == "51");
}

BOOST_AUTO_TEST_CASE(a_get_only_read_through_the_client_uses_the_query_string) {
  const gateway::Credentials who{demo.id, demo.key};
  const auto* software = gateway::find_operation("packages.software");
  const auto built = gateway::build_request({software, "", "100001", ""}, who);
  const auto parsed = gateway::parse_response(*software, send(server, *built));
  BOOST_TEST_REQUIRE(std::holds_alternative<std::string>(parsed));
  BOOST_TEST(json::parse(std::get<std::string>(parsed))["Sku"] == "RR-RND-STD-1Y");
  const auto wrong = gateway::build_request({software, "", "100001", ""}, gateway::Credentials{demo.id, "wrong"});
  const auto refused = gateway::parse_response(*software, send(server, *wrong));
  BOOST_TEST_REQUIRE(std::holds_alternative<ApiError>(refused));
  BOOST_TEST(to_string(std::get<ApiError>(refused).kind) == "authentication");
}

BOOST_AUTO_TEST_SUITE_END()
