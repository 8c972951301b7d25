#include "reason_table.hpp"

#include <emscripten/bind.h>

#include <string>
#include <vector>

namespace payref::wasm {
namespace {
std::vector<std::string_view>& table() {
  static std::vector<std::string_view> names{std::string_view()};
  return names;
}
}  // namespace

std::uint32_t reason_index(std::string_view reason) {
  if (reason.empty()) return 0;
  auto& names = table();
  for (std::uint32_t i = 1; i < names.size(); ++i)
    if (names[i] == reason) return i;
  names.push_back(reason);  // reasons are string literals: the view stays valid
  return static_cast<std::uint32_t>(names.size() - 1);
}

emscripten::val validation_object(const Validation& v) {
  auto out = emscripten::val::object();
  out.set("isValid", v.is_valid);
  out.set("isPotentiallyValid", v.is_potentially_valid);
  out.set("reason", string_or_null(v.reason, !v.reason.empty()));
  return out;
}

emscripten::val string_or_null(std::string_view s, bool present) {
  return present ? emscripten::val(std::string(s)) : emscripten::val::null();
}

}  // namespace payref::wasm

namespace {
std::string reason_name(std::uint32_t index) {
  const auto& names = payref::wasm::table();
  return index < names.size() ? std::string(names[index]) : std::string();
}
}  // namespace

EMSCRIPTEN_BINDINGS(payref_reason_table) {
  emscripten::function("reasonName", &reason_name);
}
