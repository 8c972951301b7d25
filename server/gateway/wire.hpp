// The gateway family's wire format (seed 000, api-notes "Global wire conventions"): responses are
// {"Message": {"Code", "Description"}, "Response": ...} with "00" for success; model-binding
// failures are HTTP 400 with the ASP.NET Web API body {"Message", "ModelState"}. Every Message.Code
// payref uses is listed in docs/gateway.md; this file is the one place that defines them.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "payref/status.hpp"
#include "sim/processor.hpp"

namespace payref::gateway {

namespace code {
inline constexpr std::string_view ok = "00";
inline constexpr std::string_view validation = "05";       // a field is missing or invalid
inline constexpr std::string_view not_found = "10";        // no such customer, profile, transaction
inline constexpr std::string_view authentication = "20";   // Id/Key wrong, or the client is not active
inline constexpr std::string_view invalid_state = "30";    // void after settle, activation twice, ...
inline constexpr std::string_view duplicate = "40";        // TransactionReference or e-mail already used
inline constexpr std::string_view idempotency_conflict = "41";  // same Idempotency-Key, different body
inline constexpr std::string_view declined = "51";
inline constexpr std::string_view insufficient_funds = "52";
inline constexpr std::string_view expired_card = "53";
inline constexpr std::string_view cvv_mismatch = "54";
inline constexpr std::string_view lost_or_stolen = "55";
inline constexpr std::string_view processor_error = "91";  // simulated acquirer outage: retry
inline constexpr std::string_view internal = "96";
}  // namespace code

struct Reply {
  int http_status = 200;
  nlohmann::json body;
  // When set, sent instead of body.dump(): read-only list replies assembled from stored summaries
  // (never for calls with an Idempotency-Key, whose replay stores `body`).
  std::string raw;
};

// Thrown inside a service to answer with a non-success Message; the route adapter renders it.
// Services throw before they write: the adapter rolls the transaction back either way.
struct GatewayError {
  std::string code;
  std::string description;
  int http_status = 200;
  nlohmann::json model_state;  // set for HTTP 400 model-binding failures
};

[[noreturn]] void fail(std::string_view code, std::string description);
// An sdk Status as a Message: invalid_argument → 05, not_found → 10, unauthenticated /
// permission_denied → 20, failed_precondition → 30, already_exists → 40, others → 96.
[[noreturn]] void fail(const Status& status, std::string_view field_path);
// HTTP 400 {"Message":"The request is invalid.","ModelState":{"<key>":["<text>"]}}.
[[noreturn]] void fail_model(const std::string& key, const std::string& text);

Reply success(std::string description, nlohmann::json response = nullptr);
Reply render(const GatewayError& error);
std::string_view code_for(sim::Outcome outcome);
std::string description_for(sim::Outcome outcome);

}  // namespace payref::gateway
