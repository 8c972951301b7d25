// The server's one clock (DESIGN.md "Time"): real time by default, or frozen at a given instant
// (--clock) so that runs are reproducible. Every service asks this clock, never the system. The
// sandbox moves it forward (never back): a frozen clock jumps, a real one gains an offset.
#pragma once

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "payref/calendar.hpp"

namespace payref::sim {

using TimePoint = std::chrono::time_point<std::chrono::system_clock, std::chrono::seconds>;

class Clock {
 public:
  Clock() = default;                                  // real time
  explicit Clock(TimePoint frozen_at) : frozen_(frozen_at) {}
  TimePoint now() const;
  CalendarDate today() const;                         // UTC calendar day of now()
  bool is_frozen() const;
  // Moves the clock to `to`; false (and no change) when `to` is before now().
  bool advance_to(TimePoint to);

 private:
  mutable std::mutex mutex_;
  std::optional<TimePoint> frozen_;
  std::chrono::seconds offset_{0};  // added to real time when not frozen
};

CalendarDate calendar_date(TimePoint t);  // its UTC calendar day

// "2026-01-01T00:00:00Z" (or without the Z) → a time point; nullopt when malformed.
std::optional<TimePoint> parse_iso8601(std::string_view text);
std::string format_iso8601(TimePoint t);        // "2026-01-01T00:00:00Z"
std::string format_wire_datetime(TimePoint t);  // "2026-01-01 00:00:00" (the gateway's UTC format)
// "YYYY-MM-DD HH:MM:SS" → a time point; nullopt when malformed or not a real date/time.
std::optional<TimePoint> parse_wire_datetime(std::string_view text);

}  // namespace payref::sim
