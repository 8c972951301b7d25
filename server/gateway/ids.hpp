// The gateway's ids: 9-digit numeric strings (api-notes "Global wire conventions"), one sequence
// and one range per kind, so an id alone tells what it names (3xxxxxxxx is a transaction).
#pragma once

#include <string>

#include "store/store.hpp"

namespace payref::gateway {

enum class IdKind { client, customer, payment_profile, transaction, recurring_payment, purchase, membership, licence };

// The next id of that kind. Clients start at 170200001 (170200000 is the sandbox's demo merchant,
// which no registration may take); the others at 100000001, 200000001, 300000001, 400000001,
// 500000001 (purchases), 600000001 (memberships), 700000001 (licences).
std::string next_id(store::Transaction& tx, IdKind kind);

}  // namespace payref::gateway
