#include <boost/test/unit_test.hpp>

#include "payref/card.hpp"

using namespace payref;

namespace {
constexpr CalendarDate kToday{2026, 11, 23};
}

BOOST_AUTO_TEST_SUITE(expiry_tests)

BOOST_AUTO_TEST_CASE(accepts_every_documented_format) {
  for (const char* text : {"10/30", "10 / 2030", "1030", "102030", "10 30", "2030-10"}) {
    BOOST_TEST_CONTEXT(text) {
      const auto v = validate_expiry(text, kToday);
      BOOST_TEST(v.is_valid);
      BOOST_TEST(v.month == 10);
      BOOST_TEST(v.year == 2030);
    }
  }
  const auto short_month = validate_expiry("1/27", kToday);
  BOOST_TEST(short_month.is_valid);
  BOOST_TEST(short_month.month == 1);
  BOOST_TEST(short_month.year == 2027);
}

BOOST_AUTO_TEST_CASE(card_of_this_month_is_still_valid) {
  BOOST_TEST(validate_expiry("11/26", kToday).is_valid);
  BOOST_TEST(validate_expiry("11/26", CalendarDate{2026, 11, 30}).is_valid);
  BOOST_TEST(validate_expiry("11/26", CalendarDate{2026, 12, 1}).reason == "expiry.expired");
}

BOOST_AUTO_TEST_CASE(last_month_and_last_year_are_expired) {
  BOOST_TEST(validate_expiry("10/26", kToday).reason == "expiry.expired");
  BOOST_TEST(validate_expiry("12/25", kToday).reason == "expiry.expired");
  BOOST_TEST(!validate_expiry("12/25", kToday).is_potentially_valid);
}

BOOST_AUTO_TEST_CASE(window_is_nineteen_years_by_default_and_configurable) {
  BOOST_TEST(validate_expiry("12/2045", kToday).is_valid);
  BOOST_TEST(validate_expiry("01/2046", kToday).reason == "expiry.too_far");
  BOOST_TEST(validate_expiry("12/2029", kToday, 3).is_valid);
  BOOST_TEST(validate_expiry("01/2030", kToday, 3).reason == "expiry.too_far");
  BOOST_TEST(validate_expiry("12/2026", kToday, 0).is_valid);
}

BOOST_AUTO_TEST_CASE(partial_input_is_potentially_valid) {
  for (const char* text : {"1", "12", "12/", "12/2", "12/20", "12/202", "0"}) {
    BOOST_TEST_CONTEXT(text) {
      const auto v = validate_expiry(text, kToday);
      BOOST_TEST(!v.is_valid);
      BOOST_TEST(v.is_potentially_valid);
      BOOST_TEST(v.reason == "expiry.incomplete");
    }
  }
  BOOST_TEST(validate_expiry("", kToday).reason == "expiry.empty");
}

BOOST_AUTO_TEST_CASE(every_failure_reason_is_reachable) {
  BOOST_TEST(validate_expiry("13/27", kToday).reason == "expiry.month_invalid");
  BOOST_TEST(validate_expiry("00/27", kToday).reason == "expiry.month_invalid");
  BOOST_TEST(validate_expiry("ab/27", kToday).reason == "expiry.malformed");
  BOOST_TEST(validate_expiry("12/ab", kToday).reason == "expiry.year_invalid");
  BOOST_TEST(validate_expiry("12/20277", kToday).reason == "expiry.year_invalid");
  BOOST_TEST(validate_expiry("1/2/27", kToday).reason == "expiry.malformed");
}

BOOST_AUTO_TEST_CASE(month_and_year_parts_are_judged_like_text) {
  const auto v = validate_expiry("3", "29", kToday);
  BOOST_TEST(v.is_valid);
  BOOST_TEST(v.year == 2029);
  BOOST_TEST(validate_expiry("", "", kToday).reason == "expiry.empty");
  BOOST_TEST(validate_expiry("10", "2026", kToday).reason == "expiry.expired");
}

BOOST_AUTO_TEST_CASE(two_digit_years_are_in_todays_century) {
  const auto v = validate_expiry("12/99", CalendarDate{2099, 1, 1});
  BOOST_TEST(v.is_valid);
  BOOST_TEST(v.year == 2099);
}

BOOST_AUTO_TEST_CASE(bare_digits_split_like_card_validator) {
  BOOST_TEST(validate_expiry("127", kToday).month == 1);   // 1/27
  BOOST_TEST(validate_expiry("1227", kToday).month == 12);  // 12/27
  BOOST_TEST(validate_expiry("0127", kToday).month == 1);
  BOOST_TEST(validate_expiry("1030", kToday).month == 10);
}

BOOST_AUTO_TEST_SUITE_END()
