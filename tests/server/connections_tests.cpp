// The event loop (server/http/event_server.hpp) over raw sockets: pipelined and piecemeal
// requests, the requests it hands to a blocking read (chunked, Expect: 100-continue, larger than
// its buffer), connections that hold no thread while idle or half-sent, and the timeouts that
// close them.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "gateway_helpers.hpp"
#include "raw_connection.hpp"

using namespace payref_test;
using namespace std::chrono_literals;
using nlohmann::json;

namespace {

const std::string kHealth = "GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n";

std::string post(const std::string& path, const std::string& body) {
  return "POST " + path + " HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: " +
         std::to_string(body.size()) + "\r\n\r\n" + body;
}

// A transactions list request body for the demo merchant (valid, answered "00").
std::string list_body(const Credentials& who, const std::string& padding = "") {
  json body = envelope(who, {{"Email", "nobody@example.com"}, {"PageSize", "5"}});
  if (!padding.empty()) body["Request"]["Note"] = padding;  // an unknown member: ignored
  return body.dump();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(connections_tests)

BOOST_AUTO_TEST_CASE(pipelined_requests_are_answered_in_order_on_one_connection) {
  ServerProcess server;
  const Credentials demo = server.demo_credentials();
  RawConnection c(server.port());
  c.send(kHealth + post("/api/v1/transactions", list_body(demo)) + "GET /no/such/path HTTP/1.1\r\nHost: t\r\n\r\n");
  const auto first = c.response(), second = c.response(), third = c.response();
  BOOST_TEST(status_line(first) == "HTTP/1.1 200 OK");
  BOOST_TEST(json::parse(body_of(first)).value("status", "") == "ok");
  BOOST_TEST(status_line(second) == "HTTP/1.1 200 OK");
  BOOST_TEST(json::parse(body_of(second))["Message"]["Code"] == "00", body_of(second));
  BOOST_TEST(status_line(third) == "HTTP/1.1 404 Not Found");
}

BOOST_AUTO_TEST_CASE(a_request_that_arrives_in_pieces_is_answered_once_whole) {
  ServerProcess server;
  const Credentials demo = server.demo_credentials();
  const std::string request = post("/api/v1/transactions", list_body(demo));
  RawConnection c(server.port());
  for (std::size_t at = 0; at < request.size(); at += 37) {  // cuts inside the head and the body
    c.send(request.substr(at, 37));
    std::this_thread::sleep_for(5ms);
  }
  const auto reply = c.response();
  BOOST_TEST(status_line(reply) == "HTTP/1.1 200 OK");
  BOOST_TEST(json::parse(body_of(reply))["Message"]["Code"] == "00", body_of(reply));
  c.send(kHealth);  // and the connection is still served afterwards
  BOOST_TEST(status_line(c.response()) == "HTTP/1.1 200 OK");
}

BOOST_AUTO_TEST_CASE(a_chunked_body_is_read_and_the_connection_comes_back_to_the_loop) {
  ServerProcess server;
  const std::string body = list_body(server.demo_credentials());
  const std::string half = body.substr(0, body.size() / 2), rest = body.substr(body.size() / 2);
  auto hex = [](std::size_t n) {
    char text[32];
    std::snprintf(text, sizeof text, "%zx", n);
    return std::string(text);
  };
  RawConnection c(server.port());
  c.send("POST /api/v1/transactions HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" +
         hex(half.size()) + "\r\n" + half + "\r\n");
  std::this_thread::sleep_for(50ms);
  c.send(hex(rest.size()) + "\r\n" + rest + "\r\n0\r\n\r\n" + kHealth);
  const auto reply = c.response();
  BOOST_TEST(status_line(reply) == "HTTP/1.1 200 OK");
  BOOST_TEST(json::parse(body_of(reply))["Message"]["Code"] == "00", body_of(reply));
  BOOST_TEST(status_line(c.response()) == "HTTP/1.1 200 OK");  // the pipelined request after it
}

BOOST_AUTO_TEST_CASE(expect_100_continue_gets_its_interim_answer_before_the_body_is_sent) {
  ServerProcess server;
  const std::string body = list_body(server.demo_credentials());
  RawConnection c(server.port());
  c.send("POST /api/v1/transactions HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nExpect: 100-continue\r\n"
         "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n");
  const auto interim = c.response();
  BOOST_TEST(status_line(interim) == "HTTP/1.1 100 Continue");
  c.send(body);
  const auto reply = c.response();
  BOOST_TEST(status_line(reply) == "HTTP/1.1 200 OK");
  BOOST_TEST(json::parse(body_of(reply))["Message"]["Code"] == "00", body_of(reply));
}

BOOST_AUTO_TEST_CASE(a_request_larger_than_the_loop_buffer_is_answered_and_the_connection_kept) {
  ServerProcess server;
  const std::string body = list_body(server.demo_credentials(), std::string(100 * 1024, 'x'));
  RawConnection c(server.port());
  c.send(post("/api/v1/transactions", body));
  const auto reply = c.response();
  BOOST_TEST(status_line(reply) == "HTTP/1.1 200 OK");
  BOOST_TEST(json::parse(body_of(reply))["Message"]["Code"] == "00", body_of(reply));
  c.send(kHealth);
  BOOST_TEST(status_line(c.response()) == "HTTP/1.1 200 OK");
}

BOOST_AUTO_TEST_CASE(a_client_that_stops_sending_still_gets_its_answer) {
  ServerProcess server;
  RawConnection c(server.port());
  c.send(kHealth);
  c.close_writing();
  BOOST_TEST(status_line(c.response()) == "HTTP/1.1 200 OK");
  BOOST_TEST(c.closed_by_server(2000ms));
}

BOOST_AUTO_TEST_CASE(idle_and_half_sent_connections_hold_no_thread) {
  // Far more connections than the server has threads (6 event workers, 16 blocking): each is
  // idle or stalled mid-head. With a thread per connection the last request would wait for one.
  ServerProcess server;
  std::vector<std::unique_ptr<RawConnection>> stalled;
  for (int i = 0; i < 300; ++i) {
    stalled.push_back(std::make_unique<RawConnection>(server.port()));
    if (i % 2 == 0) stalled.back()->send("POST /api/v1/transactions HTTP/1.1\r\nHost: t\r\nContent-Le");
  }
  RawConnection c(server.port());
  const auto started = std::chrono::steady_clock::now();
  c.send(kHealth);
  const auto reply = c.response(2000ms);
  BOOST_TEST(status_line(reply) == "HTTP/1.1 200 OK");
  const auto waited = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
  BOOST_TEST(waited.count() < 1000);
  // And one of the stalled requests, once finished, is answered.
  const std::string body = list_body(server.demo_credentials());
  stalled.front()->send("ngth: " + std::to_string(body.size()) + "\r\nContent-Type: application/json\r\n\r\n" + body);
  const auto finished = stalled.front()->response();
  BOOST_TEST(status_line(finished) == "HTTP/1.1 200 OK");
  BOOST_TEST(json::parse(body_of(finished))["Message"]["Code"] == "00", body_of(finished));
}

BOOST_AUTO_TEST_CASE(idle_and_stalled_connections_are_closed_after_their_timeouts) {
  // Keep-alive timeout 5 s (idle after an answer), read timeout 5 s (a request half sent); the
  // sweep runs every second. Both are closed by 7.5 s; a busy connection meanwhile is not.
  ServerProcess server;
  RawConnection idle(server.port()), stalled(server.port()), busy(server.port());
  idle.send(kHealth);
  BOOST_TEST_REQUIRE(status_line(idle.response()) == "HTTP/1.1 200 OK");
  stalled.send("GET /healthz HTTP/1.1\r\nHo");
  const auto started = std::chrono::steady_clock::now();
  while (std::chrono::steady_clock::now() - started < 7500ms) {
    busy.send(kHealth);
    BOOST_TEST_REQUIRE(status_line(busy.response()) == "HTTP/1.1 200 OK");
    std::this_thread::sleep_for(500ms);
  }
  BOOST_TEST(idle.closed_by_server(1000ms));
  BOOST_TEST(stalled.closed_by_server(1000ms));
  BOOST_TEST(!busy.closed_by_server(100ms));
}

BOOST_AUTO_TEST_CASE(writes_that_wait_for_the_store_lend_their_turn_and_the_server_still_stops_cleanly) {
  // One event-loop worker: each charge that waits for the store's writer hands the loop to a
  // spare worker (started, then parked and woken again). Every charge must be answered and
  // committed, reads must go on meanwhile, and stop must join every worker and exit 0.
  ServerProcess::Options options;
  options.extra_args = {"--threads", "1"};
  ServerProcess server(options);
  const Credentials demo = server.demo_credentials();
  const std::string email = unique_email("lend");
  std::atomic<int> approved{0}, failed{0}, health_ok{0};
  std::vector<std::thread> clients;
  for (int t = 0; t < 12; ++t) {
    clients.emplace_back([&] {
      for (int i = 0; i < 8; ++i) {
        const auto reply = server.post("/api/v1/payments/creditcard/charge", envelope(demo, card_payment_request(2, "1.00", email)));
        (reply.status == 200 && reply.code() == "00" ? approved : failed)++;
        if (server.healthy()) ++health_ok;
      }
    });
  }
  for (auto& c : clients) c.join();
  BOOST_TEST(approved.load() == 96);
  BOOST_TEST(failed.load() == 0);
  BOOST_TEST(health_ok.load() == 96);
  const json list = list_transactions(server, demo, email, 100, 1);
  BOOST_TEST(list["Transactions"].size() == 96u);
  BOOST_TEST(server.stop() == 0);
}

BOOST_AUTO_TEST_SUITE_END()
