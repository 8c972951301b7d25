// HTTP Basic authentication with a service user (docs/billing.md "Authentication").
//
// A service user (username "api-...", a password) belongs to one merchant, which owns one or more
// accounts (numeric accountId). Customers belong to the merchant; a request sees only its own
// merchant's customers and may create them only under its own accounts. Passwords are stored only
// as keyed hashes (store::keyed_hash with the data directory's key).
#pragma once

#include <httplib.h>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app/services.hpp"

namespace payref::billing {

inline constexpr const char* kServiceUsers = "billing_service_user";

struct ServiceUser {
  std::string username;
  std::string merchant;                // the owner of the merchant's customers in the store
  std::vector<std::int64_t> accounts;  // the accountIds it may use
  bool has_account(std::int64_t id) const;
};

// The service user named by the request's Authorization: Basic header; throws BillingError 401
// (with WWW-Authenticate set by the renderer) when the header is missing, malformed, or names an
// unknown user or a wrong password.
ServiceUser authenticate(const app::Services& services, store::Transaction& tx, const httplib::Request& req);

// Creates (or replaces) a service user. Only inside Store::write.
void put_service_user(const app::Services& services, store::Transaction& tx, const std::string& username,
                      const std::string& password, const std::string& merchant, const std::vector<std::int64_t>& accounts);

// Standard base64 (RFC 4648, with padding) → bytes; nullopt when malformed.
std::optional<std::string> decode_base64(std::string_view text);

}  // namespace payref::billing
