#include "financing/customers.hpp"

#include "financing/accounts.hpp"
#include "financing/demo_data.hpp"
#include "financing/fields.hpp"
#include "payref/aamva.hpp"
#include "payref/calendar.hpp"
#include "payref/fields.hpp"

namespace payref::financing {

namespace {

nlohmann::json offer_types(const nlohmann::json& account) {
  nlohmann::json offers = nlohmann::json::array();
  for (const auto& id : account.value("plan_ids", nlohmann::json::array())) {
    const auto* plan = find_demo_plan(id.get<int>());
    if (!plan) continue;
    offers.push_back({{"plan_name", plan->plan_name}, {"plan_id", plan->plan_id}, {"offer_category", to_string(plan->category)},
                      {"term_options", plan->terms}});
  }
  return offers;
}

// Seed table 1, field by field (plus card_ending_in and account_type of later versions).
nlohmann::json lookup_view(const nlohmann::json& a) {
  return {{"available_credit", money_json(a.at("available_credit").get<std::int64_t>())},
          {"account_number", number_json(a.at("account_number"))},
          {"customer_id", number_json(a.at("customer_id"))},
          {"security_qid", a.at("security_qid")},
          {"email", a.at("email")},
          {"phone_number", a.at("phone_number")},
          {"address_1", a.at("address_1")},
          {"address_2", a.at("address_2")},
          {"city", a.at("city")},
          {"postal_code", a.at("postal_code")},
          {"province", a.at("province")},
          {"payment_protection", a.at("payment_protection")},
          {"risk_rating", a.at("risk_rating")},
          {"offer_types", offer_types(a)},
          {"card_ending_in", a.at("card_ending_in")},
          {"preferred_language", a.at("preferred_language")},
          {"account_type", a.at("account_type")}};
}

nlohmann::json search_view(const nlohmann::json& a) {
  return {{"customer_id", number_json(a.at("customer_id"))},
          {"account_status", a.at("account_status")},
          {"account_status_reason_code", a.at("account_status_reason_code")},
          {"tos_agreement", true},
          {"risk_rating", a.at("risk_rating")},
          {"account_number", number_json(a.at("account_number"))},
          {"credit_limit", money_json(a.at("credit_limit").get<std::int64_t>())},
          {"available_credit", money_json(a.at("available_credit").get<std::int64_t>())},
          {"originating_merchant_id", a.at("originating_merchant_id")},
          {"originating_merchant_name", a.at("originating_merchant_name")},
          {"creation_date", a.at("creation_date")},
          {"first_name", a.at("first_name")},
          {"last_name", a.at("last_name")},
          {"card_ending_in", a.at("card_ending_in")},
          {"preferred_language", a.at("preferred_language")},
          {"account_type", a.at("account_type")}};
}

}  // namespace

Reply lookup_customer(Call& call) {
  const Fields f(call.body);
  const auto vcc = f.digits("vcc_number", 19, false);
  const auto account_number = f.digits("account_number", 14, false);
  const auto customer_id = f.digits("customer_id", 12, false);
  const int given = (vcc ? 1 : 0) + (account_number ? 1 : 0) + (customer_id ? 1 : 0);
  if (given != 1) fail_field("vcc_number", given == 0 ? "one_of_vcc_number_account_number_customer_id_required" : "only_one_identifier_allowed");
  std::optional<nlohmann::json> account;
  if (account_number) account = load_account(call, *account_number);
  else if (vcc) account = find_account_by_vcc(call, *vcc);
  else account = find_account_by_customer_id(call, *customer_id);
  if (!account) fail(404, error::not_found, "No customer matches this identifier.");
  require_purchasing(*account);
  return Reply{200, lookup_view(*account), {}};
}

Reply search_customers(Call& call) {
  const Fields f(call.body);
  const auto first = f.text("first_name", 80, true);
  const auto last = f.text("last_name", 130, true);
  const auto dob = f.text("dob", 10, true);
  if (!parse_iso_date(*dob)) fail_field("dob", "must_be_yyyy_mm_dd", *dob);
  const auto postal = f.text("postal_code", 10, false);
  std::optional<std::string> postal_normal;
  if (postal) {
    postal_normal = normalize_postal_code(*postal, "CA");
    if (!postal_normal) fail_field("postal_code", std::string(validate_postal_code(*postal, "CA").reason), *postal);
  }
  nlohmann::json out = nlohmann::json::array();
  for (const auto& doc : call.tx.find(kIdentities, "", store::Key::key1, identity_key(*first, *last, *dob))) {
    auto account = call.tx.get(kAccounts, "", doc.id);
    if (!account) continue;
    if (postal_normal && normalize_postal_code(account->body.value("postal_code", ""), "CA") != postal_normal) continue;
    out.push_back(search_view(account->body));
  }
  if (out.empty()) fail(404, error::not_found, "No customer matches this name and date of birth.");
  return Reply{200, out, {}};
}

Reply decode_drivers_licence(Call& call) {
  const auto* code = call.body.is_object() && call.body.contains("code") ? &call.body.at("code") : nullptr;
  if (!code || code->is_null() || (code->is_string() && code->get_ref<const std::string&>().empty())) fail_field("code", "required");
  if (!code->is_string()) fail_field("code", "must_be_a_string", *code);
  if (code->get_ref<const std::string&>().size() > 4096) fail_field("code", "text.too_long");
  const auto licence = aamva::decode(code->get_ref<const std::string&>());
  // The barcode holds personal data: never echoed back in an error.
  if (!licence) fail_status(licence.status(), licence.status().field().empty() ? "code" : "code." + licence.status().field());
  const auto& l = *licence;
  return Reply{200,
               {{"first_name", l.first_name}, {"middle_name", l.middle_name}, {"last_name", l.last_name}, {"dob", l.dob},
                {"address_1", l.address_1}, {"city", l.city}, {"province", l.province}, {"postal_code", l.postal_code},
                {"govid_type", l.govid_type}, {"govid_issuedby", l.govid_issuedby}, {"govid_number", l.govid_number},
                {"govid_expiry", l.govid_expiry}},
               {}};
}

}  // namespace payref::financing
