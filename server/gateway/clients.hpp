// Clients: registration with two-factor activation, cancellation, e-mail update (seed 000
// "Clients"). State machine: pending —activation→ active —cancellation→ cancelled.
#pragma once

#include "gateway/context.hpp"
#include "gateway/wire.hpp"

namespace payref::gateway {

Reply register_client(Call& call);
Reply activate_client(Call& call);
Reply cancel_client(Call& call);
Reply update_client(Call& call);

// Creates an already active client with the given key (the sandbox's demo merchant).
void create_active_client(const Services& services, store::Transaction& tx, const std::string& id,
                          const std::string& key, const nlohmann::json& details);

}  // namespace payref::gateway
