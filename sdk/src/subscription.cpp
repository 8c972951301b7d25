#include "payref/subscription.hpp"

#include <array>
#include <utility>

#include "payref/schedule.hpp"

namespace payref {

namespace {

constexpr std::array<std::pair<std::string_view, IntervalUnit>, 4> kUnits = {
    {{"Day", IntervalUnit::day}, {"Week", IntervalUnit::week}, {"Month", IntervalUnit::month}, {"Year", IntervalUnit::year}}};

constexpr std::array<std::pair<std::string_view, SubscriptionState>, 6> kStates = {{{"NotSet", SubscriptionState::not_set},
                                                                                    {"Pending", SubscriptionState::pending},
                                                                                    {"Active", SubscriptionState::active},
                                                                                    {"Suspended", SubscriptionState::suspended},
                                                                                    {"Cancelled", SubscriptionState::cancelled},
                                                                                    {"Completed", SubscriptionState::completed}}};

bool is_month_end(CalendarDate d) { return d.day == days_in_month(d.year, d.month); }

long month_index(CalendarDate d) { return static_cast<long>(d.year) * 12 + (d.month - 1); }

// anchor + months, clamped to the month's end; nullopt past year 9999.
std::optional<CalendarDate> add_months(CalendarDate anchor, long months, bool to_month_end = false) {
  const long index = month_index(anchor) + months;
  if (index < 0 || index / 12 > 9999) return std::nullopt;
  const int year = static_cast<int>(index / 12), month = static_cast<int>(index % 12) + 1;
  const int last = days_in_month(year, month);
  return CalendarDate{year, month, to_month_end || anchor.day > last ? last : anchor.day};
}

std::optional<CalendarDate> add_days_checked(CalendarDate anchor, long days) {
  if (days > 3'700'000) return std::nullopt;
  const CalendarDate d = add_days(anchor, static_cast<int>(days));
  if (d.year > 9999) return std::nullopt;
  return d;
}

}  // namespace

std::optional<IntervalUnit> interval_unit_from_name(std::string_view name) {
  for (const auto& [n, u] : kUnits)
    if (n == name) return u;
  return std::nullopt;
}

std::string_view interval_unit_name(IntervalUnit unit) {
  for (const auto& [n, u] : kUnits)
    if (u == unit) return n;
  return "NotSet";
}

std::optional<SubscriptionState> subscription_state_from_name(std::string_view name) {
  for (const auto& [n, s] : kStates)
    if (n == name) return s;
  return std::nullopt;
}

std::string_view subscription_state_name(SubscriptionState state) {
  for (const auto& [n, s] : kStates)
    if (s == state) return n;
  return "NotSet";
}

std::optional<CalendarDate> subscription_invoice_date(CalendarDate anchor, IntervalUnit unit, int length, int n) {
  if (n < 0 || length < 1) return std::nullopt;
  const long steps = static_cast<long>(length) * n;
  switch (unit) {
    case IntervalUnit::day: return add_days_checked(anchor, steps);
    case IntervalUnit::week: return add_days_checked(anchor, 7 * steps);
    case IntervalUnit::month: return add_months(anchor, steps);
    case IntervalUnit::year: return add_months(anchor, 12 * steps);
  }
  return std::nullopt;
}

Status validate_subscription_plan(const SubscriptionPlan& plan, CalendarDate today) {
  if (plan.interval_length < 1 || plan.interval_length > kMaxIntervalLength)
    return Status::invalid("subscription.interval_length_invalid", "IntervalLength", "must be a whole number from 1 to 999");
  if (plan.interval_count < 1 || plan.interval_count > kMaxIntervalCount)
    return Status::invalid("subscription.interval_count_invalid", "IntervalCount", "must be a whole number from 1 to 9999");
  if (plan.total_trial_invoices < 0 || plan.total_trial_invoices > plan.interval_count)
    return Status::invalid("subscription.trial_invoices_invalid", "TotalTrialInvoices",
                           "must be a whole number from 0 to IntervalCount");
  if (plan.next_processing <= today)
    return Status::invalid("subscription.next_processing_not_future", "NextProcessingDate", "must be after today");
  if (plan.next_processing < plan.start)
    return Status::invalid("subscription.next_processing_before_start", "NextProcessingDate", "must not be before StartDate");
  if (plan.end && *plan.end < plan.next_processing)
    return Status::invalid("subscription.end_before_next_processing", "EndDate", "must not be before NextProcessingDate");
  return Status::ok();
}

Status check_state_change(SubscriptionState from, SubscriptionState to) {
  using S = SubscriptionState;
  if (to == S::not_set) return Status::invalid("subscription.state_not_set", "SubscriptionState", "NotSet is not a state to set");
  const bool allowed = (from == S::active && to == S::suspended) || (from == S::suspended && to == S::active) ||
                       (to == S::cancelled && (from == S::pending || from == S::active || from == S::suspended));
  if (allowed) return Status::ok();
  std::string why = "a " + std::string(subscription_state_name(from)) + " subscription cannot become " +
                    std::string(subscription_state_name(to));
  if (from == S::pending && to == S::active) why += " (it becomes Active with its first successful invoice)";
  else if (from == S::cancelled || from == S::completed) why += " (" + std::string(subscription_state_name(from)) + " is final)";
  return Status(StatusCode::failed_precondition, "subscription.transition_refused", "SubscriptionState", why);
}

bool can_invoice(SubscriptionState state) { return state == SubscriptionState::pending || state == SubscriptionState::active; }

bool is_trial_invoice(int trial_invoices_made, int total_trial_invoices) { return trial_invoices_made < total_trial_invoices; }

CalendarDate term_end(CalendarDate start, CalendarDate end, int renewals) {
  if (renewals <= 0) return end;
  const bool by_months = start.day == end.day || (is_month_end(start) && is_month_end(end));
  if (by_months) {
    const long span = month_index(end) - month_index(start);
    if (auto d = add_months(end, span * renewals, is_month_end(start) && is_month_end(end))) return *d;
    return CalendarDate{9999, 12, 31};
  }
  const long span = days_between(start, end);
  if (auto d = add_days_checked(end, span * renewals)) return *d;
  return CalendarDate{9999, 12, 31};
}

NextInvoice next_invoice(const SubscriptionPlan& plan, int occurrence, int invoices_made, int renewals) {
  NextInvoice out{false, occurrence, plan.next_processing, renewals};
  if (invoices_made >= plan.interval_count) {
    out.completed = true;
    return out;
  }
  const auto date = subscription_invoice_date(plan.next_processing, plan.unit, plan.interval_length, occurrence);
  if (!date) {
    out.completed = true;
    return out;
  }
  out.date = *date;
  if (plan.end) {
    if (*date > term_end(plan.start, *plan.end, renewals) && !plan.auto_renew) {
      out.completed = true;
      return out;
    }
    // A span of zero days never moves the end: renewing cannot reach the date, so it completes.
    if (*plan.end <= plan.start && *date > *plan.end) {
      out.completed = true;
      return out;
    }
    while (*date > term_end(plan.start, *plan.end, out.renewals)) ++out.renewals;
  }
  return out;
}

int first_occurrence_after(CalendarDate anchor, IntervalUnit unit, int length, CalendarDate today) {
  int n = 0;
  // A rough jump first (days elapsed / days per step), then step: at most a few iterations.
  const int elapsed = days_between(anchor, today);
  if (elapsed > 0) {
    const int per_step = unit == IntervalUnit::day ? length : unit == IntervalUnit::week ? 7 * length
                         : unit == IntervalUnit::month ? 31 * length : 366 * length;
    n = elapsed / per_step;
  }
  while (true) {
    const auto d = subscription_invoice_date(anchor, unit, length, n);
    if (!d || *d > today) return n;
    ++n;
  }
}

}  // namespace payref
