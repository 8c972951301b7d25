#include "financing/fields.hpp"

#include "financing/wire.hpp"
#include "payref/fields.hpp"

namespace payref::financing {

namespace {
const nlohmann::json kEmpty = nlohmann::json::object();

bool all_digits(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}
}  // namespace

namespace {

const char* kind_reason(fields::Kind kind) {
  switch (kind) {
    case fields::Kind::string: return "must_be_a_string";
    case fields::Kind::number: return "must_be_a_number";
    case fields::Kind::whole_number: return "must_be_a_whole_number";
    case fields::Kind::boolean: return "must_be_a_boolean";
    case fields::Kind::object: return "must_be_an_object";
    case fields::Kind::array: return "must_be_an_array";
    case fields::Kind::date_time: return "must_be_a_date_time";
  }
  return "must_be_a_string";
}

// Financing stops at the first problem: 409 wrong_inputs naming it (docs/financing.md "Errors").
const std::shared_ptr<const fields::Policy>& stopping_policy() {
  static const auto policy = [] {
    auto p = std::make_shared<fields::Policy>();
    p->report = [](const fields::Problem& problem) { fail_field(problem.path, problem.reason, problem.value); };
    p->required = [](const std::string& path) { return fields::Problem{path, "required", "required", nullptr}; };
    p->wrong_kind = [](const std::string& path, fields::Kind expected, const nlohmann::json& v) {
      return fields::Problem{path, kind_reason(expected), kind_reason(expected), v};
    };
    return std::shared_ptr<const fields::Policy>(std::move(p));
  }();
  return policy;
}

}  // namespace

Fields::Fields(const nlohmann::json& object, std::string prefix) : fields::Reader(object, std::move(prefix), stopping_policy()) {}

const nlohmann::json* Fields::present(const std::string& key, bool required) const {
  const auto* v = find(key);
  if (!v || (v->is_string() && v->get_ref<const std::string&>().empty())) {
    if (required) report_required(key);
    return nullptr;
  }
  return v;
}

Fields Fields::object(const std::string& key, bool required) const {
  const auto* v = field(key, required);
  if (!v) return Fields(nested(kEmpty, key));
  if (!v->is_object()) report_wrong_kind(key, fields::Kind::object, *v);
  return Fields(nested(*v, key));
}

std::optional<std::string> Fields::text(const std::string& key, std::size_t max, bool required) const {
  const auto* v = present(key, required);
  if (!v) return std::nullopt;
  if (!v->is_string()) report_wrong_kind(key, fields::Kind::string, *v);
  const auto& s = v->get_ref<const std::string&>();
  const auto check = validate_ascii(s, max, true);
  if (!check.is_valid) report(key, std::string(check.reason), std::string(check.reason), s.size() <= 200 ? nlohmann::json(s) : nlohmann::json());
  return s;
}

std::optional<std::string> Fields::digits(const std::string& key, std::size_t max_digits, bool required) const {
  const auto* v = present(key, required);
  if (!v) return std::nullopt;
  std::string s;
  if (v->is_number_unsigned()) s = v->dump();
  else if (v->is_string()) s = v->get<std::string>();
  else report_wrong_kind(key, fields::Kind::number, *v);
  if (!all_digits(s) || s.size() > max_digits) {
    const std::string reason = "must_be_up_to_" + std::to_string(max_digits) + "_digits";
    report(key, reason, reason, s.size() <= 40 ? nlohmann::json(s) : nlohmann::json());
  }
  return s;
}

std::optional<long long> Fields::integer(const std::string& key, long long min, long long max, bool required) const {
  const auto* v = present(key, required);
  if (!v) return std::nullopt;
  long long n = 0;
  if (v->is_number_integer()) {
    if (v->is_number_unsigned() && v->get<unsigned long long>() > static_cast<unsigned long long>(max))
      report(key, "out_of_range", "out_of_range", *v);
    n = v->get<long long>();
  } else if (v->is_string() && all_digits(v->get<std::string>()) && v->get<std::string>().size() <= 9) {
    n = std::stoll(v->get<std::string>());
  } else {
    report_wrong_kind(key, fields::Kind::whole_number, *v);
  }
  if (n < min || n > max) report(key, "out_of_range", "out_of_range", *v);
  return n;
}

std::optional<bool> Fields::boolean(const std::string& key, bool required) const {
  const auto* v = field(key, required);
  if (!v) return std::nullopt;
  if (v->is_boolean()) return v->get<bool>();
  if (v->is_string() && (*v == "true" || *v == "false")) return *v == "true";  // query parameters
  report_wrong_kind(key, fields::Kind::boolean, *v);
  return std::nullopt;  // not reached: the policy stops
}

std::optional<Money> Fields::amount(const std::string& key, bool required) const {
  const auto* v = field(key, required);
  if (!v) return std::nullopt;
  std::string text;
  if (v->is_number_integer() || v->is_number_float()) text = v->dump();  // the number's JSON text
  else if (v->is_string()) text = v->get<std::string>();
  else report_wrong_kind(key, fields::Kind::number, *v);
  // A float that printed with a ".0" ("250.0") is still a 2-decimal amount.
  auto money = parse_money(text, "CAD", MoneyParseOptions{false, false});
  if (!money) fail_status(money.status(), path(key), *v);
  return *money;
}

std::optional<std::string> Fields::one_of(const std::string& key, std::initializer_list<const char*> allowed, bool required) const {
  const auto value = text(key, 64, required);
  if (!value) return std::nullopt;
  for (const char* a : allowed)
    if (*value == a) return value;
  report(key, "not_an_allowed_value", "not_an_allowed_value", *value);
  return std::nullopt;  // not reached: the policy stops
}

}  // namespace payref::financing
