// Point-of-sale financing quotes (seed 003 calculate-interest; api-notes "Seed 003 (e) Business
// rules"): equal-billing monthly payments, deferred payments, regular purchases, fees, the
// interest a plan adds, and the Canadian cost-of-borrowing APR. One implementation for the
// server's calculate-interest and authorization checks and for the browser's quotes, so the two
// agree to the cent (docs/financing.md "Formulas").
//
// Rates are exact decimals in basis points of a fraction, the seed's number(5,4): 999 = 0.0999 =
// 9.99 % a year. Money is integer cents; each result is rounded once, half-up to the cent.
//
// Rounding rule (sdk/src/financing.cpp): every figure is the exact rational value of its formula,
// computed with arbitrary-precision integers (no floating point, so native and wasm agree bit for
// bit), rounded once, half-up, to the minor unit (money) or to the basis point (APR).
// Common failures: financing.amount_invalid (field "amount"), financing.term_invalid ("term"),
// financing.rate_invalid ("rate": not 0..9999 bp), financing.fee_invalid ("fees": negative),
// financing.currency_mismatch ("fees": fee in another currency), money.out_of_range ("amount":
// a total beyond 2^53−1 minor units), financing.apr_out_of_range ("fees": APR beyond 2·10^9 bp).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "payref/money.hpp"
#include "payref/status.hpp"

namespace payref::financing {

// "0.0999" (the seed's number(5,4), also "0.1", "0") → 999; financing.rate_invalid otherwise
// (negative, more than 4 decimals, 1 or more).
Result<int> parse_rate(std::string_view text);
std::string format_rate(int basis_points);  // 999 → "0.0999"

enum class OfferCategory { equal_billing, deferred_payment };
std::string_view to_string(OfferCategory category);  // "equal_billing", "deferred_payment"

// A merchant's promotional plan (seed table 1 offer_types, table 3 promotional_purchase).
struct Plan {
  int plan_id = 0;
  std::string plan_name;
  OfferCategory category = OfferCategory::equal_billing;
  int rate_basis_points = 0;        // the plan's annual interest rate (0 for fee-only plans)
  std::vector<int> terms;           // months the plan offers, e.g. {6, 12}
  std::optional<Money> monthly_admin_fee;  // fee type "Admin", charged each month of the term
  std::optional<Money> annual_fee;         // fee type "Annual": disclosed, never in term_amount
};

// One term of a plan for an amount: what calculate-interest shows.
struct TermQuote {
  int term = 0;                 // months
  Money term_amount;            // equal billing: the monthly payment including the admin fee;
                                // deferred: the amount due at the end of the term
  int apr_basis_points = 0;     // the plan rate (the seed's `apr`, a coefficient)
  Money total_interest;         // interest over the term
  Money total_fees;             // admin fees over the term (annual fees excluded)
  Money total_cost_of_borrowing;  // interest + admin fees
  Money total_to_pay;           // amount + cost of borrowing
  int cost_of_borrowing_apr_basis_points = 0;  // the Canadian disclosure APR, see below
};

// Whether the plan offers this term (the server's plan_term_not_available). The quote functions
// do not check it: they quote any term from 1 to 120 months.
bool offers_term(const Plan& plan, int term);

// Equal monthly payment: r = rate/12; base = amount/term when r is 0, else the amortised
// amount·r / (1 − (1+r)^−term); term_amount = half_up(base + monthly admin fee).
// 250.00 over 6 months at 0 with 3.00/month → 44.67; over 12 → 23.83; 10.50 at 0.0999 over 3 → 3.56.
// financing.term_invalid (term < 1 or > 120), financing.amount_invalid (amount ≤ 0).
Result<TermQuote> quote_equal_billing(const Money& amount, const Plan& plan, int term);

// Deferred payment: nothing to pay during the term; term_amount = amount + interest at the plan
// rate over the term (simple, monthly) + admin fees over the term.
Result<TermQuote> quote_deferred(const Money& amount, const Plan& plan, int term);

// quote_equal_billing or quote_deferred by the plan's category.
Result<TermQuote> quote(const Money& amount, const Plan& plan, int term);

// The Canadian cost-of-borrowing APR (federal Cost of Borrowing Regulations; Quebec's "credit
// rate"): APR = C / (T × P), C the total cost of borrowing (interest + admin fees), T the term in
// years, P the average principal outstanding at the end of each month before that month's
// payment, payments applied to the cost of borrowing first; the schedule is the exact (unrounded)
// annuity, so the interest part is exactly the plan rate and only the fees add to it. In basis
// points, half-up: rate + 120000 × n × fee / Σ principal outstanding.
// 250.00 over 6 months, 0 %, 3.00/month → 2469 (24.69 %); 12 months → 2658; no fees → the
// nominal rate (10.50 at 0.0999 over 3 → 999).
Result<int> cost_of_borrowing_apr(const Money& amount, int rate_basis_points, int term, const std::optional<Money>& monthly_admin_fee);

// The same disclosure for a deferred-payment plan: nothing is repaid during the term, so the
// principal outstanding is the amount all along (P = amount) and C = simple interest + admin
// fees over the term: rate + 120000 × fee / amount basis points. quote_deferred reports this.
Result<int> cost_of_borrowing_apr_deferred(const Money& amount, int rate_basis_points, int term,
                                           const std::optional<Money>& monthly_admin_fee);

// What a purchase on the plan adds to the balance for the credit check ("credit_exceeded" counts
// the amount plus interest): amount + total_interest of the quote.
Result<Money> amount_with_interest(const Money& amount, const Plan& plan, int term);

// A plan from text, as a form or a JSON body carries it (the npm package's financing.quote and
// financing.costOfBorrowingApr use it): category "equal_billing" (or "") / "deferred_payment";
// rate as parse_rate ("" = 0); the monthly admin fee as strict decimal text in `currency` ("" =
// none). reason: financing.category_invalid (field "category"), financing.rate_invalid ("rate"),
// financing.fee_invalid ("fees": malformed or negative), money.unknown_currency ("currency").
Result<Plan> plan_from_text(std::string_view category, std::string_view rate, std::string_view monthly_admin_fee,
                            std::string_view currency);

// The customer category of a seed-era risk rating: L, M → "preferred"; H, XH → "premium";
// XXH, XXXH → "standard"; nullopt for anything else.
std::optional<std::string_view> customer_category(std::string_view risk_rating);

}  // namespace payref::financing
