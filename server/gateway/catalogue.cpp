#include "gateway/catalogue.hpp"

#include <array>

#include "gateway/wire.hpp"
#include "payref/discount.hpp"
#include "payref/schedule.hpp"

namespace payref::gateway {

namespace {

constexpr std::array<std::string_view, 9> kPackageTypes = {"All",     "AlaCarte", "Bundle", "Curated Collection", "Developer",
                                                           "Membership", "Saas",  "Software", "Software Bundle"};
constexpr std::array<std::string_view, 4> kProductTypes = {"All", "Render", "Storage", "Workstation"};
constexpr const char* kDocumentId = "packages";

}  // namespace

bool is_package_type(std::string_view value) {
  for (auto t : kPackageTypes)
    if (t == value) return true;
  return false;
}

bool is_product_type(std::string_view value) {
  for (auto t : kProductTypes)
    if (t == value) return true;
  return false;
}

bool is_bundle(const nlohmann::json& package) {
  const std::string type = package.value("PackageType", "");
  return type == "Bundle" || type == "Software Bundle";
}

void ensure_catalogue(store::Store& store) {
  store.write([](store::Transaction& tx) {
    if (tx.get_keys(kCatalogue, "", kDocumentId)) return;
    auto catalogue = nlohmann::json::parse(builtin_catalogue_json());
    // Each package carries its currency, so a package read alone prices itself.
    for (auto& package : catalogue["Packages"]) package["CurrencyCode"] = catalogue.value("CurrencyCode", "USD");
    tx.put(store::Document{kCatalogue, kDocumentId, "", "", "", std::move(catalogue), {}});
  });
}

Catalogue Catalogue::load(store::Transaction& tx) {
  auto doc = tx.get(kCatalogue, "", kDocumentId);
  if (!doc) fail(code::internal, "The catalogue is missing from the store.");
  return Catalogue(std::move(doc->body));
}

const nlohmann::json* Catalogue::find_sku(std::string_view sku) const {
  for (const auto& p : packages())
    if (p.value("Sku", "") == sku) return &p;
  return nullptr;
}

const nlohmann::json* Catalogue::find_id(std::string_view id) const {
  for (const auto& p : packages())
    if (p.value("Id", "") == id) return &p;
  return nullptr;
}

std::vector<VolumeTier> Catalogue::isv_tiers() const {
  std::vector<VolumeTier> tiers;
  for (const auto& t : data_["IsvTiers"]) {
    const auto basis_points = parse_percent(t.value("PercentOff", "0"));  // "0": no tier discount
    tiers.push_back({t.value("MinSeats", 1), basis_points ? *basis_points : 0});
  }
  return tiers;
}

PriceTag price_tag(const nlohmann::json& package) {
  const std::string currency = package.value("CurrencyCode", "USD");
  PriceTag tag{*parse_money(package.value("Price", "0"), currency), std::nullopt};
  if (package["MemberPrice"].is_string()) tag.member = *parse_money(package["MemberPrice"].get<std::string>(), currency);
  return tag;
}

std::optional<Term> licence_term(const nlohmann::json& package, CalendarDate start) {
  const std::string term = package.value("Term", "");
  if (term == "Monthly") return Term{start, nth_occurrence(start, Frequency::monthly, 1)};
  if (term == "Annual") return Term{start, nth_occurrence(start, Frequency::annually, 1)};
  return std::nullopt;
}

nlohmann::json package_view(const nlohmann::json& package, bool is_member) {
  nlohmann::json out = nlohmann::json::object();
  for (const char* key : {"Id", "Sku", "Name", "Description", "PackageType", "ProductType", "Term", "Price", "MemberPrice",
                          "SeatBased", "Tier", "Includes", "Association"})
    out[key] = package.value(key, nlohmann::json());
  out["CurrencyCode"] = package.value("CurrencyCode", "USD");
  out["YourPrice"] = unit_price(price_tag(package), is_member).to_decimal_string();
  return out;
}

}  // namespace payref::gateway
