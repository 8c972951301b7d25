// frame_request (server/http/request_framing.hpp): the event loop's only HTTP judgement is where
// a request ends; everything it cannot size cheaply must go to httplib's blocking read.
#include <boost/test/unit_test.hpp>

#include <string>

#include "http/request_framing.hpp"

using payref::http::frame_request;
using payref::http::Framing;

namespace {
constexpr std::size_t kCapacity = 16 * 1024;
const std::string kGet = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
const std::string kPost = "POST /api/v1/transactions HTTP/1.1\r\nHost: x\r\nContent-Length: 7\r\n\r\n{\"a\":1}";
}  // namespace

BOOST_AUTO_TEST_SUITE(request_framing_tests)

BOOST_AUTO_TEST_CASE(a_request_without_a_body_ends_after_its_head) {
  const auto framed = frame_request(kGet, kCapacity);
  BOOST_TEST(static_cast<int>(framed.framing) == static_cast<int>(Framing::complete));
  BOOST_TEST(framed.size == kGet.size());
}

BOOST_AUTO_TEST_CASE(a_body_is_counted_by_its_content_length_and_pipelined_bytes_are_left) {
  const auto framed = frame_request(kPost + kGet, kCapacity);
  BOOST_TEST(static_cast<int>(framed.framing) == static_cast<int>(Framing::complete));
  BOOST_TEST(framed.size == kPost.size());
}

BOOST_AUTO_TEST_CASE(header_names_are_case_insensitive_and_values_may_be_padded) {
  const std::string post = "POST / HTTP/1.1\r\ncOnTeNt-LeNgTh:   3 \r\n\r\nabc";
  const auto framed = frame_request(post, kCapacity);
  BOOST_TEST(static_cast<int>(framed.framing) == static_cast<int>(Framing::complete));
  BOOST_TEST(framed.size == post.size());
}

BOOST_AUTO_TEST_CASE(every_cut_of_a_request_is_incomplete) {
  for (std::size_t cut = 0; cut < kPost.size(); ++cut)
    BOOST_TEST(static_cast<int>(frame_request(kPost.substr(0, cut), kCapacity).framing) ==
                   static_cast<int>(Framing::incomplete),
               "cut at " << cut);
}

BOOST_AUTO_TEST_CASE(what_cannot_be_sized_cheaply_goes_to_a_blocking_read) {
  const char* const heads[] = {
      "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n",
      "POST / HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n",
      "POST / HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\nabcde",
      "POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n",
      "POST / HTTP/1.1\r\nContent-Length: 12abc\r\n\r\n",
      "POST / HTTP/1.1\r\nContent-Length: 99999999999999999999\r\n\r\n",
      "POST / HTTP/1.1\r\nContent-Length: 20000\r\n\r\n",  // more than the buffer holds
      "GET / HTTP/1.1\r\nno colon here\r\n\r\n",
      "GET / HTTP/1.1\nHost: x\n\n",  // bare line feeds: httplib's call
  };
  for (const char* head : heads)
    BOOST_TEST(static_cast<int>(frame_request(head, kCapacity).framing) ==
                   static_cast<int>(Framing::needs_blocking_read),
               head);
}

BOOST_AUTO_TEST_CASE(a_head_that_fills_the_buffer_unfinished_goes_to_a_blocking_read) {
  const std::string head = "GET / HTTP/1.1\r\nX-Long: " + std::string(kCapacity, 'a');
  BOOST_TEST(static_cast<int>(frame_request(head.substr(0, kCapacity), kCapacity).framing) ==
             static_cast<int>(Framing::needs_blocking_read));
  BOOST_TEST(static_cast<int>(frame_request(head.substr(0, kCapacity - 1), kCapacity).framing) ==
             static_cast<int>(Framing::incomplete));
}

BOOST_AUTO_TEST_SUITE_END()
