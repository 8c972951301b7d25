// Calls of the financing family (seed 003, Flexiti POS API) for the server suite: OAuth tokens,
// bearer calls under /flexiti/pos-api/v2.5/client-id/{client_id}/, the sandbox clock.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "server_process.hpp"

namespace payref_test::fin {

inline constexpr const char* kBase = "/flexiti/pos-api/v2.5";
// Demo accounts (server/financing/demo_data.cpp, docs/financing.md "Demo accounts").
inline constexpr const char* kAda = "30000000000001";       // N, L, 5,000.00 available, plans 5 7 9 11
inline constexpr const char* kAdaVcc = "6048730000000001";
inline constexpr const char* kGrace = "30000000000002";     // N, M, QC
inline constexpr const char* kAlan = "30000000000003";      // N, H, 250.00 available
inline constexpr const char* kKatherine = "30000000000004"; // N, XH, business, no phone
inline constexpr const char* kEdsger = "30000000000005";    // N, XXH
inline constexpr const char* kBarbara = "30000000000006";   // N, XXXH
inline constexpr const char* kMargaret = "30000000000007";  // N, L, owes 18,000.00
inline constexpr const char* kCharles = "30000000000008";   // A (AAUT)
inline constexpr const char* kJohn = "30000000000009";      // F (FFRD)
inline constexpr const char* kDennis = "30000000000010";    // Z (ZCCO)
inline constexpr const char* kFrances = "30000000000011";   // C

struct Client {
  std::string id, secret;
};

// The demo merchant ("financing" in GET /_sandbox/credentials) and the second merchant.
Client demo_client(const ServerProcess& server);
Client second_client(const ServerProcess& server);

// POST oauth/token with a form body of the given fields.
HttpReply token_raw(const ServerProcess& server, const std::string& form, const std::string& content_type = "application/x-www-form-urlencoded");
HttpReply token_reply(const ServerProcess& server, const Client& client, const std::string& scope = "merchant");
// An access token (BOOST_REQUIRE 200).
std::string token(const ServerProcess& server, const Client& client, const std::string& scope = "merchant");

// A bearer call to {kBase}/client-id/{client_id}{suffix}.
HttpReply post(const ServerProcess& server, const std::string& client_id, const std::string& access_token, const std::string& suffix,
               const nlohmann::json& body);
HttpReply post_raw(const ServerProcess& server, const std::string& client_id, const std::string& access_token,
                   const std::string& suffix, const std::string& body);
HttpReply get(const ServerProcess& server, const std::string& client_id, const std::string& access_token, const std::string& suffix,
              const httplib::Params& params = {});

// POST /_sandbox/clock/advance (BOOST_REQUIRE 200).
void advance(const ServerProcess& server, const nlohmann::json& body);

// The financing error shape: exactly {url, message, error, field_errors} (plus error_description
// on OAuth answers) with this HTTP status and error code.
bool is_error(const HttpReply& reply, int status, const std::string& error);

// available_credit of an account by lookup (merchant token).
double available(const ServerProcess& server, const Client& client, const std::string& access_token, const std::string& account);

// A promotional or regular authorization request.
nlohmann::json auth_request(const std::string& account, double amount, bool auto_capture, int plan_id = 0, int term = 0);

}  // namespace payref_test::fin
