// The event loop's seam into cpp-httplib (server/http/event_server.cpp): it overrides a private
// virtual of cpp-httplib 0.11.4. The build stops on another version (a static_assert there, which
// a test could only repeat); this case fails if httplib stops calling the override (its accept
// loop would then serve connections itself, each on a thread of its own).
#include <boost/test/unit_test.hpp>
#include <httplib.h>

#include <string>
#include <thread>

#include "http/event_server.hpp"

BOOST_AUTO_TEST_SUITE(event_server_pin_tests)

BOOST_AUTO_TEST_CASE(accepted_connections_reach_the_event_loop) {
  payref::http::EventServer server;
  std::size_t open_during_request = 0;
  server.Get("/probe", [&](const httplib::Request&, httplib::Response& res) {
    open_during_request = server.open_connections();  // the loop's own table of connections
    res.set_content("ok", "text/plain");
  });
  const int port = server.bind_to_any_port("127.0.0.1");
  BOOST_REQUIRE(port > 0);
  std::thread loop([&] { server.listen_after_bind(); });
  {
    httplib::Client client("127.0.0.1", port);
    client.set_keep_alive(true);
    for (int i = 0; i < 3; ++i) {
      const auto res = client.Get("/probe");
      BOOST_REQUIRE(res);
      BOOST_TEST(res->body == "ok");
      // Only an adopted socket is in the table: stock httplib's path would leave it at 0.
      BOOST_TEST(open_during_request == 1u);
    }
  }
  while (!server.is_running()) std::this_thread::yield();
  server.stop();
  loop.join();
}

BOOST_AUTO_TEST_SUITE_END()
