#include "gateway/checkout.hpp"

#include "gateway/customers.hpp"
#include "gateway/payments.hpp"
#include "gateway/wire.hpp"

namespace payref::gateway {

namespace {

// The profile-registration model (Card or BankAccount, Name, BillingAddress, Authorizer) built
// from a payment method, for customers' save_payment_profile.
nlohmann::json profile_model(const nlohmann::json& method, const char* instrument_key, const nlohmann::json& instrument,
                             const nlohmann::json& billing_address) {
  return {{instrument_key, instrument},
          {"Name", method.value("Name", nlohmann::json())},
          {"BillingAddress", billing_address},
          {"Authorizer", method.value("Authorizer", nlohmann::json(""))}};
}

// Saving needs a name and an address; they are checked before any money moves.
void check_savable(const Fields& method, const Fields& source) {
  read_name(method.object("Name"));
  read_address(source.object("BillingAddress"));
}

}  // namespace

Paid pay_order(Call& call, const Fields& request, const Money& amount, const OrderPayment& order) {
  const Fields method = request.object("PaymentMethod");
  const nlohmann::json& method_json = call.body["Request"]["PaymentMethod"];
  const int type = method.integer("PaymentType", 0, 1, 3);
  if (type == 0)
    fail(code::validation, method.path_of("PaymentType") + ": is required (1 card, 2 bank account, 3 stored profile)");
  const std::string currency(amount.currency().alpha);
  if (method.has("CurrencyCode") && method.currency("CurrencyCode") != currency)
    fail(code::validation, method.path_of("CurrencyCode") + ": the catalogue is priced in " + currency);
  if (method.has("Authorizer")) method.text("Authorizer", 50);

  const ChargeDetails charge{amount, order.email, order.reference, order.description, order.extras};
  const bool due = amount.minor_units() > 0;
  Paid paid;
  if (type == 1) {
    const Fields card_payment = method.object("CardPayment");
    const CardInput card = read_card(card_payment.object("Card"), call.services.clock.today());
    if (card_payment.has("CaptureMethod")) card_payment.integer("CaptureMethod", 3, 0, 9);
    const bool save = order.keep_on_file || card_payment.flag("SaveToFile", false);
    if (save) check_savable(method, card_payment);
    if (due) paid.transaction = charge_card(call, card.number, gateway_card_type(*card.brand), charge);
    paid.approved = !paid.transaction || is_approved(*paid.transaction);
    if (paid.approved && save) {
      const auto& given = method_json["CardPayment"];
      const nlohmann::json model = profile_model(method_json, "Card", given["Card"], given["BillingAddress"]);
      const auto ids = save_payment_profile(call, order.email, Fields(model, method.path()));
      paid.customer_id = ids.customer_id;
      paid.profile_id = ids.profile_id;
    }
  } else if (type == 2) {
    const Fields bank_request = method.object("BankRequest");
    const BankInput bank = read_bank_account(bank_request);
    if (currency != "USD") fail(code::validation, method.path_of("CurrencyCode") + ": bank accounts are debited in USD");
    const bool save = order.keep_on_file || bank_request.flag("SaveToFile", false);
    if (save) check_savable(method, bank_request);
    if (due) paid.transaction = debit_bank_account(call, bank.routing_number, bank.account_number, bank.account_holder_name, charge);
    paid.approved = !paid.transaction || is_approved(*paid.transaction);
    if (paid.approved && save) {
      const auto& given = method_json["BankRequest"];
      const nlohmann::json account = {{"RoutingNumber", given["RoutingNumber"]},
                                      {"BankAccountNumber", given["BankAccountNumber"]},
                                      {"AccountHolderName", given["AccountHolderName"]}};
      const nlohmann::json model = profile_model(method_json, "BankAccount", account, given["BillingAddress"]);
      const auto ids = save_payment_profile(call, order.email, Fields(model, method.path()));
      paid.customer_id = ids.customer_id;
      paid.profile_id = ids.profile_id;
    }
  } else {
    const Fields stored = method.object("StoredProfile");
    paid.customer_id = stored.text("CustomerProfileId", 9);
    paid.profile_id = stored.text("PaymentProfileId", 9);
    load_payment_method(call, paid.customer_id, paid.profile_id);  // 10 when it is not this client's
    if (due) paid.transaction = charge_stored_profile(call, paid.customer_id, paid.profile_id, charge);
    paid.approved = !paid.transaction || is_approved(*paid.transaction);
  }
  return paid;
}

}  // namespace payref::gateway
