// The financing family's client protocol for JS (npm/src/client-financing.mjs): token requests
// and answers, the token policy, bearer calls built and answers read by sdk/client/financing. JS
// only moves the bytes and keeps the token. Strings and numbers in, plain JS objects out; nothing
// here throws (Result and variant only), so no C++ exception reaches JS.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>
#include <vector>

#include "client_values.hpp"
#include "payref/client/financing.hpp"

using emscripten::val;

namespace payref::wasm {
namespace {

namespace cf = payref::client::financing;

// error_value, with reauthenticate: true on the refusal one new token cures.
val error_object(const client::ApiError& e) {
  auto out = error_value(e);
  out.set("reauthenticate", cf::should_reauthenticate(e));
  return out;
}

val financing_operations() {
  auto list = val::array();
  for (const auto& op : cf::operations()) {
    auto o = val::object();
    o.set("name", std::string(op.name));
    o.set("method", std::string(payref::client::method_name(op.method)));
    o.set("path", std::string(op.path));
    o.set("pathParams", static_cast<int>(cf::path_parameter_count(op)));
    o.set("merchantOnly", op.merchant_only);
    list.call<void>("push", o);
  }
  return list;
}

// refresh_token "" → client_credentials.
val financing_token_request(const std::string& client_id, const std::string& client_secret, const std::string& scope,
                            const std::string& refresh_token) {
  return request_value(cf::build_token_request({client_id, client_secret, scope}, refresh_token));
}

val financing_token_parse(int status, const std::string& body, double now_ms) {
  const auto parsed = cf::parse_token_response({status, body}, now_ms);
  if (const auto* e = std::get_if<client::ApiError>(&parsed)) return error_object(*e);
  const auto& t = std::get<cf::Token>(parsed);
  auto out = val::object();
  out.set("ok", true);
  out.set("accessToken", t.access_token);
  out.set("refreshToken", t.refresh_token);
  out.set("scope", t.scope);
  out.set("expiresIn", static_cast<double>(t.expires_in));
  out.set("expiresAtMs", t.expires_at_ms);
  return out;
}

std::string financing_token_action(const std::string& access_token, double expires_at_ms, double now_ms) {
  return std::string(cf::to_string(cf::token_action(access_token, expires_at_ms, now_ms)));
}

// path_params: a JS array of strings (JS turns numbers into their text first).
val financing_build(const std::string& name, const std::string& client_id, const std::string& access_token,
                    const std::string& request_json, const val& path_params) {
  std::vector<std::string> params;
  if (path_params.isArray()) {
    const unsigned n = path_params["length"].as<unsigned>();
    for (unsigned i = 0; i < n; ++i) {
      const val p = path_params[i];
      params.push_back(p.isString() ? p.as<std::string>() : std::string());
    }
  }
  const auto built = cf::build_request({cf::find_operation(name), request_json, std::move(params)}, client_id, access_token);
  return built.is_ok() ? request_value(*built) : refusal_value(built.status());
}

val financing_parse(const std::string& name, int status, const std::string& body) {
  const cf::Operation* op = cf::find_operation(name);
  if (!op) {
    auto out = val::object();
    out.set("ok", false);
    out.set("kind", std::string("validation"));
    out.set("family", std::string("financing"));
    out.set("message", "no financing operation " + name);
    out.set("reauthenticate", false);
    return out;
  }
  const auto parsed = cf::parse_response(*op, {status, body});
  if (const auto* e = std::get_if<client::ApiError>(&parsed)) return error_object(*e);
  return answer_value(parsed);
}

}  // namespace
}  // namespace payref::wasm

EMSCRIPTEN_BINDINGS(payref_client_financing) {
  emscripten::function("financingOperations", &payref::wasm::financing_operations);
  emscripten::function("financingTokenRequest", &payref::wasm::financing_token_request);
  emscripten::function("financingTokenParse", &payref::wasm::financing_token_parse);
  emscripten::function("financingTokenAction", &payref::wasm::financing_token_action);
  emscripten::function("financingBuild", &payref::wasm::financing_build);
  emscripten::function("financingParse", &payref::wasm::financing_parse);
}
