// One client connection's socket as cpp-httplib's Stream, without a blocking call anywhere.
//
// Reads come out of a buffer that the event loop fills without waiting (fill), and httplib only
// ever sees one whole request of it, bounded (begin_request): at the bound, read() says end of
// stream, so httplib cannot read into the next request whatever it makes of this one, and
// end_request() moves past the bytes it left (a GET's body, a head it refused). Writes collect in
// a buffer and leave with non-blocking sends (flush): what the peer's window cannot take stays
// pending for the event loop to send when the socket is writable, up to a cap past which the
// connection is failed. With TCP_NODELAY, which the server needs against Nagle's 40 ms
// (TOOLCHAIN.md §6), httplib's own stream sends the head and the body of a response as two
// segments and wakes the client twice; here a response leaves in one send().
#pragma once

#include <httplib.h>
#include <sys/socket.h>

#include <string>
#include <string_view>
#include <vector>

namespace payref::http {

class ConnectionStream final : public httplib::Stream {
 public:
  ConnectionStream(socket_t sock, std::size_t buffer_bytes, std::size_t max_buffer_bytes, std::size_t max_output_bytes);

  enum class Fill { open, peer_closed };
  // Moves everything the socket holds now into the buffer, without waiting, until the socket is
  // drained or the buffer full. peer_closed: the client closed or reset its side.
  Fill fill();
  // Grows the buffer to hold `bytes` received bytes (at most the maximum); shrink() gives a grown
  // buffer back once it holds no more than its first size.
  void reserve(std::size_t bytes);
  void shrink();
  // Drops every received byte (a refused connection drains its peer's sending before it closes).
  void discard() { in_pos_ = in_end_ = 0; }

  // The received bytes httplib has not consumed yet.
  std::string_view buffered() const { return {in_.data() + in_pos_, in_end_ - in_pos_}; }
  std::size_t capacity() const { return in_.size(); }
  std::size_t max_capacity() const { return max_in_; }

  // httplib may read the next `size` buffered bytes and no more. end_request() skips what it
  // left of them and returns how many bytes that was.
  void begin_request(std::size_t size);
  std::size_t end_request();
  // Replaces everything received with `bytes`, as the one request httplib may read.
  void substitute(std::string_view bytes);

  enum class Flush { done, pending, failed };
  // Sends what write() collected, as far as the socket takes it now.
  Flush flush();
  std::size_t pending_output() const { return out_.size() - out_sent_; }
  bool failed() const { return failed_; }
  // The next write() is dropped if it is exactly `bytes`: the event loop answers "Expect:
  // 100-continue" itself while the body arrives, and httplib, which sees the whole request,
  // would send a second "100 Continue".
  void drop_next_write_if(std::string_view bytes) { drop_once_ = bytes; }

  // httplib::Stream
  bool is_readable() const override { return in_pos_ < in_limit_; }
  bool is_writable() const override { return !failed_; }
  ssize_t read(char* ptr, size_t size) override;
  ssize_t write(const char* ptr, size_t size) override;
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  socket_t socket() const override { return sock_; }

 private:
  void compact();
  // getpeername or getsockname, once per connection.
  void cached_address(int (*lookup)(int, sockaddr*, socklen_t*), bool& known, std::string& ip, int& port) const;

  socket_t sock_;
  std::size_t base_in_, max_in_, max_out_;
  std::vector<char> in_;
  std::size_t in_pos_ = 0, in_end_ = 0, in_limit_ = 0;
  std::string out_;
  std::size_t out_sent_ = 0;
  bool failed_ = false;
  std::string_view drop_once_;
  // Looked up once per connection, not per request (httplib asks for every request).
  mutable bool peer_known_ = false, local_known_ = false;
  mutable std::string peer_ip_, local_ip_;
  mutable int peer_port_ = 0, local_port_ = 0;
};

}  // namespace payref::http
