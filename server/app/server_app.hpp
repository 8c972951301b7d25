// payref-server assembled: data directory, store, clock, services, HTTP routes. main.cpp parses
// the command line and handles signals; tests can build the same app in-process.
#pragma once

#include <httplib.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "app/data_dir.hpp"
#include "app/services.hpp"
#include "http/event_server.hpp"
#include "http/error_renderers.hpp"
#include "http/http_server.hpp"
#include "sim/clock.hpp"
#include "store/sqlite_store.hpp"

namespace payref::app {

struct AppOptions {
  http::ServerOptions http;
  std::filesystem::path data_dir = "payref-data";
  std::string admin_token;                // empty: generated at first start and kept
  std::optional<sim::TimePoint> clock;    // frozen start time; real time when empty
  std::optional<std::filesystem::path> demo_dir, package_dir;  // --demo, --package: serve /demo/
  std::function<std::uint64_t()> log_lines_dropped;           // for /healthz; none: 0
};

class ServerApp {
 public:
  explicit ServerApp(AppOptions options);  // throws std::runtime_error on a bad data directory
  ~ServerApp();

  int bind();          // the bound port, or -1
  void listen();       // blocks until stop()
  void stop();

  const DataDir& data_dir() const { return data_dir_; }
  const nlohmann::json& demo_credentials() const { return demo_credentials_; }
  bool serves_demo() const { return serves_demo_; }

 private:
  AppOptions options_;
  DataDir data_dir_;
  std::unique_ptr<store::SqliteStore> store_;
  std::unique_ptr<store::CardVault> vault_;
  std::unique_ptr<sim::Clock> clock_;
  std::unique_ptr<app::Services> services_;
  http::RequestLog request_log_;
  http::ErrorRenderers error_renderers_;  // each family's format for the HTTP layer's errors
  http::EventServer server_;  // httplib with an epoll loop in place of a thread per connection
  nlohmann::json demo_credentials_;
  bool serves_demo_ = false;
};

}  // namespace payref::app
