// Building CMS requests and reading its answers (docs/cms.md "Wire conventions", "Errors").
#include <nlohmann/json.hpp>

#include "payref/client/cms.hpp"

namespace payref::client::cms {

namespace {

using nlohmann::json;

constexpr std::string_view kExpiredTokenId = "5000";

// docs/cms.md "Errors": the ErrorIds payref-server (and EVO) answer.
bool kind_of_error_id(std::string_view id, ErrorKind& kind) {
  if (id == "0" || id == "530") kind = ErrorKind::validation;
  else if (id == "5005" || id == kExpiredTokenId) kind = ErrorKind::authentication;
  else if (id == "510") kind = ErrorKind::not_found;
  else if (id == "520" || id == "521") kind = ErrorKind::conflict;
  else if (id == "9999") kind = ErrorKind::server;
  else return false;
  return true;
}

std::string text_of(const json& object, const char* key) {
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// A failed answer: an ErrorResponse when there is one, else the HTTP status alone.
ApiError error_of(const HttpResponse& response, const json& body) {
  ApiError error;
  error.family = "cms";
  error.http_status = response.status;
  const bool success = response.status >= 200 && response.status < 300;
  error.kind = success ? ErrorKind::server : kind_of_status(response.status);
  error.code = std::to_string(response.status);
  const bool error_response = body.is_object() && body.contains("ErrorId") && body["ErrorId"].is_number_integer();
  if (error_response) {
    error.code = std::to_string(body["ErrorId"].get<std::int64_t>());
    ErrorKind kind;
    if (kind_of_error_id(error.code, kind)) error.kind = kind;
    if (const auto it = body.find("Messages"); it != body.end() && it->is_array())
      for (const auto& m : *it)
        if (m.is_string()) error.message += (error.message.empty() ? "" : "; ") + m.get<std::string>();
    if (const auto it = body.find("ValidationErrors"); it != body.end() && it->is_array() && !it->empty() && (*it)[0].is_object())
      error.field = text_of((*it)[0], "RuleKey");
    if (error.message.empty()) error.message = text_of(body, "Reason");
  } else if (body.is_object() && body.contains("Message") && body["Message"].is_string()) {
    error.message = body["Message"].get<std::string>();  // a payref-server path outside the families, or a proxy in between
  }
  if (error.message.empty())
    error.message = "HTTP " + std::to_string(response.status) + (success ? " with an answer that is not CMS's" : " without a CMS ErrorResponse");
  return error;
}

Status not_object() { return Status::invalid("client.request_not_object", "request", "the request must be a JSON object"); }

}  // namespace

HttpRequest build_sign_on(std::string_view identity_token) {
  HttpRequest out;
  out.method = "GET";
  out.path = std::string(kSignOnPath);
  out.headers.push_back({"Accept", "application/json"});
  out.headers.push_back({"Authorization", basic_authorization(identity_token, "")});
  return out;
}

std::variant<std::string, ApiError> parse_sign_on(const HttpResponse& response) {
  const json body = json::parse(response.body, nullptr, false);
  if (response.status == 200 && body.is_string() && !body.get<std::string>().empty()) return body.get<std::string>();
  return error_of(response, body);
}

Result<HttpRequest> build_request(const Call& call, const Session& session) {
  if (!call.operation) return Status::invalid("client.unknown_operation", "operation", "no such CMS operation");
  const Operation& op = *call.operation;
  json request;  // null: none
  if (!call.request_json.empty()) {
    request = json::parse(call.request_json, nullptr, false);
    if (request.is_discarded() || !(request.is_object() || request.is_null())) return not_object();
  }
  std::string path(op.path);
  if (const auto mark = path.find("{}"); mark != std::string::npos) {
    if (call.path_param.empty())
      return Status::invalid("client.path_parameter_missing", "SubscriptionReferenceId", "this operation needs the subscription's id");
    path.replace(mark, 2, url_encode(call.path_param));
  }
  HttpRequest out;
  out.method = std::string(method_name(op.method));
  out.headers.push_back({"Accept", "application/json"});
  out.headers.push_back({"Authorization", basic_authorization(session.token, "")});
  const bool names_profile = request.is_object() && request.contains("MerchantProfileId");
  if (op.input == Input::body) {
    std::string body = request.is_null() ? std::string("{}") : call.request_json;
    if (!names_profile && !session.merchant_profile_id.empty()) {
      // Spliced in after the opening brace, so the caller's text (and its amounts) stays as sent.
      const std::string member = "\"MerchantProfileId\":" + json(session.merchant_profile_id).dump(-1, ' ', false, json::error_handler_t::replace);
      const auto brace = body.find('{');
      const bool empty_object = request.is_null() || request.empty();
      body.insert(brace + 1, empty_object ? member : member + ",");
    }
    out.body = std::move(body);
    out.headers.push_back({"Content-Type", "application/json"});
  } else {
    std::string profile = session.merchant_profile_id;
    if (names_profile) {
      const json& named = request["MerchantProfileId"];
      if (!named.is_string())
        return Status::invalid("client.not_a_string", "MerchantProfileId", "MerchantProfileId must be a string");
      profile = named.get<std::string>();
    }
    std::string query;
    if (!profile.empty()) query = "merchantProfileId=" + url_encode(profile);
    if (op.method == Method::get) query += std::string(query.empty() ? "" : "&") + "scope=MerchantProfileId";
    if (!query.empty()) path += "?" + query;
  }
  out.path = std::move(path);
  return out;
}

std::variant<std::string, ApiError> parse_response(const Operation& operation, const HttpResponse& response) {
  const bool success = response.status >= 200 && response.status < 300;
  if (success && operation.answer == Answer::empty && response.body.find_first_not_of(" \t\r\n") == std::string::npos)
    return std::string("null");
  const json body = json::parse(response.body, nullptr, false);
  if (!success || body.is_discarded()) return error_of(response, body);
  if (operation.answer == Answer::invoice) {
    if (!body.is_object()) return error_of(response, body);
    const std::string status = text_of(body, "Status");
    if (status != "Successful") {
      ApiError error;
      error.family = "cms";
      error.http_status = response.status;
      error.code = text_of(body, "StatusCode");
      error.kind = error.code == "2" ? ErrorKind::declined : ErrorKind::server;
      error.message = text_of(body, "StatusMessage");
      if (error.message.empty()) error.message = "the invoice was not successful (" + status + ")";
      return error;
    }
  }
  return response.body;
}

bool session_expired(const ApiError& error) { return error.family == "cms" && error.code == kExpiredTokenId; }

}  // namespace payref::client::cms
