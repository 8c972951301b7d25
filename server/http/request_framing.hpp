// Where the first HTTP/1.1 request in a connection's received bytes ends, and whether it is one
// payref accepts at all, found without parsing more than the framing needs. The event loop
// (http/event_server.hpp) hands cpp-httplib one whole request at a time, bounded to exactly the
// bytes this function counted, so the two parsers can never disagree on where the next request
// starts (no request smuggling, no desync): a request whose framing is not plainly one of RFC 9112's
// (two Content-Lengths, Content-Length with Transfer-Encoding, obs-fold, bare LF, NUL, a codings
// list) is refused here with 400 and its connection closed, and so is one too large to accept (413
// for a body, 431 for a head) before its body is read.
//
// Chunked bodies are framed here too (chunk sizes, extensions, the last chunk; trailers are
// refused, as httplib refuses them), so no thread ever waits on a socket for a body.
#pragma once

#include <cstddef>
#include <string_view>

namespace payref::http {

enum class Framing {
  incomplete,  // more bytes are needed (`needed` says how many in all, when the head knows)
  complete,    // the first `size` bytes are one whole request
  refused,     // answer `status` (400, 413, 431) with `reason`, then close the connection
};

struct FramingLimits {
  std::size_t max_head_bytes = 16 * 1024;  // request line and headers, with their CRLFs
  std::size_t max_body_bytes = 1 << 20;    // the body as the handler sees it (chunks decoded)
};

struct FramedRequest {
  Framing framing = Framing::incomplete;
  std::size_t size = 0;          // complete: head and body as sent
  std::size_t needed = 0;        // incomplete: bytes the whole request will take, 0 when unknown
  bool expects_continue = false; // incomplete, head whole: the client waits for "100 Continue"
  int status = 0;                // refused: 400, 413 or 431
  const char* reason = "";       // refused: why, for people ("two Content-Length headers")
};

FramedRequest frame_request(std::string_view buffered, const FramingLimits& limits = {});

}  // namespace payref::http
