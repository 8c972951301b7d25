#include <boost/test/unit_test.hpp>

#include "payref/subscription.hpp"

using namespace payref;

namespace {
CalendarDate d(int y, int m, int day) { return CalendarDate{y, m, day}; }
std::string s(std::optional<CalendarDate> date) { return date ? to_iso_string(*date) : std::string("none"); }

SubscriptionPlan monthly(CalendarDate next, int count, std::optional<CalendarDate> end = std::nullopt, bool auto_renew = false) {
  return SubscriptionPlan{next, end, next, IntervalUnit::month, 1, count, 0, auto_renew};
}
}  // namespace

BOOST_AUTO_TEST_SUITE(subscription_tests)

BOOST_AUTO_TEST_CASE(maps_interval_units_and_states_by_their_wire_names) {
  BOOST_TEST((interval_unit_from_name("Week") == IntervalUnit::week));
  BOOST_TEST((interval_unit_from_name("Year") == IntervalUnit::year));
  BOOST_TEST(!interval_unit_from_name("NotSet").has_value());
  BOOST_TEST(!interval_unit_from_name("month").has_value());
  BOOST_TEST(!interval_unit_from_name("Monthly").has_value());
  BOOST_TEST(interval_unit_name(IntervalUnit::day) == "Day");
  BOOST_TEST((subscription_state_from_name("Cancelled") == SubscriptionState::cancelled));
  BOOST_TEST((subscription_state_from_name("NotSet") == SubscriptionState::not_set));
  BOOST_TEST(!subscription_state_from_name("Canceled").has_value());
  BOOST_TEST(subscription_state_name(SubscriptionState::completed) == "Completed");
}

BOOST_AUTO_TEST_CASE(monthly_invoice_dates_clamp_to_month_end_without_drifting) {
  const auto jan31 = d(2026, 1, 31);
  BOOST_TEST(s(subscription_invoice_date(jan31, IntervalUnit::month, 1, 1)) == "2026-02-28");
  BOOST_TEST(s(subscription_invoice_date(jan31, IntervalUnit::month, 1, 2)) == "2026-03-31");
  BOOST_TEST(s(subscription_invoice_date(jan31, IntervalUnit::month, 1, 3)) == "2026-04-30");
  BOOST_TEST(s(subscription_invoice_date(d(2028, 1, 31), IntervalUnit::month, 1, 1)) == "2028-02-29");
  BOOST_TEST(s(subscription_invoice_date(jan31, IntervalUnit::month, 3, 1)) == "2026-04-30");
  BOOST_TEST(s(subscription_invoice_date(jan31, IntervalUnit::month, 3, 2)) == "2026-07-31");
}

BOOST_AUTO_TEST_CASE(day_week_and_year_units_multiply_by_the_interval_length) {
  BOOST_TEST(s(subscription_invoice_date(d(2026, 1, 30), IntervalUnit::day, 3, 1)) == "2026-02-02");
  BOOST_TEST(s(subscription_invoice_date(d(2026, 1, 30), IntervalUnit::week, 2, 2)) == "2026-02-27");
  BOOST_TEST(s(subscription_invoice_date(d(2028, 2, 29), IntervalUnit::year, 1, 1)) == "2029-02-28");
  BOOST_TEST(s(subscription_invoice_date(d(2028, 2, 29), IntervalUnit::year, 1, 4)) == "2032-02-29");
  BOOST_TEST(s(subscription_invoice_date(d(2026, 1, 1), IntervalUnit::day, 1, 0)) == "2026-01-01");
}

BOOST_AUTO_TEST_CASE(invoice_dates_past_year_9999_do_not_exist) {
  BOOST_TEST(!subscription_invoice_date(d(2026, 1, 1), IntervalUnit::year, 999, 9999).has_value());
  BOOST_TEST(!subscription_invoice_date(d(2026, 1, 1), IntervalUnit::day, 999, 9999).has_value());
  BOOST_TEST(!subscription_invoice_date(d(2026, 1, 1), IntervalUnit::month, 1, -1).has_value());
}

BOOST_AUTO_TEST_CASE(validates_the_plan_with_stable_reasons) {
  const auto today = d(2026, 1, 31);
  SubscriptionPlan ok{d(2026, 1, 31), d(2027, 1, 31), d(2026, 2, 1), IntervalUnit::month, 1, 12, 2, false};
  BOOST_TEST(validate_subscription_plan(ok, today).is_ok());
  auto p = ok;
  p.interval_length = 0;
  BOOST_TEST(validate_subscription_plan(p, today).reason() == "subscription.interval_length_invalid");
  p = ok;
  p.interval_count = 0;
  BOOST_TEST(validate_subscription_plan(p, today).reason() == "subscription.interval_count_invalid");
  p = ok;
  p.total_trial_invoices = 13;
  BOOST_TEST(validate_subscription_plan(p, today).reason() == "subscription.trial_invoices_invalid");
  BOOST_TEST(validate_subscription_plan(p, today).field() == "TotalTrialInvoices");
  p = ok;
  p.next_processing = today;
  BOOST_TEST(validate_subscription_plan(p, today).reason() == "subscription.next_processing_not_future");
  p = ok;
  p.start = d(2026, 2, 2);
  BOOST_TEST(validate_subscription_plan(p, today).reason() == "subscription.next_processing_before_start");
  p = ok;
  p.end = d(2026, 1, 31);
  BOOST_TEST(validate_subscription_plan(p, today).reason() == "subscription.end_before_next_processing");
  BOOST_TEST(validate_subscription_plan(p, today).field() == "EndDate");
}

BOOST_AUTO_TEST_CASE(state_changes_follow_the_state_machine) {
  using S = SubscriptionState;
  BOOST_TEST(check_state_change(S::active, S::suspended).is_ok());
  BOOST_TEST(check_state_change(S::suspended, S::active).is_ok());
  for (S from : {S::pending, S::active, S::suspended}) BOOST_TEST(check_state_change(from, S::cancelled).is_ok());
  for (auto [from, to] : {std::pair{S::pending, S::active}, std::pair{S::pending, S::suspended}, std::pair{S::active, S::active},
                          std::pair{S::cancelled, S::active}, std::pair{S::completed, S::active}, std::pair{S::cancelled, S::cancelled},
                          std::pair{S::active, S::completed}, std::pair{S::active, S::pending}}) {
    const auto st = check_state_change(from, to);
    BOOST_TEST((st.code() == StatusCode::failed_precondition));
    BOOST_TEST(st.reason() == "subscription.transition_refused");
  }
  const auto not_set = check_state_change(S::active, S::not_set);
  BOOST_TEST((not_set.code() == StatusCode::invalid_argument));
  BOOST_TEST(not_set.reason() == "subscription.state_not_set");
  BOOST_TEST(can_invoice(S::pending));
  BOOST_TEST(can_invoice(S::active));
  BOOST_TEST(!can_invoice(S::suspended));
  BOOST_TEST(!can_invoice(S::cancelled));
  BOOST_TEST(!can_invoice(S::completed));
}

BOOST_AUTO_TEST_CASE(the_first_total_trial_invoices_are_trial_invoices) {
  BOOST_TEST(is_trial_invoice(0, 2));
  BOOST_TEST(is_trial_invoice(1, 2));
  BOOST_TEST(!is_trial_invoice(2, 2));
  BOOST_TEST(!is_trial_invoice(0, 0));
}

BOOST_AUTO_TEST_CASE(completes_when_interval_count_invoices_are_made) {
  const auto plan = monthly(d(2026, 1, 31), 3);
  auto n = next_invoice(plan, 1, 1, 0);
  BOOST_TEST(!n.completed);
  BOOST_TEST(s(n.date) == "2026-02-28");
  n = next_invoice(plan, 2, 2, 0);
  BOOST_TEST(s(n.date) == "2026-03-31");
  BOOST_TEST(next_invoice(plan, 3, 3, 0).completed);
}

BOOST_AUTO_TEST_CASE(completes_at_the_term_end_without_auto_renew) {
  const auto plan = monthly(d(2026, 1, 31), 99, d(2026, 3, 31));
  BOOST_TEST(!next_invoice(plan, 2, 2, 0).completed);  // 2026-03-31: on the end date itself
  BOOST_TEST(next_invoice(plan, 3, 3, 0).completed);   // 2026-04-30 is after it
}

BOOST_AUTO_TEST_CASE(auto_renew_extends_the_term_by_its_own_length) {
  SubscriptionPlan plan{d(2026, 1, 15), d(2026, 4, 15), d(2026, 1, 15), IntervalUnit::month, 1, 99, 0, true};
  const auto n = next_invoice(plan, 4, 4, 0);  // 2026-05-15: past the first term
  BOOST_TEST(!n.completed);
  BOOST_TEST(n.renewals == 1);
  BOOST_TEST(s(term_end(plan.start, *plan.end, n.renewals)) == "2026-07-15");
  BOOST_TEST(s(term_end(d(2026, 1, 31), d(2026, 2, 28), 1)) == "2026-03-31");  // month ends stay month ends
  BOOST_TEST(s(term_end(d(2026, 1, 1), d(2026, 1, 11), 2)) == "2026-01-31");   // a span of days
}

BOOST_AUTO_TEST_CASE(resuming_skips_the_dates_that_passed) {
  const auto anchor = d(2026, 1, 31);
  BOOST_TEST(first_occurrence_after(anchor, IntervalUnit::month, 1, d(2026, 1, 30)) == 0);
  BOOST_TEST(first_occurrence_after(anchor, IntervalUnit::month, 1, d(2026, 1, 31)) == 1);
  BOOST_TEST(first_occurrence_after(anchor, IntervalUnit::month, 1, d(2026, 4, 29)) == 3);
  BOOST_TEST(first_occurrence_after(anchor, IntervalUnit::month, 1, d(2126, 4, 30)) == 1204);
  BOOST_TEST(first_occurrence_after(anchor, IntervalUnit::week, 1, d(2026, 2, 7)) == 2);
}

BOOST_AUTO_TEST_SUITE_END()
