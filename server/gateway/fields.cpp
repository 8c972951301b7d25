#include "gateway/fields.hpp"

#include <cctype>
#include <cstdio>

#include "gateway/wire.hpp"
#include "payref/fields.hpp"

namespace payref::gateway {

namespace {

std::string as_text(const nlohmann::json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? "True" : "False";
  return v.dump();  // numbers: their JSON text
}

void check(const Validation& v, const std::string& path) {
  if (!v.is_valid) fail(v.to_status(path), path);
}

const char* kind_words(fields::Kind kind) {
  switch (kind) {
    case fields::Kind::object: return "must be an object";
    case fields::Kind::boolean: return "must be True or False";
    default: return "must be a string";
  }
}

// The gateway stops at the first problem: Message.Code 05 naming the field's path.
const std::shared_ptr<const fields::Policy>& stopping_policy() {
  static const auto policy = [] {
    auto p = std::make_shared<fields::Policy>();
    p->report = [](const fields::Problem& problem) { fail(code::validation, problem.path + ": " + problem.message); };
    p->required = [](const std::string& path) { return fields::Problem{path, "field.required", "is required", nullptr}; };
    p->wrong_kind = [](const std::string& path, fields::Kind expected, const nlohmann::json&) {
      return fields::Problem{path, "field.wrong_type", kind_words(expected), nullptr};
    };
    return std::shared_ptr<const fields::Policy>(std::move(p));
  }();
  return policy;
}

}  // namespace

Fields::Fields(const nlohmann::json& object, std::string path) : fields::Reader(object, std::move(path), stopping_policy()) {}

Fields request_fields(const nlohmann::json& body) {
  const auto it = body.find("Request");
  if (it == body.end() || !it->is_object()) fail_model("model.Request", "The Request field is required.");
  return Fields(*it, "Request");
}

std::string email_key(std::string email) {
  for (auto& c : email) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return email;
}

std::optional<std::string> Fields::optional_text(const std::string& key, std::size_t max_length) const {
  const auto* v = find(key);
  if (v == nullptr) return std::nullopt;
  if (v->is_object() || v->is_array()) report_wrong_kind(key, fields::Kind::string, *v);
  std::string text = as_text(*v);
  if (text.empty()) return std::nullopt;
  check(validate_ascii(text, max_length), path_of(key));
  return text;
}

std::string Fields::text(const std::string& key, std::size_t max_length) const {
  auto value = optional_text(key, max_length);
  if (!value) report_required(key);
  return *value;
}

bool Fields::flag(const std::string& key, bool fallback) const {
  const auto* v = find(key);
  if (v == nullptr) return fallback;
  if (v->is_boolean()) return v->get<bool>();
  std::string t = v->is_string() ? v->get<std::string>() : std::string();
  for (auto& c : t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (t == "true") return true;
  if (t == "false") return false;
  report_wrong_kind(key, fields::Kind::boolean, *v);
  return fallback;  // not reached: the policy stops
}

int Fields::integer(const std::string& key, int fallback, int min, int max) const {
  const auto* v = find(key);
  if (v == nullptr) return fallback;
  const std::string t = as_text(*v);
  int value = 0;
  bool ok = !t.empty() && t.size() <= 9;
  for (char c : t) ok = ok && c >= '0' && c <= '9';
  if (ok) value = std::stoi(t);
  if (!ok || value < min || value > max)
    report(key, "field.out_of_range", "must be a whole number from " + std::to_string(min) + " to " + std::to_string(max));
  return value;
}

Fields Fields::object(const std::string& key) const {
  auto object = optional_object(key);
  if (!object) report_required(key);
  return *object;
}

std::optional<Fields> Fields::optional_object(const std::string& key) const {
  const auto* v = find(key);
  if (v == nullptr) return std::nullopt;
  if (!v->is_object()) report_wrong_kind(key, fields::Kind::object, *v);
  return Fields(nested(*v, key));
}

std::string Fields::email(const std::string& key) const {
  const std::string value = text(key, 256);
  check(validate_email(value), path_of(key));
  return value;
}

std::string Fields::currency(const std::string& key) const {
  const std::string value = text(key, 3);
  check(validate_currency_code(value), path_of(key));
  return value;
}

Money Fields::amount(const std::string& key, const std::string& currency) const {
  const std::string value = text(key, 32);
  auto money = parse_money(value, currency, MoneyParseOptions{false, false});
  if (!money) fail(money.status(), path_of(key));
  return *money;
}

std::optional<sim::TimePoint> Fields::optional_datetime(const std::string& key) const {
  auto value = optional_text(key, 19);
  if (!value) return std::nullopt;
  auto t = sim::parse_wire_datetime(*value);
  if (!t) report(key, "datetime.malformed", "must be a UTC date and time as YYYY-MM-DD HH:MM:SS");
  return t;
}

sim::TimePoint Fields::datetime(const std::string& key) const {
  auto t = optional_datetime(key);
  if (!t) report_required(key);
  return *t;
}

namespace {
// "MM/YY" from a validated expiry.
std::string expiry_text(int month, int year) {
  char out[8];
  std::snprintf(out, sizeof out, "%02d/%02d", month, year % 100);
  return out;
}
}  // namespace

CardInput read_card(const Fields& card, CalendarDate today) {
  CardInput in;
  const std::string number = card.text("CardNumber", 32);
  const auto v = validate_card_number(number);
  check(v, card.path_of("CardNumber"));
  in.brand = v.brand;
  for (char c : number)
    if (c >= '0' && c <= '9') in.number += c;
  const std::string expiry = card.text("ExpiryDate", 7);
  const auto e = validate_expiry(expiry, today);
  check(e, card.path_of("ExpiryDate"));
  in.expiry_month = e.month;
  in.expiry_year = e.year;
  in.expiry_text = expiry_text(e.month, e.year);
  check(validate_cvv(card.text("CVV", 4), in.brand), card.path_of("CVV"));
  return in;
}

std::string read_expiry(const Fields& card, CalendarDate today) {
  const auto e = validate_expiry(card.text("ExpiryDate", 7), today);
  check(e, card.path_of("ExpiryDate"));
  return expiry_text(e.month, e.year);
}

std::string gateway_card_type(const CardBrand& brand) {
  if (brand.type == "mastercard") return "MasterCard";
  return std::string(brand.nice_type);
}

BankInput read_bank_account(const Fields& bank) {
  BankInput in{bank.text("RoutingNumber", 9), bank.text("BankAccountNumber", 17), bank.text("AccountHolderName", 100)};
  check(validate_routing_number(in.routing_number), bank.path_of("RoutingNumber"));
  bool digits = in.account_number.size() >= 4;
  for (char c : in.account_number) digits = digits && c >= '0' && c <= '9';
  if (!digits) bank.report("BankAccountNumber", "bank_account.malformed", "must be 4 to 17 digits");
  return in;
}

nlohmann::json read_name(const Fields& name) {
  nlohmann::json out = nlohmann::json::object();
  out["FirstName"] = name.text("FirstName");
  out["LastName"] = name.text("LastName");
  out["MiddleName"] = name.optional_text("MiddleName").value_or("");
  out["CompanyName"] = name.optional_text("CompanyName").value_or("");
  return out;
}

nlohmann::json read_address(const Fields& address) {
  nlohmann::json out = nlohmann::json::object();
  for (const char* part : {"HouseNumber", "ApartmentNumber", "Street", "Street2", "City", "County", "State"})
    out[part] = address.optional_text(part).value_or("");
  if (out["Street"].get<std::string>().empty()) address.report_required("Street");
  if (out["City"].get<std::string>().empty()) address.report_required("City");
  const std::string country_code = address.text("Country", 3);
  check(validate_country(country_code), address.path_of("Country"));
  const Country& country = *find_country(country_code);
  const std::string zip = address.text("Zip", 10);
  check(validate_postal_code(zip, country.alpha2), address.path_of("Zip"));
  out["Zip"] = normalize_postal_code(zip, country.alpha2).value_or(zip);
  out["Country"] = country.alpha3;
  out["CountryName"] = country_name(country);
  out["Country2AlphaCode"] = country.alpha2;
  out["Country3AlphaCode"] = country.alpha3;
  char numeric[8];
  std::snprintf(numeric, sizeof numeric, "%03u", static_cast<unsigned>(country.numeric));
  out["CountryNumericCode"] = numeric;
  return out;
}

}  // namespace payref::gateway
