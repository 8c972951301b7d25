// The Customer object (seed 001, component 251; docs/billing.md "Customer"): its fields, how a
// create or modify request's fields are checked, and the stored form.
//
// Each field is checked with the sdk validator for its kind (validate_ascii, validate_email,
// validate_phone10, validate_country, validate_postal_code, parse_iso_date, ...) and a failure is
// reported with the field's name and the validator's reason; all bad fields of a request are
// reported together.
#pragma once

#include <nlohmann/json.hpp>
#include <span>
#include <string>

#include "billing/auth.hpp"
#include "payref/calendar.hpp"

namespace payref::billing {

inline constexpr const char* kCustomers = "billing_customer";

enum class Kind { text, integer, boolean };

struct FieldSpec {
  const char* name;
  Kind kind;
  std::size_t max_length;  // text: characters; 0 for other kinds
  bool required;
  bool create_only;  // may be sent on create; on modify only unchanged
  bool read_only;    // assigned by the system (id, createDate); on modify only unchanged
};

// Every Customer field, in the order responses list them.
std::span<const FieldSpec> customer_fields();

enum class Mode { create, modify };

// Checks `input` (the decoded request: JSON values or form strings) and applies it to `current`
// (the stored customer on modify; an empty object on create). Returns the new stored body; on
// create it has every field but `id`, `createDate` and a defaulted `code`, which the service
// assigns. Throws BillingError 400 listing every bad field.
nlohmann::json apply_customer_input(const nlohmann::json& input, const nlohmann::json& current, Mode mode,
                                    const ServiceUser& user, CalendarDate today);

}  // namespace payref::billing
