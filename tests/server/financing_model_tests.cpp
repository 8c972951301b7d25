// The financing authorization's typed model (server/financing/authorization.hpp): the stored form
// round-trips exactly, money stays in cents, and the wire view is built from the type.
#include <boost/test/unit_test.hpp>

#include "financing/authorization.hpp"

using namespace payref::financing;

namespace {
Authorization sample() {
  Authorization a;
  a.authorization_id = "800000001";
  a.account_number = "30000000000001";
  a.reference = "order-1";
  a.amount = 123456;  // 1,234.56
  a.remaining = 0;
  a.status = AuthorizationStatus::closed;
  a.transaction_type = "promotional_purchase";
  a.auto_capture = true;
  a.creation_date = "2026-12-08T01:00:00Z";
  a.created_at = 1796000000;
  a.plan_id = 12;
  a.term = 24;
  a.term_amount = 5144;
  a.captures.push_back(Capture{"810000001", std::nullopt, "2026-12-08T01:00:00Z", 1796000000, 123456, 100000,
                               {Return{"820000001", "r-1", "2026-12-09T01:00:00Z", 23456}}});
  a.releases.push_back(Release{"830000001", std::nullopt, "2026-12-08T02:00:00Z", 0});
  return a;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(financing_model_tests)

BOOST_AUTO_TEST_CASE(the_stored_form_round_trips) {
  const nlohmann::json stored = sample();
  BOOST_TEST(stored.at("status") == "closed");
  BOOST_TEST(stored.at("amount") == 123456);
  BOOST_TEST(stored.at("captures")[0].at("reference").is_null());
  BOOST_TEST(stored.at("captures")[0].at("returns")[0].at("reference") == "r-1");
  const Authorization back = stored.get<Authorization>();
  BOOST_TEST(nlohmann::json(back) == stored);
  BOOST_TEST(back.captures.at(0).returns.at(0).amount == 23456);
  BOOST_TEST(!back.releases.at(0).reference);
}

BOOST_AUTO_TEST_CASE(a_regular_purchase_has_no_plan_fields) {
  Authorization a = sample();
  a.transaction_type = "regular_purchase";
  a.plan_id.reset();
  a.term.reset();
  a.term_amount.reset();
  const nlohmann::json stored = a;
  BOOST_TEST(!stored.contains("plan_id"));
  BOOST_TEST(!stored.contains("term_amount"));
  const auto wire = view(a);
  BOOST_TEST(!wire.at("financing_option").contains("plan_id"));
  BOOST_TEST(!wire.contains("term_amount"));
}

BOOST_AUTO_TEST_CASE(the_wire_view_writes_ids_as_numbers_and_cents_as_amounts) {
  const auto wire = view(sample());
  BOOST_TEST(wire.at("authorization_id") == 800000001);
  BOOST_TEST(wire.at("account_number") == 30000000000001LL);
  BOOST_TEST(wire.at("amount").dump() == "1234.56");
  BOOST_TEST(wire.at("remaining_authorization_amount").dump() == "0.0");
  BOOST_TEST(wire.at("authorization_status") == "closed");
  BOOST_TEST(wire.at("financing_option").at("plan_id") == 12);
  BOOST_TEST(wire.at("captures")[0].at("remaining_capture_amount").dump() == "1000.0");
  BOOST_TEST(wire.at("captures")[0].at("returns")[0].at("amount").dump() == "234.56");
  BOOST_TEST(wire.at("term_amount").dump() == "51.44");
}

BOOST_AUTO_TEST_SUITE_END()
