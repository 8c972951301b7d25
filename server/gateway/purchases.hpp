// Purchases (seed 000 PricingPackages): buying SKUs from the catalogue, the purchase history,
// bundle upgrades and downgrades, and the true-up price of extra seats. Prices follow
// sdk/pricing.hpp (member prices, proration over the licence term, half-up to the cent).
//
// A purchase grants a licence per line (Seats = Quantity, over the package's term) and starts a
// membership for a Membership line. An upgrade or downgrade swaps the licence for the rest of its
// term; a downgrade's prorated credit is kept as the contact's credit balance and spent on their
// next purchase or upgrade before any card is charged (docs/gateway.md "Purchases").
#pragma once

#include "gateway/context.hpp"
#include "gateway/wire.hpp"

namespace payref::gateway {

inline constexpr const char* kPurchases = "purchase";
inline constexpr const char* kLicences = "licence";
inline constexpr const char* kCredits = "credit";

Reply purchase(Call& call);          // POST purchase
Reply list_purchased(Call& call);    // GET packages/purchased
Reply upgrade_bundle(Call& call);    // POST packages/bundle/upgrade
Reply downgrade_bundle(Call& call);  // POST packages/bundle/downgrade
Reply truing_up(Call& call);         // GET/POST packages/truingup

}  // namespace payref::gateway
