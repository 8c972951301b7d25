#include <boost/test/unit_test.hpp>

#include <set>
#include <string>

#include "payref/money.hpp"

using namespace payref;

namespace {
std::int64_t minor(const Result<Money>& r) { return r.value().minor_units(); }
std::string reason(const Result<Money>& r) { return r.status().reason(); }
}  // namespace

BOOST_AUTO_TEST_SUITE(money_tests)

BOOST_AUTO_TEST_CASE(currency_table_is_sorted_unique_and_well_formed) {
  const auto table = currencies();
  BOOST_TEST(table.size() > 150u);
  std::set<std::uint16_t> numerics;
  for (std::size_t i = 0; i < table.size(); ++i) {
    BOOST_TEST_CONTEXT(table[i].alpha) {
      BOOST_TEST(table[i].alpha.size() == 3u);
      if (i > 0) BOOST_TEST(table[i - 1].alpha < table[i].alpha);
      BOOST_TEST(table[i].exponent <= 4);
      BOOST_TEST(!currency_name(table[i]).empty());
      numerics.insert(table[i].numeric);
    }
  }
  BOOST_TEST(numerics.size() == table.size());
}

BOOST_AUTO_TEST_CASE(names_currencies_in_english_by_their_codes) {
  BOOST_TEST(currency_name(*find_currency("USD")) == "US Dollar");
  BOOST_TEST(currency_name(*find_currency("CAD")) == "Canadian Dollar");
  BOOST_TEST(currency_name(*find_currency("ZWL")) == "Zimbabwe Dollar");
  BOOST_TEST(currency_name(Currency{"QQQ", 0, 2}).empty());
}

BOOST_AUTO_TEST_CASE(exponents_follow_iso_4217) {
  for (const char* two : {"USD", "CAD", "EUR", "GBP"}) BOOST_TEST(find_currency(two)->exponent == 2);
  for (const char* zero : {"JPY", "KRW", "CLP", "ISK", "VND", "XAF", "XOF", "XPF", "UGX", "PYG"}) BOOST_TEST(find_currency(zero)->exponent == 0);
  for (const char* three : {"BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"}) BOOST_TEST(find_currency(three)->exponent == 3);
  BOOST_TEST(find_currency("CLF")->exponent == 4);
  BOOST_TEST(find_currency("XAU") == nullptr);
  BOOST_TEST(find_currency("usd") == nullptr);
}

BOOST_AUTO_TEST_CASE(parses_decimal_text_into_minor_units) {
  BOOST_TEST(minor(parse_money("20.50", "USD")) == 2050);
  BOOST_TEST(minor(parse_money("20.5", "USD")) == 2050);
  BOOST_TEST(minor(parse_money("20", "USD")) == 2000);
  BOOST_TEST(minor(parse_money("0.07", "USD")) == 7);
  BOOST_TEST(minor(parse_money("500", "JPY")) == 500);
  BOOST_TEST(minor(parse_money("1.25", "BHD")) == 1250);
}

BOOST_AUTO_TEST_CASE(parses_json_number_text_without_exponent) {
  // nlohmann dumps 20.5 as "20.5"; an exponent form is refused rather than interpreted.
  BOOST_TEST(minor(parse_money("20.5", "USD")) == 2050);
  BOOST_TEST(reason(parse_money("2.05e1", "USD")) == "money.malformed");
  BOOST_TEST(reason(parse_money("1E2", "USD")) == "money.malformed");
}

BOOST_AUTO_TEST_CASE(rejects_more_decimals_than_the_currency_has) {
  BOOST_TEST(reason(parse_money("20.505", "USD")) == "money.too_many_decimals");
  BOOST_TEST(reason(parse_money("20.500", "USD")) == "money.too_many_decimals");
  BOOST_TEST(reason(parse_money("5.0", "JPY")) == "money.too_many_decimals");
  BOOST_TEST(minor(parse_money("1.255", "BHD")) == 1255);
}

BOOST_AUTO_TEST_CASE(rejects_ambiguous_or_foreign_spellings) {
  for (const char* text : {" 1", "1 ", "+1", "1.", ".5", "01.00", "00", "1,000", "NaN", "Infinity", "0x1A", "--1", "-", "1.2.3", "$1"}) {
    BOOST_TEST_CONTEXT(text) { BOOST_TEST(reason(parse_money(text, "USD")) == "money.malformed"); }
  }
  BOOST_TEST(reason(parse_money("", "USD")) == "money.empty");
}

BOOST_AUTO_TEST_CASE(sign_and_zero_follow_the_options) {
  BOOST_TEST(reason(parse_money("-1.50", "USD")) == "money.negative");
  BOOST_TEST(minor(parse_money("-1.50", "USD", {.allow_negative = true})) == -150);
  BOOST_TEST(minor(parse_money("-0", "USD")) == 0);
  BOOST_TEST(reason(parse_money("0.00", "USD", {.allow_zero = false})) == "money.zero");
}

BOOST_AUTO_TEST_CASE(accepts_exactly_two_to_the_53_minus_one_minor_units) {
  BOOST_TEST(minor(parse_money("90071992547409.91", "USD")) == kMaxMinorUnits);
  BOOST_TEST(reason(parse_money("90071992547409.92", "USD")) == "money.out_of_range");
  BOOST_TEST(reason(parse_money("99999999999999999999999999999", "USD")) == "money.out_of_range");
  BOOST_TEST(minor(parse_money("-90071992547409.91", "USD", {.allow_negative = true})) == -kMaxMinorUnits);
  BOOST_TEST(Money::from_minor(kMaxMinorUnits, "USD").is_ok());
  BOOST_TEST(reason(Money::from_minor(kMaxMinorUnits + 1, "USD")) == "money.out_of_range");
  BOOST_TEST(reason(Money::from_minor(INT64_MIN, "USD")) == "money.out_of_range");
}

BOOST_AUTO_TEST_CASE(unknown_currency_is_reported_on_the_currency_field) {
  const auto r = parse_money("1", "ABC");
  BOOST_TEST(r.status().reason() == "money.unknown_currency");
  BOOST_TEST(r.status().field() == "currency");
  BOOST_TEST(parse_money("x", "USD").status().field() == "amount");
}

BOOST_AUTO_TEST_CASE(formats_with_the_currency_exponent) {
  BOOST_TEST(Money::from_minor(5, "USD").value().to_decimal_string() == "0.05");
  BOOST_TEST(Money::from_minor(-310, "USD").value().to_decimal_string() == "-3.10");
  BOOST_TEST(Money::from_minor(500, "JPY").value().to_decimal_string() == "500");
  BOOST_TEST(Money::from_minor(1250, "BHD").value().to_decimal_string() == "1.250");
  BOOST_TEST(Money::from_minor(0, "CLF").value().to_decimal_string() == "0.0000");
}

BOOST_AUTO_TEST_CASE(parse_and_format_round_trip) {
  for (const char* text : {"0.00", "0.01", "20.50", "-3.10", "1000000.99", "90071992547409.91"}) {
    BOOST_TEST(parse_money(text, "USD", {.allow_negative = true}).value().to_decimal_string() == text);
  }
}

BOOST_AUTO_TEST_CASE(adds_and_subtracts_in_one_currency) {
  const Money a = Money::from_minor(1050, "USD").value();
  const Money b = Money::from_minor(250, "USD").value();
  BOOST_TEST(add(a, b).value().minor_units() == 1300);
  BOOST_TEST(subtract(b, a).value().minor_units() == -800);
  const Money yen = Money::from_minor(1, "JPY").value();
  BOOST_TEST(add(a, yen).status().reason() == "money.currency_mismatch");
  const Money max = Money::from_minor(kMaxMinorUnits, "USD").value();
  BOOST_TEST(add(max, b).status().reason() == "money.out_of_range");
}

BOOST_AUTO_TEST_SUITE_END()
