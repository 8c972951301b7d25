#include "http/connection_stream.hpp"

#include <arpa/inet.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

namespace payref::http {

namespace {

constexpr std::size_t kFlushAtBytes = 64 * 1024;  // a large body starts leaving before it is whole

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

ssize_t receive_now(socket_t sock, char* ptr, std::size_t size) {
  for (;;) {
    const ssize_t n = ::recv(sock, ptr, size, MSG_DONTWAIT);
    if (n < 0 && errno == EINTR) continue;
    return n;
  }
}

}  // namespace

ConnectionStream::ConnectionStream(socket_t sock, std::size_t buffer_bytes, std::size_t max_buffer_bytes,
                                   std::size_t max_output_bytes)
    : sock_(sock), base_in_(buffer_bytes), max_in_(std::max(buffer_bytes, max_buffer_bytes)), max_out_(max_output_bytes),
      in_(buffer_bytes) {}

void ConnectionStream::compact() {
  if (in_pos_ == 0) return;  // keep the unconsumed bytes at the front, so the free space is contiguous
  std::memmove(in_.data(), in_.data() + in_pos_, in_end_ - in_pos_);
  in_end_ -= in_pos_;
  in_limit_ = in_limit_ > in_pos_ ? in_limit_ - in_pos_ : 0;
  in_pos_ = 0;
}

ConnectionStream::Fill ConnectionStream::fill() {
  compact();
  while (in_end_ < in_.size()) {
    const std::size_t space = in_.size() - in_end_;
    const ssize_t n = receive_now(sock_, in_.data() + in_end_, space);
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

void ConnectionStream::reserve(std::size_t bytes) {
  compact();
  bytes = std::min(bytes, max_in_);
  if (bytes > in_.size()) in_.resize(std::max(bytes, std::min(max_in_, in_.size() * 2)));
}

void ConnectionStream::shrink() {
  compact();
  if (in_.size() > base_in_ && in_end_ <= base_in_) {
    in_.resize(base_in_);
    in_.shrink_to_fit();
  }
}

void ConnectionStream::begin_request(std::size_t size) { in_limit_ = std::min(in_end_, in_pos_ + size); }

std::size_t ConnectionStream::end_request() {
  const std::size_t left = in_limit_ > in_pos_ ? in_limit_ - in_pos_ : 0;
  in_pos_ += left;
  in_limit_ = in_pos_;
  return left;
}

void ConnectionStream::substitute(std::string_view bytes) {
  in_pos_ = in_end_ = 0;
  if (bytes.size() > in_.size()) in_.resize(bytes.size());
  std::memcpy(in_.data(), bytes.data(), bytes.size());
  in_end_ = bytes.size();
  in_limit_ = in_end_;
}

ssize_t ConnectionStream::read(char* ptr, size_t size) {
  // Nothing past the request's bound: to httplib the stream ends there.
  const std::size_t n = std::min(size, in_limit_ > in_pos_ ? in_limit_ - in_pos_ : 0);
  std::memcpy(ptr, in_.data() + in_pos_, n);
  in_pos_ += n;
  return static_cast<ssize_t>(n);
}

ssize_t ConnectionStream::write(const char* ptr, size_t size) {
  if (failed_) return -1;
  const std::string_view drop = std::exchange(drop_once_, {});
  if (!drop.empty() && std::string_view(ptr, size) == drop) return static_cast<ssize_t>(size);
  if (pending_output() + size > max_out_) {  // the peer does not read: this connection alone fails
    failed_ = true;
    return -1;
  }
  out_.append(ptr, size);
  if (pending_output() >= kFlushAtBytes && flush() == Flush::failed) return -1;
  return static_cast<ssize_t>(size);
}

ConnectionStream::Flush ConnectionStream::flush() {
  while (!failed_ && out_sent_ < out_.size()) {
    const ssize_t n = ::send(sock_, out_.data() + out_sent_, out_.size() - out_sent_, MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n > 0) out_sent_ += static_cast<std::size_t>(n);
    else if (n < 0 && errno == EINTR) continue;
    else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) break;
    else failed_ = true;  // the peer is gone
  }
  if (failed_) return Flush::failed;
  if (out_sent_ < out_.size()) {
    // Keep the buffer from growing by what has left already.
    if (out_sent_ >= kFlushAtBytes) {
      out_.erase(0, out_sent_);
      out_sent_ = 0;
    }
    return Flush::pending;
  }
  out_.clear();
  out_sent_ = 0;
  return Flush::done;
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

}  // namespace payref::http
