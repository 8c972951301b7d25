// Card bindings. The two per-keystroke paths are plain C exports, not Embind functions: they take
// and return integers only, so JS calls straight into wasm (Module._payref_validate_card_number,
// Module._payref_validate_expiry) without Embind's invoker, which also lets the module be built
// without `new Function` (-sDYNAMIC_EXECUTION=0) at no cost to them. They read their text from
// the input buffer and return one packed integer; npm/src/payref-core.mjs unpacks it:
//   number: bit 0 isValid, bit 1 isPotentiallyValid, bits 2–7 brand index + 1 (0: none),
//           bits 8–15 reason index (0: none)
//   expiry: bit 0 isValid, bit 1 isPotentiallyValid, bits 2–9 reason index, bits 10–13 month,
//           bits 14–27 year
#include <emscripten/bind.h>
#include <emscripten/em_macros.h>
#include <emscripten/val.h>

#include <string>

#include "input_buffer.hpp"
#include "payref/calendar.hpp"
#include "payref/card.hpp"
#include "reason_table.hpp"

using emscripten::val;

namespace payref::wasm {
namespace {

val brand_object(const CardBrand& b) {
  auto gaps = val::array();
  for (auto g : b.gaps) gaps.call<void>("push", static_cast<int>(g));
  auto lengths = val::array();
  for (auto l : b.lengths) lengths.call<void>("push", static_cast<int>(l));
  auto code = val::object();
  code.set("name", std::string(b.code.name));
  code.set("size", static_cast<int>(b.code.size));
  auto out = val::object();
  out.set("type", std::string(b.type));
  out.set("niceType", std::string(b.nice_type));
  out.set("gaps", gaps);
  out.set("lengths", lengths);
  out.set("code", code);
  return out;
}

val card_brands_array() {
  auto all = val::array();
  for (const auto& b : card_brands()) all.call<void>("push", brand_object(b));
  return all;
}

std::uint32_t pack_expiry(const ExpiryValidation& v) {
  return (v.is_valid ? 1u : 0u) | (v.is_potentially_valid ? 2u : 0u) | (reason_index(v.reason) << 2) |
         (static_cast<std::uint32_t>(v.month) << 10) | (static_cast<std::uint32_t>(v.year) << 14);
}

val detect(const std::string& text) {
  auto types = val::array();
  const CardBrandMatches matches = detect_card_brands(text);
  for (const CardBrand* b : matches.view()) types.call<void>("push", std::string(b->type));
  return types;
}

}  // namespace
}  // namespace payref::wasm

extern "C" {

EMSCRIPTEN_KEEPALIVE std::uint32_t payref_validate_card_number(std::size_t length, std::size_t max_length,
                                                                unsigned flags) {
  using namespace payref;
  using namespace payref::wasm;
  CardNumberOptions options;
  options.max_length = max_length;
  options.skip_luhn = (flags & 1u) != 0;
  options.luhn_validate_unionpay = (flags & 2u) != 0;
  const auto v = validate_card_number(input_text(length), options);
  const std::uint32_t brand = v.brand ? static_cast<std::uint32_t>(v.brand - card_brands().data()) + 1 : 0;
  return (v.is_valid ? 1u : 0u) | (v.is_potentially_valid ? 2u : 0u) | (brand << 2) | (reason_index(v.reason) << 8);
}

EMSCRIPTEN_KEEPALIVE std::uint32_t payref_validate_expiry(std::size_t length, int y, int m, int d, int max_years_ahead) {
  using namespace payref;
  using namespace payref::wasm;
  return pack_expiry(validate_expiry(input_text(length), CalendarDate{y, m, d}, max_years_ahead));
}

}  // extern "C"

namespace payref::wasm {
namespace {

std::uint32_t validate_expiry_parts_packed(const std::string& month, const std::string& year, int y, int m, int d,
                                           int max_years_ahead) {
  return pack_expiry(validate_expiry(month, year, CalendarDate{y, m, d}, max_years_ahead));
}

// yyyymmdd, or 0 when the text is not a real YYYY-MM-DD date.
int parse_iso_date_packed(const std::string& text) {
  const auto date = parse_iso_date(text);
  return date ? date->year * 10000 + date->month * 100 + date->day : 0;
}

val validate_cvv_object(const std::string& text, const std::string& brand_type) {
  return validation_object(validate_cvv(text, find_card_brand(brand_type)));
}

std::string format_number(const std::string& text) { return format_card_number(text); }

val validate_name_object(const std::string& text) { return validation_object(validate_cardholder_name(text)); }

}  // namespace
}  // namespace payref::wasm

EMSCRIPTEN_BINDINGS(payref_card) {
  using namespace payref::wasm;
  emscripten::function("cardBrands", &card_brands_array);
  emscripten::function("detectCardBrands", &detect);
  emscripten::function("formatCardNumber", &format_number);
  emscripten::function("validateExpiryPartsPacked", &validate_expiry_parts_packed);
  emscripten::function("parseIsoDatePacked", &parse_iso_date_packed);
  emscripten::function("validateCvv", &validate_cvv_object);
  emscripten::function("validateCardholderName", &validate_name_object);
}
