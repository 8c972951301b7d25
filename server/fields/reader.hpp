// The one field reader (docs/architecture.md "The pipeline"): typed access to one JSON object of
// a request document, with the family's error policy as a parameter. Every family's reader
// (gateway/fields, billing/customer, cms/reader, financing/fields) is this reader plus the family's
// coercions: how its wire writes a string, a number, a flag, an amount, and the words of its errors.
//
// What is shared here: finding a field (a null value is an absent one), naming it by its dotted
// path ("Request.Card.CardNumber", "financing_option.term"), nesting, the two problems every reader
// finds itself (a required field that is absent, a value of the wrong JSON kind), and what happens
// to a problem: the policy either stops the request at the first one (it throws the family's error)
// or collects them all so that one answer lists every bad field.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace payref::fields {

// One problem with one field.
struct Problem {
  std::string path;     // the field's dotted path
  std::string reason;   // a stable reason ("field.required", "must_be_a_string", an sdk reason)
  std::string message;  // for the developer, without the path ("is required.")
  nlohmann::json value; // the value sent, when the family echoes it (null otherwise)
};

// The JSON kinds a reader can ask for, for the wrong-kind problem's words.
enum class Kind { string, number, whole_number, boolean, object, array, date_time };

struct Policy {
  // The error policy: a stopping policy's report throws the family's error and never returns; a
  // collecting one records the problem and the reader goes on (its getters answer nullopt).
  std::function<void(const Problem&)> report;
  // The family's words for the problems the reader finds itself.
  std::function<Problem(const std::string& path)> required;
  std::function<Problem(const std::string& path, Kind expected, const nlohmann::json& value)> wrong_kind;
};

class Reader {
 public:
  Reader(const nlohmann::json& object, std::string path, std::shared_ptr<const Policy> policy)
      : object_(&object), path_(std::move(path)), policy_(std::move(policy)) {}

  const std::string& path() const { return path_; }
  std::string path_of(const std::string& key) const { return path_.empty() ? key : path_ + "." + key; }
  // The value at `key`; nullptr when absent or null (and when this is not an object).
  const nlohmann::json* find(const std::string& key) const;
  bool has(const std::string& key) const { return find(key) != nullptr; }

  // A problem with the field `key` (by the policy: thrown, or recorded).
  void report(const std::string& key, std::string reason, std::string message, nlohmann::json value = nullptr) const;
  void report_required(const std::string& key) const;
  void report_wrong_kind(const std::string& key, Kind expected, const nlohmann::json& value) const;

  // The value at `key`, or nullptr: absent (reported when `required`).
  const nlohmann::json* field(const std::string& key, bool required) const;
  // The same, and nullptr (reported) when it is not of the JSON kind `is_kind` tests.
  const nlohmann::json* typed(const std::string& key, bool required, bool (nlohmann::json::*is_kind)() const noexcept,
                              Kind expected) const;
  // A reader of the object `value`, named `key` below this one ("Card", "items[2]").
  Reader nested(const nlohmann::json& value, const std::string& key) const { return Reader(value, path_of(key), policy_); }

  const std::shared_ptr<const Policy>& policy() const { return policy_; }

 private:
  const nlohmann::json* object_;
  std::string path_;
  std::shared_ptr<const Policy> policy_;
};

}  // namespace payref::fields
