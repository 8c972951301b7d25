#include "financing/authorizations.hpp"

#include <algorithm>

#include "financing/accounts.hpp"
#include "financing/authorization.hpp"
#include "financing/demo_data.hpp"
#include "financing/fields.hpp"
#include "financing/merchants.hpp"
#include "financing/verify.hpp"
#include "payref/calendar.hpp"
#include "payref/financing.hpp"

namespace payref::financing {

namespace {

constexpr const char* kAuths = "fin_auth";
constexpr const char* kAllKey = "a";  // key2 of every authorization: the list reads them all

std::string next_id(Call& call, const char* sequence, long long base) {
  return std::to_string(base + call.tx.next_sequence(sequence));
}

void save(Call& call, const Authorization& a) {
  call.tx.put(store::Document{kAuths, a.authorization_id, call.client_id, a.account_number, kAllKey, nlohmann::json(a), {}});
}

Authorization load(Call& call) {
  const std::string& id = call.params.at(0);
  std::optional<store::Document> doc;
  if (!id.empty() && id.size() <= 18 && id.find_first_not_of("0123456789") == std::string::npos) doc = call.tx.get(kAuths, call.client_id, id);
  if (!doc) fail(404, error::not_found, "No authorization with this id for this client.");
  return doc->body.get<Authorization>();
}

// What is left to capture or release is gone: the authorization closes.
void close_if_spent(Authorization& a) {
  if (a.remaining == 0) a.status = AuthorizationStatus::closed;
}

void restore_credit(Call& call, const std::string& account_number, std::int64_t amount) {
  nlohmann::json account = load_account(call, account_number);
  const std::int64_t limit = account.at("credit_limit"), available = account.at("available_credit");
  account["available_credit"] = std::min(limit, available + amount);
  save_account(call, account);
}

}  // namespace

Reply create_authorization(Call& call) {
  const Fields f(call.body);
  const std::string account_number = *f.digits("account_number", 14, true);
  const auto vcc = f.digits("vcc_number", 19, false);
  const auto reference = f.text("reference", 40, false);
  const Fields option = f.object("financing_option", true);
  const std::string type = *option.one_of("transaction_type", {"regular_purchase", "promotional_purchase"}, true);
  const auto plan_id = option.integer("plan_id", 0, 999, false);
  const auto term = option.integer("term", 0, 999, false);
  const Money amount = *f.amount("amount", true);
  const bool auto_capture = *f.boolean("auto_capture", true);
  const auto verification_code = f.text("verification_code", 20, false);
  const auto request_id = f.text("request_id", 64, false);
  f.text("external_location_id", 100, false);
  f.text("external_employee_id", 100, false);
  if (f.has("sku_data")) f.object("sku_data");

  nlohmann::json account = load_account(call, account_number);
  if (vcc && vcc_key(call.services, *vcc) != call.tx.get_keys(kAccounts, "", account_number)->key1)
    refuse(error::vcc_account_mismatch, "The vcc_number does not belong to this account.");
  require_purchasing(account);
  if (!auto_capture && !client_settings(call.tx, call.client_id).value("pre_authorization", false))
    refuse(error::auth_not_allowed, "This merchant is not configured for pre-authorizations: send auto_capture true.");

  const bool promotional = type == "promotional_purchase";
  std::int64_t needed = amount.minor_units();
  std::optional<TermQuote> quoted;
  if (promotional) {
    if (!plan_id || !term) refuse(error::plan_term_not_set, "A promotional purchase needs financing_option.plan_id and financing_option.term.");
    const auto& offered = account.at("plan_ids");
    const DemoPlan* plan = find_demo_plan(static_cast<int>(*plan_id));
    if (!plan || std::find(offered.begin(), offered.end(), nlohmann::json(*plan_id)) == offered.end() ||
        std::find(plan->terms.begin(), plan->terms.end(), static_cast<int>(*term)) == plan->terms.end())
      refuse(error::plan_term_not_available, "This plan and term are not offered to this account.");
    const Plan sdk_plan = to_sdk_plan(*plan);
    const auto with_interest = amount_with_interest(amount, sdk_plan, static_cast<int>(*term));
    if (!with_interest) fail_status(with_interest.status(), "amount", amount.to_decimal_string());
    needed = with_interest->minor_units();
    auto q = quote(amount, sdk_plan, static_cast<int>(*term));
    if (!q) fail_status(q.status(), "amount", amount.to_decimal_string());
    quoted = *q;
  }
  const std::int64_t available = account.at("available_credit");
  if (needed > available) refuse(error::credit_exceeded, "The amount plus interest exceeds the available credit.");
  if (verification_code || request_id) {
    if (!verification_code ||
        !consume_verification(call, account_number, *verification_code, request_id,
                              promotional ? VerificationUse::promotional_purchase : VerificationUse::regular_purchase, amount.minor_units()))
      refuse(error::not_verified, "No matching verification: call account/{account_number}/verify first and send its code.");
  }

  account["available_credit"] = available - amount.minor_units();
  if (!promotional) {
    auto purchases = recent(account.value("regular_purchases", nlohmann::json::array()), call.now_seconds(), 24 * 3600);
    purchases.push_back(call.now_seconds());
    account["regular_purchases"] = purchases;
  }
  save_account(call, account);

  const std::string date = sim::format_iso8601(call.now);
  Authorization a;
  a.authorization_id = next_id(call, "fin_auth", 800000000);
  a.account_number = account_number;
  a.reference = reference;
  a.amount = a.remaining = amount.minor_units();
  a.transaction_type = type;
  a.auto_capture = auto_capture;
  a.creation_date = date;
  a.created_at = call.now_seconds();
  if (promotional) {
    a.plan_id = *plan_id;
    a.term = *term;
    a.term_amount = quoted->term_amount.minor_units();
  }
  std::string capture_id;
  if (auto_capture) {
    capture_id = next_id(call, "fin_capture", 810000000);
    a.captures.push_back(Capture{capture_id, reference, date, call.now_seconds(), amount.minor_units(), amount.minor_units(), {}});
    a.remaining = 0;
    close_if_spent(a);
  }
  save(call, a);
  nlohmann::json out = view(a);
  if (auto_capture) out["capture_id"] = number_json(capture_id);
  return Reply{200, out, {}};
}

Reply capture_authorization(Call& call) {
  const Fields f(call.body);
  Authorization a = load(call);
  const Money amount = *f.amount("amount", true);
  const auto reference = f.text("reference", 40, false);
  if (f.has("sku_data")) f.object("sku_data");
  if (a.status != AuthorizationStatus::opened) refuse(error::authorization_ended, "The authorization is closed: nothing remains to capture.");
  if (amount.minor_units() > a.remaining) refuse(error::auth_amount_exceeded, "The amount exceeds the remaining authorization amount.");
  const std::string id = next_id(call, "fin_capture", 810000000), date = sim::format_iso8601(call.now);
  a.captures.push_back(Capture{id, reference, date, call.now_seconds(), amount.minor_units(), amount.minor_units(), {}});
  a.remaining -= amount.minor_units();
  close_if_spent(a);
  save(call, a);
  return Reply{200,
               {{"capture_id", number_json(id)}, {"authorization_id", number_json(a.authorization_id)}, {"reference", reference_json(reference)},
                {"date", date}, {"amount", money_json(amount.minor_units())}, {"remaining_authorization_amount", money_json(a.remaining)},
                {"authorization_status", a.status}},
               {}};
}

Reply release_authorization(Call& call) {
  const Fields f(call.body);
  Authorization a = load(call);
  const auto amount = f.amount("amount", false);
  const auto reference = f.text("reference", 40, false);
  if (a.status != AuthorizationStatus::opened) refuse(error::authorization_ended, "The authorization is closed: nothing remains to release.");
  const std::int64_t released = amount ? amount->minor_units() : a.remaining;
  if (released > a.remaining) refuse(error::auth_amount_exceeded, "The amount exceeds the remaining authorization amount.");
  const std::string id = next_id(call, "fin_release", 830000000), date = sim::format_iso8601(call.now);
  a.releases.push_back(Release{id, reference, date, released});
  a.remaining -= released;
  close_if_spent(a);
  save(call, a);
  restore_credit(call, a.account_number, released);
  return Reply{200,
               {{"release_id", number_json(id)}, {"authorization_id", number_json(a.authorization_id)}, {"reference", reference_json(reference)},
                {"date", date}, {"amount", money_json(released)}, {"remaining_authorization_amount", money_json(a.remaining)},
                {"authorization_status", a.status}},
               {}};
}

Reply return_capture(Call& call) {
  const Fields f(call.body);
  Authorization a = load(call);
  const std::string& capture_id = call.params.at(1);
  Capture* capture = nullptr;
  for (auto& c : a.captures)
    if (c.capture_id == capture_id) capture = &c;
  if (!capture) fail(404, error::not_found, "No capture with this id on this authorization.");
  const auto full = f.boolean("full_return", false);
  const auto amount = f.amount("amount", !(full && *full));
  const auto reference = f.text("reference", 40, false);
  f.digits("vcc_number", 19, false);
  if (f.has("sku_data")) f.object("sku_data");
  if (!a.promotional()) refuse(error::wrong_transaction_type, "Returns on this endpoint are for promotional-purchase captures only.");
  if (call.now_seconds() / 86400 - capture->at / 86400 > kReturnWindowDays)
    refuse(error::return_date_exceeded, "A return must be made within 100 days of the capture.");
  const std::int64_t returned = (full && *full && !amount) ? capture->remaining : amount->minor_units();
  if (returned > capture->remaining || returned == 0) refuse(error::capture_amount_exceeded, "The amount exceeds what remains of the capture.");
  const std::string id = next_id(call, "fin_return", 820000000), date = sim::format_iso8601(call.now);
  capture->returns.push_back(Return{id, reference, date, returned});
  capture->remaining -= returned;
  const std::int64_t capture_remaining = capture->remaining;
  save(call, a);
  restore_credit(call, a.account_number, returned);
  return Reply{200,
               {{"return_id", number_json(id)}, {"reference", reference_json(reference)}, {"capture_id", number_json(capture_id)},
                {"date", date}, {"amount", money_json(returned)}, {"remaining_capture_amount", money_json(capture_remaining)},
                {"remaining_authorization_amount", money_json(a.remaining)}},
               {}};
}

Reply list_authorizations(Call& call) {
  const Fields f(call.body);
  const auto account_number = f.digits("account_number", 14, false);
  const auto type = f.one_of("transaction_type", {"regular_purchase", "promotional_purchase"}, false);
  const auto status = f.one_of("authorization_status", {"opened", "closed"}, false);
  const auto from = f.text("creation_date_from", 10, false);
  const auto to = f.text("creation_date_to", 10, false);
  for (const auto& [key, value] : {std::pair{"creation_date_from", &from}, std::pair{"creation_date_to", &to}})
    if (*value && !parse_iso_date(**value)) fail_field(key, "must_be_yyyy_mm_dd", **value);
  const long long page = f.integer("page_number", 1, 100000, false).value_or(1);
  const long long size = f.integer("page_size", 1, 100, false).value_or(20);
  const auto docs = account_number ? call.tx.find(kAuths, call.client_id, store::Key::key1, *account_number, 0, 0, true)
                                   : call.tx.find(kAuths, call.client_id, store::Key::key2, kAllKey, 0, 0, true);
  std::vector<Authorization> matching;
  for (const auto& d : docs) {
    auto a = d.body.get<Authorization>();
    const std::string day = a.creation_date.substr(0, 10);
    if ((type && a.transaction_type != *type) || (status && nlohmann::json(a.status) != *status) || (from && day < *from) ||
        (to && day > *to))
      continue;
    matching.push_back(std::move(a));
  }
  nlohmann::json items = nlohmann::json::array();
  const std::size_t start = static_cast<std::size_t>((page - 1) * size);
  for (std::size_t i = start; i < matching.size() && i < start + static_cast<std::size_t>(size); ++i) items.push_back(view(matching[i]));
  return Reply{200, {{"page_number", page}, {"page_size", size}, {"total_count", matching.size()}, {"authorizations", items}}, {}};
}

Reply get_authorization(Call& call) { return Reply{200, view(load(call)), {}}; }

}  // namespace payref::financing
