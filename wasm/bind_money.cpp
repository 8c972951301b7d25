// Money bindings. Amounts cross to JS as numbers of minor units; the core limits them to
// ±(2^53 − 1), so they are always exact doubles.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cmath>
#include <string>

#include "payref/money.hpp"
#include "payref/status.hpp"

using emscripten::val;

namespace payref::wasm {
namespace {

val money_result(const Result<Money>& r) {
  auto out = val::object();
  if (r.is_ok()) {
    out.set("ok", true);
    out.set("minorUnits", static_cast<double>(r->minor_units()));
    out.set("currency", std::string(r->currency().alpha));
    out.set("text", r->to_decimal_string());
    return out;
  }
  const Status s = r.status();
  out.set("ok", false);
  out.set("code", std::string(to_string(s.code())));
  out.set("reason", s.reason());
  out.set("field", s.field());
  out.set("message", s.message());
  return out;
}

val parse(const std::string& text, const std::string& currency, bool allow_negative, bool allow_zero) {
  return money_result(parse_money(text, currency, MoneyParseOptions{allow_negative, allow_zero}));
}

val from_minor(double minor_units, const std::string& currency) {
  // A JS number that is not an integer (or is beyond any int64) is not an amount of minor units.
  if (!std::isfinite(minor_units) || std::trunc(minor_units) != minor_units || std::fabs(minor_units) > 9.2e18)
    return money_result(Status::invalid("money.not_integer", "amount", "minor units must be an integer"));
  return money_result(Money::from_minor(static_cast<std::int64_t>(minor_units), currency));
}

val currency_object(const std::string& code) {
  const Currency* c = find_currency(code);
  if (c == nullptr) return val::null();
  auto out = val::object();
  out.set("alpha", std::string(c->alpha));
  out.set("numeric", static_cast<int>(c->numeric));
  out.set("exponent", static_cast<int>(c->exponent));
  return out;
}

}  // namespace
}  // namespace payref::wasm

EMSCRIPTEN_BINDINGS(payref_money) {
  using namespace payref::wasm;
  emscripten::function("parseMoney", &parse);
  emscripten::function("moneyFromMinor", &from_minor);
  emscripten::function("currency", &currency_object);
}
