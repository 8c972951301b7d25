// Reading tests/vectors/*.json and matching a case's expectation against an output.
//
// File: {"description": "...", "cases": [{"name", "call", "args": [...], "expect": ...}]}.
// An object expectation matches when every key it names equals the output's value (so a case
// states what it is about and nothing else); any other expectation must equal the output whole.
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace payref::vectors {

inline nlohmann::json load_vector_file(const std::filesystem::path& path) {
  std::ifstream in(path);
  return nlohmann::json::parse(in);
}

inline std::vector<std::filesystem::path> vector_files(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

// Empty when the output satisfies the expectation; otherwise what differs.
inline std::string mismatch(const nlohmann::json& expect, const nlohmann::json& actual) {
  if (expect.is_object() && actual.is_object()) {
    std::string diff;
    for (const auto& [key, want] : expect.items()) {
      auto got = actual.find(key);
      if (got == actual.end())
        diff += key + ": missing (want " + want.dump() + "); ";
      else if (*got != want)
        diff += key + ": got " + got->dump() + ", want " + want.dump() + "; ";
    }
    return diff;
  }
  return expect == actual ? std::string() : "got " + actual.dump() + ", want " + expect.dump();
}

}  // namespace payref::vectors
