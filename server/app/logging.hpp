// payref-server's log: spdlog, asynchronous, and never in the way of a request.
//
// A request only queues its line; one thread writes the queue to standard output. When the queue
// is full, the oldest line is dropped; when standard output cannot take a line now (a pipe that
// nobody reads), that line is dropped. Both are counted (/healthz "logLinesDropped"). A server
// started by a harness that stops reading its output keeps serving.
#pragma once

#include <spdlog/common.h>

#include <cstdint>

namespace payref::app {

void start_logging(spdlog::level::level_enum level);
std::uint64_t log_lines_dropped();
void stop_logging();  // writes what is queued (as far as the output takes it)

}  // namespace payref::app
