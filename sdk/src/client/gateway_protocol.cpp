// Building gateway requests and reading its answers (docs/gateway.md "Wire conventions").
#include <nlohmann/json.hpp>

#include "payref/client/gateway.hpp"

namespace payref::client::gateway {

namespace {

using nlohmann::json;

std::string scalar_text(const json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

// Dotted query parameters of an object: {"Request":{"Email":"a"}} → Request.Email=a.
bool flatten(const json& value, const std::string& prefix, std::string& query) {
  if (value.is_object()) {
    for (const auto& [k, v] : value.items())
      if (!flatten(v, prefix.empty() ? k : prefix + "." + k, query)) return false;
    return true;
  }
  if (value.is_array()) return false;
  if (value.is_null()) return true;
  if (!query.empty()) query += '&';
  query += url_encode(prefix) + "=" + url_encode(scalar_text(value));
  return true;
}

ErrorKind kind_of_code(std::string_view code) {
  if (code == "05") return ErrorKind::validation;
  if (code == "10") return ErrorKind::not_found;
  if (code == "20") return ErrorKind::authentication;
  if (code == "30" || code == "40" || code == "41") return ErrorKind::conflict;
  if (code.size() == 2 && code[0] == '5') return ErrorKind::declined;
  return ErrorKind::server;
}

// "Request.Card.CardNumber: invalid (card.luhn_failed)" → "Request.Card.CardNumber".
std::string field_of(const std::string& description) {
  const auto colon = description.find(": ");
  if (colon == std::string::npos || description.rfind("Request", 0) != 0) return {};
  return description.substr(0, colon);
}

}  // namespace

Result<HttpRequest> build_request(const Call& call, const Credentials& credentials) {
  if (!call.operation) return Status::invalid("client.unknown_operation", "operation", "no such gateway operation");
  const Operation& op = *call.operation;
  json request;
  if (!call.request_json.empty()) {
    request = json::parse(call.request_json, nullptr, false);
    if (request.is_discarded() || !(request.is_object() || request.is_null()))
      return Status::invalid("client.request_not_object", "Request", "the request must be a JSON object");
  }
  // client/register is the one call without the envelope: its fields sit at the top level.
  // client/update carries `Updates` beside Authentication, not a Request (api-notes "Global wire
  // conventions").
  json body;
  if (op.name == "clients.register") body = request.is_null() ? json::object() : request;
  else {
    body = {{"Authentication", {{"Id", credentials.id}, {"Key", credentials.key}}}};
    if (op.name == "clients.update" && request.is_object() && request.contains("Updates")) body["Updates"] = request["Updates"];
    else if (!request.is_null()) body["Request"] = request;
  }
  std::string path(op.path);
  if (const auto mark = path.find("{}"); mark != std::string::npos) {
    if (call.path_param.empty()) return Status::invalid("client.path_parameter_missing", "path", "this operation needs a path parameter");
    path.replace(mark, 2, url_encode(call.path_param));
  }
  HttpRequest out;
  out.headers.push_back({"Accept", "application/json"});
  if (op.method == Method::get) {
    std::string query;
    if (!flatten(body, "", query))
      return Status::invalid("client.array_in_query", "Request", "a GET-only call cannot carry lists in its query string");
    out.method = "GET";
    out.path = query.empty() ? path : path + "?" + query;
  } else {
    out.method = "POST";
    out.path = path;
    out.body = body.dump();
    out.headers.push_back({"Content-Type", "application/json"});
  }
  if (op.money_moving && !call.idempotency_key.empty()) out.headers.push_back({"Idempotency-Key", call.idempotency_key});
  return out;
}

std::variant<std::string, ApiError> parse_response(const Operation& /*operation*/, const HttpResponse& response) {
  ApiError error;
  error.family = "gateway";
  error.http_status = response.status;
  const json body = json::parse(response.body, nullptr, false);
  const bool envelope = body.is_object() && body.contains("Message") && body["Message"].is_object();
  if (envelope) {
    const auto& message = body["Message"];
    const std::string code = message.contains("Code") && message["Code"].is_string() ? message["Code"].get<std::string>() : "";
    if (code == "00" && response.status >= 200 && response.status < 300)
      return body.contains("Response") ? body["Response"].dump() : std::string("null");
    error.code = code;
    error.message = message.contains("Description") && message["Description"].is_string() ? message["Description"].get<std::string>() : "";
    error.kind = code.empty() ? kind_of_status(response.status) : kind_of_code(code);
    error.field = field_of(error.message);
    return error;
  }
  // HTTP-level answers: {"Message": "...", "ModelState": {...}} or anything else.
  error.kind = response.status >= 200 && response.status < 300 ? ErrorKind::server : kind_of_status(response.status);
  error.code = std::to_string(response.status);
  if (body.is_object() && body.contains("Message") && body["Message"].is_string()) error.message = body["Message"].get<std::string>();
  if (body.is_object() && body.contains("ModelState") && body["ModelState"].is_object() && !body["ModelState"].empty()) {
    const auto first = body["ModelState"].begin();
    error.field = first.key();
    if (first->is_array() && !first->empty() && (*first)[0].is_string()) error.message += " " + first.key() + ": " + (*first)[0].get<std::string>();
  }
  if (error.message.empty()) error.message = "HTTP " + std::to_string(response.status) + " without a gateway answer";
  return error;
}

}  // namespace payref::client::gateway
