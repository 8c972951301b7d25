// Account transactions (POST transactions): deposit, in-store payment and trade-in credit, each
// paying down the balance (available credit goes up). At most $10,000.00 of them per account in
// any 24 hours on the server clock (limit_payment_amount_24). In-store payments and trade-ins
// need a verification code from /verify. Stored in "fin_txn" (owner = client, key1 = account).
#pragma once

#include "financing/call.hpp"
#include "financing/wire.hpp"

namespace payref::financing {

inline constexpr std::int64_t kDailyPaymentLimitCents = 1000000;  // $10,000.00

Reply create_transaction(Call& call);

}  // namespace payref::financing
