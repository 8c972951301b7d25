// The catalogue endpoints (seed 000 PricingPackages and ISV): the package listing with member and
// discount prices, one software item, curated collection or bundle, and the ISV (reseller) price
// list with its volume tiers. All read the stored catalogue (gateway/catalogue.hpp).
#pragma once

#include "gateway/context.hpp"
#include "gateway/wire.hpp"

namespace payref::gateway {

Reply list_packages(Call& call);            // GET packages?fromPost= and POST packages
Reply get_software(Call& call);             // GET packages/{softwareId}
Reply get_curated_collection(Call& call);   // GET packages/curatedcollection/{sku}
Reply get_software_bundle(Call& call);      // GET packages/softwarebundle/{bundleID}
Reply isv_pricing(Call& call);              // GET isvs/pricing

}  // namespace payref::gateway
