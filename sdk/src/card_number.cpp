// Card number validation and as-you-type formatting.
//
// validate_card_number mirrors card-validator's number(): a number stays potentially valid while
// a longer allowed length remains for its brand, UnionPay is exempt from the Luhn check unless
// asked, and an ambiguous prefix is potentially valid with no brand. Every outcome gets a reason.
#include <algorithm>

#include "payref/card.hpp"

namespace payref {
namespace {

bool is_separator(char c) { return c == ' ' || c == '-' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Digits of `text` without separators. Longer input than any card is cut at `kKeep`; the length
// itself is still reported so that it is judged too long.
struct Digits {
  static constexpr std::size_t kKeep = 64;
  char buffer[kKeep];
  std::size_t length = 0;  // of the whole input, without separators
  bool non_digit = false;
  std::string_view kept() const { return {buffer, std::min(length, kKeep)}; }
};

Digits strip(std::string_view text) {
  Digits d;
  for (char c : text) {
    if (is_separator(c)) continue;
    if (c < '0' || c > '9') d.non_digit = true;
    if (d.length < Digits::kKeep) d.buffer[d.length] = c;
    ++d.length;
  }
  return d;
}

bool brand_allows_length(const CardBrand& brand, std::size_t length) {
  return std::find(brand.lengths.begin(), brand.lengths.end(), length) != brand.lengths.end();
}

}  // namespace

bool luhn_valid(std::string_view digits) {
  int sum = 0;
  bool twice = false;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    int d = *it - '0';
    if (twice) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    twice = !twice;
  }
  return sum % 10 == 0;
}

CardNumberValidation validate_card_number(std::string_view text, const CardNumberOptions& options) {
  const Digits d = strip(text);
  if (d.non_digit) return {Validation::invalid("card.non_digit")};
  if (d.length == 0) return {Validation::incomplete("card.empty")};

  const auto candidates = detect_card_brands(d.kept());
  if (candidates.count == 0) return {Validation::invalid("card.unknown_brand")};
  if (candidates.count > 1) return {Validation::incomplete("card.brand_ambiguous")};

  const CardBrand& brand = *candidates.items[0];
  CardNumberValidation result;
  result.brand = &brand;
  if (options.max_length != 0 && d.length > options.max_length) {
    result.reason = "card.too_long";
    return result;
  }
  if (d.length > Digits::kKeep) {  // longer than any brand allows
    result.reason = "card.too_long";
    return result;
  }

  const bool luhn_exempt = options.skip_luhn || (brand.type == "unionpay" && !options.luhn_validate_unionpay);
  const bool luhn_ok = luhn_exempt || luhn_valid(d.kept());
  std::size_t max_length = brand.lengths.back();
  if (options.max_length != 0) max_length = std::min(max_length, options.max_length);

  if (brand_allows_length(brand, d.length)) {
    result.is_valid = luhn_ok;
    result.is_potentially_valid = d.length < max_length || luhn_ok;
    if (!luhn_ok) result.reason = "card.luhn_failed";
    return result;
  }
  result.is_potentially_valid = d.length < max_length;
  result.reason = d.length < max_length ? "card.too_short" : "card.too_long";
  return result;
}

std::string mask_card_number(std::string_view digits) {
  if (digits.size() <= 10) return std::string(digits.size(), '*');
  return std::string(digits.substr(0, 6)) + std::string(digits.size() - 10, '*') + std::string(digits.substr(digits.size() - 4));
}

std::string format_card_number(std::string_view text) {
  std::string digits;
  digits.reserve(text.size());
  for (char c : text)
    if (c >= '0' && c <= '9') digits.push_back(c);

  static constexpr std::uint8_t kDefaultGaps[] = {4, 8, 12};
  std::span<const std::uint8_t> gaps = kDefaultGaps;
  const auto candidates = detect_card_brands(digits);
  if (candidates.count == 1) gaps = candidates.items[0]->gaps;

  std::string out;
  out.reserve(digits.size() + gaps.size());
  std::size_t next_gap = 0;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (next_gap < gaps.size() && i == gaps[next_gap]) {
      out.push_back(' ');
      ++next_gap;
    }
    out.push_back(digits[i]);
  }
  return out;
}

}  // namespace payref
