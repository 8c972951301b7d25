// Request decoding shared by the families: a JSON body for POST/PUT, and for GET the query string
// turned into the same JSON shape ("Authentication.Id=1&Request.Email=a" → {"Authentication":
// {"Id":"1"}, "Request":{"Email":"a"}}), because cpp-httplib 0.11.4 never reads a GET body.
#pragma once

#include <httplib.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace payref::http {

// No request of any family nests deeper than a few levels; deeper bodies are refused unparsed.
inline constexpr std::size_t kMaxNesting = 64;

struct DecodedBody {
  std::optional<nlohmann::json> json;  // set on success
  std::string error;                   // why decoding failed (not valid JSON, not an object, ...)
};

// A missing or empty body decodes to an empty object. GET requests that carry a body are refused
// (the body cannot be read; see docs/gateway.md).
DecodedBody decode_request(const httplib::Request& req);

}  // namespace payref::http
