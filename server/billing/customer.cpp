#include "billing/customer.hpp"

#include <cctype>
#include <optional>
#include <tuple>

#include "billing/errors.hpp"
#include "payref/fields.hpp"

namespace payref::billing {

namespace {

constexpr FieldSpec kFields[] = {
    // name               kind           max  required create_only read_only
    {"id", Kind::integer, 0, false, false, true},
    {"code", Kind::text, 60, false, true, false},
    {"accountId", Kind::integer, 0, true, true, false},
    {"type", Kind::text, 1, false, false, false},
    {"title", Kind::text, 20, false, false, false},
    {"firstName", Kind::text, 255, true, false, false},
    {"middleName", Kind::text, 255, false, false, false},
    {"lastName", Kind::text, 255, true, false, false},
    {"suffix", Kind::text, 20, false, false, false},
    {"organizationName", Kind::text, 255, false, false, false},
    {"birthDate", Kind::text, 10, false, false, false},
    {"gender", Kind::text, 1, false, false, false},
    {"driverLicenseNumber", Kind::text, 30, false, false, false},
    {"driverLicenseState", Kind::text, 3, false, false, false},
    {"email", Kind::text, 100, false, false, false},
    {"phone", Kind::text, 15, false, false, false},
    {"cellPhone", Kind::text, 15, false, false, false},
    {"street1", Kind::text, 128, false, false, false},
    {"street2", Kind::text, 128, false, false, false},
    {"city", Kind::text, 50, false, false, false},
    {"state", Kind::text, 3, false, false, false},
    {"zipCode", Kind::text, 10, false, false, false},
    {"countryCode", Kind::text, 2, false, false, false},
    {"isActive", Kind::boolean, 0, false, false, false},
    {"createDate", Kind::text, 19, false, false, true},
};

const FieldSpec* find_spec(const std::string& name) {
  for (const auto& spec : kFields)
    if (name == spec.name) return &spec;
  return nullptr;
}

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

// The value of one field as stored (string, integer or boolean), nullopt for "not set" (null or
// an empty string). Reports a problem and returns nullopt when the value is of the wrong kind.
struct Read {
  std::optional<nlohmann::json> value;
  bool ok = true;
};

Read read_value(const FieldSpec& spec, const nlohmann::json& v, Problems& problems) {
  const std::string name = spec.name;
  if (v.is_null()) return {};
  switch (spec.kind) {
    case Kind::text: {
      if (!v.is_string()) {
        problems.add(name, "field.not_string", name + ": must be a string");
        return {std::nullopt, false};
      }
      const std::string raw = v.get<std::string>();
      const auto check = validate_ascii(raw, raw.size(), /*required=*/false);
      if (!check.is_valid) {  // control characters, non-ASCII (length is judged after trimming)
        problems.add(name, std::string(check.reason), name + ": must be printable ASCII text");
        return {std::nullopt, false};
      }
      const std::string text = trim(raw);
      if (text.size() > spec.max_length) {
        problems.add(name, "text.too_long", name + ": must be at most " + std::to_string(spec.max_length) + " characters");
        return {std::nullopt, false};
      }
      if (text.empty()) return {};
      return {nlohmann::json(text)};
    }
    case Kind::integer: {
      std::string digits;
      if (v.is_number_integer()) digits = v.dump();
      else if (v.is_string()) digits = trim(v.get<std::string>());
      bool ok = !digits.empty() && digits.size() <= 15;
      for (char c : digits) ok = ok && c >= '0' && c <= '9';
      if (v.is_string() && digits.empty()) return {};
      if (!ok || std::stoll(digits) < 1) {
        problems.add(name, "field.not_integer", name + ": must be a whole number from 1 to 999999999999999");
        return {std::nullopt, false};
      }
      return {nlohmann::json(std::stoll(digits))};
    }
    case Kind::boolean: {
      if (v.is_boolean()) return {v};
      std::string t = v.is_string() ? trim(v.get<std::string>()) : std::string("?");
      for (auto& c : t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (t == "true") return {nlohmann::json(true)};
      if (t == "false") return {nlohmann::json(false)};
      if (t.empty()) return {};
      problems.add(name, "field.not_boolean", name + ": must be true or false");
      return {std::nullopt, false};
    }
  }
  return {};
}

bool is_code_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.'; }

bool after(CalendarDate a, CalendarDate b) {
  return std::tie(a.year, a.month, a.day) > std::tie(b.year, b.month, b.day);
}

// Checks of one field's own value beyond its kind and length (sdk validators); returns the value
// to store (normalised where the field has a canonical form) or nullopt after reporting.
std::optional<nlohmann::json> check_value(const std::string& name, nlohmann::json value, CalendarDate today,
                                          Problems& problems) {
  if (!value.is_string()) return value;
  const std::string text = value.get<std::string>();
  if (name == "code") {
    for (char c : text)
      if (!is_code_char(c)) {
        problems.add(name, "code.malformed", "code: may contain only letters, digits, '-', '_' and '.'");
        return std::nullopt;
      }
  } else if (name == "type") {
    if (text != "P" && text != "O") {
      problems.add(name, "type.unknown", "type: must be P (person) or O (organization)");
      return std::nullopt;
    }
  } else if (name == "gender") {
    if (text != "M" && text != "F") {
      problems.add(name, "gender.unknown", "gender: must be M or F");
      return std::nullopt;
    }
  } else if (name == "driverLicenseNumber") {
    // As printed on licences: letters and digits, grouped by '-' or spaces (A1234-56789-01234).
    for (char c : text)
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != ' ') {
        problems.add(name, "license.malformed", "driverLicenseNumber: may contain only letters, digits, '-' and spaces");
        return std::nullopt;
      }
  } else if (name == "driverLicenseState") {
    // The issuing state or province's code (ON, QC, NY): 2 or 3 letters, upper-case.
    bool letters = text.size() >= 2;
    for (char c : text) letters = letters && std::isupper(static_cast<unsigned char>(c));
    if (!letters) {
      problems.add(name, "license.state_malformed", "driverLicenseState: must be the issuing state or province's 2- or 3-letter upper-case code");
      return std::nullopt;
    }
  } else if (name == "birthDate") {
    const auto date = parse_iso_date(text);
    if (!date) {
      problems.add(name, "date.malformed", "birthDate: must be a date as yyyy-MM-dd");
      return std::nullopt;
    }
    if (after(*date, today)) {
      problems.add(name, "date.in_future", "birthDate: cannot be after today");
      return std::nullopt;
    }
  } else if (name == "email") {
    const auto v = validate_email(text);
    if (!v.is_valid) {
      problems.add(v.to_status(name), name);
      return std::nullopt;
    }
  } else if (name == "phone" || name == "cellPhone") {
    const auto v = validate_phone10(text);
    if (!v.is_valid) {
      problems.add(v.to_status(name), name);
      return std::nullopt;
    }
    return nlohmann::json(*normalize_phone10(text));
  } else if (name == "countryCode") {
    const auto v = validate_country(text, CountryCodeForm::alpha2);
    if (!v.is_valid) {
      problems.add(v.to_status(name), name);
      return std::nullopt;
    }
  }
  return value;
}

std::string text_of(const nlohmann::json& body, const char* name) {
  const auto it = body.find(name);
  return it != body.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

std::span<const FieldSpec> customer_fields() { return kFields; }

nlohmann::json apply_customer_input(const nlohmann::json& input, const nlohmann::json& current, Mode mode,
                                    const ServiceUser& user, CalendarDate today) {
  Problems problems;
  nlohmann::json next = current.is_object() ? current : nlohmann::json::object();
  for (const auto& [name, raw] : input.items()) {
    const FieldSpec* spec = find_spec(name);
    if (spec == nullptr) {
      problems.add(quoted_name(name), "field.unknown", quoted_name(name) + ": is not a field of Customer");
      continue;
    }
    Read read = read_value(*spec, raw, problems);
    if (!read.ok) continue;
    if (read.value) {
      auto checked = check_value(name, *read.value, today, problems);
      if (!checked) continue;
      read.value = std::move(checked);
    }
    if (spec->read_only || spec->create_only) {
      if (spec->read_only && mode == Mode::create) {
        problems.add(name, "field.read_only", name + ": is assigned by the system and cannot be sent");
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
  for (const auto& spec : kFields)
    if (spec.required && !next.contains(spec.name) && !problems.has(spec.name))
      problems.add(spec.name, "field.required", std::string(spec.name) + ": is required");
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
