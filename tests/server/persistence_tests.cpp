// Persistence: a server restarted on the same data directory keeps customers, profiles (with
// their sealed card numbers still usable), transactions, client credentials, sequences and
// idempotency records; a clean SIGTERM shutdown exits 0.
#include <boost/test/unit_test.hpp>

#include "gateway_helpers.hpp"

using namespace payref_test;
using nlohmann::json;

namespace {
json profile_charge(const Customer& c, const std::string& amount) {
  return {{"TransactionType", "2"}, {"CustomerProfileId", c.id}, {"PaymentProfileId", c.profile_id}, {"Amount", amount},
          {"CurrencyCode", "USD"},  {"Email", c.email},         {"TransactionReference", unique_ref("persist")}};
}
}  // namespace

BOOST_FIXTURE_TEST_SUITE(persistence_tests, ServerFixture)

BOOST_AUTO_TEST_CASE(customer_and_charge_survive_a_restart) {
  const auto c = register_customer(server, demo, unique_email(), card(kMastercard, "321"));
  const json charged = approved_card_payment(server, demo, 2, "55.00", c.email);
  const auto before_list = list_transactions(server, demo, c.email);
  const auto before_profiles = server.post("/api/v1/customer/profiles/full", envelope(demo, {{"Email", c.email}}));
  BOOST_TEST_REQUIRE(before_profiles.code() == "00");

  BOOST_TEST(server.restart() == 0);  // SIGTERM: a clean exit
  BOOST_TEST(server.running());
  BOOST_TEST(server.healthy());

  // Same credentials.
  const auto after_demo = server.demo_credentials();
  BOOST_TEST(after_demo.id == demo.id);
  BOOST_TEST(after_demo.key == demo.key);

  // Same data.
  const auto after_profiles = server.post("/api/v1/customer/profiles/full", envelope(demo, {{"Email", c.email}}));
  BOOST_TEST(after_profiles.code() == "00", after_profiles.summary());
  BOOST_TEST(after_profiles.body == before_profiles.body);
  const auto after_list = list_transactions(server, demo, c.email);
  BOOST_TEST(after_list == before_list);
  BOOST_TEST_REQUIRE(after_list["Transactions"].size() == 1u);
  BOOST_TEST(after_list["Transactions"][0].value("TransactionId", "") == charged.value("TransactionId", ""));

  // And it still works: refund the old charge, charge the stored card (its sealed number opens
  // with the persisted card key).
  const auto refund = server.post("/api/v1/payments/creditcard/refund", envelope(demo, follow_up_request(3, charged, "55.00")));
  BOOST_TEST(refund.code() == "00", refund.summary());
  const auto stored = server.post("/api/v1/profiles/charge", envelope(demo, profile_charge(c, "5.00")));
  BOOST_TEST(stored.code() == "00", stored.summary());
  BOOST_TEST(stored.response().value("MaskedCardNumber", "") == "555555******4444");
  // Duplicate detection spans the restart.
  const auto dup = server.post("/api/v1/customer/register", envelope(demo, customer_request(c.email)));
  BOOST_TEST(dup.code() == "40", dup.summary());
}

BOOST_AUTO_TEST_CASE(ids_keep_counting_after_a_restart) {
  const auto first = register_customer(server, demo);
  const json t1 = approved_card_payment(server, demo, 2, "1.00", first.email);
  BOOST_TEST(server.restart() == 0);
  const auto second = register_customer(server, demo);
  const json t2 = approved_card_payment(server, demo, 2, "1.00", second.email);
  BOOST_TEST(second.id != first.id);
  BOOST_TEST(second.profile_id != first.profile_id);
  BOOST_TEST(t2.value("TransactionId", "") > t1.value("TransactionId", ""));
}

BOOST_AUTO_TEST_CASE(registered_client_credentials_survive_a_restart) {
  const auto pending = register_client(server);
  BOOST_TEST(server.restart() == 0);
  // The pending registration and its code survived.
  const auto active = activate_client(server, pending);
  BOOST_TEST(server.restart() == 0);
  const auto reply = server.post("/api/v1/customer/register", envelope(active, customer_request(unique_email())));
  BOOST_TEST(reply.code() == "00", reply.summary());
  const auto wrong = server.post("/api/v1/customer/register",
                                 envelope(Credentials{active.id, "0123456789abcdef0123456789abcdef"}, customer_request(unique_email())));
  BOOST_TEST(wrong.code() == "20", wrong.summary());
  // The outbox survived too.
  BOOST_TEST(server.outbox().size() >= 2u);
}

BOOST_AUTO_TEST_CASE(idempotent_replay_survives_a_restart) {
  const std::string email = unique_email();
  const json body = envelope(demo, card_payment_request(2, "33.00", email));
  const httplib::Headers key = {{"Idempotency-Key", "persist-" + unique_suffix()}};
  const auto first = server.post("/api/v1/payments/creditcard/charge", body, key);
  BOOST_TEST_REQUIRE(first.code() == "00", first.summary());
  BOOST_TEST(server.restart() == 0);
  const auto replay = server.post("/api/v1/payments/creditcard/charge", body, key);
  BOOST_TEST(replay.text == first.text);
  BOOST_TEST(replay.header("Idempotent-Replayed") == "true");
  BOOST_TEST(list_transactions(server, demo, email)["Transactions"].size() == 1u);
}

BOOST_AUTO_TEST_CASE(sigterm_stops_the_server_with_exit_code_0) {
  BOOST_TEST(server.healthy());
  const auto data = server.data_dir();
  BOOST_TEST(server.stop() == 0);
  BOOST_TEST(!server.running());
  BOOST_TEST(std::filesystem::exists(data / "payref.sqlite3"));
  // Stopping twice is harmless, and the server starts again on the same directory.
  BOOST_TEST(server.stop() == -1);
  server.start();
  BOOST_TEST(server.healthy());
}

BOOST_AUTO_TEST_SUITE_END()
