// Where a secret could leak, as the security and secrets suites search it: every file of the data
// directory as raw bytes, and the server's output with the numbers every log line carries taken
// out (so a three-digit CVV is not "found" in a timestamp's milliseconds or a port).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace payref_test {

struct FileText {
  std::string name, bytes;
};

// Every regular file under `dir` (the database, its -wal and -shm, key files), read whole.
std::vector<FileText> read_all_files(const std::filesystem::path& dir);

// Log text with timestamps, "(N B in, M B out)" sizes and 127.0.0.1:port addresses replaced.
std::string without_log_numbers(const std::string& log);

}  // namespace payref_test
