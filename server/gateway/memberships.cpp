#include "gateway/memberships.hpp"

#include "gateway/catalogue.hpp"
#include "gateway/checkout.hpp"
#include "gateway/discounts.hpp"
#include "gateway/fields.hpp"
#include "gateway/ids.hpp"
#include "gateway/payments.hpp"
#include "payref/fields.hpp"
#include "payref/schedule.hpp"
#include "sim/due_runner.hpp"

namespace payref::gateway {

namespace {

bool gives_benefits(const std::string& status) { return status == "Active" || status == "PendingCancellation"; }

// key2 is the date the scheduler must act on: the renewal, or the end of a pending cancellation.
void save(store::Transaction& tx, store::Document& doc) {
  doc.key2 = gives_benefits(doc.body.value("Status", "")) ? doc.body.value("NextRenewalDate", "") : std::string();
  tx.put(doc);
}

nlohmann::json public_view(const nlohmann::json& m) {
  nlohmann::json out = nlohmann::json::object();
  for (const char* key : {"MembershipId", "Email", "Sku", "Name", "Association", "ProductType", "Status", "JoinDate", "NextRenewalDate",
                          "EndDate", "MonthlyFee", "CurrencyCode", "CustomerProfileId", "PaymentProfileId", "RenewalsMade",
                          "LastTransactionId", "LastResponseCode"})
    out[key] = m.value(key, nlohmann::json());
  return out;
}

std::vector<store::Document> memberships_of(Call& call, const std::string& email) {
  return call.tx.find(kMemberships, call.client_id, store::Key::key1, email_key(email));
}

std::string checked_email(const std::string& text, const std::string& path) {
  const auto v = validate_email(text);
  if (!v.is_valid) fail(v.to_status(path), path);
  return text;
}

void schedule_renewal(nlohmann::json& m, int n) {
  m["Occurrence"] = n;
  m["NextRenewalDate"] = to_iso_string(nth_occurrence(*parse_iso_date(m.value("JoinDate", "")), Frequency::monthly, n));
}

}  // namespace

bool is_member(Call& call, const std::string& email) {
  for (const auto& m : memberships_of(call, email))
    if (gives_benefits(m.body.value("Status", ""))) return true;
  return false;
}

nlohmann::json start_membership(Call& call, const std::string& email, const nlohmann::json& package, const std::string& customer_id,
                                const std::string& profile_id, const std::string& transaction_id) {
  const std::string sku = package.value("Sku", "");
  for (const auto& m : memberships_of(call, email))
    if (m.body.value("Sku", "") == sku && gives_benefits(m.body.value("Status", "")))
      fail(code::duplicate, "Request.Sku: " + email + " is already a member of " + package.value("Association", sku));
  const std::string id = next_id(call.tx, IdKind::membership);
  nlohmann::json m = {{"MembershipId", id},
                      {"Email", email},
                      {"Sku", sku},
                      {"Name", package["Name"]},
                      {"Association", package["Association"]},
                      {"ProductType", package["ProductType"]},
                      {"Status", "Active"},
                      {"JoinDate", to_iso_string(call.services.clock.today())},
                      {"EndDate", nullptr},
                      {"MonthlyFee", package["Price"]},
                      {"CurrencyCode", package.value("CurrencyCode", "USD")},
                      {"CustomerProfileId", customer_id},
                      {"PaymentProfileId", profile_id},
                      {"RenewalsMade", 0},
                      {"LastTransactionId", transaction_id.empty() ? nlohmann::json() : nlohmann::json(transaction_id)},
                      {"LastResponseCode", transaction_id.empty() ? nlohmann::json() : nlohmann::json(code::ok)}};
  schedule_renewal(m, 1);
  store::Document doc{kMemberships, id, call.client_id, email_key(email), "", m, {}};
  save(call.tx, doc);
  return public_view(m);
}

Reply list_memberships(Call& call) {
  const std::string email = checked_email(call.path_param, "email");
  nlohmann::json list = nlohmann::json::array();
  bool member = false;
  for (const auto& m : memberships_of(call, email)) {
    list.push_back(public_view(m.body));
    member = member || gives_benefits(m.body.value("Status", ""));
  }
  return success("OK", {{"Email", email}, {"IsMember", member ? "True" : "False"}, {"Memberships", list}});
}

Reply join_membership(Call& call) {
  const Fields request = request_fields(call.body);
  const std::string email = request.email("Email");
  const std::string sku = request.text("Sku", 32);
  const Catalogue catalogue = Catalogue::load(call.tx);
  const nlohmann::json* package = catalogue.find_sku(sku);
  if (!package || package->value("PackageType", "") != "Membership")
    fail(code::not_found, "Request.Sku: no membership " + sku + " in the catalogue");
  for (const auto& m : memberships_of(call, email))
    if (m.body.value("Sku", "") == sku && gives_benefits(m.body.value("Status", "")))
      fail(code::duplicate, "Request.Sku: " + email + " is already a member of " + package->value("Association", sku));
  const std::string reference = unique_reference(call, request);
  const Money fee = price_tag(*package).list;
  auto discount = discount_for_order(call, {OrderLine{sku, package->value("ProductType", ""), "Membership", fee}});
  const Money due = discount ? *subtract(fee, discount->amount) : fee;
  const Paid paid = pay_order(call, request, due, OrderPayment{email, reference, "Membership: " + package->value("Name", sku),
                                                                  {{"MembershipSku", sku}}, true});
  const std::string transaction_id = paid.transaction ? paid.transaction->id : std::string();
  if (!paid.approved)
    return payment_outcome_reply(*paid.transaction, "", {{"TransactionId", transaction_id}, {"Status", paid.transaction->body["Status"]}});
  if (discount) count_discount_use(call, *discount);
  nlohmann::json view = start_membership(call, email, *package, paid.customer_id, paid.profile_id, transaction_id);
  view["AmountCharged"] = due.to_decimal_string();
  view["DiscountAmount"] = discount ? nlohmann::json(discount->amount.to_decimal_string()) : nlohmann::json();
  return success("Membership started.", view);
}

Reply cancel_membership(Call& call) {
  const Fields request = request_fields(call.body);
  const std::string email = request.email("Email");
  const auto id = request.optional_text("MembershipId", 9);
  const auto sku = request.optional_text("Sku", 32);
  if (!id && !sku) fail(code::validation, "Request: MembershipId or Sku is required");
  for (auto& doc : memberships_of(call, email)) {
    if (id ? doc.id != *id : doc.body.value("Sku", "") != *sku || !gives_benefits(doc.body.value("Status", ""))) continue;
    const std::string status = doc.body.value("Status", "");
    if (status != "Active") fail(code::invalid_state, "Only an active membership can be cancelled; this one is " + status + ".");
    // The seed: terminated on the monthly anniversary of the renewal date, i.e. the next renewal.
    doc.body["Status"] = "PendingCancellation";
    doc.body["EndDate"] = doc.body["NextRenewalDate"];
    save(call.tx, doc);
    return success("Membership cancelled; it ends on " + doc.body.value("EndDate", "") + ".", public_view(doc.body));
  }
  fail(code::not_found, id ? "Request.MembershipId: no membership " + *id + " of " + email
                           : "Request.Sku: " + email + " holds no current membership " + *sku);
}

std::size_t run_due_memberships(const Services& services, nlohmann::json& ran, std::size_t max_listed) {
  static const nlohmann::json kNoBody = nlohmann::json::object();
  return sim::run_due_batches(services.store, services.clock, kMemberships, 500, ran, max_listed,
                              [&](store::Transaction& tx, store::Document& doc) -> std::optional<nlohmann::json> {
    auto& m = doc.body;
    const std::string due_date = m.value("NextRenewalDate", "");
    nlohmann::json entry = {{"type", "membership"}, {"MembershipId", doc.id}, {"DueDate", due_date}};
    if (m.value("Status", "") == "PendingCancellation") {
      m["Status"] = "Cancelled";
      m["NextRenewalDate"] = nullptr;
      entry["Status"] = "Cancelled";
    } else {
      Call call{services, tx, kNoBody, doc.owner, {}};
      const int occurrence = m.value("Occurrence", 1);
      try {
        const auto fee = parse_money(m.value("MonthlyFee", ""), m.value("CurrencyCode", "USD"));
        const auto t = charge_stored_profile(
            call, m.value("CustomerProfileId", ""), m.value("PaymentProfileId", ""),
            ChargeDetails{*fee, m.value("Email", ""), "MB" + doc.id + "-" + std::to_string(occurrence),
                          "Membership renewal: " + m.value("Name", ""), {{"MembershipId", doc.id}}});
        m["LastTransactionId"] = t.id;
        m["LastResponseCode"] = t.body["ResponseCode"];
        entry["TransactionId"] = t.id;
        entry["Code"] = t.body["ResponseCode"];
        if (is_approved(t)) {
          m["RenewalsMade"] = m.value("RenewalsMade", 0) + 1;
          schedule_renewal(m, occurrence + 1);
          entry["Status"] = "Renewed";
        } else if (t.body.value("ResponseCode", "") == code::processor_error) {
          // An outage is not a decline: the renewal is tried again the next day.
          m["NextRenewalDate"] = to_iso_string(add_days(services.clock.today(), 1));
          entry["Status"] = "RetryTomorrow";
        } else {
          m["Status"] = "Lapsed";
          m["EndDate"] = due_date;
          m["NextRenewalDate"] = nullptr;
          entry["Status"] = "Lapsed";
        }
      } catch (const GatewayError& e) {
        // The payment profile is gone: the membership cannot renew.
        m["Status"] = "Lapsed";
        m["EndDate"] = due_date;
        m["NextRenewalDate"] = nullptr;
        m["LastResponseCode"] = e.code;
        entry["Code"] = e.code;
        entry["Status"] = "Lapsed: " + e.description;
      }
    }
    save(tx, doc);
    return entry;
  });
}

}  // namespace payref::gateway
