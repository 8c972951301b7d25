#include "financing/interest.hpp"

#include "financing/accounts.hpp"
#include "financing/demo_data.hpp"
#include "financing/fields.hpp"
#include "payref/financing.hpp"

namespace payref::financing {

nlohmann::json plan_fees(const DemoPlan& plan) {
  nlohmann::json fees = nlohmann::json::array();
  if (plan.monthly_admin_fee_cents > 0) {
    const std::string text = Money::from_minor(plan.monthly_admin_fee_cents, "CAD").value().to_decimal_string();
    fees.push_back({{"description", "Admin fee (per month)"},
                    {"amount", money_json(plan.monthly_admin_fee_cents)},
                    {"type", "Admin"},
                    {"message", "A $" + text + " administration fee is charged each month of the term and is included in the "
                                "monthly payment; it is due in full even if the balance is paid off early."}});
  }
  if (plan.annual_fee_cents > 0) {
    const std::string text = Money::from_minor(plan.annual_fee_cents, "CAD").value().to_decimal_string();
    fees.push_back({{"description", "Annual fee"},
                    {"amount", money_json(plan.annual_fee_cents)},
                    {"type", "Annual"},
                    {"message", "A $" + text + " annual fee applies to this plan; it is not included in the term amount."}});
  }
  return fees;
}

Reply calculate_interest(Call& call) {
  const std::string account_number = call.params.at(0);
  const Fields f(call.body);
  if (account_number.empty() || account_number.size() > 14 || account_number.find_first_not_of("0123456789") != std::string::npos)
    fail_field("account_number", "must_be_up_to_14_digits", account_number.size() <= 40 ? nlohmann::json(account_number) : nlohmann::json());
  const Money amount = *f.amount("amount", true);
  const nlohmann::json account = load_account(call, account_number);
  require_purchasing(account);

  const auto category = customer_category(account.value("risk_rating", ""));
  nlohmann::json promotional = nlohmann::json::array();
  for (const auto& id : account.value("plan_ids", nlohmann::json::array())) {
    const auto* plan = find_demo_plan(id.get<int>());
    if (!plan) continue;
    const Plan sdk_plan = to_sdk_plan(*plan);
    nlohmann::json terms = nlohmann::json::array();
    for (int term : plan->terms) {
      const auto q = quote(amount, sdk_plan, term);
      if (!q) fail_status(q.status(), "amount", amount.to_decimal_string());
      terms.push_back({{"term", term},
                       {"term_amount", money_json(q->term_amount.minor_units())},
                       {"apr", rate_json(q->apr_basis_points)},
                       {"fees", plan_fees(*plan)}});
    }
    promotional.push_back({{"plan_id", plan->plan_id}, {"terms", terms}});
  }
  const int air = account.value("air", 0);
  nlohmann::json body{
      {"account_number", number_json(account_number)},
      {"amount", money_json(amount.minor_units())},
      {"customer",
       {{"available_credit", money_json(account.at("available_credit").get<std::int64_t>())},
        {"air", rate_json(air)},
        {"first_name", account.at("first_name")},
        {"last_name", account.at("last_name")},
        {"customer_category_type", category ? nlohmann::json(std::string(*category)) : nlohmann::json()}}},
      {"regular_purchase", {{"term_amount", money_json(amount.minor_units())}, {"air", rate_json(air)}, {"fees", nlohmann::json::array()}}},
      {"promotional_purchase", promotional}};
  return Reply{200, body, {}};
}

}  // namespace payref::financing
