#include "gateway/purchases.hpp"

#include "gateway/catalogue.hpp"
#include "gateway/checkout.hpp"
#include "gateway/discounts.hpp"
#include "gateway/fields.hpp"
#include "gateway/ids.hpp"
#include "gateway/memberships.hpp"
#include "gateway/payments.hpp"
#include "payref/pricing.hpp"
#include "payref/schedule.hpp"

namespace payref::gateway {

namespace {

constexpr std::size_t kMaxLines = 50;

Money zero(const std::string& currency) { return *Money::from_minor(0, currency); }

std::string today_text(const Call& call) { return to_iso_string(call.services.clock.today()); }

// ---- credit balance (downgrade credits, spent on the next order) ----

std::string credit_id(const Call& call, const std::string& email) { return call.client_id + ":" + email_key(email); }

Money credit_balance(Call& call, const std::string& email, const std::string& currency) {
  const auto doc = call.tx.get(kCredits, call.client_id, credit_id(call, email));
  return doc ? *Money::from_minor(doc->body.value("BalanceMinor", std::int64_t{0}), currency) : zero(currency);
}

void set_credit_balance(Call& call, const std::string& email, const Money& balance) {
  call.tx.put(store::Document{kCredits, credit_id(call, email), call.client_id, email_key(email), "",
                              {{"Email", email},
                               {"BalanceMinor", balance.minor_units()},
                               {"Balance", balance.to_decimal_string()},
                               {"CurrencyCode", std::string(balance.currency().alpha)}},
                              {}});
}

// ---- licences ----

bool is_current(const nlohmann::json& licence, const std::string& today) {
  return licence.value("Status", "") == "Active" && (!licence["EndDate"].is_string() || today < licence["EndDate"].get<std::string>());
}

// The contact's current licences of a SKU, oldest first.
std::vector<store::Document> current_licences(Call& call, const std::string& email, const std::string& sku) {
  std::vector<store::Document> out;
  const std::string today = today_text(call);
  for (auto& doc : call.tx.find(kLicences, call.client_id, store::Key::key2, sku))
    if (doc.key1 == email_key(email) && is_current(doc.body, today)) out.push_back(std::move(doc));
  return out;
}

std::optional<Term> term_of(const nlohmann::json& licence) {
  if (!licence["EndDate"].is_string()) return std::nullopt;
  return Term{*parse_iso_date(licence.value("StartDate", "")), *parse_iso_date(licence["EndDate"].get<std::string>())};
}

nlohmann::json licence_view(const nlohmann::json& l) {
  nlohmann::json out = nlohmann::json::object();
  for (const char* key : {"LicenceId", "Sku", "Name", "Seats", "UnitPrice", "CurrencyCode", "StartDate", "EndDate", "Status", "PurchaseId"})
    out[key] = l.value(key, nlohmann::json());
  return out;
}

store::Document grant_licence(Call& call, const std::string& email, const nlohmann::json& package, int seats, const Money& unit,
                              CalendarDate start, const std::optional<Term>& term, const std::string& purchase_id) {
  const std::string id = next_id(call.tx, IdKind::licence);
  const std::string sku = package.value("Sku", "");
  nlohmann::json l = {{"LicenceId", id},
                      {"Email", email},
                      {"Sku", sku},
                      {"Name", package["Name"]},
                      {"ProductType", package["ProductType"]},
                      {"Seats", seats},
                      {"UnitPrice", unit.to_decimal_string()},
                      {"CurrencyCode", std::string(unit.currency().alpha)},
                      {"StartDate", to_iso_string(term ? term->start : start)},
                      {"EndDate", term ? nlohmann::json(to_iso_string(term->end)) : nlohmann::json()},
                      {"Status", "Active"},
                      {"PurchaseId", purchase_id}};
  store::Document doc{kLicences, id, call.client_id, email_key(email), sku, std::move(l), {}};
  call.tx.put(doc);
  return doc;
}

// ---- purchases ----

nlohmann::json purchase_view(const nlohmann::json& p) {
  nlohmann::json out = nlohmann::json::object();
  for (const char* key : {"PurchaseId", "Kind", "Email", "PurchaseDate", "TransactionId", "TransactionReference", "Lines", "Subtotal",
                          "DiscountCode", "DiscountAmount", "CreditApplied", "CreditIssued", "Total", "CurrencyCode", "MemberPricing",
                          "Memberships", "Marketing", "RevenuePartner", "UpdateRenderRocket"})
    out[key] = p.value(key, nlohmann::json());
  return out;
}

void save_purchase(Call& call, const std::string& id, const std::string& email, const nlohmann::json& purchase) {
  call.tx.put(store::Document{kPurchases, id, call.client_id, email_key(email), "", purchase, {}});
}

nlohmann::json passthrough(const Call& call, const char* key) {
  const auto& request = call.body["Request"];
  const auto it = request.find(key);
  return it != request.end() && (it->is_object() || it->is_string()) ? *it : nlohmann::json();
}

struct PricedLine {
  const nlohmann::json* package;
  int quantity;
  Money unit, total;
};

std::vector<PricedLine> price_lines(const Call& call, const Catalogue& catalogue, bool member) {
  const auto& request = call.body["Request"];
  const auto it = request.find("Skus");
  if (it == request.end() || !it->is_array() || it->empty() || it->size() > kMaxLines)
    fail(code::validation, "Request.Skus: a list of 1 to 50 {Sku, Quantity} is required");
  std::vector<PricedLine> lines;
  for (std::size_t i = 0; i < it->size(); ++i) {
    const std::string path = "Request.Skus[" + std::to_string(i) + "]";
    if (!(*it)[i].is_object()) fail(code::validation, path + ": must be an object {Sku, Quantity}");
    const Fields line((*it)[i], path);
    const std::string sku = line.text("Sku", 32);
    const int quantity = line.integer("Quantity", 1, 1, 10000);
    const nlohmann::json* package = catalogue.find_sku(sku);
    if (!package) fail(code::not_found, line.path_of("Sku") + ": no package " + sku + " in the catalogue");
    if (package->value("PackageType", "") == "Membership" && quantity != 1)
      fail(code::validation, line.path_of("Quantity") + ": a membership is bought one at a time");
    const Money unit = unit_price(price_tag(*package), member);
    const auto total = multiply(unit, quantity);
    if (!total) fail(total.status(), line.path_of("Quantity"));
    lines.push_back({package, quantity, unit, *total});
  }
  return lines;
}

// ---- bundle changes ----

struct BundleChange {
  std::string email;
  const nlohmann::json* from;
  const nlohmann::json* to;
  store::Document licence;
  Money from_unit, to_unit;
};

BundleChange read_bundle_change(Call& call, const Fields& request, const Catalogue& catalogue) {
  const std::string email = request.email("Email");
  const std::string from_sku = request.text("FromSku", 32), to_sku = request.text("ToSku", 32);
  const nlohmann::json* from = catalogue.find_sku(from_sku);
  const nlohmann::json* to = catalogue.find_sku(to_sku);
  if (!from) fail(code::not_found, "Request.FromSku: no package " + from_sku + " in the catalogue");
  if (!to) fail(code::not_found, "Request.ToSku: no package " + to_sku + " in the catalogue");
  if (!is_bundle(*from)) fail(code::validation, "Request.FromSku: " + from_sku + " is not a bundle");
  if (!is_bundle(*to)) fail(code::validation, "Request.ToSku: " + to_sku + " is not a bundle");
  if (from->value("ProductType", "") != to->value("ProductType", ""))
    fail(code::validation, "Request.ToSku: " + to_sku + " is a " + to->value("ProductType", "") + " bundle; " + from_sku + " is " +
                               from->value("ProductType", ""));
  auto licences = current_licences(call, email, from_sku);
  if (licences.empty()) fail(code::not_found, "Request.FromSku: " + email + " holds no current licence of " + from_sku);
  store::Document licence = std::move(licences.back());  // the newest
  const std::string currency = licence.body.value("CurrencyCode", "USD");
  const Money from_unit = *parse_money(licence.body.value("UnitPrice", "0"), currency);
  const Money to_unit = unit_price(price_tag(*to), is_member(call, email));
  return {email, from, to, std::move(licence), from_unit, to_unit};
}

// Ends the old licence and grants the new bundle for the rest of its term.
store::Document swap_licence(Call& call, BundleChange& change, const std::string& purchase_id, const char* how) {
  auto& old = change.licence.body;
  const int seats = old.value("Seats", 1);
  const auto term = term_of(old);
  auto granted = grant_licence(call, change.email, *change.to, seats, change.to_unit, *parse_iso_date(old.value("StartDate", "")), term,
                               purchase_id);
  old["Status"] = how;
  old["ReplacedBy"] = granted.id;
  old["ChangedOn"] = today_text(call);
  call.tx.put(change.licence);
  return granted;
}

nlohmann::json change_view(const Call& call, const BundleChange& change, const store::Document& granted) {
  const auto term = term_of(change.licence.body);
  const CalendarDate today = call.services.clock.today();
  return {{"Email", change.email},
          {"FromSku", change.from->value("Sku", "")},
          {"ToSku", change.to->value("Sku", "")},
          {"Seats", change.licence.body.value("Seats", 1)},
          {"FromUnitPrice", change.from_unit.to_decimal_string()},
          {"ToUnitPrice", change.to_unit.to_decimal_string()},
          {"RemainingDays", term ? nlohmann::json(remaining_days(*term, today)) : nlohmann::json()},
          {"TermDays", term ? nlohmann::json(term_days(*term)) : nlohmann::json()},
          {"Licence", licence_view(granted.body)}};
}

}  // namespace

Reply purchase(Call& call) {
  const Fields request = request_fields(call.body);
  const std::string email = request.email("Email");
  const Catalogue catalogue = Catalogue::load(call.tx);
  const std::string currency = catalogue.currency();
  const bool member = is_member(call, email);
  const auto lines = price_lines(call, catalogue, member);

  Money subtotal = zero(currency);
  std::vector<OrderLine> order;
  bool has_membership = false;
  for (const auto& line : lines) {
    const auto sum = add(subtotal, line.total);
    if (!sum) fail(sum.status(), "Request.Skus");
    subtotal = *sum;
    order.push_back({line.package->value("Sku", ""), line.package->value("ProductType", ""), line.package->value("PackageType", ""),
                     line.total});
    if (line.package->value("PackageType", "") == "Membership") has_membership = true;
  }
  auto discount = discount_for_order(call, order);
  const Money after_discount = discount ? *subtract(subtotal, discount->amount) : subtotal;
  const Money balance = credit_balance(call, email, currency);
  const Money credit = balance.minor_units() < after_discount.minor_units() ? balance : after_discount;
  const Money due = *subtract(after_discount, credit);
  const std::string reference = unique_reference(call, request);
  for (const auto& line : lines)  // refused before any money moves
    if (line.package->value("PackageType", "") == "Membership" && is_member(call, email))
      for (const auto& m : call.tx.find(kMemberships, call.client_id, store::Key::key1, email_key(email)))
        if (m.body.value("Sku", "") == line.package->value("Sku", "") &&
            (m.body.value("Status", "") == "Active" || m.body.value("Status", "") == "PendingCancellation"))
          fail(code::duplicate, "Request.Skus: " + email + " is already a member of " + line.package->value("Association", ""));

  const std::string purchase_id = next_id(call.tx, IdKind::purchase);
  const Paid paid = pay_order(call, request, due, OrderPayment{email, reference, "Purchase " + purchase_id, {{"PurchaseId", purchase_id}},
                                                                  has_membership});
  const nlohmann::json transaction_id = paid.transaction ? nlohmann::json(paid.transaction->id) : nlohmann::json();
  if (!paid.approved)
    return payment_outcome_reply(*paid.transaction, "",
                                 {{"PurchaseId", nullptr}, {"TransactionId", transaction_id}, {"Status", paid.transaction->body["Status"]}});

  if (discount) count_discount_use(call, *discount);
  if (credit.minor_units() > 0) set_credit_balance(call, email, *subtract(balance, credit));
  const CalendarDate today = call.services.clock.today();
  nlohmann::json out_lines = nlohmann::json::array(), memberships = nlohmann::json::array();
  for (const auto& line : lines) {
    nlohmann::json out = {{"Sku", line.package->value("Sku", "")},
                          {"Name", (*line.package)["Name"]},
                          {"PackageType", (*line.package)["PackageType"]},
                          {"ProductType", (*line.package)["ProductType"]},
                          {"Quantity", line.quantity},
                          {"UnitPrice", line.unit.to_decimal_string()},
                          {"LineTotal", line.total.to_decimal_string()}};
    if (line.package->value("PackageType", "") == "Membership") {
      const auto m = start_membership(call, email, *line.package, paid.customer_id, paid.profile_id,
                                      paid.transaction ? paid.transaction->id : std::string());
      out["MembershipId"] = m["MembershipId"];
      memberships.push_back(m);
    } else {
      const auto licence = grant_licence(call, email, *line.package, line.quantity, line.unit, today, licence_term(*line.package, today),
                                         purchase_id);
      out["LicenceId"] = licence.id;
      out["StartDate"] = licence.body["StartDate"];
      out["EndDate"] = licence.body["EndDate"];
    }
    out_lines.push_back(std::move(out));
  }
  const auto when = request.optional_datetime("TransactionDateTime");
  nlohmann::json p = {{"PurchaseId", purchase_id},
                      {"Kind", "Purchase"},
                      {"Email", email},
                      {"PurchaseDate", sim::format_wire_datetime(when ? *when : call.services.clock.now())},
                      {"TransactionId", transaction_id},
                      {"TransactionReference", reference},
                      {"AuthCode", paid.transaction ? paid.transaction->body["AuthCode"] : nlohmann::json()},
                      {"Lines", out_lines},
                      {"Subtotal", subtotal.to_decimal_string()},
                      {"DiscountCode", discount ? nlohmann::json(discount->code) : nlohmann::json()},
                      {"DiscountAmount", (discount ? discount->amount : zero(currency)).to_decimal_string()},
                      {"CreditApplied", credit.to_decimal_string()},
                      {"Total", due.to_decimal_string()},
                      {"CurrencyCode", currency},
                      {"MemberPricing", member ? "True" : "False"},
                      {"Memberships", memberships},
                      {"Marketing", passthrough(call, "Marketing")},
                      {"RevenuePartner", passthrough(call, "RevenuePartner")},
                      {"UpdateRenderRocket", request.flag("UpdateRenderRocket", false) ? "True" : "False"}};
  save_purchase(call, purchase_id, email, p);
  nlohmann::json view = purchase_view(p);
  view["AuthCode"] = p["AuthCode"];
  if (paid.transaction) view["Status"] = paid.transaction->body["Status"];
  else view["Status"] = "NoPaymentDue";
  if (!paid.profile_id.empty()) view["SavedPaymentProfile"] = {{"CustomerProfileId", paid.customer_id}, {"PaymentProfileId", paid.profile_id}};
  return success("Purchase completed.", view);
}

Reply list_purchased(Call& call) {
  const Fields request = request_fields(call.body);
  const std::string email = request.email("Email");
  const auto sku = request.optional_text("Sku", 32);
  const int type = request.integer("RequestType", 1, 0, 3);  // 0 count, 1 all, 2 last, 3 first
  nlohmann::json matching = nlohmann::json::array();
  for (const auto& doc : call.tx.find(kPurchases, call.client_id, store::Key::key1, email_key(email))) {
    bool has_sku = !sku;
    for (const auto& line : doc.body["Lines"]) has_sku = has_sku || line.value("Sku", "") == *sku;
    if (has_sku) matching.push_back(purchase_view(doc.body));
  }
  nlohmann::json purchases = nlohmann::json::array();
  if (type == 1) purchases = matching;
  else if (type == 2 && !matching.empty()) purchases.push_back(matching.back());
  else if (type == 3 && !matching.empty()) purchases.push_back(matching.front());
  return success("OK", {{"Email", email},
                        {"Sku", sku ? nlohmann::json(*sku) : nlohmann::json()},
                        {"RequestType", std::to_string(type)},
                        {"Count", matching.size()},
                        {"Purchases", purchases}});
}

Reply upgrade_bundle(Call& call) {
  const Fields request = request_fields(call.body);
  const Catalogue catalogue = Catalogue::load(call.tx);
  BundleChange change = read_bundle_change(call, request, catalogue);
  const CalendarDate today = call.services.clock.today();
  const auto charge = upgrade_charge(change.from_unit, change.to_unit, change.licence.body.value("Seats", 1), term_of(change.licence.body), today);
  if (!charge) fail(charge.status(), "Request.ToSku");
  const Money balance = credit_balance(call, change.email, catalogue.currency());
  const Money credit = balance.minor_units() < charge->minor_units() ? balance : *charge;
  const Money due = *subtract(*charge, credit);
  const std::string reference = unique_reference(call, request);
  const std::string purchase_id = next_id(call.tx, IdKind::purchase);
  Paid paid;
  if (due.minor_units() > 0 || request.has("PaymentMethod"))
    paid = pay_order(call, request, due, OrderPayment{change.email, reference, "Bundle upgrade " + purchase_id, {{"PurchaseId", purchase_id}}});
  if (!paid.approved)
    return payment_outcome_reply(*paid.transaction, "",
                                 {{"PurchaseId", nullptr}, {"TransactionId", paid.transaction->id}, {"Status", paid.transaction->body["Status"]}});
  if (credit.minor_units() > 0) set_credit_balance(call, change.email, *subtract(balance, credit));
  const auto granted = swap_licence(call, change, purchase_id, "Upgraded");
  const int seats = change.licence.body.value("Seats", 1);
  nlohmann::json p = {{"PurchaseId", purchase_id},
                      {"Kind", "Upgrade"},
                      {"Email", change.email},
                      {"PurchaseDate", sim::format_wire_datetime(call.services.clock.now())},
                      {"TransactionId", paid.transaction ? nlohmann::json(paid.transaction->id) : nlohmann::json()},
                      {"TransactionReference", reference},
                      {"Lines", {{{"Sku", change.to->value("Sku", "")}, {"Name", (*change.to)["Name"]}, {"Quantity", seats},
                                  {"UnitPrice", change.to_unit.to_decimal_string()}, {"LineTotal", charge->to_decimal_string()},
                                  {"LicenceId", granted.id}, {"ReplacesLicenceId", change.licence.id}}}},
                      {"Subtotal", charge->to_decimal_string()},
                      {"CreditApplied", credit.to_decimal_string()},
                      {"Total", due.to_decimal_string()},
                      {"CurrencyCode", catalogue.currency()}};
  save_purchase(call, purchase_id, change.email, p);
  nlohmann::json view = change_view(call, change, granted);
  view["PurchaseId"] = purchase_id;
  view["ProratedCharge"] = charge->to_decimal_string();
  view["CreditApplied"] = credit.to_decimal_string();
  view["AmountCharged"] = due.to_decimal_string();
  view["TransactionId"] = p["TransactionId"];
  view["CurrencyCode"] = catalogue.currency();
  return success("Bundle upgraded.", view);
}

Reply downgrade_bundle(Call& call) {
  const Fields request = request_fields(call.body);
  const Catalogue catalogue = Catalogue::load(call.tx);
  BundleChange change = read_bundle_change(call, request, catalogue);
  const auto credit = downgrade_credit(change.from_unit, change.to_unit, change.licence.body.value("Seats", 1), term_of(change.licence.body),
                                       call.services.clock.today());
  if (!credit) fail(credit.status(), "Request.ToSku");
  const Money balance = *add(credit_balance(call, change.email, catalogue.currency()), *credit);
  set_credit_balance(call, change.email, balance);
  const std::string purchase_id = next_id(call.tx, IdKind::purchase);
  const auto granted = swap_licence(call, change, purchase_id, "Downgraded");
  const int seats = change.licence.body.value("Seats", 1);
  const Money nothing = zero(catalogue.currency());
  nlohmann::json p = {{"PurchaseId", purchase_id},
                      {"Kind", "Downgrade"},
                      {"Email", change.email},
                      {"PurchaseDate", sim::format_wire_datetime(call.services.clock.now())},
                      {"TransactionId", nullptr},
                      {"Lines", {{{"Sku", change.to->value("Sku", "")}, {"Name", (*change.to)["Name"]}, {"Quantity", seats},
                                  {"UnitPrice", change.to_unit.to_decimal_string()}, {"LineTotal", nothing.to_decimal_string()},
                                  {"LicenceId", granted.id}, {"ReplacesLicenceId", change.licence.id}}}},
                      {"Subtotal", nothing.to_decimal_string()},
                      {"CreditIssued", credit->to_decimal_string()},
                      {"Total", nothing.to_decimal_string()},
                      {"CurrencyCode", catalogue.currency()}};
  save_purchase(call, purchase_id, change.email, p);
  nlohmann::json view = change_view(call, change, granted);
  view["PurchaseId"] = purchase_id;
  view["CreditIssued"] = credit->to_decimal_string();
  view["CreditBalance"] = balance.to_decimal_string();
  view["CurrencyCode"] = catalogue.currency();
  return success("Bundle downgraded; the prorated difference is kept as credit for the next order.", view);
}

Reply truing_up(Call& call) {
  const Fields request = request_fields(call.body);
  const std::string email = request.email("Email");
  const std::string sku = request.text("Sku", 32);
  const int seats = request.integer("Seats", 0, 1, 1000000);
  if (seats == 0) fail(code::validation, "Request.Seats: the number of seats in use is required");
  const Catalogue catalogue = Catalogue::load(call.tx);
  const nlohmann::json* package = catalogue.find_sku(sku);
  if (!package) fail(code::not_found, "Request.Sku: no package " + sku + " in the catalogue");
  if (!package->value("SeatBased", false)) fail(code::validation, "Request.Sku: " + sku + " is not licensed per seat");
  const auto licences = current_licences(call, email, sku);
  if (licences.empty()) fail(code::not_found, "Request.Sku: " + email + " holds no current licence of " + sku);
  int licensed = 0;
  const store::Document* last_ending = &licences.front();
  for (const auto& l : licences) {
    licensed += l.body.value("Seats", 0);
    const auto& end = l.body["EndDate"];
    if (!end.is_string() || (last_ending->body["EndDate"].is_string() && end.get<std::string>() > last_ending->body["EndDate"].get<std::string>()))
      last_ending = &l;
  }
  const Money unit = unit_price(price_tag(*package), is_member(call, email));
  const auto term = term_of(last_ending->body);
  const CalendarDate today = call.services.clock.today();
  nlohmann::json response = {{"Email", email},
                             {"Sku", sku},
                             {"LicensedSeats", licensed},
                             {"Seats", seats},
                             {"AdditionalSeats", std::max(0, seats - licensed)},
                             {"UnitPrice", unit.to_decimal_string()},
                             {"RemainingDays", term ? nlohmann::json(remaining_days(*term, today)) : nlohmann::json()},
                             {"TermDays", term ? nlohmann::json(term_days(*term)) : nlohmann::json()},
                             {"CurrencyCode", catalogue.currency()}};
  if (seats <= licensed) {
    response["TrueUpPrice"] = zero(catalogue.currency()).to_decimal_string();
    return success("No true-up is due: the seats in use are licensed.", response);
  }
  const auto price = true_up_price(unit, licensed, seats, term, today);
  if (!price) fail(price.status(), "Request.Seats");
  response["TrueUpPrice"] = price->to_decimal_string();
  return success("OK", response);
}

}  // namespace payref::gateway
