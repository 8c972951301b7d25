// The gateway's card transaction state table (sdk/include/payref/payment_state.hpp): every
// (follow-up, state) pair against docs/gateway.md "Card transactions: state machine and rules".
#include <boost/test/unit_test.hpp>

#include <map>
#include <set>
#include <string>

#include "payref/payment_state.hpp"

using namespace payref;

BOOST_AUTO_TEST_SUITE(payment_state_tests)

const PaymentStatus kAll[] = {PaymentStatus::authorized, PaymentStatus::charged,  PaymentStatus::settled,
                              PaymentStatus::partially_refunded, PaymentStatus::refunded, PaymentStatus::voided,
                              PaymentStatus::declined, PaymentStatus::error};

BOOST_AUTO_TEST_CASE(wire_names_round_trip) {
  std::set<std::string> names;
  for (const PaymentStatus s : kAll) {
    const auto name = payment_status_name(s);
    names.emplace(name);
    BOOST_TEST((payment_status_from_name(name) == s));
  }
  BOOST_TEST(names.size() == std::size(kAll));
  BOOST_TEST(payment_status_name(PaymentStatus::partially_refunded) == "PartiallyRefunded");
  BOOST_TEST(!payment_status_from_name("authorized"));  // the wire's case only
  BOOST_TEST(!payment_status_from_name(""));
}

BOOST_AUTO_TEST_CASE(each_follow_up_follows_exactly_the_documented_states) {
  const std::map<FollowUp, std::set<std::string>> allowed = {
      {FollowUp::settle, {"Authorized"}},
      {FollowUp::void_payment, {"Authorized", "Charged"}},
      {FollowUp::refund, {"Charged", "Settled", "PartiallyRefunded"}},
  };
  for (const auto& [action, from] : allowed)
    for (const PaymentStatus s : kAll) {
      BOOST_TEST_CONTEXT(payment_status_name(s) << " / " << static_cast<int>(action)) {
        BOOST_TEST(can_follow_up(action, s) == (from.count(std::string(payment_status_name(s))) == 1));
      }
    }
}

BOOST_AUTO_TEST_CASE(declined_and_error_were_never_approved) {
  for (const PaymentStatus s : kAll)
    BOOST_TEST(was_approved(s) == (s != PaymentStatus::declined && s != PaymentStatus::error));
}

BOOST_AUTO_TEST_CASE(what_each_follow_up_leaves) {
  BOOST_TEST((status_after(FollowUp::settle, false) == PaymentStatus::settled));
  BOOST_TEST((status_after(FollowUp::void_payment, false) == PaymentStatus::voided));
  BOOST_TEST((status_after(FollowUp::refund, false) == PaymentStatus::partially_refunded));
  BOOST_TEST((status_after(FollowUp::refund, true) == PaymentStatus::refunded));
  BOOST_TEST(follow_up_rule(FollowUp::settle) == "Only an authorized transaction can be settled");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(payment_ledger_tests)

BOOST_AUTO_TEST_CASE(settle_captures_the_authorized_amount_and_void_captures_nothing) {
  const CardLedger authorized{PaymentStatus::authorized, 5000, 0, 0};
  const auto settled = apply_follow_up(authorized, FollowUp::settle);
  BOOST_REQUIRE(settled);
  BOOST_TEST((settled->status == PaymentStatus::settled));
  BOOST_TEST(settled->captured == 5000);
  const auto voided = apply_follow_up(CardLedger{PaymentStatus::charged, 5000, 5000, 0}, FollowUp::void_payment);
  BOOST_REQUIRE(voided);
  BOOST_TEST((voided->status == PaymentStatus::voided));
  BOOST_TEST(voided->captured == 0);
}

BOOST_AUTO_TEST_CASE(refunds_add_up_to_the_captured_amount_and_never_past_it) {
  CardLedger l{PaymentStatus::charged, 5000, 5000, 0};
  auto r = apply_follow_up(l, FollowUp::refund, 2000);
  BOOST_REQUIRE(r);
  BOOST_TEST((r->status == PaymentStatus::partially_refunded));
  BOOST_TEST(r->refunded == 2000);
  const auto too_much = apply_follow_up(*r, FollowUp::refund, 3001);
  BOOST_REQUIRE(!too_much);
  BOOST_TEST(too_much.status().reason() == "payment.refund_exceeds_captured");
  r = apply_follow_up(*r, FollowUp::refund, 3000);
  BOOST_REQUIRE(r);
  BOOST_TEST((r->status == PaymentStatus::refunded));
  BOOST_TEST(apply_follow_up(*r, FollowUp::refund, 1).status().reason() == "payment.follow_up_refused");
  BOOST_TEST(apply_follow_up(l, FollowUp::refund, 0).status().reason() == "payment.refund_not_positive");
  // No sum to overflow: what is left is compared, not refunded + asked.
  const CardLedger huge{PaymentStatus::charged, INT64_MAX, INT64_MAX, INT64_MAX - 1};
  BOOST_TEST(!apply_follow_up(huge, FollowUp::refund, INT64_MAX));
}

BOOST_AUTO_TEST_CASE(a_refused_follow_up_leaves_the_ledger_as_it_was) {
  const CardLedger settled{PaymentStatus::settled, 100, 100, 0};
  const auto refused = apply_follow_up(settled, FollowUp::void_payment);
  BOOST_REQUIRE(!refused);
  BOOST_TEST(to_string(refused.status().code()) == "failed_precondition");
}

BOOST_AUTO_TEST_SUITE_END()
