// Customer endpoints (seed 003 tables 1 and 2): lookup by vcc_number, account_number or
// customer_id; search by identity; driver's-licence decode through sdk aamva::decode.
#pragma once

#include "financing/call.hpp"
#include "financing/wire.hpp"

namespace payref::financing {

Reply lookup_customer(Call& call);       // GET customers/lookup (seed table 1)
Reply search_customers(Call& call);      // GET customers/search
Reply decode_drivers_licence(Call& call);  // POST customers/driverslicense (seed table 2)

}  // namespace payref::financing
