// Credit authorizations (purchases) and what follows them: capture (partial or full), release,
// return against a capture, list and get. Stored in "fin_auth" (owner = the merchant client, so
// one merchant never sees another's; key1 = account number). State: opened → closed when nothing
// remains to capture (fully captured or released). Available credit is reduced by the amount at
// authorization and restored by release and return (docs/financing.md "Authorizations").
#pragma once

#include "financing/call.hpp"
#include "financing/wire.hpp"

namespace payref::financing {

inline constexpr int kReturnWindowDays = 100;

Reply create_authorization(Call& call);   // POST authorization
Reply capture_authorization(Call& call);  // POST authorization/{id}/capture
Reply release_authorization(Call& call);  // POST authorization/{id}/release
Reply return_capture(Call& call);         // POST authorization/{id}/capture/{capture_id}/return
Reply list_authorizations(Call& call);    // GET authorizations
Reply get_authorization(Call& call);      // GET authorization/{id}

}  // namespace payref::financing
