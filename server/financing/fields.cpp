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

Fields::Fields(const nlohmann::json& object, std::string prefix) : object_(object), prefix_(std::move(prefix)) {}

std::string Fields::path(const std::string& key) const { return prefix_.empty() ? key : prefix_ + "." + key; }

const nlohmann::json* Fields::find(const std::string& key) const {
  if (!object_.is_object()) return nullptr;
  const auto it = object_.find(key);
  if (it == object_.end() || it->is_null()) return nullptr;
  return &*it;
}

bool Fields::has(const std::string& key) const { return find(key) != nullptr; }

Fields Fields::object(const std::string& key, bool required) const {
  const auto* v = find(key);
  if (!v) {
    if (required) fail_field(path(key), "required");
    return Fields(kEmpty, path(key));
  }
  if (!v->is_object()) fail_field(path(key), "must_be_an_object", *v);
  return Fields(*v, path(key));
}

std::optional<std::string> Fields::text(const std::string& key, std::size_t max, bool required) const {
  const auto* v = find(key);
  if (!v || (v->is_string() && v->get_ref<const std::string&>().empty())) {
    if (required) fail_field(path(key), "required");
    return std::nullopt;
  }
  if (!v->is_string()) fail_field(path(key), "must_be_a_string", *v);
  const auto& s = v->get_ref<const std::string&>();
  const auto check = validate_ascii(s, max, true);
  if (!check.is_valid) fail_field(path(key), std::string(check.reason), s.size() <= 200 ? nlohmann::json(s) : nlohmann::json());
  return s;
}

std::optional<std::string> Fields::digits(const std::string& key, std::size_t max_digits, bool required) const {
  const auto* v = find(key);
  if (!v || (v->is_string() && v->get_ref<const std::string&>().empty())) {
    if (required) fail_field(path(key), "required");
    return std::nullopt;
  }
  std::string s;
  if (v->is_number_unsigned()) s = v->dump();
  else if (v->is_string()) s = v->get<std::string>();
  else fail_field(path(key), "must_be_a_number", *v);
  if (!all_digits(s) || s.size() > max_digits)
    fail_field(path(key), "must_be_up_to_" + std::to_string(max_digits) + "_digits", s.size() <= 40 ? nlohmann::json(s) : nlohmann::json());
  return s;
}

std::optional<long long> Fields::integer(const std::string& key, long long min, long long max, bool required) const {
  const auto* v = find(key);
  if (!v || (v->is_string() && v->get_ref<const std::string&>().empty())) {
    if (required) fail_field(path(key), "required");
    return std::nullopt;
  }
  long long n = 0;
  if (v->is_number_integer()) {
    if (v->is_number_unsigned() && v->get<unsigned long long>() > static_cast<unsigned long long>(max))
      fail_field(path(key), "out_of_range", *v);
    n = v->get<long long>();
  } else if (v->is_string() && all_digits(v->get<std::string>()) && v->get<std::string>().size() <= 9) {
    n = std::stoll(v->get<std::string>());
  } else {
    fail_field(path(key), "must_be_a_whole_number", *v);
  }
  if (n < min || n > max) fail_field(path(key), "out_of_range", *v);
  return n;
}

std::optional<bool> Fields::boolean(const std::string& key, bool required) const {
  const auto* v = find(key);
  if (!v) {
    if (required) fail_field(path(key), "required");
    return std::nullopt;
  }
  if (v->is_boolean()) return v->get<bool>();
  if (v->is_string() && (*v == "true" || *v == "false")) return *v == "true";  // query parameters
  fail_field(path(key), "must_be_a_boolean", *v);
}

std::optional<Money> Fields::amount(const std::string& key, bool required) const {
  const auto* v = find(key);
  if (!v) {
    if (required) fail_field(path(key), "required");
    return std::nullopt;
  }
  std::string text;
  if (v->is_number_integer() || v->is_number_float()) text = v->dump();  // the number's JSON text
  else if (v->is_string()) text = v->get<std::string>();
  else fail_field(path(key), "must_be_a_number", *v);
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
  fail_field(path(key), "not_an_allowed_value", *value);
}

}  // namespace payref::financing
