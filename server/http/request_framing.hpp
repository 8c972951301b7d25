// Where the first HTTP/1.1 request in a connection's received bytes ends, found without parsing
// the request. The event loop (http/event_server.hpp) hands a request to cpp-httplib only once
// all of it has arrived, so that no worker thread ever waits on a socket; anything this check
// cannot size cheaply goes to a thread that may wait (needs_blocking_read), and httplib, which
// owns the HTTP rules, then reads and judges it.
#pragma once

#include <cstddef>
#include <string_view>

namespace payref::http {

enum class Framing {
  incomplete,           // more bytes are needed, and they fit in the connection's buffer
  complete,             // the first `size` bytes are one whole request
  needs_blocking_read,  // chunked, Expect: 100-continue, larger than the buffer, or malformed
};

struct FramedRequest {
  Framing framing = Framing::incomplete;
  std::size_t size = 0;  // head and body, when complete
};

// `buffered`: the bytes received and not yet consumed. `capacity`: the most the connection can
// buffer; a request that cannot fit is needs_blocking_read.
FramedRequest frame_request(std::string_view buffered, std::size_t capacity);

}  // namespace payref::http
