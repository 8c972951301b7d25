// Reading request fields of the financing family: JSON types checked, text through the sdk's
// validators, amounts through payref::parse_money. Every refusal is 409 wrong_inputs naming the
// field (its dotted path) and a stable reason, never a 500 (docs/financing.md "Errors").
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "fields/reader.hpp"
#include "payref/money.hpp"

namespace payref::financing {

// The one field reader (fields/reader.hpp) with financing's stopping policy (the first problem
// throws 409 wrong_inputs, field_errors[0] = {param: the path, msg: the reason, value}) and its
// coercions: a whole number from a JSON integer or a digit string (query parameters), an amount
// from a JSON number or decimal text.
class Fields : public fields::Reader {
 public:
  // `object` must outlive this; `prefix` names nested fields ("financing_option").
  explicit Fields(const nlohmann::json& object, std::string prefix = {});

  // A sub-object (absent → an empty one; not an object → wrong_inputs).
  Fields object(const std::string& key, bool required = false) const;

  // Printable ASCII of at most max characters (sdk validate_ascii).
  std::optional<std::string> text(const std::string& key, std::size_t max, bool required) const;
  // Digits only, 1..max_digits, from a JSON integer or a digit string (query parameters).
  std::optional<std::string> digits(const std::string& key, std::size_t max_digits, bool required) const;
  // A whole number in [min, max], from a JSON integer or a digit string.
  std::optional<long long> integer(const std::string& key, long long min, long long max, bool required) const;
  std::optional<bool> boolean(const std::string& key, bool required) const;
  // A CAD amount > 0 with at most two decimals, from a JSON number or decimal text.
  std::optional<Money> amount(const std::string& key, bool required) const;
  // One of `allowed`.
  std::optional<std::string> one_of(const std::string& key, std::initializer_list<const char*> allowed, bool required) const;

  std::string path(const std::string& key) const { return path_of(key); }

 private:
  explicit Fields(fields::Reader base) : fields::Reader(std::move(base)) {}
  // The value at `key`; nullptr when absent or an empty string (reported when `required`).
  const nlohmann::json* present(const std::string& key, bool required) const;
};

}  // namespace payref::financing
