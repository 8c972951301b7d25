// OAuth for the financing family (POST /oauth/token, form-urlencoded): client_credentials and
// refresh_token grants, scopes merchant and customer, access tokens valid 1200 s on the server
// clock. Tokens are stored only as keyed hashes: collection "fin_token", owner = client_id, id =
// hash(access token), key1 = hash(refresh token). A refresh works only while its access token is
// still valid, and replaces the pair (the old access and refresh tokens stop working).
#pragma once

#include <httplib.h>

#include <string>

#include "financing/wire.hpp"
#include "app/services.hpp"

namespace payref::financing {

inline constexpr const char* kTokens = "fin_token";
inline constexpr std::int64_t kTokenLifetimeSeconds = 1200;

// The token endpoint; throws FinancingError (400 invalid_request / invalid_client / invalid_grant,
// 409 invalid_role) for the router to render.
Reply issue_token(const app::Services& services, const httplib::Request& req);

// The scope of the bearer token in `authorization_header` for the path's client_id; 401
// invalid_token when missing, unknown, expired, or issued to another client.
std::string authenticate_bearer(const app::Services& services, store::Transaction& tx, const std::string& authorization_header,
                                const std::string& client_id, std::int64_t now);

}  // namespace payref::financing
