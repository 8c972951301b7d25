#include "http/request_log.hpp"

#include <cstdint>
#include <cstring>

#include <spdlog/spdlog.h>

#include "http/redact.hpp"

namespace payref::http {

namespace {

// The integration's API calls; not the sandbox's own API, health checks, or the demo page's files.
bool recorded(const std::string& path) {
  return path.rfind("/_sandbox/", 0) != 0 && path != "/healthz" && path.rfind("/demo", 0) != 0;
}

// The URL's own query string, masked. Only the URL counts: httplib also parses form-encoded
// bodies into req.params, and a body is logged (masked) as the body.
std::string masked_query(const std::string& target) {
  const auto question = target.find('?');
  return question == std::string::npos ? std::string() : redact_query(std::string_view(target).substr(question + 1));
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
std::string loggable(const std::string& body, const std::string& encoding, bool& truncated,
                     std::size_t max_bytes = RequestLog::kMaxBodyBytes) {
  truncated = false;
  if (body.empty()) return body;
  const bool compressed = !encoding.empty() && encoding != "identity";
  if (!compressed && is_utf8(body)) {
    if (body.size() <= max_bytes) return body;
    truncated = true;
    std::size_t n = max_bytes;
    while (n > 0 && (static_cast<unsigned char>(body[n]) & 0xC0) == 0x80) --n;
    return body.substr(0, n);
  }
  // Appended piece by piece: GCC 12 warns (-Wrestrict, a known false positive) on "(" + ... here.
  std::string note = "(";
  if (compressed) note.append(encoding).append("-compressed body, ");
  note.append(std::to_string(body.size())).append(compressed ? " bytes)" : " bytes that are not UTF-8 text)");
  return note;
}

// The headers the client sent, masked; not the peer and local addresses httplib adds as headers.
std::vector<std::pair<std::string, std::string>> masked_headers(const httplib::Headers& headers) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [name, value] : headers) {
    if (name == "REMOTE_ADDR" || name == "REMOTE_PORT" || name == "LOCAL_ADDR" || name == "LOCAL_PORT") continue;
    if (is_utf8(value)) {
      out.emplace_back(name, redact_header(name, value));
    } else {
      std::string note = "(";  // piece by piece: see loggable()
      note.append(std::to_string(value.size())).append(" bytes that are not UTF-8 text)");
      out.emplace_back(name, std::move(note));
    }
  }
  return out;
}

nlohmann::json headers_json(const std::vector<std::pair<std::string, std::string>>& headers) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [name, value] : headers) {
    auto& slot = out[name];
    slot = slot.is_null() ? nlohmann::json(value) : nlohmann::json(slot.get<std::string>() + ", " + value);
  }
  return out;
}

}  // namespace

void RequestLog::record(const httplib::Request& req, const httplib::Response& res, const std::string& time) {
  if (!recorded(req.path)) return;
  bool cut = false;  // a path or query is never cut; loggable() only notes bytes that are not text
  Entry e{0, time, req.method, loggable(redact(req.path), {}, cut), loggable(masked_query(req.target), {}, cut),
          masked_headers(req.headers), {}, res.status, {}, false, false};
  // Mask the whole body before cutting it, so a card number is never split across the cut.
  e.request_body = loggable(redact(req.body), req.get_header_value("Content-Encoding"), e.request_truncated);
  // Responses are masked too: they carry issued tokens (OAuth, CMS sessions). httplib has already
  // compressed the body here when the client accepts gzip (browsers do); the note says so.
  e.response_body = loggable(redact_response(req.method, req.path, res.status, res.body), res.get_header_value("Content-Encoding"),
                             e.response_truncated);
  std::lock_guard lock(mutex_);
  e.seq = next_seq_++;
  entries_.push_back(std::move(e));
  if (entries_.size() > capacity_) entries_.pop_front();
}

void log_exchange(const httplib::Request& req, const httplib::Response& res) {
  if (!spdlog::should_log(spdlog::level::info)) return;  // masking costs more than the request
  spdlog::info("{} {} -> {} ({} B in, {} B out)", req.method, redact(req.path), res.status, req.body.size(), res.body.size());
  if (!spdlog::should_log(spdlog::level::debug)) return;
  if (const auto query = masked_query(req.target); !query.empty()) spdlog::debug("  query: {}", query);
  std::string headers;
  for (const auto& [name, value] : masked_headers(req.headers)) headers.append(headers.empty() ? "" : ", ").append(name).append(": ").append(value);
  if (!headers.empty()) spdlog::debug("  headers: {}", headers);
  // Whole bodies (not cut as in the request log), masked; compressed ones as a note.
  constexpr std::size_t kWhole = static_cast<std::size_t>(-1);
  bool truncated = false;
  if (!req.body.empty())
    spdlog::debug("  body: {}", loggable(redact(req.body), req.get_header_value("Content-Encoding"), truncated, kWhole));
  // Only the families' answers: the sandbox API hands out credentials and mail by design.
  if (recorded(req.path) && !res.body.empty())
    spdlog::debug("  response: {}",
                  loggable(redact_response(req.method, req.path, res.status, res.body), res.get_header_value("Content-Encoding"), truncated,
                           kWhole));
}

void log_unhandled(const httplib::Request& req, const std::string& what) {
  spdlog::error("{} {}: unhandled: {}", req.method, redact(req.path), redact(what));
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
                    {"requestHeaders", headers_json(it->request_headers)},
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
