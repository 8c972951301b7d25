// Discount codes (seed 000 DiscountCodes): a client adds codes, and checks one against a product
// and an amount. The rules are sdk/discount.hpp's, the same ones the browser SDK applies.
#pragma once

#include "gateway/context.hpp"
#include "gateway/wire.hpp"

namespace payref::gateway {

inline constexpr const char* kDiscounts = "discount";

Reply add_discount_code(Call& call);       // POST discountcode/add
Reply validate_discount_code(Call& call);  // POST discountcode/validate

}  // namespace payref::gateway
