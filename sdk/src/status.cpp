#include "payref/status.hpp"

#include "payref/validation.hpp"

namespace payref {

std::string_view to_string(StatusCode code) {
  switch (code) {
    case StatusCode::ok: return "ok";
    case StatusCode::invalid_argument: return "invalid_argument";
    case StatusCode::not_found: return "not_found";
    case StatusCode::failed_precondition: return "failed_precondition";
    case StatusCode::already_exists: return "already_exists";
    case StatusCode::unauthenticated: return "unauthenticated";
    case StatusCode::permission_denied: return "permission_denied";
    case StatusCode::resource_exhausted: return "resource_exhausted";
    case StatusCode::internal: return "internal";
  }
  return "internal";
}

Status Validation::to_status(std::string_view field) const {
  if (is_valid) return Status::ok();
  // A value that is merely incomplete is still not acceptable on the server: the form is done.
  return Status::invalid(std::string(reason.empty() ? "field.invalid" : reason), std::string(field));
}

}  // namespace payref
