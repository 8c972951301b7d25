// The sandbox's request log (GET /_sandbox/requests): the last requests an integration sent and
// what it got back, newest first, so a developer sees exactly what their code did. Paths, query
// strings, request headers and both bodies are masked (http/redact.hpp) before anything can read
// them: a card number, a key or a token is never shown, printed or written.
//
// Masking a 6.5 KB list costs about as much as answering it, so it is not done on the request
// path: record() copies the exchange into a bounded queue in memory, and one low-priority thread
// masks it into the log, on CPU the requests leave idle. A reader masks whatever still waits
// before it reads, so it always finds every call made before it. Under a load that leaves no idle
// CPU, exchanges that more than `capacity` newer ones have overtaken are dropped unmasked: the log
// would have pushed them out anyway, so the log's content is the same as if each had been masked
// at once (docs/performance.md "Masking").
//
// Also here: the server's log lines about an exchange (log_exchange, log_unhandled), masked the
// same way, so that nothing else prints request data.
#pragma once

#include <httplib.h>

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <set>
#include <thread>
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
  explicit RequestLog(std::size_t capacity = 500);
  ~RequestLog();
  RequestLog(const RequestLog&) = delete;
  RequestLog& operator=(const RequestLog&) = delete;

  // Takes one exchange for the log; `time` is the server clock's ISO-8601 time. The sandbox API
  // itself and /healthz are not recorded. Masking happens on the log's own thread (see below).
  void record(const httplib::Request& req, const httplib::Response& res, const std::string& time);
  // The newest `limit` entries, newest first, masked. Every exchange recorded before the call is
  // in it (or was pushed out by newer ones): whatever is still waiting is masked first.
  nlohmann::json newest(std::size_t limit);
  void clear();

  static constexpr std::size_t kMaxBodyBytes = 4096;  // longer bodies are cut (and say so)
  // What exchanges may wait for the masking thread, in bytes; past it record() masks in the
  // request's own thread, as if there were no masking thread.
  static constexpr std::size_t kMaxWaitingBytes = 8 << 20;

 private:
  // An exchange as it was sent, waiting to be masked. Only ever in this process's memory.
  struct Exchange {
    std::int64_t seq;
    std::string time, method, path, target;
    std::vector<std::pair<std::string, std::string>> request_headers;
    std::string request_body, request_encoding;
    int status;
    std::string response_body, response_encoding;
    std::size_t bytes = 0;  // what it holds, counted once when recorded (kMaxWaitingBytes)
  };
  // An exchange as the log shows it: masked, bodies cut.
  struct Entry {
    std::int64_t seq;
    std::string time, method, path, query;
    std::vector<std::pair<std::string, std::string>> request_headers;
    std::string request_body;
    int status;
    std::string response_body;
    bool request_truncated, response_truncated;
  };
  static Entry masked(const Exchange& x);
  void mask_waiting();
  // Under mutex_: the log drops, and will not take, exchanges numbered below `seq`.
  void forget_before(std::int64_t seq);
  // Under mutex_: the entry joins the log in sequence order, unless it was forgotten meanwhile.
  void insert(Entry entry);
  // Under mutex_ (held by `lock`): the oldest waiting exchange, out of the queue.
  Exchange take_waiting();
  // Under mutex_ (held by `lock`, released while masking): masks `x` into the log.
  void mask_into_log(std::unique_lock<std::mutex>& lock, const Exchange& x);
  // Under mutex_ (held by `lock`): masks what waits and returns once every exchange numbered up
  // to `seq` is in the log.
  void settle(std::unique_lock<std::mutex>& lock, std::int64_t seq);

  std::mutex mutex_;
  std::condition_variable waiting_changed_, settled_;
  std::deque<Exchange> waiting_;
  std::size_t waiting_bytes_ = 0;
  std::set<std::int64_t> being_masked_;
  std::deque<Entry> entries_;
  std::size_t capacity_;
  std::int64_t next_seq_ = 1;
  // Exchanges numbered below are out of the log for good: cleared, or older than one overtaken.
  std::int64_t forgotten_before_ = 0;
  bool stopping_ = false;
  std::thread masker_;
};

}  // namespace payref::http
