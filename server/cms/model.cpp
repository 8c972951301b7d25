#include "cms/model.hpp"

#include <vector>

#include "cms/errors.hpp"
#include "cms/reader.hpp"
#include "http/redact.hpp"
#include "payref/card.hpp"
#include "payref/fields.hpp"
#include "store/crypto.hpp"

namespace payref::cms {

namespace {

using ojson = nlohmann::ordered_json;

const std::vector<std::string> kCardTypes = {
    "AmericanExpress", "CarteAurore", "CartesBancaires", "CitibankFinancial", "Dankort",     "DinersCartBlanche", "DinersClub",
    "Discover",        "Electron",    "Finax",           "JCB",               "Kopkort",     "LaserCard",         "Maestro",
    "MasterCard",      "NotSet",      "PrivateLabel",    "RevolutionCard",    "Solo",        "UnbrandedATM",      "Visa"};
const std::vector<std::string> kTaxExempt = {"NotSet", "Exempt", "NotExemptTaxInfoNotProvided", "NotExemptTaxInfoProvided"};
const std::vector<std::string> kTaxTypes = {
    "CityTax",      "CountyParishTax", "CountyTax",          "EnergyTax",     "EnvironmentalTax", "FederalTax",
    "GoodsServicesTax", "HarmonizedTax", "LocalSalesTax",    "LuxuryTax",     "MunicipalTax",     "NotSet",
    "OccupancyTax", "OtherTax",        "QuebecSalesTax",     "RoomTax",       "StateLocalSalesTax", "StateProvincialGoodsTax",
    "StateProvincialTax", "StateSalesTax", "Unknown",        "VAT"};
const std::vector<std::string> kUnits = {"Day", "Week", "Month", "Year"};

constexpr std::size_t kText = 255;  // free text
constexpr std::size_t kId = 50;     // ids and codes

// The CWS card type of an sdk brand; "" when CWS has none (then any CardType is taken as given).
std::string cws_card_type(std::string_view brand) {
  if (brand == "visa") return "Visa";
  if (brand == "mastercard") return "MasterCard";
  if (brand == "american-express") return "AmericanExpress";
  if (brand == "discover") return "Discover";
  if (brand == "jcb") return "JCB";
  if (brand == "diners-club") return "DinersClub";
  if (brand == "maestro") return "Maestro";
  if (brand == "dankort") return "Dankort";
  return "";
}

ojson text_or_null(const Reader& r, const std::string& key, std::size_t max = kText) {
  const auto v = r.text(key, max, false);
  return v ? ojson(*v) : ojson();
}

ojson money_or_zero(const Reader& r, const std::string& key, const std::string& currency) {
  const auto v = r.amount(key, currency, false, true);
  return v ? wire_number(*v) : 0.0;
}

ojson read_address(const Reader& a) {
  ojson out;
  for (const char* key : {"Street1", "Street2", "HouseNumber", "City", "StateProvince"}) out[key] = text_or_null(a, key);
  const auto country = a.text("CountryCode", 3, false);
  if (country && !find_country(*country, CountryCodeForm::alpha3))
    a.error("CountryCode", "country.unknown", "must be an ISO 3166 alpha-3 country code such as USA.");
  const auto postal = a.text("PostalCode", 20, false);
  if (postal && country && (*country == "USA" || *country == "CAN")) {
    const auto v = validate_postal_code(*postal, *country);
    if (!v.is_valid) a.error("PostalCode", std::string(v.reason), "is not a valid postal code for " + *country + ".");
  }
  out["PostalCode"] = postal ? ojson(*postal) : ojson();
  out["CountryCode"] = country ? ojson(*country) : ojson();
  out["AddressType"] = text_or_null(a, "AddressType", kId);
  return out;
}

ojson read_customer_info(const Reader& parent, const std::string& key) {
  const auto c = parent.object(key, false);
  if (!c) return nullptr;
  ojson out;
  for (const char* k : {"Company", "FirstName", "LastName"}) out[k] = text_or_null(*c, k);
  const auto address = c->object("Address", false);
  out["Address"] = address ? read_address(*address) : ojson();
  return out;
}

ojson read_order(const Reader& o, std::string& currency) {
  const auto code = o.text("CurrencyCode", 3, true);
  if (code && !find_currency(*code)) o.error("CurrencyCode", "money.unknown_currency", "must be an ISO 4217 currency code such as USD.");
  else if (code) currency = *code;

  ojson out;
  out["BillingData"] = read_customer_info(o, "BillingData");
  out["ShippingData"] = read_customer_info(o, "ShippingData");
  out["CustomerCode"] = text_or_null(o, "CustomerCode", kId);
  out["CurrencyCode"] = code ? ojson(*code) : ojson();
  out["Description"] = text_or_null(o, "Description");
  out["Enable3D"] = o.boolean("Enable3D", false).value_or(false);
  for (const char* k : {"PromotionCode", "ShipmentId", "ShipCode"}) out[k] = text_or_null(o, k, kId);
  out["ShippingTotal"] = money_or_zero(o, "ShippingTotal", currency);
  out["ShipMethod"] = text_or_null(o, "ShipMethod", kId);
  for (const char* k : {"DiscountTotal", "DutyAmount", "SubTotal"}) out[k] = money_or_zero(o, k, currency);
  if (const auto tax = o.object("Tax", false)) {
    const auto rate = tax->non_negative_number("Rate", false);
    out["Tax"] = {{"Amount", money_or_zero(*tax, "Amount", currency)}, {"Rate", rate ? ojson(*rate) : ojson(0.0)}};
  } else {
    out["Tax"] = nullptr;
  }
  if (const auto taxes = o.objects("ItemizedTaxes", 50)) {
    out["ItemizedTaxes"] = ojson::array();
    for (const auto& t : *taxes) {
      const auto type = t.one_of("Type", kTaxTypes, false);
      const auto rate = t.non_negative_number("Rate", false);
      out["ItemizedTaxes"].push_back(
          {{"Type", type ? ojson(*type) : ojson("NotSet")}, {"Rate", rate ? ojson(*rate) : ojson(0.0)}, {"Amount", money_or_zero(t, "Amount", currency)}});
    }
  } else {
    out["ItemizedTaxes"] = nullptr;
  }
  const auto exempt = o.one_of("TaxExempt", kTaxExempt, false);
  out["TaxExempt"] = exempt ? *exempt : std::string("NotSet");
  out["TaxExemptNumber"] = text_or_null(o, "TaxExemptNumber", kId);
  if (const auto items = o.objects("OrderItems", 100)) {
    out["OrderItems"] = ojson::array();
    for (const auto& i : *items) {
      ojson item;
      item["UnitPrice"] = money_or_zero(i, "UnitPrice", currency);
      item["Description"] = text_or_null(i, "Description");
      item["UnitOfMeasure"] = text_or_null(i, "UnitOfMeasure", kId);
      item["ProductCode"] = text_or_null(i, "ProductCode", kId);
      item["Amount"] = money_or_zero(i, "Amount", currency);
      item["CommodityCode"] = text_or_null(i, "CommodityCode", kId);
      item["Quantity"] = i.integer("Quantity", 0, 1000000, false).value_or(0);
      item["TaxIncluded"] = i.boolean("TaxIncluded", false).value_or(false);
      item["Tax"] = money_or_zero(i, "Tax", currency);
      item["DiscountAmount"] = money_or_zero(i, "DiscountAmount", currency);
      item["DiscountIncluded"] = i.boolean("DiscountIncluded", false).value_or(false);
      out["OrderItems"].push_back(std::move(item));
    }
  } else {
    out["OrderItems"] = nullptr;
  }
  const auto stamp = o.datetime("OrderTimeStamp", false);
  out["OrderTimeStamp"] = stamp ? ojson(stamp->text) : ojson();
  return out;
}

// PaymentData → the stored card: number sealed, masked form, type, expiry. Nothing else is kept.
nlohmann::json read_payment(const app::Services& services, const Reader& p, const std::string& owner) {
  const auto type = p.one_of("CardType", kCardTypes, true);
  const auto number = p.text("PaymentAccountNumber", 32, true);
  const auto expiry = p.text("PaymentAccountExpiration", 4, true);
  const auto name = p.text("PaymentAccountName", kText, false);
  p.one_of("PaymentType", {"NotSet", "Credit"}, false);
  for (const char* bank : {"PaymentRoutingNumber", "BankAccountType"})
    if (p.has(bank)) p.error(bank, "payment.bank_not_supported", "is not supported: payref's CMS takes card payment data only.");
  std::string digits;
  if (number) {
    const auto v = validate_card_number(*number);
    if (!v.is_valid) {
      p.error("PaymentAccountNumber", std::string(v.reason), "is not a valid card number.");
    } else {
      for (char c : *number)
        if (c >= '0' && c <= '9') digits.push_back(c);
      const std::string expected = cws_card_type(v.brand->type);
      if (type && !expected.empty() && *type != expected)
        p.error("CardType", "card.type_mismatch", "is " + *type + " but the card number is a " + expected + " card.");
    }
  }
  if (expiry) {
    bool ok = expiry->size() == 4;
    for (char c : *expiry) ok = ok && c >= '0' && c <= '9';
    // MMYY is complete: the year is 20YY (the as-you-type reading would wait for more digits after "20").
    const auto v = ok ? validate_expiry(expiry->substr(0, 2), "20" + expiry->substr(2), services.clock.today()) : ExpiryValidation{};
    if (!ok) p.error("PaymentAccountExpiration", "expiry.malformed", "must be MMYY, such as 0520.");
    else if (!v.is_valid) p.error("PaymentAccountExpiration", std::string(v.reason), "is not a valid, unexpired MMYY expiry.");
  }
  if (name) {
    const auto v = validate_cardholder_name(*name);
    if (!v.is_valid) p.error("PaymentAccountName", std::string(v.reason), "is not a valid cardholder name.");
  }
  if (digits.empty() || !type || !expiry) return nullptr;
  return {{"Sealed", services.vault.seal(digits, std::string(kSubscriptions) + ":" + owner)},
          {"CardType", *type},
          {"MaskedNumber", mask_card_number(digits)},
          {"Expiration", *expiry},
          {"Name", name ? nlohmann::json(*name) : nlohmann::json()}};
}

const nlohmann::json kNull;

}  // namespace

void check_merchant_profile(const Merchant& merchant, const nlohmann::json* value, const std::string& key) {
  if (!value || value->is_null() || (value->is_string() && value->get_ref<const std::string&>().empty()))
    fail_validation({{key, "field.required", "Property '" + key + "' is required."}});
  if (!value->is_string())
    fail_validation({{key, "field.wrong_type", "Property '" + key + "' must be a string."}});
  if (value->get_ref<const std::string&>() != merchant.merchant_profile_id)
    fail_validation({{key, "merchant.unknown_profile", "Property '" + key + "' is not a merchant profile of this identity."}});
}

nlohmann::json read_subscription_request(const app::Services& services, const Merchant& merchant, const nlohmann::json& body,
                                         bool payment_required, const std::string& owner) {
  const auto profile = body.find("MerchantProfileId");
  check_merchant_profile(merchant, profile == body.end() ? nullptr : &*profile, "MerchantProfileId");

  std::vector<ValidationError> errors;
  const Reader top(body, "", errors);
  top.one_of("Scope", {"MerchantProfileId"}, false);
  if (const auto service = top.text("ServiceId", kId, false); service && *service != merchant.service_id)
    top.error("ServiceId", "merchant.unknown_service", "is not this identity's service.");
  const auto application = top.text("ApplicationProfileId", kId, false);

  nlohmann::json out;
  const auto s = top.object("Subscription", true);
  if (!s) fail_validation(std::move(errors));

  std::string currency;
  nlohmann::json order_text;
  if (const auto order = s->object("Order", true)) order_text = read_order(*order, currency).dump();
  const auto amount = s->amount("Amount", currency, true, false);
  const auto trial_amount = s->amount("TrialAmount", currency, false, true);
  const auto start = s->datetime("StartDate", true);
  const auto end = s->datetime("EndDate", false);
  const auto next = s->datetime("NextProcessingDate", true);
  const auto unit = s->one_of("IntervalUnit", kUnits, true);
  const auto length = s->integer("IntervalLength", 1, kMaxIntervalLength, true);
  const auto count = s->integer("IntervalCount", 1, kMaxIntervalCount, true);
  const auto trials = s->integer("TotalTrialInvoices", 0, kMaxIntervalCount, false);
  const auto auto_renew = s->boolean("AutoRenew", false);
  nlohmann::json card;
  if (const auto payment = s->object("PaymentData", payment_required)) card = read_payment(services, *payment, owner);

  out = {{"Amount", amount ? amount->to_decimal_string() : ""},
         {"TrialAmount", trial_amount ? trial_amount->to_decimal_string() : "0"},
         {"CurrencyCode", currency},
         {"Description", s->text("Description", kText, false).value_or("")},
         {"MerchantSubscriptionId", s->text("MerchantSubscriptionId", kId, false).value_or("")},
         {"StartDate", start ? start->text : ""},
         {"EndDate", end ? nlohmann::json(end->text) : nlohmann::json()},
         {"NextProcessingDate", next ? next->text : ""},
         {"IntervalUnit", unit.value_or("")},
         {"IntervalLength", length.value_or(0)},
         {"IntervalCount", count.value_or(0)},
         {"TotalTrialInvoices", trials.value_or(0)},
         {"Order", order_text},
         {"AutoRenew", auto_renew.value_or(false)},
         {"CustomerReferenceId", s->text("CustomerReferenceId", kId, false).value_or("")},
         {"EmployeeId", s->text("EmployeeId", kId, false).value_or("")},
         {"MerchantProfileId", merchant.merchant_profile_id},
         {"Scope", "MerchantProfileId"},
         {"ServiceId", merchant.service_id},
         {"ServiceKey", merchant.service_key},
         {"ApplicationProfileId", application ? nlohmann::json(*application) : nlohmann::json()},
         {"Card", card}};
  // Empty strings stand for "not given" while reading; the record keeps null.
  for (const char* key : {"Description", "MerchantSubscriptionId", "CustomerReferenceId", "EmployeeId"})
    if (out[key] == "") out[key] = nullptr;

  if (errors.empty() && start && next && unit && length && count) {
    const SubscriptionPlan plan{start->date, end ? std::optional<CalendarDate>(end->date) : std::nullopt, next->date,
                                *interval_unit_from_name(*unit), *length, *count, trials.value_or(0), auto_renew.value_or(false)};
    const Status st = validate_subscription_plan(plan, services.clock.today());
    if (!st) s->error(st.field(), st.reason(), st.message() + ".");
  }
  if (!errors.empty()) fail_validation(std::move(errors));
  return out;
}

SubscriptionPlan plan_of(const nlohmann::json& r) {
  const auto date = [](const nlohmann::json& v) { return *parse_iso_date(v.get<std::string>().substr(0, 10)); };
  const auto& end = r["EndDate"];
  return SubscriptionPlan{date(r["StartDate"]),
                          end.is_string() ? std::optional<CalendarDate>(date(end)) : std::nullopt,
                          date(r["Anchor"]),
                          *interval_unit_from_name(r.value("IntervalUnit", "Month")),
                          r.value("IntervalLength", 1),
                          r.value("IntervalCount", 1),
                          r.value("TotalTrialInvoices", 0),
                          r.value("AutoRenew", false)};
}

SubscriptionState state_of(const nlohmann::json& r) {
  return subscription_state_from_name(r.value("SubscriptionState", "NotSet")).value_or(SubscriptionState::not_set);
}

void apply_next_invoice(nlohmann::json& r, const NextInvoice& next) {
  r["Occurrence"] = next.occurrence;
  r["Renewals"] = next.renewals;
  if (next.completed) {
    r["SubscriptionState"] = "Completed";
    r["NextProcessingDate"] = nullptr;
  } else {
    r["NextProcessingDate"] = on_day(r.value("Anchor", ""), next.date);
  }
}

void save_subscription(store::Transaction& tx, store::Document& doc) {
  const auto& r = doc.body;
  doc.key1 = r.value("MerchantProfileId", "");
  doc.key2.clear();
  if (can_invoice(state_of(r)) && r["NextProcessingDate"].is_string()) {
    std::string due = r["NextProcessingDate"].get<std::string>().substr(0, 10);
    const std::string retry = r.value("RetryDate", "");
    if (retry > due) due = retry;
    doc.key2 = due;
  }
  tx.put(doc);
}

nlohmann::ordered_json render_subscription(const nlohmann::json& r) {
  const std::string currency = r.value("CurrencyCode", "USD");
  const auto value = [&](const char* key) -> const nlohmann::json& {
    const auto it = r.find(key);
    return it == r.end() ? kNull : *it;
  };
  std::string end = value("EndDate").is_string() ? value("EndDate").get<std::string>() : "";
  const int renewals = r.value("Renewals", 0);
  if (!end.empty() && renewals > 0) {
    const auto plan = plan_of(r);
    end = on_day(end, term_end(plan.start, *plan.end, renewals));
  }
  const auto order_text = value("Order");
  ojson order = order_text.is_string() ? ojson::parse(order_text.get<std::string>(), nullptr, false) : ojson();
  if (order.is_discarded()) order = nullptr;
  return ojson{{"InvoiceCount", r.value("InvoiceCount", 0)},
               {"Amount", wire_number(r.value("Amount", "0"), currency)},
               {"TrialInvoiceCount", r.value("TrialInvoiceCount", 0)},
               {"Description", value("Description")},
               {"SubscriptionState", value("SubscriptionState")},
               {"MerchantSubscriptionId", value("MerchantSubscriptionId")},
               {"Scope", value("Scope")},
               {"StartDate", value("StartDate")},
               {"CreatedDate", value("CreatedDate")},
               {"EndDate", end.empty() ? ojson() : ojson(end)},
               {"LastUpdatedDate", value("LastUpdatedDate")},
               {"IntervalUnit", value("IntervalUnit")},
               {"ServiceKey", value("ServiceKey")},
               {"IntervalLength", value("IntervalLength")},
               {"MerchantProfileId", value("MerchantProfileId")},
               {"NextProcessingDate", value("NextProcessingDate")},
               {"SubscriptionReferenceId", value("SubscriptionReferenceId")},
               {"IntervalCount", value("IntervalCount")},
               {"ServiceId", value("ServiceId")},
               {"TotalTrialInvoices", value("TotalTrialInvoices")},
               {"ApplicationProfileId", value("ApplicationProfileId")},
               {"TrialAmount", wire_number(r.value("TrialAmount", "0"), currency)},
               {"Order", order},
               {"AutoRenew", value("AutoRenew")},
               {"CustomerReferenceId", value("CustomerReferenceId")},
               {"PaymentData", nullptr},
               {"EmployeeId", value("EmployeeId")}};
}

std::string wire_now(const app::Services& services) {
  std::string t = sim::format_iso8601(services.clock.now());
  if (!t.empty() && t.back() == 'Z') t.pop_back();
  return t;
}

std::string new_reference_id() {
  std::string id = store::random_hex(16);
  for (char& c : id) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return id;
}

}  // namespace payref::cms
