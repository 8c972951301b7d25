// The real payref-server as a child process, for the server suites (tests/server/*_tests.cpp).
//
// ServerProcess starts build/.../payref-server with `--port 0 --data <fresh temp dir>
// --admin-token test-admin --log-level warn`, reads its stdout until
// "payref-server listening on http://HOST:PORT", and talks to it with cpp-httplib's client. Its
// stdout and stderr are captured (output()) for the whole life of the object, restarts included.
// The destructor stops it with SIGTERM and removes the temporary directory.
#pragma once

#include <httplib.h>
#include <sys/types.h>

#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

namespace payref_test {

inline constexpr const char* kAdminToken = "test-admin";

// One HTTP exchange as the tests see it.
struct HttpReply {
  int status = 0;            // 0: no answer at all (connection refused, reset, timeout)
  std::string text;          // the raw response body
  nlohmann::json body;       // the parsed body; discarded (is_discarded()) when it is not JSON
  httplib::Headers headers;

  bool is_json() const { return !body.is_discarded(); }
  std::string header(const std::string& name) const;
  std::size_t header_count(const std::string& name) const;
  // Message.Code / Message.Description of a gateway envelope ("" when the body has none).
  std::string code() const;
  std::string description() const;
  // The envelope's Response (null when absent).
  const nlohmann::json& response() const;
  // A one-line summary for failure messages.
  std::string summary() const;
};

// A gateway client's Authentication {Id, Key}.
struct Credentials {
  std::string id, key;
  nlohmann::json json() const { return {{"Id", id}, {"Key", key}}; }
};

class ServerProcess {
 public:
  struct Options {
    std::string log_level = "warn";
    std::vector<std::string> extra_args;
    // Stop reading the server's stdout once it has printed its listening line, and keep the pipe
    // open unread until the server stops: a harness that no longer reads the output.
    bool leave_stdout_unread = false;
  };

  ServerProcess();  // starts the server with the default options
  explicit ServerProcess(Options options);
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  // Starts the server on the data directory (fresh on first start, kept afterwards); throws with
  // the captured output if it does not print its listening line within 15 s.
  void start();
  // SIGTERM, then waits (SIGKILL after 15 s). Returns the exit code, 128 + signal if it was
  // killed by a signal, or -1 if it was not running.
  int stop();
  // stop() + start() on the same data directory; returns stop()'s exit code.
  int restart();
  // True while the child has not exited (does not reap a still-running child).
  bool running();

  int port() const { return port_; }
  const std::filesystem::path& data_dir() const { return data_dir_; }
  // Everything the server wrote to stdout and stderr so far, over all of its runs.
  std::string output() const;

  // A fresh client for this server (no keep-alive: each request closes its connection).
  std::unique_ptr<httplib::Client> client() const;

  HttpReply post(const std::string& path, const nlohmann::json& body, const httplib::Headers& headers = {}) const;
  HttpReply post_raw(const std::string& path, const std::string& body, const std::string& content_type = "application/json",
                     const httplib::Headers& headers = {}) const;
  HttpReply get(const std::string& path, const httplib::Params& params = {}, const httplib::Headers& headers = {}) const;
  // GET on the sandbox API with Authorization: Bearer <token>.
  HttpReply admin_get(const std::string& path, const std::string& token = kAdminToken) const;

  // GET /_sandbox/credentials: the demo merchant's gateway Authentication.
  Credentials demo_credentials() const;
  // GET /_sandbox/outbox: the sandbox's sent mail, newest first.
  nlohmann::json outbox() const;
  // GET /healthz answers 200 {"status":"ok"}.
  bool healthy() const;

 private:
  void reap_readers();

  Options options_;
  std::filesystem::path temp_root_;
  std::filesystem::path data_dir_;
  pid_t pid_ = -1;
  int port_ = 0;

  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::string stdout_text_, stderr_text_;
  int streams_open_ = 0;
  bool child_gone_ = false;  // stop() has reaped the child: an unread stdout may be closed
  std::vector<std::thread> readers_;
};

// Convert an httplib::Result into a HttpReply (status 0 when there was no response).
HttpReply to_reply(const httplib::Result& result);

}  // namespace payref_test
