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
