// Brand lookup and detection from the first digits (credit-card-type's algorithm).
//
// Each brand contributes its first matching pattern. A pattern matches while the typed digits
// and the pattern agree on their common prefix, so "3" still matches both 34 and 300–305. Once
// every candidate has been matched over its pattern's full width, detection is conclusive and
// the longest pattern wins (first in table order on ties).
#include <cstdint>

#include "payref/card.hpp"

namespace payref {
namespace {

int digit_count(std::uint32_t n) {
  int digits = 1;
  while (n >= 10) {
    n /= 10;
    ++digits;
  }
  return digits;
}

std::uint32_t pow10(int e) {
  std::uint32_t p = 1;
  while (e-- > 0) p *= 10;
  return p;
}

// 0 when the pattern does not match; otherwise its strength: the pattern's width once the input
// covers it, or -1 for a match that is still only a prefix agreement.
int match_strength(std::string_view digits, IinRange range) {
  const int width = digit_count(range.low);
  const int k = static_cast<int>(digits.size()) < width ? static_cast<int>(digits.size()) : width;
  std::uint32_t head = 0;
  for (int i = 0; i < k; ++i) head = head * 10 + static_cast<std::uint32_t>(digits[i] - '0');
  // Digits typed with a leading zero give a shorter number than any k-digit bound: no match.
  const std::uint32_t scale = pow10(width - k);
  if (head < range.low / scale || head > range.high / scale) return 0;
  return static_cast<int>(digits.size()) >= width ? width : -1;
}

}  // namespace

const CardBrand* find_card_brand(std::string_view type) {
  for (const auto& brand : card_brands())
    if (brand.type == type) return &brand;
  return nullptr;
}

CardBrandMatches detect_card_brands(std::string_view text) {
  // No pattern is wider than eight digits, so the first eight decide.
  char head[8];
  std::size_t n = 0;
  for (char c : text) {
    if (c == ' ' || c == '-') continue;
    if (c < '0' || c > '9') return {};
    if (n < sizeof head) head[n++] = c;
  }
  const std::string_view digits(head, n);

  CardBrandMatches all;
  for (const auto& brand : card_brands()) all.items[all.count++] = &brand;
  if (digits.empty()) return all;

  CardBrandMatches found;
  int strengths[std::tuple_size_v<decltype(found.items)>] = {};
  bool conclusive = true;
  for (const auto& brand : card_brands()) {
    for (const auto& pattern : brand.patterns) {
      const int strength = match_strength(digits, pattern);
      if (strength == 0) continue;
      strengths[found.count] = strength;
      found.items[found.count++] = &brand;
      conclusive = conclusive && strength > 0;
      break;
    }
  }
  if (found.count == 0 || !conclusive) return found;

  std::size_t best = 0;
  for (std::size_t i = 1; i < found.count; ++i)
    if (strengths[i] > strengths[best]) best = i;
  CardBrandMatches winner;
  winner.items[0] = found.items[best];
  winner.count = 1;
  return winner;
}

}  // namespace payref
