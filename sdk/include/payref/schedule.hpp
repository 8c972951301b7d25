// Recurring schedules (seed 000 RecurringPayments; api-notes "Business rules"): frequencies,
// occurrence dates with month-end clamping, and the seed's rule that a payment starting today
// first runs one interval later. Pure date arithmetic: callers pass "today".
#pragma once

#include <optional>

#include "payref/calendar.hpp"
#include "payref/status.hpp"

namespace payref {

// The seed's Recurring.Frequency codes.
enum class Frequency { daily = 0, weekly = 1, monthly = 2, quarterly = 3, annually = 4 };

// 0–4 → a Frequency; nullopt otherwise.
std::optional<Frequency> frequency_from_code(int code);

CalendarDate add_days(CalendarDate date, int days);
// Whole days from `from` to `to` (negative when `to` is earlier).
int days_between(CalendarDate from, CalendarDate to);

// The n-th occurrence of a schedule anchored at `anchor` (n = 0 is the anchor itself). Months are
// counted from the anchor and clamped to the month's end, so a short month does not shift later
// ones: Jan 31 monthly → Feb 28 (29 in leap years), Mar 31, Apr 30.
CalendarDate nth_occurrence(CalendarDate anchor, Frequency frequency, int n);

// Where a new schedule starts: its anchor and the occurrence index of its first processing date.
struct ScheduleStart {
  CalendarDate anchor;
  int first_occurrence = 0;
};

// The seed's rule: a schedule cannot run on the day it is created, so a start of today first runs
// one interval later (occurrence 1); a future start runs on that date (occurrence 0). A start in
// the past is refused (schedule.start_in_past), and so is an end before the first processing date
// (schedule.end_before_first_payment).
Result<ScheduleStart> start_schedule(CalendarDate start, CalendarDate today, Frequency frequency,
                                     std::optional<CalendarDate> end = std::nullopt);

// The first occurrence strictly after `after` (resuming a suspended schedule skips the dates that
// passed while it was suspended); nullopt when it would fall after `end`.
std::optional<int> next_occurrence_after(CalendarDate anchor, Frequency frequency, CalendarDate after,
                                         std::optional<CalendarDate> end = std::nullopt);

}  // namespace payref
