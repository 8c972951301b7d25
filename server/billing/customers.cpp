#include "billing/customers.hpp"

#include <algorithm>
#include <cctype>

#include "billing/customer.hpp"
#include "billing/errors.hpp"
#include "payref/fields.hpp"

namespace payref::billing {

namespace {

constexpr const char* kAllCustomers = "customer";  // key2 of every customer: the merchant's list
constexpr std::size_t kMaxLimit = 1000;
constexpr std::size_t kMaxOffset = 999999999;

std::string code_key(const nlohmann::json& customer) {
  return std::to_string(customer.at("accountId").get<std::int64_t>()) + "/" + customer.at("code").get<std::string>();
}

store::Document document_of(const ServiceUser& user, const nlohmann::json& customer) {
  store::Document doc;
  doc.collection = kCustomers;
  doc.id = std::to_string(customer.at("id").get<std::int64_t>());
  doc.owner = user.merchant;
  doc.key1 = code_key(customer);
  doc.key2 = kAllCustomers;
  doc.body = customer;
  return doc;
}

std::string lower(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// A whole number from `min` to `max` given as decimal digits, or the fallback when absent.
std::size_t whole_number(const std::map<std::string, std::string>& params, const std::string& name, std::size_t fallback,
                         std::size_t min, std::size_t max) {
  const auto it = params.find(name);
  if (it == params.end()) return fallback;
  const std::string& t = it->second;
  bool ok = !t.empty() && t.size() <= 10;
  for (char c : t) ok = ok && c >= '0' && c <= '9';
  if (ok) {
    const auto value = std::stoull(t);
    if (value >= min && value <= max) return static_cast<std::size_t>(value);
  }
  fail_validation(name, "field.out_of_range",
                  name + ": must be a whole number from " + std::to_string(min) + " to " + std::to_string(max));
}

}  // namespace

nlohmann::json create_customer(const app::Services& services, store::Transaction& tx, const ServiceUser& user,
                               const nlohmann::json& input) {
  nlohmann::json customer = apply_customer_input(input, nlohmann::json::object(), Mode::create, user, services.clock.today());
  const std::int64_t id = tx.next_sequence(kCustomers);
  customer["id"] = id;
  if (!customer.contains("code")) customer["code"] = std::to_string(id);
  if (!tx.find(kCustomers, user.merchant, store::Key::key1, code_key(customer), 1).empty())
    fail(409, code::duplicate,
         input.contains("code") ? "code: is already used by another customer of this account"
                                : "code: defaults to the new id, which another customer of this account already uses as "
                                  "its code; send a code",
         "code", "code.duplicate");
  customer["createDate"] = sim::format_wire_datetime(services.clock.now());
  tx.put(document_of(user, customer));
  return customer;
}

std::vector<nlohmann::json> find_customers(store::Transaction& tx, const ServiceUser& user,
                                           const std::map<std::string, std::string>& params) {
  // The seed's filters, then the mirror docs' (api-notes seed 001): each a case-insensitive
  // prefix of the field(s) it names, with the field's length.
  struct Filter {
    const char* parameter;
    std::size_t max_length;
    std::vector<const char*> fields;  // a customer matches when any of them starts with the value
  };
  static const std::vector<Filter> kFilters = {
      {"firstName", 255, {"firstName"}}, {"lastName", 255, {"lastName"}}, {"organizationName", 255, {"organizationName"}},
      {"email", 100, {"email"}},         {"phone", 15, {"phone", "cellPhone"}}, {"street", 128, {"street1", "street2"}},
      {"city", 50, {"city"}},            {"state", 3, {"state"}},             {"zipCode", 10, {"zipCode"}},
      {"countryCode", 2, {"countryCode"}}};
  const auto known = [](const std::string& name) {
    if (name == "offset" || name == "limit" || name == "accountId") return true;
    return std::any_of(kFilters.begin(), kFilters.end(), [&](const Filter& f) { return name == f.parameter; });
  };
  Problems problems;
  for (const auto& [name, value] : params)
    if (!known(name)) {
      const std::string shown = name.size() > 64 ? name.substr(0, 64) + "..." : name;
      std::string all = "offset, limit, accountId";
      for (const auto& f : kFilters) all += std::string(", ") + f.parameter;
      problems.add(shown, "parameter.unknown", "the parameter is not one of find's: " + all);
    }
  std::vector<std::pair<const Filter*, std::string>> filters;  // filter, lower-case prefix
  for (const auto& filter : kFilters) {
    const auto it = params.find(filter.parameter);
    if (it == params.end() || it->second.empty()) continue;
    const auto v = validate_ascii(it->second, filter.max_length);
    if (!v.is_valid) {
      problems.add(v.to_status(filter.parameter), filter.parameter);
      continue;
    }
    std::string prefix = lower(it->second);
    // Phones are stored as their ten digits (4165550199): "(416) 555" searches as "416555".
    if (std::string_view(filter.parameter) == "phone") {
      std::erase_if(prefix, [](char c) { return c < '0' || c > '9'; });
      if (prefix.empty()) {
        problems.add("phone", "field.invalid", "phone: give the digits the number starts with");
        continue;
      }
    }
    filters.emplace_back(&filter, prefix);
  }
  std::optional<std::int64_t> account;
  if (const auto it = params.find("accountId"); it != params.end() && !it->second.empty()) {
    const std::string& t = it->second;
    bool ok = t.size() <= 15;
    for (char c : t) ok = ok && c >= '0' && c <= '9';
    if (!ok) problems.add("accountId", "field.not_integer", "accountId: must be a whole number");
    else if (!user.has_account(std::stoll(t)))
      problems.add("accountId", "account.unknown", "accountId: is not an account of this service user");
    else account = std::stoll(t);
  }
  problems.throw_if_any();
  const std::size_t offset = whole_number(params, "offset", 0, 0, kMaxOffset);
  const std::size_t limit = whole_number(params, "limit", 100, 1, kMaxLimit);

  std::vector<store::Document> all = tx.find(kCustomers, user.merchant, store::Key::key2, kAllCustomers);
  std::vector<nlohmann::json> matching;
  for (auto& doc : all) {
    const nlohmann::json& c = doc.body;
    if (account && c.value("accountId", std::int64_t{0}) != *account) continue;
    bool match = true;
    for (const auto& [filter, prefix] : filters)
      match = match && std::any_of(filter->fields.begin(), filter->fields.end(), [&, &p = prefix](const char* field) {
                return lower(c.value(field, "")).rfind(p, 0) == 0;
              });
    if (match) matching.push_back(std::move(doc.body));
  }
  std::sort(matching.begin(), matching.end(), [](const nlohmann::json& a, const nlohmann::json& b) {
    return a.value("id", std::int64_t{0}) < b.value("id", std::int64_t{0});
  });
  if (offset >= matching.size()) return {};
  const auto first = matching.begin() + static_cast<std::ptrdiff_t>(offset);
  const auto last = first + static_cast<std::ptrdiff_t>(std::min(limit, matching.size() - offset));
  return {std::make_move_iterator(first), std::make_move_iterator(last)};
}

nlohmann::json load_customer(store::Transaction& tx, const ServiceUser& user, const std::string& id) {
  bool digits = !id.empty() && id.size() <= 15 && id[0] != '0';
  for (char c : id) digits = digits && c >= '0' && c <= '9';
  const auto doc = digits ? tx.get(kCustomers, user.merchant, id) : std::nullopt;
  if (!doc) fail(404, code::not_found, "No customer with this id exists for this service user's merchant.");
  return doc->body;
}

nlohmann::json modify_customer(const app::Services& services, store::Transaction& tx, const ServiceUser& user,
                               const std::string& id, const nlohmann::json& input) {
  const nlohmann::json current = load_customer(tx, user, id);
  nlohmann::json customer = apply_customer_input(input, current, Mode::modify, user, services.clock.today());
  tx.put(document_of(user, customer));
  return customer;
}

}  // namespace payref::billing
