// CMS subscriptions (seed 002, EVO Snap* CMS; docs/cms.md): interval units, the subscription state
// machine, the plan's date rules, trial invoices, and where the schedule goes after each invoice.
// Pure rules shared by the server and the browser SDK: callers pass "today".
#pragma once

#include <optional>
#include <string_view>

#include "payref/calendar.hpp"
#include "payref/status.hpp"

namespace payref {

// IntervalUnit on the wire: "Day", "Week", "Month", "Year" ("NotSet" is refused).
enum class IntervalUnit { day, week, month, year };
std::optional<IntervalUnit> interval_unit_from_name(std::string_view name);
std::string_view interval_unit_name(IntervalUnit unit);

// SubscriptionState on the wire. NotSet is the query wildcard, never a stored state.
enum class SubscriptionState { not_set, pending, active, suspended, cancelled, completed };
std::optional<SubscriptionState> subscription_state_from_name(std::string_view name);
std::string_view subscription_state_name(SubscriptionState state);

inline constexpr int kMaxIntervalLength = 999;
inline constexpr int kMaxIntervalCount = 9999;

// The invoice date n (n = 0 is the anchor, the first NextProcessingDate): the anchor plus n ×
// length units. Months and years count from the anchor and clamp to the month's end, so Jan 31
// monthly → Feb 28 (29), Mar 31, Apr 30. nullopt when the date would fall after year 9999.
std::optional<CalendarDate> subscription_invoice_date(CalendarDate anchor, IntervalUnit unit, int length, int n);

// The fields of a subscription that decide its schedule.
struct SubscriptionPlan {
  CalendarDate start;
  std::optional<CalendarDate> end;  // EndDate; none: no term end
  CalendarDate next_processing;     // the first invoice date (the anchor)
  IntervalUnit unit = IntervalUnit::month;
  int interval_length = 1;          // 1..kMaxIntervalLength
  int interval_count = 1;           // invoices in all, trial ones included: 1..kMaxIntervalCount
  int total_trial_invoices = 0;     // 0..interval_count
  bool auto_renew = false;
};

// Reasons (field): subscription.interval_length_invalid (IntervalLength),
// subscription.interval_count_invalid (IntervalCount), subscription.trial_invoices_invalid
// (TotalTrialInvoices), subscription.next_processing_not_future (NextProcessingDate: it must be
// after today), subscription.next_processing_before_start (NextProcessingDate),
// subscription.end_before_next_processing (EndDate).
Status validate_subscription_plan(const SubscriptionPlan& plan, CalendarDate today);

// A change through UpdateSubscriptionState. Allowed: Active → Suspended, Suspended → Active,
// Pending / Active / Suspended → Cancelled. NotSet → invalid_argument subscription.state_not_set;
// any other change → failed_precondition subscription.transition_refused (Pending becomes Active
// only through its first successful invoice; Cancelled and Completed are final).
Status check_state_change(SubscriptionState from, SubscriptionState to);

// Invoices may be made (by the clock or InvoiceSubscription) in Pending and Active only.
bool can_invoice(SubscriptionState state);

// The invoice about to be made is a trial invoice (it bills TrialAmount).
bool is_trial_invoice(int trial_invoices_made, int total_trial_invoices);

// The end of the term after `renewals` automatic renewals: each renewal adds the StartDate →
// EndDate span again, in whole months when both dates fall on the same day of the month (or
// both on a month's last day), otherwise in days.
CalendarDate term_end(CalendarDate start, CalendarDate end, int renewals);

// Where the schedule stands.
struct NextInvoice {
  bool completed = false;
  int occurrence = 0;        // the index of the next invoice date
  CalendarDate date{};       // its date (when not completed)
  int renewals = 0;          // automatic renewals so far
};
// The schedule when its next invoice would be occurrence `occurrence`, with `invoices_made`
// successful invoices so far. Completed when invoices_made has reached interval_count, when the
// date falls after the term end and auto_renew is off (with auto_renew the term renews as often as
// needed), or when the date would be past year 9999.
NextInvoice next_invoice(const SubscriptionPlan& plan, int occurrence, int invoices_made, int renewals);

// Resuming a suspended subscription skips the dates that passed: the first occurrence whose date
// is after `today`.
int first_occurrence_after(CalendarDate anchor, IntervalUnit unit, int length, CalendarDate today);

}  // namespace payref
