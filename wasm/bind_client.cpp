// The API client's protocol for JS (npm/src/client-core.mjs): requests built and answers read by
// sdk/client; JS only moves the bytes with fetch (DESIGN.md "Data flow"). Strings in, plain JS
// objects out; JSON crosses as text, so the client module carries nlohmann/json and the
// validation module does not.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>

#include "payref/client/gateway.hpp"
#include "payref/discount.hpp"

using emscripten::val;

namespace payref::wasm {
namespace {

namespace gw = payref::client::gateway;

const char* method_name(gw::Method m) { return m == gw::Method::post ? "POST" : m == gw::Method::get ? "GET" : "GET+POST"; }

val gateway_operations() {
  auto list = val::array();
  for (const auto& op : gw::operations()) {
    auto o = val::object();
    o.set("name", std::string(op.name));
    o.set("method", std::string(method_name(op.method)));
    o.set("path", std::string(op.path));
    o.set("moneyMoving", op.money_moving);
    list.call<void>("push", o);
  }
  return list;
}

val gateway_build(const std::string& name, const std::string& id, const std::string& key, const std::string& request_json,
                  const std::string& path_param, const std::string& idempotency_key) {
  const auto built = gw::build_request({gw::find_operation(name), request_json, path_param, idempotency_key}, {id, key});
  auto out = val::object();
  out.set("ok", built.is_ok());
  if (!built.is_ok()) {
    out.set("reason", built.status().reason());
    out.set("field", built.status().field());
    out.set("message", built.status().message());
    return out;
  }
  out.set("method", built->method);
  out.set("path", built->path);
  out.set("body", built->body);
  auto headers = val::array();
  for (const auto& [k, v] : built->headers) {
    auto pair = val::array();
    pair.call<void>("push", k);
    pair.call<void>("push", v);
    headers.call<void>("push", pair);
  }
  out.set("headers", headers);
  return out;
}

val gateway_parse(const std::string& name, int status, const std::string& body) {
  auto out = val::object();
  const gw::Operation* op = gw::find_operation(name);
  if (!op) {
    out.set("ok", false);
    out.set("kind", std::string("validation"));
    out.set("message", "no gateway operation " + name);
    return out;
  }
  const auto parsed = gw::parse_response(*op, {status, body});
  if (const auto* response = std::get_if<std::string>(&parsed)) {
    out.set("ok", true);
    out.set("response", *response);
    return out;
  }
  const auto& e = std::get<client::ApiError>(parsed);
  out.set("ok", false);
  out.set("kind", std::string(client::to_string(e.kind)));
  out.set("family", e.family);
  out.set("httpStatus", e.http_status);
  out.set("code", e.code);
  out.set("message", e.message);
  out.set("field", e.field);
  return out;
}

// The discount-code syntax rule of sdk/discount, checked before the server is asked.
val validate_discount_code(const std::string& code) {
  const auto v = ::payref::validate_discount_code(code);
  auto out = val::object();
  out.set("isValid", v.is_valid);
  out.set("reason", v.is_valid ? val::null() : val(std::string(v.reason)));
  return out;
}

}  // namespace
}  // namespace payref::wasm

EMSCRIPTEN_BINDINGS(payref_client) {
  emscripten::function("validateDiscountCode", &payref::wasm::validate_discount_code);
  emscripten::function("gatewayOperations", &payref::wasm::gateway_operations);
  emscripten::function("gatewayBuild", &payref::wasm::gateway_build);
  emscripten::function("gatewayParse", &payref::wasm::gateway_parse);
}
