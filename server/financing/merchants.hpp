// Merchant API clients of the financing family: collection "fin_client" (owner ""), id =
// client_id, key1 = keyed hash of the client secret (the secret itself is never stored). The
// sandbox has two: the demo merchant (pre-authorizations allowed) and a second merchant without
// pre-authorization, used to show tenant isolation and auth_not_allowed.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "app/services.hpp"

namespace payref::financing {

inline constexpr const char* kClients = "fin_client";

// Creates the two demo merchants and the demo accounts where missing; returns
// {"client_id", "client_secret", "baseUrl", "token_url", "second_merchant": {...}}.
nlohmann::json ensure_merchants(const app::Services& services);

// The client's settings when id and secret match; nullopt otherwise.
std::optional<nlohmann::json> check_client(const app::Services& services, store::Transaction& tx, const std::string& client_id,
                                           const std::string& client_secret);
// The settings of an existing client ({} when unknown).
nlohmann::json client_settings(store::Transaction& tx, const std::string& client_id);

}  // namespace payref::financing
