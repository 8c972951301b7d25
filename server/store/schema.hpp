// The SQLite schema as an ordered list of migrations; PRAGMA user_version records how many ran.
#pragma once

#include <span>
#include <string_view>

namespace payref::store {

// Migration i (0-based) brings the schema from version i to i + 1. Append only; never edit one
// that has shipped.
std::span<const std::string_view> sqlite_migrations();

}  // namespace payref::store
