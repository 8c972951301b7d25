#include "billing/errors.hpp"

namespace payref::billing {

void Problems::add(const Status& status, const std::string& field) {
  const std::string reason = status.reason().empty() ? "field.invalid" : status.reason();
  add(field, reason, field + ": is not valid (" + (status.message().empty() ? reason : status.message()) + ")");
}

bool Problems::has(const std::string& field) const {
  for (const auto& p : list_)
    if (p.field == field) return true;
  return false;
}

void Problems::throw_if_any() const {
  if (!list_.empty()) throw BillingError{400, list_, {}};
}

void fail(int http_status, std::string_view code, std::string message, std::string field, std::string reason) {
  throw BillingError{http_status, {Problem{std::string(code), std::move(field), std::move(reason), std::move(message)}}, {}};
}

void fail_validation(std::string field, std::string reason, std::string message) {
  fail(400, code::validation, std::move(message), std::move(field), std::move(reason));
}

}  // namespace payref::billing
