// Field-validator bindings: each returns a plain JS object or a string/null.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>

#include "payref/billing_customer.hpp"
#include "payref/fields.hpp"
#include "reason_table.hpp"

using emscripten::val;

namespace payref::wasm {
namespace {

val optional_string(const std::optional<std::string>& s) { return s ? val(*s) : val::null(); }

CountryCodeForm country_form(const std::string& form) {
  if (form == "alpha2") return CountryCodeForm::alpha2;
  if (form == "alpha3") return CountryCodeForm::alpha3;
  if (form == "numeric") return CountryCodeForm::numeric;
  return CountryCodeForm::any;
}

val postal(const std::string& text, const std::string& country) {
  return validation_object(validate_postal_code(text, country));
}
val normalize_postal(const std::string& text, const std::string& country) {
  return optional_string(normalize_postal_code(text, country));
}
val email(const std::string& text) { return validation_object(validate_email(text)); }
val phone(const std::string& text) { return validation_object(validate_phone10(text)); }
val normalize_phone(const std::string& text) { return optional_string(normalize_phone10(text)); }
val province(const std::string& code) { return validation_object(validate_ca_province(code)); }
val ascii(const std::string& text, double max_length, bool required) {
  return validation_object(validate_ascii(text, max_length < 0 ? 0 : static_cast<std::size_t>(max_length), required));
}
val country(const std::string& code, const std::string& form) {
  return validation_object(validate_country(code, country_form(form)));
}
val find_country_object(const std::string& code) {
  const Country* c = find_country(code);
  if (c == nullptr) return val::null();
  auto out = val::object();
  out.set("alpha2", std::string(c->alpha2));
  out.set("alpha3", std::string(c->alpha3));
  out.set("numeric", static_cast<int>(c->numeric));
  return out;
}
val currency_code(const std::string& code) { return validation_object(validate_currency_code(code)); }
val routing(const std::string& text) { return validation_object(validate_routing_number(text)); }

// A billing Customer field's own rule; `packed_today` is YYYYMMDD (the JS side checked it). The
// text arrives trimmed and not empty.
val billing_customer_field(const std::string& field, const std::string& text, int packed_today) {
  const CalendarDate today{packed_today / 10000, packed_today / 100 % 100, packed_today % 100};
  const auto checked = check_customer_text(field, text, today);
  auto out = val::object();
  out.set("isValid", checked.is_ok());
  out.set("reason", checked ? val::null() : val(checked.status().reason()));
  out.set("value", checked ? val(*checked) : val::null());
  return out;
}

}  // namespace
}  // namespace payref::wasm

EMSCRIPTEN_BINDINGS(payref_fields) {
  using namespace payref::wasm;
  emscripten::function("validatePostalCode", &postal);
  emscripten::function("normalizePostalCode", &normalize_postal);
  emscripten::function("validateEmail", &email);
  emscripten::function("validatePhone", &phone);
  emscripten::function("normalizePhone", &normalize_phone);
  emscripten::function("validateProvince", &province);
  emscripten::function("validateAscii", &ascii);
  emscripten::function("validateCountry", &country);
  emscripten::function("findCountry", &find_country_object);
  emscripten::function("validateCurrency", &currency_code);
  emscripten::function("validateRoutingNumber", &routing);
  emscripten::function("validateBillingCustomerField", &billing_customer_field);
}
