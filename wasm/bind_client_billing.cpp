// The billing family's client protocol for JS (npm/src/client-billing.mjs): requests built and
// answers read by sdk/client/billing.hpp. Strings in, plain JS objects out; no logic here.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>

#include "client_values.hpp"
#include "payref/client/billing.hpp"

using emscripten::val;

namespace payref::wasm {
namespace {

namespace bl = payref::client::billing;

val billing_operations() {
  auto list = val::array();
  for (const auto& op : bl::operations()) {
    auto o = val::object();
    o.set("name", std::string(op.name));
    o.set("method", std::string(payref::client::method_name(op.method)));
    o.set("path", std::string(op.path));
    o.set("takesId", std::string(op.path).find("{}") != std::string::npos);
    o.set("takesRequest", op.input != bl::Input::none);
    list.call<void>("push", o);
  }
  return list;
}

val billing_build(const std::string& name, const std::string& username, const std::string& password, const std::string& request_json,
                  const std::string& id) {
  const auto built = bl::build_request({bl::find_operation(name), request_json, id}, {username, password});
  return built.is_ok() ? request_value(*built) : refusal_value(built.status());
}

val billing_parse(const std::string& name, int status, const std::string& body) {
  const bl::Operation* op = bl::find_operation(name);
  if (!op) return error_value({client::ErrorKind::validation, "billing", 0, "client.unknown_operation", "no billing operation " + name, ""});
  return answer_value(bl::parse_response(*op, {status, body}));
}

}  // namespace
}  // namespace payref::wasm

EMSCRIPTEN_BINDINGS(payref_client_billing) {
  emscripten::function("billingOperations", &payref::wasm::billing_operations);
  emscripten::function("billingBuild", &payref::wasm::billing_build);
  emscripten::function("billingParse", &payref::wasm::billing_parse);
}
