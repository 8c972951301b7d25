// The billing family's client protocol (seed 001, docs/billing.md): the customers resource's four
// operations, HTTP Basic with the merchant's service user, JSON in and out, and the family's
// {"errors":[{code, field, reason, message}]} body → error kinds (docs/client-billing.md).
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <variant>

#include "payref/client/http.hpp"
#include "payref/client/operation_table.hpp"
#include "payref/status.hpp"

namespace payref::client::billing {

using Method = HttpMethod;  // method_name() in operation_table.hpp

// What a call's request object becomes on the wire.
enum class Input {
  body,   // the JSON body (create, modify)
  query,  // name=value query parameters (find)
  none,   // nothing: the call takes only the path's id (load)
};

struct Operation {
  std::string_view name;  // "customers.create": resource.action, as the npm client names it
  Method method;
  std::string_view path;  // "/api/v01/customers/{}"; "{}" marks the customer id
  Input input;
};

std::span<const Operation> operations();
const Operation* find_operation(std::string_view name);

// The service user (a name starting with "api-" and its password).
struct Credentials {
  std::string username, password;
};

struct Call {
  const Operation* operation = nullptr;
  // The request object as JSON text ("" or "null": none). A body is sent byte for byte as given;
  // find's members become query parameters (scalars only).
  std::string request_json;
  std::string path_param;  // the customer id of load and modify
};

// The HTTP request of a call: Authorization Basic, Accept application/json, Content-Type
// application/json for a body. Fails (invalid_argument) with client.unknown_operation,
// client.request_not_object, client.path_parameter_missing, client.nested_in_query (find with an
// object or array value) or client.request_not_taken (load given a non-empty request).
Result<HttpRequest> build_request(const Call& call, const Credentials& credentials);

// A 2xx JSON answer → its text (a Customer object, or find's array). Anything else → the error:
// the first problem's code decides (validation_error, method_not_allowed, unsupported_media_type
// → validation; unauthorized → authentication; not_found → not_found; duplicate → conflict;
// internal_error → server), else the HTTP status (400/405/413/414/415 validation, 401/403
// authentication, 404 not found, 409 conflict, 5xx and anything unreadable server). `code` is the
// problem's code, `field` its field, `message` every problem's message joined by "; ".
std::variant<std::string, ApiError> parse_response(const Operation& operation, const HttpResponse& response);

}  // namespace payref::client::billing
