#include "server_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

#ifndef PAYREF_SERVER_BIN
#error "PAYREF_SERVER_BIN must name the payref-server binary (tests/CMakeLists.txt)"
#endif

extern char** environ;

namespace payref_test {

namespace {

constexpr const char* kListening = "payref-server listening on http://";

std::filesystem::path make_temp_root() {
  std::string pattern = (std::filesystem::temp_directory_path() / "payref-server-test-XXXXXX").string();
  std::vector<char> buffer(pattern.begin(), pattern.end());
  buffer.push_back('\0');
  if (::mkdtemp(buffer.data()) == nullptr) throw std::runtime_error(std::string("mkdtemp: ") + std::strerror(errno));
  return std::filesystem::path(buffer.data());
}

void ignore_sigpipe_once() {
  // A server that dies mid-request must fail the test, not kill the test process.
  static const bool done = [] {
    ::signal(SIGPIPE, SIG_IGN);
    return true;
  }();
  (void)done;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// HttpReply

std::string HttpReply::header(const std::string& name) const {
  const auto it = headers.find(name);
  return it == headers.end() ? std::string() : it->second;
}

std::size_t HttpReply::header_count(const std::string& name) const { return headers.count(name); }

std::string HttpReply::code() const {
  if (!body.is_object()) return {};
  const auto m = body.find("Message");
  if (m == body.end() || !m->is_object()) return {};
  const auto c = m->find("Code");
  return c != m->end() && c->is_string() ? c->get<std::string>() : std::string();
}

std::string HttpReply::description() const {
  if (!body.is_object()) return {};
  const auto m = body.find("Message");
  if (m == body.end() || !m->is_object()) return {};
  const auto d = m->find("Description");
  return d != m->end() && d->is_string() ? d->get<std::string>() : std::string();
}

const nlohmann::json& HttpReply::response() const {
  static const nlohmann::json null_value;
  if (!body.is_object()) return null_value;
  const auto r = body.find("Response");
  return r == body.end() ? null_value : *r;
}

std::string HttpReply::summary() const {
  std::string text_part = text.size() > 600 ? text.substr(0, 600) + "..." : text;
  return "HTTP " + std::to_string(status) + " " + text_part;
}

HttpReply to_reply(const httplib::Result& result) {
  HttpReply reply;
  if (!result) {
    reply.body = nlohmann::json(nlohmann::json::value_t::discarded);
    reply.text = "<no response: " + httplib::to_string(result.error()) + ">";
    return reply;
  }
  reply.status = result->status;
  reply.text = result->body;
  reply.headers = result->headers;
  reply.body = nlohmann::json::parse(reply.text, nullptr, /*allow_exceptions=*/false);
  return reply;
}

// ---------------------------------------------------------------------------------------------
// ServerProcess

ServerProcess::ServerProcess() : ServerProcess(Options{}) {}

ServerProcess::ServerProcess(Options options) : options_(std::move(options)) {
  ignore_sigpipe_once();
  temp_root_ = make_temp_root();
  data_dir_ = temp_root_ / "data";
  try {
    start();
  } catch (...) {
    // The destructor does not run for a constructor that throws: clean up here.
    std::error_code ec;
    std::filesystem::remove_all(temp_root_, ec);
    throw;
  }
}

ServerProcess::~ServerProcess() {
  try {
    stop();
  } catch (...) {
  }
  std::error_code ec;
  std::filesystem::remove_all(temp_root_, ec);
}

void ServerProcess::start() {
  if (pid_ > 0) throw std::logic_error("ServerProcess::start: already running");
  reap_readers();

  int out_pipe[2], err_pipe[2];
  if (::pipe2(out_pipe, O_CLOEXEC) != 0) throw std::runtime_error(std::string("pipe2: ") + std::strerror(errno));
  if (::pipe2(err_pipe, O_CLOEXEC) != 0) {
    ::close(out_pipe[0]);
    ::close(out_pipe[1]);
    throw std::runtime_error(std::string("pipe2: ") + std::strerror(errno));
  }

  std::vector<std::string> args = {PAYREF_SERVER_BIN, "--host",        "127.0.0.1", "--port",      "0",
                                   "--data",          data_dir_.string(), "--admin-token", kAdminToken,
                                   "--log-level",     options_.log_level};
  args.insert(args.end(), options_.extra_args.begin(), options_.extra_args.end());
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], STDERR_FILENO);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t defaults, empty;
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGPIPE);
  sigaddset(&defaults, SIGTERM);
  sigaddset(&defaults, SIGINT);
  sigemptyset(&empty);
  posix_spawnattr_setsigdefault(&attr, &defaults);
  posix_spawnattr_setsigmask(&attr, &empty);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);

  pid_t pid = -1;
  const int rc = ::posix_spawn(&pid, PAYREF_SERVER_BIN, &actions, &attr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  if (rc != 0) {
    ::close(out_pipe[0]);
    ::close(err_pipe[0]);
    throw std::runtime_error(std::string("posix_spawn " PAYREF_SERVER_BIN ": ") + std::strerror(rc));
  }
  pid_ = pid;

  std::size_t run_start = 0;
  {
    std::lock_guard lock(mutex_);
    run_start = stdout_text_.size();
    streams_open_ = 2;
    child_gone_ = false;
  }
  const auto reader = [this, run_start](int fd, std::string ServerProcess::*target) {
    const bool stop_after_start = options_.leave_stdout_unread && target == &ServerProcess::stdout_text_;
    char buffer[4096];
    while (true) {
      // Read one byte at a time while waiting to stop after the listening line, so that nothing
      // after it is taken from the pipe.
      const ssize_t n = ::read(fd, buffer, stop_after_start ? 1 : sizeof buffer);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      std::unique_lock lock(mutex_);
      (this->*target).append(buffer, static_cast<std::size_t>(n));
      changed_.notify_all();
      if (stop_after_start && buffer[0] == '\n' && stdout_text_.find(kListening, run_start) != std::string::npos) {
        changed_.wait(lock, [&] { return child_gone_; });  // the pipe stays open, unread
        break;
      }
    }
    ::close(fd);
    std::lock_guard lock(mutex_);
    --streams_open_;
    changed_.notify_all();
  };
  readers_.emplace_back(reader, out_pipe[0], &ServerProcess::stdout_text_);
  readers_.emplace_back(reader, err_pipe[0], &ServerProcess::stderr_text_);

  // Wait for "payref-server listening on http://HOST:PORT\n" from this run.
  std::unique_lock lock(mutex_);
  int port = 0;
  const bool ready = changed_.wait_for(lock, std::chrono::seconds(15), [&] {
    const auto at = stdout_text_.find(kListening, run_start);
    if (at != std::string::npos) {
      const auto eol = stdout_text_.find('\n', at);
      if (eol != std::string::npos) {
        const std::string url = stdout_text_.substr(at, eol - at);
        const auto colon = url.rfind(':');
        port = std::atoi(url.c_str() + colon + 1);
        return true;
      }
    }
    return streams_open_ == 0;  // the child closed its output: it died
  });
  if (!ready || port <= 0) {
    const std::string captured = "stdout:\n" + stdout_text_.substr(run_start) + "\nstderr:\n" + stderr_text_;
    lock.unlock();
    stop();
    throw std::runtime_error("payref-server did not report its port" + std::string(ready ? "" : " within 15 s") +
                             ".\n" + captured);
  }
  port_ = port;
}

int ServerProcess::stop() {
  if (pid_ <= 0) return -1;
  ::kill(pid_, SIGTERM);
  int status = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
  pid_t done = 0;
  while ((done = ::waitpid(pid_, &status, WNOHANG)) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid_, SIGKILL);
      done = ::waitpid(pid_, &status, 0);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  pid_ = -1;
  port_ = 0;
  {
    std::lock_guard lock(mutex_);
    child_gone_ = true;
    changed_.notify_all();
  }
  reap_readers();
  if (done < 0) return -1;
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

int ServerProcess::restart() {
  const int code = stop();
  start();
  return code;
}

bool ServerProcess::running() {
  if (pid_ <= 0) return false;
  // waitid with WNOWAIT: learn whether it exited without reaping it (stop() reaps).
  siginfo_t info;
  std::memset(&info, 0, sizeof info);
  if (::waitid(P_PID, static_cast<id_t>(pid_), &info, WEXITED | WNOHANG | WNOWAIT) != 0) return false;
  return info.si_pid == 0;
}

void ServerProcess::reap_readers() {
  for (auto& t : readers_)
    if (t.joinable()) t.join();
  readers_.clear();
}

std::string ServerProcess::output() const {
  std::lock_guard lock(mutex_);
  return stdout_text_ + stderr_text_;
}

std::unique_ptr<httplib::Client> ServerProcess::client() const {
  auto c = std::make_unique<httplib::Client>("127.0.0.1", port_);
  c->set_connection_timeout(5, 0);
  c->set_read_timeout(20, 0);
  c->set_write_timeout(20, 0);
  c->set_keep_alive(false);
  return c;
}

HttpReply ServerProcess::post(const std::string& path, const nlohmann::json& body, const httplib::Headers& headers) const {
  return post_raw(path, body.dump(), "application/json", headers);
}

HttpReply ServerProcess::post_raw(const std::string& path, const std::string& body, const std::string& content_type,
                                  const httplib::Headers& headers) const {
  return to_reply(client()->Post(path.c_str(), headers, body, content_type.c_str()));
}

HttpReply ServerProcess::get(const std::string& path, const httplib::Params& params, const httplib::Headers& headers) const {
  return to_reply(client()->Get(path.c_str(), params, headers));
}

HttpReply ServerProcess::admin_get(const std::string& path, const std::string& token) const {
  return get(path, {}, {{"Authorization", "Bearer " + token}});
}

Credentials ServerProcess::demo_credentials() const {
  const auto reply = admin_get("/_sandbox/credentials");
  if (reply.status != 200 || !reply.is_json())
    throw std::runtime_error("GET /_sandbox/credentials: " + reply.summary());
  const auto& auth = reply.body.at("gateway").at("Authentication");
  return Credentials{auth.at("Id").get<std::string>(), auth.at("Key").get<std::string>()};
}

nlohmann::json ServerProcess::outbox() const {
  const auto reply = admin_get("/_sandbox/outbox");
  if (reply.status != 200 || !reply.body.is_array()) throw std::runtime_error("GET /_sandbox/outbox: " + reply.summary());
  return reply.body;
}

bool ServerProcess::healthy() const {
  const auto reply = get("/healthz");
  return reply.status == 200 && reply.is_json() && reply.body.value("status", "") == "ok";
}

}  // namespace payref_test
