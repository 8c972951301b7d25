#include "http/request_log.hpp"

#include "http/redact.hpp"

namespace payref::http {

namespace {

bool recorded(const std::string& path) { return path.rfind("/_sandbox/", 0) != 0 && path != "/healthz"; }

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

std::string cut(const std::string& text, bool& truncated) {
  truncated = text.size() > RequestLog::kMaxBodyBytes;
  return truncated ? text.substr(0, RequestLog::kMaxBodyBytes) : text;
}

}  // namespace

void RequestLog::record(const httplib::Request& req, const httplib::Response& res, const std::string& time) {
  if (!recorded(req.path)) return;
  Entry e{0, time, req.method, redact(req.path), masked_query(req.target), {}, res.status, {}, false, false};
  // Mask the whole body before cutting it, so a card number is never split across the cut.
  e.request_body = cut(redact(req.body), e.request_truncated);
  e.response_body = cut(res.body, e.response_truncated);  // responses carry masked numbers only
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
