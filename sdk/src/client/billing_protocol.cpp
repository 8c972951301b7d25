// Building billing requests and reading its answers (docs/billing.md "Conventions", "Errors").
#include <nlohmann/json.hpp>

#include "payref/client/billing.hpp"

namespace payref::client::billing {

namespace {

using nlohmann::json;

ErrorKind kind_of_code(std::string_view code, bool& known) {
  known = true;
  if (code == "validation_error" || code == "method_not_allowed" || code == "unsupported_media_type" || code == "request_too_large")
    return ErrorKind::validation;
  if (code == "unauthorized") return ErrorKind::authentication;
  if (code == "not_found") return ErrorKind::not_found;
  if (code == "duplicate") return ErrorKind::conflict;
  if (code == "internal_error") return ErrorKind::server;
  known = false;
  return ErrorKind::server;
}

std::string text_of(const json& object, const char* key) {
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

Result<HttpRequest> build_request(const Call& call, const Credentials& credentials) {
  if (!call.operation) return Status::invalid("client.unknown_operation", "operation", "no such billing operation");
  const Operation& op = *call.operation;
  json request;  // null: none
  if (!call.request_json.empty()) {
    request = json::parse(call.request_json, nullptr, false);
    if (request.is_discarded() || !(request.is_object() || request.is_null()))
      return Status::invalid("client.request_not_object", "request", "the request must be a JSON object");
  }
  std::string path(op.path);
  if (const auto mark = path.find("{}"); mark != std::string::npos) {
    if (call.path_param.empty()) return Status::invalid("client.path_parameter_missing", "id", "this operation needs the customer id");
    path.replace(mark, 2, url_encode(call.path_param));
  }
  HttpRequest out;
  out.method = std::string(method_name(op.method));
  out.headers.push_back({"Accept", "application/json"});
  out.headers.push_back({"Authorization", basic_authorization(credentials.username, credentials.password)});
  switch (op.input) {
    case Input::body:
      // Sent as given: the core never re-prints the caller's numbers.
      out.body = request.is_null() ? std::string("{}") : call.request_json;
      out.headers.push_back({"Content-Type", "application/json"});
      break;
    case Input::query: {
      std::string query;
      if (request.is_object()) {
        for (const auto& [name, value] : request.items()) {
          if (value.is_null()) continue;
          if (value.is_object() || value.is_array())
            return Status::invalid("client.nested_in_query", name, "find's parameters are single values");
          if (!query.empty()) query += '&';
          query += url_encode(name) + "=" + url_encode(value.is_string() ? value.get<std::string>() : value.dump());
        }
      }
      if (!query.empty()) path += "?" + query;
      break;
    }
    case Input::none:
      if (request.is_object() && !request.empty())
        return Status::invalid("client.request_not_taken", "request", "this operation takes only the customer id");
      break;
  }
  out.path = std::move(path);
  return out;
}

std::variant<std::string, ApiError> parse_response(const Operation& /*operation*/, const HttpResponse& response) {
  const json body = json::parse(response.body, nullptr, false);
  const bool success = response.status >= 200 && response.status < 300;
  if (success && !body.is_discarded() && (body.is_object() || body.is_array())) return response.body;

  ApiError error;
  error.family = "billing";
  error.http_status = response.status;
  error.kind = success ? ErrorKind::server : kind_of_status(response.status);
  error.code = std::to_string(response.status);
  const json* problems = nullptr;
  if (body.is_object()) {
    const auto it = body.find("errors");
    if (it != body.end() && it->is_array() && !it->empty() && (*it)[0].is_object()) problems = &*it;
  }
  if (problems && !success) {
    const json& first = (*problems)[0];
    bool known = false;
    const std::string code = text_of(first, "code");
    const ErrorKind kind = kind_of_code(code, known);
    if (known) error.kind = kind;
    if (!code.empty()) error.code = code;
    error.field = text_of(first, "field");
    for (const auto& problem : *problems) {
      if (!problem.is_object()) continue;
      std::string message = text_of(problem, "message");
      const std::string reason = text_of(problem, "reason");
      if (!reason.empty() && message.find(reason) == std::string::npos) message += (message.empty() ? "" : " ") + ("(" + reason + ")");
      if (message.empty()) continue;
      if (!error.message.empty()) error.message += "; ";
      error.message += message;
    }
  } else if (body.is_object() && body.contains("Message") && body["Message"].is_string()) {
    error.message = body["Message"].get<std::string>();  // a payref-server path outside the families, or a proxy in between
  }
  if (error.message.empty())
    error.message = success ? "HTTP " + std::to_string(response.status) + " without a JSON answer"
                            : "HTTP " + std::to_string(response.status) + " without a billing error body";
  return error;
}

}  // namespace payref::client::billing
