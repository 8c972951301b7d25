#include <boost/test/unit_test.hpp>

#include <set>
#include <string>

#include "payref/fields.hpp"

using namespace payref;

BOOST_AUTO_TEST_SUITE(fields_tests)

BOOST_AUTO_TEST_CASE(country_table_has_249_unique_entries_sorted_by_alpha2) {
  const auto table = countries();
  BOOST_TEST(table.size() == 249u);
  std::set<std::string_view> alpha3;
  std::set<std::uint16_t> numeric;
  for (std::size_t i = 0; i < table.size(); ++i) {
    BOOST_TEST_CONTEXT(table[i].alpha2) {
      if (i > 0) BOOST_TEST(table[i - 1].alpha2 < table[i].alpha2);
      BOOST_TEST(table[i].alpha3.size() == 3u);
      BOOST_TEST(!country_name(table[i]).empty());
      BOOST_TEST(alpha3.insert(table[i].alpha3).second);
      BOOST_TEST(numeric.insert(table[i].numeric).second);
    }
  }
}

BOOST_AUTO_TEST_CASE(names_countries_in_english_by_their_codes) {
  BOOST_TEST(country_name(*find_country("CA")) == "Canada");
  BOOST_TEST(country_name(*find_country("ZW")) == "Zimbabwe");
  BOOST_TEST(country_name(*find_country("AD")) == "Andorra");
  BOOST_TEST(country_name(Country{"QQ", "QQQ", 0}).empty());
}

BOOST_AUTO_TEST_CASE(finds_countries_by_each_code_form) {
  BOOST_TEST(find_country("CA")->alpha3 == "CAN");
  BOOST_TEST(find_country("CAN")->numeric == 124);
  BOOST_TEST(find_country("124")->alpha2 == "CA");
  BOOST_TEST(find_country("008")->alpha2 == "AL");
  BOOST_TEST(find_country("CAN", CountryCodeForm::alpha2) == nullptr);
  BOOST_TEST(find_country("ca") == nullptr);
  BOOST_TEST(find_country("") == nullptr);
}

BOOST_AUTO_TEST_CASE(country_validation_separates_shape_from_existence) {
  BOOST_TEST(validate_country("USA", CountryCodeForm::alpha3).is_valid);
  BOOST_TEST(validate_country("US", CountryCodeForm::alpha3).reason == "country.malformed");
  BOOST_TEST(validate_country("XX").reason == "country.unknown");
  BOOST_TEST(validate_country("").reason == "country.empty");
}

BOOST_AUTO_TEST_CASE(accepts_canadian_postal_code_without_space) {
  BOOST_TEST(validate_postal_code("K1A0B1", "CA").is_valid);
  BOOST_TEST(*normalize_postal_code("k1a0b1", "CA") == "K1A 0B1");
}

BOOST_AUTO_TEST_CASE(rejects_letters_canada_post_never_uses) {
  for (const char* code : {"D1A 0B1", "K1I 0B1", "K1A 0Q1", "W1A 0B1", "Z1A 0B1"}) {
    BOOST_TEST_CONTEXT(code) { BOOST_TEST(validate_postal_code(code, "CA").reason == "postal.malformed"); }
  }
  BOOST_TEST(validate_postal_code("K1Z 0B1", "CA").is_valid);
}

BOOST_AUTO_TEST_CASE(partial_postal_codes_are_potentially_valid) {
  BOOST_TEST(validate_postal_code("K1A", "CA").is_potentially_valid);
  BOOST_TEST(validate_postal_code("9021", "US").is_potentially_valid);
  BOOST_TEST(validate_postal_code("90210-12", "US").is_potentially_valid);
  BOOST_TEST(!validate_postal_code("90210-12", "US").is_valid);
}

BOOST_AUTO_TEST_CASE(us_zip_plus_four_is_normalized_with_a_dash) {
  BOOST_TEST(validate_postal_code("90210-1234", "US").is_valid);
  BOOST_TEST(*normalize_postal_code("902101234", "USA") == "90210-1234");
  BOOST_TEST(!normalize_postal_code("9021", "US").has_value());
}

BOOST_AUTO_TEST_CASE(other_countries_use_the_generic_shape) {
  BOOST_TEST(validate_postal_code("SW1A 1AA", "GB").is_valid);
  BOOST_TEST(validate_postal_code("SW1A  1AA", "GB").reason == "postal.malformed");
  BOOST_TEST(validate_postal_code("12345678901", "DE").reason == "postal.too_long");
  BOOST_TEST(validate_postal_code("12345", "XX").reason == "postal.unsupported_country");
  BOOST_TEST(validate_postal_code("", "").reason == "postal.empty");
}

BOOST_AUTO_TEST_CASE(email_accepts_common_addresses_and_limits_lengths) {
  BOOST_TEST(validate_email("first.last+tag@sub.example.co.uk").is_valid);
  BOOST_TEST(validate_email(std::string(64, 'x') + "@example.com").is_valid);
  BOOST_TEST(validate_email(std::string(65, 'x') + "@example.com").reason == "email.too_long");
  BOOST_TEST(validate_email("a@" + std::string(250, 'b') + ".com").reason == "email.too_long");
}

BOOST_AUTO_TEST_CASE(email_still_being_typed_is_potentially_valid) {
  for (const char* text : {"ann", "ann@", "ann@example", "ann@example."}) {
    BOOST_TEST_CONTEXT(text) {
      const auto v = validate_email(text);
      BOOST_TEST(!v.is_valid);
      BOOST_TEST(v.is_potentially_valid);
    }
  }
  for (const char* text : {"@example.com", "a..b@example.com", "a@-example.com", "a@exa mple.com", "\"q\"@example.com"}) {
    BOOST_TEST_CONTEXT(text) { BOOST_TEST(!validate_email(text).is_potentially_valid); }
  }
}

BOOST_AUTO_TEST_CASE(phone_ignores_punctuation_and_checks_nanp_rules) {
  BOOST_TEST(validate_phone10("(416) 555-0199").is_valid);
  BOOST_TEST(*normalize_phone10("416.555.0199") == "4165550199");
  BOOST_TEST(validate_phone10("1 416 555 0199").reason == "phone.invalid_area_code");
  BOOST_TEST(validate_phone10("416 155 0199").reason == "phone.invalid_area_code");
  BOOST_TEST(validate_phone10("416555").reason == "phone.too_short");
  BOOST_TEST(validate_phone10("41655501990").reason == "phone.too_long");
  BOOST_TEST(validate_phone10("+14165550199").reason == "phone.non_digit");
  BOOST_TEST(validate_phone10("").reason == "phone.empty");
}

BOOST_AUTO_TEST_CASE(province_codes_are_the_thirteen_upper_case_codes) {
  int valid = 0;
  for (char a = 'A'; a <= 'Z'; ++a)
    for (char b = 'A'; b <= 'Z'; ++b) valid += validate_ca_province(std::string{a, b}).is_valid ? 1 : 0;
  BOOST_TEST(valid == 13);
  BOOST_TEST(validate_ca_province("on").reason == "province.unknown");
  BOOST_TEST(validate_ca_province("").reason == "province.empty");
}

BOOST_AUTO_TEST_CASE(ascii_text_is_printable_and_bounded) {
  BOOST_TEST(validate_ascii(std::string(100, 'x'), 100).is_valid);
  BOOST_TEST(validate_ascii(std::string(101, 'x'), 100).reason == "text.too_long");
  BOOST_TEST(validate_ascii("Zo\xC3\xAB", 100).reason == "text.non_ascii");
  BOOST_TEST(validate_ascii("a\tb", 100).reason == "text.non_ascii");
  BOOST_TEST(validate_ascii("", 100).reason == "text.empty");
  BOOST_TEST(validate_ascii("", 100, false).is_valid);
}

BOOST_AUTO_TEST_CASE(currency_codes_must_be_known_and_upper_case) {
  BOOST_TEST(validate_currency_code("CAD").is_valid);
  BOOST_TEST(validate_currency_code("cad").reason == "currency.malformed");
  BOOST_TEST(validate_currency_code("XXX").reason == "currency.unknown");
  BOOST_TEST(validate_currency_code("").reason == "currency.empty");
}

BOOST_AUTO_TEST_CASE(rejects_routing_number_with_bad_checksum) {
  BOOST_TEST(validate_routing_number("011000015").is_valid);
  BOOST_TEST(validate_routing_number("021000021").is_valid);
  BOOST_TEST(validate_routing_number("011000016").reason == "routing.checksum_failed");
  BOOST_TEST(validate_routing_number("01100001").reason == "routing.too_short");
  BOOST_TEST(validate_routing_number("0110000150").reason == "routing.too_long");
  BOOST_TEST(validate_routing_number("01100001a").reason == "routing.non_digit");
  BOOST_TEST(validate_routing_number("").reason == "routing.empty");
}

BOOST_AUTO_TEST_SUITE_END()
