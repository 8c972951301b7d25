// payref-server against clients that send slowly, never read, flood it with connections, send
// bodies over the limit, or a harness that stops reading the server's output: none of them may
// stall the server for others, crash it, or hold its memory or threads without bound. Every loop
// here is bounded in count and time, and every connection goes to 127.0.0.1 only.
//
// Figures (latencies, connections, reconnects) are printed as test messages; docs/performance.md
// quotes them.
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "gateway_helpers.hpp"
#include "raw_connection.hpp"

using namespace payref_test;
using namespace std::chrono_literals;
using nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

const std::string kHealth = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

// A loopback socket, non-blocking once connected; -1 if the connect failed.
int open_socket(int port, int receive_buffer = 0) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  if (receive_buffer > 0) ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &receive_buffer, sizeof receive_buffer);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return -1;
  }
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
  return fd;
}

// True when the peer has closed the socket (a read says end of file or reset); drops what it reads.
bool closed_by_peer(int fd) {
  char buffer[4096];
  for (;;) {
    const ssize_t n = ::recv(fd, buffer, sizeof buffer, MSG_DONTWAIT);
    if (n > 0) continue;
    if (n == 0) return true;
    return !(errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR);
  }
}

double percentile(std::vector<double> samples, double p) {
  if (samples.empty()) return 0;
  std::sort(samples.begin(), samples.end());
  const std::size_t at = std::min(samples.size() - 1, static_cast<std::size_t>(p * static_cast<double>(samples.size())));
  return samples[at];
}

// A well-behaved client: one keep-alive connection making a real gateway read (the transactions
// list) again and again until `until`, pausing `pause` between calls; the latencies in ms.
struct Latencies {
  std::vector<double> ms;
  int failures = 0;
};
// `padding` makes the request larger (an unknown member, ignored): over 16 KiB it is one stock
// httplib, or payref's earlier loop, read on a thread that waits on the socket.
Latencies measure_normal_client(const ServerProcess& server, const Credentials& who, Clock::time_point until,
                                std::chrono::milliseconds pause = 20ms, std::size_t padding = 0) {
  httplib::Client client("127.0.0.1", server.port());
  client.set_keep_alive(true);
  // As browsers do: httplib writes a request's head and body separately, and without NODELAY the
  // body waits ~40 ms for the server's delayed acknowledgement of the head on a reused connection.
  client.set_tcp_nodelay(true);
  client.set_connection_timeout(2, 0);
  client.set_read_timeout(2, 0);
  json request = {{"Email", "nobody@example.com"}, {"PageSize", "5"}};
  if (padding > 0) request["Note"] = std::string(padding, 'p');
  const std::string body = envelope(who, request).dump();
  Latencies out;
  while (Clock::now() < until) {
    const auto start = Clock::now();
    const auto result = client.Post("/api/v1/transactions", body, "application/json");
    const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    if (!result || result->status != 200) ++out.failures;
    else out.ms.push_back(ms);
    std::this_thread::sleep_for(pause);
  }
  return out;
}

json health(const ServerProcess& server) {
  const auto reply = server.get("/healthz");
  BOOST_REQUIRE_MESSAGE(reply.status == 200 && reply.is_json(), reply.summary());
  return reply.body;
}

// Waits (at most `timeout`) until the server holds at most `most` client connections.
std::size_t wait_for_connections_at_most(const ServerProcess& server, std::size_t most, std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  std::size_t open = 0;
  do {
    open = health(server).value("openConnections", std::size_t{0});
    if (open <= most) return open;
    std::this_thread::sleep_for(100ms);
  } while (Clock::now() < deadline);
  return open;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(hostile_clients_tests)

BOOST_AUTO_TEST_CASE(two_hundred_slowloris_connections_for_twenty_seconds_leave_a_normal_client_fast) {
  ServerProcess server;
  const Credentials demo = server.demo_credentials();
  constexpr int kSlow = 200;
  const auto end = Clock::now() + 20s;

  // Half trickle a head, half a chunked body (which stock httplib reads on a waiting thread): a
  // byte each per second, reconnecting whenever the server closes them.
  std::atomic<long> reconnects{0}, bytes_sent{0};
  std::atomic<int> most_open{0};
  std::thread attacker([&] {
    std::vector<int> fds(kSlow, -1);
    std::vector<std::string> pending(kSlow);
    const auto start_of = [](int i) {
      return i % 2 == 0 ? std::string("GET /api/v1/transactions HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
                        : std::string("POST /api/v1/transactions HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n400\r\n");
    };
    while (Clock::now() < end) {
      int open = 0;
      for (int i = 0; i < kSlow; ++i) {
        if (fds[i] >= 0 && closed_by_peer(fds[i])) {
          ::close(fds[i]);
          fds[i] = -1;
          ++reconnects;
        }
        if (fds[i] < 0) {
          fds[i] = open_socket(server.port());
          pending[i] = start_of(i);
          if (fds[i] < 0) continue;
        }
        ++open;
        // The first bytes of the head at once, then one byte a second.
        const std::size_t n = pending[i].empty() ? 1 : pending[i].size();
        const std::string bytes = pending[i].empty() ? std::string("a") : pending[i];
        if (::send(fds[i], bytes.data(), n, MSG_NOSIGNAL | MSG_DONTWAIT) > 0) bytes_sent += static_cast<long>(n);
        pending[i].clear();
      }
      most_open = std::max(most_open.load(), open);
      std::this_thread::sleep_for(1s);
    }
    for (int fd : fds)
      if (fd >= 0) ::close(fd);
  });

  std::this_thread::sleep_for(1s);  // all 200 open before measuring
  const Latencies normal = measure_normal_client(server, demo, end, 20ms, 20 * 1024);
  attacker.join();

  const double p50 = percentile(normal.ms, 0.50), p99 = percentile(normal.ms, 0.99);
  BOOST_TEST_MESSAGE("slowloris: " << most_open.load() << " slow connections held for 20 s, " << reconnects.load()
                                   << " closed by the server's deadline and reopened, " << bytes_sent.load()
                                   << " bytes trickled; normal client: " << normal.ms.size() << " requests, p50 " << p50
                                   << " ms, p99 " << p99 << " ms, " << normal.failures << " failures");
  BOOST_TEST(most_open.load() >= kSlow - 5);
  BOOST_TEST(normal.failures == 0);
  BOOST_TEST(normal.ms.size() > 300u);
  BOOST_TEST(p99 < 50.0);
  // Every slow request outlived its deadline (5 s at this rate) at least once.
  BOOST_TEST(reconnects.load() >= kSlow);
  BOOST_TEST(server.healthy());
}

BOOST_AUTO_TEST_CASE(twenty_clients_that_pipeline_and_never_read_hold_no_worker_and_are_closed) {
  ServerProcess server;
  const Credentials demo = server.demo_credentials();
  constexpr int kClients = 20;
  std::string requests;
  for (int i = 0; i < 4000; ++i) requests += kHealth;  // ~4000 answers: far more than the socket buffers hold
  std::vector<int> fds;
  std::size_t sent_total = 0;
  for (int i = 0; i < kClients; ++i) {
    const int fd = open_socket(server.port(), 4096);
    BOOST_REQUIRE(fd >= 0);
    fds.push_back(fd);
  }
  // Send until each socket's window is full (the server stops reading once its answers back up).
  const auto send_until = Clock::now() + 3s;
  std::vector<std::size_t> sent(kClients, 0);
  while (Clock::now() < send_until) {
    bool progress = false;
    for (int i = 0; i < kClients; ++i) {
      if (sent[i] >= requests.size()) continue;
      const ssize_t n = ::send(fds[i], requests.data() + sent[i], requests.size() - sent[i], MSG_NOSIGNAL | MSG_DONTWAIT);
      if (n > 0) {
        sent[i] += static_cast<std::size_t>(n);
        sent_total += static_cast<std::size_t>(n);
        progress = true;
      }
    }
    if (!progress) std::this_thread::sleep_for(50ms);
  }
  // Meanwhile, and after: a normal client is served at once.
  const Latencies normal = measure_normal_client(server, demo, Clock::now() + 3s, 10ms);
  const double p99 = percentile(normal.ms, 0.99);
  // The non-readers' answers cannot leave: each is closed after the write timeout (5 s).
  const std::size_t left = wait_for_connections_at_most(server, 1, 10s);
  int closed = 0;
  for (int fd : fds) {
    // Reading now finds at most what the buffers held, then the end.
    const auto deadline = Clock::now() + 2s;
    while (!closed_by_peer(fd) && Clock::now() < deadline) std::this_thread::sleep_for(20ms);
    if (closed_by_peer(fd)) ++closed;
    ::close(fd);
  }
  BOOST_TEST_MESSAGE("pipelining non-readers: " << kClients << " clients sent " << sent_total / kHealth.size()
                                                << " requests without reading; normal client: " << normal.ms.size()
                                                << " requests, p99 " << p99 << " ms; connections left after the write timeout: "
                                                << left << ", closed by the server: " << closed);
  BOOST_TEST(normal.failures == 0);
  BOOST_TEST(p99 < 50.0);
  BOOST_TEST(left <= 1u);
  BOOST_TEST(closed == kClients);
  BOOST_TEST(server.healthy());
}

// A client that pipelines past the keep-alive cap (1,000 requests by default) and reads late: every
// answer up to the cap arrives, in order, the last says "Connection: close", then the stream ends
// cleanly. Closing with the surplus requests unread would reset the connection, and the reset
// would make the client's kernel drop the answers it had not read yet.
BOOST_AUTO_TEST_CASE(a_client_that_reads_late_gets_every_answer_up_to_the_keep_alive_cap_in_order) {
  ServerProcess server;
  const int fd = open_socket(server.port(), 4096);
  BOOST_REQUIRE(fd >= 0);
  std::string requests;
  constexpr int kRequests = 1500, kCap = 1000;
  // Alternately a 404 and a 200, so that the order shows in the status lines.
  for (int i = 0; i < kRequests; ++i)
    requests += (i % 2 == 0 ? std::string("GET /no/such/path/") + std::to_string(i) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n" : kHealth);
  std::size_t sent = 0;
  std::string received;
  bool ended = false, reset = false;
  const auto deadline = Clock::now() + 20s;
  const auto start_reading = Clock::now() + 2s;  // nothing is read for two seconds
  while (Clock::now() < deadline && !ended && !reset) {
    if (sent < requests.size()) {
      const ssize_t n = ::send(fd, requests.data() + sent, requests.size() - sent, MSG_NOSIGNAL | MSG_DONTWAIT);
      if (n > 0) sent += static_cast<std::size_t>(n);
    }
    if (Clock::now() >= start_reading) {
      char buffer[65536];
      const ssize_t n = ::recv(fd, buffer, sizeof buffer, MSG_DONTWAIT);
      if (n > 0) received.append(buffer, static_cast<std::size_t>(n));
      ended = n == 0;
      reset = n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR;
    }
    std::this_thread::sleep_for(1ms);
  }
  ::close(fd);
  std::size_t answers = 0;
  bool in_order = true;
  for (std::size_t at = received.find("HTTP/1.1 "); at != std::string::npos; at = received.find("HTTP/1.1 ", at + 1)) {
    const std::string expected = answers % 2 == 0 ? "HTTP/1.1 404" : "HTTP/1.1 200";
    in_order = in_order && received.compare(at, expected.size(), expected) == 0;
    ++answers;
  }
  const auto last_head = received.rfind("HTTP/1.1 ");
  BOOST_TEST_MESSAGE("late reader: " << sent / 1024 << " KiB of requests sent, " << answers << " answers read, "
                                     << (ended ? "clean end" : reset ? "reset" : "no end"));
  BOOST_TEST(answers == static_cast<std::size_t>(kCap));
  BOOST_TEST(in_order);
  BOOST_TEST((last_head != std::string::npos && received.find("Connection: close", last_head) != std::string::npos));
  BOOST_TEST(ended);
  BOOST_TEST(!reset);
  BOOST_TEST(server.healthy());
}

BOOST_AUTO_TEST_CASE(five_thousand_connections_opened_and_closed_leave_nothing_behind) {
  ServerProcess server;
  int answered = 0, silent = 0, reset = 0;
  const auto deadline = Clock::now() + 60s;
  for (int i = 0; i < 5000 && Clock::now() < deadline; ++i) {
    if (i % 5 == 3) {  // connect and close without a word
      const int fd = open_socket(server.port());
      BOOST_REQUIRE(fd >= 0);
      ::close(fd);
      ++silent;
    } else if (i % 5 == 4) {  // half a request, then a reset
      const int fd = open_socket(server.port());
      BOOST_REQUIRE(fd >= 0);
      (void)::send(fd, "POST /api/v1/transactions HTTP/1.1\r\nContent-Length: 50\r\n\r\n{", 60, MSG_NOSIGNAL);
      linger hard{1, 0};
      ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
      ::close(fd);
      ++reset;
    } else {
      RawConnection c(server.port());
      c.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
      if (status_line(c.response(2000ms)) == "HTTP/1.1 200 OK") ++answered;
    }
  }
  const std::size_t left = wait_for_connections_at_most(server, 1, 3s);
  BOOST_TEST_MESSAGE("5,000 connections: " << answered << " answered and closed, " << silent << " closed silent, " << reset
                                           << " reset mid-request; open afterwards: " << left);
  BOOST_TEST(answered == 3000);
  BOOST_TEST(silent == 1000);
  BOOST_TEST(reset == 1000);
  BOOST_TEST(left <= 1u);  // the /healthz call itself
  BOOST_TEST(server.healthy());
}

BOOST_AUTO_TEST_CASE(a_100_mb_content_length_is_answered_413_in_the_family_format_before_the_body) {
  ServerProcess server;
  struct Case {
    std::string path;
    std::string family_marker;  // a member only that family's error body has
  };
  const Case cases[] = {
      {"/api/v1/transactions", "\"Message\""},
      {"/api/v01/customers", "\"errors\""},
      {"/2.1.28/REST/Subscriptions", "\"ErrorId\""},
      {"/flexiti/pos-api/v2.5/customers/credit", "\"field_errors\""},
  };
  for (const auto& c : cases) {
    RawConnection connection(server.port());
    const auto start = Clock::now();
    connection.send("POST " + c.path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100000000\r\n\r\n" +
                    std::string(64 * 1024, 'x'));
    const auto answer = connection.response(2000ms);
    const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    BOOST_TEST(status_line(answer) == "HTTP/1.1 413 Payload Too Large", c.path);
    BOOST_TEST(body_of(answer).find(c.family_marker) != std::string::npos, c.path << ": " << body_of(answer));
    BOOST_TEST(body_of(answer).find("1 MiB") != std::string::npos, body_of(answer));
    BOOST_TEST(ms < 1000.0, c.path << " answered after " << ms << " ms");
    BOOST_TEST(connection.closed_by_server(3000ms), c.path);
  }
  BOOST_TEST(server.healthy());
}

BOOST_AUTO_TEST_CASE(a_server_whose_stdout_nobody_reads_keeps_answering_and_counts_the_lines_it_drops) {
  ServerProcess::Options options;
  options.log_level = "debug";  // two lines a request: far more than a pipe holds
  options.leave_stdout_unread = true;
  ServerProcess server(options);
  const Credentials demo = server.demo_credentials();
  httplib::Client client("127.0.0.1", server.port());
  client.set_keep_alive(true);
  client.set_tcp_nodelay(true);  // see measure_normal_client
  client.set_read_timeout(2, 0);
  const std::string body = envelope(demo, {{"Email", "nobody@example.com"}, {"PageSize", "5"}, {"Note", std::string(300, 'n')}}).dump();
  int answered = 0;
  const auto deadline = Clock::now() + 30s;
  for (int i = 0; i < 3000 && Clock::now() < deadline; ++i) {
    const auto result = client.Post("/api/v1/transactions", body, "application/json");
    if (result && result->status == 200) ++answered;
  }
  const json h = health(server);
  BOOST_TEST_MESSAGE("unread stdout: " << answered << " of 3000 requests answered; log lines dropped: "
                                       << h.value("logLinesDropped", 0));
  BOOST_TEST(answered == 3000);
  BOOST_TEST(h.value("logLinesDropped", 0) > 0);
  BOOST_TEST(server.stop() == 0);  // and it still stops cleanly
}

BOOST_AUTO_TEST_CASE(a_client_address_holds_at_most_its_connection_limit) {
  ServerProcess::Options options;
  options.extra_args = {"--max-connections-per-client", "8"};
  ServerProcess server(options);
  std::vector<std::unique_ptr<RawConnection>> held;
  for (int i = 0; i < 8; ++i) held.push_back(std::make_unique<RawConnection>(server.port()));
  std::this_thread::sleep_for(200ms);
  RawConnection ninth(server.port());
  const auto refused = ninth.response(2000ms);
  BOOST_TEST(status_line(refused) == "HTTP/1.1 503 Service Unavailable");
  BOOST_TEST(ninth.closed_by_server(2000ms));
  // The held ones still work, and a freed place is taken again.
  held[0]->send(kHealth);
  BOOST_TEST(status_line(held[0]->response()) == "HTTP/1.1 200 OK");
  held.pop_back();
  std::this_thread::sleep_for(300ms);
  RawConnection again(server.port());
  again.send(kHealth);
  BOOST_TEST(status_line(again.response(2000ms)) == "HTTP/1.1 200 OK");
}

BOOST_AUTO_TEST_CASE(a_connection_carries_at_most_keep_alive_max_requests) {
  ServerProcess::Options options;
  options.extra_args = {"--keep-alive-max", "3"};
  ServerProcess server(options);
  RawConnection c(server.port());
  c.send(kHealth + kHealth + kHealth + kHealth + kHealth);
  const auto first = c.response(), second = c.response(), third = c.response();
  BOOST_TEST(status_line(first) == "HTTP/1.1 200 OK");
  BOOST_TEST(status_line(second) == "HTTP/1.1 200 OK");
  BOOST_TEST(status_line(third) == "HTTP/1.1 200 OK");
  BOOST_TEST((third && third->find("Connection: close") != std::string::npos));
  BOOST_TEST(!c.response(1000ms).has_value());
  BOOST_TEST(c.closed_by_server(1000ms));
}

BOOST_AUTO_TEST_CASE(idle_timeout_and_request_deadline_come_from_the_command_line) {
  ServerProcess::Options options;
  options.extra_args = {"--keep-alive-timeout", "1", "--request-timeout", "1"};
  ServerProcess server(options);
  {
    RawConnection idle(server.port());
    idle.send(kHealth);
    BOOST_TEST(status_line(idle.response()) == "HTTP/1.1 200 OK");
    const auto start = Clock::now();
    BOOST_TEST(idle.closed_by_server(4000ms));
    const double s = std::chrono::duration<double>(Clock::now() - start).count();
    BOOST_TEST(s < 3.0, "idle connection closed after " << s << " s");
  }
  {
    // A chunked body that keeps arriving, a byte every 100 ms: each read comes well within any
    // per-read timeout, but the whole request is late.
    RawConnection slow(server.port());
    slow.send("POST /api/v1/transactions HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n100\r\n");
    const auto start = Clock::now();
    bool closed = false;
    while (Clock::now() - start < 6s && !closed) {
      if (::send(slow.fd(), "a", 1, MSG_NOSIGNAL) <= 0) break;
      closed = closed_by_peer(slow.fd());
      std::this_thread::sleep_for(100ms);
    }
    const double s = std::chrono::duration<double>(Clock::now() - start).count();
    BOOST_TEST(s < 4.0, "slow request closed after " << s << " s");
  }
  BOOST_TEST(server.healthy());
}

BOOST_AUTO_TEST_SUITE_END()
