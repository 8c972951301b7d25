#include <boost/test/unit_test.hpp>

#include "payref/discount.hpp"

using namespace payref;

namespace {
Money usd(std::int64_t minor) { return *Money::from_minor(minor, "USD"); }
Money jpy(std::int64_t minor) { return *Money::from_minor(minor, "JPY"); }
DiscountCode percent(int bp) {
  DiscountCode c;
  c.code = "SAVE";
  c.percent_basis_points = bp;
  return c;
}
std::string reason(const Result<Money>& r) { return r.is_ok() ? "ok" : r.status().reason(); }
const CalendarDate kToday{2026, 6, 15};
}  // namespace

BOOST_AUTO_TEST_SUITE(discount_tests)

BOOST_AUTO_TEST_CASE(codes_are_upper_case_letters_digits_dashes_and_underscores) {
  BOOST_TEST(validate_discount_code("SPRING-2026_A").is_valid);
  BOOST_TEST(validate_discount_code("").reason == "discount.empty");
  BOOST_TEST(validate_discount_code("spring").reason == "discount.malformed");
  BOOST_TEST(validate_discount_code("A B").reason == "discount.malformed");
  BOOST_TEST(validate_discount_code(std::string(33, 'A')).reason == "discount.too_long");
  const auto short_code = validate_discount_code("AB");
  BOOST_TEST(short_code.reason == "discount.too_short");
  BOOST_TEST(short_code.is_potentially_valid);  // still being typed
}

BOOST_AUTO_TEST_CASE(percentages_have_at_most_two_decimals_and_stay_within_100) {
  BOOST_TEST(*parse_percent("12.5") == 1250);
  BOOST_TEST(*parse_percent("100") == 10000);
  BOOST_TEST(*parse_percent("0.01") == 1);
  for (const char* bad : {"0", "100.01", "12.345", "-5", "1e2", "", "ten"})
    BOOST_TEST(parse_percent(bad).status().reason() == "discount.percent_invalid", bad);
}

BOOST_AUTO_TEST_CASE(a_percentage_rounds_half_up_to_the_cent) {
  BOOST_TEST(evaluate_discount(percent(1250), {"render", usd(1999)}, kToday)->minor_units() == 250);  // 249.875 → 250
  BOOST_TEST(evaluate_discount(percent(1000), {"render", usd(1995)}, kToday)->minor_units() == 200);  // 199.5 → 200
  BOOST_TEST(evaluate_discount(percent(1000), {"render", usd(1994)}, kToday)->minor_units() == 199);  // 199.4 → 199
  BOOST_TEST(evaluate_discount(percent(3333), {"render", jpy(1000)}, kToday)->minor_units() == 333);  // yen: whole units
  BOOST_TEST(evaluate_discount(percent(10000), {"render", usd(kMaxMinorUnits)}, kToday)->minor_units() == kMaxMinorUnits);
}

BOOST_AUTO_TEST_CASE(a_fixed_amount_never_exceeds_the_subtotal) {
  DiscountCode c;
  c.code = "TENOFF";
  c.amount_off = usd(1000);
  BOOST_TEST(evaluate_discount(c, {"render", usd(5000)}, kToday)->minor_units() == 1000);
  BOOST_TEST(evaluate_discount(c, {"render", usd(700)}, kToday)->minor_units() == 700);
  BOOST_TEST(reason(evaluate_discount(c, {"render", jpy(5000)}, kToday)) == "discount.currency_mismatch");
}

BOOST_AUTO_TEST_CASE(the_validity_window_includes_both_ends) {
  DiscountCode c = percent(500);
  c.valid_from = CalendarDate{2026, 6, 15};
  c.valid_until = CalendarDate{2026, 6, 30};
  BOOST_TEST(evaluate_discount(c, {"x", usd(100)}, CalendarDate{2026, 6, 15}).is_ok());
  BOOST_TEST(evaluate_discount(c, {"x", usd(100)}, CalendarDate{2026, 6, 30}).is_ok());
  BOOST_TEST(reason(evaluate_discount(c, {"x", usd(100)}, CalendarDate{2026, 6, 14})) == "discount.not_yet_valid");
  BOOST_TEST(reason(evaluate_discount(c, {"x", usd(100)}, CalendarDate{2026, 7, 1})) == "discount.expired");
}

BOOST_AUTO_TEST_CASE(scope_usage_and_minimum_order_are_enforced) {
  DiscountCode c = percent(500);
  c.products = {"render", "storage"};
  BOOST_TEST(evaluate_discount(c, {"storage", usd(100)}, kToday).is_ok());
  BOOST_TEST(reason(evaluate_discount(c, {"workstation", usd(100)}, kToday)) == "discount.not_applicable_to_product");
  c.products.clear();
  c.max_uses = 3;
  c.uses = 3;
  BOOST_TEST(reason(evaluate_discount(c, {"x", usd(100)}, kToday)) == "discount.usage_exhausted");
  c.uses = 2;
  c.minimum_order = usd(5000);
  BOOST_TEST(reason(evaluate_discount(c, {"x", usd(4999)}, kToday)) == "discount.minimum_not_met");
  BOOST_TEST(evaluate_discount(c, {"x", usd(5000)}, kToday)->minor_units() == 250);
}

BOOST_AUTO_TEST_SUITE_END()
