// cpp-httplib's Server with an event loop in place of its thread per connection, and no thread
// that ever waits on a client.
//
// Stock httplib gives every connection a pool thread for as long as it stays open, blocked on its
// socket between requests. Under 64 keep-alive clients on 2 cores that is a thread switch per
// request and a scheduler queue that sets the tail latency (docs/performance.md); and a client that
// sends slowly, or never reads, holds its thread. Here:
//
//  - httplib still accepts, parses, routes and answers (Server::process_request): only the socket
//    handling is ours;
//  - the accepting thread registers each new connection with one epoll set, one-shot, and a few
//    workers take ready connections from it: a worker reads what has arrived without waiting and
//    runs every whole request in it; request_framing.hpp says where a request ends (Content-Length
//    or chunked), and httplib sees exactly those bytes. An idle or half-sent connection holds no
//    thread, only its buffer, which grows to the body limit for a large request;
//  - responses leave with non-blocking sends; what the client does not take waits for the socket
//    to become writable, and the connection runs no further request until it has left
//    (backpressure), so a client that pipelines and never reads costs one response of memory;
//  - refusals (a malformed or ambiguous framing, a body or head over the limit) are answered at
//    once, before any body is read, through httplib's pipeline with a stand-in request (refusal()),
//    so they get the family's error format, CORS and the request log; the connection then closes;
//  - a sweep, once a second, closes what took too long: an idle connection past the keep-alive
//    timeout, a request not whole within its deadline (request timeout plus its size at the
//    minimum rate), a response not taken within the write timeout, a refused connection lingering;
//  - a client address may hold at most so many connections; past that, new ones are answered 503
//    and closed;
//  - a worker whose request waits for the store's writer (worker_waiting(), called through
//    store::WaitNotice) lends its turn
//    to a spare worker, so that the loop keeps its number of running workers while writes wait
//    (and a write group can be larger than that number); the spare parks again afterwards.
//
// stop() (httplib's): no new connections; requests being processed finish and are answered with
// "Connection: close"; idle connections are closed; listen() returns when all are gone.
#pragma once

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "http/request_framing.hpp"

namespace payref::http {

struct ConnectionLimits {
  int event_workers = 6;                        // running workers (more exist while others wait)
  std::int64_t keep_alive_timeout_ms = 5000;    // an idle connection is closed after this
  std::size_t keep_alive_max_requests = 1000;   // the last one is answered "Connection: close"
  std::int64_t request_timeout_ms = 5000;       // a request must be whole within this ...
  std::size_t min_request_rate = 16 * 1024;     // ... plus its size at this many bytes a second
  std::int64_t max_request_time_ms = 120'000;   // ... and never more than this
  std::int64_t write_timeout_ms = 5000;         // a pending response must leave within this
  std::size_t max_output_bytes = 16 << 20;      // unsent response bytes a connection may hold
  std::size_t max_connections_per_client = 1024;  // per client IP address
  FramingLimits framing;
};

// A request the event loop refused before httplib read it, as the pipeline sees it.
struct Refusal {
  int status = 0;       // 400, 413, 431
  std::string reason;   // request_framing.hpp's reason
};

class EventServer : public httplib::Server {
 public:
  EventServer();
  ~EventServer() override;

  // Before listen().
  void set_limits(const ConnectionLimits& limits);
  const ConnectionLimits& limits() const { return limits_; }

  // The refusal a stand-in request carries (nullopt for every request a client sent): the
  // pipeline answers it with its status and the family's error format, before routing.
  std::optional<Refusal> refusal(const httplib::Request& req) const;

  // Client connections open now (for /healthz).
  std::size_t open_connections();

  // The calling thread is about to wait on other work (the store's writer), and is back: if it is
  // one of an EventServer's workers, a spare worker runs meanwhile. On any other thread (the
  // sandbox clock, tests) they do nothing.
  static void worker_waiting();
  static void worker_resumed();

 private:
  struct Connection;
  class LoopQueue;

  bool process_and_close_socket(socket_t sock) override;  // adopts the socket; closes it later

  void start_loop();
  void stop_loop();
  void run_worker();
  bool park();  // false: the loop is stopping
  void worker_blocking();
  void worker_unblocked();
  void spawn_worker();  // with workers_mutex_ held
  void sweep_if_due();
  void serve(int fd, std::uint32_t events);
  void serve_buffered(const std::shared_ptr<Connection>& connection, bool peer_closed);
  void run_request(const std::shared_ptr<Connection>& connection, std::size_t size);
  void refuse(const std::shared_ptr<Connection>& connection, const FramedRequest& framed);
  void drain(const std::shared_ptr<Connection>& connection, bool peer_closed);
  void linger(const std::shared_ptr<Connection>& connection);
  void release(const std::shared_ptr<Connection>& connection);
  void close_connection(const std::shared_ptr<Connection>& connection);
  void sweep();
  std::shared_ptr<Connection> find(int fd);

  static constexpr std::size_t kMaxWorkers = 64;  // running, blocked and parked together

  ConnectionLimits limits_;
  std::string refusal_mark_;  // random per server: a client cannot send a refusal of its own
  int epoll_fd_ = -1;
  std::atomic<bool> stopping_{false};
  std::atomic<std::int64_t> next_sweep_ms_{0};

  // Workers: running ones take events; the others wait on the store or are parked. Counts change
  // under workers_mutex_; the loop reads running_ without it to see whether it should park.
  std::mutex workers_mutex_;
  std::condition_variable spare_wakeup_;
  std::vector<std::thread> workers_;
  std::atomic<int> running_{0};
  int parked_ = 0;
  int wakeups_ = 0;  // parked workers told to run, not yet awake (already counted in running_)

  std::mutex connections_mutex_;
  std::unordered_map<int, std::shared_ptr<Connection>> connections_;
  std::unordered_map<std::string, std::size_t> connections_per_client_;
};

}  // namespace payref::http
