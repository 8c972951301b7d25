#include "http/redact.hpp"

#include <cctype>

namespace payref::http {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// From `start` (a digit), the end of a run of digits that may contain single spaces or dashes.
std::size_t digit_run_end(std::string_view s, std::size_t start, std::size_t& digits) {
  std::size_t i = start, end = start;
  digits = 0;
  while (i < s.size()) {
    if (is_digit(s[i])) {
      ++digits;
      end = ++i;
    } else if ((s[i] == ' ' || s[i] == '-') && i + 1 < s.size() && is_digit(s[i + 1])) {
      ++i;
    } else {
      break;
    }
  }
  return end;
}

}  // namespace

bool names_a_secret(std::string_view key) {
  std::string lower;
  for (char c : key) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  // Security codes, credentials (Authentication.Key, tokens, secrets), and bank account numbers,
  // which are too short for the card-number rule below.
  return lower == "cvv" || lower == "cvc" || lower == "cvv2" || lower == "cid" || lower == "securitycode" ||
         lower == "security_code" || lower == "key" || lower == "apikey" || lower == "password" || lower == "token" ||
         lower == "access_token" || lower == "refresh_token" || lower == "client_secret" ||
         lower == "bankaccountnumber" || lower == "accountnumber" || lower == "account_number";
}

namespace {

}  // namespace

std::string mask_card_number(std::string_view digits) {
  if (digits.size() <= 10) return std::string(digits.size(), '*');
  return std::string(digits.substr(0, 6)) + std::string(digits.size() - 10, '*') + std::string(digits.substr(digits.size() - 4));
}

std::string mask_account_number(std::string_view digits) {
  if (digits.size() <= 4) return std::string(digits.size(), '*');
  return std::string(digits.size() - 4, '*') + std::string(digits.substr(digits.size() - 4));
}

std::string redact(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    // "CVV": "123" → "CVV": "***"
    if (s[i] == '"') {
      const auto close = s.find('"', i + 1);
      if (close != std::string_view::npos && names_a_secret(s.substr(i + 1, close - i - 1))) {
        auto colon = close + 1;
        while (colon < s.size() && s[colon] == ' ') ++colon;
        if (colon < s.size() && s[colon] == ':') {
          auto value = colon + 1;
          while (value < s.size() && s[value] == ' ') ++value;
          if (value < s.size() && s[value] == '"') {
            const auto value_end = s.find('"', value + 1);
            if (value_end != std::string_view::npos) {
              out.append(s.substr(i, value + 1 - i)).append("***\"");
              i = value_end + 1;
              continue;
            }
          }
          if (value < s.size() && is_digit(s[value])) {  // a CVV sent as a JSON number
            auto value_end = value;
            while (value_end < s.size() && is_digit(s[value_end])) ++value_end;
            out.append(s.substr(i, value - i)).append("***");
            i = value_end;
            continue;
          }
        }
      }
    }
    if (is_digit(s[i]) && (i == 0 || !is_digit(s[i - 1]))) {
      std::size_t digits = 0;
      const std::size_t end = digit_run_end(s, i, digits);
      if (digits >= 13 && digits <= 19) {
        std::string only;
        for (std::size_t k = i; k < end; ++k)
          if (is_digit(s[k])) only += s[k];
        out += mask_card_number(only);
        i = end;
        continue;
      }
      out.append(s.substr(i, end - i));
      i = end;
      continue;
    }
    out += s[i++];
  }
  return out;
}

}  // namespace payref::http
