#include "http/request_framing.hpp"

#include <algorithm>
#include <cstdint>

namespace payref::http {

namespace {

constexpr std::size_t kMaxChunkLineBytes = 1024;  // a chunk-size line with its extensions

FramedRequest refuse(int status, const char* reason) {
  FramedRequest framed;
  framed.framing = Framing::refused;
  framed.status = status;
  framed.reason = reason;
  return framed;
}

FramedRequest incomplete(std::size_t needed = 0, bool expects_continue = false) {
  FramedRequest framed;
  framed.needed = needed;
  framed.expects_continue = expects_continue;
  return framed;
}

FramedRequest complete(std::size_t size) {
  FramedRequest framed;
  framed.framing = Framing::complete;
  framed.size = size;
  return framed;
}

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool names_equal(std::string_view a, std::string_view lower_b) {
  return a.size() == lower_b.size() && std::equal(a.begin(), a.end(), lower_b.begin(), [](char x, char y) { return lower(x) == y; });
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// RFC 9110 tchar: the characters of a method or a header name.
bool is_token_char(char c) {
  if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  for (char t : std::string_view("!#$%&'*+-.^_`|~"))
    if (c == t) return true;
  return false;
}

bool is_token(std::string_view s) { return !s.empty() && std::all_of(s.begin(), s.end(), is_token_char); }

// A control character other than horizontal tab (NUL, CR or LF inside a line, DEL, ...).
bool is_control(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (u < 0x20 && c != '\t') || u == 0x7f;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool request_line_ok(std::string_view line) {
  const std::size_t first = line.find(' ');
  if (first == std::string_view::npos) return false;
  const std::size_t second = line.find(' ', first + 1);
  if (second == std::string_view::npos || line.find(' ', second + 1) != std::string_view::npos) return false;
  const std::string_view method = line.substr(0, first);
  const std::string_view target = line.substr(first + 1, second - first - 1);
  const std::string_view version = line.substr(second + 1);
  return is_token(method) && !target.empty() && (version == "HTTP/1.1" || version == "HTTP/1.0");
}

// The chunked body that starts at `at`: complete (its end), incomplete, or refused.
FramedRequest frame_chunked(std::string_view buffered, std::size_t at, const FramingLimits& limits) {
  const std::size_t max_encoded = 2 * limits.max_body_bytes + 4096;  // chunk lines cost bytes too
  std::uint64_t decoded = 0;
  for (;;) {
    if (at >= buffered.size()) return incomplete();
    const std::size_t eol = buffered.find("\r\n", at);
    const std::string_view rest = buffered.substr(at);
    if (eol == std::string_view::npos) {
      if (rest.find('\n') != std::string_view::npos) return refuse(400, "a bare LF in a chunk-size line");
      if (rest.size() > kMaxChunkLineBytes) return refuse(400, "a chunk-size line is too long");
      return incomplete();
    }
    const std::string_view line = buffered.substr(at, eol - at);
    if (line.size() > kMaxChunkLineBytes) return refuse(400, "a chunk-size line is too long");
    std::size_t digits = 0;
    std::uint64_t size = 0;
    while (digits < line.size() && hex_value(line[digits]) >= 0) {
      if (digits == 15) return refuse(413, "a chunk is larger than the body limit");
      size = size * 16 + static_cast<std::uint64_t>(hex_value(line[digits]));
      ++digits;
    }
    if (digits == 0) return refuse(400, "a chunk-size line does not start with a hexadecimal size");
    const std::string_view extensions = line.substr(digits);
    if (!extensions.empty() && extensions.front() != ';') return refuse(400, "a chunk-size line has text after its size");
    if (std::any_of(extensions.begin(), extensions.end(), is_control)) return refuse(400, "a control character in a chunk extension");
    decoded += size;
    if (decoded > limits.max_body_bytes) return refuse(413, "the body is larger than the limit");
    at = eol + 2;
    if (size == 0) {
      // The last chunk: httplib accepts no trailer fields, only the final CRLF.
      if (buffered.size() < at + 2) {
        if (buffered.size() > at && buffered[at] != '\r') return refuse(400, "trailer fields are not accepted");
        return incomplete();
      }
      if (buffered.substr(at, 2) != "\r\n") return refuse(400, "trailer fields are not accepted");
      return complete(at + 2);
    }
    if (at + size + 2 > max_encoded) return refuse(413, "the body is larger than the limit");
    if (buffered.size() < at + size + 2) return incomplete(at + size + 2);
    if (buffered.substr(at + size, 2) != "\r\n") return refuse(400, "a chunk is longer than its size");
    at += size + 2;
  }
}

}  // namespace

FramedRequest frame_request(std::string_view buffered, const FramingLimits& limits) {
  const std::size_t head_end = buffered.find("\r\n\r\n");
  const std::string_view head = buffered.substr(0, head_end == std::string_view::npos ? buffered.size() : head_end);
  // Checked before anything else, so a head that is still arriving is refused as early as it can be.
  for (std::size_t i = 0; i < head.size(); ++i) {
    if (head[i] == '\n' && (i == 0 || head[i - 1] != '\r')) return refuse(400, "a bare LF ends a line of the head");
    if (head[i] == '\r' && i + 1 < head.size() && head[i + 1] != '\n') return refuse(400, "a bare CR in the head");
    if (head[i] != '\r' && head[i] != '\n' && is_control(head[i])) return refuse(400, "a control character in the head");
  }
  if (head_end == std::string_view::npos) {
    if (buffered.size() > limits.max_head_bytes) return refuse(431, "the request head is too large");
    return incomplete();
  }
  const std::size_t head_size = head_end + 4;
  if (head_size > limits.max_head_bytes) return refuse(431, "the request head is too large");

  std::string_view lines = head;
  const std::size_t line_end = std::min(lines.size(), lines.find("\r\n"));
  if (!request_line_ok(lines.substr(0, line_end))) return refuse(400, "the request line is malformed");
  lines.remove_prefix(line_end);

  std::uint64_t content_length = 0;
  bool has_length = false, chunked = false, has_encoding = false, expects_continue = false;
  while (!lines.empty()) {
    lines.remove_prefix(2);  // the CRLF before this header line
    const std::size_t eol = std::min(lines.size(), lines.find("\r\n"));
    const std::string_view line = lines.substr(0, eol);
    lines.remove_prefix(eol);
    if (!line.empty() && (line.front() == ' ' || line.front() == '\t')) return refuse(400, "a folded header line (obs-fold)");
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) return refuse(400, "a header line without a colon");
    const std::string_view name = line.substr(0, colon);
    if (!is_token(name)) return refuse(400, "a header name with spaces or other characters a name cannot have");
    const std::string_view value = trim(line.substr(colon + 1));
    if (names_equal(name, "content-length")) {
      if (has_length) return refuse(400, "two Content-Length headers");
      if (value.empty() || value.size() > 18 || !std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return refuse(400, "a Content-Length that is not a number");
      for (char c : value) content_length = content_length * 10 + static_cast<std::uint64_t>(c - '0');
      has_length = true;
    } else if (names_equal(name, "transfer-encoding")) {
      if (has_encoding) return refuse(400, "two Transfer-Encoding headers");
      if (!names_equal(value, "chunked")) return refuse(400, "a Transfer-Encoding other than chunked");
      has_encoding = chunked = true;
    } else if (names_equal(name, "expect")) {
      expects_continue = names_equal(value, "100-continue");
    }
  }
  if (has_length && has_encoding) return refuse(400, "both Content-Length and Transfer-Encoding");

  if (chunked) {
    FramedRequest framed = frame_chunked(buffered, head_size, limits);
    if (framed.framing == Framing::incomplete) framed.expects_continue = expects_continue;
    return framed;
  }
  if (content_length > limits.max_body_bytes) return refuse(413, "the body is larger than the limit");
  const std::size_t total = head_size + static_cast<std::size_t>(content_length);
  if (buffered.size() < total) return incomplete(total, expects_continue);
  return complete(total);
}

}  // namespace payref::http
