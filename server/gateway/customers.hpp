// Customers and payment profiles (seed 000 "Customers"): a customer has payment profiles (a card or
// a bank account), exactly one of which is the default while any exist. Card numbers are sealed
// (AES-256-GCM) and only masked forms ever leave the server; the CVV is checked and dropped.
#pragma once

#include <optional>

#include "gateway/context.hpp"
#include "gateway/fields.hpp"
#include "gateway/wire.hpp"

namespace payref::gateway {

inline constexpr const char* kCustomers = "customer";
inline constexpr const char* kProfiles = "profile";

Reply register_customer(Call& call);        // POST customer/register
Reply register_payment_profile(Call& call); // POST customer/payments/register
Reply update_payment_profile(Call& call);   // POST customer/payments/update
Reply remove_payment_profile(Call& call);   // POST customer/payments/remove
Reply list_profiles(Call& call);            // GET/POST customer/profiles
Reply list_profiles_full(Call& call);       // GET/POST customer/profiles/full
Reply get_profile(Call& call);              // GET customer/profile
Reply get_customer(Call& call);             // GET customer
Reply get_default_profile(Call& call);      // GET customer/profiles/default

// For the payment services: a stored profile of this client, with its card number opened.
struct StoredPaymentMethod {
  store::Document profile;
  std::string card_number;     // digits, when PaymentType is Card
  std::string account_number;  // when PaymentType is BankAccount
};
StoredPaymentMethod load_payment_method(Call& call, const std::string& customer_id, const std::string& profile_id);

// Saves Card or BankAccount (with Name, BillingAddress, Authorizer) as a new payment profile of the
// customer with this e-mail address, registering the customer first when there is none: a
// purchase's SaveToFile, and the card a membership renews on. The first profile is the default.
struct ProfileIds {
  std::string customer_id, profile_id;
};
ProfileIds save_payment_profile(Call& call, const std::string& email, const Fields& profile);

}  // namespace payref::gateway
