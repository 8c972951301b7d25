#include "http/request_log.hpp"

#include <cstdint>
#include <cstring>

#include "http/redact.hpp"

namespace payref::http {

namespace {

// The integration's API calls; not the sandbox's own API, health checks, or the demo page's files.
bool recorded(const std::string& path) {
  return path.rfind("/_sandbox/", 0) != 0 && path != "/healthz" && path.rfind("/demo", 0) != 0;
}

// The URL's own query string as name=value&..., every parameter named like a credential or a
// security code masked. Only the URL counts: httplib also parses form-encoded bodies into
// req.params, and a body is logged (masked) as the body.
std::string masked_query(const std::string& target) {
  const auto question = target.find('?');
  httplib::Params params;
  if (question != std::string::npos) httplib::detail::parse_query_text(target.substr(question + 1), params);
  std::string out;
  for (const auto& [name, value] : params) {
    const auto last_dot = name.rfind('.');
    const std::string leaf = last_dot == std::string::npos ? name : name.substr(last_dot + 1);
    if (!out.empty()) out += '&';
    out += name + "=" + (names_a_secret(leaf) ? std::string("***") : redact(value));
  }
  return out;
}

// Whether `text` is well-formed UTF-8 (the log is served as JSON text, which must be).
bool is_utf8(const std::string& text) {
  const char* const data = text.data();
  const std::size_t size = text.size();
  std::size_t i = 0;
  while (i < size) {
    // Runs of ASCII eight bytes at a time: JSON bodies are mostly ASCII, and every recorded
    // response goes through here.
    std::uint64_t word = 0;
    while (i + 8 <= size && (std::memcpy(&word, data + i, 8), (word & 0x8080808080808080ULL) == 0)) i += 8;
    if (i == size) break;
    const auto c = static_cast<unsigned char>(data[i]);
    const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > size) return false;
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(data[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}

// A body as the log keeps it: its text, cut to at most kMaxBodyBytes before a character rather
// than inside one; or a note for bytes that are not text (a response httplib compressed for a
// client that accepts gzip, binary uploads).
std::string loggable(const std::string& body, const std::string& encoding, bool& truncated) {
  truncated = false;
  const bool compressed = !encoding.empty() && encoding != "identity";
  if (!compressed && is_utf8(body)) {
    if (body.size() <= RequestLog::kMaxBodyBytes) return body;
    truncated = true;
    std::size_t n = RequestLog::kMaxBodyBytes;
    while (n > 0 && (static_cast<unsigned char>(body[n]) & 0xC0) == 0x80) --n;
    return body.substr(0, n);
  }
  // Appended piece by piece: GCC 12 warns (-Wrestrict, a known false positive) on "(" + ... here.
  std::string note = "(";
  if (compressed) note.append(encoding).append("-compressed body, ");
  note.append(std::to_string(body.size())).append(compressed ? " bytes)" : " bytes that are not UTF-8 text)");
  return note;
}

}  // namespace

void RequestLog::record(const httplib::Request& req, const httplib::Response& res, const std::string& time) {
  if (!recorded(req.path)) return;
  Entry e{0, time, req.method, redact(req.path), masked_query(req.target), {}, res.status, {}, false, false};
  // Mask the whole body before cutting it, so a card number is never split across the cut.
  e.request_body = loggable(redact(req.body), req.get_header_value("Content-Encoding"), e.request_truncated);
  // Responses carry masked numbers only. httplib has already compressed the body here when the
  // client accepts gzip (browsers do).
  e.response_body = loggable(res.body, res.get_header_value("Content-Encoding"), e.response_truncated);
  std::lock_guard lock(mutex_);
  e.seq = next_seq_++;
  entries_.push_back(std::move(e));
  if (entries_.size() > capacity_) entries_.pop_front();
}

nlohmann::json RequestLog::newest(std::size_t limit) const {
  nlohmann::json list = nlohmann::json::array();
  std::lock_guard lock(mutex_);
  for (auto it = entries_.rbegin(); it != entries_.rend() && list.size() < limit; ++it) {
    list.push_back({{"seq", it->seq},
                    {"time", it->time},
                    {"method", it->method},
                    {"path", it->path},
                    {"query", it->query},
                    {"status", it->status},
                    {"requestBody", it->request_body},
                    {"requestTruncated", it->request_truncated},
                    {"responseBody", it->response_body},
                    {"responseTruncated", it->response_truncated}});
  }
  return list;
}

void RequestLog::clear() {
  std::lock_guard lock(mutex_);
  entries_.clear();
}

}  // namespace payref::http
