// A scratch buffer in wasm memory that the JS wrapper writes hot-path input text into directly.
//
// Passing a std::string through Embind costs a malloc, a UTF-8 encode and a free per call
// (~0.5 µs); card-number and expiry validation run on every keystroke and are benchmarked at
// millions of calls per second, so their JS wrappers write the bytes here and pass the length.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace payref::wasm {

// Address of a buffer of at least `capacity` bytes (grown on demand; valid until the next call).
std::uintptr_t input_buffer(std::size_t capacity);
// The first `length` bytes of the buffer as text.
std::string_view input_text(std::size_t length);

}  // namespace payref::wasm
