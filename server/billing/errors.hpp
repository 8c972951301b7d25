// The billing family's error vocabulary and its one error type (docs/billing.md "Errors").
//
// Every failure of a billing request, from a missing password to a bug, leaves as a BillingError:
// an HTTP status and one or more problems {code, field, reason, message}. render.hpp writes it as
// {"errors":[...]} or <errors><error .../></errors>, whichever the client's Accept asks for.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "payref/status.hpp"

namespace payref::billing {

namespace code {
inline constexpr std::string_view validation = "validation_error";            // 400
inline constexpr std::string_view unauthorized = "unauthorized";              // 401
inline constexpr std::string_view forbidden = "forbidden";                    // 403 (a cross-origin page, http/cors.hpp)
inline constexpr std::string_view not_found = "not_found";                    // 404
inline constexpr std::string_view method_not_allowed = "method_not_allowed";  // 405
inline constexpr std::string_view duplicate = "duplicate";                    // 409
inline constexpr std::string_view too_large = "request_too_large";           // 413, 414, 431 (the HTTP layer's limits)
inline constexpr std::string_view unsupported_media_type = "unsupported_media_type";  // 415
inline constexpr std::string_view internal = "internal_error";                // 500
}  // namespace code

struct Problem {
  std::string code;     // one of code::*
  std::string field;    // the request field or parameter concerned; "" when none
  std::string reason;   // stable machine reason ("text.too_long", "field.unknown"); "" when none
  std::string message;  // for people; never echoes the client's input
};

struct BillingError {
  int http_status = 400;
  std::vector<Problem> problems;
  std::string allow;  // the Allow header of a 405
};

// Collects validation problems so that one answer names every bad field.
class Problems {
 public:
  void add(std::string field, std::string reason, std::string message) {
    list_.push_back(Problem{std::string(code::validation), std::move(field), std::move(reason), std::move(message)});
  }
  // An sdk Status for `field` (its reason, and a message naming the field).
  void add(const Status& status, const std::string& field);
  bool empty() const { return list_.empty(); }
  bool has(const std::string& field) const;
  // Throws a 400 BillingError with everything collected, if anything was.
  void throw_if_any() const;

 private:
  std::vector<Problem> list_;
};

[[noreturn]] void fail(int http_status, std::string_view code, std::string message, std::string field = {},
                       std::string reason = {});
[[noreturn]] void fail_validation(std::string field, std::string reason, std::string message);

}  // namespace payref::billing
