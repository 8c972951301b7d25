// Concurrency: requests racing on the same money must be serialised by the server — parallel
// refunds never exceed the captured amount, a TransactionReference, an e-mail or an
// Idempotency-Key is used once, and an authorization is either settled or voided, not both.
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <functional>
#include <latch>
#include <map>
#include <set>
#include <thread>

#include "gateway_helpers.hpp"

using namespace payref_test;
using nlohmann::json;

namespace {

// Runs make_request(i) for i in [0, n) on n threads released together; each thread uses its
// own httplib client (ServerProcess::post makes one per call).
std::vector<HttpReply> in_parallel(int n, const std::function<HttpReply(int)>& make_request) {
  std::vector<HttpReply> replies(static_cast<std::size_t>(n));
  std::latch start(n);
  std::vector<std::thread> threads;
  for (int i = 0; i < n; ++i)
    threads.emplace_back([&, i] {
      start.arrive_and_wait();
      replies[static_cast<std::size_t>(i)] = make_request(i);
    });
  for (auto& t : threads) t.join();
  return replies;
}

std::map<std::string, int> count_codes(const std::vector<HttpReply>& replies) {
  std::map<std::string, int> counts;
  for (const auto& r : replies) ++counts[r.status == 200 ? r.code() : "HTTP " + std::to_string(r.status)];
  return counts;
}

std::string describe(const std::map<std::string, int>& counts) {
  std::string out;
  for (const auto& [code, n] : counts) out += code + "×" + std::to_string(n) + " ";
  return out;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(concurrency_tests, ServerFixture)

BOOST_AUTO_TEST_CASE(parallel_refunds_never_exceed_the_captured_amount) {
  const std::string email = unique_email();
  const json charged = approved_card_payment(server, demo, 2, "100.00", email);
  const auto replies = in_parallel(20, [&](int) {
    return server.post("/api/v1/payments/creditcard/refund", envelope(demo, follow_up_request(3, charged, "10.00")));
  });
  const auto counts = count_codes(replies);
  BOOST_TEST(counts.size() == 2u, describe(counts));
  BOOST_TEST(counts.count("00") == 1u);
  BOOST_TEST(counts.count("30") == 1u);
  if (counts.count("00")) BOOST_TEST(counts.at("00") == 10, describe(counts));
  if (counts.count("30")) BOOST_TEST(counts.at("30") == 10, describe(counts));

  // The books agree: ten refund records of 10.00, the charge fully refunded, nothing left.
  const auto rows = list_transactions(server, demo, email, 100)["Transactions"];
  long long refunded_cents = 0;
  int refunds = 0;
  for (const auto& row : rows) {
    if (row.value("TransactionType", "") != "3") continue;
    ++refunds;
    refunded_cents += std::llround(row["Amount"].get<double>() * 100);
  }
  BOOST_TEST(refunds == 10);
  BOOST_TEST(refunded_cents <= 10000);
  BOOST_TEST(refunded_cents == 10000);
  BOOST_TEST(rows.back().value("TransactionId", "") == charged.value("TransactionId", ""));
  BOOST_TEST(rows.back().value("Status", "") == "Refunded");
  const auto more = server.post("/api/v1/payments/creditcard/refund", envelope(demo, follow_up_request(3, charged, "0.01")));
  BOOST_TEST(more.code() == "30", more.summary());
}

BOOST_AUTO_TEST_CASE(parallel_uses_of_one_transaction_reference_succeed_once) {
  const std::string email = unique_email();
  const std::string reference = unique_ref("race");
  const auto replies = in_parallel(12, [&](int) {
    return server.post("/api/v1/payments/creditcard/charge", envelope(demo, card_payment_request(2, "5.00", email, card(), reference)));
  });
  const auto counts = count_codes(replies);
  BOOST_TEST(counts.size() == 2u, describe(counts));
  BOOST_TEST((counts.count("00") && counts.at("00") == 1), describe(counts));
  BOOST_TEST((counts.count("40") && counts.at("40") == 11), describe(counts));
  BOOST_TEST(list_transactions(server, demo, email)["Transactions"].size() == 1u);
}

BOOST_AUTO_TEST_CASE(parallel_requests_with_one_idempotency_key_charge_once) {
  const std::string email = unique_email();
  const json body = envelope(demo, card_payment_request(2, "8.00", email));
  const httplib::Headers key = {{"Idempotency-Key", "race-" + unique_suffix()}};
  const auto replies = in_parallel(12, [&](int) { return server.post("/api/v1/payments/creditcard/charge", body, key); });
  int replayed = 0;
  for (const auto& r : replies) {
    BOOST_TEST(r.code() == "00", r.summary());
    BOOST_TEST(r.text == replies[0].text);  // one answer, the same TransactionId for everyone
    replayed += r.header("Idempotent-Replayed") == "true" ? 1 : 0;
  }
  BOOST_TEST(replayed == 11);
  BOOST_TEST(list_transactions(server, demo, email)["Transactions"].size() == 1u);
}

BOOST_AUTO_TEST_CASE(parallel_registrations_of_one_email_create_one_customer) {
  const std::string email = unique_email();
  const auto replies = in_parallel(10, [&](int i) {
    return server.post("/api/v1/customer/register", envelope(demo, customer_request(email, card(i % 2 ? kVisa : kMastercard))));
  });
  const auto counts = count_codes(replies);
  BOOST_TEST((counts.count("00") && counts.at("00") == 1), describe(counts));
  BOOST_TEST((counts.count("40") && counts.at("40") == 9), describe(counts));
  const auto customer = server.get("/api/v1/customer", {{"Authentication.Id", demo.id}, {"Authentication.Key", demo.key}, {"Request.Email", email}});
  BOOST_TEST(customer.code() == "00");
  BOOST_TEST(customer.response()["PaymentProfileIds"].size() == 1u);
}

BOOST_AUTO_TEST_CASE(an_authorization_is_settled_or_voided_not_both) {
  const json auth = approved_card_payment(server, demo, 1, "20.00", unique_email());
  const auto replies = in_parallel(10, [&](int i) {
    const bool settle = i % 2 == 0;
    return server.post(settle ? "/api/v1/payments/creditcard/transaction/settle" : "/api/v1/payments/creditcard/transaction/void",
                       envelope(demo, follow_up_request(settle ? 4 : 5, auth, "20.00")));
  });
  const auto counts = count_codes(replies);
  BOOST_TEST((counts.count("00") && counts.at("00") == 1), describe(counts));
  BOOST_TEST((counts.count("30") && counts.at("30") == 9), describe(counts));
}

BOOST_AUTO_TEST_CASE(clients_registered_in_parallel_get_distinct_ids) {
  const auto replies = in_parallel(8, [&](int) { return server.post("/api/v1/client/register", client_registration(unique_email("par"))); });
  for (const auto& r : replies) BOOST_TEST(r.code() == "00", r.summary());
  std::set<std::string> ids;
  for (const auto& mail : server.outbox()) {
    const std::string body = mail.value("body", "");
    const auto at = body.find("Client Id: ");
    if (at != std::string::npos && mail["code"].is_string()) ids.insert(body.substr(at + 11, 9));
  }
  BOOST_TEST(ids.size() == 8u);
}

BOOST_AUTO_TEST_SUITE_END()
