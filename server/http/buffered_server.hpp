// cpp-httplib's Server with its own connection loop. Requests are parsed, routed and answered by
// httplib itself (Server::process_request); only the socket I/O differs from the stock loop:
//
//  - each response leaves in one send(): httplib writes the status line and headers, then the
//    body, and with TCP_NODELAY (needed against Nagle's 40 ms, TOOLCHAIN.md §6) the stock stream
//    sends them as two segments, waking the client twice;
//  - a keep-alive connection waits for its next request with one poll() instead of a 10 ms
//    polling loop, and reads without a poll() before every recv() (SO_RCVTIMEO bounds the wait);
//  - the peer and local addresses are looked up once per connection, not per request.
//
// That takes a request from about 13 system calls to 4, which is what this virtual machine
// charges most for (docs/performance.md).
#pragma once

#include <httplib.h>

namespace payref::http {

class BufferedServer : public httplib::Server {
 private:
  bool process_and_close_socket(socket_t sock) override;
};

}  // namespace payref::http
