// Postal codes: Canada and the United States exactly, every other country by a generic shape.
//
// Canada: A1A 1A1. Canada Post never uses D F I O Q U (easily misread), nor W or Z as the first
// letter; the space is optional on input and always present in the normalised form.
// United States: ZIP (12345) or ZIP+4 (12345-6789, also typed as nine digits).
// Elsewhere: 2–10 characters of letters and digits with single inner spaces or dashes. This is
// stricter than card-validator's postalCode() (any two alphanumerics first) on purpose: the APIs
// store what the page accepted, so junk after the first characters is refused.
#include <cctype>

#include "payref/fields.hpp"

namespace payref {
namespace {

enum class Scheme { generic, canada, united_states, unsupported };

Scheme scheme_for(std::string_view country) {
  if (country.empty()) return Scheme::generic;
  if (country == "CA" || country == "CAN") return Scheme::canada;
  if (country == "US" || country == "USA") return Scheme::united_states;
  return find_country(country) ? Scheme::generic : Scheme::unsupported;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

bool is_letter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
char upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

Validation canadian(std::string_view code) {
  std::size_t position = 0;  // among the six code characters
  bool spaced = false;
  for (char c : code) {
    if (c == ' ') {
      if (position != 3 || spaced) return Validation::invalid("postal.malformed");
      spaced = true;
      continue;
    }
    if (position >= 6) return Validation::invalid("postal.too_long");
    const bool letter_expected = position % 2 == 0;
    if (letter_expected) {
      const char u = upper(c);
      if (!is_letter(c) || std::string_view("DFIOQU").find(u) != std::string_view::npos ||
          (position == 0 && (u == 'W' || u == 'Z')))
        return Validation::invalid("postal.malformed");
    } else if (!is_digit(c)) {
      return Validation::invalid("postal.malformed");
    }
    ++position;
  }
  return position < 6 ? Validation::incomplete("postal.too_short") : Validation::valid();
}

Validation american(std::string_view code) {
  std::size_t digits = 0;
  bool dashed = false;
  for (char c : code) {
    if (c == '-') {
      if (digits != 5 || dashed) return Validation::invalid("postal.malformed");
      dashed = true;
      continue;
    }
    if (!is_digit(c)) return Validation::invalid("postal.malformed");
    ++digits;
  }
  if (digits > 9) return Validation::invalid("postal.too_long");
  if (digits == 5 && !dashed) return Validation::valid();
  if (digits == 9) return Validation::valid();
  return Validation::incomplete("postal.too_short");
}

Validation generic(std::string_view code) {
  if (code.size() > 10) return Validation::invalid("postal.too_long");
  std::size_t alnum = 0;
  bool after_separator = true;  // no separator first
  for (char c : code) {
    if (c == ' ' || c == '-') {
      if (after_separator) return Validation::invalid("postal.malformed");
      after_separator = true;
      continue;
    }
    if (!is_letter(c) && !is_digit(c)) return Validation::invalid("postal.malformed");
    after_separator = false;
    ++alnum;
  }
  if (after_separator) return Validation::incomplete("postal.malformed");  // "AB-": still typing
  return alnum < 2 ? Validation::incomplete("postal.too_short") : Validation::valid();
}

}  // namespace

Validation validate_postal_code(std::string_view text, std::string_view country) {
  const std::string_view code = trim(text);
  const Scheme scheme = scheme_for(country);
  if (scheme == Scheme::unsupported) return Validation::invalid("postal.unsupported_country");
  if (code.empty()) return Validation::incomplete("postal.empty");
  switch (scheme) {
    case Scheme::canada: return canadian(code);
    case Scheme::united_states: return american(code);
    default: return generic(code);
  }
}

std::optional<std::string> normalize_postal_code(std::string_view text, std::string_view country) {
  if (!validate_postal_code(text, country).is_valid) return std::nullopt;
  std::string out;
  for (char c : trim(text))
    if (c != ' ' || scheme_for(country) == Scheme::generic) out.push_back(upper(c));
  switch (scheme_for(country)) {
    case Scheme::canada: out.insert(3, 1, ' '); break;
    case Scheme::united_states:
      if (out.size() == 9) out.insert(5, 1, '-');
      break;
    default: break;
  }
  return out;
}

}  // namespace payref
