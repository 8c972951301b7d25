#include <boost/test/unit_test.hpp>

#include <set>
#include <string>

#include "payref/card.hpp"

using namespace payref;

namespace {
int digits_of(std::uint32_t n) { return static_cast<int>(std::to_string(n).size()); }

std::string luhn_complete(std::string body) {
  int sum = 0;
  bool twice = true;
  for (auto it = body.rbegin(); it != body.rend(); ++it, twice = !twice) {
    int d = *it - '0';
    if (twice && (d *= 2) > 9) d -= 9;
    sum += d;
  }
  return body + static_cast<char>('0' + (10 - sum % 10) % 10);
}
}  // namespace

BOOST_AUTO_TEST_SUITE(card_tests)

BOOST_AUTO_TEST_CASE(brand_table_is_well_formed) {
  std::set<std::string_view> types;
  BOOST_TEST(card_brands().size() == 17u);
  for (const auto& b : card_brands()) {
    BOOST_TEST_CONTEXT(b.type) {
      BOOST_TEST(types.insert(b.type).second);
      BOOST_TEST(!b.nice_type.empty());
      BOOST_TEST(!b.patterns.empty());
      BOOST_TEST(!b.lengths.empty());
      for (std::size_t i = 1; i < b.lengths.size(); ++i) BOOST_TEST(b.lengths[i - 1] < b.lengths[i]);
      for (const auto& p : b.patterns) {
        BOOST_TEST(p.low <= p.high);
        BOOST_TEST(digits_of(p.low) == digits_of(p.high));
        BOOST_TEST(digits_of(p.low) <= 8);
      }
      for (auto gap : b.gaps) BOOST_TEST(gap < b.lengths.back());
      BOOST_TEST((b.code.size == 3 || b.code.size == 4));
    }
  }
  BOOST_TEST(find_card_brand("american-express")->code.size == 4u);
  BOOST_TEST(find_card_brand("rupay") != nullptr);
  BOOST_TEST(find_card_brand("dankort") != nullptr);
  BOOST_TEST(find_card_brand("amex") == nullptr);
}

BOOST_AUTO_TEST_CASE(detects_a_representative_number_of_every_brand) {
  const std::pair<std::string_view, std::string_view> samples[] = {
      {"visa", "4111111111111111"},      {"mastercard", "2221000000000009"}, {"american-express", "378282246310005"},
      {"diners-club", "30569309025904"}, {"discover", "6011111111111117"},   {"troy", "9792000000000001"},
      {"jcb", "3530111333300000"},       {"unionpay", "6212345678901232"},   {"naranja", "5895626746595650"},
      {"verve", "5060990580000217499"},  {"rupay", "6521500000000001"},      {"dankort", "5019717010103742"},
      {"maestro", "6304000000000000"},   {"elo", "6363680000000005"},        {"mir", "2200000000000004"},
      {"hiper", "6370950000000005"},     {"hipercard", "6062826786276634"}};
  for (const auto& [type, number] : samples) {
    BOOST_TEST_CONTEXT(type) {
      const auto matches = detect_card_brands(number);
      BOOST_REQUIRE(matches.count == 1u);
      BOOST_TEST(matches.items[0]->type == type);
    }
  }
}

BOOST_AUTO_TEST_CASE(detection_narrows_as_digits_are_typed) {
  BOOST_TEST(detect_card_brands("").count == card_brands().size());
  BOOST_TEST(detect_card_brands("3").count == 3u);  // amex, diners, jcb
  const auto thirty_four = detect_card_brands("34");
  BOOST_REQUIRE(thirty_four.count == 1u);
  BOOST_TEST(thirty_four.items[0]->type == "american-express");
  BOOST_TEST(detect_card_brands("7").count == 0u);
  BOOST_TEST(detect_card_brands("4x").count == 0u);
}

BOOST_AUTO_TEST_CASE(longest_prefix_wins_once_detection_is_conclusive) {
  const auto discover = detect_card_brands("6011");  // discover 6011 beats maestro 6
  BOOST_REQUIRE(discover.count == 1u);
  BOOST_TEST(discover.items[0]->type == "discover");
  const auto rupay = detect_card_brands("652150");  // rupay 652150 beats discover 65
  BOOST_REQUIRE(rupay.count == 1u);
  BOOST_TEST(rupay.items[0]->type == "rupay");
}

BOOST_AUTO_TEST_CASE(detection_ignores_spaces_and_dashes) {
  const auto a = detect_card_brands("3 7");
  const auto b = detect_card_brands("3-7");
  BOOST_REQUIRE(a.count == 1u);
  BOOST_REQUIRE(b.count == 1u);
  BOOST_TEST(a.items[0] == b.items[0]);
}

BOOST_AUTO_TEST_CASE(luhn_accepts_check_digits_it_computes) {
  BOOST_TEST(luhn_valid("79927398713"));
  BOOST_TEST(!luhn_valid("79927398710"));
  for (const char* body : {"411111111111111", "37828224631000", "6", "0000000000000"}) {
    BOOST_TEST(luhn_valid(luhn_complete(body)));
  }
}

BOOST_AUTO_TEST_CASE(valid_number_has_no_reason_and_names_its_brand) {
  const auto v = validate_card_number("4111 1111 1111 1111");
  BOOST_TEST(v.is_valid);
  BOOST_TEST(v.is_potentially_valid);
  BOOST_TEST(v.reason.empty());
  BOOST_REQUIRE(v.brand != nullptr);
  BOOST_TEST(v.brand->type == "visa");
}

BOOST_AUTO_TEST_CASE(luhn_failure_stays_potentially_valid_while_longer_lengths_remain) {
  const auto sixteen = validate_card_number("4111111111111112");  // visa allows 18 and 19
  BOOST_TEST(!sixteen.is_valid);
  BOOST_TEST(sixteen.is_potentially_valid);
  BOOST_TEST(sixteen.reason == "card.luhn_failed");
  const auto amex = validate_card_number("378282246310006");  // amex: 15 only
  BOOST_TEST(!amex.is_potentially_valid);
  BOOST_TEST(amex.reason == "card.luhn_failed");
}

BOOST_AUTO_TEST_CASE(unionpay_is_exempt_from_luhn_by_default) {
  const std::string bad = "6212345678901233";
  BOOST_REQUIRE(!luhn_valid(bad));
  BOOST_TEST(validate_card_number(bad).is_valid);
  CardNumberOptions strict;
  strict.luhn_validate_unionpay = true;
  BOOST_TEST(validate_card_number(bad, strict).reason == "card.luhn_failed");
}

BOOST_AUTO_TEST_CASE(max_length_option_caps_the_brand_lengths) {
  CardNumberOptions sixteen;
  sixteen.max_length = 16;
  BOOST_TEST(validate_card_number(luhn_complete("400000000000000000"), sixteen).reason == "card.too_long");
  const auto bad16 = validate_card_number("4111111111111112", sixteen);
  BOOST_TEST(!bad16.is_potentially_valid);  // no longer length left to hope for
}

BOOST_AUTO_TEST_CASE(skip_luhn_option_accepts_any_check_digit) {
  CardNumberOptions skip;
  skip.skip_luhn = true;
  BOOST_TEST(validate_card_number("4111111111111112", skip).is_valid);
  BOOST_TEST(validate_card_number("411111", skip).reason == "card.too_short");
}

BOOST_AUTO_TEST_CASE(every_number_reason_is_reachable) {
  BOOST_TEST(validate_card_number("").reason == "card.empty");
  BOOST_TEST(validate_card_number("4111a").reason == "card.non_digit");
  BOOST_TEST(validate_card_number("7").reason == "card.unknown_brand");
  BOOST_TEST(validate_card_number("3").reason == "card.brand_ambiguous");
  BOOST_TEST(validate_card_number("41111").reason == "card.too_short");
  BOOST_TEST(validate_card_number("41111111111111111111").reason == "card.too_long");
  BOOST_TEST(validate_card_number("4111111111111112").reason == "card.luhn_failed");
}

BOOST_AUTO_TEST_CASE(input_far_longer_than_any_card_is_too_long_not_a_crash) {
  const std::string huge(100000, '4');
  const auto v = validate_card_number(huge);
  BOOST_TEST(!v.is_valid);
  BOOST_TEST(!v.is_potentially_valid);
  BOOST_TEST(v.reason == "card.too_long");
}

BOOST_AUTO_TEST_CASE(formats_by_brand_gaps) {
  BOOST_TEST(format_card_number("4111111111111111") == "4111 1111 1111 1111");
  BOOST_TEST(format_card_number("378282246310005") == "3782 822463 10005");
  BOOST_TEST(format_card_number("30569309025904") == "3056 930902 5904");
  BOOST_TEST(format_card_number("4000000000000000006") == "4000 0000 0000 0000006");
  BOOST_TEST(format_card_number("4111-1111 x 1111") == "4111 1111 1111");
  BOOST_TEST(format_card_number("").empty());
}

BOOST_AUTO_TEST_CASE(cvv_size_follows_the_brand) {
  const CardBrand* amex = find_card_brand("american-express");
  const CardBrand* visa = find_card_brand("visa");
  BOOST_TEST(validate_cvv("1234", amex).is_valid);
  BOOST_TEST(validate_cvv("123", amex).reason == "cvv.too_short");
  BOOST_TEST(validate_cvv("123", amex).is_potentially_valid);
  BOOST_TEST(validate_cvv("1234", visa).reason == "cvv.too_long");
  BOOST_TEST(validate_cvv("123", nullptr).is_valid);
  BOOST_TEST(validate_cvv("", visa).reason == "cvv.empty");
  BOOST_TEST(validate_cvv("12a", visa).reason == "cvv.non_digit");
}

BOOST_AUTO_TEST_CASE(cardholder_name_rules) {
  BOOST_TEST(validate_cardholder_name("Jane Doe").is_valid);
  BOOST_TEST(validate_cardholder_name("").reason == "name.empty");
  BOOST_TEST(validate_cardholder_name("4111 1111").reason == "name.looks_like_card_number");
  BOOST_TEST(validate_cardholder_name(std::string(256, 'a')).reason == "name.too_long");
  // 255 characters of two bytes each: the limit counts characters, not bytes.
  std::string accented;
  for (int i = 0; i < 255; ++i) accented += "\xC3\xA9";
  BOOST_TEST(validate_cardholder_name(accented).is_valid);
}

BOOST_AUTO_TEST_CASE(invalid_card_becomes_a_status_with_its_reason) {
  const Status s = validate_card_number("4111111111111112").to_status("CardNumber");
  BOOST_TEST(to_string(s.code()) == "invalid_argument");
  BOOST_TEST(s.reason() == "card.luhn_failed");
  BOOST_TEST(s.field() == "CardNumber");
}

BOOST_AUTO_TEST_CASE(masking_shows_the_first_six_and_last_four_only) {
  BOOST_TEST(mask_card_number("4111111111111111") == "411111******1111");
  BOOST_TEST(mask_card_number("378282246310005") == "378282*****0005");
  BOOST_TEST(mask_card_number("6250941006528599060") == "625094*********9060");
  BOOST_TEST(mask_card_number("12345678901") == "123456*8901");
  // Six and four of ten digits or fewer would be the number itself.
  BOOST_TEST(mask_card_number("1234567890") == "**********");
  BOOST_TEST(mask_card_number("") == "");
}

BOOST_AUTO_TEST_SUITE_END()
