// Money parsing and formatting. Strict on purpose: amounts arrive as text on every API family,
// and anything a human could read two ways ("1,000", "1e3", "01.5") is refused, not guessed.
#include "payref/money.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "data/packed_tables.hpp"

namespace payref {
namespace {

Currency currency_row(std::string_view line) {
  return Currency{line.substr(0, 3), static_cast<std::uint16_t>(data::three_digits(line.substr(3, 3))),
                  static_cast<std::uint8_t>(line[6] - '0')};
}

const std::vector<Currency>& currency_table() {
  static const std::vector<Currency> table = data::parse_lines(data::kCurrencyLines, &currency_row);
  return table;
}

}  // namespace

std::span<const Currency> currencies() { return currency_table(); }

const Currency* find_currency(std::string_view alpha) {
  const auto& table = currency_table();
  const auto it = std::lower_bound(table.begin(), table.end(), alpha,
                                   [](const Currency& c, std::string_view a) { return c.alpha < a; });
  return it != table.end() && it->alpha == alpha ? &*it : nullptr;
}

namespace {

Status amount_error(std::string reason, std::string message) {
  return Status::invalid(std::move(reason), "amount", std::move(message));
}

Status unknown_currency(std::string_view code) {
  return Status::invalid("money.unknown_currency", "currency", "unknown currency code '" + std::string(code) + "'");
}

Status out_of_range() { return amount_error("money.out_of_range", "amount is beyond ±(2^53 − 1) minor units"); }

bool in_range(std::int64_t minor) { return minor >= -kMaxMinorUnits && minor <= kMaxMinorUnits; }

}  // namespace

Result<Money> Money::from_minor(std::int64_t minor_units, std::string_view currency) {
  const Currency* c = find_currency(currency);
  if (c == nullptr) return unknown_currency(currency);
  if (!in_range(minor_units)) return out_of_range();
  return Money(minor_units, c);
}

std::string Money::to_decimal_string() const {
  const bool negative = minor_ < 0;
  std::string digits = std::to_string(negative ? -minor_ : minor_);  // |minor_| ≤ 2^53: no overflow
  const std::size_t exponent = currency_->exponent;
  if (exponent > 0) {
    if (digits.size() <= exponent) digits.insert(0, exponent + 1 - digits.size(), '0');
    digits.insert(digits.size() - exponent, 1, '.');
  }
  return negative ? "-" + digits : digits;
}

Result<Money> parse_money(std::string_view text, std::string_view currency, const MoneyParseOptions& options) {
  const Currency* c = find_currency(currency);
  if (c == nullptr) return unknown_currency(currency);
  if (text.empty()) return amount_error("money.empty", "amount is empty");

  std::string_view rest = text;
  const bool negative = rest.front() == '-';
  if (negative) rest.remove_prefix(1);

  const auto dot = rest.find('.');
  const std::string_view whole = rest.substr(0, dot);
  const std::string_view fraction = dot == std::string_view::npos ? std::string_view() : rest.substr(dot + 1);
  const auto digits_only = [](std::string_view s) {
    for (char ch : s)
      if (ch < '0' || ch > '9') return false;
    return true;
  };
  if (whole.empty() || !digits_only(whole) || !digits_only(fraction) ||
      (dot != std::string_view::npos && fraction.empty()) || (whole.size() > 1 && whole.front() == '0')) {
    return amount_error("money.malformed", "amount must be plain decimal text such as 20.50");
  }
  if (fraction.size() > c->exponent) {
    return amount_error("money.too_many_decimals",
                        std::string(c->alpha) + " has " + std::to_string(c->exponent) + " decimal places");
  }

  // Accumulate whole and fraction digits, then scale to the exponent, checking the bound before
  // every step so that no intermediate can overflow.
  std::int64_t minor = 0;
  const auto push_digit = [&minor](int d) {
    if (minor > (kMaxMinorUnits - d) / 10) return false;
    minor = minor * 10 + d;
    return true;
  };
  for (char ch : whole)
    if (!push_digit(ch - '0')) return out_of_range();
  for (char ch : fraction)
    if (!push_digit(ch - '0')) return out_of_range();
  for (std::size_t i = fraction.size(); i < c->exponent; ++i)
    if (!push_digit(0)) return out_of_range();

  if (minor == 0) {
    if (!options.allow_zero) return amount_error("money.zero", "amount must not be zero");
    return Money::from_minor(0, c->alpha);  // "-0" is zero, not negative
  }
  if (negative) {
    if (!options.allow_negative) return amount_error("money.negative", "amount must not be negative");
    minor = -minor;
  }
  return Money::from_minor(minor, c->alpha);
}

namespace {
Result<Money> combine(const Money& a, const Money& b, bool subtract_b) {
  if (&a.currency() != &b.currency()) {
    return Status::invalid("money.currency_mismatch", "currency",
                           std::string(a.currency().alpha) + " and " + std::string(b.currency().alpha) + " cannot be combined");
  }
  // Both operands are within ±2^53, so the int64 result cannot overflow; only the bound matters.
  const std::int64_t sum = subtract_b ? a.minor_units() - b.minor_units() : a.minor_units() + b.minor_units();
  return Money::from_minor(sum, a.currency().alpha);
}
}  // namespace

Result<Money> add(const Money& a, const Money& b) { return combine(a, b, false); }
Result<Money> subtract(const Money& a, const Money& b) { return combine(a, b, true); }

}  // namespace payref
