// financing.quote, financing.costOfBorrowingApr and aamva.decode: mirror wasm/bind_financing.cpp
// (same sdk calls, same result objects) so tests/js can compare native and wasm field for field.
#include <cmath>

#include "payref/aamva.hpp"
#include "payref/financing.hpp"
#include "vector_adapters.hpp"

namespace payref::vectors {
namespace {

using namespace payref::financing;

Json error_json(const Status& s) {
  return Json{{"ok", false}, {"code", to_string(s.code())}, {"reason", s.reason()}, {"field", s.field()}, {"message", s.message()}};
}

// JS numbers that are not whole are no term: 0 makes the core refuse it (financing.term_invalid).
int term_arg(const Json& args, std::size_t i) {
  if (i >= args.size() || !args[i].is_number()) return 0;
  const double t = args[i].get<double>();
  return std::isfinite(t) && std::trunc(t) == t && std::fabs(t) < 1e6 ? static_cast<int>(t) : 0;
}

// (amount, currency, {category, rate, monthlyAdminFee}, term) → the amount and plan, as the
// binding reads them.
struct Inputs {
  Result<Money> amount;
  Result<Plan> plan;
};
Inputs inputs(const Json& a) {
  const std::string currency = string_arg(a, 1);
  const Json* plan = object_arg(a, 2);
  const auto text = [&](const char* key) {
    if (plan == nullptr || !plan->contains(key) || (*plan)[key].is_null()) return std::string();
    const Json& v = (*plan)[key];
    return v.is_string() ? v.get<std::string>() : v.dump();
  };
  return {parse_money(string_arg(a, 0), currency),
          plan_from_text(text("category"), text("rate"), text("monthlyAdminFee"), currency)};
}

Json quote_json(const Result<TermQuote>& r) {
  if (!r) return error_json(r.status());
  return Json{{"ok", true},
              {"currency", r->term_amount.currency().alpha},
              {"term", r->term},
              {"termAmount", r->term_amount.to_decimal_string()},
              {"aprBasisPoints", r->apr_basis_points},
              {"apr", format_rate(r->apr_basis_points)},
              {"totalInterest", r->total_interest.to_decimal_string()},
              {"totalFees", r->total_fees.to_decimal_string()},
              {"totalCostOfBorrowing", r->total_cost_of_borrowing.to_decimal_string()},
              {"totalToPay", r->total_to_pay.to_decimal_string()},
              {"costOfBorrowingAprBasisPoints", r->cost_of_borrowing_apr_basis_points},
              {"costOfBorrowingApr", format_rate(r->cost_of_borrowing_apr_basis_points)}};
}

Json licence_json(const Result<aamva::Licence>& r) {
  if (!r) return error_json(r.status());
  return Json{{"ok", true},
              {"firstName", r->first_name},
              {"middleName", r->middle_name},
              {"lastName", r->last_name},
              {"dob", r->dob},
              {"address1", r->address_1},
              {"city", r->city},
              {"province", r->province},
              {"postalCode", r->postal_code},
              {"govidType", r->govid_type},
              {"govidIssuedBy", r->govid_issuedby},
              {"govidNumber", r->govid_number},
              {"govidExpiry", r->govid_expiry}};
}

}  // namespace

void add_financing_adapters(AdapterTable& table) {
  table["financing.quote"] = [](const Json& a) {
    const Inputs in = inputs(a);
    if (!in.amount) return error_json(in.amount.status());
    if (!in.plan) return error_json(in.plan.status());
    return quote_json(quote(*in.amount, *in.plan, term_arg(a, 3)));
  };
  table["financing.costOfBorrowingApr"] = [](const Json& a) {
    const Inputs in = inputs(a);
    if (!in.amount) return error_json(in.amount.status());
    if (!in.plan) return error_json(in.plan.status());
    const Plan& p = *in.plan;
    const int term = term_arg(a, 3);
    const auto bp = p.category == OfferCategory::deferred_payment
                        ? cost_of_borrowing_apr_deferred(*in.amount, p.rate_basis_points, term, p.monthly_admin_fee)
                        : cost_of_borrowing_apr(*in.amount, p.rate_basis_points, term, p.monthly_admin_fee);
    if (!bp) return error_json(bp.status());
    return Json{{"ok", true}, {"basisPoints", *bp}, {"rate", format_rate(*bp)}};
  };
  table["aamva.decode"] = [](const Json& a) { return licence_json(aamva::decode(string_arg(a, 0))); };
}

}  // namespace payref::vectors
