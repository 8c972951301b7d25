// The financing family's one error format (seed 003, api-notes "Seed 003 (d)"): every refusal is
// {"url", "message", "error", "field_errors"} with the HTTP status the Flexiti docs give it (400
// OAuth, 401 token, 403 scope, 404 not found, 409 business rules and wrong inputs). OAuth refusals
// add "error_description" (= message) so OAuth client libraries read them too. Every `error`
// code payref uses is listed here and in docs/financing.md "Errors".
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "payref/status.hpp"

namespace payref::financing {

namespace error {
inline constexpr std::string_view wrong_inputs = "wrong_inputs";
inline constexpr std::string_view invalid_client = "invalid_client";
inline constexpr std::string_view invalid_request = "invalid_request";
inline constexpr std::string_view invalid_grant = "invalid_grant";
inline constexpr std::string_view invalid_role = "invalid_role";
inline constexpr std::string_view invalid_token = "invalid_token";
inline constexpr std::string_view insufficient_scope = "insufficient_scope";
inline constexpr std::string_view not_found = "not_found";
inline constexpr std::string_view user_not_able_to_purchase = "user_not_able_to_purchase";
inline constexpr std::string_view user_not_active = "user_not_active";
inline constexpr std::string_view sms_not_valid_phone = "sms_not_valid_phone";
inline constexpr std::string_view merchant_override_is_not_allowed = "merchant_override_is_not_allowed";
inline constexpr std::string_view regular_purchase_bypass_is_not_allowed = "regular_purchase_bypass_is_not_allowed";
inline constexpr std::string_view secret_answer_mismatch = "secret_answer_mismatch";
inline constexpr std::string_view tries_exceed = "tries_exceed";
inline constexpr std::string_view credit_exceeded = "credit_exceeded";
inline constexpr std::string_view auth_not_allowed = "auth_not_allowed";
inline constexpr std::string_view plan_term_not_set = "plan_term_not_set";
inline constexpr std::string_view plan_term_not_available = "plan_term_not_available";
inline constexpr std::string_view not_verified = "not_verified";
inline constexpr std::string_view vcc_account_mismatch = "vcc_account_mismatch";
inline constexpr std::string_view authorization_ended = "authorization_ended";
inline constexpr std::string_view auth_amount_exceeded = "auth_amount_exceeded";
inline constexpr std::string_view capture_amount_exceeded = "capture_amount_exceeded";
inline constexpr std::string_view return_date_exceeded = "return_date_exceeded";
inline constexpr std::string_view wrong_transaction_type = "wrong_transaction_type";
inline constexpr std::string_view invalid_transaction_type = "invalid_transaction_type";
inline constexpr std::string_view verification_code_required = "verification_code_required";
inline constexpr std::string_view wrong_verification_code = "wrong_verification_code";
inline constexpr std::string_view limit_payment_amount_24 = "limit_payment_amount_24";
inline constexpr std::string_view general_error = "general_error";
}  // namespace error

struct FieldError {
  std::string param;   // "amount", "financing_option.plan_id"
  std::string msg;     // a stable reason: "required", "must_be_a_number", "money.too_many_decimals"
  nlohmann::json value;  // what was sent (null when absent or secret)
};

// Thrown inside a service; the route adapter renders it with the request's url. Services throw
// before they write: the store transaction is rolled back either way.
struct FinancingError {
  int http_status = 409;
  std::string error;
  std::string message;
  std::vector<FieldError> field_errors;
  bool oauth = false;  // adds error_description
};

[[noreturn]] void fail(int http_status, std::string_view error, std::string message);
// 409 wrong_inputs "Some inputs are wrong!" with one field error.
[[noreturn]] void fail_field(std::string param, std::string msg, nlohmann::json value = nullptr);
// An sdk Status about `param`: invalid_argument → 409 wrong_inputs (msg = the reason); anything
// else (a bug, or an sdk piece not there yet) → 500 general_error.
[[noreturn]] void fail_status(const Status& status, const std::string& param, nlohmann::json value = nullptr);
// 409 with a business error code.
[[noreturn]] void refuse(std::string_view error, std::string message);

nlohmann::json render(const std::string& url, const FinancingError& e);

// A handler's answer. `error` is set when the refusal must commit what the handler wrote (a
// failed security answer is counted even though the call fails).
struct Reply {
  int http_status = 200;
  nlohmann::json body;
  std::optional<FinancingError> error;
};

// Money and rates on the wire: JSON numbers (number(18,2) and number(5,4)).
nlohmann::json money_json(std::int64_t cents);
nlohmann::json rate_json(int basis_points);

}  // namespace payref::financing
