// Financing quotes and the driver's-licence decoder. Not per-keystroke: plain Embind returning
// plain JS objects. tests/vectors/adapters/financing_adapters.cpp mirrors these calls natively.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cmath>
#include <string>

#include "payref/aamva.hpp"
#include "payref/financing.hpp"

using emscripten::val;

namespace payref::wasm {
namespace {

using namespace payref::financing;

val error_object(const Status& s) {
  auto out = val::object();
  out.set("ok", false);
  out.set("code", std::string(to_string(s.code())));
  out.set("reason", s.reason());
  out.set("field", s.field());
  out.set("message", s.message());
  return out;
}

// A JS number that is not whole is no term: 0 makes the core refuse it (financing.term_invalid).
int term_of(double t) { return std::isfinite(t) && std::trunc(t) == t && std::fabs(t) < 1e6 ? static_cast<int>(t) : 0; }

val quote_object(const std::string& amount_text, const std::string& currency, const std::string& category,
                 const std::string& rate, const std::string& fee, double term) {
  const auto amount = parse_money(amount_text, currency);
  if (!amount) return error_object(amount.status());
  const auto plan = plan_from_text(category, rate, fee, currency);
  if (!plan) return error_object(plan.status());
  const auto q = quote(*amount, *plan, term_of(term));
  if (!q) return error_object(q.status());
  auto out = val::object();
  out.set("ok", true);
  out.set("currency", std::string(q->term_amount.currency().alpha));
  out.set("term", q->term);
  out.set("termAmount", q->term_amount.to_decimal_string());
  out.set("aprBasisPoints", q->apr_basis_points);
  out.set("apr", format_rate(q->apr_basis_points));
  out.set("totalInterest", q->total_interest.to_decimal_string());
  out.set("totalFees", q->total_fees.to_decimal_string());
  out.set("totalCostOfBorrowing", q->total_cost_of_borrowing.to_decimal_string());
  out.set("totalToPay", q->total_to_pay.to_decimal_string());
  out.set("costOfBorrowingAprBasisPoints", q->cost_of_borrowing_apr_basis_points);
  out.set("costOfBorrowingApr", format_rate(q->cost_of_borrowing_apr_basis_points));
  return out;
}

val apr_object(const std::string& amount_text, const std::string& currency, const std::string& category,
               const std::string& rate, const std::string& fee, double term) {
  const auto amount = parse_money(amount_text, currency);
  if (!amount) return error_object(amount.status());
  const auto plan = plan_from_text(category, rate, fee, currency);
  if (!plan) return error_object(plan.status());
  const Plan& p = *plan;
  const auto bp = p.category == OfferCategory::deferred_payment
                      ? cost_of_borrowing_apr_deferred(*amount, p.rate_basis_points, term_of(term), p.monthly_admin_fee)
                      : cost_of_borrowing_apr(*amount, p.rate_basis_points, term_of(term), p.monthly_admin_fee);
  if (!bp) return error_object(bp.status());
  auto out = val::object();
  out.set("ok", true);
  out.set("basisPoints", *bp);
  out.set("rate", format_rate(*bp));
  return out;
}

val licence_object(const std::string& code) {
  const auto l = aamva::decode(code);
  if (!l) return error_object(l.status());
  auto out = val::object();
  out.set("ok", true);
  out.set("firstName", l->first_name);
  out.set("middleName", l->middle_name);
  out.set("lastName", l->last_name);
  out.set("dob", l->dob);
  out.set("address1", l->address_1);
  out.set("city", l->city);
  out.set("province", l->province);
  out.set("postalCode", l->postal_code);
  out.set("govidType", l->govid_type);
  out.set("govidIssuedBy", l->govid_issuedby);
  out.set("govidNumber", l->govid_number);
  out.set("govidExpiry", l->govid_expiry);
  return out;
}

}  // namespace
}  // namespace payref::wasm

EMSCRIPTEN_BINDINGS(payref_financing) {
  using namespace payref::wasm;
  emscripten::function("financingQuote", &quote_object);
  emscripten::function("financingCostOfBorrowingApr", &apr_object);
  emscripten::function("decodeAamva", &licence_object);
}
