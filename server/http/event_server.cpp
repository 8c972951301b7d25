#include "http/event_server.hpp"

#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdint>
#include <system_error>

#include "http/connection_stream.hpp"
#include "http/request_framing.hpp"

namespace payref::http {

namespace {

constexpr std::size_t kBufferBytes = 16 * 1024;  // a whole request up to this size is served by the loop
constexpr int kWaitMs = 100;                      // how soon an idle worker notices stop()
constexpr std::int64_t kSweepEveryMs = 1000;
constexpr std::uint32_t kArmed = EPOLLIN | EPOLLRDHUP | EPOLLONESHOT;

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

void set_timeout(socket_t sock, int option, time_t sec, time_t usec) {
  timeval tv{};
  tv.tv_sec = sec;
  tv.tv_usec = static_cast<suseconds_t>(usec);
  setsockopt(sock, SOL_SOCKET, option, &tv, sizeof tv);
}

}  // namespace

struct EventServer::Connection {
  Connection(socket_t sock, time_t read_timeout_ms) : fd(sock), stream(sock, kBufferBytes, read_timeout_ms) {}

  const socket_t fd;
  ConnectionStream stream;
  // True while a thread serves the connection; false while it waits, armed, in the epoll set.
  // Only the thread serving a connection reads, writes, re-arms or closes it.
  std::atomic<bool> busy{true};
  std::atomic<std::int64_t> idle_since_ms{now_ms()};  // when its last response left (or it opened)
  std::atomic<std::int64_t> partial_since_ms{0};      // when an incomplete request began; 0: none
};

// httplib's accept loop hands each new socket to its task queue, and shuts the queue down when
// stop() ends that loop: this queue registers the socket at once (never blocks the accept loop)
// and runs the event loop from the first listen() to the end of the loop.
class EventServer::LoopQueue final : public httplib::TaskQueue {
 public:
  explicit LoopQueue(EventServer& server) : server_(server) { server_.start_loop(); }
  void enqueue(std::function<void()> fn) override { fn(); }  // EventServer::process_and_close_socket
  void shutdown() override { server_.stop_loop(); }

 private:
  EventServer& server_;
};

EventServer::EventServer() {
  new_task_queue = [this] { return new LoopQueue(*this); };
}

EventServer::~EventServer() { stop_loop(); }

void EventServer::set_workers(int event_workers, int blocking_workers) {
  event_workers_ = event_workers > 0 ? event_workers : 1;
  blocking_workers_ = blocking_workers > 0 ? blocking_workers : 1;
}

void EventServer::start_loop() {
  stopping_ = false;
  epoll_fd_ = ::epoll_create1(EPOLL_CLOEXEC);
  if (epoll_fd_ < 0) throw std::system_error(errno, std::generic_category(), "epoll_create1");
  next_sweep_ms_ = now_ms() + kSweepEveryMs;
  blocking_pool_ = std::make_unique<httplib::ThreadPool>(static_cast<std::size_t>(blocking_workers_));
  std::lock_guard lock(workers_mutex_);
  for (int i = 0; i < event_workers_; ++i) spawn_worker();
}

void EventServer::stop_loop() {
  if (epoll_fd_ < 0) return;
  {
    std::lock_guard lock(workers_mutex_);
    stopping_ = true;
    spare_wakeup_.notify_all();  // parked workers leave
  }
  {
    // Every connection reads end-of-file from now on: an idle one wakes and closes; one being
    // served has its request buffered already, answers it with "Connection: close", then closes.
    std::lock_guard lock(connections_mutex_);
    for (const auto& entry : connections_) ::shutdown(entry.first, SHUT_RD);
  }
  // Running workers return once no connection is left. None is started after stopping_ is set.
  std::vector<std::thread> workers;
  {
    std::lock_guard lock(workers_mutex_);
    workers.swap(workers_);
  }
  for (auto& worker : workers) worker.join();
  blocking_pool_->shutdown();
  blocking_pool_.reset();
  ::close(epoll_fd_);
  epoll_fd_ = -1;
}

void EventServer::spawn_worker() {
  ++running_;
  workers_.emplace_back([this] { run_worker(); });
}

// A worker is about to wait for the store: if that leaves fewer workers running than wanted, a
// parked one takes its turn, or a new one if none is parked.
void EventServer::worker_blocking() {
  std::lock_guard lock(workers_mutex_);
  --running_;
  if (stopping_ || running_ >= event_workers_) return;
  if (parked_ > wakeups_) {
    ++wakeups_;
    ++running_;
    spare_wakeup_.notify_one();
  } else if (workers_.size() < kMaxWorkers) {
    spawn_worker();
  }
}

// Back from the wait: it finishes its request, then parks if the loop has enough workers (run_worker).
void EventServer::worker_unblocked() {
  std::lock_guard lock(workers_mutex_);
  ++running_;
}

bool EventServer::park() {
  std::unique_lock lock(workers_mutex_);
  if (running_ <= event_workers_) return true;  // another worker parked first
  --running_;
  ++parked_;
  spare_wakeup_.wait(lock, [&] { return wakeups_ > 0 || stopping_; });
  --parked_;
  if (wakeups_ == 0) return false;  // stopping
  --wakeups_;                       // running_ was counted by whoever woke it
  return true;
}

bool EventServer::process_and_close_socket(socket_t sock) {
  // The timeouts bound the blocking path's reads and every send (a client that stops reading).
  set_timeout(sock, SO_RCVTIMEO, read_timeout_sec_, read_timeout_usec_);
  set_timeout(sock, SO_SNDTIMEO, write_timeout_sec_, write_timeout_usec_);
  auto connection = std::make_shared<Connection>(sock, read_timeout_sec_ * 1000 + read_timeout_usec_ / 1000);
  {
    std::lock_guard lock(connections_mutex_);
    connections_[sock] = connection;
  }
  epoll_event event{};
  event.events = kArmed;
  event.data.fd = sock;
  connection->busy = false;  // from here on a worker may take it
  if (::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, sock, &event) != 0) {
    connection->busy = true;
    close_connection(connection);
    return false;
  }
  return true;
}

void EventServer::run_worker() {
  util::set_blocking_listener(&worker_blocking_);
  epoll_event event{};
  for (;;) {
    if (running_.load(std::memory_order_relaxed) > event_workers_ && !park()) return;
    // One event per wait: a second ready connection is left to another worker, not queued
    // behind this one's request.
    if (::epoll_wait(epoll_fd_, &event, 1, kWaitMs) == 1) serve(event.data.fd);
    if (stopping_) {
      std::lock_guard lock(connections_mutex_);
      if (connections_.empty()) return;
    }
    sweep_if_due();
  }
}

void EventServer::sweep_if_due() {
  const std::int64_t now = now_ms();
  std::int64_t due = next_sweep_ms_.load(std::memory_order_relaxed);
  if (now >= due && next_sweep_ms_.compare_exchange_strong(due, now + kSweepEveryMs)) sweep();
}

std::shared_ptr<EventServer::Connection> EventServer::find(int fd) {
  std::lock_guard lock(connections_mutex_);
  const auto it = connections_.find(fd);
  return it == connections_.end() ? nullptr : it->second;
}

void EventServer::serve(int fd) {
  const auto connection = find(fd);
  bool idle = false;
  if (!connection || !connection->busy.compare_exchange_strong(idle, true)) return;  // not armed: not ours
  const bool peer_closed = connection->stream.fill() == ConnectionStream::Fill::peer_closed;
  serve_buffered(connection, peer_closed);
}

// Runs every whole request in the buffer, then re-arms the connection or closes it.
void EventServer::serve_buffered(const std::shared_ptr<Connection>& connection, bool peer_closed) {
  for (;;) {
    const FramedRequest framed = frame_request(connection->stream.buffered(), connection->stream.capacity());
    if (framed.framing == Framing::incomplete) {
      if (peer_closed || stopping_) return close_connection(connection);
      return release(connection);
    }
    if (framed.framing == Framing::needs_blocking_read) {
      blocking_pool_->enqueue([this, connection] { serve_blocking(connection); });
      return;
    }
    connection->partial_since_ms = 0;
    bool closed_by_request = false;  // "Connection: close", or httplib's own decision
    const bool ok = process_request(connection->stream, stopping_, closed_by_request, nullptr);
    if (!connection->stream.flush() || !ok || closed_by_request || stopping_) return close_connection(connection);
  }
}

// One request that httplib reads from the socket itself, waiting as long as the read timeout.
void EventServer::serve_blocking(const std::shared_ptr<Connection>& connection) {
  connection->partial_since_ms = 0;
  bool closed_by_request = false;
  const bool ok = process_request(connection->stream, stopping_, closed_by_request, nullptr);
  if (!connection->stream.flush() || !ok || closed_by_request || stopping_) return close_connection(connection);
  serve_buffered(connection, false);
}

void EventServer::release(const std::shared_ptr<Connection>& connection) {
  const std::int64_t now = now_ms();
  if (connection->stream.buffered().empty()) {
    connection->idle_since_ms = now;
    connection->partial_since_ms = 0;
  } else if (connection->partial_since_ms == 0) {
    connection->partial_since_ms = now;
  }
  epoll_event event{};
  event.events = kArmed;
  event.data.fd = connection->fd;
  // Not busy before armed: once armed, another worker may take it at once. epoll re-checks
  // readiness on re-arming, so bytes that arrived since the last read are not missed.
  connection->busy = false;
  if (::epoll_ctl(epoll_fd_, EPOLL_CTL_MOD, connection->fd, &event) != 0) {
    bool idle = false;
    if (connection->busy.compare_exchange_strong(idle, true)) close_connection(connection);
  }
}

void EventServer::close_connection(const std::shared_ptr<Connection>& connection) {
  {
    // Out of the table before the descriptor is closed: the accept loop may get the same number
    // for a new connection as soon as it is.
    std::lock_guard lock(connections_mutex_);
    connections_.erase(connection->fd);
  }
  ::shutdown(connection->fd, SHUT_RDWR);
  ::close(connection->fd);
}

// Shuts down the connections that waited too long; the end-of-file wakes a worker, which closes
// them. Shutting down (not closing) keeps the descriptor valid for whoever serves it next.
void EventServer::sweep() {
  const std::int64_t now = now_ms();
  const std::int64_t idle_limit = static_cast<std::int64_t>(keep_alive_timeout_sec_) * 1000;
  const std::int64_t partial_limit = static_cast<std::int64_t>(read_timeout_sec_) * 1000 + read_timeout_usec_ / 1000;
  std::lock_guard lock(connections_mutex_);
  for (const auto& [fd, connection] : connections_) {
    if (connection->busy) continue;
    const std::int64_t partial_since = connection->partial_since_ms;
    const bool too_slow = partial_since != 0 && now - partial_since > partial_limit;
    const bool too_idle = partial_since == 0 && now - connection->idle_since_ms > idle_limit;
    if (too_slow || too_idle) ::shutdown(fd, SHUT_RDWR);
  }
}

}  // namespace payref::http
