// The API client's view of HTTP (DESIGN.md "Data flow"): the core builds requests and parses
// responses; the caller moves the bytes (JS fetch in the browser, cpp-httplib natively). No I/O
// here.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace payref::client {

struct HttpRequest {
  std::string method;  // "GET", "POST", "PUT"
  std::string path;    // with the query string, e.g. "/api/v1/packages/purchased?Request.Email=..."
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;  // empty for GET

  // The value of the header named exactly `name`, or "" when there is none.
  std::string header(std::string_view name) const {
    for (const auto& [key, value] : headers)
      if (key == name) return value;
    return {};
  }
};

struct HttpResponse {
  int status = 0;
  std::string body;
};

// The kinds of failure a caller handles differently (one error class each in the npm package).
enum class ErrorKind {
  validation,      // the request is malformed or a field is invalid (fix the input)
  declined,        // the processor declined the payment
  authentication,  // credentials missing, wrong or expired
  not_found,       // no such customer, transaction, ...
  conflict,        // valid, but not in this state: duplicate reference, already refunded, ...
  network,         // no answer (set by the transport, never by parse)
  server,          // the server or the simulated processor failed; retrying may help
};
std::string_view to_string(ErrorKind kind);

// The kind an HTTP status means when the family's body says nothing more precise: 401/403
// authentication, 404 not found, 409 conflict, other 4xx validation, anything else server.
ErrorKind kind_of_status(int http_status);

// "Basic base64(user:password)" (RFC 7617; standard base64 with padding): the Authorization value
// of the families that authenticate with HTTP Basic (billing's service user, CMS tokens).
std::string basic_authorization(std::string_view user, std::string_view password);

// Percent-encoding for paths and query strings: RFC 3986 unreserved characters stay, every other
// byte (UTF-8 included) becomes %XX.
std::string url_encode(std::string_view text);

struct ApiError {
  ErrorKind kind = ErrorKind::server;
  std::string family;   // "gateway", "billing", "cms", "financing"
  int http_status = 0;
  std::string code;     // the family's own code: Message.Code "51", financing "credit_exceeded", ...
  std::string message;  // the server's description
  std::string field;    // the field concerned, when known ("Request.Card.CardNumber")
};

}  // namespace payref::client
