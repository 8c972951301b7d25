// Request builders and multi-step flows over the gateway API (seed 000) for the server suites.
#pragma once

#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "server_process.hpp"

namespace payref_test {

// Test cards (sim/processor.cpp). Ordinary ones are approved unless an amount trigger applies.
inline constexpr const char* kVisa = "4242424242424242";
inline constexpr const char* kVisa2 = "4012888888881881";
inline constexpr const char* kMastercard = "5555555555554444";
inline constexpr const char* kAmex = "378282246310005";
inline constexpr const char* kLuhnFailing = "4242424242424241";
inline constexpr const char* kRouting = "021000021";  // a valid ABA routing number (JPMorgan Chase)

// Unique per process run: TransactionReferences, e-mail addresses.
std::string unique_suffix();
std::string unique_ref(const std::string& prefix = "ref");
std::string unique_email(const std::string& prefix = "buyer");

// A card expiry two years ahead of today's date, "MM/YY".
std::string future_expiry();

nlohmann::json card(const std::string& number = kVisa, const std::string& cvv = "123",
                    const std::string& expiry = future_expiry());
nlohmann::json name(const std::string& first = "Ada", const std::string& last = "Lovelace");
nlohmann::json address();  // a US billing address (Zip 10001)

// {"Authentication": {...}, "Request": request}
nlohmann::json envelope(const Credentials& who, const nlohmann::json& request);

// Request of customer/register (card profile).
nlohmann::json customer_request(const std::string& email, const nlohmann::json& card_json = card());
// Request of customer/payments/register (card profile) for a customer id.
nlohmann::json profile_request(const std::string& customer_id, const nlohmann::json& card_json = card());
// Request of creditcard/authorize (type 1) or charge (type 2).
nlohmann::json card_payment_request(int type, const std::string& amount, const std::string& email,
                                    const nlohmann::json& card_json = card(), const std::string& reference = unique_ref());
// Request of a follow-up call (settle 4, void 5, refund 3) quoting a payment's Response.
nlohmann::json follow_up_request(int type, const nlohmann::json& original, const std::string& amount);
// Request of b2b/transaction/debit (6) or credit (7).
nlohmann::json bank_request(int type, const std::string& amount, const std::string& account = "123456789",
                            const std::string& email = unique_email("merchant"));

struct Customer {
  std::string id, profile_id, email;
};

// customer/register; fails the test (BOOST_REQUIRE) unless it answers 00.
Customer register_customer(const ServerProcess& server, const Credentials& who, const std::string& email = unique_email(),
                           const nlohmann::json& card_json = card());
// customer/payments/register; returns the new PaymentProfileId.
std::string add_profile(const ServerProcess& server, const Credentials& who, const std::string& customer_id,
                        const nlohmann::json& card_json = card(), bool make_default = false);
// creditcard/charge or authorize that must be approved; returns the Response object.
nlohmann::json approved_card_payment(const ServerProcess& server, const Credentials& who, int type, const std::string& amount,
                                     const std::string& email, const nlohmann::json& card_json = card());
// POST api/v1/transactions: the Response object (must be 00).
nlohmann::json list_transactions(const ServerProcess& server, const Credentials& who, const std::string& email,
                                 int page_size = 0, int page_number = 0);

// A new gateway client through the two-factor flow: client/register → outbox code →
// client/activation → outbox credentials mail. Returns its Id and the Key from the mail.
struct PendingClient {
  std::string id, activation_code, email;
};
PendingClient register_client(const ServerProcess& server, const std::string& email = unique_email("client"));
Credentials activate_client(const ServerProcess& server, const PendingClient& pending);
Credentials register_active_client(const ServerProcess& server, const std::string& email = unique_email("client"));
nlohmann::json client_registration(const std::string& email);  // body of client/register

// The checks every enveloped endpoint shares: malformed JSON → HTTP 400 ModelState, a body
// without Authentication → HTTP 400 ModelState naming it, and a wrong Key → Message.Code "20".
void check_envelope_rejections(const ServerProcess& server, const Credentials& who, const std::string& path,
                               const nlohmann::json& valid_request);

// True when `text` contains `token` not adjacent to another letter or digit.
bool contains_token(const std::string& text, const std::string& token);

// Every server suite starts a fresh server on a fresh data directory per test case.
struct ServerFixture {
  ServerProcess server;
  Credentials demo;
  ServerFixture() : demo(server.demo_credentials()) {}
};

}  // namespace payref_test
