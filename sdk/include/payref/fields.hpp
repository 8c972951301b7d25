// Checkout and API field validators: postal codes, e-mail, phone, provinces, bounded ASCII text,
// ISO-3166 countries, ISO-4217 currency codes, US bank routing numbers.
//
// Each returns a Validation (valid / potentially valid while typing / reason). Where a field has
// a canonical form (a Canadian postal code with its space, ten phone digits, a country's alpha-3)
// a normalize_* function gives it, so the server stores one spelling.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "payref/validation.hpp"

namespace payref {

// Postal codes. country: "" (generic), "CA"/"CAN" (A1A 1A1, space optional), "US"/"USA"
// (12345 or 12345-6789). Generic: 2–10 letters/digits with single inner spaces or dashes.
// reason: postal.empty, postal.malformed, postal.too_short, postal.too_long,
// postal.unsupported_country.
Validation validate_postal_code(std::string_view text, std::string_view country = {});
// "k1a0b1" → "K1A 0B1"; US and generic codes are trimmed and upper-cased. nullopt when invalid.
std::optional<std::string> normalize_postal_code(std::string_view text, std::string_view country = {});

// A practical address check (RFC 5321 lengths: ≤ 254 total, ≤ 64 local part; a dot-atom local
// part; a domain of LDH labels with a dot). reason: email.empty, email.malformed, email.too_long.
Validation validate_email(std::string_view text);

// A North-American 10-digit number without country code; spaces, dots, dashes and parentheses
// are ignored ("(416) 555-0199"). reason: phone.empty, phone.non_digit, phone.too_short,
// phone.too_long, phone.invalid_area_code (NANP: area code and exchange cannot start with 0/1).
Validation validate_phone10(std::string_view text);
std::optional<std::string> normalize_phone10(std::string_view text);  // "4165550199"

// Canadian province and territory codes: AB BC MB NB NL NS NT NU ON PE QC SK YT (upper-case).
// reason: province.empty, province.unknown.
Validation validate_ca_province(std::string_view code);

// The seeds' "ASCII string (N)": printable ASCII (0x20–0x7E), at most max_length characters.
// reason: text.empty (when required), text.non_ascii, text.too_long.
Validation validate_ascii(std::string_view text, std::size_t max_length, bool required = true);

struct Country {
  std::string_view alpha2;  // "CA"
  std::string_view alpha3;  // "CAN"
  std::uint16_t numeric;    // 124
};
enum class CountryCodeForm { any, alpha2, alpha3, numeric };

// ISO-3166-1 (data: sdk/src/data/countries.cpp), sorted by alpha-2.
std::span<const Country> countries();
// Exact upper-case alpha-2, alpha-3 or a three-digit numeric code ("124"); nullptr when unknown.
const Country* find_country(std::string_view code, CountryCodeForm form = CountryCodeForm::any);
// English short name ("Canada"). Native builds only in practice: the wasm bindings never call it,
// so the name table stays out of the browser download (pages use Intl.DisplayNames).
std::string_view country_name(const Country& country);
// reason: country.empty, country.malformed (wrong shape for the form), country.unknown.
Validation validate_country(std::string_view code, CountryCodeForm form = CountryCodeForm::any);

// ISO-4217 alpha-3, upper-case, known to the currency table. reason: currency.empty,
// currency.malformed, currency.unknown.
Validation validate_currency_code(std::string_view code);

// ABA routing transit number: nine digits, weights 3-7-1, sum divisible by 10.
// reason: routing.empty, routing.non_digit, routing.too_short, routing.too_long,
// routing.checksum_failed.
Validation validate_routing_number(std::string_view text);

}  // namespace payref
