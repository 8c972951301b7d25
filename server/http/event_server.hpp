// cpp-httplib's Server with an event loop in place of its thread per connection.
//
// Stock httplib gives every connection a pool thread for as long as it stays open, blocked on its
// socket between requests. Under 64 keep-alive clients on 2 cores that is a thread switch per
// request and a scheduler queue that sets the tail latency (docs/performance.md). Here:
//
//  - httplib still accepts, parses, routes and answers (Server::process_request): only the socket
//    handling is ours;
//  - the accepting thread registers each new connection with one epoll set, one-shot, and a few
//    workers take ready connections from it: a worker reads what has arrived without waiting,
//    and runs every whole request in it (request_framing.hpp); an idle or half-sent connection
//    holds no thread, only its buffer;
//  - what cannot be sized up front (chunked bodies, Expect: 100-continue, requests larger than the
//    buffer, malformed heads) goes to a small pool of threads that may wait on the socket, as
//    stock httplib does, and the connection then comes back to the loop;
//  - a worker whose request waits for the store's writer (util/blocking_wait.hpp) lends its turn
//    to a spare worker, so that the loop keeps its number of running workers while writes wait
//    (and a write group can be larger than that number); the spare parks again afterwards;
//  - a worker sweeps once a second: a connection idle past the keep-alive timeout, or whose
//    request has been arriving for longer than the read timeout, is closed;
//  - each response leaves in one send() (connection_stream.hpp).
//
// stop() (httplib's): no new connections; requests being processed finish and are answered with
// "Connection: close"; idle connections are closed; listen() returns when all are gone.
#pragma once

#include <httplib.h>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

#include "util/blocking_wait.hpp"

namespace payref::http {

class EventServer : public httplib::Server {
 public:
  EventServer();
  ~EventServer() override;

  // Before listen(): how many event-loop workers run (more may exist, parked, for the time
  // others wait on the store), and how many threads serve blocking reads.
  void set_workers(int event_workers, int blocking_workers);

 private:
  struct Connection;
  class LoopQueue;
  class WorkerBlocking final : public util::BlockingListener {
   public:
    explicit WorkerBlocking(EventServer& server) : server_(server) {}
    void blocking() override { server_.worker_blocking(); }
    void unblocked() override { server_.worker_unblocked(); }

   private:
    EventServer& server_;
  };

  bool process_and_close_socket(socket_t sock) override;  // adopts the socket; closes it later

  void start_loop();
  void stop_loop();
  void run_worker();
  bool park();  // false: the loop is stopping
  void worker_blocking();
  void worker_unblocked();
  void spawn_worker();  // with workers_mutex_ held
  void sweep_if_due();
  void serve(int fd);
  void serve_blocking(const std::shared_ptr<Connection>& connection);
  void serve_buffered(const std::shared_ptr<Connection>& connection, bool peer_closed);
  void release(const std::shared_ptr<Connection>& connection);
  void close_connection(const std::shared_ptr<Connection>& connection);
  void sweep();
  std::shared_ptr<Connection> find(int fd);

  static constexpr std::size_t kMaxWorkers = 64;  // running, blocked and parked together

  int event_workers_ = 6;
  int blocking_workers_ = 4;
  int epoll_fd_ = -1;
  std::atomic<bool> stopping_{false};
  std::atomic<std::int64_t> next_sweep_ms_{0};

  // Workers: running ones take events; the others wait on the store or are parked. Counts change
  // under workers_mutex_; the loop reads running_ without it to see whether it should park.
  WorkerBlocking worker_blocking_{*this};
  std::mutex workers_mutex_;
  std::condition_variable spare_wakeup_;
  std::vector<std::thread> workers_;
  std::atomic<int> running_{0};
  int parked_ = 0;
  int wakeups_ = 0;  // parked workers told to run, not yet awake (already counted in running_)

  std::unique_ptr<httplib::ThreadPool> blocking_pool_;
  std::mutex connections_mutex_;
  std::unordered_map<int, std::shared_ptr<Connection>> connections_;
};

}  // namespace payref::http
