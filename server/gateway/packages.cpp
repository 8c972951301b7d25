#include "gateway/packages.hpp"

#include "gateway/catalogue.hpp"
#include "gateway/discounts.hpp"
#include "gateway/fields.hpp"
#include "gateway/memberships.hpp"
#include "payref/discount.hpp"

namespace payref::gateway {

namespace {

// These reads take an optional Request (an e-mail for member prices, filters): an envelope with
// only Authentication is a whole request.
std::optional<Fields> optional_request(const Call& call) {
  const auto it = call.body.find("Request");
  if (it == call.body.end() || it->is_null()) return std::nullopt;
  return request_fields(call.body);
}

bool member_pricing(Call& call, const std::optional<Fields>& request) {
  if (!request || !request->has("Email")) return false;
  return is_member(call, request->email("Email"));
}

std::string filter(const std::optional<Fields>& request, const char* key, bool (*allowed)(std::string_view), const char* values) {
  if (!request || !request->has(key)) return "All";
  const std::string value = request->text(key, 32);
  if (!allowed(value)) fail(code::validation, request->path_of(key) + ": must be one of " + values);
  return value;
}

// A bundle or collection shows what it includes, as catalogue entries.
nlohmann::json with_contents(const Catalogue& catalogue, const nlohmann::json& package, bool member) {
  nlohmann::json view = package_view(package, member);
  nlohmann::json contents = nlohmann::json::array();
  for (const auto& sku : package.value("Includes", nlohmann::json::array()))
    if (const nlohmann::json* item = catalogue.find_sku(sku.get<std::string>())) contents.push_back(package_view(*item, member));
  view["Contents"] = contents;
  return view;
}

const char* kPackageTypes = "All, AlaCarte, Bundle, Curated Collection, Developer, Membership, Saas, Software, Software Bundle";
const char* kProductTypes = "All, Render, Storage, Workstation";

bool is_software(const nlohmann::json& p) {
  const std::string type = p.value("PackageType", "");
  return type == "Software" || type == "Saas" || type == "AlaCarte" || type == "Developer";
}

}  // namespace

Reply list_packages(Call& call) {
  // fromPost (query string of the GET) is accepted as the help page shows it; both forms answer alike.
  if (const auto it = call.body.find("fromPost"); it != call.body.end()) {
    const std::string v = it->is_string() ? it->get<std::string>() : it->is_boolean() ? (it->get<bool>() ? "true" : "false") : "";
    if (v != "true" && v != "false" && v != "True" && v != "False") fail_model("fromPost", "The value '" + it->dump() + "' is not valid for Boolean.");
  }
  const auto request = optional_request(call);
  const std::string package_type = filter(request, "PackageType", is_package_type, kPackageTypes);
  const std::string product_type = filter(request, "ProductType", is_product_type, kProductTypes);
  const bool member = member_pricing(call, request);
  const Catalogue catalogue = Catalogue::load(call.tx);

  // A DiscountCode shows each package's price after the code, where the code applies to it.
  std::optional<DiscountCode> code;
  if (request && request->has("DiscountCode")) {
    const std::string text = request->text("DiscountCode", 64);
    const auto v = ::payref::validate_discount_code(text);
    if (!v.is_valid) fail(v.to_status(request->path_of("DiscountCode")), request->path_of("DiscountCode"));
    code = load_discount_model(call, text, request->path_of("DiscountCode"));
  }
  nlohmann::json packages = nlohmann::json::array();
  for (const auto& p : catalogue.packages()) {
    if (package_type != "All" && p.value("PackageType", "") != package_type) continue;
    if (product_type != "All" && p.value("ProductType", "") != product_type) continue;
    packages.push_back(package_view(p, member));
  }
  nlohmann::json response = {{"Email", request && request->has("Email") ? nlohmann::json(request->email("Email")) : nlohmann::json()},
                             {"IsMember", member ? "True" : "False"},
                             {"PackageType", package_type},
                             {"ProductType", product_type},
                             {"CurrencyCode", catalogue.currency()},
                             {"Packages", packages}};
  if (code) {
    response["DiscountCode"] = code->code;
    for (auto& view : response["Packages"]) {
      const Money price = *parse_money(view.value("YourPrice", "0"), catalogue.currency());
      const auto off = discount_on_lines(*code, {OrderLine{view.value("Sku", ""), view.value("ProductType", ""), view.value("PackageType", ""), price}},
                                         call.services.clock.today());
      view["DiscountedPrice"] = off ? nlohmann::json(subtract(price, *off)->to_decimal_string()) : nlohmann::json();
      view["DiscountReason"] = off ? nlohmann::json() : nlohmann::json(off.status().reason());
    }
  }
  return success("OK", response);
}

Reply get_software(Call& call) {
  const auto request = optional_request(call);
  const bool member = member_pricing(call, request);
  const Catalogue catalogue = Catalogue::load(call.tx);
  const nlohmann::json* package = catalogue.find_id(call.path_param);
  if (!package || !is_software(*package)) fail(code::not_found, "softwareId: no software " + call.path_param + " in the catalogue");
  return success("OK", package_view(*package, member));
}

Reply get_curated_collection(Call& call) {
  const auto request = optional_request(call);
  const bool member = member_pricing(call, request);
  const Catalogue catalogue = Catalogue::load(call.tx);
  const nlohmann::json* package = catalogue.find_sku(call.path_param);
  if (!package || package->value("PackageType", "") != "Curated Collection")
    fail(code::not_found, "sku: no curated collection " + call.path_param + " in the catalogue");
  return success("OK", with_contents(catalogue, *package, member));
}

Reply get_software_bundle(Call& call) {
  const auto request = optional_request(call);
  const bool member = member_pricing(call, request);
  const Catalogue catalogue = Catalogue::load(call.tx);
  const nlohmann::json* package = catalogue.find_id(call.path_param);
  if (!package || !is_bundle(*package)) fail(code::not_found, "bundleID: no software bundle " + call.path_param + " in the catalogue");
  return success("OK", with_contents(catalogue, *package, member));
}

Reply isv_pricing(Call& call) {
  const auto request = optional_request(call);
  const int seats = request ? request->integer("Seats", 1, 1, 1000000) : 1;
  const std::string product_type = filter(request, "ProductType", is_product_type, kProductTypes);
  const auto sku = request ? request->optional_text("Sku", 32) : std::nullopt;
  const Catalogue catalogue = Catalogue::load(call.tx);
  const auto tiers = catalogue.isv_tiers();
  nlohmann::json prices = nlohmann::json::array();
  for (const auto& p : catalogue.packages()) {
    const std::string type = p.value("PackageType", "");
    if (type == "Membership") continue;  // memberships are for people, not resold
    if (sku && p.value("Sku", "") != *sku) continue;
    if (product_type != "All" && p.value("ProductType", "") != product_type) continue;
    const Money list = price_tag(p).list;
    const Money isv = isv_unit_price(list, seats, tiers);
    prices.push_back({{"Sku", p["Sku"]},
                      {"Name", p["Name"]},
                      {"PackageType", p["PackageType"]},
                      {"ProductType", p["ProductType"]},
                      {"Term", p["Term"]},
                      {"ListPrice", list.to_decimal_string()},
                      {"IsvPrice", isv.to_decimal_string()},
                      {"Total", multiply(isv, seats)->to_decimal_string()}});
  }
  if (sku && prices.empty()) fail(code::not_found, "Request.Sku: no resellable package " + *sku + " in the catalogue");
  const VolumeTier* tier = volume_tier_for(tiers, seats);
  return success("OK", {{"CurrencyCode", catalogue.currency()},
                        {"Seats", seats},
                        {"Tier", tier ? nlohmann::json({{"MinSeats", tier->min_seats}, {"PercentOff", catalogue.isv_tiers_json()[tier - tiers.data()]["PercentOff"]}})
                                      : nlohmann::json()},
                        {"Tiers", catalogue.isv_tiers_json()},
                        {"Packages", prices}});
}

}  // namespace payref::gateway
