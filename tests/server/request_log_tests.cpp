// GET /_sandbox/requests: what an integration sent and got back, newest first, with card data and
// credentials masked.
#include <boost/test/unit_test.hpp>

#include "gateway_helpers.hpp"

using namespace payref_test;
using nlohmann::json;

namespace {

json request_log(const ServerProcess& server, const std::string& query = "") {
  const auto reply = server.admin_get("/_sandbox/requests" + query);
  BOOST_TEST_REQUIRE(reply.status == 200, reply.summary());
  BOOST_TEST_REQUIRE(reply.body.is_array());
  return reply.body;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(request_log_tests, ServerFixture)

BOOST_AUTO_TEST_CASE(lists_requests_newest_first_with_their_answers) {
  const std::string email = unique_email("logged");
  approved_card_payment(server, demo, 2, "12.34", email);
  list_transactions(server, demo, email);
  const json log = request_log(server);
  BOOST_TEST_REQUIRE(log.size() >= 2u);
  BOOST_TEST(log[0].value("path", "") == "/api/v1/transactions");
  BOOST_TEST(log[1].value("path", "") == "/api/v1/payments/creditcard/charge");
  BOOST_TEST(log[0].value("seq", 0) > log[1].value("seq", 0));
  BOOST_TEST(log[1].value("method", "") == "POST");
  BOOST_TEST(log[1].value("status", 0) == 200);
  BOOST_TEST(log[1].value("requestBody", "").find("12.34") != std::string::npos);
  BOOST_TEST(log[1].value("responseBody", "").find("\"Code\":\"00\"") != std::string::npos);
  BOOST_TEST(log[0].value("time", "").size() == 20u);  // 2026-11-24T09:12:40Z
}

// Whether `value` stands in the dumped log as a JSON string of its own ("987", or \"987\" inside
// a logged body). Not a bare substring: the log's random e-mails and references hold digit runs
// that contain any three digits now and then (a run failed on "…98265435…" holding 654).
bool holds_string(const std::string& text, const std::string& value) {
  return text.find("\"" + value + "\"") != std::string::npos || text.find("\\\"" + value + "\\\"") != std::string::npos;
}

BOOST_AUTO_TEST_CASE(masks_card_numbers_security_codes_and_keys) {
  const auto reply = server.post("/api/v1/payments/creditcard/charge",
                                 envelope(demo, card_payment_request(2, "5.00", unique_email(), card(kVisa, "987"))));
  BOOST_TEST_REQUIRE(reply.code() == "00", reply.summary());
  server.get("/api/v1/transactions",
             {{"Authentication.Id", demo.id}, {"Authentication.Key", demo.key}, {"Request.Email", "a@example.com"}});
  const std::string text = request_log(server).dump();
  BOOST_TEST(text.find(kVisa) == std::string::npos, "the full card number is in the request log");
  const std::string visa = kVisa;
  BOOST_TEST(text.find(visa.substr(0, 6) + "******" + visa.substr(12)) != std::string::npos, text);
  BOOST_TEST(!holds_string(text, "987"), "the CVV is in the request log");
  BOOST_TEST(text.find(demo.key) == std::string::npos, "the client key is in the request log");
  const json log = request_log(server, "?limit=1");
  BOOST_TEST_REQUIRE(log.size() == 1u);
  BOOST_TEST(log[0].value("query", "").find("Authentication.Key=***") != std::string::npos, log[0].dump());
}

BOOST_AUTO_TEST_CASE(does_not_record_the_sandbox_api_or_health_checks) {
  server.healthy();
  server.outbox();
  request_log(server);
  for (const auto& entry : request_log(server)) {
    BOOST_TEST(entry.value("path", "").rfind("/_sandbox/", 0) != 0u, entry.dump());
    BOOST_TEST(entry.value("path", "") != "/healthz");
  }
}

BOOST_AUTO_TEST_CASE(a_form_encoded_body_is_logged_masked_not_as_query_parameters) {
  // curl -d sends application/x-www-form-urlencoded: the JSON body must still be masked.
  const json body = envelope(demo, card_payment_request(2, "6.00", unique_email(), card(kVisa, "654")));
  server.post_raw("/api/v1/payments/creditcard/charge", body.dump(), "application/x-www-form-urlencoded");
  const json entry = request_log(server, "?limit=1")[0];
  const std::string text = entry.dump();
  BOOST_TEST(entry.value("query", "x") == "", entry.dump());
  BOOST_TEST(text.find(kVisa) == std::string::npos, text);
  BOOST_TEST(!holds_string(text, "654"), text);
  BOOST_TEST(text.find(demo.key) == std::string::npos, text);
}

BOOST_AUTO_TEST_CASE(bank_account_numbers_are_masked_though_short) {
  const auto reply = server.post("/api/v1/payments/b2b/transaction/debit", envelope(demo, bank_request(6, "3.00", "98765432")));
  BOOST_TEST_REQUIRE(reply.code() == "00", reply.summary());
  const std::string text = request_log(server, "?limit=1").dump();
  BOOST_TEST(text.find("98765432") == std::string::npos, text);
  BOOST_TEST(text.find(R"(\"BankAccountNumber\":\"***\")") != std::string::npos, text);
}

BOOST_AUTO_TEST_CASE(long_bodies_are_cut_and_say_so) {
  const std::string big(10000, 'x');
  server.post_raw("/api/v1/transactions", R"({"pad":")" + big + R"("})");
  const json entry = request_log(server, "?limit=1")[0];
  BOOST_TEST(entry.value("requestTruncated", false) == true);
  BOOST_TEST(entry.value("requestBody", "").size() == 4096u);
}

BOOST_AUTO_TEST_CASE(a_compressed_answer_is_noted_not_copied) {
  // Browsers accept gzip, and httplib compresses before the log sees the answer: the log used to
  // copy those bytes and then fail to serve itself (HTTP 500).
  const auto reply = server.get("/api/v1/packages/100001", {{"Authentication.Id", demo.id}, {"Authentication.Key", demo.key}},
                                {{"Accept-Encoding", "gzip, deflate"}});
  BOOST_TEST(reply.status == 200, reply.summary());
  const json log = request_log(server, "?limit=1");
  BOOST_TEST_REQUIRE(log.size() == 1u);
  const std::string body = log[0].value("responseBody", "");
  BOOST_TEST((body.find("gzip-compressed body") != std::string::npos || body.find("\"Code\":\"00\"") != std::string::npos), body);
}

BOOST_AUTO_TEST_CASE(a_cut_never_splits_a_character_and_bytes_that_are_not_text_are_noted) {
  // 4096 bytes end inside a three-byte character ("€" is E2 82 AC).
  std::string name = std::string(4095 - std::string(R"({"Authentication":{"Id":"1","Key":"2"},"Request":{"Email":")").size(), 'a');
  for (int i = 0; i < 10; ++i) name += "€";
  server.post_raw("/api/v1/transactions", std::string(R"({"Authentication":{"Id":"1","Key":"2"},"Request":{"Email":")") + name + "\"}}");
  server.post_raw("/api/v1/transactions", std::string("{\"x\":\"\xff\xfe\"}"));
  // A bad sequence (C3 28) and a good one (é) after ASCII runs of odd lengths.
  server.post_raw("/api/v1/transactions", "{\"x\":\"" + std::string(21, 'a') + "\xc3\x28\"}");
  server.post_raw("/api/v1/transactions", "{\"x\":\"" + std::string(13, 'a') + "\xc3\xa9" + std::string(9, 'b') + "\"}");
  const json log = request_log(server, "?limit=4");  // served: every entry is valid UTF-8
  BOOST_TEST_REQUIRE(log.size() == 4u);
  BOOST_TEST(log[0].value("requestBody", "") == "{\"x\":\"" + std::string(13, 'a') + "\xc3\xa9" + std::string(9, 'b') + "\"}");
  BOOST_TEST(log[1].value("requestBody", "").find("not UTF-8 text") != std::string::npos, log[1].dump());
  BOOST_TEST(log[2].value("requestBody", "").find("not UTF-8 text") != std::string::npos, log[2].dump());
  BOOST_TEST(log[3].value("requestTruncated", false));
  BOOST_TEST(log[3].value("requestBody", "").size() <= 4096u);
}

BOOST_AUTO_TEST_CASE(needs_the_admin_token_a_valid_limit_and_is_cleared_by_reset) {
  BOOST_TEST(server.get("/_sandbox/requests").status == 401);
  for (const char* bad : {"?limit=0", "?limit=abc", "?limit=100000"})
    BOOST_TEST(server.admin_get(std::string("/_sandbox/requests") + bad).status == 400, bad);
  approved_card_payment(server, demo, 2, "1.00", unique_email());
  BOOST_TEST(!request_log(server).empty());
  const auto reset = server.post_raw("/_sandbox/reset", "", "application/json",
                                     {{"Authorization", std::string("Bearer ") + kAdminToken}});
  BOOST_TEST_REQUIRE(reset.status == 200, reset.summary());
  BOOST_TEST(request_log(server).empty());
}

BOOST_AUTO_TEST_SUITE_END()
