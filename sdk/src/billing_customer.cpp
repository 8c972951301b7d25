#include "payref/billing_customer.hpp"

#include <cctype>

#include "payref/fields.hpp"

namespace payref {

namespace {

using enum CustomerFieldKind;

constexpr CustomerField kFields[] = {
    // name               kind  max  required create_only read_only
    {"id", integer, 0, false, false, true},
    {"code", text, 60, false, true, false},
    {"accountId", integer, 0, true, true, false},
    {"type", text, 1, false, false, false},
    {"title", text, 20, false, false, false},
    {"firstName", text, 255, true, false, false},
    {"middleName", text, 255, false, false, false},
    {"lastName", text, 255, true, false, false},
    {"suffix", text, 20, false, false, false},
    {"organizationName", text, 255, false, false, false},
    {"birthDate", text, 10, false, false, false},
    {"gender", text, 1, false, false, false},
    {"driverLicenseNumber", text, 30, false, false, false},
    {"driverLicenseState", text, 3, false, false, false},
    {"email", text, 100, false, false, false},
    {"phone", text, 15, false, false, false},
    {"cellPhone", text, 15, false, false, false},
    {"street1", text, 128, false, false, false},
    {"street2", text, 128, false, false, false},
    {"city", text, 50, false, false, false},
    {"state", text, 3, false, false, false},
    {"zipCode", text, 10, false, false, false},
    {"countryCode", text, 2, false, false, false},
    {"isActive", boolean, 0, false, false, false},
    {"createDate", text, 19, false, false, true},
};

bool is_code_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.'; }

Status refusal(std::string_view field, const char* reason, const char* message) { return Status::invalid(reason, std::string(field), message); }

// A refusal by an sdk validator, explained by its reason.
Status not_valid(std::string_view field, const Validation& v) {
  const Status s = v.to_status(field);
  return Status::invalid(s.reason(), std::string(field), "is not valid (" + (s.message().empty() ? s.reason() : s.message()) + ")");
}

}  // namespace

std::span<const CustomerField> customer_fields() { return kFields; }

const CustomerField* find_customer_field(std::string_view name) {
  for (const auto& field : kFields)
    if (field.name == name) return &field;
  return nullptr;
}

Result<std::string> check_customer_text(std::string_view field, std::string_view text, CalendarDate today) {
  if (field == "code") {
    for (char c : text)
      if (!is_code_char(c)) return refusal(field, "code.malformed", "may contain only letters, digits, '-', '_' and '.'");
  } else if (field == "type") {
    if (text != "P" && text != "O") return refusal(field, "type.unknown", "must be P (person) or O (organization)");
  } else if (field == "gender") {
    if (text != "M" && text != "F") return refusal(field, "gender.unknown", "must be M or F");
  } else if (field == "driverLicenseNumber") {
    // As printed on licences: letters and digits, grouped by '-' or spaces (A1234-56789-01234).
    for (char c : text)
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != ' ')
        return refusal(field, "license.malformed", "may contain only letters, digits, '-' and spaces");
  } else if (field == "driverLicenseState") {
    // The issuing state or province's code (ON, QC, NY): 2 or 3 letters, upper-case.
    bool letters = text.size() >= 2;
    for (char c : text) letters = letters && std::isupper(static_cast<unsigned char>(c));
    if (!letters) return refusal(field, "license.state_malformed", "must be the issuing state or province's 2- or 3-letter upper-case code");
  } else if (field == "birthDate") {
    const auto date = parse_iso_date(text);
    if (!date) return refusal(field, "date.malformed", "must be a date as yyyy-MM-dd");
    if (*date > today) return refusal(field, "date.in_future", "cannot be after today");
  } else if (field == "email") {
    if (const auto v = validate_email(text); !v.is_valid) return not_valid(field, v);
  } else if (field == "phone" || field == "cellPhone") {
    if (const auto v = validate_phone10(text); !v.is_valid) return not_valid(field, v);
    return *normalize_phone10(text);
  } else if (field == "countryCode") {
    if (const auto v = validate_country(text, CountryCodeForm::alpha2); !v.is_valid) return not_valid(field, v);
  }
  return std::string(text);
}

}  // namespace payref
