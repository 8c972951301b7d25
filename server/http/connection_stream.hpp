// One client connection's socket as cpp-httplib's Stream: reads come out of a buffer that the
// event loop fills without waiting (fill), writes collect in a buffer that leaves in one send()
// (flush). With TCP_NODELAY, which the server needs against Nagle's 40 ms (TOOLCHAIN.md §6),
// httplib's own stream sends the head and the body of a response as two segments and wakes the
// client twice.
//
// When the buffer runs dry, read() waits on the socket (SO_RCVTIMEO bounds it): only the
// blocking path (EventServer::serve_blocking) gets there; the event loop hands httplib whole
// requests only.
#pragma once

#include <httplib.h>
#include <sys/socket.h>

#include <string>
#include <string_view>
#include <vector>

namespace payref::http {

class ConnectionStream final : public httplib::Stream {
 public:
  ConnectionStream(socket_t sock, std::size_t buffer_bytes, time_t read_timeout_ms);

  enum class Fill { open, peer_closed };
  // Moves everything the socket holds now into the buffer, without waiting, until the socket is
  // drained or the buffer full. peer_closed: the client closed or reset its side.
  Fill fill();

  // The received bytes httplib has not consumed yet.
  std::string_view buffered() const { return {in_.data() + in_pos_, in_end_ - in_pos_}; }
  std::size_t capacity() const { return in_.size(); }

  // Sends what write() collected; false once the peer is gone or SO_SNDTIMEO expired.
  bool flush();

  // httplib::Stream
  bool is_readable() const override;
  bool is_writable() const override { return !failed_; }
  ssize_t read(char* ptr, size_t size) override;
  ssize_t write(const char* ptr, size_t size) override;
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  socket_t socket() const override { return sock_; }

 private:
  ssize_t receive(char* ptr, size_t size, int flags);
  // getpeername or getsockname, once per connection.
  void cached_address(int (*lookup)(int, sockaddr*, socklen_t*), bool& known, std::string& ip, int& port) const;

  socket_t sock_;
  time_t read_timeout_ms_;
  std::vector<char> in_;
  std::size_t in_pos_ = 0, in_end_ = 0;
  std::string out_;
  bool failed_ = false;
  // Looked up once per connection, not per request (httplib asks for every request).
  mutable bool peer_known_ = false, local_known_ = false;
  mutable std::string peer_ip_, local_ip_;
  mutable int peer_port_ = 0, local_port_ = 0;
};

}  // namespace payref::http
