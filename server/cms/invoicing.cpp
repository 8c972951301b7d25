#include "cms/invoicing.hpp"

#include "cms/model.hpp"
#include "cms/reader.hpp"
#include "payref/card.hpp"
#include "payref/schedule.hpp"
#include "sim/due_runner.hpp"
#include "sim/processor.hpp"

namespace payref::cms {

namespace {

struct Answer {
  const char* status;
  const char* code;
  const char* message;
};

// The processor's answer in CWS terms (docs/cms.md "Invoices").
Answer answer_for(sim::Outcome outcome) {
  switch (outcome) {
    case sim::Outcome::approved: return {"Successful", "1", "Approved - 000:APPROVED"};
    case sim::Outcome::declined: return {"Failure", "2", "Declined - 005:DO NOT HONOR"};
    case sim::Outcome::insufficient_funds: return {"Failure", "2", "Declined - 051:INSUFFICIENT FUNDS"};
    case sim::Outcome::expired_card: return {"Failure", "2", "Declined - 054:EXPIRED CARD"};
    case sim::Outcome::cvv_mismatch: return {"Failure", "2", "Declined - 082:CVV MISMATCH"};
    case sim::Outcome::lost_or_stolen: return {"Failure", "2", "Declined - 043:STOLEN CARD"};
    case sim::Outcome::processor_error: return {"Failure", "3", "Error - 096:SYSTEM MALFUNCTION, RETRY"};
  }
  return {"Failure", "3", "Error - 096:SYSTEM MALFUNCTION, RETRY"};
}

// The stored card is past its MMYY month on `today`.
bool card_expired(const std::string& mmyy, CalendarDate today) {
  if (mmyy.size() != 4) return true;
  const int month = std::stoi(mmyy.substr(0, 2)), year = 2000 + std::stoi(mmyy.substr(2));
  return year < today.year || (year == today.year && month < today.month);
}

// One invoice as it is stored (kInvoices) and as the clock's run list and InvoiceSubscription's
// answer show it: one type, so the three views cannot drift apart.
struct Invoice {
  std::string invoice_reference_id, transaction_id, subscription_reference_id;
  Answer answer;
  std::string amount;  // decimal text, as stored
  std::string currency;
  bool trial = false;
  std::string invoice_date, processed_date;
  bool by_clock = false;
  std::string masked_card_number;
};

// nlohmann's convention: found by argument-dependent lookup, so nlohmann::json(invoice) works.
void to_json(nlohmann::json& j, const Invoice& i) {
  j = {{"InvoiceReferenceId", i.invoice_reference_id},
       {"TransactionId", i.transaction_id},
       {"SubscriptionReferenceId", i.subscription_reference_id},
       {"Status", i.answer.status},
       {"StatusCode", i.answer.code},
       {"StatusMessage", i.answer.message},
       {"Amount", i.amount},
       {"CurrencyCode", i.currency},
       {"Trial", i.trial},
       {"InvoiceDate", i.invoice_date},
       {"ProcessedDate", i.processed_date},
       {"ByClock", i.by_clock},
       {"MaskedCardNumber", i.masked_card_number}};
}

// The sandbox clock's entry for an invoice it made (POST /_sandbox/clock/advance "ran").
nlohmann::json clock_entry(const Invoice& i, const std::string& merchant_profile_id, const nlohmann::json& subscription_state) {
  return {{"type", "cms_invoice"},
          {"SubscriptionReferenceId", i.subscription_reference_id},
          {"MerchantProfileId", merchant_profile_id},
          {"InvoiceDate", i.invoice_date},
          {"InvoiceReferenceId", i.invoice_reference_id},
          {"TransactionId", i.transaction_id},
          {"Amount", i.amount},
          {"CurrencyCode", i.currency},
          {"Trial", i.trial},
          {"Status", i.answer.status},
          {"StatusCode", i.answer.code},
          {"StatusMessage", i.answer.message},
          {"SubscriptionState", subscription_state}};
}

// InvoiceSubscription's answer, in the seed's field order.
nlohmann::ordered_json invoice_result(const Invoice& i) {
  return {{"InvoiceReferenceId", i.invoice_reference_id},
          {"TransactionId", i.transaction_id},
          {"Status", i.answer.status},
          {"StatusCode", i.answer.code},
          {"StatusMessage", i.answer.message}};
}

}  // namespace

nlohmann::ordered_json invoice_subscription(const app::Services& services, store::Transaction& tx, store::Document& doc,
                                            bool by_clock, nlohmann::json* entry) {
  auto& r = doc.body;
  const std::string currency = r.value("CurrencyCode", "USD");
  const bool trial = is_trial_invoice(r.value("TrialInvoiceCount", 0), r.value("TotalTrialInvoices", 0));
  const auto amount = parse_money(r.value(trial ? "TrialAmount" : "Amount", "0"), currency, MoneyParseOptions{false, true});
  const CalendarDate today = services.clock.today();
  const std::string invoice_date = r["NextProcessingDate"].is_string() ? r["NextProcessingDate"].get<std::string>() : wire_now(services);

  sim::Outcome outcome = sim::Outcome::approved;
  const auto& card = r["Card"];
  const auto number = card.is_object() ? services.vault.open(card.value("Sealed", ""), std::string(kSubscriptions) + ":" + doc.owner)
                                       : std::nullopt;
  if (!amount || !number) outcome = sim::Outcome::processor_error;  // unreadable record: never charged
  else if (amount->minor_units() == 0) outcome = sim::Outcome::approved;  // a free trial invoice: nothing to charge
  else if (card_expired(card.value("Expiration", ""), today)) outcome = sim::Outcome::expired_card;
  else outcome = sim::decide_card(*number, amount->minor_units()).outcome;

  const Invoice invoice{new_reference_id(),
                        new_reference_id(),
                        doc.id,
                        answer_for(outcome),
                        amount ? amount->to_decimal_string() : "0",
                        currency,
                        trial,
                        invoice_date,
                        wire_now(services),
                        by_clock,
                        card.is_object() ? card.value("MaskedNumber", "") : ""};
  tx.put({kInvoices, invoice.invoice_reference_id, doc.owner, doc.id, "", nlohmann::json(invoice), {}});

  r.erase("RetryDate");
  if (outcome == sim::Outcome::approved) {
    r["InvoiceCount"] = r.value("InvoiceCount", 0) + 1;
    if (trial) r["TrialInvoiceCount"] = r.value("TrialInvoiceCount", 0) + 1;
    if (state_of(r) == SubscriptionState::pending) r["SubscriptionState"] = "Active";
    const auto next = next_invoice(plan_of(r), r.value("Occurrence", 0) + 1, r["InvoiceCount"].get<int>(), r.value("Renewals", 0));
    apply_next_invoice(r, next);
  } else if (by_clock && outcome == sim::Outcome::processor_error) {
    r["RetryDate"] = to_iso_string(add_days(today, 1));
  } else if (by_clock) {
    r["SubscriptionState"] = "Suspended";
  }
  r["LastInvoiceReferenceId"] = invoice.invoice_reference_id;
  save_subscription(tx, doc);
  if (entry) *entry = clock_entry(invoice, r.value("MerchantProfileId", ""), r["SubscriptionState"]);
  return invoice_result(invoice);
}

std::size_t invoice_due(const app::Services& services, nlohmann::json& ran, std::size_t max_listed) {
  return sim::run_due_batches(services.store, services.clock, kSubscriptions, 200, ran, max_listed,
                              [&](store::Transaction& tx, store::Document& doc) -> std::optional<nlohmann::json> {
    if (!can_invoice(state_of(doc.body))) {  // a stale key: clear it
      save_subscription(tx, doc);
      return std::nullopt;
    }
    nlohmann::json entry;
    invoice_subscription(services, tx, doc, true, &entry);
    return entry;
  });
}

}  // namespace payref::cms
