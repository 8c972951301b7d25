#include "http/request_framing.hpp"

#include <algorithm>
#include <cctype>

namespace payref::http {

namespace {

bool names_equal(std::string_view a, std::string_view lower_b) {
  return a.size() == lower_b.size() &&
         std::equal(a.begin(), a.end(), lower_b.begin(),
                    [](char x, char y) { return std::tolower(static_cast<unsigned char>(x)) == y; });
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Digits only, and small enough not to overflow; anything else is not ours to judge.
bool parse_length(std::string_view text, std::size_t& out) {
  if (text.empty() || text.size() > 15) return false;
  std::size_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + static_cast<std::size_t>(c - '0');
  }
  out = value;
  return true;
}

constexpr FramedRequest blocking{Framing::needs_blocking_read, 0};

}  // namespace

FramedRequest frame_request(std::string_view buffered, std::size_t capacity) {
  const std::size_t head_end = buffered.find("\r\n\r\n");
  if (head_end == std::string_view::npos) {
    // Bare-LF line endings are httplib's to accept or refuse; a head that outgrows the buffer too.
    if (buffered.find("\n\n") != std::string_view::npos || buffered.size() >= capacity) return blocking;
    return {Framing::incomplete, 0};
  }
  const std::size_t head_size = head_end + 4;

  std::size_t body_size = 0;
  bool length_seen = false;
  std::string_view lines = buffered.substr(0, head_end);
  lines.remove_prefix(std::min(lines.size(), lines.find("\r\n")));  // the request line
  while (!lines.empty()) {
    lines.remove_prefix(2);  // the CRLF before this header line
    const std::size_t eol = std::min(lines.size(), lines.find("\r\n"));
    const std::string_view line = lines.substr(0, eol);
    lines.remove_prefix(eol);
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) return blocking;
    const std::string_view name = line.substr(0, colon);
    if (names_equal(name, "transfer-encoding") || names_equal(name, "expect")) return blocking;
    if (names_equal(name, "content-length")) {
      // A second Content-Length (even an equal one) is httplib's call, as is a malformed value.
      if (length_seen || !parse_length(trim(line.substr(colon + 1)), body_size)) return blocking;
      length_seen = true;
    }
  }
  if (body_size > capacity || head_size + body_size > capacity) return blocking;
  if (buffered.size() < head_size + body_size) return {Framing::incomplete, 0};
  return {Framing::complete, head_size + body_size};
}

}  // namespace payref::http
