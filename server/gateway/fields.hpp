// Reading the gateway's request models. Every check calls the sdk validator for that field (one
// rule, one place); a failure stops the request with Message.Code 05 naming the field's path
// ("Request.Card.CardNumber") and the sdk's reason. Scalars are strings on this wire; a JSON
// number or boolean where a string is expected is taken as its text, as ASP.NET's binder does.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "fields/reader.hpp"
#include "payref/calendar.hpp"
#include "payref/card.hpp"
#include "payref/money.hpp"
#include "sim/clock.hpp"

namespace payref::gateway {

class Fields;

// The envelope's Request object; HTTP 400 (model binding, as ASP.NET answers) when it is missing
// or not an object.
Fields request_fields(const nlohmann::json& body);
// The lookup key of an e-mail address: addresses compare case-insensitively.
std::string email_key(std::string email);

// The one field reader (fields/reader.hpp) with the gateway's stopping policy (the first problem
// answers Message.Code 05 "<path>: <what>") and ASP.NET's coercions: a number or a boolean where a
// string is expected is taken as its text; "True"/"False" in any case are flags.
class Fields : public fields::Reader {
 public:
  Fields(const nlohmann::json& object, std::string path);

  // Printable ASCII of at most max_length characters (the seeds' "ASCII string (N)").
  std::string text(const std::string& key, std::size_t max_length = 100) const;
  std::optional<std::string> optional_text(const std::string& key, std::size_t max_length = 100) const;
  // "True"/"False" in any case, or a JSON boolean.
  bool flag(const std::string& key, bool fallback) const;
  // A whole number in [min, max], given as text or a JSON integer.
  int integer(const std::string& key, int fallback, int min, int max) const;
  Fields object(const std::string& key) const;  // required nested object
  std::optional<Fields> optional_object(const std::string& key) const;

  std::string email(const std::string& key) const;
  // Decimal text in the currency (strict: sdk parse_money), positive.
  Money amount(const std::string& key, const std::string& currency) const;
  std::string currency(const std::string& key) const;
  sim::TimePoint datetime(const std::string& key) const;  // "YYYY-MM-DD HH:MM:SS" UTC
  std::optional<sim::TimePoint> optional_datetime(const std::string& key) const;

 private:
  explicit Fields(fields::Reader base) : fields::Reader(std::move(base)) {}
};

struct CardInput {
  std::string number;  // digits only
  const CardBrand* brand = nullptr;
  int expiry_month = 0;
  int expiry_year = 0;
  std::string expiry_text;  // "MM/YY" as stored and echoed
};

// Card{CardNumber, ExpiryDate ("MM/YY"), CVV}: number, expiry (not expired on `today`) and CVV for
// the brand. The CVV is checked and then dropped: it is never returned or stored.
CardInput read_card(const Fields& card, CalendarDate today);
// ExpiryDate and CVV alone (payment-profile updates), for a known brand.
std::string read_expiry(const Fields& card, CalendarDate today);

// The gateway's spelling of a brand ("MasterCard", as in the seed's transaction list); otherwise
// the sdk brand table's display name.
std::string gateway_card_type(const CardBrand& brand);

struct BankInput {
  std::string routing_number, account_number, account_holder_name;
};
BankInput read_bank_account(const Fields& bank);

// Name{FirstName, LastName, CompanyName, MiddleName} as stored and echoed.
nlohmann::json read_name(const Fields& name);
// BillingAddress: the parts given, Country normalised to alpha-3 with CountryName and the other
// code forms filled in from ISO-3166, Zip checked for the country.
nlohmann::json read_address(const Fields& address);

}  // namespace payref::gateway
