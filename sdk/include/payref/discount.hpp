// Discount codes (seed 000 DiscountCodes, Discount{DiscountCode, Product} on purchases): syntax,
// percent or fixed amount, product scope, validity window, usage limit and minimum order. One
// rule set for the server's discountcode/validate and the browser's as-you-type check.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "payref/calendar.hpp"
#include "payref/money.hpp"
#include "payref/status.hpp"
#include "payref/validation.hpp"

namespace payref {

// 3–32 characters of A–Z, 0–9, '-' and '_' (upper case: codes are shown and typed in capitals).
// reason: discount.empty, discount.too_short, discount.too_long, discount.malformed.
Validation validate_discount_code(std::string_view code);

// A percentage with at most two decimals, from above 0 to 100: "12.5" → 1250 basis points.
// reason: discount.percent_invalid.
Result<int> parse_percent(std::string_view text);

struct DiscountCode {
  std::string code;
  int percent_basis_points = 0;          // set for a percentage discount (1–10000)
  std::optional<Money> amount_off;       // set for a fixed discount
  std::vector<std::string> products;     // empty: any product
  std::optional<CalendarDate> valid_from;   // inclusive
  std::optional<CalendarDate> valid_until;  // inclusive
  std::optional<std::int64_t> max_uses;     // empty: unlimited
  std::int64_t uses = 0;
  std::optional<Money> minimum_order;
};

struct Order {
  std::string product;
  Money subtotal;
};

// The discount `code` gives `order` on `today`: never more than the subtotal; a percentage is
// rounded half-up to the currency's minor unit. reason: discount.not_yet_valid,
// discount.expired, discount.usage_exhausted, discount.not_applicable_to_product,
// discount.currency_mismatch, discount.minimum_not_met.
Result<Money> evaluate_discount(const DiscountCode& code, const Order& order, CalendarDate today);

}  // namespace payref
