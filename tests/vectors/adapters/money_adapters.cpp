#include <cmath>

#include "payref/money.hpp"
#include "vector_adapters.hpp"

namespace payref::vectors {
namespace {

Json money_json(const Result<Money>& r) {
  if (r.is_ok()) {
    return Json{{"ok", true},
                {"minorUnits", r->minor_units()},
                {"currency", r->currency().alpha},
                {"text", r->to_decimal_string()}};
  }
  const Status s = r.status();
  return Json{{"ok", false}, {"code", to_string(s.code())}, {"reason", s.reason()}, {"field", s.field()}, {"message", s.message()}};
}

}  // namespace

void add_money_adapters(AdapterTable& table) {
  table["money.parse"] = [](const Json& a) {
    MoneyParseOptions options;
    if (const Json* o = object_arg(a, 2)) {
      options.allow_negative = o->value("allowNegative", false);
      options.allow_zero = o->value("allowZero", true);
    }
    return money_json(parse_money(string_arg(a, 0), string_arg(a, 1), options));
  };
  // Mirrors wasm/bind_money.cpp: JS numbers that are not integers are not minor units.
  table["money.fromMinor"] = [](const Json& a) {
    const double minor = a.at(0).get<double>();
    if (!std::isfinite(minor) || std::trunc(minor) != minor || std::fabs(minor) > 9.2e18)
      return money_json(Status::invalid("money.not_integer", "amount", "minor units must be an integer"));
    return money_json(Money::from_minor(static_cast<std::int64_t>(minor), string_arg(a, 1)));
  };
  table["money.currency"] = [](const Json& a) -> Json {
    const Currency* c = find_currency(string_arg(a, 0));
    if (c == nullptr) return nullptr;
    return Json{{"alpha", c->alpha}, {"numeric", c->numeric}, {"exponent", c->exponent}};
  };
}

}  // namespace payref::vectors
