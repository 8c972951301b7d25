// The financing family's client protocol (seed 003, Flexiti POS API v2.5, docs/financing.md):
// every operation's method and path, the OAuth token requests and answers, the token policy
// (when to fetch, refresh or re-authenticate), bearer calls under /client-id/{client_id}/, and
// the {url, message, error, field_errors} refusals → error kinds. No I/O and no clock: callers
// pass "now" (docs/client-financing.md).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "payref/client/http.hpp"
#include "payref/client/operation_table.hpp"
#include "payref/status.hpp"

namespace payref::client::financing {

// Where the family lives on a server (docs/financing.md "Wire conventions").
inline constexpr std::string_view kBasePath = "/flexiti/pos-api/v2.5";
// The OAuth2 token endpoint, under kBasePath (POST, a form body).
inline constexpr std::string_view kTokenPath = "/oauth/token";
// Where the operations' paths start, under kBasePath: "/client-id/{client_id}".
inline constexpr std::string_view kClientPath = "/client-id/";

using Method = HttpMethod;  // method_name() in operation_table.hpp

struct Operation {
  std::string_view name;  // "authorizations.capture": resource.action, as the npm client names it
  Method method;
  // After /client-id/{client_id}; each "{}" is a path parameter, filled in order:
  // "/authorization/{}/capture/{}/return" takes the authorization id, then the capture id.
  std::string_view path;
  bool merchant_only;  // needs a token with scope merchant (a customer token gets insufficient_scope)
};

std::span<const Operation> operations();
const Operation* find_operation(std::string_view name);
// How many "{}" the operation's path holds.
std::size_t path_parameter_count(const Operation& operation);

// ---- OAuth (POST /oauth/token, form-encoded) ----

struct Credentials {
  std::string client_id, client_secret;
  std::string scope = "merchant";  // "merchant" or "customer"
};

// A token the client holds. expires_at_ms is on the caller's clock (ms since the epoch).
struct Token {
  std::string access_token, refresh_token, scope;
  std::int64_t expires_in = 0;  // seconds, as the server said
  double expires_at_ms = 0;
};

// grant_type=client_credentials (refresh_token empty) or grant_type=refresh_token (the scope is
// then not sent: a refresh keeps it). Never fails; credentials are percent-encoded.
HttpRequest build_token_request(const Credentials& credentials, std::string_view refresh_token = {});

// 200 {token_type:"bearer", access_token, expires_in, refresh_token, scope} → the Token, expiring
// expires_in seconds after now_ms; anything else → the error (kinds as parse_response).
std::variant<Token, ApiError> parse_token_response(const HttpResponse& response, double now_ms);

enum class TokenAction {
  use,      // the held token is good
  refresh,  // it expires within kRefreshMarginMs: refresh_token grant (fall back to fetch if that fails)
  fetch,    // none held, or expired on the caller's clock: client_credentials grant
};
std::string_view to_string(TokenAction action);  // "use", "refresh", "fetch"
inline constexpr double kRefreshMarginMs = 60'000;
// held: a token with expires_at_ms is held ("" access token = none).
TokenAction token_action(std::string_view access_token, double expires_at_ms, double now_ms);

// ---- Calls ----

struct Call {
  const Operation* operation = nullptr;
  // The request as a JSON object text ("" = none). GET operations carry its top-level members as
  // query parameters (scalars only); POST operations send it as the body ("{}" when none).
  std::string request_json;
  std::vector<std::string> path_params;  // as many as the path's "{}"
};

// The HTTP request: {kBasePath}/client-id/{client_id}{path}, Authorization: Bearer <token>.
// invalid_argument: client.unknown_operation, client.request_not_object, client.object_in_query
// (a GET's member is an object or array), client.path_parameter_missing (too few, or empty),
// client.path_parameter_extra (too many), client.credentials_missing (no client_id or token).
Result<HttpRequest> build_request(const Call& call, std::string_view client_id, std::string_view access_token);

// 2xx with a JSON body → that body as JSON text; anything else → the error: the `error` code, the
// message (with each field error's `param: msg` appended, never its value), the first field error's
// param as the field, and the kind by error_kind_of.
std::variant<std::string, ApiError> parse_response(const Operation& operation, const HttpResponse& response);

// The family's error codes → kinds (docs/client-financing.md "Errors"): authentication for the
// OAuth/token/scope refusals; declined when the lender refuses this customer or purchase (credit,
// account status, failed verification); conflict for valid calls in the wrong state or against a
// merchant setting; validation for malformed input; unknown codes by HTTP status.
ErrorKind error_kind_of(std::string_view error, int http_status);

// The one retry the client makes: a call refused with 401 invalid_token (expired on the server's
// clock, replaced by a refresh, or dropped by a sandbox reset) is sent once more with a new token.
bool should_reauthenticate(const ApiError& error);

}  // namespace payref::client::financing
