#include "sandbox/clock.hpp"

#include "cms/routes.hpp"
#include "gateway/memberships.hpp"
#include "gateway/recurring.hpp"

namespace payref::sandbox {

namespace {

constexpr std::size_t kMaxListed = 1000;
constexpr std::int64_t kMaxAdvanceDays = 36600;  // a century: far enough for any schedule

ClockAnswer error(const std::string& message) {
  return {400, {{"error", "invalid_argument"}, {"message", message}}};
}

// A whole, non-negative JSON number (not a float, not text).
std::optional<std::int64_t> whole_number(const nlohmann::json& v) {
  if (v.is_number_unsigned()) return static_cast<std::int64_t>(std::min<std::uint64_t>(v.get<std::uint64_t>(), INT64_MAX));
  if (v.is_number_integer() && v.get<std::int64_t>() >= 0) return v.get<std::int64_t>();
  return std::nullopt;
}

// Everything that falls due on the clock's day: recurring payments, membership renewals and the
// cancellations that end on it, then CMS subscription invoices.
std::size_t run_due(const app::Services& services, nlohmann::json& ran) {
  return gateway::run_due_recurring(services, ran, kMaxListed) + gateway::run_due_memberships(services, ran, kMaxListed) +
         cms::run_due(services, ran, kMaxListed);
}

}  // namespace

ClockAnswer read_clock(const app::Services& services) {
  return {200, {{"now", sim::format_iso8601(services.clock.now())}, {"frozen", services.clock.is_frozen()}}};
}

ClockAnswer advance_clock(const app::Services& services, const std::string& request_body) {
  const auto body = nlohmann::json::parse(request_body.empty() ? "{}" : request_body, nullptr, false);
  if (body.is_discarded() || !body.is_object() || body.size() != 1)
    return error(R"(send exactly one of {"days": N}, {"seconds": N} or {"to": "2026-01-01T00:00:00Z"})");
  const sim::TimePoint from = services.clock.now();
  sim::TimePoint to = from;
  if (body.contains("days") || body.contains("seconds")) {
    const bool days = body.contains("days");
    const auto n = whole_number(body.begin().value());
    if (!n) return error(std::string(days ? "days" : "seconds") + " must be a whole number of at least 0");
    if ((days ? *n : *n / 86400) > kMaxAdvanceDays) return error("an advance is limited to 36600 days");
    to += days ? std::chrono::seconds(*n * 86400) : std::chrono::seconds(*n);
  } else if (body.contains("to")) {
    const auto& v = body["to"];
    const auto t = v.is_string() ? sim::parse_iso8601(v.get<std::string>()) : std::nullopt;
    if (!t) return error("to must be a UTC time such as 2026-01-01T00:00:00Z");
    if (*t < from) return error("the clock never moves backwards: " + v.get<std::string>() + " is before " + sim::format_iso8601(from));
    if (*t - from > std::chrono::hours(24 * kMaxAdvanceDays)) return error("an advance is limited to 36600 days");
    to = *t;
  } else {
    return error(R"(send exactly one of {"days": N}, {"seconds": N} or {"to": "2026-01-01T00:00:00Z"})");
  }

  // Each midnight on the way, then the target: what falls due on a day runs on that day's clock.
  nlohmann::json ran = nlohmann::json::array();
  std::size_t charges = 0;
  auto midnight = std::chrono::floor<std::chrono::days>(from) + std::chrono::days(1);
  for (; midnight <= to; midnight += std::chrono::days(1)) {
    services.clock.advance_to(sim::TimePoint(midnight));
    charges += run_due(services, ran);
  }
  services.clock.advance_to(to);
  charges += run_due(services, ran);
  return {200,
          {{"from", sim::format_iso8601(from)},
           {"now", sim::format_iso8601(services.clock.now())},
           {"charges", charges},
           {"ran", ran},
           {"truncated", charges > ran.size()}}};
}

}  // namespace payref::sandbox
