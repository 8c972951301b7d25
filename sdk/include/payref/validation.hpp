// The outcome shape every as-you-type validator returns.
//
// is_valid: the value is complete and acceptable.
// is_potentially_valid: the value is acceptable so far; typing more could make it valid.
// reason: a stable machine string with static storage ("card.too_short"); empty when valid.
#pragma once

#include <string_view>

#include "payref/status.hpp"

namespace payref {

struct Validation {
  bool is_valid = false;
  bool is_potentially_valid = false;
  std::string_view reason;

  static constexpr Validation valid() { return {true, true, {}}; }
  static constexpr Validation incomplete(std::string_view why) { return {false, true, why}; }
  static constexpr Validation invalid(std::string_view why) { return {false, false, why}; }

  // The server-side view: anything not valid is an invalid_argument on `field`.
  Status to_status(std::string_view field) const;
};

}  // namespace payref
