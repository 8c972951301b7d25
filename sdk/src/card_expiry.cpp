// Expiry dates, with card-validator's expirationDate() semantics and reasons added.
//
// The text is split into a month and a year the way card-validator does ("2025-10", "10/25",
// "10 / 2025", "10 25", and bare digits "1025", "102025", "126" whose month width is inferred),
// then each half is judged against `today`. A card expires after the last day of its month, so
// a card dated this month is still valid. Two-digit years are read in today's century.
#include <algorithm>
#include <string>

#include "payref/card.hpp"

namespace payref {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

bool all_digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

bool blank(std::string_view s) {
  for (char c : s)
    if (!is_space(c)) return false;
  return true;
}

int to_int(std::string_view digits) {
  int n = 0;
  for (char c : digits) n = n * 10 + (c - '0');
  return n;
}

std::string_view trim_spaces(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

struct Part {
  bool valid = false;
  bool potentially_valid = false;
  std::string_view reason;  // why it is not valid
};

struct MonthPart : Part {
  int month = 0;
};

MonthPart judge_month(std::string_view text) {
  MonthPart m;
  if (blank(text) || text == "0") {
    m.potentially_valid = true;
    m.reason = "expiry.incomplete";
    return m;
  }
  if (!all_digits(text) || text.size() > 2) {
    // card-validator accepts "012"; nobody writes a month that way, so payref does not either.
    m.reason = all_digits(text) ? "expiry.month_invalid" : "expiry.malformed";
    return m;
  }
  m.month = to_int(text);
  m.valid = m.potentially_valid = m.month >= 1 && m.month <= 12;
  if (!m.valid) m.reason = "expiry.month_invalid";
  return m;
}

struct YearPart : Part {
  int year = 0;  // four digits once known
  bool is_current = false;
};

YearPart judge_year(std::string_view text, int current_year, int max_years_ahead) {
  YearPart y;
  if (blank(text)) {
    y.potentially_valid = true;
    y.reason = "expiry.incomplete";
    return y;
  }
  if (!all_digits(text) || text.size() > 4) {
    y.reason = "expiry.year_invalid";
    return y;
  }
  const int century = current_year / 100;
  if (text.size() < 2) {
    y.potentially_valid = true;
    y.reason = "expiry.incomplete";
    return y;
  }
  if (text.size() == 3) {  // "202" may become "2027"
    y.potentially_valid = to_int(text.substr(0, 2)) == century;
    y.reason = y.potentially_valid ? "expiry.incomplete" : "expiry.year_invalid";
    return y;
  }
  if (text.size() == 2 && to_int(text) == century && text[0] != '0') {
    // "20" may be the start of "2027" as well as the year 2020: wait for more digits.
    y.potentially_valid = true;
    y.reason = "expiry.incomplete";
    return y;
  }
  y.year = text.size() == 2 ? century * 100 + to_int(text) : to_int(text);
  y.is_current = y.year == current_year;
  y.valid = y.potentially_valid = y.year >= current_year && y.year <= current_year + max_years_ahead;
  if (!y.valid) y.reason = y.year < current_year ? "expiry.expired" : "expiry.too_far";
  return y;
}

// card-validator's rule for bare digits: how many of them are the month.
std::size_t month_width(std::string_view digits, int current_year, int max_years_ahead) {
  if (digits.empty()) return 1;
  const char first = digits[0];
  if (first == '0') return 2;
  if (first > '1') return 1;
  if (digits.size() > 1 && digits[1] > '2') return 1;
  // "1x…": a one-digit month if the rest could still be a year, else months 10–12.
  return judge_year(digits.substr(1), current_year, max_years_ahead).potentially_valid ? 1 : 2;
}

ExpiryValidation combine(const MonthPart& m, const YearPart& y, CalendarDate today) {
  ExpiryValidation r;
  if (m.valid && y.valid) {
    if (y.is_current && m.month < today.month) {
      r.reason = "expiry.expired";
      return r;
    }
    r.is_valid = r.is_potentially_valid = true;
    r.month = m.month;
    r.year = y.year;
    return r;
  }
  if (m.potentially_valid && y.potentially_valid) {
    r.is_potentially_valid = true;
    r.reason = "expiry.incomplete";
    return r;
  }
  r.reason = !m.potentially_valid ? m.reason : y.reason;
  return r;
}

}  // namespace

ExpiryValidation validate_expiry(std::string_view month, std::string_view year, CalendarDate today,
                                 int max_years_ahead) {
  if (blank(month) && blank(year)) return {Validation::incomplete("expiry.empty")};
  return combine(judge_month(month), judge_year(year, today.year, max_years_ahead), today);
}

ExpiryValidation validate_expiry(std::string_view text, CalendarDate today, int max_years_ahead) {
  const std::string_view trimmed = trim_spaces(text);
  if (trimmed.empty()) return {Validation::incomplete("expiry.empty")};

  // "2025-10": year first.
  const auto dash = trimmed.find('-');
  if (dash == 4 && trimmed.size() >= 6 && trimmed.size() <= 7 && all_digits(trimmed.substr(0, 4)) &&
      all_digits(trimmed.substr(5))) {
    return validate_expiry(trimmed.substr(5), trimmed.substr(0, 4), today, max_years_ahead);
  }
  // "10/25", "10 / 2025", "1/": a slash with optional spaces around it.
  const auto slash = trimmed.find('/');
  if (slash != std::string_view::npos) {
    const std::string_view m = trim_spaces(trimmed.substr(0, slash));
    const std::string_view y = trim_spaces(trimmed.substr(slash + 1));
    if (y.find('/') != std::string_view::npos) return {Validation::invalid("expiry.malformed")};
    return validate_expiry(m, y, today, max_years_ahead);
  }
  // "10 25", "10 2025": one run of spaces between the halves.
  const auto space = trimmed.find(' ');
  if (space != std::string_view::npos) {
    const std::string_view m = trimmed.substr(0, space);
    const std::string_view y = trim_spaces(trimmed.substr(space));
    if (y.find(' ') != std::string_view::npos) return {Validation::invalid("expiry.malformed")};
    return validate_expiry(m, y, today, max_years_ahead);
  }
  if (!all_digits(trimmed)) return {Validation::invalid("expiry.malformed")};
  if (trimmed.size() > 6) return {Validation::invalid("expiry.year_invalid")};
  const std::size_t width = std::min(month_width(trimmed, today.year, max_years_ahead), trimmed.size());
  return validate_expiry(trimmed.substr(0, width), trimmed.substr(width), today, max_years_ahead);
}

}  // namespace payref
