// The request log's masking off the request path (http/request_log.hpp), in process: a reader
// finds every exchange recorded before it, masked, in order, whatever the masking thread has
// reached; overtaken exchanges are dropped exactly as the log would have pushed them out; large
// bodies do not pile up in memory; clear() wins over an exchange being masked.
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "http/request_log.hpp"

using payref::http::RequestLog;
using nlohmann::json;

namespace {

constexpr const char* kCard = "4111111111111111";

// A charge-like exchange whose request carries a card number and a key, numbered `n`.
void record_one(RequestLog& log, int n, const std::string& padding = "") {
  httplib::Request req;
  req.method = "POST";
  req.path = "/api/v1/payments/creditcard/charge";
  req.target = req.path + "?Authentication.Key=k3y" + std::to_string(n) + "secret";
  req.headers.emplace("Authorization", "Bearer tok3n-" + std::to_string(n) + "-secret");
  req.body = R"({"Card":{"CardNumber":")" + std::string(kCard) + R"(","CVV":"987"},"N":)" + std::to_string(n) + R"(,"Pad":")" +
             padding + "\"}";
  httplib::Response res;
  res.status = 200;
  res.body = R"({"N":)" + std::to_string(n) + "}";
  log.record(req, res, "2026-12-07T20:00:00Z");
}

// Asserts what every test here needs of a listing: newest first, numbers consecutive, masked.
void check_listing(const json& list, std::size_t expected_size) {
  BOOST_TEST_REQUIRE(list.size() == expected_size);
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (i > 0) BOOST_TEST(list[i]["seq"].get<std::int64_t>() == list[i - 1]["seq"].get<std::int64_t>() - 1);
    const std::string text = list[i].dump();
    BOOST_TEST(text.find(kCard) == std::string::npos, text.substr(0, 300));
    BOOST_TEST(text.find("\"987\"") == std::string::npos, text.substr(0, 300));
    BOOST_TEST(text.find("secret") == std::string::npos, text.substr(0, 300));
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(request_log_queue_tests)

BOOST_AUTO_TEST_CASE(a_reader_finds_each_exchange_recorded_before_it_masked) {
  RequestLog log(100);
  for (int n = 1; n <= 40; ++n) {
    record_one(log, n);
    // Read at once: the masking thread has usually not reached it yet.
    const json list = log.newest(1);
    BOOST_TEST_REQUIRE(list.size() == 1u);
    BOOST_TEST(list[0]["seq"] == n);
    BOOST_TEST(list[0]["responseBody"] == R"({"N":)" + std::to_string(n) + "}");
    BOOST_TEST(list[0]["query"] == "Authentication.Key=***");
    BOOST_TEST(list[0]["requestHeaders"]["Authorization"] == "Bearer ***");
    BOOST_TEST(list[0]["requestBody"].get<std::string>().find("411111******1111") != std::string::npos, list[0].dump());
  }
  check_listing(log.newest(1000), 40);
}

BOOST_AUTO_TEST_CASE(overtaken_exchanges_leave_the_log_as_they_would_have_anyway) {
  RequestLog log(5);
  for (int n = 1; n <= 200; ++n) record_one(log, n);
  const json list = log.newest(100);
  check_listing(list, 5);
  BOOST_TEST(list[0]["seq"] == 200);
  BOOST_TEST(list[4]["seq"] == 196);
}

BOOST_AUTO_TEST_CASE(concurrent_writers_and_readers_see_an_ordered_complete_log) {
  RequestLog log(500);
  std::atomic<bool> bad_listing{false};
  std::vector<std::thread> writers;
  for (int w = 0; w < 4; ++w)
    writers.emplace_back([&log, w] {
      for (int k = 0; k < 300; ++k) record_one(log, w * 1000 + k);
    });
  std::thread reader([&] {
    for (int k = 0; k < 50; ++k) {
      const json list = log.newest(500);
      for (std::size_t i = 1; i < list.size(); ++i)
        if (list[i]["seq"].get<std::int64_t>() != list[i - 1]["seq"].get<std::int64_t>() - 1) bad_listing = true;
    }
  });
  for (auto& t : writers) t.join();
  reader.join();
  BOOST_TEST(!bad_listing, "a listing had a gap or was out of order");
  const json list = log.newest(1000);
  check_listing(list, 500);
  BOOST_TEST(list[0]["seq"] == 1200);
}

BOOST_AUTO_TEST_CASE(large_bodies_are_masked_by_the_request_thread_past_the_byte_limit) {
  // 40 exchanges of 1 MiB: far over kMaxWaitingBytes, so most are masked as they are recorded;
  // the log still holds every one, cut to kMaxBodyBytes and masked.
  RequestLog log(100);
  const std::string padding(1 << 20, 'x');
  for (int n = 1; n <= 40; ++n) record_one(log, n, padding);
  const json list = log.newest(100);
  check_listing(list, 40);
  for (const auto& entry : list) {
    BOOST_TEST(entry["requestTruncated"] == true);
    BOOST_TEST(entry["requestBody"].get<std::string>().size() <= RequestLog::kMaxBodyBytes);
  }
}

BOOST_AUTO_TEST_CASE(clear_drops_what_waits_and_what_is_being_masked) {
  RequestLog log(500);
  for (int round = 0; round < 20; ++round) {
    for (int n = 0; n < 50; ++n) record_one(log, n);
    log.clear();
    BOOST_TEST_REQUIRE(log.newest(500).empty(), "round " << round);
  }
  record_one(log, 7);
  const json list = log.newest(500);
  check_listing(list, 1);
  BOOST_TEST(list[0]["seq"] == 1001);
}

BOOST_AUTO_TEST_SUITE_END()
