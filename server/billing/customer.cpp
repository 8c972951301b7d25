#include "billing/customer.hpp"

#include <cctype>
#include <optional>

#include "billing/errors.hpp"
#include "fields/reader.hpp"
#include "payref/fields.hpp"

namespace payref::billing {

namespace {

// A field name as it may be quoted back: unknown names come from the client and may be huge.
std::string quoted_name(const std::string& name) {
  std::string out;
  for (char c : name.substr(0, 64)) out += (c >= 0x20 && c < 0x7F) ? c : '?';
  return name.size() > 64 ? out + "..." : out;
}

std::string trim(const std::string& text) {
  const auto first = text.find_first_not_of(' ');
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(' ') - first + 1);
}

// Billing collects every problem of a request: one 400 lists them all (docs/billing.md "Errors").
std::shared_ptr<const fields::Policy> collecting_into(Problems& problems) {
  auto policy = std::make_shared<fields::Policy>();
  policy->report = [&problems](const fields::Problem& p) { problems.add(p.path, p.reason, p.path + ": " + p.message); };
  policy->required = [](const std::string& path) { return fields::Problem{path, "field.required", "is required", nullptr}; };
  policy->wrong_kind = [](const std::string& path, fields::Kind expected, const nlohmann::json&) {
    switch (expected) {
      case fields::Kind::whole_number: return fields::Problem{path, "field.not_integer", "must be a whole number from 1 to 999999999999999", nullptr};
      case fields::Kind::boolean: return fields::Problem{path, "field.not_boolean", "must be true or false", nullptr};
      default: return fields::Problem{path, "field.not_string", "must be a string", nullptr};
    }
  };
  return policy;
}

// The value of one field as stored (string, integer or boolean), nullopt for "not set" (null or
// an empty string). Reports a problem and returns nullopt when the value is of the wrong kind.
struct Read {
  std::optional<nlohmann::json> value;
  bool ok = true;
};

Read read_value(const CustomerField& spec, const nlohmann::json& v, const fields::Reader& request) {
  const std::string name(spec.name);
  if (v.is_null()) return {};
  switch (spec.kind) {
    case CustomerFieldKind::text: {
      if (!v.is_string()) {
        request.report_wrong_kind(name, fields::Kind::string, v);
        return {std::nullopt, false};
      }
      const std::string raw = v.get<std::string>();
      const auto check = validate_ascii(raw, raw.size(), /*required=*/false);
      if (!check.is_valid) {  // control characters, non-ASCII (length is judged after trimming)
        request.report(name, std::string(check.reason), "must be printable ASCII text");
        return {std::nullopt, false};
      }
      const std::string text = trim(raw);
      if (text.size() > spec.max_length) {
        request.report(name, "text.too_long", "must be at most " + std::to_string(spec.max_length) + " characters");
        return {std::nullopt, false};
      }
      if (text.empty()) return {};
      return {nlohmann::json(text)};
    }
    case CustomerFieldKind::integer: {
      std::string digits;
      if (v.is_number_integer()) digits = v.dump();
      else if (v.is_string()) digits = trim(v.get<std::string>());
      bool ok = !digits.empty() && digits.size() <= 15;
      for (char c : digits) ok = ok && c >= '0' && c <= '9';
      if (v.is_string() && digits.empty()) return {};
      if (!ok || std::stoll(digits) < 1) {
        request.report_wrong_kind(name, fields::Kind::whole_number, v);
        return {std::nullopt, false};
      }
      return {nlohmann::json(std::stoll(digits))};
    }
    case CustomerFieldKind::boolean: {
      if (v.is_boolean()) return {v};
      std::string t = v.is_string() ? trim(v.get<std::string>()) : std::string("?");
      for (auto& c : t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (t == "true") return {nlohmann::json(true)};
      if (t == "false") return {nlohmann::json(false)};
      if (t.empty()) return {};
      request.report_wrong_kind(name, fields::Kind::boolean, v);
      return {std::nullopt, false};
    }
  }
  return {};
}

// The field's own rule (sdk check_customer_text); the value to store, or nullopt after reporting.
std::optional<nlohmann::json> check_value(const std::string& name, nlohmann::json value, CalendarDate today,
                                          const fields::Reader& request) {
  if (!value.is_string()) return value;
  auto checked = check_customer_text(name, value.get<std::string>(), today);
  if (!checked) {
    const Status status = checked.status();
    request.report(name, status.reason(), status.message());
    return std::nullopt;
  }
  return nlohmann::json(std::move(checked).value());
}

std::string text_of(const nlohmann::json& body, const char* name) {
  const auto it = body.find(name);
  return it != body.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

nlohmann::json apply_customer_input(const nlohmann::json& input, const nlohmann::json& current, Mode mode,
                                    const ServiceUser& user, CalendarDate today) {
  Problems problems;
  const fields::Reader request(input, "", collecting_into(problems));
  nlohmann::json next = current.is_object() ? current : nlohmann::json::object();
  for (const auto& [name, raw] : input.items()) {
    const CustomerField* spec = find_customer_field(name);
    if (spec == nullptr) {
      request.report(quoted_name(name), "field.unknown", "is not a field of Customer");
      continue;
    }
    Read read = read_value(*spec, raw, request);
    if (!read.ok) continue;
    if (read.value) {
      auto checked = check_value(name, *read.value, today, request);
      if (!checked) continue;
      read.value = std::move(checked);
    }
    if (spec->read_only || spec->create_only) {
      if (spec->read_only && mode == Mode::create) {
        request.report(name, "field.read_only", "is assigned by the system and cannot be sent");
        continue;
      }
      if (mode == Mode::modify) {
        const auto stored = current.find(name);
        const bool same = read.value && stored != current.end() && *stored == *read.value;
        if (!same)
          problems.add(name, spec->read_only ? "field.read_only" : "field.create_only",
                       name + (spec->read_only ? ": is assigned by the system" : ": can be set only on create") +
                           " and cannot be changed");
        continue;
      }
    }
    if (read.value) next[name] = std::move(*read.value);
    else next.erase(name);
  }

  // Whole-record rules, for fields that were not already reported.
  for (const auto& spec : customer_fields()) {
    const std::string field(spec.name);
    if (spec.required && !next.contains(field) && !problems.has(field)) request.report_required(field);
  }
  if (mode == Mode::create) {
    if (!next.contains("type")) next["type"] = next.contains("organizationName") ? "O" : "P";
    if (!next.contains("isActive")) next["isActive"] = true;
    if (next.contains("accountId") && !user.has_account(next["accountId"].get<std::int64_t>()))
      problems.add("accountId", "account.unknown", "accountId: is not an account of this service user");
  }
  if (next.value("type", "P") == "O" && !next.contains("organizationName") && !problems.has("organizationName"))
    problems.add("organizationName", "field.required", "organizationName: is required when type is O (organization)");
  const std::string country = text_of(next, "countryCode");
  if (next.contains("zipCode") && !problems.has("zipCode") && !problems.has("countryCode")) {
    const std::string zip = text_of(next, "zipCode");
    // The sdk knows the US and Canadian formats; any other country gets its generic check.
    const std::string form = country == "US" || country == "CA" ? country : std::string();
    const auto v = validate_postal_code(zip, form);
    if (!v.is_valid) problems.add(v.to_status("zipCode"), "zipCode");
    else next["zipCode"] = normalize_postal_code(zip, form).value_or(zip);
  }
  if (country == "CA" && next.contains("state") && !problems.has("state")) {
    const auto v = validate_ca_province(text_of(next, "state"));
    if (!v.is_valid) problems.add(v.to_status("state"), "state");
  }
  problems.throw_if_any();
  return next;
}

}  // namespace payref::billing
