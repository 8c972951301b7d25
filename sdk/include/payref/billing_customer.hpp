// The billing family's Customer (seed 001, component 251; docs/billing.md "Customer"): its
// fields, and the rules for one field's value beyond its kind and length. Pure rules, shared by
// the server (server/billing/customer.cpp reads the request and applies the record's rules) and
// anything that wants to check a customer form before sending it.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "payref/calendar.hpp"
#include "payref/status.hpp"

namespace payref {

enum class CustomerFieldKind { text, integer, boolean };

struct CustomerField {
  std::string_view name;
  CustomerFieldKind kind;
  std::size_t max_length;  // text: characters after trimming; 0 for other kinds
  bool required;
  bool create_only;  // may be sent on create; on modify only unchanged
  bool read_only;    // assigned by the system (id, createDate); on modify only unchanged
};

// Every Customer field, in the order responses list them.
std::span<const CustomerField> customer_fields();
const CustomerField* find_customer_field(std::string_view name);

// A text field's value (trimmed, not empty, within its length) checked by the field's own rule;
// the value to store (a phone number as its ten digits), or a refusal whose message explains it
// without naming the field ("must be M or F"). Reasons: code.malformed, type.unknown,
// gender.unknown, license.malformed, license.state_malformed, date.malformed, date.in_future
// (birthDate after `today`), and the sdk validators' own for email, phone, cellPhone and
// countryCode. A field without a rule of its own is taken as it is.
Result<std::string> check_customer_text(std::string_view field, std::string_view text, CalendarDate today);

}  // namespace payref
