// What every family's operation table shares (sdk/src/client/<family>_operations.cpp): the HTTP
// method names, and the lookup of an operation by its client name ("payments.charge"), over any
// table of Operation structs with a `name` field.
#pragma once

#include <span>
#include <string_view>

namespace payref::client {

// The HTTP methods of the billing, CMS and financing tables (the gateway's has its own: a GET with
// a documented POST twin is one operation there).
enum class HttpMethod { get, post, put, del };

constexpr std::string_view method_name(HttpMethod method) noexcept {
  switch (method) {
    case HttpMethod::get: return "GET";
    case HttpMethod::post: return "POST";
    case HttpMethod::put: return "PUT";
    case HttpMethod::del: return "DELETE";
  }
  return "GET";
}

// The entry named `name`, or nullptr. A linear search: the tables hold a few dozen entries at most.
template <class Operation>
constexpr const Operation* find_by_name(std::span<const Operation> table, std::string_view name) noexcept {
  for (const auto& op : table)
    if (op.name == name) return &op;
  return nullptr;
}

}  // namespace payref::client
