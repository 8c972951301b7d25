// Code fields: ISO-3166 countries, ISO-4217 currency codes, US ABA routing numbers.
//
// The wire formats carry codes in upper case, so lower-case input is malformed rather than
// silently accepted: a page can upper-case as the shopper types, a server must not guess.
#include <algorithm>
#include <vector>

#include "data/packed_tables.hpp"
#include "payref/fields.hpp"
#include "payref/money.hpp"

namespace payref {
namespace {

Country country_row(std::string_view line) {
  return Country{line.substr(0, 2), line.substr(2, 3), static_cast<std::uint16_t>(data::three_digits(line.substr(5, 3)))};
}

bool all_of(std::string_view s, bool (*pred)(char)) {
  return std::all_of(s.begin(), s.end(), [pred](char c) { return pred(c); });
}
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool has_shape(std::string_view code, CountryCodeForm form) {
  switch (form) {
    case CountryCodeForm::alpha2: return code.size() == 2 && all_of(code, is_upper);
    case CountryCodeForm::alpha3: return code.size() == 3 && all_of(code, is_upper);
    case CountryCodeForm::numeric: return code.size() == 3 && all_of(code, is_digit);
    case CountryCodeForm::any:
      return has_shape(code, CountryCodeForm::alpha2) || has_shape(code, CountryCodeForm::alpha3) ||
             has_shape(code, CountryCodeForm::numeric);
  }
  return false;
}

}  // namespace

std::span<const Country> countries() {
  static const std::vector<Country> table = data::parse_lines(data::kCountryLines, &country_row);
  return table;
}

const Country* find_country(std::string_view code, CountryCodeForm form) {
  if (!has_shape(code, form)) return nullptr;
  const auto table = countries();
  if (code.size() == 2) {
    const auto it = std::lower_bound(table.begin(), table.end(), code,
                                     [](const Country& c, std::string_view a2) { return c.alpha2 < a2; });
    return it != table.end() && it->alpha2 == code ? &*it : nullptr;
  }
  // 249 entries: a scan for the rarer alpha-3 and numeric forms is cheaper than a second index.
  if (is_digit(code[0])) {
    const int numeric = (code[0] - '0') * 100 + (code[1] - '0') * 10 + (code[2] - '0');
    for (const auto& c : table)
      if (c.numeric == numeric) return &c;
    return nullptr;
  }
  for (const auto& c : table)
    if (c.alpha3 == code) return &c;
  return nullptr;
}

Validation validate_country(std::string_view code, CountryCodeForm form) {
  if (code.empty()) return Validation::incomplete("country.empty");
  if (!has_shape(code, form)) return Validation::invalid("country.malformed");
  return find_country(code, form) ? Validation::valid() : Validation::invalid("country.unknown");
}

Validation validate_currency_code(std::string_view code) {
  if (code.empty()) return Validation::incomplete("currency.empty");
  if (code.size() != 3 || !all_of(code, is_upper)) return Validation::invalid("currency.malformed");
  return find_currency(code) ? Validation::valid() : Validation::invalid("currency.unknown");
}

Validation validate_routing_number(std::string_view text) {
  if (text.empty()) return Validation::incomplete("routing.empty");
  if (!all_of(text, is_digit)) return Validation::invalid("routing.non_digit");
  if (text.size() < 9) return Validation::incomplete("routing.too_short");
  if (text.size() > 9) return Validation::invalid("routing.too_long");
  // ABA checksum: 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) ≡ 0 (mod 10).
  static constexpr int kWeights[] = {3, 7, 1};
  int sum = 0;
  for (std::size_t i = 0; i < 9; ++i) sum += kWeights[i % 3] * (text[i] - '0');
  return sum % 10 == 0 ? Validation::valid() : Validation::invalid("routing.checksum_failed");
}

}  // namespace payref
