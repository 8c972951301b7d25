#include "billing/input.hpp"

#include <algorithm>
#include <cctype>

#include "billing/errors.hpp"
#include "billing/xml_reader.hpp"
#include "http/json_body.hpp"
#include "http/text_codec.hpp"

namespace payref::billing {

namespace {

using http::percent_decode;

// The media type of a Content-Type header, lower-case, without parameters.
std::string media_type(const std::string& header) {
  std::string type = header.substr(0, header.find(';'));
  type.erase(std::remove_if(type.begin(), type.end(), [](unsigned char c) { return std::isspace(c); }), type.end());
  for (auto& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return type;
}

std::string_view query_text(const httplib::Request& req) {
  const auto q = req.target.find('?');
  return q == std::string::npos ? std::string_view() : std::string_view(req.target).substr(q + 1);
}

}  // namespace

std::optional<std::map<std::string, std::string>> parse_urlencoded(std::string_view text, std::string& error) {
  std::map<std::string, std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto end = std::min(text.find('&', start), text.size());
    const std::string_view pair = text.substr(start, end - start);
    start = end + 1;
    if (pair.empty()) continue;  // "a=1&&b=2", a trailing '&'
    const auto eq = pair.find('=');
    const auto name = percent_decode(pair.substr(0, eq));
    const auto value = percent_decode(eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1));
    if (!name || !value) {
      error = "a %-escape is not followed by two hexadecimal digits";
      return std::nullopt;
    }
    if (name->empty()) {
      error = "a name=value pair has no name";
      return std::nullopt;
    }
    if (!out.emplace(*name, *value).second) {
      error = "the parameter " + std::string(name->size() <= 64 ? *name : name->substr(0, 64) + "...") +
              " appears more than once";
      return std::nullopt;
    }
  }
  return out;
}

std::map<std::string, std::string> query_parameters(const httplib::Request& req) {
  std::string error;
  auto params = parse_urlencoded(query_text(req), error);
  if (!params) fail_validation("", "query.malformed", "The query string cannot be decoded: " + error + ".");
  return *params;
}

void refuse_get_body(const httplib::Request& req) {
  if (!req.body.empty() || (req.has_header("Content-Length") && req.get_header_value("Content-Length") != "0"))
    fail_validation("", "request.get_body",
                    "A GET request body cannot be read by this server: send find's parameters in the query string.");
}

nlohmann::json customer_input(const httplib::Request& req) {
  const auto query = query_parameters(req);
  if (req.body.empty()) {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [name, value] : query) out[name] = value;
    return out;
  }
  if (!query.empty())
    fail_validation("", "request.body_and_query",
                    "Send the customer's fields either in the body or in the query string, not in both.");
  const std::string type = media_type(req.get_header_value("Content-Type"));
  if (type == "application/json" || type.empty()) {
    const auto decoded = http::decode_request(req);
    if (!decoded.json) fail_validation("", "body.malformed_json", decoded.error);
    return *decoded.json;
  }
  if (type == "application/x-www-form-urlencoded") {
    std::string error;
    const auto params = parse_urlencoded(req.body, error);
    if (!params) fail_validation("", "body.malformed_form", "The form body cannot be decoded: " + error + ".");
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [name, value] : *params) out[name] = value;
    return out;
  }
  if (type == "application/xml" || type == "text/xml") {
    std::string error;
    const auto attributes = xml::read_customer(req.body, error);
    if (!attributes) fail_validation("", "body.malformed_xml", "The XML body cannot be read: " + error + ".");
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [name, value] : *attributes) out[name] = value;
    return out;
  }
  fail(415, code::unsupported_media_type,
       "Content-Type must be application/json, application/xml (or text/xml) or application/x-www-form-urlencoded.");
}

}  // namespace payref::billing
