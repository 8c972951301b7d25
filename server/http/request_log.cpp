#include "http/request_log.hpp"

#include <pthread.h>
#include <sched.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <iterator>

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

// The peer and local addresses httplib adds as headers; not sent by the client.
bool added_by_httplib(const std::string& name) {
  return name == "REMOTE_ADDR" || name == "REMOTE_PORT" || name == "LOCAL_ADDR" || name == "LOCAL_PORT";
}

// One header the client sent, masked.
std::string masked_header(const std::string& name, const std::string& value) {
  if (is_utf8(value)) return redact_header(name, value);
  std::string note = "(";  // piece by piece: see loggable()
  note.append(std::to_string(value.size())).append(" bytes that are not UTF-8 text)");
  return note;
}

// The headers the client sent, masked.
std::vector<std::pair<std::string, std::string>> masked_headers(const httplib::Headers& headers) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [name, value] : headers)
    if (!added_by_httplib(name)) out.emplace_back(name, masked_header(name, value));
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

RequestLog::RequestLog(std::size_t capacity) : capacity_(capacity), masker_([this] { mask_waiting(); }) {}

RequestLog::~RequestLog() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  waiting_changed_.notify_all();
  masker_.join();
}

void RequestLog::record(const httplib::Request& req, const httplib::Response& res, const std::string& time) {
  if (!recorded(req.path)) return;
  Exchange x{0, time, req.method, req.path, req.target, {}, req.body, req.get_header_value("Content-Encoding"), res.status, res.body,
             res.get_header_value("Content-Encoding")};
  for (const auto& [name, value] : req.headers)
    if (!added_by_httplib(name)) x.request_headers.emplace_back(name, value);
  x.bytes = sizeof(Exchange) + x.path.size() + x.target.size() + x.request_body.size() + x.response_body.size();
  for (const auto& [name, value] : x.request_headers) x.bytes += name.size() + value.size();
  std::unique_lock lock(mutex_);
  x.seq = next_seq_++;
  if (waiting_bytes_ + x.bytes > kMaxWaitingBytes) {
    // The masking thread is far behind (large bodies, or no idle CPU for long): this request's
    // thread masks its own exchange, so that what waits in memory stays bounded.
    mask_into_log(lock, x);
    return;
  }
  waiting_bytes_ += x.bytes;
  waiting_.push_back(std::move(x));
  // Overtaken by `capacity_` newer exchanges: the log would push it out, and all before it, as
  // soon as those went in.
  if (waiting_.size() > capacity_) forget_before(take_waiting().seq + 1);
  lock.unlock();
  waiting_changed_.notify_one();
}

RequestLog::Entry RequestLog::masked(const Exchange& x) {
  bool cut = false;  // a path or query is never cut; loggable() only notes bytes that are not text
  Entry e{x.seq, x.time, x.method, loggable(redact(x.path), {}, cut), loggable(masked_query(x.target), {}, cut), {}, {}, x.status, {}, false,
          false};
  for (const auto& [name, value] : x.request_headers) e.request_headers.emplace_back(name, masked_header(name, value));
  // Mask the whole body before cutting it, so a card number is never split across the cut.
  e.request_body = loggable(redact(x.request_body), x.request_encoding, e.request_truncated);
  // Responses are masked too: they carry issued tokens (OAuth, CMS sessions). httplib has already
  // compressed the body here when the client accepts gzip (browsers do); the note says so.
  e.response_body = loggable(redact_response(x.method, x.path, x.status, x.response_body), x.response_encoding, e.response_truncated);
  return e;
}

void RequestLog::forget_before(std::int64_t seq) {
  forgotten_before_ = std::max(forgotten_before_, seq);
  while (!entries_.empty() && entries_.front().seq < forgotten_before_) entries_.pop_front();
}

void RequestLog::insert(Entry entry) {
  if (entry.seq < forgotten_before_) return;
  // Nearly always at the back; an exchange masked by a request's own thread can overtake one the
  // masking thread holds.
  auto at = entries_.end();
  while (at != entries_.begin() && std::prev(at)->seq > entry.seq) --at;
  entries_.insert(at, std::move(entry));
  while (entries_.size() > capacity_) entries_.pop_front();
}

void RequestLog::mask_waiting() {
  // Below the request threads: under a load that leaves no CPU idle, masking waits (and what
  // waits is overtaken and dropped) instead of taking CPU from the requests. SCHED_IDLE runs
  // only on a CPU nothing else wants (at nice 19 it still took 2.4 % of the server's CPU under
  // the read benchmark); readers never wait for it, they mask what waits themselves.
  const sched_param idle{};
  if (pthread_setschedparam(pthread_self(), SCHED_IDLE, &idle) != 0)
    setpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid)), 19);  // Linux: this thread only
  std::unique_lock lock(mutex_);
  for (;;) {
    waiting_changed_.wait(lock, [this] { return stopping_ || !waiting_.empty(); });
    if (stopping_) return;
    mask_into_log(lock, take_waiting());
  }
}

RequestLog::Exchange RequestLog::take_waiting() {
  Exchange x = std::move(waiting_.front());
  waiting_.pop_front();
  waiting_bytes_ -= x.bytes;
  return x;
}

void RequestLog::mask_into_log(std::unique_lock<std::mutex>& lock, const Exchange& x) {
  being_masked_.insert(x.seq);
  lock.unlock();  // masking takes microseconds to milliseconds: other threads record meanwhile
  Entry entry = masked(x);
  lock.lock();
  being_masked_.erase(x.seq);
  insert(std::move(entry));
  settled_.notify_all();
}

void RequestLog::settle(std::unique_lock<std::mutex>& lock, std::int64_t seq) {
  // What waits is masked here, by the reader, rather than waiting for the low-priority thread.
  while (!waiting_.empty() && waiting_.front().seq <= seq) mask_into_log(lock, take_waiting());
  // And the ones another thread is masking right now.
  settled_.wait(lock, [this, seq] { return being_masked_.empty() || *being_masked_.begin() > seq; });
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

nlohmann::json RequestLog::newest(std::size_t limit) {
  nlohmann::json list = nlohmann::json::array();
  std::unique_lock lock(mutex_);
  // What was recorded before this call; later exchanges may be in the log already while earlier
  // ones of theirs are still being masked, and a listing has no gaps.
  const std::int64_t last = next_seq_ - 1;
  settle(lock, last);
  for (auto it = entries_.rbegin(); it != entries_.rend() && list.size() < limit; ++it) {
    if (it->seq > last) continue;
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
  waiting_.clear();
  waiting_bytes_ = 0;
  forget_before(next_seq_);  // what is being masked now too, when it is done
}

}  // namespace payref::http
