#include "gateway/discounts.hpp"

#include "gateway/fields.hpp"
#include "payref/discount.hpp"
#include "payref/schedule.hpp"

namespace payref::gateway {

namespace {

std::string read_code(const Fields& request) {
  const std::string code = request.text("DiscountCode", 64);
  const auto v = ::payref::validate_discount_code(code);
  if (!v.is_valid) fail(v.to_status(request.path_of("DiscountCode")), request.path_of("DiscountCode"));
  return code;
}

// Codes are unique per client; the document id carries the client so two merchants may both
// have a "SPRING" code.
std::string document_id(const Call& call, const std::string& code) { return call.client_id + ":" + code; }

std::optional<CalendarDate> optional_day(const Fields& request, const std::string& key) {
  const auto t = request.optional_datetime(key);
  return t ? std::optional<CalendarDate>(sim::calendar_date(*t)) : std::nullopt;
}

// The stored form back into the sdk's model.
DiscountCode model_of(const nlohmann::json& d) {
  DiscountCode c;
  c.code = d.value("DiscountCode", "");
  c.percent_basis_points = d.value("PercentBasisPoints", 0);
  // Optional fields are stored as null: value() would throw on them, so each is type-checked.
  const std::string currency = d["CurrencyCode"].is_string() ? d["CurrencyCode"].get<std::string>() : std::string();
  if (d["Amount"].is_string()) c.amount_off = *parse_money(d["Amount"].get<std::string>(), currency);
  if (d["Product"].is_string() && !d["Product"].get<std::string>().empty()) c.products = {d["Product"].get<std::string>()};
  if (d["StartDate"].is_string()) c.valid_from = parse_iso_date(d["StartDate"].get<std::string>());
  if (d["EndDate"].is_string()) c.valid_until = parse_iso_date(d["EndDate"].get<std::string>());
  if (d["MaxUses"].is_number_integer()) c.max_uses = d["MaxUses"].get<std::int64_t>();
  c.uses = d.value("Uses", std::int64_t{0});
  if (d["MinimumOrder"].is_string()) c.minimum_order = *parse_money(d["MinimumOrder"].get<std::string>(), currency);
  return c;
}

nlohmann::json public_view(const nlohmann::json& d) {
  nlohmann::json out = nlohmann::json::object();
  for (const char* key : {"DiscountCode", "Product", "Percent", "Amount", "CurrencyCode", "StartDate", "EndDate", "MaxUses", "Uses",
                          "MinimumOrder"})
    out[key] = d.value(key, nlohmann::json());
  return out;
}

}  // namespace

Reply add_discount_code(Call& call) {
  const Fields request = request_fields(call.body);
  const std::string code = read_code(request);
  const bool has_percent = request.has("Percent"), has_amount = request.has("Amount");
  if (has_percent == has_amount) fail(code::validation, "Request: exactly one of Percent and Amount is required");
  nlohmann::json d = {{"DiscountCode", code}, {"Product", request.optional_text("Product", 100).value_or("")},
                      {"Percent", nullptr}, {"Amount", nullptr}, {"CurrencyCode", nullptr}, {"MinimumOrder", nullptr},
                      {"MaxUses", nullptr}, {"Uses", 0}};
  if (has_percent) {
    const auto bp = parse_percent(request.text("Percent", 6));
    if (!bp) fail(bp.status(), "Request.Percent");
    d["PercentBasisPoints"] = *bp;
    d["Percent"] = parse_money(request.text("Percent", 6), "USD")->to_decimal_string();  // "12.50"
  }
  if (has_amount || request.has("MinimumOrder")) {
    const std::string currency = request.currency("CurrencyCode");
    d["CurrencyCode"] = currency;
    if (has_amount) d["Amount"] = request.amount("Amount", currency).to_decimal_string();
    if (request.has("MinimumOrder")) d["MinimumOrder"] = request.amount("MinimumOrder", currency).to_decimal_string();
  }
  const auto from = optional_day(request, "StartDate");
  const auto until = optional_day(request, "EndDate");
  if (from && until && *until < *from) fail(code::validation, "Request.EndDate: is before StartDate");
  d["StartDate"] = from ? nlohmann::json(to_iso_string(*from)) : nlohmann::json();
  d["EndDate"] = until ? nlohmann::json(to_iso_string(*until)) : nlohmann::json();
  if (request.has("MaxUses")) d["MaxUses"] = request.integer("MaxUses", 0, 1, 100000000);
  if (call.tx.get(kDiscounts, call.client_id, document_id(call, code)))
    fail(code::duplicate, "Request.DiscountCode: " + code + " already exists");
  store::Document doc{kDiscounts, document_id(call, code), call.client_id, code, "", d, {}};
  call.tx.put(doc);
  return success("Discount code added.", public_view(d));
}

Reply validate_discount_code(Call& call) {
  const Fields request = request_fields(call.body);
  const std::string code = read_code(request);
  const auto stored = call.tx.get(kDiscounts, call.client_id, document_id(call, code));
  if (!stored) fail(code::not_found, "Request.DiscountCode: no discount code " + code);
  const DiscountCode model = model_of(stored->body);
  const std::string product = request.optional_text("Product", 100).value_or("");
  // With an Amount the discount is computed; without one the code's window, usage and product
  // are checked against an order that meets its minimum.
  std::optional<Money> subtotal;
  if (request.has("Amount")) subtotal = request.amount("Amount", request.currency("CurrencyCode"));
  const std::string currency = stored->body["CurrencyCode"].is_string() ? stored->body["CurrencyCode"].get<std::string>()
                               : subtotal                               ? std::string(subtotal->currency().alpha)
                                                                        : std::string("USD");
  const Money order_total = subtotal ? *subtotal
                                     : (model.minimum_order ? *model.minimum_order : *Money::from_minor(0, currency));
  const auto discount = evaluate_discount(model, Order{product, order_total}, call.services.clock.today());
  if (!discount) fail(discount.status(), "Request.DiscountCode");
  nlohmann::json response = public_view(stored->body);
  if (subtotal) {
    response["OrderAmount"] = subtotal->to_decimal_string();
    response["DiscountAmount"] = discount->to_decimal_string();
    response["Total"] = subtract(*subtotal, *discount)->to_decimal_string();
  }
  return success("The discount code is valid.", response);
}

DiscountCode load_discount_model(Call& call, const std::string& code, const std::string& field_path) {
  const auto stored = call.tx.get(kDiscounts, call.client_id, document_id(call, code));
  if (!stored) fail(code::not_found, field_path + ": no discount code " + code);
  return model_of(stored->body);
}

Result<Money> discount_on_lines(const DiscountCode& model, const std::vector<OrderLine>& lines, CalendarDate today) {
  // The lines in the code's scope; a code for no product covers the whole order.
  const std::string product = model.products.empty() ? std::string() : model.products.front();
  Money eligible = *Money::from_minor(0, lines.front().total.currency().alpha);
  bool any = false;
  for (const auto& line : lines) {
    if (!product.empty() && line.sku != product && line.product_type != product && line.package_type != product) continue;
    eligible = *add(eligible, line.total);
    any = true;
  }
  // No line in scope: evaluated as the first line's product, so the sdk gives its reason.
  if (!any) return evaluate_discount(model, Order{lines.front().sku, lines.front().total}, today);
  return evaluate_discount(model, Order{product, eligible}, today);
}

std::optional<AppliedDiscount> discount_for_order(Call& call, const std::vector<OrderLine>& lines) {
  const Fields request = request_fields(call.body);
  const auto given = request.optional_object("Discount");
  if (!given || !given->has("DiscountCode") || lines.empty()) return std::nullopt;
  const std::string code = read_code(*given);
  auto stored = call.tx.get(kDiscounts, call.client_id, document_id(call, code));
  if (!stored) fail(code::not_found, given->path_of("DiscountCode") + ": no discount code " + code);
  const auto discount = discount_on_lines(model_of(stored->body), lines, call.services.clock.today());
  if (!discount) fail(discount.status(), given->path_of("DiscountCode"));
  return AppliedDiscount{code, *discount, std::move(*stored)};
}

void count_discount_use(Call& call, AppliedDiscount& discount) {
  discount.stored.body["Uses"] = discount.stored.body.value("Uses", std::int64_t{0}) + 1;
  call.tx.put(discount.stored);
}

}  // namespace payref::gateway
