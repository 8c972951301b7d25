#include "leak_search.hpp"

#include <fstream>
#include <regex>
#include <sstream>

namespace payref_test {

std::vector<FileText> read_all_files(const std::filesystem::path& dir) {
  std::vector<FileText> out;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    out.push_back({entry.path().filename().string(), bytes.str()});
  }
  return out;
}

std::string without_log_numbers(const std::string& log) {
  static const std::regex stamp(R"(\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}\])");
  static const std::regex sizes(R"(\(\d+ B in, \d+ B out\))");
  static const std::regex address(R"(127\.0\.0\.1:\d+)");
  return std::regex_replace(std::regex_replace(std::regex_replace(log, stamp, "[time]"), sizes, "(sizes)"), address, "host");
}

}  // namespace payref_test
