#include "gateway/payments.hpp"

#include <cmath>

#include "gateway/customers.hpp"
#include "gateway/fields.hpp"
#include "gateway/ids.hpp"
#include "payref/payment_state.hpp"
#include "http/redact.hpp"
#include "sim/processor.hpp"

namespace payref::gateway {

// A new TransactionReference, unique among this client's transactions. An attempt that ended in a
// processor error (91, "retry later") does not use its reference up: the retry may reuse it.
std::string unique_reference(const Call& call, const Fields& request) {
  const std::string reference = request.text("TransactionReference", 50);
  for (const auto& used : call.tx.find(kTransactions, call.client_id, store::Key::key2, reference))
    if (used.body.value("Status", "") != "Error")
      fail(code::duplicate, "Request.TransactionReference: " + reference + " has already been used");
  return reference;
}

namespace {

enum Type { kAuthorize = 1, kCharge = 2, kRefund = 3, kSettle = 4, kVoid = 5, kDebit = 6, kCredit = 7, kThirdParty = 8 };

void check_type(const Fields& request, int expected) {
  if (request.has("TransactionType") && request.integer("TransactionType", expected, 0, 99) != expected)
    fail(code::validation, "Request.TransactionType: must be " + std::to_string(expected) + " for this endpoint");
}

std::string transaction_time(const Call& call, const Fields& request) {
  const auto t = request.optional_datetime("TransactionDateTime");
  return sim::format_wire_datetime(t ? *t : call.services.clock.now());
}

// Optional pass-through objects the seed carries (stored and echoed as given).
void copy_extras(const Call& call, nlohmann::json& record) {
  static const nlohmann::json kNoRequest = nlohmann::json::object();
  const auto found = call.body.find("Request");
  const auto& request = found != call.body.end() && found->is_object() ? *found : kNoRequest;
  for (const char* key : {"Discount", "Marketing", "RevenuePartner"}) {
    const auto it = request.find(key);
    record[key] = it != request.end() && (it->is_object() || it->is_null()) ? *it : nlohmann::json();
  }
  record["Authorizer"] = request.value("Authorizer", nlohmann::json("")).is_string() ? request.value("Authorizer", "") : "";
}

// Every write of a transaction goes through here, so its stored list view stays in step.
void put_transaction(Call& call, store::Document& doc) {
  doc.summary = transaction_list_item(doc.body).dump();
  call.tx.put(doc);
}

store::Document save_transaction(Call& call, nlohmann::json record) {
  const std::string id = next_id(call.tx, IdKind::transaction);
  record["TransactionId"] = id;
  record["CreatedAt"] = sim::format_wire_datetime(call.services.clock.now());
  store::Document doc{kTransactions, id, call.client_id, email_key(record.value("Email", "")), record.value("TransactionReference", ""),
                      std::move(record), {}};
  put_transaction(call, doc);
  return doc;
}

// The Response of a payment call.
nlohmann::json payment_response(const nlohmann::json& t) {
  nlohmann::json out = nlohmann::json::object();
  for (const char* key : {"TransactionId", "TransactionType", "TransactionReference", "TransactionDateTime", "AuthCode", "Amount",
                          "CurrencyCode", "Status", "CardType", "MaskedCardNumber", "OriginalTransactionId",
                          "CustomerProfileId", "PaymentProfileId"})
    if (t.contains(key)) out[key] = t[key];
  return out;
}

Reply outcome_reply(const nlohmann::json& record, sim::Outcome outcome, const std::string& what) {
  Reply r = success(outcome == sim::Outcome::approved ? what : description_for(outcome), payment_response(record));
  r.body["Message"]["Code"] = code_for(outcome);
  return r;
}

struct Card {
  std::string number;
  std::string card_type;
  nlohmann::json profile_ids;  // {CustomerProfileId, PaymentProfileId} for stored profiles
  bool expired = false;        // a stored card past its expiry: declined (53) like any decline
};

// Authorize (type 1) or charge (type 2) a card through the simulated processor.
// The processor's answer to a card authorization or charge, as a transaction record (not saved).
nlohmann::json card_record(const Card& card, int type, const Money& amount, const std::string& email,
                           const std::string& reference, const std::string& when, sim::Outcome& outcome) {
  const auto decision = card.expired ? sim::Decision{sim::Outcome::expired_card, {}} : sim::decide_card(card.number, amount.minor_units());
  outcome = decision.outcome;
  const bool approved = decision.outcome == sim::Outcome::approved;
  const std::string currency(amount.currency().alpha);
  nlohmann::json record = {
      {"TransactionType", std::to_string(type)},
      {"TransactionReference", reference},
      {"TransactionDateTime", when},
      {"Amount", amount.to_decimal_string()},
      {"CurrencyCode", currency},
      {"Email", email},
      {"PaymentMethod", "Card"},
      {"CardType", card.card_type},
      {"MaskedCardNumber", mask_card_number(card.number)},
      {"AuthCode", approved ? nlohmann::json(decision.auth_code) : nlohmann::json()},
      {"Status", payment_status_name(approved ? (type == kAuthorize ? PaymentStatus::authorized : PaymentStatus::charged)
                                              : (decision.outcome == sim::Outcome::processor_error ? PaymentStatus::error
                                                                                                  : PaymentStatus::declined))},
      {"ResponseCode", code_for(decision.outcome)},
      {"CapturedMinor", approved && type == kCharge ? amount.minor_units() : 0},
      {"AuthorizedMinor", approved ? amount.minor_units() : 0},
      {"RefundedMinor", 0},
  };
  if (!card.profile_ids.is_null()) record.update(card.profile_ids);
  return record;
}

Reply card_payment(Call& call, const Fields& request, const Card& card, int type) {
  const std::string currency = request.currency("CurrencyCode");
  const Money amount = request.amount("Amount", currency);
  const std::string email = request.email("Email");
  if (request.has("CaptureMethod")) request.integer("CaptureMethod", 3, 0, 9);
  const std::string reference = unique_reference(call, request);
  sim::Outcome outcome{};
  nlohmann::json record = card_record(card, type, amount, email, reference, transaction_time(call, request), outcome);
  if (const auto name = request.optional_object("Name")) record["Name"] = read_name(*name);
  if (const auto address = request.optional_object("BillingAddress")) record["BillingAddress"] = read_address(*address);
  copy_extras(call, record);
  const auto saved = save_transaction(call, std::move(record));
  return outcome_reply(saved.body, outcome, type == kAuthorize ? "Authorized." : "Approved and captured.");
}

Card card_from_request(const Call& call, const Fields& request) {
  const CardInput in = read_card(request.object("Card"), call.services.clock.today());
  return Card{in.number, gateway_card_type(*in.brand), nullptr};
}

Card card_from_profile(Call& call, const Fields& request) {
  const std::string customer_id = request.text("CustomerProfileId", 9);
  const auto method = load_payment_method(call, customer_id, request.text("PaymentProfileId", 9));
  if (method.card_number.empty()) fail(code::validation, "Request.PaymentProfileId: the profile is a bank account, not a card");
  // A stored card is checked against today's date as a new one would be.
  const std::string expiry = method.profile.body["Card"].value("ExpiryDate", "");
  const bool expired = !validate_expiry(expiry, call.services.clock.today()).is_valid;
  return Card{method.card_number, method.profile.body["Card"].value("CardType", ""),
              {{"CustomerProfileId", customer_id}, {"PaymentProfileId", method.profile.id}}, expired};
}

// The original of a follow-up call, checked against what the caller quotes.
store::Document original_of(const Call& call, const Fields& request, bool amount_must_match) {
  const std::string id = request.text("TransactionId", 9);
  auto original = call.tx.get(kTransactions, call.client_id, id);
  if (!original) fail(code::not_found, "Request.TransactionId: no transaction " + id);
  const auto& t = original->body;
  if (t.value("PaymentMethod", "") != "Card") fail(code::invalid_state, "Request.TransactionId: " + id + " is not a card transaction");
  const std::string status = t.value("Status", "");
  const auto state = payment_status_from_name(status);
  if (!state || !was_approved(*state))
    fail(code::invalid_state, "Request.TransactionId: " + id + " was not approved (" + status + "); nothing to follow up.");
  const std::string currency = request.currency("CurrencyCode");
  const auto mismatch = [](const std::string& field) { fail(code::validation, "Request." + field + ": does not match the original transaction"); };
  if (currency != t.value("CurrencyCode", "")) mismatch("CurrencyCode");
  if (request.text("OriginalTransactionReference", 50) != t.value("TransactionReference", "")) mismatch("OriginalTransactionReference");
  if (!t["AuthCode"].is_string() || request.text("AuthCode", 6) != t["AuthCode"].get<std::string>()) mismatch("AuthCode");
  if (const auto when = request.optional_datetime("OriginalTransactionDateTime"))
    if (sim::format_wire_datetime(*when) != t.value("TransactionDateTime", "")) mismatch("OriginalTransactionDateTime");
  if (amount_must_match && request.amount("Amount", currency).to_decimal_string() != t.value("Amount", "")) mismatch("Amount");
  return *original;
}

// The money fields of a stored card transaction (its record keeps them in minor units).
CardLedger ledger_of(const nlohmann::json& t, PaymentStatus status) {
  return {status, t.value("AuthorizedMinor", std::int64_t{0}), t.value("CapturedMinor", std::int64_t{0}),
          t.value("RefundedMinor", std::int64_t{0})};
}

void write_ledger(nlohmann::json& t, const CardLedger& ledger) {
  t["Status"] = payment_status_name(ledger.status);
  t["CapturedMinor"] = ledger.captured;
  if (ledger.refunded != 0 || t.contains("RefundedMinor")) t["RefundedMinor"] = ledger.refunded;
}

// Settle (4), void (5) or refund (3) of an earlier card transaction.
Reply follow_up(Call& call, int type, bool from_profile) {
  const Fields request = request_fields(call.body);
  check_type(request, type);
  auto original = original_of(call, request, type != kRefund);
  auto& t = original.body;
  if (from_profile) {
    const std::string customer = request.text("CustomerProfileId", 9);
    if (t.value("CustomerProfileId", "") != customer)
      fail(code::not_found, "Request.TransactionId: " + original.id + " was not made on customer " + customer + "'s profile");
  }
  const std::string status = t.value("Status", "");
  const std::string currency = t.value("CurrencyCode", "");
  const FollowUp action = type == kSettle ? FollowUp::settle : type == kVoid ? FollowUp::void_payment : FollowUp::refund;
  const auto state = payment_status_from_name(status);
  // The state first: a refund's Amount is read only once the state allows a refund.
  if (!state || !can_follow_up(action, *state))
    fail(code::invalid_state, std::string(follow_up_rule(action)) + "; this one is " + status + ".");
  const CardLedger ledger = ledger_of(t, *state);
  // What this follow-up moves: a settle or void the authorized amount, a refund what it asks.
  const std::int64_t amount_minor = action == FollowUp::refund ? request.amount("Amount", currency).minor_units() : ledger.authorized;
  const auto next = apply_follow_up(ledger, action, amount_minor);
  if (!next) {  // the table allowed it and the amount is positive: only the refund's size is left

    const auto left = Money::from_minor(ledger.captured - ledger.refunded, currency);
    fail(code::invalid_state, "Request.Amount: exceeds what is left to refund (" + left->to_decimal_string() + " " + currency + ").");
  }
  write_ledger(t, *next);
  // The follow-up's own record: Settled, Voided, or Refunded for each refund, partial or not.
  const std::string new_status(payment_status_name(status_after(action, true)));
  put_transaction(call, original);

  const auto amount = Money::from_minor(amount_minor, currency);
  nlohmann::json record = {
      {"TransactionType", std::to_string(type)},
      {"TransactionReference", type == kRefund && request.has("TransactionReference") ? unique_reference(call, request) : std::string()},
      {"TransactionDateTime", transaction_time(call, request)},
      {"Amount", amount->to_decimal_string()},
      {"CurrencyCode", currency},
      {"Email", request.optional_text("Email", 256).value_or(t.value("Email", ""))},
      {"PaymentMethod", "Card"},
      {"CardType", t["CardType"]},
      {"MaskedCardNumber", t["MaskedCardNumber"]},
      {"AuthCode", t["AuthCode"]},
      {"Status", new_status},
      {"ResponseCode", code::ok},
      {"OriginalTransactionId", original.id},
      {"Reason", request.optional_text("Reason", 255).value_or("")},
  };
  for (const char* key : {"CustomerProfileId", "PaymentProfileId"})
    if (t.contains(key)) record[key] = t[key];
  const auto saved = save_transaction(call, std::move(record));
  const char* what = type == kSettle ? "Settled." : type == kVoid ? "Voided." : "Refunded.";
  return success(what, payment_response(saved.body));
}

// A bank debit (6) or credit (7) through the simulated processor, as a transaction record (not
// saved); "Outcome" carries the processor's answer for the caller to take out.
nlohmann::json bank_record(int type, const std::string& routing_number, const std::string& account_number, const std::string& holder,
                           const Money& amount, const std::string& email, const std::string& reference, const std::string& when) {
  const auto decision = sim::decide_bank(account_number, amount.minor_units());
  const bool approved = decision.outcome == sim::Outcome::approved;
  return {
      {"TransactionType", std::to_string(type)},
      {"TransactionReference", reference},
      {"TransactionDateTime", when},
      {"Amount", amount.to_decimal_string()},
      {"CurrencyCode", std::string(amount.currency().alpha)},
      {"Email", email},
      {"PaymentMethod", "Bank"},
      {"RoutingNumber", routing_number},
      {"MaskedAccountNumber", http::mask_account_number(account_number)},
      {"AccountHolderName", holder},
      {"AuthCode", nullptr},  // the seed: no auth code for bank transfers
      {"Status", approved ? (type == kDebit ? "Debited" : "Credited")
                          : (decision.outcome == sim::Outcome::processor_error ? "Error" : "Declined")},
      {"ResponseCode", code_for(decision.outcome)},
      {"Outcome", decision.outcome},
  };
}

Reply bank_transfer(Call& call, int type) {
  const Fields request = request_fields(call.body);
  check_type(request, type);
  const std::string currency = request.optional_text("CurrencyCode", 3).value_or("USD");
  if (currency != "USD") fail(code::validation, "Request.CurrencyCode: bank transfers are in USD");
  const Money amount = request.amount("Amount", currency);
  const BankInput bank = read_bank_account(request);
  const std::string email = request.email("Email");
  const std::string reference = unique_reference(call, request);
  nlohmann::json record = bank_record(type, bank.routing_number, bank.account_number, bank.account_holder_name, amount, email, reference,
                                      transaction_time(call, request));
  record["Description"] = request.optional_text("Description", 255).value_or("");
  const auto outcome = record["Outcome"].get<sim::Outcome>();
  record.erase("Outcome");
  if (const auto name = request.optional_object("Name")) record["Name"] = read_name(*name);
  copy_extras(call, record);
  auto saved = save_transaction(call, std::move(record));
  auto reply = outcome_reply(saved.body, outcome, type == kDebit ? "Debit accepted." : "Credit accepted.");
  for (const char* key : {"RoutingNumber", "MaskedAccountNumber"}) reply.body["Response"][key] = saved.body[key];
  return reply;
}

}  // namespace

namespace {
// Authorize or charge a card given in the request or stored in a payment profile.
Reply new_card_payment(Call& call, int type, Card (*card_source)(Call&, const Fields&)) {
  const Fields request = request_fields(call.body);
  check_type(request, type);
  return card_payment(call, request, card_source(call, request), type);
}
Card card_in_request(Call& call, const Fields& request) { return card_from_request(call, request); }
}  // namespace

Reply card_authorize(Call& call) { return new_card_payment(call, kAuthorize, card_in_request); }
Reply card_charge(Call& call) { return new_card_payment(call, kCharge, card_in_request); }

Reply card_refund(Call& call) { return follow_up(call, kRefund, false); }
Reply card_settle(Call& call) { return follow_up(call, kSettle, false); }
Reply card_void(Call& call) { return follow_up(call, kVoid, false); }
Reply bank_debit(Call& call) { return bank_transfer(call, kDebit); }
Reply bank_credit(Call& call) { return bank_transfer(call, kCredit); }

Reply third_party(Call& call) {
  // A payment taken elsewhere: recorded for the contact's history, no money moves.
  const Fields request = request_fields(call.body);
  check_type(request, kThirdParty);
  const std::string currency = request.currency("CurrencyCode");
  const Money amount = request.amount("Amount", currency);
  nlohmann::json record = {
      {"TransactionType", "8"},
      {"TransactionReference", unique_reference(call, request)},
      {"TransactionDateTime", transaction_time(call, request)},
      {"Amount", amount.to_decimal_string()},
      {"CurrencyCode", currency},
      {"Email", request.email("Email")},
      {"PaymentMethod", "ThirdParty"},
      {"Description", request.optional_text("Description", 255).value_or("")},
      {"ThirdPartyName", request.optional_text("PaymentMethod", 100).value_or("")},
      {"AuthCode", nullptr},
      {"Status", "Recorded"},
      {"ResponseCode", code::ok},
  };
  copy_extras(call, record);
  const auto saved = save_transaction(call, std::move(record));
  return success("Third-party transaction recorded; no payment was made.", payment_response(saved.body));
}

Reply profile_authorize(Call& call) { return new_card_payment(call, kAuthorize, card_from_profile); }
Reply profile_charge(Call& call) { return new_card_payment(call, kCharge, card_from_profile); }

Reply profile_refund(Call& call) { return follow_up(call, kRefund, true); }
Reply profile_settle(Call& call) { return follow_up(call, kSettle, true); }
Reply profile_void(Call& call) { return follow_up(call, kVoid, true); }

namespace {
store::Document save_charge(Call& call, nlohmann::json record, const ChargeDetails& charge) {
  const auto outcome = record["Outcome"].get<sim::Outcome>();
  record.erase("Outcome");
  if (outcome != sim::Outcome::approved) record["ResponseText"] = description_for(outcome);
  record["Description"] = charge.description;
  record.update(charge.extras);
  return save_transaction(call, std::move(record));
}
}  // namespace

store::Document charge_card(Call& call, const std::string& number, const std::string& card_type, const ChargeDetails& charge) {
  sim::Outcome outcome{};
  const Card card{number, card_type, nullptr};
  auto record = card_record(card, kCharge, charge.amount, charge.email, charge.reference,
                            sim::format_wire_datetime(call.services.clock.now()), outcome);
  record["Outcome"] = outcome;
  return save_charge(call, std::move(record), charge);
}

store::Document debit_bank_account(Call& call, const std::string& routing_number, const std::string& account_number,
                                   const std::string& holder, const ChargeDetails& charge) {
  return save_charge(call, bank_record(kDebit, routing_number, account_number, holder, charge.amount, charge.email, charge.reference,
                                       sim::format_wire_datetime(call.services.clock.now())),
                     charge);
}

store::Document charge_stored_profile(Call& call, const std::string& customer_id, const std::string& profile_id,
                                      const ChargeDetails& charge) {
  const auto method = load_payment_method(call, customer_id, profile_id);
  const std::string when = sim::format_wire_datetime(call.services.clock.now());
  const nlohmann::json ids = {{"CustomerProfileId", customer_id}, {"PaymentProfileId", profile_id}};
  nlohmann::json record;
  if (!method.card_number.empty()) {
    const auto& stored = method.profile.body["Card"];
    const bool expired = !validate_expiry(stored.value("ExpiryDate", ""), call.services.clock.today()).is_valid;
    const Card card{method.card_number, stored.value("CardType", ""), ids, expired};
    sim::Outcome outcome{};
    record = card_record(card, kCharge, charge.amount, charge.email, charge.reference, when, outcome);
    record["Outcome"] = outcome;
  } else {
    const auto& bank = method.profile.body["BankAccount"];
    record = bank_record(kDebit, bank.value("RoutingNumber", ""), method.account_number, bank.value("AccountHolderName", ""),
                         charge.amount, charge.email, charge.reference, when);
    record.update(ids);
  }
  return save_charge(call, std::move(record), charge);
}

bool is_approved(const store::Document& transaction) { return transaction.body.value("ResponseCode", "") == code::ok; }

Reply payment_outcome_reply(const store::Document& transaction, const std::string& approved_text, nlohmann::json response) {
  const std::string response_code = transaction.body.value("ResponseCode", std::string(code::processor_error));
  Reply reply = success(is_approved(transaction) ? approved_text : transaction.body.value("ResponseText", ""), std::move(response));
  reply.body["Message"]["Code"] = response_code;
  return reply;
}

nlohmann::json transaction_list_item(const nlohmann::json& t) {
  nlohmann::json out = nlohmann::json::object();
  for (const char* key : {"TransactionId", "TransactionType", "TransactionReference", "TransactionDateTime", "CurrencyCode", "AuthCode",
                          "Status", "ResponseCode", "CardType", "MaskedCardNumber", "MaskedAccountNumber", "PaymentMethod",
                          "OriginalTransactionId", "Description", "RecurringPaymentId"})
    if (t.contains(key)) out[key] = t[key];
  // The seed's list gives Amount as a number: exact for every amount the core accepts (< 2^53).
  const auto amount = nlohmann::json::parse(t.value("Amount", "0"), nullptr, false);
  out["Amount"] = amount.is_number() ? amount : nlohmann::json(0);
  return out;
}

}  // namespace payref::gateway
