// The software catalogue (seed 000 PricingPackages): Render, Storage and Workstation software,
// SaaS, bundles, curated collections, developer packages and memberships.
//
// The data file server/data/catalogue.json is compiled in and copied into the store at first start
// (and after a sandbox reset). Requests read the stored copy, so a data directory keeps the prices
// it was created with when a newer payref-server ships a different catalogue.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "payref/pricing.hpp"
#include "store/store.hpp"

namespace payref::gateway {

inline constexpr const char* kCatalogue = "catalogue";

std::string_view builtin_catalogue_json();  // generated from server/data/catalogue.json

// Copies the built-in catalogue into the store unless it holds one already.
void ensure_catalogue(store::Store& store);

// The enumerations of api-notes "(c)": PackageType and ProductType ("All" matches every value).
bool is_package_type(std::string_view value);
bool is_product_type(std::string_view value);
bool is_bundle(const nlohmann::json& package);  // "Bundle" or "Software Bundle": what upgrades move between

class Catalogue {
 public:
  static Catalogue load(store::Transaction& tx);  // the stored copy

  const nlohmann::json& packages() const { return data_["Packages"]; }
  const nlohmann::json* find_sku(std::string_view sku) const;
  const nlohmann::json* find_id(std::string_view id) const;
  std::string currency() const { return data_.value("CurrencyCode", "USD"); }
  std::vector<VolumeTier> isv_tiers() const;
  const nlohmann::json& isv_tiers_json() const { return data_["IsvTiers"]; }

 private:
  explicit Catalogue(nlohmann::json data) : data_(std::move(data)) {}
  nlohmann::json data_;
};

PriceTag price_tag(const nlohmann::json& package);
// The licence term of a package bought on `start`: Monthly one month, Annual one year (month-end
// clamped), Perpetual none.
std::optional<Term> licence_term(const nlohmann::json& package, CalendarDate start);
// A package as the catalogue endpoints show it; YourPrice is the unit price this buyer pays.
nlohmann::json package_view(const nlohmann::json& package, bool is_member);

}  // namespace payref::gateway
