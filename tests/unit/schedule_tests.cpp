#include <boost/test/unit_test.hpp>

#include "payref/schedule.hpp"

using namespace payref;

namespace {
CalendarDate d(int y, int m, int day) { return CalendarDate{y, m, day}; }
std::string s(CalendarDate date) { return to_iso_string(date); }
}  // namespace

BOOST_AUTO_TEST_SUITE(schedule_tests)

BOOST_AUTO_TEST_CASE(maps_the_seed_frequency_codes) {
  BOOST_TEST((frequency_from_code(0) == Frequency::daily));
  BOOST_TEST((frequency_from_code(4) == Frequency::annually));
  BOOST_TEST(!frequency_from_code(5).has_value());
  BOOST_TEST(!frequency_from_code(-1).has_value());
}

BOOST_AUTO_TEST_CASE(adds_days_across_months_years_and_leap_days) {
  BOOST_TEST(s(add_days(d(2026, 1, 31), 1)) == "2026-02-01");
  BOOST_TEST(s(add_days(d(2026, 12, 31), 1)) == "2027-01-01");
  BOOST_TEST(s(add_days(d(2028, 2, 28), 1)) == "2028-02-29");
  BOOST_TEST(s(add_days(d(2026, 3, 1), -1)) == "2026-02-28");
  BOOST_TEST(s(add_days(d(2026, 1, 1), 365)) == "2027-01-01");
}

BOOST_AUTO_TEST_CASE(monthly_from_the_31st_clamps_to_month_end_without_drifting) {
  const auto jan31 = d(2026, 1, 31);
  BOOST_TEST(s(nth_occurrence(jan31, Frequency::monthly, 1)) == "2026-02-28");
  BOOST_TEST(s(nth_occurrence(jan31, Frequency::monthly, 2)) == "2026-03-31");
  BOOST_TEST(s(nth_occurrence(jan31, Frequency::monthly, 3)) == "2026-04-30");
  BOOST_TEST(s(nth_occurrence(d(2028, 1, 31), Frequency::monthly, 1)) == "2028-02-29");
}

BOOST_AUTO_TEST_CASE(quarterly_and_annual_counts_from_the_anchor) {
  BOOST_TEST(s(nth_occurrence(d(2026, 11, 30), Frequency::quarterly, 1)) == "2027-02-28");
  BOOST_TEST(s(nth_occurrence(d(2026, 11, 30), Frequency::quarterly, 2)) == "2027-05-30");
  BOOST_TEST(s(nth_occurrence(d(2028, 2, 29), Frequency::annually, 1)) == "2029-02-28");
  BOOST_TEST(s(nth_occurrence(d(2028, 2, 29), Frequency::annually, 4)) == "2032-02-29");
  BOOST_TEST(s(nth_occurrence(d(2026, 5, 5), Frequency::weekly, 2)) == "2026-05-19");
}

BOOST_AUTO_TEST_CASE(a_schedule_starting_today_first_runs_one_interval_later) {
  const auto today = d(2026, 1, 15);
  const auto daily = start_schedule(today, today, Frequency::daily);
  BOOST_TEST_REQUIRE(daily.is_ok());
  BOOST_TEST(s(nth_occurrence(daily->anchor, Frequency::daily, daily->first_occurrence)) == "2026-01-16");
  const auto weekly = start_schedule(today, today, Frequency::weekly);
  BOOST_TEST(s(nth_occurrence(weekly->anchor, Frequency::weekly, weekly->first_occurrence)) == "2026-01-22");
  const auto monthly = start_schedule(today, today, Frequency::monthly);
  BOOST_TEST(s(nth_occurrence(monthly->anchor, Frequency::monthly, monthly->first_occurrence)) == "2026-02-15");
}

BOOST_AUTO_TEST_CASE(a_future_start_runs_on_its_own_date) {
  const auto r = start_schedule(d(2026, 2, 1), d(2026, 1, 15), Frequency::monthly);
  BOOST_TEST_REQUIRE(r.is_ok());
  BOOST_TEST(r->first_occurrence == 0);
  BOOST_TEST(s(r->anchor) == "2026-02-01");
}

BOOST_AUTO_TEST_CASE(refuses_a_start_in_the_past_and_an_end_before_the_first_payment) {
  const auto past = start_schedule(d(2026, 1, 14), d(2026, 1, 15), Frequency::daily);
  BOOST_TEST(past.status().reason() == "schedule.start_in_past");
  const auto end = start_schedule(d(2026, 1, 15), d(2026, 1, 15), Frequency::monthly, d(2026, 2, 1));
  BOOST_TEST(end.status().reason() == "schedule.end_before_first_payment");
  BOOST_TEST(start_schedule(d(2026, 1, 15), d(2026, 1, 15), Frequency::monthly, d(2026, 2, 15)).is_ok());
}

BOOST_AUTO_TEST_CASE(resuming_skips_the_dates_that_passed_while_suspended) {
  const auto anchor = d(2026, 1, 31);
  // Suspended over Feb 28 and Mar 31, resumed on Apr 2: next is Apr 30 (occurrence 3).
  const auto n = next_occurrence_after(anchor, Frequency::monthly, d(2026, 4, 2));
  BOOST_TEST_REQUIRE(n.has_value());
  BOOST_TEST(*n == 3);
  BOOST_TEST(*next_occurrence_after(anchor, Frequency::monthly, d(2026, 3, 31)) == 3);  // strictly after
  BOOST_TEST(*next_occurrence_after(anchor, Frequency::daily, d(2027, 1, 31)) == 366);
  BOOST_TEST(*next_occurrence_after(d(2026, 6, 1), Frequency::weekly, d(2026, 5, 1)) == 0);
}

BOOST_AUTO_TEST_CASE(no_next_occurrence_after_the_end_date) {
  BOOST_TEST(!next_occurrence_after(d(2026, 1, 1), Frequency::monthly, d(2026, 3, 2), d(2026, 3, 31)).has_value());
  BOOST_TEST(next_occurrence_after(d(2026, 1, 1), Frequency::monthly, d(2026, 3, 1), d(2026, 4, 1)).has_value());
}

BOOST_AUTO_TEST_SUITE_END()
