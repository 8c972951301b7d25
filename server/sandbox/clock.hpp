// The sandbox's test clock: read it, and move it forward while running everything that falls due
// on the way, day by day in time order (docs/sandbox.md).
#pragma once

#include <nlohmann/json.hpp>

#include "app/services.hpp"

namespace payref::sandbox {

struct ClockAnswer {
  int status = 200;
  nlohmann::json body;
};

// GET /_sandbox/clock → {"now": "<ISO-8601 UTC>", "frozen": bool}
ClockAnswer read_clock(const app::Services& services);
// POST /_sandbox/clock/advance with exactly one of {"days": N}, {"seconds": N}, {"to": "<ISO>"}:
// 400 for anything else or a time in the past; otherwise {"from", "now", "charges", "ran": [...],
// "truncated"} listing what ran (the first 1000 entries).
ClockAnswer advance_clock(const app::Services& services, const std::string& request_body);

}  // namespace payref::sandbox
