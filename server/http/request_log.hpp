// The sandbox's request log (GET /_sandbox/requests): the last requests an integration sent and
// what it got back, newest first, so a developer sees exactly what their code did. Paths, query
// strings, request headers and both bodies are masked when recorded (http/redact.hpp): a card
// number, a key or a token never outlives its request, in memory or on the wire.
//
// Also here: the server's log lines about an exchange (log_exchange, log_unhandled), masked the
// same way, so that nothing else prints request data.
#pragma once

#include <httplib.h>

#include <cstdint>
#include <deque>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace payref::http {

// The info line of an exchange (method, path, status, sizes) and at debug level its query,
// request headers, request body and — for the API families — response body, all masked.
// Installed as the HTTP server's logger.
void log_exchange(const httplib::Request& req, const httplib::Response& res);
// The exception boundary's error line: the request and what was thrown, masked.
void log_unhandled(const httplib::Request& req, const std::string& what);

class RequestLog {
 public:
  explicit RequestLog(std::size_t capacity = 500) : capacity_(capacity) {}

  // Records one exchange; `time` is the server clock's ISO-8601 time. The sandbox API itself and
  // /healthz are not recorded.
  void record(const httplib::Request& req, const httplib::Response& res, const std::string& time);
  // The newest `limit` entries, newest first.
  nlohmann::json newest(std::size_t limit) const;
  void clear();

  static constexpr std::size_t kMaxBodyBytes = 4096;  // longer bodies are cut (and say so)

 private:
  struct Entry {
    std::int64_t seq;
    std::string time, method, path, query;
    std::vector<std::pair<std::string, std::string>> request_headers;
    std::string request_body;
    int status;
    std::string response_body;
    bool request_truncated, response_truncated;
  };
  mutable std::mutex mutex_;
  std::deque<Entry> entries_;
  std::size_t capacity_;
  std::int64_t next_seq_ = 1;
};

}  // namespace payref::http
