#include <boost/test/unit_test.hpp>

#include "payref/calendar.hpp"

using namespace payref;

BOOST_AUTO_TEST_SUITE(calendar_tests)

BOOST_AUTO_TEST_CASE(parses_iso_dates) {
  const auto d = parse_iso_date("2026-11-23");
  BOOST_REQUIRE(d.has_value());
  BOOST_TEST(d->year == 2026);
  BOOST_TEST(d->month == 11);
  BOOST_TEST(d->day == 23);
}

BOOST_AUTO_TEST_CASE(accepts_leap_days_only_in_leap_years) {
  BOOST_TEST(parse_iso_date("2028-02-29").has_value());
  BOOST_TEST(parse_iso_date("2000-02-29").has_value());
  BOOST_TEST(!parse_iso_date("2027-02-29").has_value());
  BOOST_TEST(!parse_iso_date("2100-02-29").has_value());
}

BOOST_AUTO_TEST_CASE(rejects_february_30_and_other_impossible_dates) {
  for (const char* text : {"2026-02-30", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00", "1899-12-31"}) {
    BOOST_TEST_CONTEXT(text) { BOOST_TEST(!parse_iso_date(text).has_value()); }
  }
}

BOOST_AUTO_TEST_CASE(rejects_other_shapes) {
  for (const char* text : {"", "2026-1-23", "2026/11/23", "23-11-2026", "2026-11-23T00:00", " 2026-11-23", "2026-11-2a"}) {
    BOOST_TEST_CONTEXT(text) { BOOST_TEST(!parse_iso_date(text).has_value()); }
  }
}

BOOST_AUTO_TEST_CASE(formats_with_zero_padding_and_round_trips) {
  BOOST_TEST(to_iso_string(CalendarDate{2026, 1, 5}) == "2026-01-05");
  for (const char* text : {"2026-11-23", "2000-02-29", "9999-12-31", "1900-01-01"}) {
    BOOST_TEST(to_iso_string(*parse_iso_date(text)) == text);
  }
}

BOOST_AUTO_TEST_SUITE_END()
