#include "http/buffered_server.hpp"

#include <poll.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <string>

namespace payref::http {

namespace {

constexpr std::size_t kReadBufferBytes = 16 * 1024;
constexpr std::size_t kFlushAtBytes = 64 * 1024;  // a large body goes out in pieces of this size
constexpr int kStopCheckMs = 100;                // how soon an idle connection notices stop()

void set_timeout(socket_t sock, int option, time_t sec, time_t usec) {
  timeval tv{};
  tv.tv_sec = sec;
  tv.tv_usec = static_cast<suseconds_t>(usec);
  setsockopt(sock, SOL_SOCKET, option, &tv, sizeof tv);
}

void address_of(const sockaddr_storage& addr, std::string& ip, int& port) {
  char text[INET6_ADDRSTRLEN] = {};
  if (addr.ss_family == AF_INET) {
    const auto& a = reinterpret_cast<const sockaddr_in&>(addr);
    inet_ntop(AF_INET, &a.sin_addr, text, sizeof text);
    port = ntohs(a.sin_port);
  } else if (addr.ss_family == AF_INET6) {
    const auto& a = reinterpret_cast<const sockaddr_in6&>(addr);
    inet_ntop(AF_INET6, &a.sin6_addr, text, sizeof text);
    port = ntohs(a.sin6_port);
  }
  ip = text;
}

// One connection's socket: reads through a buffer, writes into one that flush() sends.
class ConnectionStream final : public httplib::Stream {
 public:
  ConnectionStream(socket_t sock, time_t read_timeout_ms) : sock_(sock), read_timeout_ms_(read_timeout_ms), in_(kReadBufferBytes) {}

  bool has_buffered_input() const { return in_pos_ < in_end_; }

  bool is_readable() const override {
    if (has_buffered_input()) return true;
    pollfd p{sock_, POLLIN, 0};
    return ::poll(&p, 1, static_cast<int>(read_timeout_ms_)) > 0;
  }
  bool is_writable() const override { return !failed_; }

  ssize_t read(char* ptr, size_t size) override {
    if (!has_buffered_input()) {
      // httplib may wait for a body after writing "100 Continue": what is written goes out first.
      if (!flush()) return -1;
      if (size >= in_.size()) return receive(ptr, size);
      const ssize_t n = receive(in_.data(), in_.size());
      if (n <= 0) return n;
      in_pos_ = 0;
      in_end_ = static_cast<std::size_t>(n);
    }
    const std::size_t n = std::min(size, in_end_ - in_pos_);
    std::memcpy(ptr, in_.data() + in_pos_, n);
    in_pos_ += n;
    return static_cast<ssize_t>(n);
  }

  ssize_t write(const char* ptr, size_t size) override {
    if (failed_) return -1;
    out_.append(ptr, size);
    if (out_.size() >= kFlushAtBytes && !flush()) return -1;
    return static_cast<ssize_t>(size);
  }

  bool flush() {
    std::size_t sent = 0;
    while (!failed_ && sent < out_.size()) {
      const ssize_t n = ::send(sock_, out_.data() + sent, out_.size() - sent, MSG_NOSIGNAL);
      if (n > 0) sent += static_cast<std::size_t>(n);
      else if (n < 0 && errno == EINTR) continue;
      else failed_ = true;  // peer gone, or SO_SNDTIMEO expired
    }
    out_.clear();
    return !failed_;
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    if (!peer_known_) {
      sockaddr_storage addr{};
      socklen_t len = sizeof addr;
      if (getpeername(sock_, reinterpret_cast<sockaddr*>(&addr), &len) == 0) address_of(addr, peer_ip_, peer_port_);
      peer_known_ = true;
    }
    ip = peer_ip_;
    port = peer_port_;
  }

  void get_local_ip_and_port(std::string& ip, int& port) const override {
    if (!local_known_) {
      sockaddr_storage addr{};
      socklen_t len = sizeof addr;
      if (getsockname(sock_, reinterpret_cast<sockaddr*>(&addr), &len) == 0) address_of(addr, local_ip_, local_port_);
      local_known_ = true;
    }
    ip = local_ip_;
    port = local_port_;
  }

  socket_t socket() const override { return sock_; }

 private:
  ssize_t receive(char* ptr, size_t size) {
    for (;;) {
      const ssize_t n = ::recv(sock_, ptr, size, 0);
      if (n < 0 && errno == EINTR) continue;
      return n;  // -1 with EAGAIN when SO_RCVTIMEO expired
    }
  }

  socket_t sock_;
  time_t read_timeout_ms_;
  std::vector<char> in_;
  std::size_t in_pos_ = 0, in_end_ = 0;
  std::string out_;
  bool failed_ = false;
  mutable bool peer_known_ = false, local_known_ = false;
  mutable std::string peer_ip_, local_ip_;
  mutable int peer_port_ = 0, local_port_ = 0;
};

// Waits up to timeout_sec for the next request on a kept-alive connection, in slices so that a
// stopping server releases idle connections at once.
bool wait_for_request(socket_t sock, time_t timeout_sec, const std::atomic<socket_t>& server_socket) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_sec);
  while (server_socket != INVALID_SOCKET) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
    if (left <= 0) return false;
    pollfd p{sock, POLLIN, 0};
    const int r = ::poll(&p, 1, static_cast<int>(std::min<long long>(left, kStopCheckMs)));
    if (r > 0) return true;  // data, or a hang-up that the next read reports
    if (r < 0 && errno != EINTR) return false;
  }
  return false;
}

}  // namespace

bool BufferedServer::process_and_close_socket(socket_t sock) {
  set_timeout(sock, SO_RCVTIMEO, read_timeout_sec_, read_timeout_usec_);
  set_timeout(sock, SO_SNDTIMEO, write_timeout_sec_, write_timeout_usec_);
  ConnectionStream stream(sock, read_timeout_sec_ * 1000 + read_timeout_usec_ / 1000);
  bool ok = false;
  for (std::size_t left = keep_alive_max_count_; left > 0 && svr_sock_ != INVALID_SOCKET; --left) {
    if (!stream.has_buffered_input() && !wait_for_request(sock, keep_alive_timeout_sec_, svr_sock_)) break;
    bool connection_closed = false;
    ok = process_request(stream, left == 1, connection_closed, nullptr);
    if (!stream.flush() || !ok || connection_closed) break;
  }
  ::shutdown(sock, SHUT_RDWR);
  ::close(sock);
  return ok;
}

}  // namespace payref::http
