// Calendar dates passed in by callers: the core never reads a clock (DESIGN.md, "Time").
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace payref {

struct CalendarDate {
  int year;   // 2026
  int month;  // 1..12
  int day;    // 1..31

  // In calendar order (the members compare year, then month, then day).
  friend auto operator<=>(const CalendarDate&, const CalendarDate&) = default;
};

bool is_leap_year(int year);
int days_in_month(int year, int month);  // month 1..12

// Strict "YYYY-MM-DD" (a real Gregorian date, years 1900–9999); nullopt otherwise.
std::optional<CalendarDate> parse_iso_date(std::string_view text);
std::string to_iso_string(CalendarDate date);

}  // namespace payref
