// The server as a process: command line, CORS preflight, graceful stop, and the data directory's
// schema guard.
#include <boost/test/unit_test.hpp>
#include <sqlite3.h>

#include <array>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <memory>
#include <thread>
#include <vector>

#include "gateway_helpers.hpp"

using namespace payref_test;
using nlohmann::json;

namespace {

struct CommandResult {
  int exit_code = -1;
  std::string output;
};

// Runs payref-server with the given arguments to completion (for flags that do not start it).
CommandResult run_server_command(const std::string& args) {
  CommandResult result;
  const std::string command = std::string(PAYREF_SERVER_BIN) + " " + args + " 2>&1";
  FILE* pipe = ::popen(command.c_str(), "r");
  BOOST_REQUIRE(pipe != nullptr);
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) result.output.append(buffer.data(), n);
  const int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

void set_schema_version(const std::filesystem::path& database, int version) {
  sqlite3* db = nullptr;
  BOOST_REQUIRE(sqlite3_open(database.c_str(), &db) == SQLITE_OK);
  const std::string sql = "PRAGMA user_version = " + std::to_string(version);
  BOOST_REQUIRE(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
}

// Every transaction row of a contact, through all pages.
std::size_t count_transactions(const ServerProcess& server, const Credentials& who, const std::string& email) {
  std::size_t count = 0;
  for (int page = 1;; ++page) {
    const json list = list_transactions(server, who, email, 100, page);
    count += list["Transactions"].size();
    if (!list.value("MorePages", false)) return count;
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(lifecycle_tests)

BOOST_AUTO_TEST_CASE(version_flag_prints_the_version_and_exits_0) {
  const auto r = run_server_command("--version");
  BOOST_TEST(r.exit_code == 0, r.output);
  BOOST_TEST(r.output.find("payref-server 0.") != std::string::npos, r.output);
}

BOOST_AUTO_TEST_CASE(help_lists_every_option) {
  const auto r = run_server_command("--help");
  BOOST_TEST(r.exit_code == 0, r.output);
  for (const char* option : {"--host", "--port", "--data", "--threads", "--admin-token", "--clock", "--log-level"})
    BOOST_TEST(r.output.find(option) != std::string::npos, option << " missing from --help:\n" << r.output);
}

BOOST_AUTO_TEST_CASE(refuses_bad_flags_without_starting) {
  for (const char* args : {"--port 70000", "--port abc", "--threads 0", "--clock yesterday", "--no-such-flag"}) {
    const auto r = run_server_command(args);
    BOOST_TEST(r.exit_code != 0, args << ": " << r.output);
    BOOST_TEST(r.output.find("listening") == std::string::npos, args << ": " << r.output);
  }
}

BOOST_AUTO_TEST_CASE(preflight_answers_204_with_the_cors_headers) {
  ServerProcess server;
  auto client = server.client();
  const auto res = client->Options("/api/v1/payments/creditcard/charge",
                                   {{"Origin", "http://shop.example"},
                                    {"Access-Control-Request-Method", "POST"},
                                    {"Access-Control-Request-Headers", "content-type, idempotency-key"}});
  BOOST_REQUIRE(res);
  BOOST_TEST(res->status == 204);
  BOOST_TEST(res->get_header_value("Access-Control-Allow-Origin") == "*");
  BOOST_TEST(res->get_header_value_count("Access-Control-Allow-Origin") == 1u);
  BOOST_TEST(res->get_header_value("Access-Control-Allow-Methods").find("POST") != std::string::npos);
  const std::string allowed = res->get_header_value("Access-Control-Allow-Headers");
  BOOST_TEST(allowed.find("Content-Type") != std::string::npos, allowed);
  BOOST_TEST(allowed.find("Idempotency-Key") != std::string::npos, allowed);
  // An answer outside the APIs carries no CORS header: a page elsewhere cannot read it.
  const auto health = server.get("/healthz");
  BOOST_TEST(health.header_count("Access-Control-Allow-Origin") == 0u);
}

BOOST_AUTO_TEST_CASE(sigterm_under_load_exits_0_and_loses_no_answered_charge) {
  ServerProcess server;
  const Credentials demo = server.demo_credentials();
  const std::string email = unique_email("graceful");
  std::atomic<bool> stopping{false};
  std::atomic<int> approved{0};
  std::atomic<int> garbled{0};
  std::vector<std::thread> clients;
  for (int t = 0; t < 6; ++t) {
    clients.emplace_back([&] {
      while (!stopping.load()) {
        const auto reply = server.post("/api/v1/payments/creditcard/charge",
                                       envelope(demo, card_payment_request(2, "1.00", email)));
        if (reply.status == 0) continue;  // refused or cut before it was accepted: no answer
        if (reply.status == 200 && reply.code() == "00") ++approved;
        else ++garbled;  // an answer that is not a clean approval would be a broken shutdown
      }
    });
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(400));
  const int exit_code = server.stop();  // SIGTERM while the clients keep sending
  stopping = true;
  for (auto& c : clients) c.join();
  BOOST_TEST(exit_code == 0);
  BOOST_TEST(garbled.load() == 0);
  BOOST_TEST_REQUIRE(approved.load() > 0);
  // Every charge that was answered "00" was committed before its answer left the server.
  server.start();
  BOOST_TEST(count_transactions(server, demo, email) >= static_cast<std::size_t>(approved.load()));
}

BOOST_AUTO_TEST_CASE(refuses_a_database_from_a_newer_schema_and_leaves_it_alone) {
  ServerProcess server;
  const Credentials demo = server.demo_credentials();
  const std::string email = unique_email("schema");
  approved_card_payment(server, demo, 2, "3.00", email);
  BOOST_TEST_REQUIRE(server.stop() == 0);
  set_schema_version(server.data_dir() / "payref.sqlite3", 99);
  BOOST_CHECK_THROW(server.start(), std::exception);
  BOOST_TEST(server.output().find("newer") != std::string::npos, server.output());
  // Back to the version this build knows: the data is intact.
  set_schema_version(server.data_dir() / "payref.sqlite3", 2);
  server.start();
  BOOST_TEST(count_transactions(server, demo, email) == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
