// The lookup every family's operation table shares (sdk/src/client/<family>_operations.cpp): an
// operation by its client name ("payments.charge"), over any table of Operation structs with a
// `name` field.
#pragma once

#include <span>
#include <string_view>

namespace payref::client {

// The entry named `name`, or nullptr. A linear search: the tables hold a few dozen entries at most.
template <class Operation>
constexpr const Operation* find_by_name(std::span<const Operation> table, std::string_view name) noexcept {
  for (const auto& op : table)
    if (op.name == name) return &op;
  return nullptr;
}

}  // namespace payref::client
