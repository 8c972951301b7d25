#include "gateway_helpers.hpp"

#include <unistd.h>

#include <atomic>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <ctime>

namespace payref_test {

std::string unique_suffix() {
  static std::atomic<int> counter{0};
  static const long long start =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count() %
      100000000;
  return std::to_string(::getpid()) + "x" + std::to_string(start) + "x" + std::to_string(++counter);
}

std::string unique_ref(const std::string& prefix) { return prefix + "-" + unique_suffix(); }

std::string unique_email(const std::string& prefix) { return prefix + "." + unique_suffix() + "@example.com"; }

std::string future_expiry() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char out[8];
  std::snprintf(out, sizeof out, "12/%02d", (utc.tm_year + 1900 + 2) % 100);
  return out;
}

nlohmann::json card(const std::string& number, const std::string& cvv, const std::string& expiry) {
  return {{"CardNumber", number}, {"ExpiryDate", expiry}, {"CVV", cvv}};
}

nlohmann::json name(const std::string& first, const std::string& last) {
  return {{"FirstName", first}, {"LastName", last}, {"MiddleName", ""}, {"CompanyName", "Analytical Engines"}};
}

nlohmann::json address() {
  return {{"HouseNumber", "12"}, {"Street", "Main Street"}, {"City", "New York"},
          {"State", "NY"},       {"Zip", "10001"},         {"Country", "USA"}};
}

nlohmann::json envelope(const Credentials& who, const nlohmann::json& request) {
  return {{"Authentication", who.json()}, {"Request", request}};
}

nlohmann::json customer_request(const std::string& email, const nlohmann::json& card_json) {
  return {{"Email", email}, {"Card", card_json}, {"Name", name()}, {"BillingAddress", address()}, {"Authorizer", "Sierra"}};
}

nlohmann::json profile_request(const std::string& customer_id, const nlohmann::json& card_json) {
  return {{"CustomerProfileId", customer_id},
          {"Card", card_json},
          {"Name", name()},
          {"BillingAddress", address()},
          {"Authorizer", "Sierra"},
          {"RegistrationDateTime", "2026-01-02 03:04:05"}};
}

nlohmann::json card_payment_request(int type, const std::string& amount, const std::string& email, const nlohmann::json& card_json,
                                    const std::string& reference) {
  return {{"TransactionType", std::to_string(type)},
          {"Card", card_json},
          {"Name", name()},
          {"BillingAddress", address()},
          {"Amount", amount},
          {"CurrencyCode", "USD"},
          {"CaptureMethod", "3"},
          {"TransactionReference", reference},
          {"TransactionDateTime", "2026-01-02 03:04:05"},
          {"Email", email},
          {"Authorizer", "Sierra"}};
}

nlohmann::json follow_up_request(int type, const nlohmann::json& original, const std::string& amount) {
  nlohmann::json r = {{"TransactionType", std::to_string(type)},
                      {"TransactionId", original.at("TransactionId")},
                      {"AuthCode", original.at("AuthCode")},
                      {"Amount", amount},
                      {"CurrencyCode", original.at("CurrencyCode")},
                      {"OriginalTransactionReference", original.at("TransactionReference")},
                      {"OriginalTransactionDateTime", original.at("TransactionDateTime")},
                      {"TransactionDateTime", "2026-01-03 03:04:05"},
                      {"Reason", "test"}};
  if (type == 3) r["TransactionReference"] = unique_ref("refund");
  return r;
}

nlohmann::json bank_request(int type, const std::string& amount, const std::string& account, const std::string& email) {
  return {{"TransactionType", std::to_string(type)},
          {"AccountHolderName", "Ada Lovelace"},
          {"RoutingNumber", kRouting},
          {"BankAccountNumber", account},
          {"Amount", amount},
          {"CurrencyCode", "USD"},
          {"Description", "invoice 42"},
          {"TransactionDateTime", "2026-01-02 03:04:05"},
          {"TransactionReference", unique_ref("bank")},
          {"Email", email},
          {"Authorizer", "Sierra"}};
}

Customer register_customer(const ServerProcess& server, const Credentials& who, const std::string& email,
                           const nlohmann::json& card_json) {
  const auto reply = server.post("/api/v1/customer/register", envelope(who, customer_request(email, card_json)));
  BOOST_TEST_REQUIRE(reply.code() == "00", "customer/register: " << reply.summary());
  return Customer{reply.response().at("CustomerProfileId").get<std::string>(),
                  reply.response().at("PaymentProfileId").get<std::string>(), email};
}

std::string add_profile(const ServerProcess& server, const Credentials& who, const std::string& customer_id,
                        const nlohmann::json& card_json, bool make_default) {
  auto request = profile_request(customer_id, card_json);
  if (make_default) request["DefaultPayment"] = "True";
  const auto reply = server.post("/api/v1/customer/payments/register", envelope(who, request));
  BOOST_TEST_REQUIRE(reply.code() == "00", "customer/payments/register: " << reply.summary());
  return reply.response().at("PaymentProfileId").get<std::string>();
}

nlohmann::json approved_card_payment(const ServerProcess& server, const Credentials& who, int type, const std::string& amount,
                                     const std::string& email, const nlohmann::json& card_json) {
  const std::string path = type == 1 ? "/api/v1/payments/creditcard/authorize" : "/api/v1/payments/creditcard/charge";
  const auto reply = server.post(path, envelope(who, card_payment_request(type, amount, email, card_json)));
  BOOST_TEST_REQUIRE(reply.code() == "00", path << ": " << reply.summary());
  return reply.response();
}

nlohmann::json list_transactions(const ServerProcess& server, const Credentials& who, const std::string& email, int page_size,
                                 int page_number) {
  nlohmann::json request = {{"Email", email}};
  if (page_size > 0) request["PageSize"] = std::to_string(page_size);
  if (page_number > 0) request["PageNumber"] = std::to_string(page_number);
  const auto reply = server.post("/api/v1/transactions", envelope(who, request));
  BOOST_TEST_REQUIRE(reply.code() == "00", "transactions: " << reply.summary());
  return reply.response();
}

nlohmann::json client_registration(const std::string& email) {
  return {{"EmailAddress", email}, {"FirstName", "Grace"},         {"LastName", "Hopper"},
          {"Company", "COBOL Ltd"}, {"ApplicationName", "Checkout"}, {"CountryCode", "USA"}};
}

namespace {
// "Label: value" from a mail body.
std::string mail_field(const std::string& body, const std::string& label) {
  const auto at = body.find(label + ": ");
  if (at == std::string::npos) return {};
  const auto start = at + label.size() + 2;
  const auto end = body.find('\n', start);
  return body.substr(start, end == std::string::npos ? std::string::npos : end - start);
}
}  // namespace

PendingClient register_client(const ServerProcess& server, const std::string& email) {
  const auto reply = server.post("/api/v1/client/register", client_registration(email));
  BOOST_TEST_REQUIRE(reply.code() == "00", "client/register: " << reply.summary());
  const auto outbox = server.outbox();
  BOOST_TEST_REQUIRE(!outbox.empty());
  const auto& mail = outbox.front();  // newest first
  BOOST_TEST_REQUIRE(mail.value("to", "") == email);
  BOOST_TEST_REQUIRE(mail["code"].is_string());
  PendingClient pending{mail_field(mail.value("body", ""), "Client Id"), mail["code"].get<std::string>(), email};
  BOOST_TEST_REQUIRE(pending.id.size() == 9u);
  return pending;
}

Credentials activate_client(const ServerProcess& server, const PendingClient& pending) {
  const auto reply =
      server.post("/api/v1/client/activation", {{"Authentication", {{"Id", pending.id}, {"Key", pending.activation_code}}}});
  BOOST_TEST_REQUIRE(reply.code() == "00", "client/activation: " << reply.summary());
  const auto outbox = server.outbox();
  BOOST_TEST_REQUIRE(!outbox.empty());
  const auto& mail = outbox.front();
  BOOST_TEST_REQUIRE(mail.value("to", "") == pending.email);
  const std::string body = mail.value("body", "");
  BOOST_TEST_REQUIRE(mail_field(body, "Client Id") == pending.id);
  Credentials c{pending.id, mail_field(body, "Key")};
  BOOST_TEST_REQUIRE(!c.key.empty());
  return c;
}

Credentials register_active_client(const ServerProcess& server, const std::string& email) {
  return activate_client(server, register_client(server, email));
}

void check_envelope_rejections(const ServerProcess& server, const Credentials& who, const std::string& path,
                               const nlohmann::json& valid_request) {
  BOOST_TEST_CONTEXT("POST " << path) {
    // Malformed JSON: ASP.NET's model-binding answer.
    const auto bad_json = server.post_raw(path, R"({"Authentication": {"Id": "1", "Key": )");
    BOOST_TEST(bad_json.status == 400, bad_json.summary());
    BOOST_TEST(bad_json.is_json());
    if (bad_json.is_json()) {
      BOOST_TEST(bad_json.body.value("Message", "") == "The request is invalid.");
      BOOST_TEST(bad_json.body["ModelState"].is_object());
    }
    // No Authentication at all.
    const auto no_auth = server.post(path, {{"Request", valid_request}});
    BOOST_TEST(no_auth.status == 400, no_auth.summary());
    BOOST_TEST((no_auth.is_json() && no_auth.body["ModelState"].contains("model.Authentication")), no_auth.summary());
    // Authentication without a Key.
    const auto no_key = server.post(path, {{"Authentication", {{"Id", who.id}}}, {"Request", valid_request}});
    BOOST_TEST(no_key.status == 400, no_key.summary());
    BOOST_TEST((no_key.is_json() && no_key.body["ModelState"].contains("model.Authentication.Key")), no_key.summary());
    // The right Id with a wrong Key.
    const auto wrong_key = server.post(path, envelope(Credentials{who.id, "0123456789abcdef0123456789abcdef"}, valid_request));
    BOOST_TEST(wrong_key.status == 200, wrong_key.summary());
    BOOST_TEST(wrong_key.code() == "20", wrong_key.summary());
    BOOST_TEST(wrong_key.response().is_null());
    // An unknown client Id.
    const auto unknown = server.post(path, envelope(Credentials{"999999999", who.key}, valid_request));
    BOOST_TEST(unknown.code() == "20", unknown.summary());
  }
}

bool contains_token(const std::string& text, const std::string& token) {
  const auto alnum = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  for (auto at = text.find(token); at != std::string::npos; at = text.find(token, at + 1)) {
    const bool left_ok = at == 0 || !alnum(text[at - 1]);
    const bool right_ok = at + token.size() >= text.size() || !alnum(text[at + token.size()]);
    if (left_ok && right_ok) return true;
  }
  return false;
}

}  // namespace payref_test
