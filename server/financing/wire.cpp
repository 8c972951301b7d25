#include "financing/wire.hpp"

namespace payref::financing {

void fail(int http_status, std::string_view error, std::string message) {
  throw FinancingError{http_status, std::string(error), std::move(message), {}, false};
}

void fail_field(std::string param, std::string msg, nlohmann::json value) {
  throw FinancingError{409, std::string(error::wrong_inputs), "Some inputs are wrong!",
                       {FieldError{std::move(param), std::move(msg), std::move(value)}}, false};
}

void fail_status(const Status& status, const std::string& param, nlohmann::json value) {
  if (status.code() == StatusCode::invalid_argument) fail_field(param, status.reason(), std::move(value));
  fail(500, error::general_error, "Internal error (" + status.reason() + "); the request was not applied.");
}

void refuse(std::string_view error, std::string message) { fail(409, error, std::move(message)); }

nlohmann::json render(const std::string& url, const FinancingError& e) {
  nlohmann::json fields = nlohmann::json::array();
  for (const auto& f : e.field_errors) fields.push_back({{"param", f.param}, {"msg", f.msg}, {"value", f.value}});
  nlohmann::json body{{"url", url}, {"message", e.message}, {"error", e.error}, {"field_errors", fields}};
  if (e.oauth) body["error_description"] = e.message;
  return body;
}

nlohmann::json money_json(std::int64_t cents) { return static_cast<double>(cents) / 100.0; }
nlohmann::json rate_json(int basis_points) { return static_cast<double>(basis_points) / 10000.0; }

}  // namespace payref::financing
