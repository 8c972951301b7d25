#include "payref/schedule.hpp"

#include <algorithm>

namespace payref {

namespace {

// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
long days_from_civil(CalendarDate d) {
  const int y = d.year - (d.month <= 2 ? 1 : 0);
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned mp = static_cast<unsigned>(d.month + (d.month > 2 ? -3 : 9));
  const unsigned doy = (153 * mp + 2) / 5 + static_cast<unsigned>(d.day) - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

CalendarDate civil_from_days(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long y = static_cast<long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return CalendarDate{static_cast<int>(y + (m <= 2 ? 1 : 0)), static_cast<int>(m), static_cast<int>(d)};
}

CalendarDate add_months_clamped(CalendarDate anchor, int months) {
  const int index = anchor.year * 12 + (anchor.month - 1) + months;
  const int year = index / 12;
  const int month = index % 12 + 1;
  return CalendarDate{year, month, std::min(anchor.day, days_in_month(year, month))};
}

}  // namespace

std::optional<Frequency> frequency_from_code(int code) {
  if (code < 0 || code > 4) return std::nullopt;
  return static_cast<Frequency>(code);
}



CalendarDate add_days(CalendarDate date, int days) { return civil_from_days(days_from_civil(date) + days); }

int days_between(CalendarDate from, CalendarDate to) { return static_cast<int>(days_from_civil(to) - days_from_civil(from)); }

CalendarDate nth_occurrence(CalendarDate anchor, Frequency frequency, int n) {
  switch (frequency) {
    case Frequency::daily: return add_days(anchor, n);
    case Frequency::weekly: return add_days(anchor, 7 * n);
    case Frequency::monthly: return add_months_clamped(anchor, n);
    case Frequency::quarterly: return add_months_clamped(anchor, 3 * n);
    case Frequency::annually: return add_months_clamped(anchor, 12 * n);
  }
  return anchor;
}

Result<ScheduleStart> start_schedule(CalendarDate start, CalendarDate today, Frequency frequency,
                                     std::optional<CalendarDate> end) {
  const auto order = start <=> today;
  if (order < 0)
    return Status::invalid("schedule.start_in_past", "StartDateTime", "the start date is in the past");
  const ScheduleStart s{start, order == 0 ? 1 : 0};
  if (end && *end < nth_occurrence(s.anchor, frequency, s.first_occurrence))
    return Status::invalid("schedule.end_before_first_payment", "EndDateTime", "the end date is before the first processing date");
  return s;
}

std::optional<int> next_occurrence_after(CalendarDate anchor, Frequency frequency, CalendarDate after,
                                         std::optional<CalendarDate> end) {
  // Jump close with a day estimate, then step: occurrences are monotonic in n.
  const long gap = days_from_civil(after) - days_from_civil(anchor);
  static constexpr int kDaysPer[] = {1, 7, 28, 89, 365};
  int n = gap > 0 ? static_cast<int>(gap / kDaysPer[static_cast<int>(frequency)]) - 1 : 0;
  if (n < 0) n = 0;
  while (n > 0 && nth_occurrence(anchor, frequency, n) > after) --n;
  while (nth_occurrence(anchor, frequency, n) <= after) ++n;
  if (end && nth_occurrence(anchor, frequency, n) > *end) return std::nullopt;
  return n;
}

}  // namespace payref
