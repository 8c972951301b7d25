// The billing Customer's field table and own field rules (sdk/include/payref/billing_customer.hpp).
#include <boost/test/unit_test.hpp>

#include <set>
#include <string>

#include "payref/billing_customer.hpp"

using namespace payref;

namespace {
const CalendarDate kToday{2026, 12, 8};
std::string reason_of(std::string_view field, std::string_view text) {
  const auto r = check_customer_text(field, text, kToday);
  return r ? std::string("ok:") + *r : r.status().reason();
}
}  // namespace

BOOST_AUTO_TEST_SUITE(billing_customer_tests)

BOOST_AUTO_TEST_CASE(the_table_lists_each_field_once_with_the_seeds_limits) {
  std::set<std::string_view> names;
  for (const auto& f : customer_fields()) names.insert(f.name);
  BOOST_TEST(names.size() == customer_fields().size());
  BOOST_TEST(customer_fields().size() == 25u);
  BOOST_TEST(customer_fields().front().name == "id");
  const CustomerField* first = find_customer_field("firstName");
  BOOST_REQUIRE(first);
  BOOST_TEST(first->required);
  BOOST_TEST(first->max_length == 255u);
  BOOST_TEST(find_customer_field("accountId")->create_only);
  BOOST_TEST(find_customer_field("createDate")->read_only);
  BOOST_TEST((find_customer_field("isActive")->kind == CustomerFieldKind::boolean));
  BOOST_TEST(!find_customer_field("FirstName"));  // names are the wire's, case included
}

BOOST_AUTO_TEST_CASE(each_rule_refuses_with_its_reason) {
  BOOST_TEST(reason_of("code", "A-1_b.2") == "ok:A-1_b.2");
  BOOST_TEST(reason_of("code", "a b") == "code.malformed");
  BOOST_TEST(reason_of("type", "O") == "ok:O");
  BOOST_TEST(reason_of("type", "X") == "type.unknown");
  BOOST_TEST(reason_of("gender", "f") == "gender.unknown");
  BOOST_TEST(reason_of("driverLicenseNumber", "A1234-56789 01234") == "ok:A1234-56789 01234");
  BOOST_TEST(reason_of("driverLicenseNumber", "A1234/5") == "license.malformed");
  BOOST_TEST(reason_of("driverLicenseState", "ON") == "ok:ON");
  BOOST_TEST(reason_of("driverLicenseState", "on") == "license.state_malformed");
  BOOST_TEST(reason_of("driverLicenseState", "O") == "license.state_malformed");
  BOOST_TEST(reason_of("birthDate", "2026-12-08") == "ok:2026-12-08");  // today is not after today
  BOOST_TEST(reason_of("birthDate", "2026-12-09") == "date.in_future");
  BOOST_TEST(reason_of("birthDate", "2026-02-30") == "date.malformed");
  BOOST_TEST(reason_of("email", "a@b") == "email.malformed");
  BOOST_TEST(reason_of("countryCode", "CAN") == "country.malformed");
  BOOST_TEST(reason_of("city", "anything at all") == "ok:anything at all");  // no rule of its own
}

BOOST_AUTO_TEST_CASE(phones_are_stored_as_their_ten_digits) {
  BOOST_TEST(reason_of("phone", "(416) 555-0199") == "ok:4165550199");
  BOOST_TEST(reason_of("cellPhone", "416.555.0199") == "ok:4165550199");
  BOOST_TEST(reason_of("phone", "416-555-019") == "phone.too_short");
}

BOOST_AUTO_TEST_CASE(a_refusal_explains_itself_without_naming_the_field) {
  const auto r = check_customer_text("gender", "X", kToday);
  BOOST_REQUIRE(!r);
  BOOST_TEST(r.status().field() == "gender");
  BOOST_TEST(r.status().message() == "must be M or F");
  const auto e = check_customer_text("email", "nope", kToday);
  BOOST_REQUIRE(!e);
  BOOST_TEST(e.status().message().rfind("is not valid (", 0) == 0);
}

BOOST_AUTO_TEST_SUITE_END()
