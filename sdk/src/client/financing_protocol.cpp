// Building financing requests and reading its answers (docs/financing.md "Wire conventions",
// "Errors"; docs/client-financing.md).
#include <nlohmann/json.hpp>

#include "payref/client/financing.hpp"

namespace payref::client::financing {

namespace {

using nlohmann::json;

// Pairs are percent-encoded with client::url_encode (http.hpp): valid in a query string and in an
// application/x-www-form-urlencoded body alike.
void add_pair(std::string& out, std::string_view key, std::string_view value) {
  if (!out.empty()) out += '&';
  out += url_encode(key);
  out += '=';
  out += url_encode(value);
}

// The family's error codes and their kinds (one table: docs/client-financing.md "Errors").
struct CodeKind {
  std::string_view code;
  ErrorKind kind;
};
constexpr CodeKind kCodeKinds[] = {
    // the caller's credentials or token
    {"invalid_client", ErrorKind::authentication},
    {"invalid_grant", ErrorKind::authentication},
    {"invalid_token", ErrorKind::authentication},
    {"insufficient_scope", ErrorKind::authentication},
    // malformed input: fix the request
    {"invalid_request", ErrorKind::validation},
    {"invalid_role", ErrorKind::validation},
    {"wrong_inputs", ErrorKind::validation},
    {"plan_term_not_set", ErrorKind::validation},
    {"invalid_transaction_type", ErrorKind::validation},
    {"verification_code_required", ErrorKind::validation},
    {"not_found", ErrorKind::not_found},
    // the lender refuses this customer or this purchase: offer another way to pay
    {"credit_exceeded", ErrorKind::declined},
    {"user_not_able_to_purchase", ErrorKind::declined},
    {"user_not_active", ErrorKind::declined},
    {"secret_answer_mismatch", ErrorKind::declined},
    {"tries_exceed", ErrorKind::declined},
    {"not_verified", ErrorKind::declined},
    {"wrong_verification_code", ErrorKind::declined},
    {"vcc_account_mismatch", ErrorKind::declined},
    // a valid call in the wrong state, or against a merchant or account setting
    {"authorization_ended", ErrorKind::conflict},
    {"auth_amount_exceeded", ErrorKind::conflict},
    {"capture_amount_exceeded", ErrorKind::conflict},
    {"return_date_exceeded", ErrorKind::conflict},
    {"wrong_transaction_type", ErrorKind::conflict},
    {"limit_payment_amount_24", ErrorKind::conflict},
    {"auth_not_allowed", ErrorKind::conflict},
    {"plan_term_not_available", ErrorKind::conflict},
    {"sms_not_valid_phone", ErrorKind::conflict},
    {"regular_purchase_bypass_is_not_allowed", ErrorKind::conflict},
    {"merchant_override_is_not_allowed", ErrorKind::conflict},
    // the server failed
    {"general_error", ErrorKind::server},
};

std::string text_member(const json& body, const char* name) {
  return body.contains(name) && body[name].is_string() ? body[name].get<std::string>() : std::string();
}

// The family's refusal shape → ApiError. Field error values are never copied (they may be a VCC
// number or a licence code).
ApiError error_of(const HttpResponse& response, const json& body) {
  ApiError error;
  error.family = "financing";
  error.http_status = response.status;
  if (body.is_object() && body.contains("error") && body["error"].is_string()) {
    error.code = body["error"].get<std::string>();
    error.message = text_member(body, "message");
    if (error.message.empty()) error.message = text_member(body, "error_description");
    if (body.contains("field_errors") && body["field_errors"].is_array()) {
      std::string details;
      for (const auto& f : body["field_errors"]) {
        if (!f.is_object()) continue;
        const std::string param = text_member(f, "param"), msg = text_member(f, "msg");
        if (error.field.empty()) error.field = param;
        if (!details.empty()) details += "; ";
        details += param + ": " + msg;
      }
      if (!details.empty()) error.message += (error.message.empty() ? "" : " ") + details;
    }
    error.kind = response.status >= 200 && response.status < 300 ? ErrorKind::server : error_kind_of(error.code, response.status);
  } else {
    error.code = std::to_string(response.status);
    error.kind = response.status >= 200 && response.status < 300 ? ErrorKind::server : kind_of_status(response.status);
  }
  if (error.message.empty()) error.message = "HTTP " + std::to_string(response.status) + " without a financing answer";
  return error;
}

}  // namespace

std::string_view to_string(TokenAction action) {
  switch (action) {
    case TokenAction::use: return "use";
    case TokenAction::refresh: return "refresh";
    case TokenAction::fetch: return "fetch";
  }
  return "fetch";
}

ErrorKind error_kind_of(std::string_view error, int http_status) {
  for (const auto& [code, kind] : kCodeKinds)
    if (code == error) return kind;
  return kind_of_status(http_status);
}

bool should_reauthenticate(const ApiError& error) { return error.http_status == 401 && error.code == "invalid_token"; }

HttpRequest build_token_request(const Credentials& credentials, std::string_view refresh_token) {
  std::string form;
  if (refresh_token.empty()) {
    add_pair(form, "grant_type", "client_credentials");
  } else {
    add_pair(form, "grant_type", "refresh_token");
    add_pair(form, "refresh_token", refresh_token);
  }
  add_pair(form, "client_id", credentials.client_id);
  add_pair(form, "client_secret", credentials.client_secret);
  if (refresh_token.empty()) add_pair(form, "scope", credentials.scope.empty() ? "merchant" : credentials.scope);
  HttpRequest out;
  out.method = "POST";
  out.path = std::string(kBasePath) + std::string(kTokenPath);
  out.headers = {{"Accept", "application/json"}, {"Content-Type", "application/x-www-form-urlencoded"}};
  out.body = std::move(form);
  return out;
}

std::variant<Token, ApiError> parse_token_response(const HttpResponse& response, double now_ms) {
  const json body = json::parse(response.body, nullptr, false);
  if (response.status == 200 && body.is_object() && body.contains("access_token") && body["access_token"].is_string() &&
      !body["access_token"].get<std::string>().empty() && body.contains("expires_in") && body["expires_in"].is_number_integer()) {
    Token token;
    token.access_token = body["access_token"].get<std::string>();
    token.refresh_token = text_member(body, "refresh_token");
    token.scope = text_member(body, "scope");
    token.expires_in = body["expires_in"].get<std::int64_t>();
    token.expires_at_ms = now_ms + static_cast<double>(token.expires_in) * 1000.0;
    return token;
  }
  ApiError error = error_of(response, body);
  if (response.status == 200) error.message = "the token answer has no access_token or expires_in";
  return error;
}

TokenAction token_action(std::string_view access_token, double expires_at_ms, double now_ms) {
  if (access_token.empty() || !(now_ms < expires_at_ms)) return TokenAction::fetch;
  if (expires_at_ms - now_ms <= kRefreshMarginMs) return TokenAction::refresh;
  return TokenAction::use;
}

Result<HttpRequest> build_request(const Call& call, std::string_view client_id, std::string_view access_token) {
  if (!call.operation) return Status::invalid("client.unknown_operation", "operation", "no such financing operation");
  const Operation& op = *call.operation;
  if (client_id.empty() || access_token.empty())
    return Status::invalid("client.credentials_missing", "client_id", "a financing call needs the client_id and an access token");
  json request = json::object();
  if (!call.request_json.empty()) {
    request = json::parse(call.request_json, nullptr, false);
    if (request.is_null()) request = json::object();
    if (request.is_discarded() || !request.is_object())
      return Status::invalid("client.request_not_object", "request", "the request must be a JSON object");
  }
  const std::size_t wanted = path_parameter_count(op);
  if (call.path_params.size() > wanted)
    return Status::invalid("client.path_parameter_extra", "path", "this operation takes " + std::to_string(wanted) + " path parameter(s)");
  std::string path = std::string(kBasePath) + std::string(kClientPath) + url_encode(client_id);
  std::size_t used = 0;
  for (std::size_t from = 0;;) {
    const auto mark = op.path.find("{}", from);
    path += op.path.substr(from, mark == std::string_view::npos ? std::string_view::npos : mark - from);
    if (mark == std::string_view::npos) break;
    if (used >= call.path_params.size() || call.path_params[used].empty())
      return Status::invalid("client.path_parameter_missing", "path", "this operation needs " + std::to_string(wanted) + " path parameter(s)");
    path += url_encode(call.path_params[used++]);
    from = mark + 2;
  }
  HttpRequest out;
  out.headers = {{"Accept", "application/json"}, {"Authorization", "Bearer " + std::string(access_token)}};
  if (op.method == Method::get) {
    std::string query;
    for (const auto& [k, v] : request.items()) {
      if (v.is_object() || v.is_array())
        return Status::invalid("client.object_in_query", k, "a GET call carries only text, numbers and booleans in its query string");
      if (v.is_null()) continue;
      add_pair(query, k, v.is_string() ? v.get<std::string>() : v.dump());
    }
    out.method = "GET";
    out.path = query.empty() ? path : path + "?" + query;
  } else {
    out.method = "POST";
    out.path = std::move(path);
    out.body = request.dump();
    out.headers.push_back({"Content-Type", "application/json"});
  }
  return out;
}

std::variant<std::string, ApiError> parse_response(const Operation& /*operation*/, const HttpResponse& response) {
  const json body = json::parse(response.body, nullptr, false);
  if (response.status >= 200 && response.status < 300 && !body.is_discarded() && !(body.is_object() && body.contains("error") && body.contains("url")))
    return body.dump();
  return error_of(response, body);
}

}  // namespace payref::client::financing
