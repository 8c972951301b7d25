// Internal: the packed text tables of sdk/src/data and the one-time parse into structs.
#pragma once

#include <string_view>
#include <vector>

namespace payref::data {

extern const std::string_view kCountryLines;       // "CACAN124\n" ...
extern const std::string_view kCurrencyLines;      // "CAD1242\n" ...
extern const std::string_view kCountryNameLines;   // "CACanada\n" ... (same order)
extern const std::string_view kCurrencyNameLines;  // "CADCanadian Dollar\n" ... (same order)

// Calls row(line) for every non-empty line; views point into the static table text.
template <class Row>
std::vector<Row> parse_lines(std::string_view text, Row (*row)(std::string_view)) {
  std::vector<Row> rows;
  while (!text.empty()) {
    const auto end = text.find('\n');
    const std::string_view line = text.substr(0, end);
    if (!line.empty()) rows.push_back(row(line));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return rows;
}

constexpr int three_digits(std::string_view s) { return (s[0] - '0') * 100 + (s[1] - '0') * 10 + (s[2] - '0'); }

}  // namespace payref::data
