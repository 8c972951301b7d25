#include "client_exchange.hpp"

#include <boost/test/unit_test.hpp>

namespace payref_test {

using payref::client::ApiError;
using payref::client::HttpRequest;
using payref::client::HttpResponse;

HttpResponse send(const ServerProcess& server, const HttpRequest& request) {
  auto c = server.client();
  httplib::Headers headers;
  std::string content_type = "application/json";
  for (const auto& [k, v] : request.headers)
    if (k == "Content-Type") content_type = v;
    else headers.emplace(k, v);
  const auto exchange = [&]() -> httplib::Result {
    if (request.method == "GET") return c->Get(request.path, headers);
    if (request.method == "PUT") return c->Put(request.path, headers, request.body, content_type);
    if (request.method == "DELETE") return c->Delete(request.path, headers);
    BOOST_TEST_REQUIRE(request.method == "POST", "unexpected method " << request.method);
    return c->Post(request.path, headers, request.body, content_type);
  };
  const auto result = exchange();
  return result ? HttpResponse{result->status, result->body} : HttpResponse{0, ""};
}

std::string describe(const std::variant<std::string, ApiError>& parsed) {
  if (const auto* text = std::get_if<std::string>(&parsed)) return "answer " + *text;
  const auto& e = std::get<ApiError>(parsed);
  return "error " + std::string(to_string(e.kind)) + " " + e.code + ": " + e.message;
}

}  // namespace payref_test
