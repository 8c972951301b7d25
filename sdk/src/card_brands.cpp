// Brand lookup and detection from the first digits (credit-card-type's algorithm).
//
// Each brand contributes its first matching pattern. A pattern matches while the typed digits
// and the pattern agree on their common prefix, so "3" still matches both 34 and 300–305. Once
// every candidate has been matched over its pattern's full width, detection is conclusive and
// the longest pattern wins (first in table order on ties).
//
// Detection runs on every keystroke and inside every number validation, so the table is
// compiled once into a form that needs no digit counting per call, and brands whose patterns
// cannot start with the first typed digit are skipped outright.
#include <array>
#include <cstdint>
#include <vector>

#include "payref/card.hpp"

namespace payref {
namespace {

constexpr std::uint32_t kPow10[] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000};
constexpr std::size_t kMaxWidth = 8;  // no pattern in the table is wider

struct CompiledPattern {
  std::uint32_t low;
  std::uint32_t high;
  std::uint8_t width;
};

struct CompiledBrand {
  const CardBrand* brand;
  std::uint16_t first_digits;  // bit d: some pattern can start with digit d
  std::vector<CompiledPattern> patterns;
};

int digit_count(std::uint32_t n) {
  int digits = 1;
  while (n >= 10) {
    n /= 10;
    ++digits;
  }
  return digits;
}

const std::vector<CompiledBrand>& compiled_brands() {
  static const std::vector<CompiledBrand> table = [] {
    std::vector<CompiledBrand> out;
    for (const auto& brand : card_brands()) {
      CompiledBrand cb{&brand, 0, {}};
      for (const auto& p : brand.patterns) {
        const auto width = static_cast<std::uint8_t>(digit_count(p.low));
        cb.patterns.push_back({p.low, p.high, width});
        const std::uint32_t scale = kPow10[width - 1];
        for (std::uint32_t d = p.low / scale; d <= p.high / scale; ++d) cb.first_digits |= 1u << d;
      }
      out.push_back(std::move(cb));
    }
    return out;
  }();
  return table;
}

}  // namespace

const CardBrand* find_card_brand(std::string_view type) {
  for (const auto& brand : card_brands())
    if (brand.type == type) return &brand;
  return nullptr;
}

CardBrandMatches detect_card_brands(std::string_view text) {
  // prefix[k]: the number formed by the first k digits.
  std::uint32_t prefix[kMaxWidth + 1] = {0};
  std::size_t n = 0;
  for (char c : text) {
    if (c == ' ' || c == '-') continue;
    if (c < '0' || c > '9') return {};
    if (n < kMaxWidth) {
      prefix[n + 1] = prefix[n] * 10 + static_cast<std::uint32_t>(c - '0');
      ++n;
    }
  }
  // A leading zero never matches: it makes every prefix shorter than the bounds it meets.

  CardBrandMatches found;
  if (n == 0) {
    for (const auto& brand : card_brands()) found.items[found.count++] = &brand;
    return found;
  }
  const std::uint32_t first_digit = prefix[1];
  std::uint8_t strengths[std::tuple_size_v<decltype(found.items)>] = {};
  bool conclusive = true;
  for (const auto& cb : compiled_brands()) {
    if ((cb.first_digits & (1u << first_digit)) == 0) continue;
    for (const auto& p : cb.patterns) {
      const std::size_t k = n < p.width ? n : p.width;
      const std::uint32_t scale = kPow10[p.width - k];
      const std::uint32_t head = prefix[k];
      if (head < p.low / scale || head > p.high / scale) continue;
      const bool covered = n >= p.width;
      strengths[found.count] = covered ? p.width : 0;
      found.items[found.count++] = cb.brand;
      conclusive = conclusive && covered;
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
