// The CMS family's client protocol for JS (npm/src/client-cms.mjs): sign-on and requests built,
// answers read, and the expired-session verdict, all by sdk/client/cms.hpp. Strings in, plain JS
// objects out; no logic here.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>

#include "client_values.hpp"
#include "payref/client/cms.hpp"

using emscripten::val;

namespace payref::wasm {
namespace {

namespace cm = payref::client::cms;

val cms_operations() {
  auto list = val::array();
  for (const auto& op : cm::operations()) {
    auto o = val::object();
    o.set("name", std::string(op.name));
    o.set("wire", std::string(op.wire));
    o.set("method", std::string(payref::client::method_name(op.method)));
    o.set("path", std::string(op.path));
    o.set("takesId", std::string(op.path).find("{}") != std::string::npos);
    list.call<void>("push", o);
  }
  return list;
}

val cms_sign_on_build(const std::string& identity_token) { return request_value(cm::build_sign_on(identity_token)); }

// {ok: true, token} or the error.
val cms_sign_on_parse(int status, const std::string& body) {
  const auto parsed = cm::parse_sign_on({status, body});
  if (const auto* token = std::get_if<std::string>(&parsed)) {
    auto out = val::object();
    out.set("ok", true);
    out.set("token", *token);
    return out;
  }
  return error_value(std::get<client::ApiError>(parsed));
}

val cms_build(const std::string& name, const std::string& session_token, const std::string& merchant_profile_id,
              const std::string& request_json, const std::string& id) {
  const auto built = cm::build_request({cm::find_operation(name), request_json, id}, {session_token, merchant_profile_id});
  return built.is_ok() ? request_value(*built) : refusal_value(built.status());
}

// The answer, with sessionExpired: true on the fault a new sign-on cures.
val cms_parse(const std::string& name, int status, const std::string& body) {
  const cm::Operation* op = cm::find_operation(name);
  if (!op) return error_value({client::ErrorKind::validation, "cms", 0, "client.unknown_operation", "no CMS operation " + name, ""});
  const auto parsed = cm::parse_response(*op, {status, body});
  auto out = answer_value(parsed);
  const auto* error = std::get_if<client::ApiError>(&parsed);
  out.set("sessionExpired", error != nullptr && cm::session_expired(*error));
  return out;
}

}  // namespace
}  // namespace payref::wasm

EMSCRIPTEN_BINDINGS(payref_client_cms) {
  emscripten::function("cmsOperations", &payref::wasm::cms_operations);
  emscripten::function("cmsSignOnBuild", &payref::wasm::cms_sign_on_build);
  emscripten::function("cmsSignOnParse", &payref::wasm::cms_sign_on_parse);
  emscripten::function("cmsBuild", &payref::wasm::cms_build);
  emscripten::function("cmsParse", &payref::wasm::cms_parse);
}
