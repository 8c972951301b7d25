// The Subscription model (seed 002 data contracts): reading a create/update request into the
// stored record, and rendering the stored record as SubscriptionDetail in the seed's field order.
// Stored dates are the normalised wire text (UTC, no offset); amounts are decimal text; the card
// number is sealed with the vault (the CVV is never taken; PaymentData is never returned).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "cms/sign_on.hpp"
#include "app/services.hpp"
#include "payref/subscription.hpp"

namespace payref::cms {

inline constexpr const char* kSubscriptions = "cms_subscription";
inline constexpr const char* kInvoices = "cms_invoice";

// The request envelope of create and update: {Subscription, MerchantProfileId, Scope, ServiceId,
// ApplicationProfileId}. Checks every field (all problems reported at once) and the merchant's
// own ids, and returns the stored fields of the subscription (no counters, state or schedule).
// `payment_required`: create needs PaymentData; update keeps the stored card when it is absent.
nlohmann::json read_subscription_request(const app::Services& services, const Merchant& merchant, const nlohmann::json& body,
                                         bool payment_required, const std::string& owner);

// MerchantProfileId of a request body or query (`value`: the raw JSON, `key`: its name on the
// wire): required, and this merchant's (Fault::validation otherwise).
void check_merchant_profile(const Merchant& merchant, const nlohmann::json* value, const std::string& key);

// The schedule fields of a stored record.
SubscriptionPlan plan_of(const nlohmann::json& stored);
SubscriptionState state_of(const nlohmann::json& stored);
// Moves the record to where the schedule goes next (after an invoice, or on resuming): the
// occurrence and renewals, and the next processing date, or Completed with none.
void apply_next_invoice(nlohmann::json& stored, const NextInvoice& next);

// Saves the record; key1 = MerchantProfileId (the query's scope), key2 = the date the clock must
// invoice it (while Pending or Active), so store::find_due finds it.
void save_subscription(store::Transaction& tx, store::Document& doc);

// SubscriptionDetail as the seed's GetSubscription shows it (PaymentData always null).
nlohmann::ordered_json render_subscription(const nlohmann::json& stored);

// "2026-01-31T10:00:00": the server's clock in the wire's form.
std::string wire_now(const app::Services& services);
// A new 32-character upper-case hex id (SubscriptionReferenceId, InvoiceReferenceId, ...).
std::string new_reference_id();

}  // namespace payref::cms
