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
#include "gateway/fields.hpp"
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

// A charge made for another service (a purchase, a membership, a recurring payment falling due):
// what it is for, and how it is recorded. Every attempt is saved as a transaction, declines too.
struct ChargeDetails {
  Money amount;
  std::string email, reference, description;
  nlohmann::json extras = nlohmann::json::object();  // merged into the record (RecurringPaymentId, PurchaseId, ...)
};
// A card given in the request (already read and checked by read_card).
store::Document charge_card(Call& call, const std::string& number, const std::string& card_type, const ChargeDetails& charge);
// A bank account given in the request: a debit (TransactionType 6).
store::Document debit_bank_account(Call& call, const std::string& routing_number, const std::string& account_number,
                                   const std::string& holder, const ChargeDetails& charge);
// A stored payment profile: a card is charged like profiles/charge, a bank account debited.
store::Document charge_stored_profile(Call& call, const std::string& customer_id, const std::string& profile_id,
                                      const ChargeDetails& charge);

// Request.TransactionReference, refused (40) when this client has used it already.
std::string unique_reference(const Call& call, const Fields& request);
// The Message of a saved payment attempt: "00" and `approved_text`, or the processor's answer.
Reply payment_outcome_reply(const store::Document& transaction, const std::string& approved_text, nlohmann::json response);
bool is_approved(const store::Document& transaction);

// The list view of a stored transaction (transactions endpoint): Amount as a JSON number.
nlohmann::json transaction_list_item(const nlohmann::json& stored);

}  // namespace payref::gateway
