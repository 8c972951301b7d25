#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <optional>
#include <string>

#include "payref/financing.hpp"

using namespace payref;
using namespace payref::financing;

namespace {
Money cad(std::int64_t minor) { return *Money::from_minor(minor, "CAD"); }
Money usd(std::int64_t minor) { return *Money::from_minor(minor, "USD"); }

Plan equal_billing(int rate_bp, std::optional<std::int64_t> monthly_fee = std::nullopt) {
  Plan p;
  p.plan_id = 5;
  p.category = OfferCategory::equal_billing;
  p.rate_basis_points = rate_bp;
  p.terms = {6, 12};
  if (monthly_fee) p.monthly_admin_fee = cad(*monthly_fee);
  return p;
}
Plan deferred(int rate_bp, std::optional<std::int64_t> monthly_fee = std::nullopt) {
  Plan p = equal_billing(rate_bp, monthly_fee);
  p.category = OfferCategory::deferred_payment;
  return p;
}

template <class T>
std::string reason(const Result<T>& r) { return r.is_ok() ? "ok" : r.status().reason(); }
template <class T>
std::string field(const Result<T>& r) { return r.is_ok() ? "" : r.status().field(); }
std::int64_t payment(const Result<TermQuote>& q) { return q.is_ok() ? q->term_amount.minor_units() : -1; }
int apr(const Result<int>& r) { return r.is_ok() ? *r : -1; }
}  // namespace

BOOST_AUTO_TEST_SUITE(financing_tests)

// The api-notes examples (seed 003 "Business rules and formulas").
BOOST_AUTO_TEST_CASE(equal_billing_fee_plan_matches_the_flexiti_examples) {
  const auto six = quote_equal_billing(cad(25000), equal_billing(0, 300), 6);
  BOOST_REQUIRE(six.is_ok());
  BOOST_TEST(six->term == 6);
  BOOST_TEST(six->term_amount.to_decimal_string() == "44.67");
  BOOST_TEST(six->apr_basis_points == 0);
  BOOST_TEST(six->total_interest.minor_units() == 0);
  BOOST_TEST(six->total_fees.minor_units() == 1800);
  BOOST_TEST(six->total_cost_of_borrowing.minor_units() == 1800);
  BOOST_TEST(six->total_to_pay.minor_units() == 26800);
  BOOST_TEST(six->cost_of_borrowing_apr_basis_points == 2469);
  BOOST_TEST(six->term_amount.currency().alpha == "CAD");

  const auto twelve = quote_equal_billing(cad(25000), equal_billing(0, 300), 12);
  BOOST_REQUIRE(twelve.is_ok());
  BOOST_TEST(twelve->term_amount.to_decimal_string() == "23.83");
  BOOST_TEST(twelve->cost_of_borrowing_apr_basis_points == 2658);
  BOOST_TEST(twelve->total_to_pay.minor_units() == 28600);
}

BOOST_AUTO_TEST_CASE(equal_billing_at_a_rate_is_the_amortised_payment) {
  const auto q = quote_equal_billing(cad(1050), equal_billing(999), 3);
  BOOST_REQUIRE(q.is_ok());
  BOOST_TEST(q->term_amount.to_decimal_string() == "3.56");
  BOOST_TEST(q->apr_basis_points == 999);
  BOOST_TEST(q->total_interest.minor_units() == 18);  // 3 × 3.5600… − 10.50 = 0.1750… → 0.18
  BOOST_TEST(q->cost_of_borrowing_apr_basis_points == 999);
  // 1,000.00 at 29.99 % over 12 months: 97.48 a month, 169.79 of interest.
  const auto year = quote_equal_billing(cad(100000), equal_billing(2999), 12);
  BOOST_TEST(payment(year) == 9748);
  BOOST_TEST(year->total_interest.minor_units() == 16979);
  // 1,000.00 at 9.99 % over 120 months: 13.21 a month, 585.14 of interest.
  const auto long_term = quote_equal_billing(cad(100000), equal_billing(999), 120);
  BOOST_TEST(payment(long_term) == 1321);
  BOOST_TEST(long_term->total_interest.minor_units() == 58514);
  // One month at 12 %: the amount plus a month's interest (1 %).
  BOOST_TEST(payment(quote_equal_billing(cad(10000), equal_billing(1200), 1)) == 10100);
}

BOOST_AUTO_TEST_CASE(payments_round_half_up_to_the_cent_exactly_once) {
  // 0.01 / 2 = 0.005 → 0.01; 0.03 / 2 = 0.015 → 0.02; 0.05 / 4 = 0.0125 → 0.01.
  BOOST_TEST(payment(quote_equal_billing(cad(1), equal_billing(0), 2)) == 1);
  BOOST_TEST(payment(quote_equal_billing(cad(3), equal_billing(0), 2)) == 2);
  BOOST_TEST(payment(quote_equal_billing(cad(5), equal_billing(0), 4)) == 1);
  BOOST_TEST(payment(quote_equal_billing(cad(7), equal_billing(0), 4)) == 2);  // 0.0175
  // The fee is added before rounding, and being whole cents it never changes the rounding.
  BOOST_TEST(payment(quote_equal_billing(cad(1), equal_billing(0, 300), 2)) == 301);
  // Deferred simple interest: 600.00 × 0.0001 / 12 = 0.005 → 0.01; 599.99 → 0.0049999 → 0.00.
  BOOST_TEST(quote_deferred(cad(60000), deferred(1), 1)->total_interest.minor_units() == 1);
  BOOST_TEST(quote_deferred(cad(59999), deferred(1), 1)->total_interest.minor_units() == 0);
  // APR: 120000 × 1 / 240000 = 0.5 bp → 1 bp above the rate; 240001 → 0.49999 → 0.
  BOOST_TEST(apr(cost_of_borrowing_apr_deferred(cad(240000), 0, 3, cad(1))) == 1);
  BOOST_TEST(apr(cost_of_borrowing_apr_deferred(cad(240001), 0, 3, cad(1))) == 0);
}

BOOST_AUTO_TEST_CASE(every_term_from_1_to_120_repays_the_amount) {
  for (int rate : {0, 1, 999, 2999, 9999}) {
    std::int64_t previous = INT64_MAX;
    for (int n = 1; n <= 120; ++n) {
      const auto q = quote_equal_billing(cad(123456), equal_billing(rate, 250), n);
      BOOST_REQUIRE_MESSAGE(q.is_ok(), "rate " << rate << " term " << n);
      const std::int64_t base = q->term_amount.minor_units() - 250;
      // n payments cover the amount and the interest to within half a cent each.
      const std::int64_t due = 123456 + q->total_interest.minor_units();
      BOOST_TEST(base * n - due <= n / 2 + 1);
      BOOST_TEST(due - base * n <= n / 2 + 1);
      BOOST_TEST(base <= previous);  // longer terms never cost more per month
      previous = base;
      BOOST_TEST(q->total_fees.minor_units() == 250 * n);
      BOOST_TEST(q->total_to_pay.minor_units() == 123456 + q->total_cost_of_borrowing.minor_units());
      BOOST_TEST(q->cost_of_borrowing_apr_basis_points > rate);
      if (rate == 0) BOOST_TEST(q->total_interest.minor_units() == 0);
      else BOOST_TEST(q->total_interest.minor_units() > 0);
    }
  }
}

BOOST_AUTO_TEST_CASE(without_fees_the_apr_is_the_nominal_rate_for_every_term) {
  for (int rate : {0, 1, 999, 1999, 2999, 4599, 9999})
    for (int n = 1; n <= 120; ++n) {
      BOOST_TEST(apr(cost_of_borrowing_apr(cad(1050), rate, n, std::nullopt)) == rate);
      BOOST_TEST(apr(cost_of_borrowing_apr(cad(1050), rate, n, cad(0))) == rate);
      BOOST_TEST(apr(cost_of_borrowing_apr_deferred(cad(1050), rate, n, std::nullopt)) == rate);
    }
}

BOOST_AUTO_TEST_CASE(cost_of_borrowing_apr_counts_admin_fees) {
  BOOST_TEST(apr(cost_of_borrowing_apr(cad(25000), 0, 6, cad(300))) == 2469);
  BOOST_TEST(apr(cost_of_borrowing_apr(cad(25000), 0, 12, cad(300))) == 2658);
  // 1,500.00 over 24 months, 5.00 a month: 120000 × 24 × 500 × 2 / (150000 × 25) = 768 bp.
  BOOST_TEST(apr(cost_of_borrowing_apr(cad(150000), 0, 24, cad(500))) == 768);
  // Deferred: 1,500.00 at 19.99 % over 6 months with 3.00 a month → 1999 + 240 bp.
  BOOST_TEST(apr(cost_of_borrowing_apr_deferred(cad(150000), 1999, 6, cad(300))) == 2239);
  // The fee part with a rate: more than the rate, less than the rate plus the 0 % fee part.
  const int with_rate = apr(cost_of_borrowing_apr(cad(25000), 999, 12, cad(300)));
  BOOST_TEST(with_rate > 999 + 2658 - 100);
  BOOST_TEST(with_rate < 999 + 2658 + 100);
}

BOOST_AUTO_TEST_CASE(deferred_payment_is_due_at_the_end_with_interest_and_fees) {
  const auto q = quote_deferred(cad(100000), deferred(2999), 12);
  BOOST_REQUIRE(q.is_ok());
  BOOST_TEST(q->total_interest.minor_units() == 29990);
  BOOST_TEST(q->term_amount.minor_units() == 129990);
  BOOST_TEST(q->total_to_pay.minor_units() == 129990);
  BOOST_TEST(q->cost_of_borrowing_apr_basis_points == 2999);
  const auto fees = quote_deferred(cad(150000), deferred(0, 500), 24);
  BOOST_TEST(fees->term_amount.minor_units() == 162000);
  BOOST_TEST(fees->total_fees.minor_units() == 12000);
  BOOST_TEST(fees->cost_of_borrowing_apr_basis_points == 400);
  const auto both = quote_deferred(cad(150000), deferred(1999, 300), 6);
  BOOST_TEST(both->term_amount.minor_units() == 166793);
  BOOST_TEST(both->total_interest.minor_units() == 14993);
  BOOST_TEST(both->cost_of_borrowing_apr_basis_points == 2239);
}

BOOST_AUTO_TEST_CASE(quote_follows_the_plan_category) {
  BOOST_TEST(payment(quote(cad(25000), equal_billing(0, 300), 6)) == 4467);
  BOOST_TEST(payment(quote(cad(25000), deferred(0, 300), 6)) == 26800);
}

BOOST_AUTO_TEST_CASE(annual_fees_are_never_in_the_term_amount) {
  Plan p = equal_billing(0, 300);
  p.annual_fee = cad(5000);
  const auto q = quote(cad(25000), p, 6);
  BOOST_TEST(payment(q) == 4467);
  BOOST_TEST(q->total_fees.minor_units() == 1800);
  BOOST_TEST(q->cost_of_borrowing_apr_basis_points == 2469);
}

BOOST_AUTO_TEST_CASE(amount_with_interest_adds_the_quote_interest) {
  const auto r = amount_with_interest(cad(1050), equal_billing(999), 3);
  BOOST_REQUIRE(r.is_ok());
  BOOST_TEST(r->minor_units() == 1068);
  BOOST_TEST(amount_with_interest(cad(25000), equal_billing(0, 300), 6)->minor_units() == 25000);  // fees are not interest
  BOOST_TEST(amount_with_interest(cad(100000), deferred(2999), 12)->minor_units() == 129990);
  BOOST_TEST(reason(amount_with_interest(cad(0), equal_billing(0), 6)) == "financing.amount_invalid");
}

BOOST_AUTO_TEST_CASE(rejects_amounts_that_are_not_positive) {
  for (std::int64_t a : {0LL, -1LL, -25000LL}) {
    const auto q = quote(cad(a), equal_billing(0), 6);
    BOOST_TEST(reason(q) == "financing.amount_invalid");
    BOOST_TEST(field(q) == "amount");
    BOOST_TEST(to_string(q.status().code()) == "invalid_argument");
    BOOST_TEST(reason(quote(cad(a), deferred(0), 6)) == "financing.amount_invalid");
    BOOST_TEST(reason(cost_of_borrowing_apr(cad(a), 0, 6, std::nullopt)) == "financing.amount_invalid");
  }
}

BOOST_AUTO_TEST_CASE(rejects_terms_outside_1_to_120_months) {
  for (int n : {0, -1, 121, 1000}) {
    BOOST_TEST(reason(quote_equal_billing(cad(25000), equal_billing(0), n)) == "financing.term_invalid");
    BOOST_TEST(field(quote_equal_billing(cad(25000), equal_billing(0), n)) == "term");
    BOOST_TEST(reason(quote_deferred(cad(25000), deferred(0), n)) == "financing.term_invalid");
    BOOST_TEST(reason(cost_of_borrowing_apr(cad(25000), 0, n, std::nullopt)) == "financing.term_invalid");
  }
  BOOST_TEST(reason(quote(cad(25000), equal_billing(0), 1)) == "ok");
  BOOST_TEST(reason(quote(cad(25000), equal_billing(0), 120)) == "ok");
}

BOOST_AUTO_TEST_CASE(rejects_rates_outside_0_to_9999_basis_points) {
  for (int rate : {-1, 10000, 12000}) {
    BOOST_TEST(reason(quote(cad(25000), equal_billing(rate), 6)) == "financing.rate_invalid");
    BOOST_TEST(field(quote(cad(25000), equal_billing(rate), 6)) == "rate");
    BOOST_TEST(reason(quote(cad(25000), deferred(rate), 6)) == "financing.rate_invalid");
    BOOST_TEST(reason(cost_of_borrowing_apr(cad(25000), rate, 6, std::nullopt)) == "financing.rate_invalid");
  }
}

BOOST_AUTO_TEST_CASE(rejects_negative_fees_and_fees_in_another_currency) {
  BOOST_TEST(reason(quote(cad(25000), equal_billing(0, -1), 6)) == "financing.fee_invalid");
  BOOST_TEST(field(quote(cad(25000), equal_billing(0, -1), 6)) == "fees");
  Plan p = equal_billing(0);
  p.monthly_admin_fee = usd(300);
  BOOST_TEST(reason(quote(cad(25000), p, 6)) == "financing.currency_mismatch");
  BOOST_TEST(reason(cost_of_borrowing_apr(cad(25000), 0, 6, usd(300))) == "financing.currency_mismatch");
  BOOST_TEST(reason(cost_of_borrowing_apr_deferred(cad(25000), 0, 6, cad(-5))) == "financing.fee_invalid");
}

BOOST_AUTO_TEST_CASE(large_amounts_are_exact_or_refused_never_overflowed) {
  // The largest amount at 0 % over one month: itself.
  BOOST_TEST(payment(quote(cad(kMaxMinorUnits), equal_billing(0), 1)) == kMaxMinorUnits);
  // Any fee on top of it is beyond the bound.
  const auto over = quote(cad(kMaxMinorUnits), equal_billing(0, 1), 1);
  BOOST_TEST(reason(over) == "money.out_of_range");
  BOOST_TEST(field(over) == "amount");
  // Interest at the top rate over 120 months of the largest amount (≈ 8.1e16 cents) is refused.
  BOOST_TEST(reason(quote(cad(kMaxMinorUnits), equal_billing(9999), 120)) == "money.out_of_range");
  BOOST_TEST(reason(quote(cad(kMaxMinorUnits), deferred(9999), 120)) == "money.out_of_range");
  // A thousandth of the bound is fine, exactly: 9,007,199,254,740.99 at 99.99 % over 120 months.
  const auto big = quote(cad(kMaxMinorUnits / 1000), equal_billing(9999), 120);
  BOOST_REQUIRE(big.is_ok());
  BOOST_TEST(big->term_amount.minor_units() == 750575500277);
  BOOST_TEST(big->total_interest.minor_units() == 81061860778480);
  // The largest fee against the smallest amount has no APR in range.
  BOOST_TEST(reason(cost_of_borrowing_apr(cad(1), 0, 120, cad(kMaxMinorUnits / 120))) == "financing.apr_out_of_range");
  // 1 cent over 6 months with 3.00 a month still has one: 61,714,286 bp.
  BOOST_TEST(apr(cost_of_borrowing_apr(cad(1), 0, 6, cad(300))) == 61714286);
}

BOOST_AUTO_TEST_CASE(amounts_in_other_currencies_round_to_their_minor_unit) {
  const auto yen = quote(*Money::from_minor(25000, "JPY"), equal_billing(0), 6);
  BOOST_TEST(yen->term_amount.to_decimal_string() == "4167");
  BOOST_TEST(yen->term_amount.currency().alpha == "JPY");
}

BOOST_AUTO_TEST_CASE(parse_rate_reads_the_seed_number_5_4) {
  BOOST_TEST(*parse_rate("0.0999") == 999);
  BOOST_TEST(*parse_rate("0.1") == 1000);
  BOOST_TEST(*parse_rate("0.289") == 2890);
  BOOST_TEST(*parse_rate("0") == 0);
  BOOST_TEST(*parse_rate("0.0") == 0);
  BOOST_TEST(*parse_rate("0.9999") == 9999);
  for (const char* bad : {"", "1", "1.0", "-0.1", "0.12345", "0.", ".5", "00.1", "0,1", " 0.1", "0.1 ", "1e-3",
                          "0.1a", "+0.1", "0x1"}) {
    const auto r = parse_rate(bad);
    BOOST_TEST(reason(r) == "financing.rate_invalid", "\"" << bad << "\"");
    BOOST_TEST(field(r) == "rate");
  }
}

BOOST_AUTO_TEST_CASE(format_rate_writes_four_decimals) {
  BOOST_TEST(format_rate(999) == "0.0999");
  BOOST_TEST(format_rate(0) == "0.0000");
  BOOST_TEST(format_rate(2469) == "0.2469");
  BOOST_TEST(format_rate(10000) == "1.0000");
  BOOST_TEST(format_rate(61714286) == "6171.4286");
  BOOST_TEST(format_rate(-5) == "-0.0005");
  for (int bp = 0; bp < 10000; bp += 7) BOOST_TEST(*parse_rate(format_rate(bp)) == bp);
}

BOOST_AUTO_TEST_CASE(offer_category_names_and_plan_terms) {
  BOOST_TEST(to_string(OfferCategory::equal_billing) == "equal_billing");
  BOOST_TEST(to_string(OfferCategory::deferred_payment) == "deferred_payment");
  const Plan p = equal_billing(0);
  BOOST_TEST(offers_term(p, 6));
  BOOST_TEST(offers_term(p, 12));
  BOOST_TEST(!offers_term(p, 3));
  BOOST_TEST(!offers_term(Plan{}, 6));
}

BOOST_AUTO_TEST_CASE(plan_from_text_reads_what_a_form_or_body_carries) {
  const auto p = plan_from_text("deferred_payment", "0.0999", "3.00", "CAD");
  BOOST_REQUIRE(p.is_ok());
  BOOST_TEST((p->category == OfferCategory::deferred_payment));
  BOOST_TEST(p->rate_basis_points == 999);
  BOOST_TEST(p->monthly_admin_fee->minor_units() == 300);
  const auto defaults = plan_from_text("", "", "", "CAD");
  BOOST_TEST((defaults->category == OfferCategory::equal_billing));
  BOOST_TEST(defaults->rate_basis_points == 0);
  BOOST_TEST(!defaults->monthly_admin_fee.has_value());
  BOOST_TEST(reason(plan_from_text("layaway", "", "", "CAD")) == "financing.category_invalid");
  BOOST_TEST(field(plan_from_text("layaway", "", "", "CAD")) == "category");
  BOOST_TEST(reason(plan_from_text("", "1.5", "", "CAD")) == "financing.rate_invalid");
  for (const char* fee : {"-3.00", "3.001", "3,00", "abc"}) {
    BOOST_TEST(reason(plan_from_text("", "", fee, "CAD")) == "financing.fee_invalid", fee);
    BOOST_TEST(field(plan_from_text("", "", fee, "CAD")) == "fees");
  }
  BOOST_TEST(reason(plan_from_text("", "", "3.00", "XYZ")) == "money.unknown_currency");
}

BOOST_AUTO_TEST_CASE(risk_ratings_map_to_customer_categories) {
  BOOST_TEST(*customer_category("L") == "preferred");
  BOOST_TEST(*customer_category("M") == "preferred");
  BOOST_TEST(*customer_category("H") == "premium");
  BOOST_TEST(*customer_category("XH") == "premium");
  BOOST_TEST(*customer_category("XXH") == "standard");
  BOOST_TEST(*customer_category("XXXH") == "standard");
  for (const char* other : {"", "l", "X", "XXXXH", "N", "Y"}) BOOST_TEST(!customer_category(other).has_value());
}

BOOST_AUTO_TEST_SUITE_END()
