#include "http/json_body.hpp"

#include <algorithm>
#include <string_view>

namespace payref::http {

namespace {

nlohmann::json from_query(const httplib::Params& params) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [key, value] : params) {
    nlohmann::json* node = &out;
    std::size_t start = 0;
    while (true) {
      const auto dot = key.find('.', start);
      const std::string part = key.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
      if (part.empty()) break;
      if (dot == std::string::npos) {
        (*node)[part] = value;
        break;
      }
      nlohmann::json& child = (*node)[part];
      if (!child.is_object()) child = nlohmann::json::object();
      node = &child;
      start = dot + 1;
    }
  }
  return out;
}

// The deepest nesting of arrays and objects in `text`, brackets inside strings not counted. Runs
// before parsing because parsing is safe but dump() and every other walk of the tree recurse: a
// body nested 100,000 deep would overflow the stack later (robustness_tests).
std::size_t nesting_depth(std::string_view text) {
  std::size_t depth = 0, deepest = 0;
  bool in_string = false, escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      deepest = std::max(deepest, ++depth);
    } else if ((c == '}' || c == ']') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

}  // namespace

DecodedBody decode_request(const httplib::Request& req) {
  if (req.method == "GET" || req.method == "HEAD") {
    if (req.get_header_value_count("Content-Length") > 0 && req.get_header_value("Content-Length") != "0")
      return {std::nullopt,
              "A GET request body cannot be read by this server: send the same JSON to the POST twin of this "
              "endpoint, or the fields as query parameters (Authentication.Id=...&Request.Email=...)."};
    return {from_query(req.params), {}};
  }
  if (req.body.empty()) return {nlohmann::json::object(), {}};
  if (nesting_depth(req.body) > kMaxNesting)
    return {std::nullopt, "The request body nests objects and arrays more than " + std::to_string(kMaxNesting) + " deep."};
  auto parsed = nlohmann::json::parse(req.body, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) return {std::nullopt, "The request body is not valid JSON."};
  if (!parsed.is_object()) return {std::nullopt, "The request body must be a JSON object."};
  return {std::move(parsed), {}};
}

}  // namespace payref::http
