#include "sim/clock.hpp"

#include <cstdio>

namespace payref::sim {

namespace {

bool digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}

int number(std::string_view s) {
  int n = 0;
  for (char c : s) n = n * 10 + (c - '0');
  return n;
}

// "YYYY-MM-DD?HH:MM:SS" with `sep` at position 10.
std::optional<TimePoint> parse_with_separator(std::string_view t, char sep) {
  if (t.size() != 19 || t[4] != '-' || t[7] != '-' || t[10] != sep || t[13] != ':' || t[16] != ':') return std::nullopt;
  const std::string_view y = t.substr(0, 4), mo = t.substr(5, 2), d = t.substr(8, 2), h = t.substr(11, 2),
                         mi = t.substr(14, 2), s = t.substr(17, 2);
  if (!digits(y) || !digits(mo) || !digits(d) || !digits(h) || !digits(mi) || !digits(s)) return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year{number(y)}, std::chrono::month{static_cast<unsigned>(number(mo))},
                                         std::chrono::day{static_cast<unsigned>(number(d))}};
  if (!date.ok() || number(h) > 23 || number(mi) > 59 || number(s) > 59) return std::nullopt;
  return TimePoint{std::chrono::sys_days{date}.time_since_epoch()} + std::chrono::hours{number(h)} +
         std::chrono::minutes{number(mi)} + std::chrono::seconds{number(s)};
}

std::string format(TimePoint t, const char* pattern) {
  const auto day = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::year_month_day date{day};
  const std::chrono::hh_mm_ss time{t - day};
  char out[32];
  std::snprintf(out, sizeof out, pattern, static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                static_cast<unsigned>(date.day()), static_cast<int>(time.hours().count()),
                static_cast<int>(time.minutes().count()), static_cast<int>(time.seconds().count()));
  return out;
}

}  // namespace

TimePoint Clock::now() const {
  std::lock_guard lock(mutex_);
  if (frozen_) return *frozen_;
  return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()) + offset_;
}

bool Clock::is_frozen() const {
  std::lock_guard lock(mutex_);
  return frozen_.has_value();
}

bool Clock::advance_to(TimePoint to) {
  std::lock_guard lock(mutex_);
  if (frozen_) {
    if (to < *frozen_) return false;
    frozen_ = to;
    return true;
  }
  const auto real = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  if (to < real + offset_) return false;
  offset_ = to - real;
  return true;
}

CalendarDate calendar_date(TimePoint t) {
  const std::chrono::year_month_day date{std::chrono::floor<std::chrono::days>(t)};
  return CalendarDate{static_cast<int>(date.year()), static_cast<int>(static_cast<unsigned>(date.month())),
                      static_cast<int>(static_cast<unsigned>(date.day()))};
}

CalendarDate Clock::today() const { return calendar_date(now()); }

std::optional<TimePoint> parse_iso8601(std::string_view text) {
  if (!text.empty() && text.back() == 'Z') text.remove_suffix(1);
  return parse_with_separator(text, 'T');
}

std::string format_iso8601(TimePoint t) { return format(t, "%04d-%02u-%02uT%02d:%02d:%02dZ"); }
std::string format_wire_datetime(TimePoint t) { return format(t, "%04d-%02u-%02u %02d:%02d:%02d"); }
std::optional<TimePoint> parse_wire_datetime(std::string_view text) { return parse_with_separator(text, ' '); }

}  // namespace payref::sim
