// JS values of the client protocol's results, shared by the client bindings of every family
// (bind_client.cpp for the gateway, bind_client_<family>.cpp for the others): a built request, a
// refused build, a parsed answer. Conversions only.
#pragma once

#include <emscripten/val.h>

#include <string>
#include <variant>

#include "payref/client/http.hpp"
#include "payref/status.hpp"

namespace payref::wasm {

// {ok: true, method, path, body, headers: [[name, value], ...]}
inline emscripten::val request_value(const client::HttpRequest& request) {
  using emscripten::val;
  auto out = val::object();
  out.set("ok", true);
  out.set("method", request.method);
  out.set("path", request.path);
  out.set("body", request.body);
  auto headers = val::array();
  for (const auto& [k, v] : request.headers) {
    auto pair = val::array();
    pair.call<void>("push", k);
    pair.call<void>("push", v);
    headers.call<void>("push", pair);
  }
  out.set("headers", headers);
  return out;
}

// {ok: false, reason, field, message}: the core refused to build the request.
inline emscripten::val refusal_value(const Status& status) {
  auto out = emscripten::val::object();
  out.set("ok", false);
  out.set("reason", status.reason());
  out.set("field", status.field());
  out.set("message", status.message());
  return out;
}

// {ok: false, kind, family, httpStatus, code, message, field}
inline emscripten::val error_value(const client::ApiError& e) {
  auto out = emscripten::val::object();
  out.set("ok", false);
  out.set("kind", std::string(client::to_string(e.kind)));
  out.set("family", e.family);
  out.set("httpStatus", e.http_status);
  out.set("code", e.code);
  out.set("message", e.message);
  out.set("field", e.field);
  return out;
}

// {ok: true, response: <JSON text>} or the error.
inline emscripten::val answer_value(const std::variant<std::string, client::ApiError>& parsed) {
  if (const auto* text = std::get_if<std::string>(&parsed)) {
    auto out = emscripten::val::object();
    out.set("ok", true);
    out.set("response", *text);
    return out;
  }
  return error_value(std::get<client::ApiError>(parsed));
}

}  // namespace payref::wasm
