#include "http/connection_stream.hpp"

#include <arpa/inet.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace payref::http {

namespace {

constexpr std::size_t kFlushAtBytes = 64 * 1024;  // a large body goes out in pieces of this size

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

}  // namespace

ConnectionStream::ConnectionStream(socket_t sock, std::size_t buffer_bytes, time_t read_timeout_ms)
    : sock_(sock), read_timeout_ms_(read_timeout_ms), in_(buffer_bytes) {}

ConnectionStream::Fill ConnectionStream::fill() {
  if (in_pos_ > 0) {  // keep the unconsumed bytes at the front, so the free space is contiguous
    std::memmove(in_.data(), in_.data() + in_pos_, in_end_ - in_pos_);
    in_end_ -= in_pos_;
    in_pos_ = 0;
  }
  while (in_end_ < in_.size()) {
    const std::size_t space = in_.size() - in_end_;
    const ssize_t n = receive(in_.data() + in_end_, space, MSG_DONTWAIT);
    if (n > 0) {
      in_end_ += static_cast<std::size_t>(n);
      // Less than asked for: the socket is drained (a stream socket hands over all it holds),
      // so skip the recv() that would only say EAGAIN. Later bytes re-trigger the epoll set.
      if (static_cast<std::size_t>(n) < space) return Fill::open;
      continue;
    }
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return Fill::open;
    return Fill::peer_closed;  // 0: an orderly close; < 0: a reset
  }
  return Fill::open;
}

bool ConnectionStream::is_readable() const {
  if (in_pos_ < in_end_) return true;
  pollfd p{sock_, POLLIN, 0};
  return ::poll(&p, 1, static_cast<int>(read_timeout_ms_)) > 0;
}

ssize_t ConnectionStream::read(char* ptr, size_t size) {
  if (in_pos_ == in_end_) {
    // httplib may wait for a body after writing "100 Continue": what is written goes out first.
    if (!flush()) return -1;
    if (size >= in_.size()) return receive(ptr, size, 0);
    const ssize_t n = receive(in_.data(), in_.size(), 0);
    if (n <= 0) return n;
    in_pos_ = 0;
    in_end_ = static_cast<std::size_t>(n);
  }
  const std::size_t n = std::min(size, in_end_ - in_pos_);
  std::memcpy(ptr, in_.data() + in_pos_, n);
  in_pos_ += n;
  return static_cast<ssize_t>(n);
}

ssize_t ConnectionStream::write(const char* ptr, size_t size) {
  if (failed_) return -1;
  out_.append(ptr, size);
  if (out_.size() >= kFlushAtBytes && !flush()) return -1;
  return static_cast<ssize_t>(size);
}

bool ConnectionStream::flush() {
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

void ConnectionStream::get_remote_ip_and_port(std::string& ip, int& port) const {
  cached_address(::getpeername, peer_known_, peer_ip_, peer_port_);
  ip = peer_ip_;
  port = peer_port_;
}

void ConnectionStream::get_local_ip_and_port(std::string& ip, int& port) const {
  cached_address(::getsockname, local_known_, local_ip_, local_port_);
  ip = local_ip_;
  port = local_port_;
}

void ConnectionStream::cached_address(int (*lookup)(int, sockaddr*, socklen_t*), bool& known, std::string& ip,
                                      int& port) const {
  if (known) return;
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  if (lookup(sock_, reinterpret_cast<sockaddr*>(&addr), &len) == 0) address_of(addr, ip, port);
  known = true;
}

ssize_t ConnectionStream::receive(char* ptr, size_t size, int flags) {
  for (;;) {
    const ssize_t n = ::recv(sock_, ptr, size, flags);
    if (n < 0 && errno == EINTR) continue;
    return n;  // -1 with EAGAIN: nothing now (MSG_DONTWAIT), or SO_RCVTIMEO expired
  }
}

}  // namespace payref::http
