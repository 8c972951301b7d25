// frame_request (server/http/request_framing.hpp): where a request ends, and which framings are
// refused before anything is read past the head. The differential suite
// (framing_differential_tests.cpp) checks the same judgements against httplib's own parser.
#include <boost/test/unit_test.hpp>

#include <string>

#include "http/request_framing.hpp"

using payref::http::frame_request;
using payref::http::FramedRequest;
using payref::http::Framing;
using payref::http::FramingLimits;

namespace {
const std::string kGet = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
const std::string kPost = "POST /api/v1/transactions HTTP/1.1\r\nHost: x\r\nContent-Length: 7\r\n\r\n{\"a\":1}";
const std::string kChunked =
    "POST /api/v1/transactions HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\n{\"a\r\n4;ext=1\r\n\":1}\r\n0\r\n\r\n";

int framing(const FramedRequest& f) { return static_cast<int>(f.framing); }
constexpr int kComplete = static_cast<int>(Framing::complete);
constexpr int kIncomplete = static_cast<int>(Framing::incomplete);
constexpr int kRefused = static_cast<int>(Framing::refused);
}  // namespace

BOOST_AUTO_TEST_SUITE(request_framing_tests)

BOOST_AUTO_TEST_CASE(a_request_without_a_body_ends_after_its_head) {
  const auto framed = frame_request(kGet);
  BOOST_TEST(framing(framed) == kComplete);
  BOOST_TEST(framed.size == kGet.size());
}

BOOST_AUTO_TEST_CASE(a_body_is_counted_by_its_content_length_and_pipelined_bytes_are_left) {
  const auto framed = frame_request(kPost + kGet);
  BOOST_TEST(framing(framed) == kComplete);
  BOOST_TEST(framed.size == kPost.size());
}

BOOST_AUTO_TEST_CASE(a_chunked_body_ends_after_its_last_chunk) {
  const auto framed = frame_request(kChunked + kGet);
  BOOST_TEST(framing(framed) == kComplete);
  BOOST_TEST(framed.size == kChunked.size());
}

BOOST_AUTO_TEST_CASE(header_names_are_case_insensitive_and_values_may_be_padded) {
  const std::string post = "POST / HTTP/1.1\r\ncOnTeNt-LeNgTh:   3 \r\n\r\nabc";
  const auto framed = frame_request(post);
  BOOST_TEST(framing(framed) == kComplete);
  BOOST_TEST(framed.size == post.size());
}

BOOST_AUTO_TEST_CASE(every_cut_of_a_request_is_incomplete) {
  for (const std::string& request : {kPost, kChunked})
    for (std::size_t cut = 0; cut < request.size(); ++cut)
      BOOST_TEST(framing(frame_request(request.substr(0, cut))) == kIncomplete, "cut at " << cut << " of " << request);
}

BOOST_AUTO_TEST_CASE(an_incomplete_request_says_how_large_it_will_be_and_whether_it_waits_for_continue) {
  const std::string head = "POST / HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 500\r\n\r\n";
  const auto framed = frame_request(head);
  BOOST_TEST(framing(framed) == kIncomplete);
  BOOST_TEST(framed.needed == head.size() + 500);
  BOOST_TEST(framed.expects_continue);
  BOOST_TEST(!frame_request("POST / HTTP/1.1\r\nContent-Length: 500\r\n\r\n").expects_continue);
}

BOOST_AUTO_TEST_CASE(ambiguous_or_malformed_framings_are_refused_with_400) {
  const char* const requests[] = {
      "POST / HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\nabcde",
      "POST / HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nabcde",
      "POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n",
      "POST / HTTP/1.1\r\nContent-Length: +5\r\n\r\nabcde",
      "POST / HTTP/1.1\r\nContent-Length: 12abc\r\n\r\n",
      "POST / HTTP/1.1\r\nContent-Length: 5, 5\r\n\r\nabcde",
      "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n",
      "POST / HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n",
      "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
      "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0x5\r\nabcde\r\n0\r\n\r\n",
      "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5 \r\nabcde\r\n0\r\n\r\n",
      "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcde\r\n0\r\n\r\n",
      "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX-Trailer: 1\r\n\r\n",
      "GET / HTTP/1.1\r\nno colon here\r\n\r\n",
      "GET / HTTP/1.1\r\nHost : x\r\n\r\n",
      "GET / HTTP/1.1\r\nX-A: 1\r\n folded\r\n\r\n",
      "GET / HTTP/1.1\nHost: x\n\n",
      "GET / HTTP/1.1\r\nHost: x\rY\r\n\r\n",
      "GET /a b HTTP/1.1\r\n\r\n",
      "GET / HTTP/2.0\r\n\r\n",
      "\r\nGET / HTTP/1.1\r\n\r\n",
  };
  for (const char* request : requests) {
    const auto framed = frame_request(request);
    BOOST_TEST(framing(framed) == kRefused, request);
    BOOST_TEST(framed.status == 400, request);
  }
  const std::string with_nul = std::string("GET / HTTP/1.1\r\nX-A: a") + '\0' + "b\r\n\r\n";
  BOOST_TEST(frame_request(with_nul).status == 400);
}

BOOST_AUTO_TEST_CASE(a_bare_line_feed_is_refused_before_the_head_is_whole) {
  BOOST_TEST(framing(frame_request("GET / HTTP/1.1\nHost")) == kRefused);
}

BOOST_AUTO_TEST_CASE(a_body_over_the_limit_is_refused_with_413_from_its_head_alone) {
  const auto framed = frame_request("POST / HTTP/1.1\r\nContent-Length: 100000000\r\n\r\n");
  BOOST_TEST(framing(framed) == kRefused);
  BOOST_TEST(framed.status == 413);
  FramingLimits small;
  small.max_body_bytes = 10;
  BOOST_TEST(framing(frame_request("POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\n", small)) == kIncomplete);
  BOOST_TEST(frame_request("POST / HTTP/1.1\r\nContent-Length: 11\r\n\r\n", small).status == 413);
  // Chunks count as decoded: 6 + 5 bytes.
  BOOST_TEST(frame_request("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nabcdef\r\n5\r\n", small).status == 413);
  BOOST_TEST(frame_request("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nfffffffffffffffff\r\n").status == 413);
}

BOOST_AUTO_TEST_CASE(a_head_over_the_limit_is_refused_with_431_even_unfinished) {
  FramingLimits limits;
  limits.max_head_bytes = 64;
  const std::string head = "GET / HTTP/1.1\r\nX-Long: " + std::string(100, 'a');
  BOOST_TEST(framing(frame_request(head.substr(0, 64), limits)) == kIncomplete);
  BOOST_TEST(frame_request(head.substr(0, 65), limits).status == 431);
  BOOST_TEST(frame_request(head + "\r\n\r\n", limits).status == 431);
}

BOOST_AUTO_TEST_SUITE_END()
