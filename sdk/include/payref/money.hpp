// Money: an integer count of minor units in an ISO-4217 currency. Never binary floating point.
//
// Amounts are limited to ±(2^53 − 1) minor units so that every amount the core accepts is exact
// as a JavaScript number too (the npm package hands amounts to JS as numbers).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "payref/status.hpp"

namespace payref {

struct Currency {
  std::string_view alpha;  // "USD"
  std::uint16_t numeric;   // 840
  std::uint8_t exponent;   // digits after the decimal point: USD 2, JPY 0, BHD 3
};

// The ISO-4217 table (active currencies), sorted by alpha code. Data: sdk/src/data/currencies.cpp.
std::span<const Currency> currencies();
// Exact, upper-case alpha code; nullptr when unknown.
const Currency* find_currency(std::string_view alpha);
// English name ("US Dollar"); like country_name(), kept out of the browser module.
std::string_view currency_name(const Currency& currency);

inline constexpr std::int64_t kMaxMinorUnits = 9007199254740991;  // 2^53 − 1

class Money {
 public:
  // Fails with money.out_of_range or money.unknown_currency.
  static Result<Money> from_minor(std::int64_t minor_units, std::string_view currency);

  std::int64_t minor_units() const { return minor_; }
  const Currency& currency() const { return *currency_; }

  // Plain decimal text with exactly the currency's exponent: "20.50", "-3.10", "500" (JPY),
  // "1.250" (BHD). This is the form the seeds put on the wire.
  std::string to_decimal_string() const;

  friend bool operator==(const Money& a, const Money& b) {
    return a.minor_ == b.minor_ && a.currency_ == b.currency_;
  }

 private:
  Money(std::int64_t minor, const Currency* currency) : minor_(minor), currency_(currency) {}
  std::int64_t minor_;
  const Currency* currency_;
};

struct MoneyParseOptions {
  bool allow_negative = false;
  bool allow_zero = true;
};

// Strict decimal text → Money: "20.50", "20.5", "20", "0.07"; JSON numbers are parsed from their
// literal text the same way. Rejected (reason): "" (money.empty), "1e3", " 1", "+1", "1.", ".5",
// "01.00", "1,000" (money.malformed), "1.005" in USD (money.too_many_decimals), "-1" unless
// allowed (money.negative), "0" unless allowed (money.zero), beyond 2^53−1 minor units
// (money.out_of_range), an unknown currency (money.unknown_currency).
Result<Money> parse_money(std::string_view text, std::string_view currency,
                          const MoneyParseOptions& options = {});

// a + b and a − b in one currency; money.currency_mismatch or money.out_of_range otherwise.
Result<Money> add(const Money& a, const Money& b);
Result<Money> subtract(const Money& a, const Money& b);

}  // namespace payref
