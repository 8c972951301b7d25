// The gateway's card transaction states (seed 000, docs/gateway.md "Card transactions: state
// machine and rules"): what a
// settle, void or refund may follow, and the state it leaves. Pure rules, one table: the server's
// follow-up handler (server/gateway/payments.cpp) asks here and renders the refusal.
//
//   follow-up   from                                       to
//   settle      Authorized                                 Settled
//   void        Authorized, Charged                        Voided
//   refund      Charged, Settled, PartiallyRefunded        PartiallyRefunded, or Refunded once
//                                                          the refunds reach the captured amount
//
// Declined and Error transactions were never approved: nothing follows them up.
#pragma once

#include <optional>
#include <string_view>

namespace payref {

// A card transaction's Status on the wire.
enum class PaymentStatus { authorized, charged, settled, partially_refunded, refunded, voided, declined, error };
std::optional<PaymentStatus> payment_status_from_name(std::string_view name);  // "PartiallyRefunded"
std::string_view payment_status_name(PaymentStatus status);

enum class FollowUp { settle, void_payment, refund };

// Approved at the time (not Declined, not Error): a follow-up may at least be asked for.
bool was_approved(PaymentStatus status);
// The table above: whether `action` may follow a transaction in `status`.
bool can_follow_up(FollowUp action, PaymentStatus status);
// Which transactions `action` may follow, as a refusal says it: "Only an authorized transaction
// can be settled".
std::string_view follow_up_rule(FollowUp action);
// The original's status after `action`; for a refund, `fully_refunded` says whether the refunds
// now reach the captured amount.
PaymentStatus status_after(FollowUp action, bool fully_refunded);

}  // namespace payref
