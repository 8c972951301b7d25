#include <boost/test/unit_test.hpp>

#include <array>
#include <optional>
#include <ostream>
#include <string>

#include "payref/pricing.hpp"

using namespace payref;

namespace payref {
// Lets BOOST_TEST print both sides of a failed Money comparison ("17.49 USD").
inline std::ostream& boost_test_print_type(std::ostream& out, const Money& m) {
  return out << m.to_decimal_string() << ' ' << m.currency().alpha;
}
}  // namespace payref

namespace {
Money usd(std::int64_t minor) { return *Money::from_minor(minor, "USD"); }
Money eur(std::int64_t minor) { return *Money::from_minor(minor, "EUR"); }
Money jpy(std::int64_t minor) { return *Money::from_minor(minor, "JPY"); }
Money bhd(std::int64_t minor) { return *Money::from_minor(minor, "BHD"); }
std::string reason(const Result<Money>& r) { return r.is_ok() ? "ok" : r.status().reason(); }
std::int64_t minor(const Result<Money>& r) { return r.is_ok() ? r->minor_units() : -1; }
// 2026 is not a leap year: 365 days, from 2026-01-01 (inclusive) to 2027-01-01 (exclusive).
const Term kYear2026{{2026, 1, 1}, {2027, 1, 1}};
// June 2026: 30 days; on the 16th, 15 of them are left.
const Term kJune2026{{2026, 6, 1}, {2026, 7, 1}};
const CalendarDate kMidJune{2026, 6, 16};
// 73 days before the end of kYear2026 (Oct 20..Dec 31).
const CalendarDate k73DaysLeft{2026, 10, 20};
// kMaxMinorUnits = 2^53 − 1 = 6361 × 1416003655831.
constexpr std::int64_t kMaxOver6361 = 1416003655831;
}  // namespace

BOOST_AUTO_TEST_SUITE(pricing_tests)

BOOST_AUTO_TEST_CASE(the_member_price_applies_only_to_members_of_an_item_that_has_one) {
  const PriceTag both{usd(10000), usd(8000)};
  BOOST_TEST(unit_price(both, true).minor_units() == 8000);
  BOOST_TEST(unit_price(both, false).minor_units() == 10000);
  const PriceTag list_only{usd(10000), std::nullopt};
  BOOST_TEST(unit_price(list_only, true).minor_units() == 10000);
  BOOST_TEST(unit_price(list_only, false).minor_units() == 10000);
  BOOST_TEST(unit_price(PriceTag{jpy(500), jpy(400)}, true) == jpy(400));
}

BOOST_AUTO_TEST_CASE(multiply_keeps_the_currency) {
  BOOST_TEST(minor(multiply(usd(1999), 1)) == 1999);
  BOOST_TEST(minor(multiply(usd(1999), 3)) == 5997);
  BOOST_TEST(*multiply(jpy(500), 3) == jpy(1500));
  BOOST_TEST(*multiply(bhd(1250), 4) == bhd(5000));
  BOOST_TEST(minor(multiply(usd(-250), 2)) == -500);
}

BOOST_AUTO_TEST_CASE(multiply_refuses_a_quantity_below_one) {
  for (const std::int64_t q : {std::int64_t{0}, std::int64_t{-1}, std::int64_t{-3}}) {
    const auto r = multiply(usd(1999), q);
    BOOST_TEST(reason(r) == "pricing.quantity_invalid", "quantity " << q);
    BOOST_TEST((r.status().code() == StatusCode::invalid_argument));
  }
}

BOOST_AUTO_TEST_CASE(multiply_refuses_a_total_beyond_2_pow_53_minus_1_minor_units) {
  BOOST_TEST(minor(multiply(usd(kMaxOver6361), 6361)) == kMaxMinorUnits);  // exactly the largest amount
  BOOST_TEST(reason(multiply(usd(kMaxOver6361 + 1), 6361)) == "money.out_of_range");
  BOOST_TEST(reason(multiply(usd(kMaxOver6361), 6362)) == "money.out_of_range");
  BOOST_TEST(reason(multiply(usd(-kMaxOver6361 - 1), 6361)) == "money.out_of_range");
  BOOST_TEST(reason(multiply(usd(kMaxMinorUnits), 2)) == "money.out_of_range");
  // A product beyond 64 bits must not wrap around into an accepted amount.
  BOOST_TEST(reason(multiply(usd(kMaxMinorUnits), std::int64_t{1} << 40)) == "money.out_of_range");
}

BOOST_AUTO_TEST_CASE(prorate_rounds_exact_halves_up) {
  BOOST_TEST(prorate(usd(101), 1, 2).minor_units() == 51);  // 50.5 → 51
  BOOST_TEST(prorate(usd(99), 1, 2).minor_units() == 50);   // 49.5 → 50
  BOOST_TEST(prorate(usd(100), 1, 3).minor_units() == 33);  // 33.33 → 33
  BOOST_TEST(prorate(usd(200), 1, 3).minor_units() == 67);  // 66.67 → 67
  BOOST_TEST(prorate(usd(1999), 3, 4).minor_units() == 1499);  // 1499.25 → 1499
  BOOST_TEST(prorate(usd(1998), 3, 4).minor_units() == 1499);  // 1498.5 → 1499
  BOOST_TEST(prorate(usd(101), 1, 2).to_decimal_string() == "0.51");
}

BOOST_AUTO_TEST_CASE(prorate_rounds_negative_amounts_symmetrically) {
  BOOST_TEST(prorate(usd(-101), 1, 2).minor_units() == -51);  // −50.5 → −51
  BOOST_TEST(prorate(usd(-99), 1, 2).minor_units() == -50);
  BOOST_TEST(prorate(usd(-100), 1, 3).minor_units() == -33);
  BOOST_TEST(prorate(usd(-200), 1, 3).minor_units() == -67);
  BOOST_TEST(prorate(usd(-101), 1, 2).to_decimal_string() == "-0.51");
}

BOOST_AUTO_TEST_CASE(prorate_of_nothing_is_zero_and_of_everything_the_whole_amount) {
  BOOST_TEST(prorate(usd(1999), 0, 5) == usd(0));
  BOOST_TEST(prorate(jpy(1999), 0, 5) == jpy(0));  // the currency is kept
  BOOST_TEST(prorate(usd(1999), 5, 5) == usd(1999));
  BOOST_TEST(prorate(usd(1999), 7, 5) == usd(1999));
  BOOST_TEST(prorate(usd(-1999), 7, 5) == usd(-1999));
}

BOOST_AUTO_TEST_CASE(prorate_rounds_to_the_currency_minor_unit) {
  // JPY has no minor unit: the yen amount is rounded to whole yen.
  BOOST_TEST(prorate(jpy(1001), 1, 2) == jpy(501));  // 500.5 → 501
  BOOST_TEST(prorate(jpy(1000), 1, 3) == jpy(333));
  BOOST_TEST(prorate(jpy(1001), 1, 2).to_decimal_string() == "501");
  // BHD has three decimals: the fils.
  BOOST_TEST(prorate(bhd(1001), 1, 2) == bhd(501));  // 0.5005 → 0.501
  BOOST_TEST(prorate(bhd(1250), 1, 3) == bhd(417));  // 0.41667 → 0.417
  BOOST_TEST(prorate(bhd(1001), 1, 2).to_decimal_string() == "0.501");
}

BOOST_AUTO_TEST_CASE(prorate_of_the_largest_amount_does_not_overflow) {
  BOOST_TEST(prorate(usd(kMaxMinorUnits), 1, 2).minor_units() == 4503599627370496);  // …495.5 → …496
  BOOST_TEST(prorate(usd(-kMaxMinorUnits), 1, 2).minor_units() == -4503599627370496);
  BOOST_TEST(prorate(usd(kMaxMinorUnits), 364, 365).minor_units() == 8982521996508824);
  BOOST_TEST(prorate(usd(kMaxMinorUnits), kMaxMinorUnits - 1, kMaxMinorUnits).minor_units() == kMaxMinorUnits - 1);
  // amount × numerator is far beyond 64 bits here.
  constexpr std::int64_t e18 = 1000000000000000000;
  BOOST_TEST(prorate(usd(kMaxMinorUnits), e18 - 1, e18).minor_units() == kMaxMinorUnits);
  BOOST_TEST(prorate(usd(kMaxMinorUnits), e18 / 2, e18).minor_units() == 4503599627370496);
}

BOOST_AUTO_TEST_CASE(percent_off_rounds_the_reduction_half_up) {
  BOOST_TEST(percent_off(usd(1999), 1250).minor_units() == 1749);  // 19.99 − 2.49875 → 19.99 − 2.50
  BOOST_TEST(percent_off(usd(1999), 1250).to_decimal_string() == "17.49");
  BOOST_TEST(percent_off(usd(1995), 1000).minor_units() == 1795);  // reduction 1.995 → 2.00
  BOOST_TEST(percent_off(usd(1994), 1000).minor_units() == 1795);  // reduction 1.994 → 1.99
  BOOST_TEST(percent_off(jpy(1000), 3333) == jpy(667));          // reduction 333.3 → 333
  BOOST_TEST(percent_off(usd(1999), 3000).minor_units() == 1399);  // reduction 5.997 → 6.00
}

BOOST_AUTO_TEST_CASE(percent_off_100_percent_is_free_and_0_percent_is_unchanged) {
  BOOST_TEST(percent_off(usd(1999), 10000) == usd(0));
  BOOST_TEST(percent_off(usd(kMaxMinorUnits), 10000) == usd(0));
  BOOST_TEST(percent_off(usd(1999), 0) == usd(1999));
}

BOOST_AUTO_TEST_CASE(term_days_counts_the_days_from_start_up_to_end) {
  BOOST_TEST(term_days(Term{{2028, 1, 1}, {2029, 1, 1}}) == 366);  // 2028 is a leap year
  BOOST_TEST(term_days(kYear2026) == 365);
  BOOST_TEST(term_days(Term{{2028, 2, 1}, {2028, 3, 1}}) == 29);
  BOOST_TEST(term_days(Term{{2026, 2, 1}, {2026, 3, 1}}) == 28);
  BOOST_TEST(term_days(kJune2026) == 30);
  BOOST_TEST(term_days(Term{{2026, 6, 1}, {2026, 6, 1}}) == 0);
  BOOST_TEST(term_days(Term{{2026, 7, 1}, {2026, 6, 1}}) == 0);  // an inverted term is empty
}

BOOST_AUTO_TEST_CASE(remaining_days_is_the_whole_term_before_it_starts_and_none_after_it_ends) {
  BOOST_TEST(remaining_days(kYear2026, CalendarDate{2025, 12, 1}) == 365);
  BOOST_TEST(remaining_days(kYear2026, CalendarDate{2020, 1, 1}) == 365);
  BOOST_TEST(remaining_days(kYear2026, CalendarDate{2026, 1, 1}) == 365);  // start is inclusive
  BOOST_TEST(remaining_days(kYear2026, CalendarDate{2026, 1, 2}) == 364);
  BOOST_TEST(remaining_days(kYear2026, CalendarDate{2026, 7, 2}) == 183);
  BOOST_TEST(remaining_days(kYear2026, k73DaysLeft) == 73);
  BOOST_TEST(remaining_days(kYear2026, CalendarDate{2026, 12, 31}) == 1);
  BOOST_TEST(remaining_days(kYear2026, CalendarDate{2027, 1, 1}) == 0);  // end is exclusive
  BOOST_TEST(remaining_days(kYear2026, CalendarDate{2027, 6, 1}) == 0);
  BOOST_TEST(remaining_days(kJune2026, kMidJune) == 15);
  BOOST_TEST(remaining_days(Term{{2028, 1, 1}, {2029, 1, 1}}, CalendarDate{2028, 3, 1}) == 306);  // 366 − 60
}

BOOST_AUTO_TEST_CASE(prorate_term_charges_the_part_of_the_term_still_to_run) {
  BOOST_TEST(prorate_term(usd(10001), std::nullopt, kMidJune) == usd(10001));  // perpetual: the whole amount
  BOOST_TEST(prorate_term(usd(10001), kJune2026, kMidJune) == usd(5001));      // 15/30: 50.005 → 50.01
  BOOST_TEST(prorate_term(usd(10000), kJune2026, kMidJune) == usd(5000));
  BOOST_TEST(prorate_term(usd(3000), kJune2026, CalendarDate{2026, 6, 30}) == usd(100));  // 1 day of 30
  BOOST_TEST(prorate_term(usd(10001), kJune2026, CalendarDate{2026, 5, 1}) == usd(10001));  // not started yet
  BOOST_TEST(prorate_term(usd(10001), kJune2026, CalendarDate{2026, 7, 1}) == usd(0));      // ended
  BOOST_TEST(prorate_term(jpy(1001), kJune2026, kMidJune) == jpy(501));
}

BOOST_AUTO_TEST_CASE(an_upgrade_charges_the_prorated_difference_for_every_seat) {
  // (250.00 − 100.00) × 3 seats × 73/365 = 90.00
  const auto r = upgrade_charge(usd(10000), usd(25000), 3, kYear2026, k73DaysLeft);
  BOOST_TEST(reason(r) == "ok");
  BOOST_TEST(*r == usd(9000));
  BOOST_TEST(*upgrade_charge(usd(10000), usd(25000), 3, std::nullopt, k73DaysLeft) == usd(45000));  // perpetual
  BOOST_TEST(*upgrade_charge(usd(10000), usd(25000), 3, kYear2026, CalendarDate{2025, 12, 1}) == usd(45000));
  BOOST_TEST(*upgrade_charge(usd(10000), usd(25000), 3, kYear2026, CalendarDate{2027, 1, 1}) == usd(0));
  BOOST_TEST(*upgrade_charge(jpy(1000), jpy(2001), 1, kJune2026, kMidJune) == jpy(501));  // 500.5 → 501
  BOOST_TEST(*upgrade_charge(usd(10000), usd(10001), 1, std::nullopt, kMidJune) == usd(1));
}

BOOST_AUTO_TEST_CASE(an_upgrade_must_cost_more_and_be_in_the_same_currency) {
  BOOST_TEST(reason(upgrade_charge(usd(25000), usd(10000), 3, kYear2026, k73DaysLeft)) == "pricing.not_an_upgrade");
  BOOST_TEST(reason(upgrade_charge(usd(10000), usd(10000), 3, kYear2026, k73DaysLeft)) == "pricing.not_an_upgrade");
  BOOST_TEST(reason(upgrade_charge(usd(10000), usd(10000), 3, std::nullopt, k73DaysLeft)) == "pricing.not_an_upgrade");
  BOOST_TEST(reason(upgrade_charge(usd(10000), eur(25000), 3, kYear2026, k73DaysLeft)) == "pricing.currency_mismatch");
  // A different currency is a mismatch, whichever number is larger.
  BOOST_TEST(reason(upgrade_charge(usd(25000), eur(10000), 3, kYear2026, k73DaysLeft)) == "pricing.currency_mismatch");
  BOOST_TEST(reason(upgrade_charge(usd(10000), usd(25000), 0, kYear2026, k73DaysLeft)) == "pricing.quantity_invalid");
}

BOOST_AUTO_TEST_CASE(a_downgrade_credits_the_prorated_difference_for_every_seat) {
  // (250.00 − 100.00) × 3 seats × 73/365 = 90.00
  const auto r = downgrade_credit(usd(25000), usd(10000), 3, kYear2026, k73DaysLeft);
  BOOST_TEST(reason(r) == "ok");
  BOOST_TEST(*r == usd(9000));
  BOOST_TEST(*downgrade_credit(usd(25000), usd(10000), 3, std::nullopt, k73DaysLeft) == usd(45000));  // perpetual
  BOOST_TEST(*downgrade_credit(usd(25000), usd(10000), 3, kYear2026, CalendarDate{2027, 2, 1}) == usd(0));
  BOOST_TEST(*downgrade_credit(bhd(2001), bhd(1000), 1, kJune2026, kMidJune) == bhd(501));  // 0.5005 → 0.501
}

BOOST_AUTO_TEST_CASE(a_downgrade_must_cost_less_and_be_in_the_same_currency) {
  BOOST_TEST(reason(downgrade_credit(usd(10000), usd(25000), 3, kYear2026, k73DaysLeft)) == "pricing.not_a_downgrade");
  BOOST_TEST(reason(downgrade_credit(usd(10000), usd(10000), 3, kYear2026, k73DaysLeft)) == "pricing.not_a_downgrade");
  BOOST_TEST(reason(downgrade_credit(usd(25000), eur(10000), 3, kYear2026, k73DaysLeft)) == "pricing.currency_mismatch");
  BOOST_TEST(reason(downgrade_credit(usd(10000), eur(25000), 3, kYear2026, k73DaysLeft)) == "pricing.currency_mismatch");
  BOOST_TEST(reason(downgrade_credit(usd(25000), usd(10000), -1, kYear2026, k73DaysLeft)) == "pricing.quantity_invalid");
}

BOOST_AUTO_TEST_CASE(a_true_up_charges_the_extra_seats_for_the_rest_of_the_term) {
  // (8 − 5) × 40.00 × 15/30 = 60.00
  const auto r = true_up_price(usd(4000), 5, 8, kJune2026, kMidJune);
  BOOST_TEST(reason(r) == "ok");
  BOOST_TEST(*r == usd(6000));
  BOOST_TEST(*true_up_price(usd(4000), 5, 8, std::nullopt, kMidJune) == usd(12000));  // perpetual
  BOOST_TEST(*true_up_price(usd(4000), 5, 6, kYear2026, k73DaysLeft) == usd(800));    // 40.00 × 73/365
  BOOST_TEST(*true_up_price(usd(4000), 5, 8, kJune2026, CalendarDate{2026, 8, 1}) == usd(0));
}

BOOST_AUTO_TEST_CASE(a_true_up_needs_more_seats_in_use_than_licensed) {
  BOOST_TEST(reason(true_up_price(usd(4000), 8, 8, kJune2026, kMidJune)) == "pricing.no_additional_seats");
  BOOST_TEST(reason(true_up_price(usd(4000), 8, 5, kJune2026, kMidJune)) == "pricing.no_additional_seats");
  BOOST_TEST(reason(true_up_price(usd(kMaxMinorUnits), 0, 2, std::nullopt, kMidJune)) == "money.out_of_range");
}

BOOST_AUTO_TEST_CASE(the_volume_tier_is_the_largest_minimum_not_above_the_seats) {
  const std::array<VolumeTier, 3> tiers{{{50, 3000}, {10, 1000}, {25, 2000}}};  // unsorted on purpose
  BOOST_TEST(volume_tier_for(tiers, 9) == nullptr);  // below every tier
  BOOST_TEST(volume_tier_for(tiers, 0) == nullptr);
  BOOST_TEST(volume_tier_for(tiers, 10) == &tiers[1]);  // exactly at a boundary
  BOOST_TEST(volume_tier_for(tiers, 24) == &tiers[1]);
  BOOST_TEST(volume_tier_for(tiers, 25) == &tiers[2]);
  BOOST_TEST(volume_tier_for(tiers, 49) == &tiers[2]);
  BOOST_TEST(volume_tier_for(tiers, 50) == &tiers[0]);
  BOOST_TEST(volume_tier_for(tiers, 1000) == &tiers[0]);
  BOOST_TEST(volume_tier_for(std::span<const VolumeTier>{}, 100) == nullptr);
}

BOOST_AUTO_TEST_CASE(the_isv_unit_price_takes_the_tier_percentage_off_the_list_price) {
  const std::array<VolumeTier, 3> tiers{{{50, 3000}, {10, 1000}, {25, 2000}}};
  BOOST_TEST(isv_unit_price(usd(10000), 9, tiers) == usd(10000));  // no tier: the list price
  BOOST_TEST(isv_unit_price(usd(10000), 10, tiers) == usd(9000));
  BOOST_TEST(isv_unit_price(usd(10000), 30, tiers) == usd(8000));
  BOOST_TEST(isv_unit_price(usd(10000), 50, tiers) == usd(7000));  // 30 % off
  BOOST_TEST(isv_unit_price(usd(1999), 50, tiers) == usd(1399));   // reduction 5.997 → 6.00
  BOOST_TEST(isv_unit_price(jpy(999), 50, tiers) == jpy(699));     // reduction 299.7 → 300
  BOOST_TEST(isv_unit_price(usd(1999), 5, std::span<const VolumeTier>{}) == usd(1999));
}

BOOST_AUTO_TEST_SUITE_END()
