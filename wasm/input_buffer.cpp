#include "input_buffer.hpp"

#include <emscripten/bind.h>

#include <vector>

namespace payref::wasm {
namespace {
std::vector<char>& buffer() {
  static std::vector<char> bytes(256);
  return bytes;
}
}  // namespace

std::uintptr_t input_buffer(std::size_t capacity) {
  if (buffer().size() < capacity) buffer().resize(capacity);
  return reinterpret_cast<std::uintptr_t>(buffer().data());
}

std::string_view input_text(std::size_t length) {
  if (length > buffer().size()) length = buffer().size();
  return {buffer().data(), length};
}

}  // namespace payref::wasm

EMSCRIPTEN_BINDINGS(payref_input_buffer) {
  emscripten::function("inputBuffer", &payref::wasm::input_buffer);
}
