#include "cms/errors.hpp"

namespace payref::cms {

namespace {

struct FaultInfo {
  int http_status;
  int error_id;
  const char* reason;
};

FaultInfo info(Fault fault) {
  switch (fault) {
    case Fault::validation: return {400, 0, "Validation Errors Occurred"};
    case Fault::invalid_token: return {401, 5005, "Invalid Token"};
    case Fault::expired_token: return {401, 5000, "Expired Token"};
    case Fault::not_found: return {404, 510, "Subscription Not Found"};
    case Fault::invalid_state: return {409, 520, "Invalid Subscription State"};
    case Fault::duplicate: return {409, 521, "Duplicate Merchant Subscription Id"};
    case Fault::not_allowed: return {405, 530, "Method Not Allowed"};
    case Fault::internal: return {500, 9999, "Internal Error"};
  }
  return {500, 9999, "Internal Error"};
}

}  // namespace

void fail(Fault fault, std::string message) { throw CmsError{fault, std::move(message), {}}; }

void fail_validation(std::vector<ValidationError> errors) { throw CmsError{Fault::validation, {}, std::move(errors)}; }

void fail(const Status& status, const std::string& rule_key) {
  std::string text = status.message().empty() ? std::string("is invalid") : status.message();
  if (status.code() != StatusCode::invalid_argument && !text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
  switch (status.code()) {
    case StatusCode::invalid_argument:
      fail_validation({{rule_key, status.reason(), "Property '" + rule_key + "' " + text + "."}});
    case StatusCode::failed_precondition: fail(Fault::invalid_state, text + ".");
    case StatusCode::already_exists: fail(Fault::duplicate, text + ".");
    case StatusCode::not_found: fail(Fault::not_found, text + ".");
    default: fail(Fault::internal, text + ".");
  }
}

Rendered render(const CmsError& error, const std::string& operation, const std::string& transaction_id) {
  const FaultInfo f = info(error.fault);
  nlohmann::ordered_json messages = nlohmann::ordered_json::array();
  nlohmann::ordered_json validation = nlohmann::ordered_json::array();
  if (!error.message.empty()) messages.push_back(error.message);
  for (const auto& v : error.validation_errors) {
    messages.push_back(v.message);
    validation.push_back({{"RuleKey", v.rule_key},
                          {"RuleLocationKey", v.rule_location},
                          {"RuleMessage", v.message},
                          {"TransactionId", transaction_id}});
  }
  nlohmann::ordered_json body = {{"ErrorId", f.error_id},
                                 {"HelpUrl", "docs/cms.md#errors"},
                                 {"Messages", messages},
                                 {"Operation", operation},
                                 {"Reason", f.reason},
                                 {"ValidationErrors", validation}};
  return {f.http_status, std::move(body)};
}

}  // namespace payref::cms
