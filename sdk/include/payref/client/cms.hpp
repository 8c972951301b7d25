// The CMS subscriptions family's client protocol (seed 002, docs/cms.md): sign-on with the
// identity token, the seven subscription operations sent with the session token, and the
// ErrorResponse {ErrorId, Messages, Reason, ValidationErrors} → error kinds
// (docs/client-cms.md). Whether an answer is the expired-session fault is decided here too; the
// caller (npm/src/client-cms.mjs) only acts on it: sign on again once, then retry.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <variant>

#include "payref/client/http.hpp"
#include "payref/client/operation_table.hpp"
#include "payref/status.hpp"

namespace payref::client::cms {

using Method = HttpMethod;  // method_name() in operation_table.hpp

// What a call's request object becomes on the wire.
enum class Input {
  body,     // the JSON body (create, query, update, updateState)
  profile,  // ?merchantProfileId=... from the request's MerchantProfileId (get, invoice, delete)
};

// What a successful answer holds.
enum class Answer {
  json,     // a JSON value: create's id string, get's SubscriptionDetail, query's page
  empty,    // HTTP 200 with no body (update, updateState, delete) → "null"
  invoice,  // the invoice result; Status "Failure" becomes a declined (StatusCode 2) or server error
};

struct Operation {
  std::string_view name;     // "subscriptions.create": resource.action, as the npm client names it
  std::string_view wire;     // "CreateSubscription": the seed's operation name
  Method method;
  std::string_view path;     // "/2.1.28/REST/DataServices/CMS.svc/Subscriptions/{}/state"; "{}": the id
  Input input;
  Answer answer;
};

inline constexpr std::string_view kSignOnPath = "/2.1.28/REST/SIS.svc/token";

std::span<const Operation> operations();
const Operation* find_operation(std::string_view name);

// The session a call is sent with: the token sign-on returned, and the merchant profile to name
// when the request does not ("" for none).
struct Session {
  std::string token;
  std::string merchant_profile_id;
};

struct Call {
  const Operation* operation = nullptr;
  // The request object as JSON text ("" or "null": none). A body is sent as given, with
  // "MerchantProfileId" added in front when it is missing and the session names one (the core
  // never re-prints the caller's amounts). For get, invoice and delete only MerchantProfileId
  // is read (→ ?merchantProfileId=); get also sends scope=MerchantProfileId.
  std::string request_json;
  std::string path_param;  // the SubscriptionReferenceId
};

// GET /2.1.28/REST/SIS.svc/token with Authorization Basic base64(identityToken:).
HttpRequest build_sign_on(std::string_view identity_token);
// 200 with a JSON string → the session token; anything else → the error (as parse_response).
std::variant<std::string, ApiError> parse_sign_on(const HttpResponse& response);

// The HTTP request of a call with Authorization Basic base64(sessionToken:). Fails
// (invalid_argument) with client.unknown_operation, client.request_not_object or
// client.path_parameter_missing.
Result<HttpRequest> build_request(const Call& call, const Session& session);

// A successful answer → JSON text (see Answer). An ErrorResponse → the error by ErrorId: 0 and
// 530 validation, 5005 and 5000 authentication, 510 not found, 520 and 521 conflict, 9999 server;
// another ErrorId or no ErrorResponse → by HTTP status (400/405/413/415 validation, 401/403
// authentication, 404 not found, 409 conflict, else server). `code` is the ErrorId as text,
// `field` the first ValidationErrors' RuleKey, `message` the Messages joined by "; ".
std::variant<std::string, ApiError> parse_response(const Operation& operation, const HttpResponse& response);

// True for the fault that a fresh sign-on cures: ErrorId 5000, "Expired Token" (the session's 30
// minutes on the server's clock are over). Not for 5005: an unknown token stays unknown.
bool session_expired(const ApiError& error);

}  // namespace payref::client::cms
