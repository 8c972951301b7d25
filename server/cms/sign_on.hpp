// CMS merchants, identity tokens and session tokens (api-notes "Seed 002 Authentication").
// A merchant (its ServiceKey) owns one merchant profile; its long-lived identity token is derived
// from the data directory's hashing key, so it survives resets and restarts and is never stored
// (the store keeps a keyed hash). GET /2.1.28/REST/SIS.svc/token with Basic(identityToken:)
// issues a random session token valid for 30 minutes of the server's clock; every CMS call sends
// Basic(sessionToken:). Sessions are stored only as keyed hashes too.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "app/services.hpp"

namespace payref::cms {

inline constexpr const char* kMerchants = "cms_merchant";
inline constexpr const char* kSessions = "cms_session";
inline constexpr long kSessionSeconds = 30 * 60;

struct Merchant {
  std::string service_key;  // the tenant: owner of its subscriptions
  std::string merchant_profile_id, service_id, application_profile_id;
};

// The Basic username of an Authorization header ("Basic base64(user:)"); "" when absent or
// malformed.
std::string basic_username(const std::string& authorization_header);

// Issues a session token for the identity token (Fault::invalid_token when unknown).
std::string sign_on(const app::Services& services, store::Transaction& tx, const std::string& identity_token);

// The merchant of a session token: Fault::invalid_token when unknown, Fault::expired_token when
// its 30 minutes are over on the server's clock.
Merchant authenticate(const app::Services& services, store::Transaction& tx, const std::string& session_token);

// The demo merchant (and a second one to prove isolation), created where missing.
nlohmann::json ensure_demo_merchants(const app::Services& services);

}  // namespace payref::cms
