#include "payref/client/http.hpp"

namespace payref::client {

std::string_view to_string(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::validation: return "validation";
    case ErrorKind::declined: return "declined";
    case ErrorKind::authentication: return "authentication";
    case ErrorKind::not_found: return "not_found";
    case ErrorKind::conflict: return "conflict";
    case ErrorKind::network: return "network";
    case ErrorKind::server: return "server";
  }
  return "server";
}

ErrorKind kind_of_status(int status) {
  if (status == 401 || status == 403) return ErrorKind::authentication;
  if (status == 404) return ErrorKind::not_found;
  if (status == 409) return ErrorKind::conflict;
  if (status >= 400 && status < 500) return ErrorKind::validation;
  return ErrorKind::server;
}

std::string basic_authorization(std::string_view user, std::string_view password) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string plain(user);
  plain += ':';
  plain += password;
  std::string out = "Basic ";
  for (std::size_t i = 0; i < plain.size(); i += 3) {
    const std::size_t n = plain.size() - i < 3 ? plain.size() - i : 3;
    unsigned v = static_cast<unsigned char>(plain[i]) << 16;
    if (n > 1) v |= static_cast<unsigned char>(plain[i + 1]) << 8;
    if (n > 2) v |= static_cast<unsigned char>(plain[i + 2]);
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += n > 1 ? kAlphabet[(v >> 6) & 63] : '=';
    out += n > 2 ? kAlphabet[v & 63] : '=';
  }
  return out;
}

std::string url_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

}  // namespace payref::client
