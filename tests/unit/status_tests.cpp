#include <boost/test/unit_test.hpp>

#include "payref/status.hpp"
#include "payref/validation.hpp"

using namespace payref;

BOOST_AUTO_TEST_SUITE(status_tests)

BOOST_AUTO_TEST_CASE(default_status_is_ok) {
  Status s;
  BOOST_TEST(s.is_ok());
  BOOST_TEST(to_string(s.code()) == "ok");
}

BOOST_AUTO_TEST_CASE(invalid_status_keeps_reason_and_field) {
  auto s = Status::invalid("card.luhn_failed", "CardNumber", "check digit is wrong");
  BOOST_TEST(!s.is_ok());
  BOOST_TEST(to_string(s.code()) == "invalid_argument");
  BOOST_TEST(s.reason() == "card.luhn_failed");
  BOOST_TEST(s.field() == "CardNumber");
  BOOST_TEST(s.message() == "check digit is wrong");
}

BOOST_AUTO_TEST_CASE(result_holds_value_or_status) {
  Result<int> good = 42;
  BOOST_TEST(good.is_ok());
  BOOST_TEST(*good == 42);
  BOOST_TEST(good.status().is_ok());

  Result<int> bad = Status(StatusCode::not_found, "customer.not_found", "CustomerId");
  BOOST_TEST(!bad.is_ok());
  BOOST_TEST(bad.status().reason() == "customer.not_found");
  BOOST_TEST(to_string(bad.status().code()) == "not_found");
}

BOOST_AUTO_TEST_CASE(incomplete_validation_is_an_error_on_the_server) {
  auto s = Validation::incomplete("card.too_short").to_status("CardNumber");
  BOOST_TEST(!s.is_ok());
  BOOST_TEST(s.reason() == "card.too_short");
  BOOST_TEST(s.field() == "CardNumber");
  BOOST_TEST(Validation::valid().to_status("CardNumber").is_ok());
}

BOOST_AUTO_TEST_SUITE_END()
