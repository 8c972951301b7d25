// Card data and credentials at rest and in logs (DESIGN.md "Card data"): after real traffic the
// data directory (payref.sqlite3, -wal, -shm, key files) and the server's stdout/stderr must not
// contain a full card number or a CVV; client keys are stored only as keyed hashes; the sandbox
// API needs the admin bearer token.
#include <boost/test/unit_test.hpp>

#include <sys/stat.h>

#include <fstream>
#include <regex>
#include <sstream>

#include "gateway_helpers.hpp"
#include "leak_search.hpp"

using namespace payref_test;
using nlohmann::json;

namespace {

json charge_request(const std::string& email, const json& card_json, const std::string& amount = "60.00") {
  return card_payment_request(2, amount, email, card_json);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(security_tests)

BOOST_AUTO_TEST_CASE(card_numbers_and_cvvs_never_reach_disk_or_logs) {
  // Debug logging: the server then logs request bodies (redacted), the riskiest setting.
  ServerProcess server(ServerProcess::Options{"debug", {}});
  const auto demo = server.demo_credentials();
  struct Secret {
    std::string pan, cvv;
  };
  const std::vector<Secret> secrets = {
      {kVisa2, "739"}, {kAmex, "7319"}, {kMastercard, "852"}, {"4000000000000002", "641"}, {"6011111111111117", "583"}};
  std::vector<HttpReply> replies;

  const std::string email = unique_email();
  replies.push_back(server.post("/api/v1/customer/register", envelope(demo, customer_request(email, card(secrets[0].pan, secrets[0].cvv)))));
  BOOST_TEST_REQUIRE(replies.back().code() == "00", replies.back().summary());
  const Customer c{replies.back().response()["CustomerProfileId"].get<std::string>(),
                   replies.back().response()["PaymentProfileId"].get<std::string>(), email};
  replies.push_back(server.post("/api/v1/customer/payments/register", envelope(demo, profile_request(c.id, card(secrets[1].pan, secrets[1].cvv)))));
  BOOST_TEST(replies.back().code() == "00", replies.back().summary());
  replies.push_back(server.post("/api/v1/customer/payments/update",
                                envelope(demo, {{"CustomerProfileId", c.id},
                                                {"PaymentProfileId", c.profile_id},
                                                {"Updates", {{"Card", {{"CVV", secrets[0].cvv}}}}}})));
  BOOST_TEST(replies.back().code() == "00", replies.back().summary());
  replies.push_back(server.post("/api/v1/payments/creditcard/charge", envelope(demo, charge_request(email, card(secrets[2].pan, secrets[2].cvv)))));
  BOOST_TEST(replies.back().code() == "00", replies.back().summary());
  const json charged = replies.back().response();
  replies.push_back(server.post("/api/v1/payments/creditcard/authorize",
                                envelope(demo, card_payment_request(1, "60.00", email, card(secrets[3].pan, secrets[3].cvv)))));
  BOOST_TEST(replies.back().code() == "51", replies.back().summary());
  // Spaced digits are still the card number.
  std::string spaced = secrets[4].pan.substr(0, 4) + " " + secrets[4].pan.substr(4, 4) + " " + secrets[4].pan.substr(8, 4) + " " +
                       secrets[4].pan.substr(12);
  replies.push_back(server.post("/api/v1/payments/creditcard/charge", envelope(demo, charge_request(email, card(spaced, secrets[4].cvv)))));
  BOOST_TEST(replies.back().code() == "00", replies.back().summary());
  replies.push_back(server.post("/api/v1/profiles/charge", envelope(demo, {{"CustomerProfileId", c.id},
                                                                          {"PaymentProfileId", c.profile_id},
                                                                          {"Amount", "60.00"},
                                                                          {"CurrencyCode", "USD"},
                                                                          {"Email", email},
                                                                          {"TransactionReference", unique_ref("sec")}})));
  BOOST_TEST(replies.back().code() == "00", replies.back().summary());
  replies.push_back(server.post("/api/v1/payments/creditcard/refund", envelope(demo, follow_up_request(3, charged, "10.00"))));
  BOOST_TEST(replies.back().code() == "00", replies.back().summary());
  // Refused calls with the secrets in them.
  replies.push_back(server.post("/api/v1/customer/register", envelope(demo, customer_request(email, card(secrets[0].pan, secrets[0].cvv)))));
  BOOST_TEST(replies.back().code() == "40");
  replies.push_back(server.post("/api/v1/payments/creditcard/charge",
                                envelope(demo, charge_request(email, card(secrets[2].pan, secrets[2].cvv, "01/20")))));
  BOOST_TEST(replies.back().code() == "05");
  replies.push_back(server.post("/api/v1/customer/profiles/full", envelope(demo, {{"Email", email}})));
  replies.push_back(server.post("/api/v1/transactions", envelope(demo, {{"Email", email}})));
  BOOST_TEST(replies.back().response()["Transactions"].size() == 5u, replies.back().summary());

  const auto check = [&](const std::string& where, const std::string& text, bool is_log) {
    const std::string scrubbed = is_log ? without_log_numbers(text) : text;
    for (const auto& s : secrets) {
      BOOST_TEST(text.find(s.pan) == std::string::npos, where << " contains the card number " << s.pan);
      BOOST_TEST(!contains_token(scrubbed, s.cvv), where << " contains the CVV " << s.cvv);
    }
    BOOST_TEST(text.find(spaced) == std::string::npos, where << " contains the spaced card number");
  };
  for (const auto& r : replies) check("a response", r.text, false);

  // While running: the database and its WAL hold the recent writes.
  const auto live = read_all_files(server.data_dir());
  BOOST_TEST(live.size() >= 3u);
  for (const auto& f : live) check("(running) " + f.name, f.bytes, false);

  BOOST_TEST(server.stop() == 0);
  const auto files = read_all_files(server.data_dir());
  bool saw_database = false;
  for (const auto& f : files) {
    saw_database = saw_database || f.name == "payref.sqlite3";
    check(f.name, f.bytes, false);
  }
  BOOST_TEST(saw_database);
  const std::string output = server.output();
  BOOST_TEST(output.find("body:") != std::string::npos, "debug logging did not log bodies; the log check proves nothing");
  check("the server's stdout/stderr", output, true);
}

BOOST_AUTO_TEST_CASE(cvv_sent_as_a_json_number_is_not_logged) {
  // The gateway takes a JSON number where a string is expected ("as ASP.NET's binder does"), so
  // {"CVV": 862} is a valid CVV; the debug body log must hide it like {"CVV": "862"}.
  ServerProcess server(ServerProcess::Options{"debug", {}});
  const auto demo = server.demo_credentials();
  json request = charge_request(unique_email(), card(kMastercard, "862"));
  request["Card"]["CVV"] = 862;
  const auto reply = server.post("/api/v1/payments/creditcard/charge", envelope(demo, request));
  BOOST_TEST(reply.code() == "00", reply.summary());
  BOOST_TEST(server.stop() == 0);
  const std::string output = without_log_numbers(server.output());
  BOOST_TEST(output.find("body:") != std::string::npos);
  BOOST_TEST(!contains_token(output, "862"), "the CVV 862 appears in the server log:\n" << output);
  BOOST_TEST(output.find(kMastercard) == std::string::npos);
}

BOOST_AUTO_TEST_CASE(database_does_not_contain_client_keys) {
  ServerProcess server;
  const auto demo = server.demo_credentials();
  BOOST_TEST_REQUIRE(demo.key.size() == 32u);
  // Use the key, so it certainly went through the store's code paths.
  register_customer(server, demo);
  BOOST_TEST(server.stop() == 0);
  for (const auto& f : read_all_files(server.data_dir()))
    BOOST_TEST(f.bytes.find(demo.key) == std::string::npos, f.name << " contains the demo merchant's plain API key");
}

BOOST_AUTO_TEST_CASE(data_directory_and_key_files_are_private) {
  ServerProcess server;
  struct stat st{};
  BOOST_TEST_REQUIRE(::stat(server.data_dir().c_str(), &st) == 0);
  BOOST_TEST((st.st_mode & 077) == 0u, "data directory mode " << std::oct << (st.st_mode & 0777));
  for (const char* file : {"card.key", "hash.key"}) {
    BOOST_TEST_REQUIRE(::stat((server.data_dir() / file).c_str(), &st) == 0, file);
    BOOST_TEST((st.st_mode & 077) == 0u, file << " mode " << std::oct << (st.st_mode & 0777));
  }
  // The two keys differ and are 256-bit hex.
  const auto files = read_all_files(server.data_dir());
  std::string card_key, hash_key;
  for (const auto& f : files) {
    if (f.name == "card.key") card_key = f.bytes;
    if (f.name == "hash.key") hash_key = f.bytes;
  }
  BOOST_TEST(card_key.size() >= 64u);
  BOOST_TEST(card_key != hash_key);
}

BOOST_AUTO_TEST_CASE(sandbox_api_requires_the_admin_bearer_token) {
  ServerProcess server;
  const std::vector<httplib::Headers> refused = {
      {},
      {{"Authorization", "Bearer wrong-token"}},
      {{"Authorization", "Bearer test-admi"}},
      {{"Authorization", "Bearer test-admin2"}},
      {{"Authorization", "bearer test-admin"}},
      {{"Authorization", "Basic dGVzdC1hZG1pbg=="}},
      {{"Authorization", "test-admin"}},
      {{"Authorization", "Bearer "}},
  };
  for (const auto& headers : refused) {
    const std::string shown = headers.empty() ? "<none>" : headers.begin()->second;
    BOOST_TEST_CONTEXT("Authorization: " << shown) {
      for (const char* path : {"/_sandbox/outbox", "/_sandbox/credentials"}) {
        const auto reply = server.get(path, {}, headers);
        BOOST_TEST(reply.status == 401, path << ": " << reply.summary());
        BOOST_TEST(reply.header("WWW-Authenticate").find("Bearer") == 0u, path);
        BOOST_TEST(reply.is_json());
        BOOST_TEST(reply.text.find("Key") == std::string::npos, reply.text);
      }
      const auto reset = server.post_raw("/_sandbox/reset", "", "application/json", headers);
      BOOST_TEST(reset.status == 401, reset.summary());
    }
  }
  // The right token works; reset keeps the demo credentials but drops the data.
  const auto demo = server.demo_credentials();
  const auto c = register_customer(server, demo);
  BOOST_TEST(server.admin_get("/_sandbox/outbox").status == 200);
  const auto reset = server.post_raw("/_sandbox/reset", "", "application/json", {{"Authorization", std::string("Bearer ") + kAdminToken}});
  BOOST_TEST_REQUIRE(reset.status == 200, reset.summary());
  BOOST_TEST(reset.body["reset"] == true);
  BOOST_TEST(reset.body["credentials"]["gateway"]["Authentication"]["Key"] == demo.key);
  const auto gone = server.get("/api/v1/customer", {{"Authentication.Id", demo.id}, {"Authentication.Key", demo.key}, {"Request.Email", c.email}});
  BOOST_TEST(gone.code() == "10", gone.summary());
}

BOOST_AUTO_TEST_SUITE_END()
