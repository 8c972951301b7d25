// The Customer object (seed 001, component 251; docs/billing.md "Customer"): its fields, how a
// create or modify request's fields are checked, and the stored form.
//
// The fields and each one's own rule are the sdk's (payref/billing_customer.hpp); here the request's
// JSON or form values are read by the field's kind, the rules of the whole record are applied
// (required fields, create-only and read-only ones, the postal code for the country), and every
// bad field of a request is reported together.
#pragma once

#include <nlohmann/json.hpp>
#include <span>
#include <string>

#include "billing/auth.hpp"
#include "payref/billing_customer.hpp"
#include "payref/calendar.hpp"

namespace payref::billing {

inline constexpr const char* kCustomers = "billing_customer";

enum class Mode { create, modify };

// Checks `input` (the decoded request: JSON values or form strings) and applies it to `current`
// (the stored customer on modify; an empty object on create). Returns the new stored body; on
// create it has every field but `id`, `createDate` and a defaulted `code`, which the service
// assigns. Throws BillingError 400 listing every bad field.
nlohmann::json apply_customer_input(const nlohmann::json& input, const nlohmann::json& current, Mode mode,
                                    const ServiceUser& user, CalendarDate today);

}  // namespace payref::billing
