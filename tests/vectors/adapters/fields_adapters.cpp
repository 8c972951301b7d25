#include "payref/fields.hpp"
#include "vector_adapters.hpp"

namespace payref::vectors {
namespace {

Json optional_json(const std::optional<std::string>& s) { return s ? Json(*s) : Json(nullptr); }

CountryCodeForm form_arg(const Json& args, std::size_t i) {
  const std::string form = string_arg(args, i, "any");
  if (form == "alpha2") return CountryCodeForm::alpha2;
  if (form == "alpha3") return CountryCodeForm::alpha3;
  if (form == "numeric") return CountryCodeForm::numeric;
  return CountryCodeForm::any;
}

}  // namespace

void add_fields_adapters(AdapterTable& table) {
  table["fields.validatePostalCode"] = [](const Json& a) {
    return validation_json(validate_postal_code(string_arg(a, 0), string_arg(a, 1)));
  };
  table["fields.normalizePostalCode"] = [](const Json& a) {
    return optional_json(normalize_postal_code(string_arg(a, 0), string_arg(a, 1)));
  };
  table["fields.validateEmail"] = [](const Json& a) { return validation_json(validate_email(string_arg(a, 0))); };
  table["fields.validatePhone"] = [](const Json& a) { return validation_json(validate_phone10(string_arg(a, 0))); };
  table["fields.normalizePhone"] = [](const Json& a) { return optional_json(normalize_phone10(string_arg(a, 0))); };
  table["fields.validateProvince"] = [](const Json& a) { return validation_json(validate_ca_province(string_arg(a, 0))); };
  table["fields.validateAscii"] = [](const Json& a) {
    const bool required = a.size() < 3 || a[2].is_null() || a[2].get<bool>();
    return validation_json(validate_ascii(string_arg(a, 0), a.at(1).get<std::size_t>(), required));
  };
  table["fields.validateCountry"] = [](const Json& a) {
    return validation_json(validate_country(string_arg(a, 0), form_arg(a, 1)));
  };
  table["fields.findCountry"] = [](const Json& a) -> Json {
    const Country* c = find_country(string_arg(a, 0));
    if (c == nullptr) return nullptr;
    return Json{{"alpha2", c->alpha2}, {"alpha3", c->alpha3}, {"numeric", c->numeric}};
  };
  table["fields.validateCurrency"] = [](const Json& a) { return validation_json(validate_currency_code(string_arg(a, 0))); };
  table["fields.validateRoutingNumber"] = [](const Json& a) {
    return validation_json(validate_routing_number(string_arg(a, 0)));
  };
}

}  // namespace payref::vectors
