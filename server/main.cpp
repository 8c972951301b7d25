// payref-server: the local reference server for payref's four payment APIs.
//
//   payref-server [--host 127.0.0.1] [--port 8080] [--data ./payref-data] [--threads N]
//                 [--admin-token T] [--clock 2026-01-01T00:00:00Z] [--demo web-demo [--package npm/dist]]
//                 [--cors-origin https://shop.example ...] [--keep-alive-timeout S] [--keep-alive-max N]
//                 [--request-timeout S] [--min-request-rate B] [--max-connections-per-client N]
//
// Prints "payref-server listening on http://HOST:PORT" once it accepts connections (tests parse
// it). SIGINT/SIGTERM stop it gracefully: requests in flight finish, the exit code is 0.
#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include <csignal>
#include <iostream>
#include <pthread.h>
#include <thread>

#include "app/logging.hpp"
#include "app/server_app.hpp"

int main(int argc, char** argv) {
  payref::app::AppOptions options;
  std::string data_dir = "payref-data";
  std::string clock_text;
  std::string log_level = "info";
  CLI::App cli{"payref-server: a stateful local reference server for payref's payment APIs"};
  cli.set_version_flag("--version", std::string("payref-server ") + PAYREF_VERSION);
  cli.add_option("--host", options.http.host, "Address to listen on")->capture_default_str();
  cli.add_option("--port", options.http.port, "Port (0 picks a free one)")->capture_default_str()->check(CLI::Range(0, 65535));
  cli.add_option("--data", data_dir, "Data directory (database and keys)")->capture_default_str();
  auto& limits = options.http.limits;
  cli.add_option("--threads", limits.event_workers, "Event-loop worker threads")->capture_default_str()->check(CLI::Range(1, 256));
  cli.add_option("--cors-origin", options.http.cors_origins,
                 "An origin whose pages may call the API families (repeatable; default: any origin)");
  double keep_alive_timeout = 5, request_timeout = 5;
  cli.add_option("--keep-alive-timeout", keep_alive_timeout, "Seconds an idle connection stays open")
      ->capture_default_str()->check(CLI::Range(0.1, 3600.0));
  cli.add_option("--keep-alive-max", limits.keep_alive_max_requests, "Requests one connection may carry")
      ->capture_default_str()->check(CLI::Range(1, 1'000'000));
  cli.add_option("--request-timeout", request_timeout,
                 "Seconds a request may take to arrive whole (more for a large one at the minimum rate)")
      ->capture_default_str()->check(CLI::Range(0.1, 3600.0));
  cli.add_option("--min-request-rate", limits.min_request_rate, "Bytes a second a large request must arrive at")
      ->capture_default_str()->check(CLI::Range(1, 1 << 30));
  cli.add_option("--max-connections-per-client", limits.max_connections_per_client,
                 "Open connections one client address may hold")
      ->capture_default_str()->check(CLI::Range(1, 1'000'000));
  cli.add_option("--admin-token", options.admin_token, "Bearer token of the /_sandbox/ API (default: generated and kept)");
  cli.add_option("--clock", clock_text, "Start with the clock frozen at this UTC time (2026-01-01T00:00:00Z)");
  cli.add_option("--log-level", log_level, "trace, debug, info, warn, error or off")->capture_default_str();
  std::string demo_dir, package_dir = "npm/dist";
  cli.add_option("--demo", demo_dir, "Serve the web-demo checkout from this folder at /demo/ (e.g. web-demo)");
  cli.add_option("--package", package_dir, "The built npm package the demo loads, served at /demo/payref/")->capture_default_str();
  CLI11_PARSE(cli, argc, argv);

  limits.keep_alive_timeout_ms = static_cast<std::int64_t>(keep_alive_timeout * 1000);
  limits.request_timeout_ms = static_cast<std::int64_t>(request_timeout * 1000);
  // Block the stop signals before any thread starts (the logger and pool threads inherit the mask); one thread
  // waits for them and stops the server, which is not async-signal-safe (TOOLCHAIN.md §6).
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  payref::app::start_logging(spdlog::level::from_str(log_level));
  options.log_lines_dropped = payref::app::log_lines_dropped;
  options.data_dir = data_dir;
  if (!demo_dir.empty()) {
    options.demo_dir = demo_dir;
    options.package_dir = package_dir;
  }
  if (!clock_text.empty()) {
    options.clock = payref::sim::parse_iso8601(clock_text);
    if (!options.clock) {
      std::cerr << "payref-server: --clock must be a UTC time such as 2026-01-01T00:00:00Z\n";
      return 2;
    }
  }


  try {
    payref::app::ServerApp app(options);
    const int port = app.bind();
    if (port < 0) {
      std::cerr << "payref-server: cannot listen on " << options.http.host << ":" << options.http.port << "\n";
      return 1;
    }
    const auto& dir = app.data_dir();
    std::cout << "payref-server listening on http://" << options.http.host << ":" << port << "\n"
              << "data: " << dir.root.string() << "\n"
              << "admin token (for /_sandbox/): " << dir.admin_token << (dir.admin_token_created ? " (new)" : "") << "\n"
              << "demo merchant (gateway): Id " << app.demo_credentials()["gateway"]["Authentication"]["Id"].get<std::string>()
              << " Key " << app.demo_credentials()["gateway"]["Authentication"]["Key"].get<std::string>() << "\n";
    for (const auto& [family, credentials] : app.demo_credentials().items())
      if (family != "gateway") std::cout << "demo merchant (" << family << "): " << credentials.dump() << "\n";
    if (options.demo_dir)
      std::cout << (app.serves_demo() ? "checkout demo: http://" + options.http.host + ":" + std::to_string(port) + "/demo/"
                                      : "checkout demo: not served (" + demo_dir + " or " + package_dir + " is missing)")
                << "\n";
    std::cout << std::flush;

    std::thread waiter([&app, stop_signals] {
      int signal = 0;
      sigwait(&stop_signals, &signal);
      spdlog::info("signal {}: stopping", signal);
      app.stop();
    });
    app.listen();
    // listen() also returns if the server failed; make sure the waiter thread ends either way.
    pthread_kill(waiter.native_handle(), SIGTERM);
    waiter.join();
  } catch (const std::exception& e) {
    std::cerr << "payref-server: " << e.what() << "\n";
    payref::app::stop_logging();
    return 1;
  }
  payref::app::stop_logging();
  return 0;
}
