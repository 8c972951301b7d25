// POST purchase (PricingPackages, seed 000): lines priced from the catalogue (list or member price),
// licences with their terms, the three payment methods (card, bank account, stored profile),
// discount codes (scope, half-up rounding, usage), SaveToFile, declines, Membership SKUs, the
// validation refusals and Idempotency-Key replays. Every case runs on a clock frozen at
// 2026-01-31T10:00:00Z, so licence terms (and their month-end clamping) are exact. Every expected
// amount is computed here from the catalogue's prices as POST packages lists them.
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <map>
#include <utility>
#include <vector>

#include "gateway_helpers.hpp"

using namespace payref_test;
using nlohmann::json;

namespace {

constexpr const char* kPurchase = "/api/v1/purchase";
constexpr const char* kToday = "2026-01-31";
constexpr const char* kLongExpiry = "12/35";  // valid whatever the real date
constexpr const char* kDeclinedCard = "4000000000000002";  // docs/test-cards.md: "51"

// The SKUs the cases buy, one per licence term (server/data/catalogue.json).
constexpr const char* kAnnual = "RR-RND-STD-1Y";            // Render, Annual, has a MemberPrice
constexpr const char* kMonthly = "VL-CLD-1TB-1M";           // Storage, Monthly (Saas), has a MemberPrice
constexpr const char* kPerpetual = "RR-ADD-ONBOARD";        // Render, Perpetual
constexpr const char* kStorageAnnual = "VL-STO-SYNC-1Y";    // Storage, Annual
constexpr const char* kNoMemberPrice = "WB-WS-DRV-1Y";      // Workstation, Annual, MemberPrice null
constexpr const char* kMembership = "MBR-RENDER-GUILD-1M";  // a Membership package

// "499.00" → 49900. Catalogue prices and gateway amounts are USD with exactly two decimals.
std::int64_t cents(const std::string& text) {
  const auto dot = text.find('.');
  BOOST_TEST_REQUIRE((dot != std::string::npos && text.size() - dot == 3), "not a two-decimal amount: " << text);
  return std::stoll(text.substr(0, dot)) * 100 + std::stoll(text.substr(dot + 1));
}

// 49900 → "499.00".
std::string money(std::int64_t minor) {
  char out[32];
  std::snprintf(out, sizeof out, "%lld.%02lld", static_cast<long long>(minor / 100), static_cast<long long>(minor % 100));
  return out;
}

// percent (e.g. "12.5") of an amount in cents, half-up to the cent.
std::int64_t percent_of(std::int64_t minor, const std::string& percent) {
  const auto dot = percent.find('.');
  std::int64_t basis_points = std::stoll(percent.substr(0, dot)) * 100;
  if (dot != std::string::npos) {
    std::string decimals = percent.substr(dot + 1);
    decimals.resize(2, '0');
    basis_points += std::stoll(decimals);
  }
  return (minor * basis_points + 5000) / 10000;
}

// A transaction list's Amount (a JSON number) in cents.
std::int64_t amount_cents(const json& row) { return std::llround(row.at("Amount").get<double>() * 100); }

std::string code_named(const std::string& stem) {
  std::string s = unique_suffix();
  for (auto& c : s) c = static_cast<char>(std::isalnum(static_cast<unsigned char>(c)) ? std::toupper(static_cast<unsigned char>(c)) : '-');
  return (stem + "-" + s).substr(0, 32);
}

json card_method(const std::string& number = kVisa, bool save_to_file = false) {
  json card_payment = {{"Card", card(number, "123", kLongExpiry)}, {"CaptureMethod", "3"}, {"BillingAddress", address()}};
  if (save_to_file) card_payment["SaveToFile"] = "True";
  return {{"PaymentType", "1"}, {"CardPayment", card_payment}, {"Name", name()}, {"CurrencyCode", "USD"}, {"Authorizer", "Sierra"}};
}

json bank_method(const std::string& account = "123456789") {
  return {{"PaymentType", "2"},
          {"BankRequest",
           {{"RoutingNumber", kRouting}, {"BankAccountNumber", account}, {"AccountHolderName", "Ada Lovelace"}, {"BillingAddress", address()}}},
          {"Name", name()},
          {"CurrencyCode", "USD"}};
}

json stored_method(const Customer& c) {
  return {{"PaymentType", "3"}, {"StoredProfile", {{"CustomerProfileId", c.id}, {"PaymentProfileId", c.profile_id}}}};
}

using Order = std::vector<std::pair<std::string, int>>;  // {Sku, Quantity}

json purchase_request(const std::string& email, const Order& order, const json& method, const std::string& reference = unique_ref("order")) {
  json skus = json::array();
  for (const auto& [sku, quantity] : order) skus.push_back({{"Sku", sku}, {"Quantity", std::to_string(quantity)}});
  return {{"Email", email}, {"Skus", skus}, {"PaymentMethod", method}, {"TransactionReference", reference}};
}

struct PurchaseFixture {
  ServerProcess server{ServerProcess::Options{"warn", {"--clock", "2026-01-31T10:00:00Z"}}};
  Credentials demo = server.demo_credentials();
  std::map<std::string, json> catalogue;  // Sku → the package as POST packages lists it

  PurchaseFixture() {
    const auto reply = server.post("/api/v1/packages", {{"Authentication", demo.json()}});
    BOOST_TEST_REQUIRE(reply.code() == "00", "packages: " << reply.summary());
    for (const auto& p : reply.response().at("Packages")) catalogue[p.at("Sku").get<std::string>()] = p;
    for (const char* sku : {kAnnual, kMonthly, kPerpetual, kStorageAnnual, kNoMemberPrice, kMembership})
      BOOST_TEST_REQUIRE(catalogue.count(sku) == 1u, sku << " is not in the catalogue");
  }

  std::int64_t price(const std::string& sku) const { return cents(catalogue.at(sku).at("Price").get<std::string>()); }
  // The member price, or the list price when the package has none.
  std::int64_t member_price(const std::string& sku) const {
    const json& p = catalogue.at(sku).at("MemberPrice");
    return p.is_string() ? cents(p.get<std::string>()) : price(sku);
  }
  std::int64_t list_total(const Order& order) const {
    std::int64_t total = 0;
    for (const auto& [sku, quantity] : order) total += price(sku) * quantity;
    return total;
  }

  HttpReply buy(const json& request, const httplib::Headers& headers = {}) const { return server.post(kPurchase, envelope(demo, request), headers); }

  // The contact's transactions, newest first.
  json transactions(const std::string& email) const { return list_transactions(server, demo, email, 100)["Transactions"]; }

  // GET packages/purchased with RequestType 0 (count): the Count.
  int purchase_count(const std::string& email) const {
    const auto reply = server.get("/api/v1/packages/purchased", {{"Authentication.Id", demo.id},
                                                                  {"Authentication.Key", demo.key},
                                                                  {"Request.Email", email},
                                                                  {"Request.RequestType", "0"}});
    BOOST_TEST_REQUIRE(reply.code() == "00", "packages/purchased: " << reply.summary());
    return reply.response().at("Count").get<int>();
  }

  HttpReply add_code(const json& request) const { return server.post("/api/v1/discountcode/add", envelope(demo, request)); }
  // discountcode/validate without an amount: the stored code, Uses included (must be usable; a
  // product-scoped code is validated for its product).
  json validate_code(const std::string& code, const std::string& product = "") const {
    json request = {{"DiscountCode", code}};
    if (!product.empty()) request["Product"] = product;
    const auto reply = server.post("/api/v1/discountcode/validate", envelope(demo, request));
    BOOST_TEST_REQUIRE(reply.code() == "00", "discountcode/validate: " << reply.summary());
    return reply.response();
  }

  json memberships(const std::string& email) const {
    const auto reply = server.post("/api/v1/memberships/" + email, envelope(demo, json::object()));
    BOOST_TEST_REQUIRE(reply.code() == "00", "memberships: " << reply.summary());
    return reply.response();
  }
};

const json& line_of(const json& response, const std::string& sku) {
  for (const auto& line : response.at("Lines"))
    if (line.value("Sku", "") == sku) return line;
  BOOST_FAIL("no line " << sku << " in " << response.dump());
  static const json none;
  return none;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(purchase_tests, PurchaseFixture)

BOOST_AUTO_TEST_CASE(a_card_purchase_prices_each_line_and_grants_licences_for_their_terms) {
  const std::string email = unique_email();
  const Order order = {{kAnnual, 3}, {kMonthly, 2}, {kPerpetual, 1}};
  const auto reply = buy(purchase_request(email, order, card_method()));
  BOOST_TEST_REQUIRE(reply.code() == "00", reply.summary());
  const json& r = reply.response();

  const std::int64_t total = list_total(order);
  BOOST_TEST(r.value("Subtotal", "") == money(total));
  BOOST_TEST(r.value("DiscountAmount", "") == "0.00");
  BOOST_TEST(r.value("CreditApplied", "") == "0.00");
  BOOST_TEST(r.value("Total", "") == money(total));
  BOOST_TEST(r.value("CurrencyCode", "") == "USD");
  BOOST_TEST(r.value("MemberPricing", "") == "False");
  BOOST_TEST(r.value("Status", "") == "Charged");
  BOOST_TEST(r.value("Email", "") == email);
  BOOST_TEST(r["AuthCode"].is_string());
  BOOST_TEST(r.value("PurchaseId", "").size() == 9u);
  const std::string transaction_id = r.value("TransactionId", "");
  BOOST_TEST(transaction_id.size() == 9u);
  BOOST_TEST(r["Memberships"].empty());
  BOOST_TEST(!r.contains("SavedPaymentProfile"));  // SaveToFile not asked, no membership

  BOOST_TEST_REQUIRE(r["Lines"].size() == 3u);
  std::vector<std::string> licence_ids;
  for (const auto& [sku, quantity] : order) {
    BOOST_TEST_CONTEXT(sku) {
      const json& line = line_of(r, sku);
      BOOST_TEST(line.value("Quantity", 0) == quantity);
      BOOST_TEST(line.value("UnitPrice", "") == money(price(sku)));
      BOOST_TEST(line.value("LineTotal", "") == money(price(sku) * quantity));
      BOOST_TEST(line.value("LicenceId", "").size() == 9u);
      licence_ids.push_back(line.value("LicenceId", ""));
      BOOST_TEST(line.value("StartDate", "") == kToday);
    }
  }
  BOOST_TEST(line_of(r, kAnnual).value("EndDate", "") == "2027-01-31");  // Annual: one year later
  BOOST_TEST(line_of(r, kMonthly).value("EndDate", "") == "2026-02-28"); // Monthly: one month later, clamped
  BOOST_TEST(line_of(r, kPerpetual)["EndDate"].is_null());               // Perpetual: no end
  BOOST_TEST(licence_ids[0] != licence_ids[1]);
  BOOST_TEST(licence_ids[1] != licence_ids[2]);

  // The charge is the contact's one transaction, for the Total.
  const json rows = transactions(email);
  BOOST_TEST_REQUIRE(rows.size() == 1u, rows.dump());
  BOOST_TEST(rows[0].value("TransactionId", "") == transaction_id);
  BOOST_TEST(amount_cents(rows[0]) == total);
  BOOST_TEST(rows[0].value("Status", "") == "Charged");
  BOOST_TEST(rows[0].value("ResponseCode", "") == "00");

  // And the purchase history has it.
  BOOST_TEST(purchase_count(email) == 1);
  const auto last = server.get("/api/v1/packages/purchased", {{"Authentication.Id", demo.id},
                                                               {"Authentication.Key", demo.key},
                                                               {"Request.Email", email},
                                                               {"Request.RequestType", "2"}});
  BOOST_TEST_REQUIRE(last.code() == "00", last.summary());
  BOOST_TEST_REQUIRE(last.response()["Purchases"].size() == 1u);
  BOOST_TEST(last.response()["Purchases"][0].value("PurchaseId", "") == r.value("PurchaseId", ""));
  BOOST_TEST(last.response()["Purchases"][0].value("Total", "") == money(total));
}

BOOST_AUTO_TEST_CASE(a_bank_account_purchase_is_debited) {
  const std::string email = unique_email();
  const Order order = {{kStorageAnnual, 2}};
  const auto reply = buy(purchase_request(email, order, bank_method()));
  BOOST_TEST_REQUIRE(reply.code() == "00", reply.summary());
  BOOST_TEST(reply.response().value("Status", "") == "Debited");
  BOOST_TEST(reply.response().value("Total", "") == money(list_total(order)));
  const json rows = transactions(email);
  BOOST_TEST_REQUIRE(rows.size() == 1u);
  BOOST_TEST(rows[0].value("Status", "") == "Debited");
  BOOST_TEST(rows[0].value("PaymentMethod", "") == "Bank");
  BOOST_TEST(amount_cents(rows[0]) == list_total(order));
  BOOST_TEST(rows[0].value("TransactionId", "") == reply.response().value("TransactionId", ""));

  // SaveToFile keeps the account as a payment profile.
  json saving = bank_method();
  saving["BankRequest"]["SaveToFile"] = "True";
  const std::string saver = unique_email();
  const auto saved = buy(purchase_request(saver, order, saving));
  BOOST_TEST_REQUIRE(saved.code() == "00", saved.summary());
  BOOST_TEST_REQUIRE(saved.response()["SavedPaymentProfile"].is_object(), saved.summary());
  const auto profiles = server.post("/api/v1/customer/profiles", envelope(demo, {{"Email", saver}}));
  BOOST_TEST_REQUIRE(profiles.code() == "00", profiles.summary());
  BOOST_TEST_REQUIRE(profiles.response()["PaymentProfiles"].size() == 1u);
  BOOST_TEST(profiles.response()["PaymentProfiles"][0].value("PaymentProfileId", "") ==
             saved.response()["SavedPaymentProfile"].value("PaymentProfileId", ""));
  BOOST_TEST(profiles.response()["PaymentProfiles"][0]["BankAccount"].value("RoutingNumber", "") == kRouting);

  // A declining test account: its code, nothing bought.
  const std::string other = unique_email();
  const auto declined = buy(purchase_request(other, order, bank_method("000000009995")));
  BOOST_TEST(declined.code() == "52", declined.summary());
  BOOST_TEST(declined.response().value("Status", "") == "Declined");
  BOOST_TEST(purchase_count(other) == 0);
}

BOOST_AUTO_TEST_CASE(a_stored_profile_is_charged_and_another_clients_profile_is_not_found) {
  const Customer c = register_customer(server, demo, unique_email("stored"), card(kMastercard, "123", kLongExpiry));
  const Order order = {{kAnnual, 1}, {kNoMemberPrice, 2}};
  const auto reply = buy(purchase_request(c.email, order, stored_method(c)));
  BOOST_TEST_REQUIRE(reply.code() == "00", reply.summary());
  BOOST_TEST(reply.response().value("Status", "") == "Charged");
  BOOST_TEST(reply.response().value("Total", "") == money(list_total(order)));
  const json rows = transactions(c.email);
  BOOST_TEST_REQUIRE(rows.size() == 1u);
  BOOST_TEST(rows[0].value("CardType", "") == "MasterCard");
  BOOST_TEST(amount_cents(rows[0]) == list_total(order));

  // Another client's customer and profile do not exist for the demo merchant.
  const Credentials other = register_active_client(server);
  const auto theirs = server.post("/api/v1/customer/register",
                                  envelope(other, customer_request(unique_email("theirs"), card(kVisa, "123", kLongExpiry))));
  BOOST_TEST_REQUIRE(theirs.code() == "00", theirs.summary());
  const Customer stranger{theirs.response().value("CustomerProfileId", ""), theirs.response().value("PaymentProfileId", ""), unique_email()};
  const auto refused = buy(purchase_request(stranger.email, order, stored_method(stranger)));
  BOOST_TEST(refused.code() == "10", refused.summary());
  BOOST_TEST(transactions(stranger.email).empty());
  BOOST_TEST(purchase_count(stranger.email) == 0);
  // Nor a known customer with another customer's profile.
  const Customer mixed{c.id, stranger.profile_id, c.email};
  BOOST_TEST(buy(purchase_request(c.email, order, stored_method(mixed))).code() == "10");
  BOOST_TEST(transactions(c.email).size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_percentage_code_scoped_to_a_product_discounts_only_its_lines_half_up) {
  const std::string code = code_named("STORAGE");
  const std::string percent = "12.5";
  BOOST_TEST_REQUIRE(add_code({{"DiscountCode", code}, {"Percent", percent}, {"Product", "Storage"}}).code() == "00");
  BOOST_TEST(validate_code(code, "Storage").value("Uses", -1) == 0);

  const std::string email = unique_email();
  const Order order = {{kAnnual, 1}, {kStorageAnnual, 3}};  // only the second line is Storage
  json request = purchase_request(email, order, card_method());
  request["Discount"] = {{"DiscountCode", code}, {"Product", "Storage"}};
  const auto reply = buy(request);
  BOOST_TEST_REQUIRE(reply.code() == "00", reply.summary());
  const std::int64_t subtotal = list_total(order);
  const std::int64_t off = percent_of(price(kStorageAnnual) * 3, percent);
  BOOST_TEST(reply.response().value("Subtotal", "") == money(subtotal));
  BOOST_TEST(reply.response().value("DiscountCode", "") == code);
  BOOST_TEST(reply.response().value("DiscountAmount", "") == money(off));
  BOOST_TEST(reply.response().value("Total", "") == money(subtotal - off));
  // Lines keep their undiscounted prices.
  BOOST_TEST(line_of(reply.response(), kStorageAnnual).value("LineTotal", "") == money(price(kStorageAnnual) * 3));
  const json rows = transactions(email);
  BOOST_TEST_REQUIRE(rows.size() == 1u);
  BOOST_TEST(amount_cents(rows[0]) == subtotal - off);
  BOOST_TEST(validate_code(code, "Storage").value("Uses", -1) == 1);

  // An order with no Storage line is outside the code's scope: refused, nothing charged.
  const std::string render_only = unique_email();
  json outside = purchase_request(render_only, {{kAnnual, 1}}, card_method());
  outside["Discount"] = {{"DiscountCode", code}};
  const auto refused = buy(outside);
  BOOST_TEST(refused.code() == "30", refused.summary());
  BOOST_TEST(refused.description().find("discount.not_applicable_to_product") != std::string::npos, refused.summary());
  BOOST_TEST(transactions(render_only).empty());
  BOOST_TEST(validate_code(code, "Storage").value("Uses", -1) == 1);
}

BOOST_AUTO_TEST_CASE(a_fixed_code_scoped_to_a_sku_is_capped_at_that_sku_lines) {
  // 1,000.00 off the cheap SKU only: capped at its line, the other line is paid in full.
  const std::string code = code_named("DRIVERS");
  BOOST_TEST_REQUIRE(
      add_code({{"DiscountCode", code}, {"Amount", "1000.00"}, {"CurrencyCode", "USD"}, {"Product", kNoMemberPrice}}).code() == "00");
  const std::string email = unique_email();
  const Order order = {{kAnnual, 1}, {kNoMemberPrice, 2}};
  json request = purchase_request(email, order, card_method());
  request["Discount"] = {{"DiscountCode", code}};
  const auto reply = buy(request);
  BOOST_TEST_REQUIRE(reply.code() == "00", reply.summary());
  const std::int64_t off = std::min<std::int64_t>(cents("1000.00"), price(kNoMemberPrice) * 2);
  BOOST_TEST(reply.response().value("DiscountAmount", "") == money(off));
  BOOST_TEST(reply.response().value("Total", "") == money(list_total(order) - off));
  BOOST_TEST(reply.response().value("Total", "") == money(price(kAnnual)));

  // A small fixed code for the whole order.
  const std::string whole = code_named("TENOFF");
  BOOST_TEST_REQUIRE(add_code({{"DiscountCode", whole}, {"Amount", "10.00"}, {"CurrencyCode", "USD"}}).code() == "00");
  const std::string second = unique_email();
  json again = purchase_request(second, order, card_method());
  again["Discount"] = {{"DiscountCode", whole}};
  const auto flat = buy(again);
  BOOST_TEST_REQUIRE(flat.code() == "00", flat.summary());
  BOOST_TEST(flat.response().value("DiscountAmount", "") == "10.00");
  BOOST_TEST(flat.response().value("Total", "") == money(list_total(order) - cents("10.00")));
  BOOST_TEST(amount_cents(transactions(second).at(0)) == list_total(order) - cents("10.00"));
  BOOST_TEST(validate_code(whole).value("Uses", -1) == 1);
  BOOST_TEST(validate_code(code, kNoMemberPrice).value("Uses", -1) == 1);
}

BOOST_AUTO_TEST_CASE(an_expired_or_used_up_code_refuses_the_purchase_before_any_charge) {
  // A refused code is "30" with the sdk's reason, as discountcode/validate answers
  // (docs/gateway.md, discount codes), and nothing is charged or recorded.
  const std::string expired = code_named("GONE");
  BOOST_TEST_REQUIRE(add_code({{"DiscountCode", expired}, {"Percent", "10"}, {"EndDate", "2026-01-30 00:00:00"}}).code() == "00");
  const std::string email = unique_email();
  json request = purchase_request(email, {{kAnnual, 1}}, card_method());
  request["Discount"] = {{"DiscountCode", expired}};
  const auto late = buy(request);
  BOOST_TEST(late.code() == "30", late.summary());
  BOOST_TEST(late.description().find("discount.expired") != std::string::npos, late.summary());
  BOOST_TEST(transactions(email).empty());
  BOOST_TEST(purchase_count(email) == 0);

  const std::string twice = code_named("TWICE");
  BOOST_TEST_REQUIRE(add_code({{"DiscountCode", twice}, {"Percent", "20"}, {"MaxUses", "2"}}).code() == "00");
  for (int use = 1; use <= 2; ++use) {
    json order = purchase_request(email, {{kAnnual, 1}}, card_method());
    order["Discount"] = {{"DiscountCode", twice}};
    const auto used = buy(order);
    BOOST_TEST_REQUIRE(used.code() == "00", used.summary());
    BOOST_TEST(used.response().value("DiscountAmount", "") == money(percent_of(price(kAnnual), "20")));
    if (use == 1) BOOST_TEST(validate_code(twice).value("Uses", -1) == 1);
  }
  BOOST_TEST(transactions(email).size() == 2u);
  // Both uses are spent: validate refuses it now too.
  const auto spent = server.post("/api/v1/discountcode/validate", envelope(demo, {{"DiscountCode", twice}}));
  BOOST_TEST(spent.code() == "30", spent.summary());
  BOOST_TEST(spent.description().find("discount.usage_exhausted") != std::string::npos, spent.summary());

  const std::string next = unique_email();
  json second = purchase_request(next, {{kAnnual, 1}}, card_method());
  second["Discount"] = {{"DiscountCode", twice}};
  const auto exhausted = buy(second);
  BOOST_TEST(exhausted.code() == "30", exhausted.summary());
  BOOST_TEST(exhausted.description().find("discount.usage_exhausted") != std::string::npos, exhausted.summary());
  BOOST_TEST(transactions(next).empty());
  BOOST_TEST(purchase_count(next) == 0);

  // An unknown code is "10", a malformed one "05".
  json unknown = purchase_request(next, {{kAnnual, 1}}, card_method());
  unknown["Discount"] = {{"DiscountCode", code_named("NOPE")}};
  BOOST_TEST(buy(unknown).code() == "10");
  unknown["Discount"] = {{"DiscountCode", "lower-case"}};
  BOOST_TEST(buy(unknown).code() == "05");
  BOOST_TEST(transactions(next).empty());
}

BOOST_AUTO_TEST_CASE(save_to_file_stores_the_card_as_a_payment_profile) {
  const std::string email = unique_email();
  const auto reply = buy(purchase_request(email, {{kAnnual, 1}}, card_method(kMastercard, true)));
  BOOST_TEST_REQUIRE(reply.code() == "00", reply.summary());
  const json saved = reply.response()["SavedPaymentProfile"];
  BOOST_TEST_REQUIRE(saved.is_object(), reply.summary());
  const std::string customer_id = saved.value("CustomerProfileId", "");
  const std::string profile_id = saved.value("PaymentProfileId", "");
  BOOST_TEST(customer_id.size() == 9u);
  BOOST_TEST(profile_id.size() == 9u);

  const auto profiles = server.post("/api/v1/customer/profiles", envelope(demo, {{"Email", email}}));
  BOOST_TEST_REQUIRE(profiles.code() == "00", profiles.summary());
  BOOST_TEST(profiles.response().value("CustomerProfileId", "") == customer_id);
  BOOST_TEST_REQUIRE(profiles.response()["PaymentProfiles"].size() == 1u, profiles.summary());
  const json& p = profiles.response()["PaymentProfiles"][0];
  BOOST_TEST(p.value("PaymentProfileId", "") == profile_id);
  BOOST_TEST(p["Card"].value("CardType", "") == "MasterCard");
  BOOST_TEST(p["Card"].value("MaskedCardNumber", "").substr(p["Card"].value("MaskedCardNumber", "").size() - 4) == "4444");

  // The saved profile pays the next order.
  const auto again = buy(purchase_request(email, {{kMonthly, 1}}, stored_method(Customer{customer_id, profile_id, email})));
  BOOST_TEST(again.code() == "00", again.summary());
  BOOST_TEST(transactions(email).size() == 2u);
}

BOOST_AUTO_TEST_CASE(save_to_file_without_a_name_is_refused_before_any_charge) {
  const std::string email = unique_email();
  json method = card_method(kVisa, true);
  method.erase("Name");
  const auto reply = buy(purchase_request(email, {{kAnnual, 1}}, method));
  BOOST_TEST(reply.code() == "05", reply.summary());
  BOOST_TEST(reply.description().find("Name") != std::string::npos, reply.summary());
  BOOST_TEST(transactions(email).empty());
  BOOST_TEST(purchase_count(email) == 0);
  const auto profiles = server.post("/api/v1/customer/profiles", envelope(demo, {{"Email", email}}));
  BOOST_TEST(profiles.code() == "10", profiles.summary());  // no customer was created either

  // The same order without SaveToFile needs no name.
  json plain = card_method();
  plain.erase("Name");
  BOOST_TEST(buy(purchase_request(email, {{kAnnual, 1}}, plain)).code() == "00");
}

BOOST_AUTO_TEST_CASE(a_declined_card_buys_nothing_but_the_attempt_is_recorded) {
  const std::string email = unique_email();
  const Order order = {{kAnnual, 2}};
  const std::string reference = unique_ref("declined");
  const auto reply = buy(purchase_request(email, order, card_method(kDeclinedCard), reference));
  BOOST_TEST(reply.code() == "51", reply.summary());
  BOOST_TEST(reply.description() == "Declined: do not honour.");
  BOOST_TEST(reply.response()["PurchaseId"].is_null());
  BOOST_TEST(reply.response().value("Status", "") == "Declined");
  const std::string transaction_id = reply.response().value("TransactionId", "");
  BOOST_TEST(transaction_id.size() == 9u);

  BOOST_TEST(purchase_count(email) == 0);
  const json rows = transactions(email);
  BOOST_TEST_REQUIRE(rows.size() == 1u);
  BOOST_TEST(rows[0].value("TransactionId", "") == transaction_id);
  BOOST_TEST(rows[0].value("Status", "") == "Declined");
  BOOST_TEST(rows[0].value("ResponseCode", "") == "51");
  BOOST_TEST(rows[0]["AuthCode"].is_null());
  BOOST_TEST(amount_cents(rows[0]) == list_total(order));

  // The declined attempt used its reference up.
  BOOST_TEST(buy(purchase_request(email, order, card_method(), reference)).code() == "40");
  // A decline with SaveToFile saves nothing.
  const auto not_saved = buy(purchase_request(email, order, card_method("4000000000009995", true)));
  BOOST_TEST(not_saved.code() == "52", not_saved.summary());
  BOOST_TEST(server.post("/api/v1/customer/profiles", envelope(demo, {{"Email", email}})).code() == "10");
  BOOST_TEST(transactions(email).size() == 2u);
  BOOST_TEST(purchase_count(email) == 0);
}

BOOST_AUTO_TEST_CASE(a_declined_purchase_does_not_use_its_discount_code) {
  const std::string code = code_named("UNUSED");
  BOOST_TEST_REQUIRE(add_code({{"DiscountCode", code}, {"Percent", "10"}}).code() == "00");
  const std::string email = unique_email();
  json request = purchase_request(email, {{kAnnual, 1}}, card_method(kDeclinedCard));
  request["Discount"] = {{"DiscountCode", code}};
  const auto reply = buy(request);
  BOOST_TEST(reply.code() == "51", reply.summary());
  const json rows = transactions(email);
  BOOST_TEST_REQUIRE(rows.size() == 1u);
  BOOST_TEST(amount_cents(rows[0]) == price(kAnnual) - percent_of(price(kAnnual), "10"));  // the discounted amount was tried
  BOOST_TEST(validate_code(code).value("Uses", -1) == 0);
}

BOOST_AUTO_TEST_CASE(a_processor_error_is_recorded_and_its_reference_can_be_retried) {
  const std::string email = unique_email();
  const std::string reference = unique_ref("outage");
  const httplib::Headers key = {{"Idempotency-Key", "outage-" + unique_suffix()}};
  const json body = envelope(demo, purchase_request(email, {{kAnnual, 1}}, card_method("4000000000000119"), reference));
  const auto failed = server.post(kPurchase, body, key);
  BOOST_TEST(failed.code() == "91", failed.summary());
  BOOST_TEST(failed.response().value("Status", "") == "Error");
  BOOST_TEST(purchase_count(email) == 0);
  BOOST_TEST_REQUIRE(transactions(email).size() == 1u);
  BOOST_TEST(transactions(email)[0].value("Status", "") == "Error");
  // "91" is not remembered under the Idempotency-Key: the retry runs (and fails) again.
  const auto retried = server.post(kPurchase, body, key);
  BOOST_TEST(retried.code() == "91", retried.summary());
  BOOST_TEST(retried.header_count("Idempotent-Replayed") == 0u);
  // Nor does it use the reference up.
  const auto paid = buy(purchase_request(email, {{kAnnual, 1}}, card_method(), reference));
  BOOST_TEST(paid.code() == "00", paid.summary());
  BOOST_TEST(purchase_count(email) == 1);
  BOOST_TEST(transactions(email).size() == 3u);
}

BOOST_AUTO_TEST_CASE(members_pay_member_prices) {
  const std::string email = unique_email();
  const Order order = {{kAnnual, 2}, {kMonthly, 1}, {kNoMemberPrice, 1}};
  const auto before = buy(purchase_request(email, order, card_method()));
  BOOST_TEST_REQUIRE(before.code() == "00", before.summary());
  BOOST_TEST(before.response().value("MemberPricing", "") == "False");
  BOOST_TEST(before.response().value("Total", "") == money(list_total(order)));

  const auto joined = server.post("/api/v1/memberships/join",
                                  envelope(demo, {{"Email", email}, {"Sku", kMembership}, {"TransactionReference", unique_ref("join")},
                                                  {"PaymentMethod", card_method()}}));
  BOOST_TEST_REQUIRE(joined.code() == "00", joined.summary());

  const auto after = buy(purchase_request(email, order, card_method()));
  BOOST_TEST_REQUIRE(after.code() == "00", after.summary());
  const json& r = after.response();
  BOOST_TEST(r.value("MemberPricing", "") == "True");
  std::int64_t expected = 0;
  for (const auto& [sku, quantity] : order) {
    BOOST_TEST(line_of(r, sku).value("UnitPrice", "") == money(member_price(sku)), sku);
    BOOST_TEST(line_of(r, sku).value("LineTotal", "") == money(member_price(sku) * quantity), sku);
    expected += member_price(sku) * quantity;
  }
  BOOST_TEST(member_price(kAnnual) < price(kAnnual));
  BOOST_TEST(member_price(kNoMemberPrice) == price(kNoMemberPrice));  // no member price: the list price
  BOOST_TEST(r.value("Subtotal", "") == money(expected));
  BOOST_TEST(r.value("Total", "") == money(expected));
  BOOST_TEST(amount_cents(transactions(email).at(0)) == expected);  // newest first

  // Somebody else still pays list prices.
  const auto stranger = buy(purchase_request(unique_email(), order, card_method()));
  BOOST_TEST(stranger.response().value("Total", "") == money(list_total(order)));
}

BOOST_AUTO_TEST_CASE(a_membership_sku_in_a_purchase_starts_a_membership) {
  const std::string email = unique_email();
  const Order order = {{kMembership, 1}, {kAnnual, 1}};
  const auto reply = buy(purchase_request(email, order, card_method()));
  BOOST_TEST_REQUIRE(reply.code() == "00", reply.summary());
  const json& r = reply.response();
  BOOST_TEST(r.value("Total", "") == money(list_total(order)));  // priced before joining: list prices
  BOOST_TEST(r.value("MemberPricing", "") == "False");
  BOOST_TEST_REQUIRE(r["Memberships"].size() == 1u);
  const json& m = r["Memberships"][0];
  BOOST_TEST(m.value("Sku", "") == kMembership);
  BOOST_TEST(m.value("Status", "") == "Active");
  BOOST_TEST(m.value("JoinDate", "") == kToday);
  BOOST_TEST(m.value("NextRenewalDate", "") == "2026-02-28");
  BOOST_TEST(m.value("MonthlyFee", "") == money(price(kMembership)));
  BOOST_TEST(line_of(r, kMembership).value("MembershipId", "") == m.value("MembershipId", ""));
  BOOST_TEST(!line_of(r, kMembership).contains("LicenceId"));
  // Renewals need a stored profile: the card is kept on file although SaveToFile was not sent.
  BOOST_TEST_REQUIRE(r["SavedPaymentProfile"].is_object(), reply.summary());
  BOOST_TEST(m.value("PaymentProfileId", "") == r["SavedPaymentProfile"].value("PaymentProfileId", ""));

  const json listed = memberships(email);
  BOOST_TEST(listed.value("IsMember", "") == "True");
  BOOST_TEST_REQUIRE(listed["Memberships"].size() == 1u);
  BOOST_TEST(listed["Memberships"][0].value("MembershipId", "") == m.value("MembershipId", ""));

  // One membership at a time, and not twice.
  const std::string other = unique_email();
  const auto two = buy(purchase_request(other, {{kMembership, 2}}, card_method()));
  BOOST_TEST(two.code() == "05", two.summary());
  BOOST_TEST(transactions(other).empty());
  const auto twice_in_one_order = buy(purchase_request(other, {{kMembership, 1}, {kMembership, 1}}, card_method()));
  BOOST_TEST(twice_in_one_order.code() == "40", twice_in_one_order.summary());
  BOOST_TEST(transactions(other).empty());
  BOOST_TEST(memberships(other)["Memberships"].empty());
  const auto again = buy(purchase_request(email, {{kMembership, 1}}, card_method()));
  BOOST_TEST(again.code() == "40", again.summary());
  BOOST_TEST(transactions(email).size() == 1u);
  BOOST_TEST(memberships(email)["Memberships"].size() == 1u);
}

BOOST_AUTO_TEST_CASE(purchase_validates_its_request) {
  const std::string email = unique_email();
  const auto refused = [&](json request, const std::string& expected, const std::string& what) {
    const auto reply = buy(request);
    BOOST_TEST(reply.code() == expected, what << ": " << reply.summary());
    BOOST_TEST(reply.response().is_null(), what);
  };
  json r = purchase_request(email, {{kAnnual, 1}}, card_method());
  r["Skus"] = json::array();
  refused(r, "05", "empty Skus");
  r.erase("Skus");
  refused(r, "05", "no Skus");
  refused(purchase_request(email, {{"NO-SUCH-SKU", 1}}, card_method()), "10", "unknown Sku");
  refused(purchase_request(email, {{kAnnual, 0}}, card_method()), "05", "Quantity 0");
  json no_type = card_method();
  no_type.erase("PaymentType");
  refused(purchase_request(email, {{kAnnual, 1}}, no_type), "05", "no PaymentType");
  json bad_type = card_method();
  bad_type["PaymentType"] = "4";
  refused(purchase_request(email, {{kAnnual, 1}}, bad_type), "05", "PaymentType 4");
  json euro = card_method();
  euro["CurrencyCode"] = "EUR";
  refused(purchase_request(email, {{kAnnual, 1}}, euro), "05", "CurrencyCode EUR");
  json no_method = purchase_request(email, {{kAnnual, 1}}, card_method());
  no_method.erase("PaymentMethod");
  refused(no_method, "05", "no PaymentMethod");
  json no_email = purchase_request(email, {{kAnnual, 1}}, card_method());
  no_email["Email"] = "not-an-address";
  refused(no_email, "05", "bad Email");
  json no_reference = purchase_request(email, {{kAnnual, 1}}, card_method());
  no_reference.erase("TransactionReference");
  refused(no_reference, "05", "no TransactionReference");
  refused(purchase_request(email, {{kAnnual, 1}}, card_method(kLuhnFailing)), "05", "Luhn-failing card");
  BOOST_TEST(transactions(email).empty());
  BOOST_TEST(purchase_count(email) == 0);

  // A TransactionReference is used once.
  const std::string reference = unique_ref("once");
  BOOST_TEST_REQUIRE(buy(purchase_request(email, {{kAnnual, 1}}, card_method(), reference)).code() == "00");
  refused(purchase_request(email, {{kMonthly, 1}}, card_method(), reference), "40", "reused TransactionReference");
  BOOST_TEST(transactions(email).size() == 1u);
  BOOST_TEST(purchase_count(email) == 1);

  // Envelope: malformed JSON / no Authentication → HTTP 400, wrong Key → "20".
  check_envelope_rejections(server, demo, kPurchase, purchase_request(email, {{kAnnual, 1}}, card_method()));
  BOOST_TEST(transactions(email).size() == 1u);
}

BOOST_AUTO_TEST_CASE(an_idempotency_key_replays_a_purchase_once_charged) {
  const std::string email = unique_email();
  const json body = envelope(demo, purchase_request(email, {{kAnnual, 1}, {kMonthly, 3}}, card_method()));
  const httplib::Headers key = {{"Idempotency-Key", "purchase-" + unique_suffix()}};
  const auto first = server.post(kPurchase, body, key);
  BOOST_TEST_REQUIRE(first.code() == "00", first.summary());
  BOOST_TEST(first.header_count("Idempotent-Replayed") == 0u);
  const auto second = server.post(kPurchase, body, key);
  BOOST_TEST(second.status == first.status);
  BOOST_TEST(second.text == first.text);
  BOOST_TEST(second.header("Idempotent-Replayed") == "true");
  BOOST_TEST(transactions(email).size() == 1u);
  BOOST_TEST(purchase_count(email) == 1);

  // The same key with another body: 41, nothing charged.
  json changed = body;
  changed["Request"]["Skus"][1]["Quantity"] = "4";
  const auto conflict = server.post(kPurchase, changed, key);
  BOOST_TEST(conflict.code() == "41", conflict.summary());
  BOOST_TEST(conflict.header_count("Idempotent-Replayed") == 0u);
  BOOST_TEST(transactions(email).size() == 1u);
  BOOST_TEST(purchase_count(email) == 1);
}

BOOST_AUTO_TEST_SUITE_END()
