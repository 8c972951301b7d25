#include "gateway/wire.hpp"

namespace payref::gateway {

namespace {
nlohmann::json envelope(std::string_view code, const std::string& description, nlohmann::json response) {
  return {{"Message", {{"Code", code}, {"Description", description}}}, {"Response", std::move(response)}};
}
}  // namespace

void fail(std::string_view code, std::string description) { throw GatewayError{std::string(code), std::move(description), 200, nullptr}; }

void fail(const Status& status, std::string_view field_path) {
  std::string_view c = code::internal;
  switch (status.code()) {
    case StatusCode::invalid_argument: c = code::validation; break;
    case StatusCode::not_found: c = code::not_found; break;
    case StatusCode::unauthenticated:
    case StatusCode::permission_denied: c = code::authentication; break;
    case StatusCode::failed_precondition: c = code::invalid_state; break;
    case StatusCode::already_exists: c = code::duplicate; break;
    default: break;
  }
  std::string text(field_path);
  if (!text.empty()) text += ": ";
  text += status.message().empty() ? std::string("invalid") : status.message();
  if (!status.reason().empty()) text += " (" + status.reason() + ")";
  fail(c, std::move(text));
}

void fail_model(const std::string& key, const std::string& text) {
  GatewayError e{std::string(code::validation), "The request is invalid.", 400, nlohmann::json::object()};
  e.model_state[key] = nlohmann::json::array({text});
  throw e;
}

Reply success(std::string description, nlohmann::json response) {
  return Reply{200, envelope(code::ok, description, std::move(response)), {}};
}

Reply render(const GatewayError& error) {
  if (error.http_status == 400)
    return Reply{400, {{"Message", "The request is invalid."}, {"ModelState", error.model_state}}, {}};
  return Reply{error.http_status, envelope(error.code, error.description, nullptr), {}};
}

std::string_view code_for(sim::Outcome outcome) {
  switch (outcome) {
    case sim::Outcome::approved: return code::ok;
    case sim::Outcome::declined: return code::declined;
    case sim::Outcome::insufficient_funds: return code::insufficient_funds;
    case sim::Outcome::expired_card: return code::expired_card;
    case sim::Outcome::cvv_mismatch: return code::cvv_mismatch;
    case sim::Outcome::lost_or_stolen: return code::lost_or_stolen;
    case sim::Outcome::processor_error: return code::processor_error;
  }
  return code::internal;
}

std::string description_for(sim::Outcome outcome) {
  switch (outcome) {
    case sim::Outcome::approved: return "Approved.";
    case sim::Outcome::declined: return "Declined: do not honour.";
    case sim::Outcome::insufficient_funds: return "Declined: insufficient funds.";
    case sim::Outcome::expired_card: return "Declined: expired card.";
    case sim::Outcome::cvv_mismatch: return "Declined: the security code does not match.";
    case sim::Outcome::lost_or_stolen: return "Declined: the card is reported lost or stolen.";
    case sim::Outcome::processor_error: return "The processor could not be reached; nothing was charged. Retry later.";
  }
  return "Internal error.";
}

}  // namespace payref::gateway
