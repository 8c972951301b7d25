// Memberships (seed 000 "Memberships"): a contact (an e-mail address) joins an association by
// buying its Membership package; members get the catalogue's member prices. A membership renews
// monthly on the anniversary of its join date (month-end clamped, sdk/schedule.hpp), charging the
// stored payment profile it was joined with. State machine (docs/gateway.md):
//   Active —cancel→ PendingCancellation —next renewal date→ Cancelled
//   Active —renewal declined→ Lapsed
// A pending cancellation keeps the member's benefits until the renewal date it ends on.
#pragma once

#include <nlohmann/json.hpp>

#include "gateway/context.hpp"
#include "gateway/wire.hpp"

namespace payref::gateway {

inline constexpr const char* kMemberships = "membership";

Reply list_memberships(Call& call);   // GET/POST memberships/{email}
Reply join_membership(Call& call);    // POST memberships/join
Reply cancel_membership(Call& call);  // POST memberships/cancel

// Whether the e-mail address holds a membership that still gives member prices.
bool is_member(Call& call, const std::string& email);

// A paid-up membership of `package` from today (join, or a Membership line in a purchase),
// renewing on the stored profile. Returns the membership's public view.
nlohmann::json start_membership(Call& call, const std::string& email, const nlohmann::json& package, const std::string& customer_id,
                                const std::string& profile_id, const std::string& transaction_id);

// Renews or ends every membership due on or before the clock's day, earliest first; like
// run_due_recurring, appends what ran to `ran` and returns how many ran.
std::size_t run_due_memberships(const Services& services, nlohmann::json& ran, std::size_t max_listed);

}  // namespace payref::gateway
