// The gateway family's client protocol (seed 000, docs/gateway.md): every operation's method and
// path, the {Authentication, Request} envelope, and Message.Code → error kinds. The server's
// route table takes its paths from the same list, so client and server cannot drift apart.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>

#include "payref/client/http.hpp"
#include "payref/status.hpp"

namespace payref::client::gateway {

enum class Method { post, get, get_and_post };  // get_and_post: a GET with its documented POST twin

struct Operation {
  std::string_view name;  // "payments.charge": resource.action, as the npm client names it
  Method method;
  std::string_view path;  // "/api/v1/payments/creditcard/charge"; "{}" marks the path parameter
  bool money_moving;      // takes an Idempotency-Key
};

std::span<const Operation> operations();
const Operation* find_operation(std::string_view name);

struct Credentials {
  std::string id, key;
};

struct Call {
  const Operation* operation = nullptr;
  // The Request object as JSON text ("" or "null": none, for calls that carry only Authentication).
  std::string request_json;
  std::string path_param;       // {email}, {softwareId}, {sku}, {bundleID}
  std::string idempotency_key;  // money-moving calls; "" for none
};

// The HTTP request of a call. A GET-only operation carries its fields as dotted query parameters
// (Authentication.Id=...&Request.Email=...), the form payref-server and ASP.NET both read; a GET
// with a POST twin is sent as the POST. Fails (invalid_argument) when request_json is not a JSON
// object or a GET-only call's Request holds arrays.
Result<HttpRequest> build_request(const Call& call, const Credentials& credentials);

// Message.Code "00" → the Response member as JSON text ("null" when absent); anything else →
// the error: 05 validation, 10 not found, 20 authentication, 30/40/41 conflict, 51–55 declined,
// 91/96 server; HTTP 400 (ModelState) validation, 404 not found, 405/413 validation, 5xx server.
std::variant<std::string, ApiError> parse_response(const Operation& operation, const HttpResponse& response);

}  // namespace payref::client::gateway
