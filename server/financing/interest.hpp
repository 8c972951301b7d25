// calculate-interest (seed 003 table 3): the regular purchase and every promotional plan and term
// the account is offered, for an amount. Every number comes from sdk payref/financing.hpp.
#pragma once

#include "financing/call.hpp"
#include "financing/demo_data.hpp"
#include "financing/wire.hpp"

namespace payref::financing {

// POST accounts/{account_number}/calculate-interest {"amount": 250.00} (GET ?amount= too).
Reply calculate_interest(Call& call);

// The fees array of a plan for the wire ({description, amount, type, message}).
nlohmann::json plan_fees(const DemoPlan& plan);

}  // namespace payref::financing
