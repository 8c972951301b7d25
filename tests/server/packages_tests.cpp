// PricingPackages, ISV pricing and purchases: the catalogue (GET/POST packages, one software item,
// bundle or curated collection), reseller volume prices, buying SKUs, bundle upgrades and
// downgrades with their prorated charge or credit, true-ups and the purchase history. Every case
// runs a server whose clock starts frozen at 2026-01-31T10:00:00Z, so licence terms
// (2026-01-31 .. 2027-01-31, 365 days) and prorations are exact. Expected prices are computed here
// from the catalogue the server lists, with the documented rule: integer cents, half-up once.
#include <boost/test/unit_test.hpp>

#include <cctype>
#include <cmath>
#include <cstdint>
#include <map>
#include <set>

#include "gateway_helpers.hpp"

using namespace payref_test;
using nlohmann::json;

namespace {

constexpr const char* kLongExpiry = "12/35";  // valid across every clock advance below
constexpr const char* kWrongKey = "0123456789abcdef0123456789abcdef";

// ---- money in integer cents ----

std::int64_t cents(const std::string& text) {
  const auto dot = text.find('.');
  BOOST_TEST_REQUIRE((dot != std::string::npos && text.size() - dot == 3), "not a 2-decimal amount: " << text);
  return std::stoll(text.substr(0, dot)) * 100 + std::stoll(text.substr(dot + 1));
}

std::string money(std::int64_t c) {
  const std::string frac = std::to_string(c % 100);
  return std::to_string(c / 100) + "." + (frac.size() == 1 ? "0" + frac : frac);
}

// amount × numerator / denominator, half-up to the cent (sdk pricing's rule).
std::int64_t prorate(std::int64_t amount, std::int64_t numerator, std::int64_t denominator) {
  if (numerator >= denominator) return amount;
  if (numerator <= 0) return 0;
  return (amount * numerator * 2 + denominator) / (2 * denominator);
}

// amount less a percentage in basis points, the reduction half-up.
std::int64_t percent_off(std::int64_t amount, std::int64_t basis_points) { return amount - prorate(amount, basis_points, 10000); }

// "20" / "12.5" → basis points.
std::int64_t basis_points(const std::string& percent) {
  const auto dot = percent.find('.');
  if (dot == std::string::npos) return std::stoll(percent) * 100;
  std::string frac = percent.substr(dot + 1);
  while (frac.size() < 2) frac += '0';
  return std::stoll(percent.substr(0, dot)) * 100 + std::stoll(frac);
}

// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
std::int64_t days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

std::int64_t days_of(const std::string& iso) {  // "YYYY-MM-DD"
  return days_from_civil(std::stoi(iso.substr(0, 4)), static_cast<unsigned>(std::stoi(iso.substr(5, 2))),
                         static_cast<unsigned>(std::stoi(iso.substr(8, 2))));
}

// The clock's start and the annual term of anything bought on it.
constexpr const char* kToday = "2026-01-31";
constexpr const char* kTermEnd = "2027-01-31";
std::int64_t term_days() { return days_of(kTermEnd) - days_of(kToday); }

json line(const std::string& sku, int quantity) { return {{"Sku", sku}, {"Quantity", std::to_string(quantity)}}; }

std::string text_of(const json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

std::string code_named(const std::string& stem) {
  std::string s = unique_suffix();
  for (auto& c : s) c = static_cast<char>(std::isalnum(static_cast<unsigned char>(c)) ? std::toupper(static_cast<unsigned char>(c)) : '-');
  return (stem + "-" + s).substr(0, 32);
}

struct PackagesFixture {
  ServerProcess server{ServerProcess::Options{"warn", {"--clock", "2026-01-31T10:00:00Z"}}};
  Credentials demo = server.demo_credentials();

  // GET with the dotted query form: Authentication.Id/Key and Request.<field> for each string of
  // `request` (a flat object), plus any extra top-level parameters.
  HttpReply get(const std::string& path, const json& request = json::object(), const Credentials* who = nullptr,
                const httplib::Params& extra = {}) const {
    const Credentials& as = who ? *who : demo;
    httplib::Params params = extra;
    params.emplace("Authentication.Id", as.id);
    params.emplace("Authentication.Key", as.key);
    for (const auto& [k, v] : request.items()) params.emplace("Request." + k, text_of(v));
    return server.get(path, params);
  }

  HttpReply post(const std::string& path, const json& request, const Credentials* who = nullptr) const {
    return server.post(path, envelope(who ? *who : demo, request));
  }

  // The catalogue as GET packages lists it, by SKU.
  std::map<std::string, json> catalogue() const {
    const auto reply = get("/api/v1/packages");
    BOOST_TEST_REQUIRE(reply.code() == "00", reply.summary());
    std::map<std::string, json> out;
    for (const auto& p : reply.response()["Packages"]) out[p.value("Sku", "")] = p;
    BOOST_TEST_REQUIRE(out.size() == 41u);
    return out;
  }

  static json payment_method(const std::string& number = kVisa) {
    return {{"PaymentType", "1"},
            {"Name", name()},
            {"CardPayment", {{"Card", card(number, "123", kLongExpiry)}, {"BillingAddress", address()}}}};
  }

  HttpReply purchase(const std::string& email, const json& skus, const std::string& number = kVisa,
                     const Credentials* who = nullptr) const {
    return post("/api/v1/purchase", {{"Email", email},
                                     {"Skus", skus},
                                     {"TransactionReference", unique_ref("buy")},
                                     {"PaymentMethod", payment_method(number)}},
                who);
  }

  json bought(const std::string& email, const json& skus) const {
    const auto reply = purchase(email, skus);
    BOOST_TEST_REQUIRE(reply.code() == "00", "purchase: " << reply.summary());
    return reply.response();
  }

  json bundle_change(const std::string& action, const std::string& email, const std::string& from, const std::string& to) const {
    json r = {{"Email", email}, {"FromSku", from}, {"ToSku", to}};
    if (action == "upgrade") {
      r["TransactionReference"] = unique_ref("upg");
      r["PaymentMethod"] = payment_method();
    }
    return r;
  }

  HttpReply change(const std::string& action, const std::string& email, const std::string& from, const std::string& to,
                   const Credentials* who = nullptr) const {
    return post("/api/v1/packages/bundle/" + action, bundle_change(action, email, from, to), who);
  }

  json advance_days(int days) const {
    const auto reply = server.post_raw("/_sandbox/clock/advance", json{{"days", days}}.dump(), "application/json",
                                       {{"Authorization", std::string("Bearer ") + kAdminToken}});
    BOOST_TEST_REQUIRE(reply.status == 200, reply.summary());
    return reply.body;
  }

  std::string join_membership(const std::string& email, const std::string& sku = "MBR-RENDER-GUILD-1M") const {
    const auto reply = post("/api/v1/memberships/join", {{"Email", email},
                                                         {"Sku", sku},
                                                         {"TransactionReference", unique_ref("join")},
                                                         {"PaymentMethod", payment_method()}});
    BOOST_TEST_REQUIRE(reply.code() == "00", "memberships/join: " << reply.summary());
    return reply.response().value("MembershipId", "");
  }

  HttpReply purchased(const std::string& email, const json& extra = json::object(), const Credentials* who = nullptr) const {
    json request = extra;
    request["Email"] = email;
    return get("/api/v1/packages/purchased", request, who);
  }

  HttpReply truing_up(const std::string& email, const std::string& sku, int seats) const {
    return get("/api/v1/packages/truingup", {{"Email", email}, {"Sku", sku}, {"Seats", std::to_string(seats)}});
  }
};

bool has_reason(const HttpReply& reply, const std::string& reason) { return reply.description().find(reason) != std::string::npos; }

}  // namespace

BOOST_FIXTURE_TEST_SUITE(packages_tests, PackagesFixture)

// ---------------------------------------------------------------- GET/POST packages

BOOST_AUTO_TEST_CASE(the_whole_catalogue_is_listed_by_get_and_post) {
  const auto listed = get("/api/v1/packages");
  BOOST_TEST_REQUIRE(listed.code() == "00", listed.summary());
  const json& r = listed.response();
  BOOST_TEST(r["Packages"].size() == 41u);
  BOOST_TEST(r.value("IsMember", "") == "False");
  BOOST_TEST(r["Email"].is_null());
  BOOST_TEST(r.value("PackageType", "") == "All");
  BOOST_TEST(r.value("ProductType", "") == "All");
  BOOST_TEST(r.value("CurrencyCode", "") == "USD");
  BOOST_TEST(!r.contains("DiscountCode"));
  std::set<std::string> skus, ids;
  std::map<std::string, int> by_type;
  for (const auto& p : r["Packages"]) {
    skus.insert(p.value("Sku", ""));
    ids.insert(p.value("Id", ""));
    ++by_type[p.value("PackageType", "")];
    BOOST_TEST(p.value("YourPrice", "") == p.value("Price", ""), p.value("Sku", ""));  // no e-mail: list prices
    BOOST_TEST(p.value("CurrencyCode", "") == "USD");
    BOOST_TEST(!p.contains("DiscountedPrice"));
  }
  BOOST_TEST(skus.size() == 41u);
  BOOST_TEST(ids.size() == 41u);
  const std::map<std::string, int> expected_types = {{"Software", 10}, {"Saas", 6},   {"AlaCarte", 4},
                                                     {"Developer", 3}, {"Bundle", 9}, {"Software Bundle", 3},
                                                     {"Curated Collection", 3}, {"Membership", 3}};
  BOOST_TEST((by_type == expected_types));

  // fromPost on the query string, either value, answers the same list.
  for (const char* from_post : {"true", "false", "True", "False"}) {
    const auto q = get("/api/v1/packages", json::object(), nullptr, {{"fromPost", from_post}});
    BOOST_TEST(q.code() == "00", from_post << ": " << q.summary());
    BOOST_TEST(q.response()["Packages"].size() == 41u, from_post);
  }
  // The POST twin: with an empty Request, and with none at all.
  const auto empty_request = post("/api/v1/packages", json::object());
  BOOST_TEST(empty_request.code() == "00", empty_request.summary());
  BOOST_TEST(empty_request.response()["Packages"].size() == 41u);
  BOOST_TEST((empty_request.response()["Packages"] == r["Packages"]));
  const auto no_request = server.post("/api/v1/packages", {{"Authentication", demo.json()}});
  BOOST_TEST(no_request.code() == "00", no_request.summary());
  BOOST_TEST(no_request.response()["Packages"].size() == 41u);
}

BOOST_AUTO_TEST_CASE(an_invalid_fromPost_is_a_model_binding_error) {
  for (const char* bad : {"maybe", "yes", "2"}) {
    const auto reply = get("/api/v1/packages", json::object(), nullptr, {{"fromPost", bad}});
    BOOST_TEST(reply.status == 400, bad << ": " << reply.summary());
    BOOST_TEST_REQUIRE(reply.is_json(), reply.summary());
    BOOST_TEST(reply.body.value("Message", "") == "The request is invalid.");
    BOOST_TEST(reply.body["ModelState"].contains("fromPost"), reply.summary());
  }
  // The same in a POST body.
  const auto posted = server.post("/api/v1/packages", {{"Authentication", demo.json()}, {"fromPost", "nope"}, {"Request", json::object()}});
  BOOST_TEST(posted.status == 400, posted.summary());
  BOOST_TEST((posted.is_json() && posted.body["ModelState"].contains("fromPost")), posted.summary());
}

BOOST_AUTO_TEST_CASE(package_and_product_filters_narrow_the_list) {
  const auto cat = catalogue();
  const auto render_bundles = post("/api/v1/packages", {{"PackageType", "Bundle"}, {"ProductType", "Render"}});
  BOOST_TEST_REQUIRE(render_bundles.code() == "00", render_bundles.summary());
  BOOST_TEST(render_bundles.response().value("PackageType", "") == "Bundle");
  BOOST_TEST(render_bundles.response().value("ProductType", "") == "Render");
  const json& list = render_bundles.response()["Packages"];
  BOOST_TEST_REQUIRE(list.size() == 3u);
  std::set<int> tiers;
  for (const auto& p : list) {
    BOOST_TEST(p.value("PackageType", "") == "Bundle");
    BOOST_TEST(p.value("ProductType", "") == "Render");
    tiers.insert(p["Tier"].get<int>());
    BOOST_TEST(p["Includes"].size() >= 2u);
  }
  BOOST_TEST((tiers == std::set<int>{1, 2, 3}));

  // The same by GET; "Curated Collection" carries a space in the query string.
  const auto by_get = get("/api/v1/packages", {{"PackageType", "Bundle"}, {"ProductType", "Render"}});
  BOOST_TEST((by_get.response()["Packages"] == list), by_get.summary());
  const auto collections = get("/api/v1/packages", {{"PackageType", "Curated Collection"}});
  BOOST_TEST(collections.code() == "00", collections.summary());
  BOOST_TEST(collections.response()["Packages"].size() == 3u);
  for (const auto& p : collections.response()["Packages"]) BOOST_TEST(p.value("Sku", "").rfind("COL-", 0) == 0u);

  // A product filter alone: exactly the catalogue's packages of that product, all package types.
  std::size_t storage = 0;
  for (const auto& [sku, p] : cat) storage += p.value("ProductType", "") == "Storage";
  const auto storage_list = post("/api/v1/packages", {{"ProductType", "Storage"}});
  BOOST_TEST(storage_list.response()["Packages"].size() == storage);
  BOOST_TEST(post("/api/v1/packages", {{"PackageType", "All"}, {"ProductType", "All"}}).response()["Packages"].size() == 41u);

  // Values outside the enumerations.
  for (const json& bad : {json{{"PackageType", "Bundles"}}, json{{"PackageType", "bundle"}}, json{{"ProductType", "Audio"}},
                          json{{"PackageType", "Bundle"}, {"ProductType", "render"}}}) {
    const auto reply = post("/api/v1/packages", bad);
    BOOST_TEST(reply.code() == "05", bad.dump() << ": " << reply.summary());
    BOOST_TEST(reply.response().is_null());
  }
  const auto bad_get = get("/api/v1/packages", {{"PackageType", "Hardware"}});
  BOOST_TEST(bad_get.code() == "05", bad_get.summary());
  BOOST_TEST(bad_get.description().find("Request.PackageType") != std::string::npos, bad_get.summary());
}

BOOST_AUTO_TEST_CASE(a_member_sees_member_prices) {
  const std::string member = unique_email("member");
  join_membership(member);
  const auto reply = post("/api/v1/packages", {{"Email", member}});
  BOOST_TEST_REQUIRE(reply.code() == "00", reply.summary());
  BOOST_TEST(reply.response().value("IsMember", "") == "True");
  BOOST_TEST(reply.response().value("Email", "") == member);
  int cheaper = 0;
  for (const auto& p : reply.response()["Packages"]) {
    const std::string expected = p["MemberPrice"].is_string() ? p["MemberPrice"].get<std::string>() : p.value("Price", "");
    BOOST_TEST(p.value("YourPrice", "") == expected, p.value("Sku", ""));
    cheaper += p["MemberPrice"].is_string();
  }
  BOOST_TEST(cheaper > 0);
  // By GET, and on a single item.
  const auto by_get = get("/api/v1/packages", {{"Email", member}, {"PackageType", "Bundle"}, {"ProductType", "Render"}});
  BOOST_TEST(by_get.response().value("IsMember", "") == "True", by_get.summary());
  for (const auto& p : by_get.response()["Packages"])
    BOOST_TEST(p.value("YourPrice", "") == (p["MemberPrice"].is_string() ? p["MemberPrice"].get<std::string>() : p.value("Price", "")));
  const auto item = get("/api/v1/packages/100001", {{"Email", member}});
  BOOST_TEST(item.response().value("YourPrice", "") == item.response().value("MemberPrice", "?"), item.summary());

  // Someone else pays list prices; a malformed address is refused.
  const auto stranger = post("/api/v1/packages", {{"Email", unique_email("stranger")}});
  BOOST_TEST(stranger.response().value("IsMember", "") == "False", stranger.summary());
  for (const auto& p : stranger.response()["Packages"]) BOOST_TEST(p.value("YourPrice", "") == p.value("Price", ""));
  const auto bad_email = post("/api/v1/packages", {{"Email", "not-an-address"}});
  BOOST_TEST(bad_email.code() == "05", bad_email.summary());
}

BOOST_AUTO_TEST_CASE(a_discount_code_prices_the_packages_it_applies_to) {
  const auto cat = catalogue();
  const std::string render_code = code_named("RENDER");
  const auto added = post("/api/v1/discountcode/add", {{"DiscountCode", render_code}, {"Percent", "10"}, {"Product", "Render"}});
  BOOST_TEST_REQUIRE(added.code() == "00", added.summary());

  const auto reply = post("/api/v1/packages", {{"DiscountCode", render_code}});
  BOOST_TEST_REQUIRE(reply.code() == "00", reply.summary());
  BOOST_TEST(reply.response().value("DiscountCode", "") == render_code);
  const json& list = reply.response()["Packages"];
  BOOST_TEST(list.size() == 41u);
  int discounted = 0;
  for (const auto& p : list) {
    BOOST_TEST_CONTEXT(p.value("Sku", "")) {
      if (p.value("ProductType", "") == "Render") {
        ++discounted;
        BOOST_TEST(text_of(p["DiscountedPrice"]) == money(percent_off(cents(p.value("YourPrice", "")), 1000)));
        BOOST_TEST(p["DiscountReason"].is_null());
      } else {
        BOOST_TEST(p["DiscountedPrice"].is_null());
        BOOST_TEST(text_of(p["DiscountReason"]) == "discount.not_applicable_to_product");
      }
    }
  }
  std::size_t render = 0;
  for (const auto& [sku, p] : cat) render += p.value("ProductType", "") == "Render";
  BOOST_TEST(static_cast<std::size_t>(discounted) == render);
  // e.g. RenderRocket Standard 499.00 → 449.10.
  for (const auto& p : list)
    if (p.value("Sku", "") == "RR-RND-STD-1Y") BOOST_TEST(text_of(p["DiscountedPrice"]) == "449.10");

  // A member's discount applies to the member price; a half-cent reduction rounds up.
  const std::string member = unique_email("member");
  join_membership(member, "MBR-STORAGE-PRO-1M");
  const std::string storage_code = code_named("STORE");
  BOOST_TEST_REQUIRE(post("/api/v1/discountcode/add", {{"DiscountCode", storage_code}, {"Percent", "12.5"}, {"Product", "Storage"}})
                         .code() == "00");
  const auto member_list = get("/api/v1/packages", {{"Email", member}, {"DiscountCode", storage_code}, {"ProductType", "Storage"}});
  BOOST_TEST_REQUIRE(member_list.code() == "00", member_list.summary());
  BOOST_TEST(member_list.response().value("IsMember", "") == "True");
  for (const auto& p : member_list.response()["Packages"]) {
    BOOST_TEST_CONTEXT(p.value("Sku", "")) {
      const std::string your = p["MemberPrice"].is_string() ? p["MemberPrice"].get<std::string>() : p.value("Price", "");
      BOOST_TEST(p.value("YourPrice", "") == your);
      BOOST_TEST(text_of(p["DiscountedPrice"]) == money(percent_off(cents(your), 1250)));
      BOOST_TEST(p["DiscountReason"].is_null());
      if (p.value("Sku", "") == "VL-CLD-1TB-1M") BOOST_TEST(text_of(p["DiscountedPrice"]) == "7.43");  // 8.49 − 1.06125 → 1.06
    }
  }

  // A code out of its window prices nothing, with its reason on every package.
  const std::string expired = code_named("OLD");
  BOOST_TEST_REQUIRE(post("/api/v1/discountcode/add", {{"DiscountCode", expired}, {"Percent", "5"}, {"EndDate", "2026-01-30 00:00:00"}})
                         .code() == "00");
  const auto expired_list = post("/api/v1/packages", {{"DiscountCode", expired}, {"PackageType", "Bundle"}});
  BOOST_TEST_REQUIRE(expired_list.code() == "00", expired_list.summary());
  BOOST_TEST(expired_list.response()["Packages"].size() == 9u);
  for (const auto& p : expired_list.response()["Packages"]) {
    BOOST_TEST(p["DiscountedPrice"].is_null());
    BOOST_TEST(text_of(p["DiscountReason"]) == "discount.expired");
  }

  // Unknown and malformed codes; another client's code is unknown here.
  const auto unknown = post("/api/v1/packages", {{"DiscountCode", code_named("NOPE")}});
  BOOST_TEST(unknown.code() == "10", unknown.summary());
  BOOST_TEST(unknown.response().is_null());
  const auto unknown_get = get("/api/v1/packages", {{"DiscountCode", code_named("NOPE")}});
  BOOST_TEST(unknown_get.code() == "10", unknown_get.summary());
  const auto malformed = post("/api/v1/packages", {{"DiscountCode", "no"}});
  BOOST_TEST(malformed.code() == "05", malformed.summary());
  const Credentials other = register_active_client(server);
  const auto foreign = post("/api/v1/packages", {{"DiscountCode", render_code}}, &other);
  BOOST_TEST(foreign.code() == "10", foreign.summary());
}

// ---------------------------------------------------------------- single items

BOOST_AUTO_TEST_CASE(one_software_item_by_its_id) {
  const auto cat = catalogue();
  const auto reply = get("/api/v1/packages/100001");
  BOOST_TEST_REQUIRE(reply.code() == "00", reply.summary());
  const json& p = reply.response();
  BOOST_TEST(p.value("Id", "") == "100001");
  BOOST_TEST(p.value("Sku", "") == "RR-RND-STD-1Y");
  BOOST_TEST(p.value("PackageType", "") == "Software");
  BOOST_TEST(p.value("Price", "") == cat.at("RR-RND-STD-1Y").value("Price", "?"));
  BOOST_TEST(p.value("YourPrice", "") == p.value("Price", "?"));
  BOOST_TEST(!p.contains("Contents"));
  // Saas, AlaCarte and Developer items are software too.
  for (const char* id : {"110001", "120002", "130003"}) {
    const auto item = get(std::string("/api/v1/packages/") + id);
    BOOST_TEST(item.code() == "00", id << ": " << item.summary());
    BOOST_TEST(item.response().value("Id", "") == id);
  }
  // Bundles, collections, memberships and unknown ids are not software items.
  for (const char* id : {"200002", "210001", "300001", "400001", "999999", "RR-RND-STD-1Y"}) {
    const auto item = get(std::string("/api/v1/packages/") + id);
    BOOST_TEST(item.code() == "10", id << ": " << item.summary());
    BOOST_TEST(item.response().is_null());
  }
}

BOOST_AUTO_TEST_CASE(a_software_bundle_shows_its_contents) {
  const auto cat = catalogue();
  for (const char* id : {"200002", "210002"}) {
    const auto reply = get(std::string("/api/v1/packages/softwarebundle/") + id);
    BOOST_TEST_REQUIRE(reply.code() == "00", id << ": " << reply.summary());
    const json& b = reply.response();
    BOOST_TEST(b.value("Id", "") == id);
    const json& includes = b["Includes"];
    const json& contents = b["Contents"];
    BOOST_TEST_REQUIRE(contents.size() == includes.size());
    BOOST_TEST(contents.size() >= 3u);
    for (std::size_t i = 0; i < contents.size(); ++i) {
      const std::string sku = includes[i].get<std::string>();
      BOOST_TEST(contents[i].value("Sku", "") == sku);
      BOOST_TEST(contents[i].value("Price", "") == cat.at(sku).value("Price", "?"));
      BOOST_TEST(contents[i].value("Name", "") == cat.at(sku).value("Name", "?"));
    }
  }
  const auto prod = get("/api/v1/packages/softwarebundle/200002").response();
  BOOST_TEST(prod.value("Sku", "") == "RR-BND-PROD-1Y");
  BOOST_TEST((prod["Includes"] == json{"RR-RND-PRO-1Y", "RR-DNS-PLG-1Y", "RR-ADD-GPU-NODE-1Y"}));
  // Not bundles, or not there.
  for (const char* id : {"100001", "300001", "400001", "299999", "RR-BND-PROD-1Y"}) {
    const auto reply = get(std::string("/api/v1/packages/softwarebundle/") + id);
    BOOST_TEST(reply.code() == "10", id << ": " << reply.summary());
  }
}

BOOST_AUTO_TEST_CASE(a_curated_collection_by_its_sku) {
  const auto cat = catalogue();
  const auto reply = get("/api/v1/packages/curatedcollection/COL-ARCHVIZ-START-1Y");
  BOOST_TEST_REQUIRE(reply.code() == "00", reply.summary());
  const json& c = reply.response();
  BOOST_TEST(c.value("PackageType", "") == "Curated Collection");
  BOOST_TEST(c.value("Price", "") == cat.at("COL-ARCHVIZ-START-1Y").value("Price", "?"));
  BOOST_TEST_REQUIRE(c["Contents"].size() == 3u);
  std::vector<std::string> skus;
  for (const auto& item : c["Contents"]) skus.push_back(item.value("Sku", ""));
  BOOST_TEST((skus == std::vector<std::string>{"RR-RND-STD-1Y", "RR-DNS-PLG-1Y", "VL-CLD-1TB-1M"}));
  // The path parameter percent-encoded.
  const auto encoded = get("/api/v1/packages/curatedcollection/COL%2DMEDIA%2DARCHIVE%2D1Y");
  BOOST_TEST(encoded.code() == "00", encoded.summary());
  BOOST_TEST(encoded.response().value("Sku", "") == "COL-MEDIA-ARCHIVE-1Y");
  BOOST_TEST(encoded.response()["Contents"].size() == 2u);
  for (const char* sku : {"COL-NOPE-1Y", "RR-BND-ESS-1Y", "300001", "col-archviz-start-1y"}) {
    const auto missing = get(std::string("/api/v1/packages/curatedcollection/") + sku);
    BOOST_TEST(missing.code() == "10", sku << ": " << missing.summary());
    BOOST_TEST(missing.response().is_null());
  }
}

BOOST_AUTO_TEST_CASE(the_wrong_method_answers_405) {
  for (const char* path : {"/api/v1/packages/100001", "/api/v1/packages/softwarebundle/200002",
                           "/api/v1/packages/curatedcollection/COL-ARCHVIZ-START-1Y", "/api/v1/isvs/pricing",
                           "/api/v1/packages/purchased"}) {
    const auto reply = post(path, json::object());
    BOOST_TEST(reply.status == 405, path << ": " << reply.summary());
    BOOST_TEST(reply.header("Allow") == "GET", path);
    BOOST_TEST((reply.is_json() && reply.body.value("Message", "").find("'POST'") != std::string::npos), reply.summary());
  }
  for (const char* path : {"/api/v1/packages/bundle/upgrade", "/api/v1/packages/bundle/downgrade", "/api/v1/purchase"}) {
    const auto reply = get(path);
    BOOST_TEST(reply.status == 405, path << ": " << reply.summary());
    BOOST_TEST(reply.header("Allow") == "POST", path);
  }
}

// ---------------------------------------------------------------- ISV pricing

BOOST_AUTO_TEST_CASE(isv_prices_follow_the_volume_tiers) {
  const auto cat = catalogue();
  const auto all = get("/api/v1/isvs/pricing");
  BOOST_TEST_REQUIRE(all.code() == "00", all.summary());
  const json& tiers = all.response()["Tiers"];
  BOOST_TEST_REQUIRE(tiers.size() == 4u);
  std::vector<std::pair<int, std::int64_t>> tier_list;  // MinSeats, basis points
  for (const auto& t : tiers) tier_list.emplace_back(t["MinSeats"].get<int>(), basis_points(t.value("PercentOff", "")));
  BOOST_TEST((tier_list == std::vector<std::pair<int, std::int64_t>>{{1, 0}, {10, 1000}, {50, 2000}, {250, 3000}}));
  BOOST_TEST(all.response()["Seats"].get<int>() == 1);
  // Memberships are not resold.
  std::size_t resellable = 0;
  for (const auto& [sku, p] : cat) resellable += p.value("PackageType", "") != "Membership";
  BOOST_TEST(all.response()["Packages"].size() == resellable);
  for (const auto& p : all.response()["Packages"]) {
    BOOST_TEST(p.value("PackageType", "") != "Membership");
    BOOST_TEST(p.value("IsvPrice", "") == p.value("ListPrice", ""));  // one seat: no discount
    BOOST_TEST(p.value("ListPrice", "") == cat.at(p.value("Sku", "")).value("Price", "?"));
  }

  const auto tier_for = [&](int seats) {
    std::pair<int, std::int64_t> best{0, 0};
    for (const auto& t : tier_list)
      if (t.first <= seats && t.first > best.first) best = t;
    return best;
  };
  const std::string list_price = cat.at("RR-RND-STD-1Y").value("Price", "");
  for (int seats : {60, 9, 10, 49, 50, 250}) {
    BOOST_TEST_CONTEXT("seats " << seats) {
      const auto reply = get("/api/v1/isvs/pricing", {{"Seats", std::to_string(seats)}, {"Sku", "RR-RND-STD-1Y"}});
      BOOST_TEST_REQUIRE(reply.code() == "00", reply.summary());
      BOOST_TEST_REQUIRE(reply.response()["Packages"].size() == 1u);
      const json& p = reply.response()["Packages"][0];
      const auto tier = tier_for(seats);
      const std::int64_t unit = percent_off(cents(list_price), tier.second);
      BOOST_TEST(p.value("ListPrice", "") == list_price);
      BOOST_TEST(p.value("IsvPrice", "") == money(unit));
      BOOST_TEST(p.value("Total", "") == money(unit * seats));
      BOOST_TEST(reply.response()["Seats"].get<int>() == seats);
      BOOST_TEST(reply.response()["Tier"]["MinSeats"].get<int>() == tier.first);
    }
  }
  // The brief's example, spelled out: 60 seats are 20 % off 499.00.
  const auto sixty = get("/api/v1/isvs/pricing", {{"Seats", "60"}, {"Sku", "RR-RND-STD-1Y"}});
  BOOST_TEST(sixty.response()["Packages"][0].value("IsvPrice", "") == "399.20");
  BOOST_TEST(sixty.response()["Packages"][0].value("Total", "") == "23952.00");
  BOOST_TEST(sixty.response()["Tier"].value("PercentOff", "") == "20");
  const auto nine = get("/api/v1/isvs/pricing", {{"Seats", "9"}, {"Sku", "RR-RND-STD-1Y"}});
  BOOST_TEST(nine.response()["Packages"][0].value("IsvPrice", "") == "499.00");
  BOOST_TEST(nine.response()["Packages"][0].value("Total", "") == "4491.00");

  // A product filter.
  const auto storage = get("/api/v1/isvs/pricing", {{"ProductType", "Storage"}, {"Seats", "10"}});
  BOOST_TEST_REQUIRE(storage.code() == "00", storage.summary());
  std::size_t storage_count = 0;
  for (const auto& [sku, p] : cat) storage_count += p.value("ProductType", "") == "Storage" && p.value("PackageType", "") != "Membership";
  BOOST_TEST(storage.response()["Packages"].size() == storage_count);

  // Refusals.
  for (const char* sku : {"NO-SUCH-SKU", "MBR-RENDER-GUILD-1M"}) {
    const auto reply = get("/api/v1/isvs/pricing", {{"Seats", "60"}, {"Sku", sku}});
    BOOST_TEST(reply.code() == "10", sku << ": " << reply.summary());
    BOOST_TEST(reply.response().is_null());
  }
  for (const json& bad : {json{{"Seats", "0"}}, json{{"Seats", "abc"}}, json{{"Seats", "-5"}}, json{{"ProductType", "Audio"}}}) {
    const auto reply = get("/api/v1/isvs/pricing", bad);
    BOOST_TEST(reply.code() == "05", bad.dump() << ": " << reply.summary());
  }
}

// ---------------------------------------------------------------- bundle upgrade

BOOST_AUTO_TEST_CASE(an_upgrade_charges_the_prorated_difference_and_swaps_the_licence) {
  const auto cat = catalogue();
  const std::string from = "RR-BND-ESS-1Y", to = "RR-BND-PROD-1Y";
  const int seats = 5, elapsed = 100;
  const std::string email = unique_email("upgrader");
  const json buy = bought(email, json::array({line(from, seats)}));
  BOOST_TEST(buy.value("Status", "") == "Charged");
  BOOST_TEST(buy.value("Total", "") == money(cents(cat.at(from).value("Price", "")) * seats));
  const json& bought_line = buy["Lines"][0];
  BOOST_TEST(bought_line.value("StartDate", "") == kToday);
  BOOST_TEST(bought_line.value("EndDate", "") == kTermEnd);
  const std::string old_licence = bought_line.value("LicenceId", "");

  BOOST_TEST(advance_days(elapsed).value("now", "") == "2026-05-11T10:00:00Z");
  const std::int64_t remaining = term_days() - elapsed;
  const std::int64_t from_unit = cents(cat.at(from).value("Price", "")), to_unit = cents(cat.at(to).value("Price", ""));
  const std::int64_t expected = prorate((to_unit - from_unit) * seats, remaining, term_days());

  const auto reply = change("upgrade", email, from, to);
  BOOST_TEST_REQUIRE(reply.code() == "00", reply.summary());
  const json& r = reply.response();
  BOOST_TEST(r.value("FromSku", "") == from);
  BOOST_TEST(r.value("ToSku", "") == to);
  BOOST_TEST(r["Seats"].get<int>() == seats);
  BOOST_TEST(r.value("FromUnitPrice", "") == money(from_unit));
  BOOST_TEST(r.value("ToUnitPrice", "") == money(to_unit));
  BOOST_TEST(r["RemainingDays"].get<std::int64_t>() == remaining);
  BOOST_TEST(r["TermDays"].get<std::int64_t>() == term_days());
  BOOST_TEST(r.value("ProratedCharge", "") == money(expected));
  BOOST_TEST(r.value("CreditApplied", "") == "0.00");
  BOOST_TEST(r.value("AmountCharged", "") == money(expected));
  BOOST_TEST(r.value("CurrencyCode", "") == "USD");
  BOOST_TEST_REQUIRE(r["TransactionId"].is_string(), reply.summary());
  const std::string transaction_id = r["TransactionId"].get<std::string>();
  // The new licence: the new bundle, same seats, for the rest of the same term.
  const json& licence = r["Licence"];
  BOOST_TEST(licence.value("Sku", "") == to);
  BOOST_TEST(licence["Seats"].get<int>() == seats);
  BOOST_TEST(licence.value("UnitPrice", "") == money(to_unit));
  BOOST_TEST(licence.value("StartDate", "") == kToday);
  BOOST_TEST(licence.value("EndDate", "") == kTermEnd);
  BOOST_TEST(licence.value("Status", "") == "Active");
  BOOST_TEST(licence.value("LicenceId", "") != old_licence);

  // The history shows the purchase, then the upgrade replacing the old licence.
  const auto history = purchased(email, {{"RequestType", "1"}});
  BOOST_TEST_REQUIRE(history.code() == "00", history.summary());
  const json& entries = history.response()["Purchases"];
  BOOST_TEST_REQUIRE(entries.size() == 2u);
  BOOST_TEST(entries[0].value("Kind", "") == "Purchase");
  const json& upgrade = entries[1];
  BOOST_TEST(upgrade.value("Kind", "") == "Upgrade");
  BOOST_TEST(upgrade.value("PurchaseId", "") == r.value("PurchaseId", "?"));
  BOOST_TEST(upgrade.value("TransactionId", "") == transaction_id);
  BOOST_TEST(upgrade.value("Total", "") == money(expected));
  BOOST_TEST(upgrade.value("PurchaseDate", "").substr(0, 10) == "2026-05-11");
  BOOST_TEST_REQUIRE(upgrade["Lines"].size() == 1u);
  BOOST_TEST(upgrade["Lines"][0].value("Sku", "") == to);
  BOOST_TEST(upgrade["Lines"][0].value("LineTotal", "") == money(expected));
  BOOST_TEST(upgrade["Lines"][0].value("ReplacesLicenceId", "") == old_licence);
  BOOST_TEST(upgrade["Lines"][0].value("LicenceId", "") == licence.value("LicenceId", "?"));

  // The charge is in the e-mail's transactions.
  const json transactions = list_transactions(server, demo, email, 100)["Transactions"];
  bool found = false;
  for (const auto& t : transactions) {
    if (t.value("TransactionId", "") != transaction_id) continue;
    found = true;
    BOOST_TEST(std::llround(t["Amount"].get<double>() * 100) == expected);
    BOOST_TEST(t.value("Status", "") == "Charged");
    BOOST_TEST(t.value("Description", "").find(r.value("PurchaseId", "?")) != std::string::npos, t.dump());
  }
  BOOST_TEST(found, "upgrade transaction " << transaction_id << " not listed: " << transactions.dump());
  BOOST_TEST(transactions.size() == 2u);  // the purchase and the upgrade

  // The licence moved: the old bundle is no longer held, the new one is.
  BOOST_TEST(truing_up(email, from, seats).code() == "10");
  const auto held = truing_up(email, to, seats);
  BOOST_TEST(held.code() == "00", held.summary());
  BOOST_TEST(held.response()["LicensedSeats"].get<int>() == seats);
  const auto again = change("upgrade", email, from, to);
  BOOST_TEST(again.code() == "10", again.summary());
}

BOOST_AUTO_TEST_CASE(upgrades_are_refused_when_they_are_not_upgrades_or_not_owned) {
  const std::string email = unique_email("owner");
  bought(email, json::array({line("RR-BND-PROD-1Y", 2)}));
  advance_days(10);

  const auto cheaper = change("upgrade", email, "RR-BND-PROD-1Y", "RR-BND-ESS-1Y");
  BOOST_TEST(cheaper.code() == "05", cheaper.summary());
  BOOST_TEST(has_reason(cheaper, "pricing.not_an_upgrade"), cheaper.summary());
  const auto same = change("upgrade", email, "RR-BND-PROD-1Y", "RR-BND-PROD-1Y");
  BOOST_TEST(same.code() == "05", same.summary());
  BOOST_TEST(has_reason(same, "pricing.not_an_upgrade"), same.summary());
  const auto cross = change("upgrade", email, "RR-BND-PROD-1Y", "VL-BND-ENT-1Y");
  BOOST_TEST(cross.code() == "05", cross.summary());
  BOOST_TEST(cross.description().find("Request.ToSku") != std::string::npos, cross.summary());
  const auto not_bundle = change("upgrade", email, "RR-BND-PROD-1Y", "RR-RND-PRO-PERP");
  BOOST_TEST(not_bundle.code() == "05", not_bundle.summary());
  const auto unknown = change("upgrade", email, "RR-BND-PROD-1Y", "RR-BND-NOPE-1Y");
  BOOST_TEST(unknown.code() == "10", unknown.summary());
  // Not owned: a bundle never bought, someone else, another merchant.
  const auto not_owned = change("upgrade", email, "RR-BND-ESS-1Y", "RR-BND-STUDIO-1Y");
  BOOST_TEST(not_owned.code() == "10", not_owned.summary());
  const auto stranger = change("upgrade", unique_email("stranger"), "RR-BND-PROD-1Y", "RR-BND-STUDIO-1Y");
  BOOST_TEST(stranger.code() == "10", stranger.summary());
  const Credentials other = register_active_client(server);
  const auto foreign = change("upgrade", email, "RR-BND-PROD-1Y", "RR-BND-STUDIO-1Y", &other);
  BOOST_TEST(foreign.code() == "10", foreign.summary());
  // Something is due: a payment method is required, and a declined card changes nothing.
  json no_method = bundle_change("upgrade", email, "RR-BND-PROD-1Y", "RR-BND-STUDIO-1Y");
  no_method.erase("PaymentMethod");
  const auto unpaid = post("/api/v1/packages/bundle/upgrade", no_method);
  BOOST_TEST(unpaid.code() == "05", unpaid.summary());
  json declined_request = bundle_change("upgrade", email, "RR-BND-PROD-1Y", "RR-BND-STUDIO-1Y");
  declined_request["PaymentMethod"] = payment_method("4000000000000002");
  const auto declined = post("/api/v1/packages/bundle/upgrade", declined_request);
  BOOST_TEST(declined.code() == "51", declined.summary());
  BOOST_TEST(declined.response()["PurchaseId"].is_null());
  BOOST_TEST(purchased(email).response()["Count"].get<int>() == 1);
  // A used TransactionReference.
  json first = bundle_change("upgrade", email, "RR-BND-PROD-1Y", "RR-BND-STUDIO-1Y");
  const auto ok = post("/api/v1/packages/bundle/upgrade", first);
  BOOST_TEST_REQUIRE(ok.code() == "00", ok.summary());
  bought(email, json::array({line("RR-BND-PROD-1Y", 1)}));
  first["FromSku"] = "RR-BND-PROD-1Y";
  const auto duplicate = post("/api/v1/packages/bundle/upgrade", first);
  BOOST_TEST(duplicate.code() == "40", duplicate.summary());
}

BOOST_AUTO_TEST_CASE(an_upgrade_retried_with_its_idempotency_key_is_charged_once) {
  const std::string email = unique_email("retry");
  bought(email, json::array({line("WB-BND-ESS-1Y", 4)}));
  advance_days(20);
  const json body = envelope(demo, bundle_change("upgrade", email, "WB-BND-ESS-1Y", "WB-BND-ENT-1Y"));
  const httplib::Headers key = {{"Idempotency-Key", unique_ref("idem")}};
  const auto first = server.post("/api/v1/packages/bundle/upgrade", body, key);
  BOOST_TEST_REQUIRE(first.code() == "00", first.summary());
  const auto again = server.post("/api/v1/packages/bundle/upgrade", body, key);
  BOOST_TEST(again.code() == "00", again.summary());
  BOOST_TEST(again.header("Idempotent-Replayed") == "true");
  BOOST_TEST((again.response() == first.response()));
  BOOST_TEST(list_transactions(server, demo, email, 100)["Transactions"].size() == 2u);  // purchase + one upgrade
  BOOST_TEST(purchased(email, {{"RequestType", "0"}}).response()["Count"].get<int>() == 2);
  // The same key with another body is refused.
  json changed = body;
  changed["Request"]["TransactionReference"] = unique_ref("upg");
  BOOST_TEST(server.post("/api/v1/packages/bundle/upgrade", changed, key).code() == "41");
}

// ---------------------------------------------------------------- downgrade and credit

BOOST_AUTO_TEST_CASE(a_downgrade_credits_the_difference_and_the_next_orders_spend_it_first) {
  const auto cat = catalogue();
  const std::string from = "RR-BND-PROD-1Y", to = "RR-BND-ESS-1Y";
  const int seats = 3, elapsed = 45;
  const std::string email = unique_email("downgrader");
  bought(email, json::array({line(from, seats)}));
  advance_days(elapsed);
  const std::int64_t remaining = term_days() - elapsed;
  const std::int64_t from_unit = cents(cat.at(from).value("Price", "")), to_unit = cents(cat.at(to).value("Price", ""));
  const std::int64_t credit = prorate((from_unit - to_unit) * seats, remaining, term_days());

  // Not a downgrade: a dearer bundle, or the same one.
  const auto dearer = change("downgrade", email, from, "RR-BND-STUDIO-1Y");
  BOOST_TEST(dearer.code() == "05", dearer.summary());
  BOOST_TEST(has_reason(dearer, "pricing.not_a_downgrade"), dearer.summary());
  BOOST_TEST(change("downgrade", email, from, "VL-BND-ESS-1Y").code() == "05");
  BOOST_TEST(change("downgrade", unique_email("nobody"), from, to).code() == "10");

  const auto reply = change("downgrade", email, from, to);
  BOOST_TEST_REQUIRE(reply.code() == "00", reply.summary());
  const json& r = reply.response();
  BOOST_TEST(r.value("CreditIssued", "") == money(credit));
  BOOST_TEST(r.value("CreditBalance", "") == money(credit));
  BOOST_TEST(r["RemainingDays"].get<std::int64_t>() == remaining);
  BOOST_TEST(r["TermDays"].get<std::int64_t>() == term_days());
  BOOST_TEST(r["Licence"].value("Sku", "") == to);
  BOOST_TEST(r["Licence"].value("UnitPrice", "") == money(to_unit));
  BOOST_TEST(r["Licence"]["Seats"].get<int>() == seats);
  BOOST_TEST(r["Licence"].value("EndDate", "") == kTermEnd);
  const auto history = purchased(email, {{"RequestType", "2"}});
  BOOST_TEST(history.response()["Purchases"][0].value("Kind", "") == "Downgrade");
  BOOST_TEST(history.response()["Purchases"][0].value("CreditIssued", "") == money(credit));
  BOOST_TEST(history.response()["Purchases"][0]["TransactionId"].is_null());
  const std::size_t transactions_before = list_transactions(server, demo, email, 100)["Transactions"].size();

  // An order the credit covers: nothing is charged.
  const std::string small_sku = "VL-CLD-1TB-1M";
  const std::int64_t small = cents(cat.at(small_sku).value("Price", ""));
  BOOST_TEST_REQUIRE(small <= credit);
  const json covered = bought(email, json::array({line(small_sku, 1)}));
  BOOST_TEST(covered.value("Subtotal", "") == money(small));
  BOOST_TEST(covered.value("CreditApplied", "") == money(small));
  BOOST_TEST(covered.value("Total", "") == "0.00");
  BOOST_TEST(covered.value("Status", "") == "NoPaymentDue");
  BOOST_TEST(covered["TransactionId"].is_null());
  BOOST_TEST(list_transactions(server, demo, email, 100)["Transactions"].size() == transactions_before);
  std::int64_t left = credit - small;

  // An order beyond the credit: the rest of the credit, then the card for the remainder.
  const std::string big_sku = "RR-RND-PRO-PERP";
  const std::int64_t big = cents(cat.at(big_sku).value("Price", ""));
  BOOST_TEST_REQUIRE(big > left);
  const json partly = bought(email, json::array({line(big_sku, 1)}));
  BOOST_TEST(partly.value("Subtotal", "") == money(big));
  BOOST_TEST(partly.value("CreditApplied", "") == money(left));
  BOOST_TEST(partly.value("Total", "") == money(big - left));
  BOOST_TEST(partly.value("Status", "") == "Charged");
  BOOST_TEST_REQUIRE(partly["TransactionId"].is_string());
  bool charged = false;
  const json rows = list_transactions(server, demo, email, 100)["Transactions"];
  BOOST_TEST(rows.size() == transactions_before + 1);
  for (const auto& t : rows)
    if (t.value("TransactionId", "") == partly["TransactionId"].get<std::string>()) {
      charged = true;
      BOOST_TEST(std::llround(t["Amount"].get<double>() * 100) == big - left);
    }
  BOOST_TEST(charged);
  // The credit is spent: the next order pays in full.
  const json after = bought(email, json::array({line(small_sku, 1)}));
  BOOST_TEST(after.value("CreditApplied", "") == "0.00");
  BOOST_TEST(after.value("Total", "") == money(small));
  // Credit belongs to its e-mail: someone else pays in full.
  const json other = bought(unique_email("other"), json::array({line(small_sku, 1)}));
  BOOST_TEST(other.value("CreditApplied", "") == "0.00");
}

BOOST_AUTO_TEST_CASE(an_upgrade_spends_the_credit_before_the_card) {
  const auto cat = catalogue();
  const std::string dear = "VL-BND-ENT-1Y", cheap = "VL-BND-ESS-1Y";
  const int seats = 2, elapsed = 30;
  const std::string email = unique_email("switcher");
  bought(email, json::array({line(dear, seats)}));
  advance_days(elapsed);
  const std::int64_t remaining = term_days() - elapsed;
  const std::int64_t difference = cents(cat.at(dear).value("Price", "")) - cents(cat.at(cheap).value("Price", ""));
  const std::int64_t credit = prorate(difference * seats, remaining, term_days());
  const auto down = change("downgrade", email, dear, cheap);
  BOOST_TEST_REQUIRE(down.code() == "00", down.summary());
  BOOST_TEST(down.response().value("CreditBalance", "") == money(credit));
  // Back up the same day: the same prorated amount, paid by the credit alone.
  json request = bundle_change("upgrade", email, cheap, dear);
  request.erase("PaymentMethod");
  const auto up = post("/api/v1/packages/bundle/upgrade", request);
  BOOST_TEST_REQUIRE(up.code() == "00", up.summary());
  BOOST_TEST(up.response().value("ProratedCharge", "") == money(credit));
  BOOST_TEST(up.response().value("CreditApplied", "") == money(credit));
  BOOST_TEST(up.response().value("AmountCharged", "") == "0.00");
  BOOST_TEST(up.response()["TransactionId"].is_null());
  // No credit left: the next order pays in full.
  const json next = bought(email, json::array({line("VL-CLD-1TB-1M", 1)}));
  BOOST_TEST(next.value("CreditApplied", "") == "0.00");
}

// ---------------------------------------------------------------- true-up

BOOST_AUTO_TEST_CASE(a_true_up_prices_the_extra_seats_for_the_rest_of_the_term) {
  const auto cat = catalogue();
  const std::string sku = "RR-RND-STD-1Y";
  const int licensed = 5, elapsed = 100;
  const std::string email = unique_email("trueup");
  bought(email, json::array({line(sku, licensed)}));
  advance_days(elapsed);
  const std::int64_t unit = cents(cat.at(sku).value("Price", ""));
  const std::int64_t remaining = term_days() - elapsed;

  for (int in_use : {6, 8, 12}) {
    BOOST_TEST_CONTEXT("seats in use " << in_use) {
      const auto reply = truing_up(email, sku, in_use);
      BOOST_TEST_REQUIRE(reply.code() == "00", reply.summary());
      const json& r = reply.response();
      BOOST_TEST(r["LicensedSeats"].get<int>() == licensed);
      BOOST_TEST(r["Seats"].get<int>() == in_use);
      BOOST_TEST(r["AdditionalSeats"].get<int>() == in_use - licensed);
      BOOST_TEST(r.value("UnitPrice", "") == money(unit));
      BOOST_TEST(r["RemainingDays"].get<std::int64_t>() == remaining);
      BOOST_TEST(r["TermDays"].get<std::int64_t>() == term_days());
      BOOST_TEST(r.value("TrueUpPrice", "") == money(prorate(unit * (in_use - licensed), remaining, term_days())));
    }
  }
  // The POST twin answers alike.
  const auto posted = post("/api/v1/packages/truingup", {{"Email", email}, {"Sku", sku}, {"Seats", "8"}});
  BOOST_TEST(posted.code() == "00", posted.summary());
  BOOST_TEST(posted.response().value("TrueUpPrice", "") == money(prorate(unit * 3, remaining, term_days())));
  // Seats within the licence: nothing due.
  for (int in_use : {licensed, 1}) {
    const auto reply = truing_up(email, sku, in_use);
    BOOST_TEST(reply.code() == "00", reply.summary());
    BOOST_TEST(reply.response().value("TrueUpPrice", "") == "0.00");
    BOOST_TEST(reply.response()["AdditionalSeats"].get<int>() == 0);
  }
  // Refusals: not per seat, no licence, unknown SKU, no or bad seat count.
  const std::string not_seats = "RR-CLD-CR-500-1M";
  BOOST_TEST_REQUIRE((cat.at(not_seats)["SeatBased"] == false));
  const auto per_seat = truing_up(email, not_seats, 3);
  BOOST_TEST(per_seat.code() == "05", per_seat.summary());
  const auto no_licence = truing_up(email, "RR-RND-PRO-1Y", 3);
  BOOST_TEST(no_licence.code() == "10", no_licence.summary());
  BOOST_TEST(truing_up(unique_email("nobody"), sku, 3).code() == "10");
  BOOST_TEST(truing_up(email, "NO-SUCH-SKU", 3).code() == "10");
  BOOST_TEST(truing_up(email, sku, 0).code() == "05");
  const auto no_seats = get("/api/v1/packages/truingup", {{"Email", email}, {"Sku", sku}});
  BOOST_TEST(no_seats.code() == "05", no_seats.summary());
  const auto no_sku = get("/api/v1/packages/truingup", {{"Email", email}, {"Seats", "3"}});
  BOOST_TEST(no_sku.code() == "05", no_sku.summary());
}

BOOST_AUTO_TEST_CASE(licences_of_a_sku_add_up_and_end_with_their_term) {
  const auto cat = catalogue();
  const std::string sku = "RR-RND-STD-1Y";
  const std::int64_t unit = cents(cat.at(sku).value("Price", ""));
  const std::string email = unique_email("seats");
  bought(email, json::array({line(sku, 5)}));
  bought(email, json::array({line("RR-BND-ESS-1Y", 1)}));
  advance_days(100);
  const json second = bought(email, json::array({line(sku, 2)}));
  BOOST_TEST(second["Lines"][0].value("EndDate", "") == "2027-05-11");
  const auto reply = truing_up(email, sku, 8);
  BOOST_TEST_REQUIRE(reply.code() == "00", reply.summary());
  const json& r = reply.response();
  BOOST_TEST(r["LicensedSeats"].get<int>() == 7);
  BOOST_TEST(r["AdditionalSeats"].get<int>() == 1);
  // Priced over the term of the licence that ends last (bought today: all of it is left).
  BOOST_TEST(r["TermDays"].get<std::int64_t>() == days_of("2027-05-11") - days_of("2026-05-11"));
  BOOST_TEST(r["RemainingDays"].get<std::int64_t>() == r["TermDays"].get<std::int64_t>());
  BOOST_TEST(r.value("TrueUpPrice", "") == money(unit));
  BOOST_TEST(truing_up(email, sku, 7).response().value("TrueUpPrice", "") == "0.00");

  // The first term's last day, then the day it ends.
  advance_days(term_days() - 100 - 1);  // 2027-01-30
  BOOST_TEST(truing_up(email, sku, 7).response()["LicensedSeats"].get<int>() == 7);
  const auto last_day = truing_up(email, "RR-BND-ESS-1Y", 2);
  BOOST_TEST(last_day.code() == "00", last_day.summary());
  BOOST_TEST(last_day.response()["RemainingDays"].get<int>() == 1);
  BOOST_TEST(last_day.response().value("TrueUpPrice", "") ==
             money(prorate(cents(cat.at("RR-BND-ESS-1Y").value("Price", "")), 1, term_days())));
  advance_days(1);  // 2027-01-31: the first licences have ended
  BOOST_TEST(truing_up(email, sku, 7).response()["LicensedSeats"].get<int>() == 2);
  const auto ended = truing_up(email, "RR-BND-ESS-1Y", 2);
  BOOST_TEST(ended.code() == "10", ended.summary());
  const auto late = change("upgrade", email, "RR-BND-ESS-1Y", "RR-BND-PROD-1Y");
  BOOST_TEST(late.code() == "10", late.summary());
  const auto late_down = change("downgrade", email, "RR-BND-ESS-1Y", "RR-BND-PROD-1Y");
  BOOST_TEST(late_down.code() == "10", late_down.summary());
}

// ---------------------------------------------------------------- purchase history

BOOST_AUTO_TEST_CASE(the_purchase_history_by_request_type_and_sku) {
  const std::string email = unique_email("history");
  const std::string p1 = bought(email, json::array({line("RR-RND-STD-1Y", 1)})).value("PurchaseId", "");
  const std::string p2 = bought(email, json::array({line("VL-STO-SYNC-1Y", 2)})).value("PurchaseId", "");
  const std::string p3 = bought(email, json::array({line("RR-RND-STD-1Y", 3), line("WB-WS-MON-1Y", 1)})).value("PurchaseId", "");
  bought(unique_email("neighbour"), json::array({line("RR-RND-STD-1Y", 1)}));
  const auto ids = [](const HttpReply& reply) {
    std::vector<std::string> out;
    for (const auto& p : reply.response()["Purchases"]) out.push_back(p.value("PurchaseId", ""));
    return out;
  };

  const auto count = purchased(email, {{"RequestType", "0"}});
  BOOST_TEST_REQUIRE(count.code() == "00", count.summary());
  BOOST_TEST(count.response()["Count"].get<int>() == 3);
  BOOST_TEST(count.response()["Purchases"].empty());
  BOOST_TEST(count.response().value("RequestType", "") == "0");
  const auto all = purchased(email, {{"RequestType", "1"}});
  BOOST_TEST((ids(all) == std::vector<std::string>{p1, p2, p3}));
  BOOST_TEST(all.response()["Count"].get<int>() == 3);
  BOOST_TEST(all.response()["Purchases"][2]["Lines"].size() == 2u);
  BOOST_TEST(all.response()["Purchases"][2].value("Kind", "") == "Purchase");
  BOOST_TEST((ids(purchased(email, {{"RequestType", "2"}})) == std::vector<std::string>{p3}));
  BOOST_TEST((ids(purchased(email, {{"RequestType", "3"}})) == std::vector<std::string>{p1}));
  const auto by_default = purchased(email);
  BOOST_TEST(by_default.response().value("RequestType", "") == "1");
  BOOST_TEST((ids(by_default) == std::vector<std::string>{p1, p2, p3}));
  // Addresses compare case-insensitively.
  std::string upper = email;
  for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  BOOST_TEST(purchased(upper, {{"RequestType", "0"}}).response()["Count"].get<int>() == 3);

  // A SKU filter.
  const auto std_all = purchased(email, {{"RequestType", "1"}, {"Sku", "RR-RND-STD-1Y"}});
  BOOST_TEST((ids(std_all) == std::vector<std::string>{p1, p3}));
  BOOST_TEST(std_all.response()["Count"].get<int>() == 2);
  BOOST_TEST(std_all.response().value("Sku", "") == "RR-RND-STD-1Y");
  BOOST_TEST((ids(purchased(email, {{"RequestType", "2"}, {"Sku", "RR-RND-STD-1Y"}})) == std::vector<std::string>{p3}));
  BOOST_TEST((ids(purchased(email, {{"RequestType", "3"}, {"Sku", "WB-WS-MON-1Y"}})) == std::vector<std::string>{p3}));
  const auto sync_count = purchased(email, {{"RequestType", "0"}, {"Sku", "VL-STO-SYNC-1Y"}});
  BOOST_TEST(sync_count.response()["Count"].get<int>() == 1);
  BOOST_TEST(sync_count.response()["Purchases"].empty());
  const auto never = purchased(email, {{"RequestType", "1"}, {"Sku", "RR-SDK-1Y"}});
  BOOST_TEST(never.code() == "00", never.summary());
  BOOST_TEST(never.response()["Count"].get<int>() == 0);
  BOOST_TEST(never.response()["Purchases"].empty());
  // Nobody's history is empty; another merchant does not see this one's.
  const auto nobody = purchased(unique_email("nobody"), {{"RequestType", "2"}});
  BOOST_TEST(nobody.code() == "00", nobody.summary());
  BOOST_TEST(nobody.response()["Count"].get<int>() == 0);
  BOOST_TEST(nobody.response()["Purchases"].empty());
  const Credentials other = register_active_client(server);
  BOOST_TEST(purchased(email, {{"RequestType", "0"}}, &other).response()["Count"].get<int>() == 0);

  // Refusals.
  for (const char* type : {"7", "4", "-1", "x"}) {
    const auto reply = purchased(email, {{"RequestType", type}});
    BOOST_TEST(reply.code() == "05", type << ": " << reply.summary());
    BOOST_TEST(reply.response().is_null());
  }
  const auto no_email = get("/api/v1/packages/purchased", {{"RequestType", "1"}});
  BOOST_TEST(no_email.code() == "05", no_email.summary());
  BOOST_TEST(purchased("not-an-address").code() == "05");
}

BOOST_AUTO_TEST_CASE(a_purchase_refuses_bad_orders) {
  const std::string email = unique_email("buyer");
  BOOST_TEST(purchase(email, json::array({line("NO-SUCH-SKU", 1)})).code() == "10");
  BOOST_TEST(purchase(email, json::array()).code() == "05");
  BOOST_TEST(purchase(email, json::array({line("RR-RND-STD-1Y", 0)})).code() == "05");
  BOOST_TEST(purchase(email, json::array({line("MBR-RENDER-GUILD-1M", 2)})).code() == "05");
  const auto declined = purchase(email, json::array({line("RR-RND-STD-1Y", 1)}), "4000000000009995");
  BOOST_TEST(declined.code() == "52", declined.summary());
  BOOST_TEST(purchased(email, {{"RequestType", "0"}}).response()["Count"].get<int>() == 0);
}

// ---------------------------------------------------------------- authentication

BOOST_AUTO_TEST_CASE(every_packages_endpoint_refuses_a_wrong_key) {
  const std::string email = unique_email("auth");
  bought(email, json::array({line("RR-BND-ESS-1Y", 2)}));
  // The POST forms: malformed JSON, no Authentication, no Key, wrong Key (20), unknown Id (20).
  check_envelope_rejections(server, demo, "/api/v1/packages", json::object());
  check_envelope_rejections(server, demo, "/api/v1/packages/truingup", {{"Email", email}, {"Sku", "RR-BND-ESS-1Y"}, {"Seats", "3"}});
  check_envelope_rejections(server, demo, "/api/v1/packages/bundle/upgrade",
                            bundle_change("upgrade", email, "RR-BND-ESS-1Y", "RR-BND-PROD-1Y"));
  check_envelope_rejections(server, demo, "/api/v1/packages/bundle/downgrade",
                            bundle_change("downgrade", email, "RR-BND-ESS-1Y", "RR-BND-PROD-1Y"));
  check_envelope_rejections(server, demo, "/api/v1/purchase",
                            {{"Email", email},
                             {"Skus", json::array({line("RR-RND-STD-1Y", 1)})},
                             {"TransactionReference", unique_ref("buy")},
                             {"PaymentMethod", payment_method()}});
  // The GET forms, with a wrong Key and with an unknown Id.
  const std::vector<std::pair<std::string, json>> reads = {
      {"/api/v1/packages", json::object()},
      {"/api/v1/packages/100001", json::object()},
      {"/api/v1/packages/softwarebundle/200002", json::object()},
      {"/api/v1/packages/curatedcollection/COL-ARCHVIZ-START-1Y", json::object()},
      {"/api/v1/isvs/pricing", {{"Seats", "60"}}},
      {"/api/v1/packages/purchased", {{"Email", email}, {"RequestType", "1"}}},
      {"/api/v1/packages/truingup", {{"Email", email}, {"Sku", "RR-BND-ESS-1Y"}, {"Seats", "3"}}},
  };
  const Credentials wrong_key{demo.id, kWrongKey}, unknown_id{"999999999", demo.key};
  for (const auto& [path, request] : reads) {
    BOOST_TEST_CONTEXT("GET " << path) {
      BOOST_TEST(get(path, request).code() == "00");
      const auto wrong = get(path, request, &wrong_key);
      BOOST_TEST(wrong.status == 200, wrong.summary());
      BOOST_TEST(wrong.code() == "20", wrong.summary());
      BOOST_TEST(wrong.response().is_null());
      BOOST_TEST(get(path, request, &unknown_id).code() == "20");
      const auto anonymous = server.get(path);
      BOOST_TEST(anonymous.status == 400, anonymous.summary());
      BOOST_TEST((anonymous.is_json() && anonymous.body["ModelState"].contains("model.Authentication")), anonymous.summary());
    }
  }
  // Nothing was bought, upgraded or downgraded by the refused calls.
  BOOST_TEST(purchased(email, {{"RequestType", "0"}}).response()["Count"].get<int>() == 1);
  BOOST_TEST(truing_up(email, "RR-BND-ESS-1Y", 2).response()["LicensedSeats"].get<int>() == 2);
}

BOOST_AUTO_TEST_SUITE_END()
