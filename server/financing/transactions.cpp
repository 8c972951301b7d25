#include "financing/transactions.hpp"

#include "financing/accounts.hpp"
#include "financing/fields.hpp"
#include "financing/verify.hpp"

namespace payref::financing {

Reply create_transaction(Call& call) {
  const Fields f(call.body);
  const auto type = f.text("transaction_type", 30, true);
  if (*type != "deposit" && *type != "instore_payment" && *type != "tradein")
    refuse(error::invalid_transaction_type, "transaction_type must be deposit, instore_payment or tradein.");
  const Money amount = *f.amount("amount", true);
  const auto vcc = f.digits("vcc_number", 19, false);
  const auto account_number = f.digits("account_number", 14, false);
  const auto customer_id = f.digits("customer_id", 12, false);
  const auto verification_code = f.text("verification_code", 20, false);
  const auto reference = f.text("reference", 40, false);
  f.text("external_location_id", 100, false);
  f.text("external_employee_id", 100, false);
  const int given = (vcc ? 1 : 0) + (account_number ? 1 : 0) + (customer_id ? 1 : 0);
  if (given != 1) fail_field("account_number", given == 0 ? "one_of_vcc_number_account_number_customer_id_required" : "only_one_identifier_allowed");

  std::optional<nlohmann::json> found;
  if (account_number) found = load_account(call, *account_number);
  else if (vcc) found = find_account_by_vcc(call, *vcc);
  else found = find_account_by_customer_id(call, *customer_id);
  if (!found) fail(404, error::not_found, "No account matches this identifier.");
  nlohmann::json account = std::move(*found);
  const std::string number = account.at("account_number");
  require_payable(account);

  if (*type != "deposit") {
    if (!verification_code) refuse(error::verification_code_required, "An in-store payment or trade-in needs the code from /verify.");
    if (!consume_verification(call, number, *verification_code, std::nullopt, VerificationUse::payment, amount.minor_units()))
      refuse(error::wrong_verification_code, "The verification code does not match a current verification of this account.");
  }
  const std::int64_t limit = account.at("credit_limit"), available = account.at("available_credit");
  if (amount.minor_units() > limit - available)
    fail_field("amount", "exceeds_balance_owing", amount.to_decimal_string());
  nlohmann::json payments = recent(account.value("payments", nlohmann::json::array()), call.now_seconds(), 24 * 3600);
  std::int64_t today = 0;
  for (const auto& p : payments) today += p.value("cents", std::int64_t{0});
  if (today + amount.minor_units() > kDailyPaymentLimitCents)
    refuse(error::limit_payment_amount_24, "More than $10,000.00 of payments on this account in 24 hours.");
  payments.push_back({{"at", call.now_seconds()}, {"cents", amount.minor_units()}});
  account["payments"] = payments;
  account["available_credit"] = available + amount.minor_units();
  save_account(call, account);

  const std::string id = std::to_string(840000000 + call.tx.next_sequence("fin_txn"));
  nlohmann::json body{{"transaction_id", number_json(id)},
                      {"transaction_type", *type},
                      {"account_number", number_json(number)},
                      {"amount", money_json(amount.minor_units())},
                      {"reference", reference ? nlohmann::json(*reference) : nlohmann::json()},
                      {"date", sim::format_iso8601(call.now)},
                      {"available_credit", money_json(available + amount.minor_units())}};
  call.tx.put(store::Document{"fin_txn", id, call.client_id, number, "", body, {}});
  return Reply{200, body, {}};
}

}  // namespace payref::financing
