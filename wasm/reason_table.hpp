// Reason strings travel to JS as small integers on the hot paths: the JS wrapper asks for each
// index's text once (reasonName) and caches it. Index 0 means "no reason" (valid).
#pragma once

#include <cstdint>
#include <string_view>

#include <emscripten/val.h>

#include "payref/validation.hpp"

namespace payref::wasm {

std::uint32_t reason_index(std::string_view reason);

// {isValid, isPotentiallyValid, reason} as a plain JS object (reason null when valid).
emscripten::val validation_object(const Validation& v);
// A string, or null for an empty optional-like value.
emscripten::val string_or_null(std::string_view s, bool present);

}  // namespace payref::wasm
