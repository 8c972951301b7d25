// Paying for an order: Request.PaymentMethod of purchase, memberships/join and bundle upgrades
// (api-notes "Endpoint inventory", purchase): PaymentType 1 card (CardPayment{Card, CaptureMethod,
// BillingAddress, SaveToFile}), 2 bank account (BankRequest{RoutingNumber, BankAccountNumber,
// AccountHolderName, BillingAddress, SaveToFile}), 3 stored profile (StoredProfile{CustomerProfileId,
// PaymentProfileId}); plus Name, CurrencyCode and Authorizer.
#pragma once

#include <optional>

#include "gateway/context.hpp"
#include "gateway/fields.hpp"
#include "payref/money.hpp"

namespace payref::gateway {

struct OrderPayment {
  std::string email, reference, description;
  nlohmann::json extras = nlohmann::json::object();  // recorded on the transaction (PurchaseId, ...)
  // Renewals charge a stored profile, so an order with a membership keeps its card or account on
  // file as if SaveToFile were "True".
  bool keep_on_file = false;
};

struct Paid {
  std::optional<store::Document> transaction;  // none when nothing was due (a zero total)
  bool approved = true;
  std::string customer_id, profile_id;  // the stored profile used or saved; empty otherwise
};

// Checks the payment method (also when nothing is due), then charges `amount` (nothing when it is
// zero). A decline is recorded and returned, not thrown: the caller answers with its code.
Paid pay_order(Call& call, const Fields& request, const Money& amount, const OrderPayment& order);

}  // namespace payref::gateway
