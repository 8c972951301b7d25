#include "payref/payment_state.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <utility>

namespace payref {

namespace {

using enum PaymentStatus;

constexpr std::array<std::pair<PaymentStatus, std::string_view>, 8> kNames = {{
    {authorized, "Authorized"},
    {charged, "Charged"},
    {settled, "Settled"},
    {partially_refunded, "PartiallyRefunded"},
    {refunded, "Refunded"},
    {voided, "Voided"},
    {declined, "Declined"},
    {error, "Error"},
}};

constexpr unsigned bit(PaymentStatus s) { return 1u << static_cast<unsigned>(s); }

struct Rule {
  FollowUp action;
  unsigned from;  // the states it may follow, one bit() each
  std::string_view says;
};

// One row per follow-up: the states it may follow, and how a refusal names them.
constexpr Rule kRules[] = {
    {FollowUp::settle, bit(authorized), "Only an authorized transaction can be settled"},
    {FollowUp::void_payment, bit(authorized) | bit(charged), "Only an authorized or charged, not yet settled transaction can be voided"},
    {FollowUp::refund, bit(charged) | bit(settled) | bit(partially_refunded), "Only a captured transaction can be refunded"},
};

const Rule& rule_of(FollowUp action) {
  return *std::find_if(std::begin(kRules), std::end(kRules), [&](const Rule& r) { return r.action == action; });
}

}  // namespace

std::optional<PaymentStatus> payment_status_from_name(std::string_view name) {
  for (const auto& [status, text] : kNames)
    if (text == name) return status;
  return std::nullopt;
}

std::string_view payment_status_name(PaymentStatus status) {
  for (const auto& [s, text] : kNames)
    if (s == status) return text;
  return "Error";
}

bool was_approved(PaymentStatus status) { return status != declined && status != error; }

bool can_follow_up(FollowUp action, PaymentStatus status) {
  return (rule_of(action).from & bit(status)) != 0;
}

std::string_view follow_up_rule(FollowUp action) { return rule_of(action).says; }

PaymentStatus status_after(FollowUp action, bool fully_refunded) {
  switch (action) {
    case FollowUp::settle: return settled;
    case FollowUp::void_payment: return voided;
    case FollowUp::refund: break;
  }
  return fully_refunded ? refunded : partially_refunded;
}

Result<CardLedger> apply_follow_up(const CardLedger& ledger, FollowUp action, std::int64_t refund_minor) {
  if (!can_follow_up(action, ledger.status))
    return Status(StatusCode::failed_precondition, "payment.follow_up_refused", "TransactionId", std::string(follow_up_rule(action)));
  CardLedger next = ledger;
  switch (action) {
    case FollowUp::settle: next.captured = ledger.authorized; break;
    case FollowUp::void_payment: next.captured = 0; break;
    case FollowUp::refund:
      if (refund_minor <= 0) return Status::invalid("payment.refund_not_positive", "Amount", "a refund is of more than nothing");
      // Compared as what is left, so that no sum can overflow.
      if (refund_minor > ledger.captured - ledger.refunded)
        return Status(StatusCode::failed_precondition, "payment.refund_exceeds_captured", "Amount", "exceeds what is left to refund");
      next.refunded = ledger.refunded + refund_minor;
      break;
  }
  next.status = status_after(action, next.refunded == next.captured);
  return next;
}

}  // namespace payref
