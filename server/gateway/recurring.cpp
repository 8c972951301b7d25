#include "gateway/recurring.hpp"


#include "gateway/customers.hpp"
#include "gateway/fields.hpp"
#include "gateway/payments.hpp"
#include "gateway/ids.hpp"
#include "payref/schedule.hpp"
#include "sim/due_runner.hpp"

namespace payref::gateway {

namespace {

CalendarDate date_of(const std::string& iso) { return *parse_iso_date(iso); }

std::optional<CalendarDate> end_of(const nlohmann::json& r) {
  const auto& end = r["EndDate"];
  return end.is_string() ? std::optional<CalendarDate>(date_of(end.get<std::string>())) : std::nullopt;
}

Frequency frequency_of(const nlohmann::json& r) { return *frequency_from_code(std::stoi(r.value("Frequency", "2"))); }

// key2 is the due date while the schedule is active, so the scheduler finds it (store::find_due).
void save(store::Transaction& tx, store::Document& doc) {
  doc.key2 = doc.body.value("Status", "") == "Active" ? doc.body.value("NextProcessingDate", "") : std::string();
  tx.put(doc);
}

// Moves an active schedule to its occurrence n, or completes it when n falls after the end date.
void schedule_occurrence(nlohmann::json& r, int n) {
  const CalendarDate anchor = date_of(r.value("Anchor", ""));
  const CalendarDate next = nth_occurrence(anchor, frequency_of(r), n);
  const auto end = end_of(r);
  r["Occurrence"] = n;
  if (end && next > *end) {
    r["Status"] = "Completed";
    r["NextProcessingDate"] = nullptr;
  } else {
    r["NextProcessingDate"] = to_iso_string(next);
  }
}

store::Document find_schedule(const Call& call, const Fields& request) {
  const std::string customer = request.text("CustomerProfileId", 9);
  const std::string id = request.text("RecurringPaymentId", 9);
  auto doc = call.tx.get(kRecurring, call.client_id, id);
  if (!doc || doc->body.value("CustomerProfileId", "") != customer)
    fail(code::not_found, "Request.RecurringPaymentId: no recurring payment " + id + " for customer " + customer);
  return *doc;
}

Reply action_reply(const std::string& description, const nlohmann::json& r) {
  return success(description, {{"CustomerProfileId", r["CustomerProfileId"]},
                               {"RecurringPaymentId", r["RecurringPaymentId"]},
                               {"NextProcessingDate", r.value("NextProcessingDate", nlohmann::json())}});
}

nlohmann::json public_view(const nlohmann::json& r) {
  nlohmann::json out = nlohmann::json::object();
  for (const char* key : {"RecurringPaymentId", "CustomerProfileId", "PaymentProfileId", "Amount", "CurrencyCode", "Frequency",
                          "StartDateTime", "EndDateTime", "Description", "Status", "NextProcessingDate", "PaymentsMade",
                          "LastPaymentDate", "LastTransactionId", "LastResponseCode"})
    out[key] = r.value(key, nlohmann::json());
  return out;
}

}  // namespace

Reply register_recurring(Call& call) {
  const Fields request = request_fields(call.body);
  const std::string customer_id = request.text("CustomerProfileId", 9);
  const auto customer = call.tx.get(kCustomers, call.client_id, customer_id);
  if (!customer) fail(code::not_found, "Request.CustomerProfileId: no customer " + customer_id);
  const Fields recurring = request.object("Recurring");
  const std::string profile_id = recurring.text("PaymentProfileId", 9);
  const auto profile = call.tx.get(kProfiles, call.client_id, profile_id);
  if (!profile || profile->body.value("CustomerProfileId", "") != customer_id)
    fail(code::not_found, "Request.Recurring.PaymentProfileId: no payment profile " + profile_id + " for customer " + customer_id);
  const std::string currency = recurring.currency("CurrencyCode");
  const Money amount = recurring.amount("Amount", currency);
  const int code = recurring.integer("Frequency", -1, 0, 4);
  if (code < 0) fail(code::validation, "Request.Recurring.Frequency: is required (0 daily, 1 weekly, 2 monthly, 3 quarterly, 4 annually)");
  const Frequency frequency = *frequency_from_code(code);
  const auto start_time = recurring.datetime("StartDateTime");
  const auto end_time = recurring.optional_datetime("EndDateTime");
  const auto start = sim::calendar_date(start_time);
  const auto end = end_time ? std::optional<CalendarDate>(sim::calendar_date(*end_time)) : std::nullopt;
  const auto begun = start_schedule(start, call.services.clock.today(), frequency, end);
  if (!begun) fail(begun.status(), "Request.Recurring." + begun.status().field());

  const std::string id = next_id(call.tx, IdKind::recurring_payment);
  nlohmann::json r = {{"RecurringPaymentId", id},
                      {"CustomerProfileId", customer_id},
                      {"PaymentProfileId", profile_id},
                      {"Amount", amount.to_decimal_string()},
                      {"CurrencyCode", currency},
                      {"Frequency", std::to_string(code)},
                      {"StartDateTime", sim::format_wire_datetime(start_time)},
                      {"EndDateTime", end_time ? nlohmann::json(sim::format_wire_datetime(*end_time)) : nlohmann::json()},
                      {"EndDate", end ? nlohmann::json(to_iso_string(*end)) : nlohmann::json()},
                      {"Description", recurring.optional_text("Description", 255).value_or("")},
                      {"Status", "Active"},
                      {"Anchor", to_iso_string(begun->anchor)},
                      {"PaymentsMade", 0},
                      {"Email", customer->body.value("Email", "")},
                      {"RegisteredAt", sim::format_wire_datetime(call.services.clock.now())}};
  for (const char* key : {"Marketing", "RevenuePartner"}) {
    const auto it = call.body["Request"].find(key);
    r[key] = it != call.body["Request"].end() && it->is_object() ? *it : nlohmann::json();
  }
  schedule_occurrence(r, begun->first_occurrence);
  store::Document doc{kRecurring, id, call.client_id, customer_id, "", r, {}};
  save(call.tx, doc);
  return action_reply("Recurring payment registered.", r);
}

Reply suspend_recurring(Call& call) {
  auto doc = find_schedule(call, request_fields(call.body));
  const std::string status = doc.body.value("Status", "");
  if (status != "Active") fail(code::invalid_state, "Only an active recurring payment can be suspended; this one is " + status + ".");
  doc.body["Status"] = "Suspended";
  doc.body["NextProcessingDate"] = nullptr;
  save(call.tx, doc);
  return action_reply("Recurring payment suspended.", doc.body);
}

Reply resume_recurring(Call& call) {
  auto doc = find_schedule(call, request_fields(call.body));
  const std::string status = doc.body.value("Status", "");
  if (status != "Suspended") fail(code::invalid_state, "Only a suspended recurring payment can be resumed; this one is " + status + ".");
  auto& r = doc.body;
  // The dates that passed while suspended are skipped, today's included: the next run is after today.
  const auto n = next_occurrence_after(date_of(r.value("Anchor", "")), frequency_of(r), call.services.clock.today(), end_of(r));
  r["Status"] = "Active";
  if (n) schedule_occurrence(r, *n);
  else {
    r["Status"] = "Completed";
    r["NextProcessingDate"] = nullptr;
  }
  save(call.tx, doc);
  return action_reply(n ? "Recurring payment resumed." : "Recurring payment completed: its end date has passed.", r);
}

Reply remove_recurring(Call& call) {
  auto doc = find_schedule(call, request_fields(call.body));
  if (doc.body.value("Status", "") == "Removed") fail(code::invalid_state, "The recurring payment is already removed.");
  doc.body["Status"] = "Removed";
  doc.body["NextProcessingDate"] = nullptr;
  save(call.tx, doc);
  return action_reply("Recurring payment removed.", doc.body);
}

Reply list_recurring(Call& call) {
  const Fields request = request_fields(call.body);
  const std::string customer_id = request.text("CustomerProfileId", 9);
  if (!call.tx.get(kCustomers, call.client_id, customer_id)) fail(code::not_found, "Request.CustomerProfileId: no customer " + customer_id);
  nlohmann::json list = nlohmann::json::array();
  for (const auto& doc : call.tx.find(kRecurring, call.client_id, store::Key::key1, customer_id)) list.push_back(public_view(doc.body));
  return success("OK", {{"CustomerProfileId", customer_id}, {"RecurringPayments", list}});
}

std::size_t run_due_recurring(const Services& services, nlohmann::json& ran, std::size_t max_listed) {
  static const nlohmann::json kNoBody = nlohmann::json::object();
  return sim::run_due_batches(services.store, services.clock, kRecurring, 500, ran, max_listed,
                              [&](store::Transaction& tx, store::Document& doc) -> std::optional<nlohmann::json> {
    auto& r = doc.body;
    const int occurrence = r.value("Occurrence", 0);
    const std::string due_date = r.value("NextProcessingDate", "");
    Call call{services, tx, kNoBody, doc.owner, {}};
    nlohmann::json entry = {{"type", "recurring_payment"}, {"RecurringPaymentId", doc.id}, {"DueDate", due_date}};
    try {
      const auto money = parse_money(r.value("Amount", ""), r.value("CurrencyCode", ""));
      const auto t = charge_stored_profile(call, r.value("CustomerProfileId", ""), r.value("PaymentProfileId", ""),
                                           ChargeDetails{*money, r.value("Email", ""), "RP" + doc.id + "-" + std::to_string(occurrence),
                                                         r.value("Description", ""), {{"RecurringPaymentId", doc.id}}});
      r["PaymentsMade"] = r.value("PaymentsMade", 0) + 1;
      r["LastPaymentDate"] = due_date;
      r["LastTransactionId"] = t.id;
      r["LastResponseCode"] = t.body["ResponseCode"];
      entry["TransactionId"] = t.id;
      entry["Code"] = t.body["ResponseCode"];
      entry["Status"] = t.body["Status"];
      schedule_occurrence(r, occurrence + 1);
    } catch (const GatewayError& e) {
      // The profile or customer is gone: the schedule cannot run, so it stops (suspended).
      r["Status"] = "Suspended";
      r["NextProcessingDate"] = nullptr;
      r["LastResponseCode"] = e.code;
      entry["Code"] = e.code;
      entry["Status"] = "Suspended: " + e.description;
    }
    save(tx, doc);
    return entry;
  });
}

}  // namespace payref::gateway
