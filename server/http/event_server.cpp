#include "http/event_server.hpp"

#include <arpa/inet.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <random>
#include <string_view>
#include <system_error>
#include <utility>

#include "http/connection_stream.hpp"

// The seam into cpp-httplib, all of it in this file. The event loop uses two members that are not
// httplib's public API: Server::process_request (protected: meant for subclasses) and
// Server::process_and_close_socket (virtual, but private). Overriding the private one is the
// only way to take an accepted socket before httplib gives it a thread: its accept loop calls it
// through the task queue (new_task_queue, public) for every connection. Both were read in
// cpp-httplib 0.11.4 (Debian 12's libcpp-httplib-dev), and the pin below stops the build on any
// other version: re-read both signatures and when the accept loop calls them, re-run
// tests/server/connections_tests.cpp and event_server_pin_tests.cpp, then move the pin. The
// public-API alternative, stock httplib's thread per connection, answered 20 % fewer keep-alive
// reads with 1.6 times the p99 latency on the same machine (docs/performance.md, 2026-11-24).
static_assert(std::string_view(CPPHTTPLIB_VERSION) == "0.11.4",
              "payref's event loop overrides a private member of cpp-httplib 0.11.4: re-check "
              "server/http/event_server.cpp against this version before moving the pin");

namespace payref::http {

namespace {

constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";


constexpr std::size_t kBufferBytes = 16 * 1024;  // a connection's buffer; it grows for a larger request
constexpr int kWaitMs = 100;                      // how soon an idle worker notices stop()
constexpr std::int64_t kSweepEveryMs = 1000;
constexpr std::int64_t kLingerMs = 2000;  // a refused connection reads (and drops) its peer's bytes this long
constexpr std::uint32_t kReadable = EPOLLIN | EPOLLRDHUP | EPOLLONESHOT;
constexpr std::uint32_t kWritable = EPOLLOUT | EPOLLONESHOT;
constexpr const char* kRefusalHeader = "X-Payref-Refusal";
constexpr std::string_view kTooManyConnections =
    "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nRetry-After: 1\r\nConnection: close\r\n"
    "Content-Length: 79\r\n\r\n"
    R"({"Message":"Too many connections from this address; close some and try again."})";
static_assert(kTooManyConnections.size() - kTooManyConnections.find("\r\n\r\n") - 4 == 79);

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

std::string peer_address(socket_t sock) {
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  char text[INET6_ADDRSTRLEN] = {};
  if (::getpeername(sock, reinterpret_cast<sockaddr*>(&addr), &len) != 0) return {};
  if (addr.ss_family == AF_INET) inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in&>(addr).sin_addr, text, sizeof text);
  else if (addr.ss_family == AF_INET6) inet_ntop(AF_INET6, &reinterpret_cast<sockaddr_in6&>(addr).sin6_addr, text, sizeof text);
  return text;
}

std::string random_mark() {
  std::random_device device;
  std::string mark;
  for (int i = 0; i < 4; ++i) {
    char part[9];
    std::snprintf(part, sizeof part, "%08x", device());
    mark += part;
  }
  return mark;
}

bool plain_text(std::string_view s) {
  return std::none_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
}

// The stand-in for a refused request: its method and target where they are readable (so that the
// family under that path answers), the few headers the answer depends on (CORS, the error's
// content type), and the refusal. It has no body.
std::string stand_in_request(std::string_view received, const std::string& mark, const FramedRequest& framed) {
  const std::size_t head_end = received.find("\r\n\r\n");
  const std::string_view head = received.substr(0, std::min<std::size_t>(head_end, 16 * 1024));
  std::string_view line = head.substr(0, std::min(head.size(), head.find("\r\n")));
  std::string method = "GET", target = "/";
  const std::size_t first = line.find(' ');
  if (first != std::string_view::npos) {
    const std::string_view m = line.substr(0, first);
    const std::string_view rest = line.substr(first + 1);
    const std::string_view t = rest.substr(0, rest.find(' '));
    static constexpr std::string_view known[] = {"GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"};
    if (std::find(std::begin(known), std::end(known), m) != std::end(known) && !t.empty() && t.front() == '/' &&
        t.size() <= 2048 && plain_text(t) && t.find(' ') == std::string_view::npos) {
      method = m;
      target = t;
    }
  }
  std::string out = method + " " + target + " HTTP/1.1\r\n";
  for (std::size_t at = line.size(); at < head.size();) {
    at += 2;
    const std::size_t eol = std::min(head.size(), head.find("\r\n", at));
    const std::string_view header = head.substr(at, eol - at);
    at = eol;
    const std::size_t colon = header.find(':');
    if (colon == std::string_view::npos || header.size() > 1024 || !plain_text(header)) continue;
    std::string name(header.substr(0, colon));
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (name == "origin" || name == "host" || name == "accept" || name == "content-type") out.append(header).append("\r\n");
  }
  out.append(kRefusalHeader).append(": ").append(mark).append(" ").append(std::to_string(framed.status)).append(" ");
  out.append(framed.reason).append("\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
  return out;
}

}  // namespace

struct EventServer::Connection {
  Connection(socket_t sock, std::string client_address, const ConnectionLimits& limits)
      : fd(sock),
        client(std::move(client_address)),
        stream(sock, kBufferBytes, limits.framing.max_head_bytes + 2 * limits.framing.max_body_bytes + 8192,
               limits.max_output_bytes) {}

  const socket_t fd;
  const std::string client;  // the peer's IP address (connections_per_client_)
  ConnectionStream stream;
  // True while a thread serves the connection; false while it waits, armed, in the epoll set.
  // Only the thread serving a connection reads, writes, re-arms or closes it; the sweep reads the
  // times below of connections that are not busy.
  std::atomic<bool> busy{true};
  std::atomic<std::int64_t> idle_since_ms{now_ms()};  // when its last response left (or it opened)
  std::atomic<std::int64_t> partial_since_ms{0};      // when an incomplete request began; 0: none
  std::atomic<std::size_t> partial_bytes{0};          // how much of it has arrived
  std::atomic<std::int64_t> pending_since_ms{0};      // when output began to wait for the socket
  std::atomic<std::int64_t> draining_since_ms{0};     // when it was refused; 0: not refused
  std::size_t requests = 0;         // served on this connection (keep_alive_max_requests)
  bool continue_sent = false;       // "100 Continue" already sent for the request arriving
  bool close_after_flush = false;   // the pending output is the last
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

EventServer::EventServer() : refusal_mark_(random_mark()) {
  new_task_queue = [this] { return new LoopQueue(*this); };
  set_limits(limits_);
}

EventServer::~EventServer() { stop_loop(); }

void EventServer::set_limits(const ConnectionLimits& limits) {
  limits_ = limits;
  limits_.event_workers = std::max(1, limits_.event_workers);
  limits_.keep_alive_max_requests = std::max<std::size_t>(1, limits_.keep_alive_max_requests);
  limits_.min_request_rate = std::max<std::size_t>(1, limits_.min_request_rate);
  limits_.max_connections_per_client = std::max<std::size_t>(1, limits_.max_connections_per_client);
  set_payload_max_length(limits_.framing.max_body_bytes);  // httplib's own check, never reached first
  // httplib announces these in its Keep-Alive header.
  set_keep_alive_max_count(limits_.keep_alive_max_requests);
  set_keep_alive_timeout(std::max<time_t>(1, static_cast<time_t>(limits_.keep_alive_timeout_ms / 1000)));
}

std::optional<Refusal> EventServer::refusal(const httplib::Request& req) const {
  if (!req.has_header(kRefusalHeader)) return std::nullopt;
  const std::string value = req.get_header_value(kRefusalHeader);
  // "<mark> <status> <reason>": only the loop knows the mark.
  if (value.size() < refusal_mark_.size() + 5 || value.compare(0, refusal_mark_.size(), refusal_mark_) != 0 ||
      value[refusal_mark_.size()] != ' ')
    return std::nullopt;
  Refusal refusal;
  refusal.status = std::atoi(value.c_str() + refusal_mark_.size() + 1);
  const std::size_t reason_at = value.find(' ', refusal_mark_.size() + 1);
  if (reason_at != std::string::npos) refusal.reason = value.substr(reason_at + 1);
  return refusal;
}

std::size_t EventServer::open_connections() {
  std::lock_guard lock(connections_mutex_);
  return connections_.size();
}

void EventServer::start_loop() {
  stopping_ = false;
  epoll_fd_ = ::epoll_create1(EPOLL_CLOEXEC);
  if (epoll_fd_ < 0) throw std::system_error(errno, std::generic_category(), "epoll_create1");
  next_sweep_ms_ = now_ms() + kSweepEveryMs;
  std::lock_guard lock(workers_mutex_);
  for (int i = 0; i < limits_.event_workers; ++i) spawn_worker();
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
  ::close(epoll_fd_);
  epoll_fd_ = -1;
}

namespace {
thread_local EventServer* this_worker_of = nullptr;  // the server whose worker this thread is
}  // namespace

void EventServer::worker_waiting() {
  if (this_worker_of) this_worker_of->worker_blocking();
}

void EventServer::worker_resumed() {
  if (this_worker_of) this_worker_of->worker_unblocked();
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
  if (stopping_ || running_ >= limits_.event_workers) return;
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
  if (running_ <= limits_.event_workers) return true;  // another worker parked first
  --running_;
  ++parked_;
  spare_wakeup_.wait(lock, [&] { return wakeups_ > 0 || stopping_; });
  --parked_;
  if (wakeups_ == 0) return false;  // stopping
  --wakeups_;                       // running_ was counted by whoever woke it
  return true;
}

bool EventServer::process_and_close_socket(socket_t sock) {
  std::string client = peer_address(sock);
  auto connection = std::make_shared<Connection>(sock, client, limits_);
  {
    std::lock_guard lock(connections_mutex_);
    std::size_t& count = connections_per_client_[client];
    if (count >= limits_.max_connections_per_client) {
      // Answered and closed at once: its peer has sent nothing yet, so the answer is not lost
      // to a reset.
      (void)::send(sock, kTooManyConnections.data(), kTooManyConnections.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
      ::shutdown(sock, SHUT_RDWR);
      ::close(sock);
      return false;
    }
    ++count;
    connections_[sock] = connection;
  }
  epoll_event event{};
  event.events = kReadable;
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
  this_worker_of = this;
  epoll_event event{};
  for (;;) {
    if (running_.load(std::memory_order_relaxed) > limits_.event_workers && !park()) return;
    // One event per wait: a second ready connection is left to another worker, not queued
    // behind this one's request.
    if (::epoll_wait(epoll_fd_, &event, 1, kWaitMs) == 1) serve(event.data.fd, event.events);
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

void EventServer::serve(int fd, std::uint32_t events) {
  const auto connection = find(fd);
  bool idle = false;
  if (!connection || !connection->busy.compare_exchange_strong(idle, true)) return;  // not armed: not ours
  (void)events;
  if (connection->stream.pending_output() > 0) {
    // Armed for writing: the client has taken some of what waited.
    const auto flushed = connection->stream.flush();
    if (flushed == ConnectionStream::Flush::failed) return close_connection(connection);
    if (flushed == ConnectionStream::Flush::pending) return release(connection);
    connection->pending_since_ms = 0;
    connection->idle_since_ms = now_ms();
    if (connection->draining_since_ms != 0) {
      ::shutdown(connection->fd, SHUT_WR);  // the refusal has left: the client sees the end
      return release(connection);
    }
    if (stopping_) return close_connection(connection);
    if (connection->close_after_flush) return linger(connection);
  }
  const bool peer_closed = connection->stream.fill() == ConnectionStream::Fill::peer_closed;
  if (connection->draining_since_ms != 0) return drain(connection, peer_closed);
  serve_buffered(connection, peer_closed);
}

// Runs every whole request in the buffer, then re-arms the connection or closes it.
void EventServer::serve_buffered(const std::shared_ptr<Connection>& connection, bool peer_closed) {
  for (;;) {
    const FramedRequest framed = frame_request(connection->stream.buffered(), limits_.framing);
    if (framed.framing == Framing::refused) return refuse(connection, framed);
    if (framed.framing == Framing::incomplete) {
      if (peer_closed || stopping_) return close_connection(connection);
      auto& stream = connection->stream;
      if (framed.expects_continue && !connection->continue_sent) {
        connection->continue_sent = true;
        stream.write(kContinue.data(), kContinue.size());
        if (stream.flush() == ConnectionStream::Flush::failed) return close_connection(connection);
      }
      // Room for the whole request when its head says how large it is; more room for a chunked
      // body that has filled the buffer.
      if (framed.needed > stream.capacity()) stream.reserve(framed.needed);
      else if (stream.buffered().size() >= stream.capacity()) stream.reserve(stream.capacity() * 2);
      return release(connection);
    }
    run_request(connection, framed.size);
    auto& stream = connection->stream;
    const auto flushed = stream.flush();
    if (flushed == ConnectionStream::Flush::failed) return close_connection(connection);
    if (flushed == ConnectionStream::Flush::pending) {
      // No further request runs until this response has left (release arms for writing).
      connection->pending_since_ms = now_ms();
      return release(connection);
    }
    if (connection->close_after_flush) return linger(connection);
  }
}

// One whole request, `size` bytes of the buffer, through httplib.
void EventServer::run_request(const std::shared_ptr<Connection>& connection, std::size_t size) {
  connection->partial_since_ms = 0;
  auto& stream = connection->stream;
  if (std::exchange(connection->continue_sent, false)) stream.drop_next_write_if(kContinue);
  stream.begin_request(size);
  const bool last = stopping_ || ++connection->requests >= limits_.keep_alive_max_requests;
  bool closed_by_request = false;  // "Connection: close", or httplib's own decision
  const bool ok = process_request(stream, last, closed_by_request, nullptr);
  // httplib leaves a GET's body, or the rest of a request it refused: it is this request's all
  // the same, and the next one starts after it.
  stream.end_request();
  connection->close_after_flush = !ok || closed_by_request || last || stream.failed();
}

// Answers a refused request through the pipeline with a stand-in request, then lets the client
// see the end of the stream and reads (and drops) what it still sends, for a moment, so that the
// answer is not lost to a reset; the sweep closes it.
void EventServer::refuse(const std::shared_ptr<Connection>& connection, const FramedRequest& framed) {
  auto& stream = connection->stream;
  const std::string stand_in = stand_in_request(stream.buffered(), refusal_mark_, framed);
  stream.substitute(stand_in);
  bool closed = false;
  process_request(stream, true, closed, nullptr);
  stream.end_request();
  stream.discard();
  stream.shrink();
  connection->partial_since_ms = 0;
  connection->draining_since_ms = now_ms();
  const auto flushed = stream.flush();
  if (flushed == ConnectionStream::Flush::failed) return close_connection(connection);
  if (flushed == ConnectionStream::Flush::pending) {
    connection->pending_since_ms = now_ms();
    return release(connection);
  }
  ::shutdown(connection->fd, SHUT_WR);
  release(connection);
}

// The last answer has left, but the client may have sent more (pipelined requests past the
// keep-alive cap, the rest of a body): closing now, with those bytes unread, would reset the
// connection, and a reset makes the client's kernel drop answers it has not read yet. So the
// client sees the end of the stream and its further bytes are read and dropped, as after a
// refusal, until it closes or the linger time is up.
void EventServer::linger(const std::shared_ptr<Connection>& connection) {
  if (connection->stream.failed() || stopping_) return close_connection(connection);
  connection->stream.discard();
  connection->stream.shrink();
  connection->partial_since_ms = 0;
  connection->draining_since_ms = now_ms();
  ::shutdown(connection->fd, SHUT_WR);
  release(connection);
}

void EventServer::drain(const std::shared_ptr<Connection>& connection, bool peer_closed) {
  connection->stream.discard();
  if (peer_closed || stopping_) return close_connection(connection);
  release(connection);
}

void EventServer::release(const std::shared_ptr<Connection>& connection) {
  const std::int64_t now = now_ms();
  auto& stream = connection->stream;
  epoll_event event{};
  event.data.fd = connection->fd;
  if (stream.pending_output() > 0) {
    // Only writability wakes it: bytes the client sends meanwhile wait in the socket.
    event.events = kWritable;
  } else {
    event.events = kReadable;
    if (connection->draining_since_ms == 0) {
      if (stream.buffered().empty()) {
        connection->idle_since_ms = now;
        connection->partial_since_ms = 0;
        stream.shrink();
      } else {
        if (connection->partial_since_ms == 0) connection->partial_since_ms = now;
        connection->partial_bytes = stream.buffered().size();
      }
    }
  }
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
    const auto it = connections_per_client_.find(connection->client);
    if (it != connections_per_client_.end() && --it->second == 0) connections_per_client_.erase(it);
  }
  ::shutdown(connection->fd, SHUT_RDWR);
  ::close(connection->fd);
}

// Shuts down the connections that waited too long; the end-of-file (or the failed send) wakes a
// worker, which closes them. Shutting down (not closing) keeps the descriptor valid for whoever
// serves it next.
void EventServer::sweep() {
  const std::int64_t now = now_ms();
  std::lock_guard lock(connections_mutex_);
  for (const auto& [fd, connection] : connections_) {
    if (connection->busy) continue;
    const std::int64_t draining_since = connection->draining_since_ms;
    const std::int64_t pending_since = connection->pending_since_ms;
    const std::int64_t partial_since = connection->partial_since_ms;
    bool expired;
    if (draining_since != 0) {
      expired = now - draining_since > kLingerMs;
    } else if (pending_since != 0) {
      expired = now - pending_since > limits_.write_timeout_ms;
    } else if (partial_since != 0) {
      // The whole request's deadline: the request timeout, and more for a large request that
      // arrives at the minimum rate or faster.
      const auto allowed = std::min<std::int64_t>(
          limits_.max_request_time_ms,
          limits_.request_timeout_ms + static_cast<std::int64_t>(connection->partial_bytes * 1000 / limits_.min_request_rate));
      expired = now - partial_since > allowed;
    } else {
      expired = now - connection->idle_since_ms > limits_.keep_alive_timeout_ms;
    }
    if (expired) ::shutdown(fd, SHUT_RDWR);
  }
}

}  // namespace payref::http
