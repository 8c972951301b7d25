// The CMS family's one error renderer (seed 002, api-notes "Seed 002 (d)"): every fault and every
// validation failure is an ErrorResponse {ErrorId, HelpUrl, Messages, Operation, Reason,
// ValidationErrors}. The fault table (docs/cms.md "Errors") is defined here and nowhere else.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "payref/status.hpp"

namespace payref::cms {

enum class Fault {
  validation,        // 400, ErrorId 0: ValidationErrors lists each field
  invalid_token,     // 401, ErrorId 5005: no, malformed or unknown token (session or identity)
  expired_token,     // 401, ErrorId 5000: the session token is older than its 30 minutes
  not_found,         // 404, ErrorId 510: no such subscription for this merchant profile
  invalid_state,     // 409, ErrorId 520: a refused state change, update or invoice
  duplicate,         // 409, ErrorId 521: MerchantSubscriptionId already used by this merchant
  not_allowed,       // 405, ErrorId 530: the resource does not support the HTTP method
  internal,          // 500, ErrorId 9999: a bug; never caused by input
};

struct ValidationError {
  std::string rule_key;       // "Subscription.Amount": the field's path in the request
  std::string rule_location;  // the sdk's stable reason ("money.too_many_decimals")
  std::string message;        // "Property 'Amount' is required."
};

// Thrown by the CMS services; the route adapter renders it (the store transaction rolls back).
struct CmsError {
  Fault fault;
  std::string message;
  std::vector<ValidationError> validation_errors;
};

[[noreturn]] void fail(Fault fault, std::string message);
[[noreturn]] void fail_validation(std::vector<ValidationError> errors);
// An sdk Status: invalid_argument → validation on `rule_key`, failed_precondition → invalid_state,
// already_exists → duplicate, not_found → not_found, others → internal.
[[noreturn]] void fail(const Status& status, const std::string& rule_key);

struct Rendered {
  int http_status;
  nlohmann::ordered_json body;
};
// `operation`: "CreateSubscription", ...; `transaction_id`: this request's 32-hex id.
Rendered render(const CmsError& error, const std::string& operation, const std::string& transaction_id);

}  // namespace payref::cms
