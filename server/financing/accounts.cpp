#include "financing/accounts.hpp"

#include <cctype>

#include "financing/demo_data.hpp"
#include "financing/wire.hpp"
#include "store/crypto.hpp"

namespace payref::financing {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

nlohmann::json str_or_null(std::string_view s) { return s.empty() ? nlohmann::json() : nlohmann::json(std::string(s)); }

}  // namespace

std::string identity_key(std::string_view first, std::string_view last, std::string_view dob) {
  return lower(first) + "|" + lower(last) + "|" + std::string(dob);
}

std::string vcc_key(const app::Services& services, const std::string& vcc_number) {
  return store::keyed_hash(services.hash_key, "fin-vcc:" + vcc_number);
}

std::string security_answer_hash(const app::Services& services, std::string_view answer) {
  std::string normal;
  for (char c : answer)
    if (!std::isspace(static_cast<unsigned char>(c)) || (!normal.empty() && normal.back() != ' '))
      normal += std::isspace(static_cast<unsigned char>(c)) ? ' ' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  while (!normal.empty() && normal.back() == ' ') normal.pop_back();
  return store::keyed_hash(services.hash_key, "fin-security-answer:" + normal);
}

void seed_demo_accounts(const app::Services& services, store::Transaction& tx) {
  for (const auto& a : demo_accounts()) {
    const std::string number(a.account_number);
    if (auto old = tx.get(kAccounts, "", number)) {
      // A data directory from before answers were hashed keeps its accounts, answer hashed now.
      if (old->body.contains("security_answer")) {
        old->body["security_answer_hash"] = security_answer_hash(services, old->body.value("security_answer", ""));
        old->body.erase("security_answer");
        tx.put(*old);
      }
      continue;
    }
    nlohmann::json plans = nlohmann::json::array();
    for (int id : a.plan_ids) plans.push_back(id);
    const std::string vcc(a.vcc_number);
    nlohmann::json body{
        {"account_number", number}, {"customer_id", std::string(a.customer_id)}, {"card_ending_in", vcc.substr(vcc.size() - 4)},
        {"first_name", std::string(a.first_name)}, {"last_name", std::string(a.last_name)}, {"dob", std::string(a.dob)},
        {"email", std::string(a.email)}, {"phone_number", str_or_null(a.phone_number)},
        {"address_1", std::string(a.address_1)}, {"address_2", str_or_null(a.address_2)}, {"city", std::string(a.city)},
        {"postal_code", std::string(a.postal_code)}, {"province", std::string(a.province)},
        {"account_status", std::string(a.account_status)}, {"account_status_reason_code", str_or_null(a.account_status_reason_code)},
        {"risk_rating", std::string(a.risk_rating)}, {"account_type", std::string(a.account_type)},
        {"preferred_language", std::string(a.preferred_language)}, {"payment_protection", a.payment_protection},
        {"credit_limit", a.credit_limit_cents}, {"available_credit", a.available_credit_cents}, {"air", a.air_basis_points},
        {"plan_ids", plans}, {"security_qid", {{"id", a.security_qid}, {"text", std::string(a.security_question)}}},
        {"security_answer_hash", security_answer_hash(services, a.security_answer)}, {"creation_date", "2024-01-15"},
        {"originating_merchant_id", "payref-demo-pos"}, {"originating_merchant_name", "payref demo shop"},
        {"security_failures", nlohmann::json::array()}, {"payments", nlohmann::json::array()},
        {"regular_purchases", nlohmann::json::array()}};
    tx.put(store::Document{kAccounts, number, "", vcc_key(services, vcc), std::string(a.customer_id), body, {}});
    tx.put(store::Document{kIdentities, number, "", identity_key(a.first_name, a.last_name, a.dob), "", {{"account_number", number}}, {}});
  }
}

nlohmann::json load_account(Call& call, const std::string& account_number) {
  auto doc = call.tx.get(kAccounts, "", account_number);
  if (!doc) fail(404, error::not_found, "No account with this account number.");
  return std::move(doc->body);
}

std::optional<nlohmann::json> find_account_by_vcc(Call& call, const std::string& vcc_number) {
  auto docs = call.tx.find(kAccounts, "", store::Key::key1, vcc_key(call.services, vcc_number), 1);
  if (docs.empty()) return std::nullopt;
  return std::move(docs.front().body);
}

std::optional<nlohmann::json> find_account_by_customer_id(Call& call, const std::string& customer_id) {
  auto docs = call.tx.find(kAccounts, "", store::Key::key2, customer_id, 1);
  if (docs.empty()) return std::nullopt;
  return std::move(docs.front().body);
}

void save_account(Call& call, const nlohmann::json& account) {
  const std::string number = account.at("account_number");
  auto keys = call.tx.get_keys(kAccounts, "", number);
  call.tx.put(store::Document{kAccounts, number, "", keys ? keys->key1 : "", account.at("customer_id"), account, {}});
}

void require_purchasing(const nlohmann::json& account) {
  const std::string status = account.value("account_status", "");
  if (status == "C" || status == "Z")
    refuse(error::user_not_active, "The account is " + std::string(status == "C" ? "closed" : "charged off") + ".");
  if (status != "N") refuse(error::user_not_able_to_purchase, "The account cannot make purchases (status " + status + ").");
}

void require_payable(const nlohmann::json& account) {
  const std::string status = account.value("account_status", "");
  if (status == "C" || status == "Z")
    refuse(error::user_not_active, "The account is " + std::string(status == "C" ? "closed" : "charged off") + ".");
  if (status == "F") refuse(error::user_not_able_to_purchase, "The account is frozen.");
}

nlohmann::json recent(const nlohmann::json& list, std::int64_t now, std::int64_t window_seconds) {
  nlohmann::json out = nlohmann::json::array();
  if (!list.is_array()) return out;
  for (const auto& item : list) {
    const std::int64_t at = item.is_number() ? item.get<std::int64_t>() : item.value("at", std::int64_t{0});
    if (at > now - window_seconds) out.push_back(item);
  }
  return out;
}

nlohmann::json number_json(const std::string& digits) {
  if (digits.empty() || digits.size() > 15) return digits;
  for (char c : digits)
    if (c < '0' || c > '9') return digits;
  return std::stoll(digits);
}

}  // namespace payref::financing
