#include "financing/authorization.hpp"

#include "financing/accounts.hpp"
#include "financing/wire.hpp"

namespace payref::financing {

namespace {

std::optional<std::string> optional_text(const nlohmann::json& j, const char* key) {
  const auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

template <class T>
std::optional<T> optional_number(const nlohmann::json& j, const char* key) {
  const auto it = j.find(key);
  if (it == j.end() || it->is_null()) return std::nullopt;
  return it->get<T>();
}

}  // namespace

nlohmann::json reference_json(const std::optional<std::string>& reference) { return reference ? nlohmann::json(*reference) : nlohmann::json(); }

void to_json(nlohmann::json& j, const Release& r) {
  j = {{"release_id", r.release_id}, {"reference", reference_json(r.reference)}, {"date", r.date}, {"amount", r.amount}};
}
void from_json(const nlohmann::json& j, Release& r) {
  r = Release{j.at("release_id"), optional_text(j, "reference"), j.at("date"), j.at("amount")};
}

void to_json(nlohmann::json& j, const Return& r) {
  j = {{"return_id", r.return_id}, {"reference", reference_json(r.reference)}, {"date", r.date}, {"amount", r.amount}};
}
void from_json(const nlohmann::json& j, Return& r) {
  r = Return{j.at("return_id"), optional_text(j, "reference"), j.at("date"), j.at("amount")};
}

void to_json(nlohmann::json& j, const Capture& c) {
  j = {{"capture_id", c.capture_id}, {"reference", reference_json(c.reference)}, {"date", c.date}, {"at", c.at},
       {"amount", c.amount},         {"remaining", c.remaining},                  {"returns", c.returns}};
}
void from_json(const nlohmann::json& j, Capture& c) {
  c = Capture{j.at("capture_id"), optional_text(j, "reference"), j.at("date"),  j.at("at"),
              j.at("amount"),     j.at("remaining"),              j.at("returns").get<std::vector<Return>>()};
}

void to_json(nlohmann::json& j, const Authorization& a) {
  j = {{"authorization_id", a.authorization_id},
       {"account_number", a.account_number},
       {"reference", reference_json(a.reference)},
       {"amount", a.amount},
       {"remaining", a.remaining},
       {"status", a.status},
       {"transaction_type", a.transaction_type},
       {"auto_capture", a.auto_capture},
       {"creation_date", a.creation_date},
       {"created_at", a.created_at},
       {"captures", a.captures},
       {"releases", a.releases}};
  if (a.plan_id) j["plan_id"] = *a.plan_id;
  if (a.term) j["term"] = *a.term;
  if (a.term_amount) j["term_amount"] = *a.term_amount;
}

void from_json(const nlohmann::json& j, Authorization& a) {
  a.authorization_id = j.at("authorization_id");
  a.account_number = j.at("account_number");
  a.reference = optional_text(j, "reference");
  a.amount = j.at("amount");
  a.remaining = j.at("remaining");
  a.status = j.at("status");
  a.transaction_type = j.at("transaction_type");
  a.auto_capture = j.at("auto_capture");
  a.creation_date = j.value("creation_date", "");
  a.created_at = j.value("created_at", std::int64_t{0});
  a.captures = j.at("captures").get<std::vector<Capture>>();
  a.releases = j.at("releases").get<std::vector<Release>>();
  a.plan_id = optional_number<long long>(j, "plan_id");
  a.term = optional_number<long long>(j, "term");
  a.term_amount = optional_number<std::int64_t>(j, "term_amount");
}

nlohmann::json view(const Authorization& a) {
  nlohmann::json captures = nlohmann::json::array();
  for (const auto& c : a.captures) {
    nlohmann::json returns = nlohmann::json::array();
    for (const auto& r : c.returns)
      returns.push_back({{"return_id", number_json(r.return_id)}, {"reference", reference_json(r.reference)}, {"date", r.date},
                         {"amount", money_json(r.amount)}});
    captures.push_back({{"capture_id", number_json(c.capture_id)}, {"reference", reference_json(c.reference)}, {"date", c.date},
                        {"amount", money_json(c.amount)}, {"remaining_capture_amount", money_json(c.remaining)}, {"returns", returns}});
  }
  nlohmann::json releases = nlohmann::json::array();
  for (const auto& r : a.releases)
    releases.push_back({{"release_id", number_json(r.release_id)}, {"reference", reference_json(r.reference)}, {"date", r.date},
                        {"amount", money_json(r.amount)}});
  nlohmann::json option{{"transaction_type", a.transaction_type}};
  if (a.promotional()) {
    option["plan_id"] = a.plan_id ? nlohmann::json(*a.plan_id) : nlohmann::json();
    option["term"] = a.term ? nlohmann::json(*a.term) : nlohmann::json();
  }
  nlohmann::json out{{"authorization_id", number_json(a.authorization_id)},
                     {"account_number", number_json(a.account_number)},
                     {"reference", reference_json(a.reference)},
                     {"amount", money_json(a.amount)},
                     {"remaining_authorization_amount", money_json(a.remaining)},
                     {"authorization_status", a.status},
                     {"financing_option", option},
                     {"auto_capture", a.auto_capture},
                     {"creation_date", a.creation_date},
                     {"captures", captures},
                     {"releases", releases}};
  if (a.term_amount) out["term_amount"] = money_json(*a.term_amount);
  return out;
}

}  // namespace payref::financing
