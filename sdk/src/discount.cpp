#include "payref/discount.hpp"

#include <algorithm>

#include "payref/schedule.hpp"

namespace payref {

Validation validate_discount_code(std::string_view code) {
  if (code.empty()) return Validation::invalid("discount.empty");
  for (char c : code)
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
      return Validation::invalid("discount.malformed");
  if (code.size() > 32) return Validation::invalid("discount.too_long");
  if (code.size() < 3) return Validation::incomplete("discount.too_short");
  return Validation::valid();
}

Result<int> parse_percent(std::string_view text) {
  // Percent text has the shape of a two-decimal amount: reuse the strict money parser on a
  // two-decimal currency, then bound it.
  const auto parsed = parse_money(text, "USD", MoneyParseOptions{false, false});
  if (!parsed || parsed->minor_units() > 10000)
    return Status::invalid("discount.percent_invalid", "Percent", "a percentage above 0 and at most 100, two decimals at most");
  return static_cast<int>(parsed->minor_units());
}

Result<Money> evaluate_discount(const DiscountCode& code, const Order& order, CalendarDate today) {
  const auto fail = [](const char* reason, const char* message) -> Result<Money> {
    return Status(StatusCode::failed_precondition, reason, "DiscountCode", message);
  };
  if (code.valid_from && today < *code.valid_from) return fail("discount.not_yet_valid", "the code is not valid yet");
  if (code.valid_until && today > *code.valid_until) return fail("discount.expired", "the code has expired");
  if (code.max_uses && code.uses >= *code.max_uses) return fail("discount.usage_exhausted", "the code has been used up");
  if (!code.products.empty() && std::find(code.products.begin(), code.products.end(), order.product) == code.products.end())
    return fail("discount.not_applicable_to_product", "the code does not apply to this product");
  const Currency& currency = order.subtotal.currency();
  if ((code.amount_off && &code.amount_off->currency() != &currency) ||
      (code.minimum_order && &code.minimum_order->currency() != &currency))
    return fail("discount.currency_mismatch", "the code is for another currency");
  if (code.minimum_order && order.subtotal.minor_units() < code.minimum_order->minor_units())
    return fail("discount.minimum_not_met", "the order is below the code's minimum");
  std::int64_t off = 0;
  if (code.amount_off) {
    off = code.amount_off->minor_units();
  } else {
    // Half-up to the minor unit, in integers: subtotal × bp / 10000. Split subtotal = q·10000 + r
    // so nothing overflows (2^53 × 10000 would): q·bp is exact, only r·bp / 10000 is rounded.
    const std::int64_t subtotal = order.subtotal.minor_units();
    const std::int64_t bp = code.percent_basis_points;
    off = (subtotal / 10000) * bp + ((subtotal % 10000) * bp + 5000) / 10000;
  }
  off = std::min(off, order.subtotal.minor_units());
  return Money::from_minor(off, currency.alpha);
}

}  // namespace payref
