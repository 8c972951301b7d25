// Payments and Profiles (seed 000): card authorize / charge / refund / settle / void, bank debit and
// credit, third-party records, and the same card operations on a stored payment profile.
//
// Card transactions follow one state machine (docs/gateway.md):
//   Authorized —settle→ Settled;  Authorized —void→ Voided;  Charged —void→ Voided;
//   Charged / Settled —refund→ PartiallyRefunded / Refunded, never more than was captured.
// Settle and void must quote the original's Amount, CurrencyCode, AuthCode, TransactionId and
// OriginalTransactionReference. Every attempt, declined ones included, is a transaction record,
// and a TransactionReference is used once per client.
#pragma once

#include "gateway/context.hpp"
#include "payref/money.hpp"
#include "gateway/wire.hpp"

namespace payref::gateway {

inline constexpr const char* kTransactions = "transaction";

Reply card_authorize(Call& call);
Reply card_charge(Call& call);
Reply card_refund(Call& call);
Reply card_settle(Call& call);
Reply card_void(Call& call);
Reply bank_debit(Call& call);
Reply bank_credit(Call& call);
Reply third_party(Call& call);
Reply profile_authorize(Call& call);
Reply profile_charge(Call& call);
Reply profile_refund(Call& call);
Reply profile_settle(Call& call);
Reply profile_void(Call& call);

// A charge the server makes itself (a recurring payment falling due): the stored profile is
// charged like profiles/charge (a card) or debited like b2b/transaction/debit (a bank account),
// and the attempt is recorded whatever the processor answers.
struct ScheduledCharge {
  std::string customer_id, profile_id, email, reference, description, recurring_payment_id;
  Money amount;
};
store::Document charge_on_schedule(Call& call, const ScheduledCharge& charge);

// The list view of a stored transaction (transactions endpoint): Amount as a JSON number.
nlohmann::json transaction_list_item(const nlohmann::json& stored);

}  // namespace payref::gateway
