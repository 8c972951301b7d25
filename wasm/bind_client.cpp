// The API client's protocol for JS (npm/src/client-core.mjs): requests built and answers read by
// sdk/client; JS only moves the bytes with fetch (DESIGN.md "Data flow"). Strings in, plain JS
// objects out; JSON crosses as text, so the client module carries nlohmann/json and the
// validation module does not.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>

#include "client_values.hpp"
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
  return built.is_ok() ? request_value(*built) : refusal_value(built.status());
}

val gateway_parse(const std::string& name, int status, const std::string& body) {
  const gw::Operation* op = gw::find_operation(name);
  if (!op) {
    auto out = val::object();
    out.set("ok", false);
    out.set("kind", std::string("validation"));
    out.set("message", "no gateway operation " + name);
    return out;
  }
  return answer_value(gw::parse_response(*op, {status, body}));
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
