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

#include <cstdint>
#include <optional>
#include <string_view>

#include "payref/status.hpp"

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

// The money of a card transaction, in minor units of its currency: authorized when it was
// approved, captured by a charge or a settle (0 after a void), refunded so far.
struct CardLedger {
  PaymentStatus status = PaymentStatus::authorized;
  std::int64_t authorized = 0;
  std::int64_t captured = 0;
  std::int64_t refunded = 0;
};

// `action` applied to `ledger` (a refund of `refund_minor` more): a settle captures what was
// authorized, a void captures nothing, a refund adds to the refunded amount. Refusals, with the
// ledger unchanged: failed_precondition payment.follow_up_refused (the table above says no),
// payment.refund_exceeds_captured (the refunds would pass the captured amount), invalid_argument
// payment.refund_not_positive (refund_minor <= 0).
Result<CardLedger> apply_follow_up(const CardLedger& ledger, FollowUp action, std::int64_t refund_minor = 0);

}  // namespace payref
