#include "payref/calendar.hpp"

namespace payref {

bool is_leap_year(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap_year(y) ? 29 : kDays[m - 1];
}

std::optional<CalendarDate> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int fields[3] = {0, 0, 0};
  const std::size_t starts[3] = {0, 5, 8}, widths[3] = {4, 2, 2};
  for (int f = 0; f < 3; ++f) {
    for (std::size_t i = starts[f]; i < starts[f] + widths[f]; ++i) {
      if (text[i] < '0' || text[i] > '9') return std::nullopt;
      fields[f] = fields[f] * 10 + (text[i] - '0');
    }
  }
  const CalendarDate d{fields[0], fields[1], fields[2]};
  if (d.year < 1900 || d.month < 1 || d.month > 12 || d.day < 1 || d.day > days_in_month(d.year, d.month))
    return std::nullopt;
  return d;
}

std::string to_iso_string(CalendarDate d) {
  char buf[11];
  const int parts[3] = {d.year, d.month, d.day};
  int pos = 0;
  for (int f = 0; f < 3; ++f) {
    const int width = f == 0 ? 4 : 2;
    for (int i = width - 1, v = parts[f]; i >= 0; --i, v /= 10) buf[pos + i] = static_cast<char>('0' + v % 10);
    pos += width;
    if (f < 2) buf[pos++] = '-';
  }
  return std::string(buf, 10);
}

}  // namespace payref
