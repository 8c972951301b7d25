// English display names of countries and currencies, for native callers (the server fills the
// gateway's CountryName from it). A translation unit of its own so that nothing in the browser
// module references the name tables and the linker leaves them out (docs/performance.md).
#include <algorithm>
#include <vector>

#include "data/packed_tables.hpp"
#include "payref/fields.hpp"
#include "payref/money.hpp"

namespace payref {
namespace {

// Each line is a fixed-width key followed by the name: "CACanada", "CADCanadian Dollar".
std::string_view whole_line(std::string_view line) { return line; }

std::string_view name_by_key(const std::vector<std::string_view>& rows, std::size_t key_width, std::string_view key) {
  const auto it = std::lower_bound(rows.begin(), rows.end(), key, [key_width](std::string_view row, std::string_view k) {
    return row.substr(0, key_width) < k;
  });
  if (it == rows.end() || it->substr(0, key_width) != key) return {};
  return it->substr(key_width);
}

}  // namespace

std::string_view country_name(const Country& country) {
  static const auto rows = data::parse_lines(data::kCountryNameLines, &whole_line);
  return name_by_key(rows, 2, country.alpha2);
}

std::string_view currency_name(const Currency& currency) {
  static const auto rows = data::parse_lines(data::kCurrencyNameLines, &whole_line);
  return name_by_key(rows, 3, currency.alpha);
}

}  // namespace payref
