// The sandbox's request log (GET /_sandbox/requests): the last requests an integration sent and
// what it got back, newest first, so a developer sees exactly what their code did. Bodies and
// query strings are masked when recorded (http/redact.hpp): a card number never outlives its
// request, in memory or on the wire.
#pragma once

#include <httplib.h>

#include <cstdint>
#include <deque>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>

namespace payref::http {

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
    std::string time, method, path, query, request_body;
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
