// Payment cards: the brand table, brand detection, number / expiry / security-code / cardholder
// validation, and as-you-type formatting.
//
// Semantics follow braintree's card-validator (number(), expirationDate(), cvv(),
// cardholderName()) so that pages can switch to payref without surprises, with two additions:
// every result carries a stable reason, and the table knows rupay and dankort as well.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "payref/calendar.hpp"
#include "payref/validation.hpp"

namespace payref {

// An IIN prefix pattern: every number whose first digits fall in [low, high]. Both bounds have the
// same number of digits; low == high for a single prefix. Its digit count is its match strength.
struct IinRange {
  std::uint32_t low;
  std::uint32_t high;
};

struct SecurityCode {
  std::string_view name;  // "CVV", "CVC", "CID", ...
  std::uint8_t size;
};

struct CardBrand {
  std::string_view type;       // stable id: "visa", "american-express", ...
  std::string_view nice_type;  // display name: "Visa", "American Express", ...
  std::span<const IinRange> patterns;
  std::span<const std::uint8_t> gaps;     // positions after which a space goes when formatting
  std::span<const std::uint8_t> lengths;  // allowed number lengths, ascending
  SecurityCode code;
};

// The brand table in detection order (data: sdk/src/data/card_brands.cpp).
std::span<const CardBrand> card_brands();
// By stable id; nullptr when unknown.
const CardBrand* find_card_brand(std::string_view type);

// Candidate brands for what has been typed so far, in detection order. Spaces and dashes are
// ignored; any other non-digit → no candidates. Empty input → every brand; input that is no
// longer ambiguous → the single best match (longest matching prefix).
struct CardBrandMatches {
  std::array<const CardBrand*, 24> items{};
  std::size_t count = 0;
  std::span<const CardBrand* const> view() const& { return {items.data(), count}; }
  // A view of a temporary would dangle (as in `for (auto* b : detect_card_brands(t).view())`).
  std::span<const CardBrand* const> view() const&& = delete;
};
CardBrandMatches detect_card_brands(std::string_view text);

struct CardNumberOptions {
  std::size_t max_length = 0;          // 0: the brand's own maximum
  bool skip_luhn = false;              // accept numbers that fail the Luhn check
  bool luhn_validate_unionpay = false;  // UnionPay is exempt from Luhn unless this is set
};

// reason: card.empty, card.non_digit, card.unknown_brand, card.brand_ambiguous, card.too_short,
// card.too_long, card.luhn_failed. brand is set once exactly one brand remains.
struct CardNumberValidation : Validation {
  const CardBrand* brand = nullptr;
};

// Spaces and dashes are ignored.
CardNumberValidation validate_card_number(std::string_view text, const CardNumberOptions& options = {});

// The Luhn (mod 10) check over a string of digits.
bool luhn_valid(std::string_view digits);

// Groups the digits typed so far by the detected brand's gaps ("4111 1111 1111 1111",
// "3782 822463 10005"); separators the user typed are dropped, other characters are kept out.
std::string format_card_number(std::string_view text);

// A card number as it may be shown, stored beside the encrypted number, or logged: the first six
// and last four digits with '*' between ("411111******1111", PCI DSS 3.4's widest display); ten
// digits or fewer are all '*', since six and four would show them whole. `digits`: digits only.
std::string mask_card_number(std::string_view digits);

// reason: expiry.empty, expiry.malformed, expiry.month_invalid, expiry.year_invalid,
// expiry.incomplete, expiry.expired, expiry.too_far. month/year are set (year as four digits)
// when valid.
struct ExpiryValidation : Validation {
  int month = 0;
  int year = 0;
};

inline constexpr int kDefaultMaxYearsAhead = 19;

// Accepts "10/25", "10 / 2025", "1025", "102025", "10 25", "2025-10", "1/26". The card is valid
// through the last day of its month; `today` comes from the caller (the core reads no clock).
ExpiryValidation validate_expiry(std::string_view text, CalendarDate today,
                                 int max_years_ahead = kDefaultMaxYearsAhead);
ExpiryValidation validate_expiry(std::string_view month, std::string_view year, CalendarDate today,
                                 int max_years_ahead = kDefaultMaxYearsAhead);

// Brand-aware: 4 digits for American Express, 3 for the others and when the brand is unknown
// (nullptr). reason: cvv.empty, cvv.non_digit, cvv.too_short, cvv.too_long.
Validation validate_cvv(std::string_view text, const CardBrand* brand);

// Non-empty, at most 255 characters, and not something that looks like a card number.
// reason: name.empty, name.too_long, name.looks_like_card_number.
Validation validate_cardholder_name(std::string_view text);

}  // namespace payref
