// Reading the CMS request models (seed 002 data contracts): typed access to one JSON object that
// records every problem as a ValidationError (RuleKey = the field's path, RuleLocationKey = the
// sdk's reason) instead of stopping at the first, so one ErrorResponse lists them all. A wrong
// JSON type anywhere is a validation error, never an exception.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "cms/errors.hpp"
#include "fields/reader.hpp"
#include "payref/calendar.hpp"
#include "payref/money.hpp"

namespace payref::cms {

// A wire date-time normalised to UTC: "2017-03-27T00:00:00-06:00" → "2017-03-27T06:00:00";
// fractional seconds are kept to the millisecond, trailing zeros dropped
// ("10:52:34.5312022-06:00" → "16:52:34.531"). No offset (or "Z") means UTC.
struct WireDateTime {
  std::string text;   // the normalised form the responses show
  CalendarDate date;  // its UTC calendar day
};
std::optional<WireDateTime> parse_wire_datetime(std::string_view text);
// The same time of day on another calendar day ("2017-03-30T06:00:00" on 2017-04-30).
std::string on_day(const std::string& wire_text, CalendarDate day);

// A CMS reader: the one field reader (fields/reader.hpp) with the collecting policy (every problem
// becomes a ValidationError in `errors`, RuleKey = the path, message "Property '<path>' ...") and
// CMS's strict JSON kinds: a string is a JSON string, a number a JSON number.
class Reader : public fields::Reader {
 public:
  Reader(const nlohmann::json& object, std::string path, std::vector<ValidationError>& errors);

  void error(const std::string& key, std::string reason, std::string message) const { report(key, std::move(reason), std::move(message)); }

  // A JSON string of 1..max_length bytes (required: missing or null is an error).
  std::optional<std::string> text(const std::string& key, std::size_t max_length, bool required) const;
  // One of `allowed` exactly.
  std::optional<std::string> one_of(const std::string& key, const std::vector<std::string>& allowed, bool required) const;
  // A JSON integer in [min, max].
  std::optional<int> integer(const std::string& key, int min, int max, bool required) const;
  std::optional<bool> boolean(const std::string& key, bool required) const;
  // A JSON number read strictly as money in `currency` (sdk parse_money on its literal text).
  std::optional<Money> amount(const std::string& key, const std::string& currency, bool required, bool allow_zero) const;
  // A JSON number >= 0 (rates), returned as given.
  std::optional<double> non_negative_number(const std::string& key, bool required) const;
  std::optional<WireDateTime> datetime(const std::string& key, bool required) const;
  std::optional<Reader> object(const std::string& key, bool required) const;
  // A JSON array of objects (null/missing: nullopt without error unless required).
  std::optional<std::vector<Reader>> objects(const std::string& key, std::size_t max_items) const;

 private:
  Reader(fields::Reader base) : fields::Reader(std::move(base)) {}
};

// Money as the wire shows it: a JSON number (5.0, 0.89), exact for every amount the sdk accepts.
double wire_number(const Money& money);
double wire_number(const std::string& decimal_text, const std::string& currency);

}  // namespace payref::cms
