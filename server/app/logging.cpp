#include "app/logging.hpp"

#include <poll.h>
#include <spdlog/async.h>
#include <spdlog/sinks/base_sink.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <memory>
#include <mutex>

namespace payref::app {

namespace {

constexpr std::size_t kQueuedLines = 8192;
// A pipe with room for a page takes a write of up to a page whole, so a line no longer than this
// never blocks once poll() says the pipe is writable.
constexpr std::size_t kMaxLineBytes = 4096;

std::atomic<std::uint64_t> unwritten_lines{0};

// Standard output, written only when it can take a line now.
class NonBlockingStdoutSink final : public spdlog::sinks::base_sink<std::mutex> {
 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    spdlog::memory_buf_t line;
    formatter_->format(msg, line);
    std::size_t size = line.size();
    if (size > kMaxLineBytes) {  // cut, and still ends the line
      size = kMaxLineBytes;
      line[size - 1] = '\n';
    }
    pollfd p{STDOUT_FILENO, POLLOUT, 0};
    if (::poll(&p, 1, 0) != 1 || (p.revents & POLLOUT) == 0) {
      ++unwritten_lines;
      return;
    }
    ssize_t n;
    do n = ::write(STDOUT_FILENO, line.data(), size);
    while (n < 0 && errno == EINTR);
    if (n != static_cast<ssize_t>(size)) ++unwritten_lines;
  }
  void flush_() override {}
};

}  // namespace

void start_logging(spdlog::level::level_enum level) {
  spdlog::init_thread_pool(kQueuedLines, 1);
  auto logger = std::make_shared<spdlog::async_logger>("payref", std::make_shared<NonBlockingStdoutSink>(),
                                                       spdlog::thread_pool(), spdlog::async_overflow_policy::overrun_oldest);
  logger->set_level(level);
  spdlog::set_default_logger(logger);
  spdlog::set_level(level);
}

std::uint64_t log_lines_dropped() {
  const auto pool = spdlog::thread_pool();
  return unwritten_lines.load() + (pool ? pool->overrun_counter() : 0);
}

void stop_logging() { spdlog::shutdown(); }

}  // namespace payref::app
