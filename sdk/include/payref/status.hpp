// Status and Result<T>: the error vocabulary of the whole core (modelled on absl::Status).
//
// A Status carries a small fixed code, a stable machine reason such as "card.luhn_failed"
// (documented in docs/validation.md and never renamed), the field it concerns, and a human
// message. The core never throws: fallible functions return Status or Result<T>, and each API
// family renders a Status in its own wire format.
#pragma once

#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace payref {

enum class StatusCode {
  ok,
  invalid_argument,     // the caller sent something malformed
  not_found,            // the thing named does not exist (for this caller)
  failed_precondition,  // valid request, wrong state (void after settle, expired discount)
  already_exists,       // duplicate reference, email already registered
  unauthenticated,      // missing or wrong credentials
  permission_denied,    // authenticated, but not allowed
  resource_exhausted,   // limits, quotas, body too large
  internal,             // a bug or an environment failure; never caused by input
};

std::string_view to_string(StatusCode code);

class Status {
 public:
  Status() = default;  // ok
  Status(StatusCode code, std::string reason, std::string field = {}, std::string message = {})
      : code_(code), reason_(std::move(reason)), field_(std::move(field)), message_(std::move(message)) {}

  static Status ok() { return Status(); }
  static Status invalid(std::string reason, std::string field, std::string message = {}) {
    return Status(StatusCode::invalid_argument, std::move(reason), std::move(field), std::move(message));
  }

  bool is_ok() const { return code_ == StatusCode::ok; }
  explicit operator bool() const { return is_ok(); }
  StatusCode code() const { return code_; }
  const std::string& reason() const { return reason_; }
  const std::string& field() const { return field_; }
  const std::string& message() const { return message_; }

  friend bool operator==(const Status& a, const Status& b) {
    return a.code_ == b.code_ && a.reason_ == b.reason_ && a.field_ == b.field_;
  }

 private:
  StatusCode code_ = StatusCode::ok;
  std::string reason_;
  std::string field_;
  std::string message_;
};

// Either a value or a non-ok Status. Accessing the wrong alternative aborts: the wasm build
// has no working exceptions (TOOLCHAIN.md §2.3), so misuse must be loud, not undefined.
template <class T>
class Result {
 public:
  Result(T value) : data_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
  Result(Status status) : data_(std::move(status)) {  // NOLINT(google-explicit-constructor)
    if (std::get<Status>(data_).is_ok()) std::abort();  // an ok Status carries no value
  }

  bool is_ok() const { return std::holds_alternative<T>(data_); }
  explicit operator bool() const { return is_ok(); }

  const T& value() const& { return checked_value(); }
  T& value() & { return const_cast<T&>(checked_value()); }
  T&& value() && { return std::move(const_cast<T&>(checked_value())); }
  const T& operator*() const& { return value(); }
  const T* operator->() const { return &value(); }

  Status status() const { return is_ok() ? Status::ok() : std::get<Status>(data_); }

 private:
  const T& checked_value() const {
    if (!is_ok()) std::abort();
    return std::get<T>(data_);
  }
  std::variant<T, Status> data_;
};

}  // namespace payref
