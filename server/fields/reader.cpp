#include "fields/reader.hpp"

namespace payref::fields {

const nlohmann::json* Reader::find(const std::string& key) const {
  if (!object_->is_object()) return nullptr;
  const auto it = object_->find(key);
  if (it == object_->end() || it->is_null()) return nullptr;
  return &*it;
}

void Reader::report(const std::string& key, std::string reason, std::string message, nlohmann::json value) const {
  policy_->report(Problem{path_of(key), std::move(reason), std::move(message), std::move(value)});
}

void Reader::report_required(const std::string& key) const { policy_->report(policy_->required(path_of(key))); }

void Reader::report_wrong_kind(const std::string& key, Kind expected, const nlohmann::json& value) const {
  policy_->report(policy_->wrong_kind(path_of(key), expected, value));
}

const nlohmann::json* Reader::field(const std::string& key, bool required) const {
  const auto* v = find(key);
  if (!v && required) report_required(key);
  return v;
}

const nlohmann::json* Reader::typed(const std::string& key, bool required, bool (nlohmann::json::*is_kind)() const noexcept,
                                    Kind expected) const {
  const auto* v = field(key, required);
  if (!v || (v->*is_kind)()) return v;
  report_wrong_kind(key, expected, *v);
  return nullptr;
}

}  // namespace payref::fields
