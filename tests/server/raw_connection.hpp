// A raw client connection for the server suites that need to control bytes on the wire:
// pipelining, pieces, stalls, clients that never read (connections_tests, hostile_clients_tests).
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <optional>
#include <string>

namespace payref_test {

// One client connection that writes bytes as given and reads whole responses.
class RawConnection {
 public:
  explicit RawConnection(int port) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
    BOOST_REQUIRE(fd_ >= 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    BOOST_REQUIRE(::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  }
  ~RawConnection() { ::close(fd_); }
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  void send(const std::string& bytes) {
    std::size_t sent = 0;
    while (sent < bytes.size()) {
      const ssize_t n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
      BOOST_REQUIRE(n > 0);
      sent += static_cast<std::size_t>(n);
    }
  }
  void close_writing() { ::shutdown(fd_, SHUT_WR); }
  int fd() const { return fd_; }

  // The next response (head and Content-Length body), or nullopt if the connection ends or
  // nothing whole arrives within `timeout`.
  std::optional<std::string> response(std::chrono::milliseconds timeout = std::chrono::milliseconds(5000)) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
      const std::size_t head_end = in_.find("\r\n\r\n");
      if (head_end != std::string::npos) {
        const std::size_t total = head_end + 4 + content_length(in_.substr(0, head_end));
        if (in_.size() >= total) {
          std::string one = in_.substr(0, total);
          in_.erase(0, total);
          return one;
        }
      }
      if (!receive(deadline)) return std::nullopt;
    }
  }

  // True when the server closes the connection (end of file) before `timeout`.
  bool closed_by_server(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (receive(deadline)) {
    }
    return eof_;
  }

 private:
  static std::size_t content_length(const std::string& head) {
    const std::size_t at = head.find("Content-Length: ");
    return at == std::string::npos ? 0 : std::stoul(head.substr(at + 16));
  }

  // Reads what arrives before the deadline; false on end of file, error or timeout.
  bool receive(std::chrono::steady_clock::time_point deadline) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) return false;
    char buffer[65536];
    const ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
    if (n <= 0) {
      eof_ = true;
      return false;
    }
    in_.append(buffer, static_cast<std::size_t>(n));
    return true;
  }

  int fd_;
  std::string in_;
  bool eof_ = false;
};

inline std::string status_line(const std::optional<std::string>& response) {
  return response ? response->substr(0, response->find("\r\n")) : "(no response)";
}

inline std::string body_of(const std::optional<std::string>& response) {
  return response ? response->substr(response->find("\r\n\r\n") + 4) : "";
}

}  // namespace payref_test
