// discountcode/add and discountcode/validate, on a clock frozen at 2026-06-15 so that validity
// windows are exact.
#include <boost/test/unit_test.hpp>

#include "gateway_helpers.hpp"

using namespace payref_test;
using nlohmann::json;

namespace {

struct DiscountFixture {
  ServerProcess server{ServerProcess::Options{"warn", {"--clock", "2026-06-15T12:00:00Z"}}};
  Credentials demo = server.demo_credentials();

  HttpReply add(const json& request, const Credentials& who) const {
    return server.post("/api/v1/discountcode/add", envelope(who, request));
  }
  HttpReply add(const json& request) const { return add(request, demo); }
  HttpReply validate(const json& request, const Credentials& who) const {
    return server.post("/api/v1/discountcode/validate", envelope(who, request));
  }
  HttpReply validate(const json& request) const { return validate(request, demo); }
};

std::string code_named(const std::string& stem) {
  std::string s = unique_suffix();
  for (auto& c : s) c = static_cast<char>(std::isalnum(static_cast<unsigned char>(c)) ? std::toupper(static_cast<unsigned char>(c)) : '-');
  return (stem + "-" + s).substr(0, 32);
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(discounts_tests, DiscountFixture)

BOOST_AUTO_TEST_CASE(a_percentage_code_discounts_half_up_to_the_cent) {
  const std::string code = code_named("SPRING");
  const auto added = add({{"DiscountCode", code}, {"Percent", "12.5"}, {"Product", "Render"}});
  BOOST_TEST_REQUIRE(added.code() == "00", added.summary());
  BOOST_TEST(added.response().value("Percent", "") == "12.50");
  const auto checked = validate({{"DiscountCode", code}, {"Product", "Render"}, {"Amount", "19.99"}, {"CurrencyCode", "USD"}});
  BOOST_TEST(checked.code() == "00", checked.summary());
  BOOST_TEST(checked.response().value("DiscountAmount", "") == "2.50");  // 2.49875 → 2.50
  BOOST_TEST(checked.response().value("Total", "") == "17.49");
}

BOOST_AUTO_TEST_CASE(a_fixed_amount_code_is_capped_at_the_order) {
  const std::string code = code_named("TENOFF");
  BOOST_TEST_REQUIRE(add({{"DiscountCode", code}, {"Amount", "10.00"}, {"CurrencyCode", "USD"}}).code() == "00");
  const auto small = validate({{"DiscountCode", code}, {"Amount", "7.00"}, {"CurrencyCode", "USD"}});
  BOOST_TEST(small.response().value("DiscountAmount", "") == "7.00", small.summary());
  BOOST_TEST(small.response().value("Total", "") == "0.00");
  const auto other_currency = validate({{"DiscountCode", code}, {"Amount", "700"}, {"CurrencyCode", "JPY"}});
  BOOST_TEST(other_currency.code() == "30", other_currency.summary());
  BOOST_TEST(other_currency.description().find("discount.currency_mismatch") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(window_product_and_minimum_are_enforced_with_reasons) {
  const std::string code = code_named("SUMMER");
  BOOST_TEST_REQUIRE(add({{"DiscountCode", code}, {"Percent", "10"}, {"Product", "Storage"}, {"CurrencyCode", "USD"},
                          {"MinimumOrder", "50.00"}, {"StartDate", "2026-06-01 00:00:00"}, {"EndDate", "2026-06-30 00:00:00"}})
                         .code() == "00");
  const std::vector<std::pair<json, std::string>> cases = {
      {{{"Product", "Render"}, {"Amount", "60.00"}, {"CurrencyCode", "USD"}}, "discount.not_applicable_to_product"},
      {{{"Product", "Storage"}, {"Amount", "49.99"}, {"CurrencyCode", "USD"}}, "discount.minimum_not_met"},
  };
  for (const auto& [order, reason] : cases) {
    json request = order;
    request["DiscountCode"] = code;
    const auto reply = validate(request);
    BOOST_TEST(reply.code() == "30", reply.summary());
    BOOST_TEST(reply.description().find(reason) != std::string::npos, reply.summary());
  }
  BOOST_TEST(validate({{"DiscountCode", code}, {"Product", "Storage"}, {"Amount", "50.00"}, {"CurrencyCode", "USD"}}).code() == "00");
  BOOST_TEST(validate({{"DiscountCode", code}, {"Product", "Storage"}}).code() == "00");  // no amount: validity only
}

BOOST_AUTO_TEST_CASE(codes_outside_their_window_are_refused) {
  const std::string later = code_named("LATER");
  const std::string gone = code_named("GONE");
  add({{"DiscountCode", later}, {"Percent", "5"}, {"StartDate", "2026-07-01 00:00:00"}});
  add({{"DiscountCode", gone}, {"Percent", "5"}, {"EndDate", "2026-06-14 00:00:00"}});
  BOOST_TEST(validate({{"DiscountCode", later}}).description().find("discount.not_yet_valid") != std::string::npos);
  BOOST_TEST(validate({{"DiscountCode", gone}}).description().find("discount.expired") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(add_refuses_bad_input_and_duplicates) {
  const std::string code = code_named("DUP");
  BOOST_TEST_REQUIRE(add({{"DiscountCode", code}, {"Percent", "5"}}).code() == "00");
  BOOST_TEST(add({{"DiscountCode", code}, {"Percent", "5"}}).code() == "40");
  const std::vector<json> bad = {
      {{"DiscountCode", "lower-case"}, {"Percent", "5"}},
      {{"DiscountCode", code_named("A")}, {"Percent", "5"}, {"Amount", "1.00"}, {"CurrencyCode", "USD"}},
      {{"DiscountCode", code_named("B")}},
      {{"DiscountCode", code_named("C")}, {"Percent", "100.5"}},
      {{"DiscountCode", code_named("D")}, {"Amount", "1.00"}},
      {{"DiscountCode", code_named("E")}, {"Amount", "1.005"}, {"CurrencyCode", "USD"}},
      {{"DiscountCode", code_named("F")}, {"Percent", "5"}, {"StartDate", "2026-06-10 00:00:00"}, {"EndDate", "2026-06-01 00:00:00"}},
      {{"DiscountCode", code_named("G")}, {"Percent", "5"}, {"MaxUses", "0"}},
      {{"DiscountCode", json::array()}, {"Percent", "5"}},
  };
  for (const auto& request : bad) {
    const auto reply = add(request);
    BOOST_TEST(reply.code() == "05", request.dump() << ": " << reply.summary());
  }
  BOOST_TEST(validate({{"DiscountCode", code_named("NOPE")}}).code() == "10");
  BOOST_TEST(validate({{"DiscountCode", "no"}}).code() == "05");
}

BOOST_AUTO_TEST_CASE(codes_belong_to_their_client) {
  const std::string code = code_named("MINE");
  BOOST_TEST_REQUIRE(add({{"DiscountCode", code}, {"Percent", "5"}}).code() == "00");
  const Credentials other = register_active_client(server);
  BOOST_TEST(validate({{"DiscountCode", code}}, other).code() == "10");
  BOOST_TEST(add({{"DiscountCode", code}, {"Percent", "7"}}, other).code() == "00");  // the same code, another merchant
  const auto wrong_key = server.post("/api/v1/discountcode/add", envelope(Credentials{demo.id, "x"}, {{"DiscountCode", code}}));
  BOOST_TEST(wrong_key.code() == "20");
}

BOOST_AUTO_TEST_SUITE_END()
