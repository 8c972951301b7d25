// Contact fields: e-mail, North-American phone numbers, Canadian provinces, bounded ASCII text.
//
// E-mail: a deliberately practical subset of RFC 5321/5322 — what payment systems accept and what
// a shopper can type: a dot-atom local part (no quoted strings, no comments), a domain of
// letter-digit-hyphen labels with at least one dot (no IP literals), length limits from RFC 5321.
// Internationalised addresses are refused (the seeds' fields are ASCII).
#include <algorithm>

#include "payref/fields.hpp"

namespace payref {
namespace {

bool is_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_atext(char c) {
  if (is_alnum(c)) return true;
  static constexpr std::string_view kSpecials = "!#$%&'*+-/=?^_`{|}~";
  return kSpecials.find(c) != std::string_view::npos;
}

bool valid_local_part(std::string_view local) {
  if (local.empty() || local.front() == '.' || local.back() == '.') return false;
  char previous = 0;
  for (char c : local) {
    if (c == '.' && previous == '.') return false;
    if (c != '.' && !is_atext(c)) return false;
    previous = c;
  }
  return true;
}

bool valid_domain(std::string_view domain) {
  if (domain.empty() || domain.size() > 253) return false;
  std::size_t labels = 0;
  std::size_t start = 0;
  while (start <= domain.size()) {
    const auto dot = domain.find('.', start);
    const std::string_view label = domain.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
    if (!std::all_of(label.begin(), label.end(), [](char c) { return is_alnum(c) || c == '-'; })) return false;
    ++labels;
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  // The top-level label is never all digits ("1.2.3.4" is not a host name).
  const std::string_view tld = domain.substr(domain.rfind('.') + 1);
  return labels >= 2 && !std::all_of(tld.begin(), tld.end(), is_digit);
}

bool is_phone_punctuation(char c) { return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')'; }

}  // namespace

Validation validate_email(std::string_view text) {
  if (text.empty()) return Validation::incomplete("email.empty");
  if (text.size() > 254) return Validation::invalid("email.too_long");
  const auto at = text.rfind('@');
  if (at == std::string_view::npos) {
    // Still typing the local part?
    return valid_local_part(text) ? Validation::incomplete("email.malformed") : Validation::invalid("email.malformed");
  }
  const std::string_view local = text.substr(0, at);
  const std::string_view domain = text.substr(at + 1);
  if (local.size() > 64) return Validation::invalid("email.too_long");
  if (!valid_local_part(local)) return Validation::invalid("email.malformed");
  if (valid_domain(domain)) return Validation::valid();
  // "ann@example" or "ann@example." may still become valid by typing on; a finished label that
  // is empty or starts or ends with a hyphen, or a character no domain has, cannot.
  bool could_continue = true;
  std::size_t label_start = 0;
  for (std::size_t i = 0; i <= domain.size() && could_continue; ++i) {
    const bool end_of_label = i == domain.size() || domain[i] == '.';
    if (!end_of_label) {
      could_continue = is_alnum(domain[i]) || (domain[i] == '-' && i != label_start);
      continue;
    }
    const bool finished = i < domain.size();
    if (finished) could_continue = i > label_start && domain[i - 1] != '-' && i - label_start <= 63;
    label_start = i + 1;
  }
  return could_continue ? Validation::incomplete("email.malformed") : Validation::invalid("email.malformed");
}

Validation validate_phone10(std::string_view text) {
  std::size_t digits = 0;
  char area = 0, exchange = 0;
  for (char c : text) {
    if (is_phone_punctuation(c)) continue;
    if (!is_digit(c)) return Validation::invalid("phone.non_digit");
    if (digits == 0) area = c;
    if (digits == 3) exchange = c;
    ++digits;
  }
  if (digits == 0) return Validation::incomplete("phone.empty");
  // NANP: neither the area code nor the exchange starts with 0 or 1 (which also rules out a
  // leading country code "1").
  if (area == '0' || area == '1' || (digits > 3 && (exchange == '0' || exchange == '1')))
    return Validation::invalid("phone.invalid_area_code");
  if (digits < 10) return Validation::incomplete("phone.too_short");
  if (digits > 10) return Validation::invalid("phone.too_long");
  return Validation::valid();
}

std::optional<std::string> normalize_phone10(std::string_view text) {
  if (!validate_phone10(text).is_valid) return std::nullopt;
  std::string digits;
  for (char c : text)
    if (is_digit(c)) digits.push_back(c);
  return digits;
}

Validation validate_ca_province(std::string_view code) {
  static constexpr std::string_view kProvinces[] = {"AB", "BC", "MB", "NB", "NL", "NS", "NT",
                                                    "NU", "ON", "PE", "QC", "SK", "YT"};
  if (code.empty()) return Validation::incomplete("province.empty");
  return std::find(std::begin(kProvinces), std::end(kProvinces), code) != std::end(kProvinces)
             ? Validation::valid()
             : Validation::invalid("province.unknown");
}

Validation validate_ascii(std::string_view text, std::size_t max_length, bool required) {
  if (text.empty()) return required ? Validation::incomplete("text.empty") : Validation::valid();
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u > 0x7E) return Validation::invalid("text.non_ascii");
  }
  return text.size() <= max_length ? Validation::valid() : Validation::invalid("text.too_long");
}

}  // namespace payref
