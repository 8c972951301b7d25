#include "gateway/customers.hpp"

#include "gateway/auth.hpp"
#include "gateway/ids.hpp"
#include "http/redact.hpp"
#include "payref/card.hpp"
#include "payref/fields.hpp"

namespace payref::gateway {

namespace {

std::string now_text(const Call& call) { return sim::format_wire_datetime(call.services.clock.now()); }

// The sealed number is bound to its owner, so a record copied across merchants does not open.
std::string seal_context(const Call& call, const std::string& profile_id) { return call.client_id + "/" + profile_id; }

// Card or BankAccount of a new profile → its stored form.
nlohmann::json read_payment_method(const Call& call, const Fields& request, const std::string& profile_id) {
  const auto card = request.optional_object("Card");
  const auto bank = request.optional_object("BankAccount");
  if (card.has_value() == bank.has_value())
    fail(code::validation, "Request: exactly one of Card and BankAccount is required");
  nlohmann::json stored = nlohmann::json::object();
  if (card) {
    const CardInput in = read_card(*card, call.services.clock.today());
    stored["PaymentType"] = "Card";
    stored["Card"] = {{"CardType", gateway_card_type(*in.brand)},
                      {"MaskedCardNumber", mask_card_number(in.number)},
                      {"LastFour", in.number.substr(in.number.size() - 4)},
                      {"ExpiryDate", in.expiry_text},
                      {"Sealed", call.services.vault.seal(in.number, seal_context(call, profile_id))},
                      {"Fingerprint", store::keyed_hash(call.services.hash_key, "card:" + call.client_id + ":" + in.number)}};
  } else {
    const BankInput in = read_bank_account(*bank);
    stored["PaymentType"] = "BankAccount";
    stored["BankAccount"] = {{"RoutingNumber", in.routing_number},
                             {"MaskedAccountNumber", http::mask_account_number(in.account_number)},
                             {"AccountHolderName", in.account_holder_name},
                             {"Sealed", call.services.vault.seal(in.account_number, seal_context(call, profile_id))}};
  }
  return stored;
}

// What a caller may see of a stored profile: no sealed data, no fingerprint.
nlohmann::json public_view(const nlohmann::json& profile, bool full) {
  nlohmann::json out = {{"PaymentProfileId", profile["PaymentProfileId"]},
                        {"CustomerProfileId", profile["CustomerProfileId"]},
                        {"PaymentType", profile["PaymentType"]},
                        {"IsDefault", profile.value("IsDefault", false) ? "True" : "False"}};
  if (profile.contains("Card")) {
    const auto& c = profile["Card"];
    out["Card"] = {{"CardType", c["CardType"]}, {"MaskedCardNumber", c["MaskedCardNumber"]}, {"ExpiryDate", c["ExpiryDate"]}};
  }
  if (profile.contains("BankAccount")) {
    const auto& b = profile["BankAccount"];
    out["BankAccount"] = {{"RoutingNumber", b["RoutingNumber"]}, {"MaskedAccountNumber", b["MaskedAccountNumber"]},
                          {"AccountHolderName", b["AccountHolderName"]}};
  }
  if (full) {
    for (const char* key : {"Name", "BillingAddress", "Authorizer", "RegistrationDateTime", "UpdateDateTime"})
      out[key] = profile.value(key, nlohmann::json());
  }
  return out;
}

store::Document find_customer(const Call& call, const Fields& request) {
  const auto id = request.optional_text("CustomerProfileId", 9).has_value() ? request.optional_text("CustomerProfileId", 9)
                                                                             : request.optional_text("CustomerId", 9);
  if (id) {
    auto doc = call.tx.get(kCustomers, call.client_id, *id);
    if (!doc) fail(code::not_found, request.path() + ": no customer " + *id);
    return *doc;
  }
  const auto email = request.optional_text("Email", 256);
  if (!email) fail(code::validation, request.path() + ": CustomerProfileId or Email is required");
  auto found = call.tx.find(kCustomers, call.client_id, store::Key::key1, email_key(*email), 1);
  if (found.empty()) fail(code::not_found, request.path() + ".Email: no customer with this e-mail address");
  return found.front();
}

std::vector<store::Document> profiles_of(const Call& call, const std::string& customer_id) {
  return call.tx.find(kProfiles, call.client_id, store::Key::key1, customer_id);
}

store::Document find_profile(const Call& call, const std::string& customer_id, const std::string& profile_id) {
  auto doc = call.tx.get(kProfiles, call.client_id, profile_id);
  if (!doc || doc->body.value("CustomerProfileId", "") != customer_id)
    fail(code::not_found, "Request.PaymentProfileId: no payment profile " + profile_id + " for customer " + customer_id);
  return *doc;
}

void set_default(Call& call, store::Document& customer, const std::string& profile_id) {
  for (auto& p : profiles_of(call, customer.id)) {
    const bool is_default = p.id == profile_id;
    if (p.body.value("IsDefault", false) != is_default) {
      p.body["IsDefault"] = is_default;
      call.tx.put(p);
    }
  }
  customer.body["DefaultPaymentProfileId"] = profile_id.empty() ? nlohmann::json() : nlohmann::json(profile_id);
  call.tx.put(customer);
}

// Card/BankAccount, Name, BillingAddress, Authorizer of a new profile, stored under a new id.
store::Document create_profile(Call& call, const Fields& request, const std::string& customer_id) {
  const std::string profile_id = next_id(call.tx, IdKind::payment_profile);
  nlohmann::json body = read_payment_method(call, request, profile_id);
  body["PaymentProfileId"] = profile_id;
  body["CustomerProfileId"] = customer_id;
  body["Name"] = read_name(request.object("Name"));
  body["BillingAddress"] = read_address(request.object("BillingAddress"));
  body["Authorizer"] = request.optional_text("Authorizer").value_or("");
  const auto registered = request.optional_datetime("RegistrationDateTime");
  body["RegistrationDateTime"] = registered ? sim::format_wire_datetime(*registered) : now_text(call);
  body["UpdateDateTime"] = nullptr;
  body["IsDefault"] = false;
  store::Document doc{kProfiles, profile_id, call.client_id, customer_id, "", body, {}};
  call.tx.put(doc);
  return doc;
}

Reply ids(const std::string& description, const nlohmann::json& customer_id, const std::string& profile_id) {
  return success(description, {{"CustomerProfileId", customer_id}, {"PaymentProfileId", profile_id}});
}

}  // namespace

ProfileIds save_payment_profile(Call& call, const std::string& email, const Fields& profile) {
  auto found = call.tx.find(kCustomers, call.client_id, store::Key::key1, email_key(email), 1);
  if (found.empty()) {
    const std::string customer_id = next_id(call.tx, IdKind::customer);
    found.push_back(store::Document{kCustomers, customer_id, call.client_id, email_key(email), "",
                                    {{"CustomerProfileId", customer_id}, {"Email", email}, {"CreatedAt", now_text(call)}}, {}});
    call.tx.put(found.front());
  }
  auto& customer = found.front();
  const auto created = create_profile(call, profile, customer.id);
  if (!customer.body["DefaultPaymentProfileId"].is_string()) set_default(call, customer, created.id);
  return {customer.id, created.id};
}

Reply register_customer(Call& call) {
  const Fields request = request_fields(call.body);
  const std::string email = request.email("Email");
  if (!call.tx.find(kCustomers, call.client_id, store::Key::key1, email_key(email), 1).empty())
    fail(code::duplicate, "Request.Email: a customer with this e-mail address already exists");
  const std::string customer_id = next_id(call.tx, IdKind::customer);
  store::Document customer{kCustomers, customer_id, call.client_id, email_key(email), "",
                           {{"CustomerProfileId", customer_id}, {"Email", email}, {"CreatedAt", now_text(call)}}, {}};
  call.tx.put(customer);
  auto profile = create_profile(call, request, customer_id);
  set_default(call, customer, profile.id);  // a customer's first profile is its default
  return ids("Customer and payment profile registered.", customer_id, profile.id);
}

Reply register_payment_profile(Call& call) {
  const Fields request = request_fields(call.body);
  auto customer = find_customer(call, request);
  const bool had_profiles = !profiles_of(call, customer.id).empty();
  auto profile = create_profile(call, request, customer.id);
  if (!had_profiles || request.flag("DefaultPayment", false)) set_default(call, customer, profile.id);
  // The seed: CustomerProfileId is null when only a payment profile was registered.
  return ids("Payment profile registered.", nullptr, profile.id);
}

Reply update_payment_profile(Call& call) {
  const Fields request = request_fields(call.body);
  auto customer = find_customer(call, request);
  auto profile = find_profile(call, customer.id, request.text("PaymentProfileId", 9));
  const Fields updates = request.object("Updates");
  if (updates.optional_object("Name") || updates.has("CardNumber"))
    fail(code::validation, "Request.Updates: the card number and the cardholder name cannot be changed");
  if (const auto card = updates.optional_object("Card")) {
    if (card->has("CardNumber")) fail(code::validation, "Request.Updates.Card.CardNumber: the card number cannot be changed");
    if (profile.body["PaymentType"] != "Card") fail(code::validation, "Request.Updates.Card: the profile is a bank account");
    if (card->has("ExpiryDate")) profile.body["Card"]["ExpiryDate"] = read_expiry(*card, call.services.clock.today());
    if (card->has("CVV")) {
      const CardBrand* brand = nullptr;
      for (const auto& b : card_brands())
        if (gateway_card_type(b) == profile.body["Card"].value("CardType", "")) brand = &b;
      const auto v = validate_cvv(card->text("CVV", 4), brand);
      if (!v.is_valid) fail(v.to_status(card->path_of("CVV")), card->path_of("CVV"));  // checked, never stored
    }
  }
  if (const auto address = updates.optional_object("BillingAddress")) {
    if (address->has("Country") || address->has("CountryName") || address->has("Country2AlphaCode") ||
        address->has("Country3AlphaCode") || address->has("CountryNumericCode"))
      fail(code::validation, "Request.Updates.BillingAddress.Country: the billing country cannot be changed");
    auto& stored = profile.body["BillingAddress"];
    for (const char* part : {"HouseNumber", "ApartmentNumber", "Street", "Street2", "City", "County", "State"})
      if (address->has(part)) stored[part] = address->optional_text(part).value_or("");
    if (address->has("Zip")) {
      const std::string zip = address->text("Zip", 10);
      const std::string country = stored.value("Country2AlphaCode", "");
      const auto v = validate_postal_code(zip, country);
      if (!v.is_valid) fail(v.to_status(address->path_of("Zip")), address->path_of("Zip"));
      stored["Zip"] = normalize_postal_code(zip, country).value_or(zip);
    }
  }
  if (request.has("Authorizer")) profile.body["Authorizer"] = request.optional_text("Authorizer").value_or("");
  const auto updated = request.optional_datetime("UpdateDateTime");
  profile.body["UpdateDateTime"] = updated ? sim::format_wire_datetime(*updated) : now_text(call);
  call.tx.put(profile);
  if (updates.flag("MakeDefault", false)) set_default(call, customer, profile.id);
  return ids("Payment profile updated.", customer.id, profile.id);
}

Reply remove_payment_profile(Call& call) {
  const Fields request = request_fields(call.body);
  auto customer = find_customer(call, request);
  const auto profile = find_profile(call, customer.id, request.text("PaymentProfileId", 9));
  (void)request.optional_datetime("RemovalDateTime");  // validated when given; the audit time is the server's
  call.tx.remove(kProfiles, profile.id);
  if (profile.body.value("IsDefault", false)) {
    // The oldest remaining profile becomes the default, so one exists while any profile does.
    const auto rest = profiles_of(call, customer.id);
    set_default(call, customer, rest.empty() ? std::string() : rest.front().id);
  }
  return ids("Payment profile removed.", customer.id, profile.id);
}

Reply list_profiles(Call& call) {
  const auto customer = find_customer(call, request_fields(call.body));
  nlohmann::json list = nlohmann::json::array();
  for (const auto& p : profiles_of(call, customer.id)) list.push_back(public_view(p.body, false));
  return success("OK", {{"CustomerProfileId", customer.id}, {"PaymentProfiles", list}});
}

Reply list_profiles_full(Call& call) {
  const auto customer = find_customer(call, request_fields(call.body));
  nlohmann::json list = nlohmann::json::array();
  for (const auto& p : profiles_of(call, customer.id)) list.push_back(public_view(p.body, true));
  return success("OK", {{"CustomerProfileId", customer.id}, {"Email", customer.body["Email"]}, {"PaymentProfiles", list}});
}

Reply get_profile(Call& call) {
  const Fields request = request_fields(call.body);
  const auto customer = find_customer(call, request);
  const auto profile = find_profile(call, customer.id, request.text("PaymentProfileId", 9));
  return ids("OK", customer.id, profile.id);
}

Reply get_customer(Call& call) {
  const auto customer = find_customer(call, request_fields(call.body));
  nlohmann::json ids_list = nlohmann::json::array();
  for (const auto& p : profiles_of(call, customer.id)) ids_list.push_back(p.id);
  return success("OK", {{"CustomerProfileId", customer.id},
                        {"Email", customer.body["Email"]},
                        {"DefaultPaymentProfileId", customer.body.value("DefaultPaymentProfileId", nlohmann::json())},
                        {"PaymentProfileIds", ids_list},
                        {"CreatedAt", customer.body["CreatedAt"]}});
}

Reply get_default_profile(Call& call) {
  const auto customer = find_customer(call, request_fields(call.body));
  const auto id = customer.body.value("DefaultPaymentProfileId", nlohmann::json());
  if (!id.is_string()) fail(code::not_found, "Request: the customer has no payment profile");
  return ids("OK", customer.id, id.get<std::string>());
}

StoredPaymentMethod load_payment_method(Call& call, const std::string& customer_id, const std::string& profile_id) {
  if (!call.tx.get(kCustomers, call.client_id, customer_id)) fail(code::not_found, "Request.CustomerProfileId: no customer " + customer_id);
  StoredPaymentMethod out{find_profile(call, customer_id, profile_id), {}, {}};
  const auto& body = out.profile.body;
  const bool card = body.value("PaymentType", "") == "Card";
  const auto opened = call.services.vault.open(body[card ? "Card" : "BankAccount"].value("Sealed", ""), seal_context(call, profile_id));
  if (!opened) throw std::runtime_error("stored payment data of profile " + profile_id + " does not decrypt");
  (card ? out.card_number : out.account_number) = *opened;
  return out;
}

}  // namespace payref::gateway
