#include "cms/subscriptions.hpp"

#include "cms/errors.hpp"
#include "cms/invoicing.hpp"
#include "cms/model.hpp"
#include "cms/reader.hpp"

namespace payref::cms {

namespace {

using ojson = nlohmann::ordered_json;

constexpr int kMaxPageSize = 100;

ojson empty_answer() { return ojson(ojson::value_t::discarded); }

const nlohmann::json* member(const nlohmann::json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  const auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

// The subscription named by the path, if it belongs to this merchant and to `profile`.
store::Document find_subscription(Call& call, const nlohmann::json* profile, const std::string& profile_key) {
  check_merchant_profile(call.merchant, profile, profile_key);
  auto doc = call.tx.get(kSubscriptions, call.merchant.service_key, call.subscription_id);
  if (!doc || doc->body.value("MerchantProfileId", "") != call.merchant.merchant_profile_id)
    fail(Fault::not_found, "No subscription " + call.subscription_id + " for merchant profile " + call.merchant.merchant_profile_id + ".");
  return *doc;
}

void check_scope(const nlohmann::json* scope, const std::string& key) {
  if (scope && !scope->is_null() && *scope != "MerchantProfileId")
    fail_validation({{key, "field.not_allowed", "Property '" + key + "' must be MerchantProfileId."}});
}

// MerchantSubscriptionId is unique among this merchant's subscriptions.
void check_unique(Call& call, const nlohmann::json& record, const std::string& except_id) {
  const auto& id = record["MerchantSubscriptionId"];
  if (!id.is_string()) return;
  for (const auto& other : call.tx.find(kSubscriptions, call.merchant.service_key, store::Key::key1, call.merchant.merchant_profile_id))
    if (other.id != except_id && other.body.value("MerchantSubscriptionId", nlohmann::json()) == id)
      fail(Fault::duplicate, "MerchantSubscriptionId " + id.get<std::string>() + " is already used by subscription " + other.id + ".");
}

}  // namespace

Answer create_subscription(Call& call) {
  nlohmann::json r = read_subscription_request(call.services, call.merchant, call.body, true, call.merchant.service_key);
  check_unique(call, r, "");
  const std::string id = new_reference_id();
  r["SubscriptionReferenceId"] = id;
  r["SubscriptionState"] = "Pending";
  r["InvoiceCount"] = 0;
  r["TrialInvoiceCount"] = 0;
  r["CreatedDate"] = wire_now(call.services);
  r["LastUpdatedDate"] = "0001-01-01T00:00:00";
  r["Anchor"] = r["NextProcessingDate"];
  r["Occurrence"] = 0;
  r["Renewals"] = 0;
  store::Document doc{kSubscriptions, id, call.merchant.service_key, "", "", std::move(r), {}};
  save_subscription(call.tx, doc);
  return {ojson(id)};
}

Answer get_subscription(Call& call) {
  const auto doc = find_subscription(call, member(call.query, "merchantProfileId"), "merchantProfileId");
  check_scope(member(call.query, "scope"), "scope");
  return {render_subscription(doc.body)};
}

Answer query_subscriptions(Call& call) {
  check_merchant_profile(call.merchant, member(call.body, "MerchantProfileId"), "MerchantProfileId");
  check_scope(member(call.body, "Scope"), "Scope");
  std::vector<ValidationError> errors;
  const Reader top(call.body, "", errors);
  std::optional<std::string> reference, state, customer, merchant_id;
  std::optional<WireDateTime> from, to;
  if (const auto p = top.object("QuerySubscriptionParameters", false)) {
    reference = p->text("SubscriptionReferenceId", 50, false);
    state = p->one_of("SubscriptionState", {"NotSet", "Pending", "Active", "Suspended", "Cancelled", "Completed"}, false);
    customer = p->text("CustomerReferenceId", 50, false);
    merchant_id = p->text("MerchantSubscriptionId", 50, false);
    if (const auto range = p->object("CreatedDateRange", false)) {
      from = range->datetime("StartDateTime", false);
      to = range->datetime("EndDateTime", false);
    }
  }
  int page = 0, size = 10;
  if (const auto paging = top.object("PagingParameters", false)) {
    page = paging->integer("Page", 0, 1000000, false).value_or(0);
    size = paging->integer("PageSize", 1, kMaxPageSize, false).value_or(10);
  }
  if (!errors.empty()) fail_validation(std::move(errors));

  ojson found = ojson::array();
  std::size_t total = 0;
  const std::size_t first = static_cast<std::size_t>(page) * static_cast<std::size_t>(size);
  // Oldest first (creation order), filtered; only the requested page is rendered.
  for (const auto& doc : call.tx.find(kSubscriptions, call.merchant.service_key, store::Key::key1, call.merchant.merchant_profile_id)) {
    const auto& r = doc.body;
    if (reference && doc.id != *reference) continue;
    if (state && *state != "NotSet" && r.value("SubscriptionState", "") != *state) continue;
    if (customer && r.value("CustomerReferenceId", nlohmann::json()) != *customer) continue;
    if (merchant_id && r.value("MerchantSubscriptionId", nlohmann::json()) != *merchant_id) continue;
    const std::string created = r.value("CreatedDate", "");
    if (from && created < from->text) continue;
    if (to && created > to->text) continue;
    if (total >= first && total < first + static_cast<std::size_t>(size)) found.push_back(render_subscription(r));
    ++total;
  }
  const std::size_t pages = (total + static_cast<std::size_t>(size) - 1) / static_cast<std::size_t>(size);
  return {ojson{{"Subscriptions", found}, {"PageNumber", page}, {"TotalPages", pages}, {"TotalFound", total}}};
}

Answer update_subscription(Call& call) {
  auto doc = find_subscription(call, member(call.body, "MerchantProfileId"), "MerchantProfileId");
  const auto state = state_of(doc.body);
  if (state == SubscriptionState::cancelled || state == SubscriptionState::completed)
    fail(Fault::invalid_state, "A " + doc.body.value("SubscriptionState", "") + " subscription cannot be updated.");
  nlohmann::json r = read_subscription_request(call.services, call.merchant, call.body, false, call.merchant.service_key);
  if (r["IntervalCount"].get<int>() <= doc.body.value("InvoiceCount", 0))
    fail_validation({{"Subscription.IntervalCount", "subscription.interval_count_reached",
                      "Property 'Subscription.IntervalCount' must be more than the " + std::to_string(doc.body.value("InvoiceCount", 0)) +
                          " invoices already made."}});
  check_unique(call, r, doc.id);
  if (r["Card"].is_null()) r["Card"] = doc.body["Card"];
  for (const char* kept : {"SubscriptionReferenceId", "SubscriptionState", "InvoiceCount", "TrialInvoiceCount", "CreatedDate"})
    r[kept] = doc.body[kept];
  // The schedule starts again from the NextProcessingDate sent.
  r["LastUpdatedDate"] = wire_now(call.services);
  r["Anchor"] = r["NextProcessingDate"];
  r["Occurrence"] = 0;
  r["Renewals"] = 0;
  doc.body = std::move(r);
  save_subscription(call.tx, doc);
  return {empty_answer()};
}

Answer update_subscription_state(Call& call) {
  auto doc = find_subscription(call, member(call.body, "MerchantProfileId"), "MerchantProfileId");
  std::vector<ValidationError> errors;
  const Reader top(call.body, "", errors);
  const auto name = top.one_of("SubscriptionState", {"NotSet", "Pending", "Active", "Suspended", "Cancelled", "Completed"}, true);
  if (!errors.empty()) fail_validation(std::move(errors));
  const auto to = *subscription_state_from_name(*name);
  auto& r = doc.body;
  const Status st = check_state_change(state_of(r), to);
  if (!st) fail(st, "SubscriptionState");
  r["SubscriptionState"] = *name;
  r.erase("RetryDate");
  if (to == SubscriptionState::cancelled) {
    r["NextProcessingDate"] = nullptr;
  } else if (to == SubscriptionState::active) {
    // Resuming skips the dates that passed while suspended.
    const auto plan = plan_of(r);
    const int n = std::max(r.value("Occurrence", 0),
                           first_occurrence_after(plan.next_processing, plan.unit, plan.interval_length, call.services.clock.today()));
    const auto next = next_invoice(plan, n, r.value("InvoiceCount", 0), r.value("Renewals", 0));
    apply_next_invoice(r, next);
  }
  r["LastUpdatedDate"] = wire_now(call.services);
  save_subscription(call.tx, doc);
  return {empty_answer()};
}

Answer invoice_subscription_now(Call& call) {
  auto doc = find_subscription(call, member(call.query, "merchantProfileId"), "merchantProfileId");
  if (!can_invoice(state_of(doc.body)))
    fail(Fault::invalid_state, "A " + doc.body.value("SubscriptionState", "") + " subscription cannot be invoiced (only Pending or Active).");
  return {invoice_subscription(call.services, call.tx, doc, false, nullptr)};
}

Answer delete_subscription(Call& call) {
  const auto doc = find_subscription(call, member(call.query, "merchantProfileId"), "merchantProfileId");
  call.tx.remove(kSubscriptions, doc.id);
  return {empty_answer()};
}

}  // namespace payref::cms
