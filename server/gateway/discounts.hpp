// Discount codes (seed 000 DiscountCodes): a client adds codes, and checks one against a product
// and an amount. The rules are sdk/discount.hpp's, the same ones the browser SDK applies.
#pragma once

#include <optional>
#include <vector>

#include "gateway/context.hpp"
#include "payref/discount.hpp"
#include "payref/money.hpp"
#include "gateway/wire.hpp"

namespace payref::gateway {

inline constexpr const char* kDiscounts = "discount";

Reply add_discount_code(Call& call);       // POST discountcode/add
Reply validate_discount_code(Call& call);  // POST discountcode/validate

// A line of an order, as a discount code's product scope sees it: a code for a product applies
// to the lines whose Sku, ProductType or PackageType is that product.
struct OrderLine {
  std::string sku, product_type, package_type;
  Money total;
};
struct AppliedDiscount {
  std::string code;
  Money amount;
  store::Document stored;
};
// Request.Discount{DiscountCode, Product} on an order (purchase, membership join): the discount
// the code gives the lines it applies to, or nothing when no code is given. A code that does not
// apply stops the order (05 with the sdk's reason: expired, usage_exhausted, ...).
std::optional<AppliedDiscount> discount_for_order(Call& call, const std::vector<OrderLine>& lines);
// The stored code of this client as the sdk's model (10 when there is none), and what it takes
// off the lines in its scope on `today` (the sdk's reason when it does not apply). For listings
// that show each package's price after a code.
DiscountCode load_discount_model(Call& call, const std::string& code, const std::string& field_path);
Result<Money> discount_on_lines(const DiscountCode& code, const std::vector<OrderLine>& lines, CalendarDate today);
// Counts one use of the code (after the order was paid).
void count_discount_use(Call& call, AppliedDiscount& discount);

}  // namespace payref::gateway
