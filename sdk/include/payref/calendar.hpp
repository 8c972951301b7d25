// Calendar dates passed in by callers: the core never reads a clock (DESIGN.md, "Time").
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace payref {

struct CalendarDate {
  int year;   // 2026
  int month;  // 1..12
  int day;    // 1..31

  friend bool operator==(const CalendarDate&, const CalendarDate&) = default;
};

// Strict "YYYY-MM-DD" (a real Gregorian date, years 1900–9999); nullopt otherwise.
std::optional<CalendarDate> parse_iso_date(std::string_view text);
std::string to_iso_string(CalendarDate date);

}  // namespace payref
