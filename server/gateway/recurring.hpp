// Recurring payments (seed 000 "RecurringPayments"): schedules on a customer's stored payment
// profile, charged by the server when they fall due on its clock. State machine: Active
// —suspend→ Suspended —resume→ Active; Active —end date passed→ Completed; any —remove→ Removed.
// Dates follow sdk/schedule.hpp (a start of today first runs one interval later; month-end
// clamping); resuming skips the dates that passed while suspended.
#pragma once

#include <nlohmann/json.hpp>

#include "gateway/context.hpp"
#include "gateway/wire.hpp"

namespace payref::gateway {

inline constexpr const char* kRecurring = "recurring";

Reply register_recurring(Call& call);  // POST recurringpayments/register
Reply suspend_recurring(Call& call);   // POST recurringpayments/suspend
Reply resume_recurring(Call& call);    // POST recurringpayments/resume
Reply remove_recurring(Call& call);    // POST recurringpayments/remove
Reply list_recurring(Call& call);      // GET recurringpayments/list

// Charges every active schedule of every client due on or before the clock's current day, in
// due-date order, each attempt recorded as a transaction (declines too). Appends one entry per
// charge to `ran` (at most `max_listed`) and returns how many charges ran.
std::size_t run_due_recurring(const Services& services, nlohmann::json& ran, std::size_t max_listed);

}  // namespace payref::gateway
