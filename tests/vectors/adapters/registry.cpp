#include "vector_adapters.hpp"

namespace payref::vectors {

const AdapterTable& adapters() {
  static const AdapterTable table = [] {
    AdapterTable t;
    add_card_adapters(t);
    add_fields_adapters(t);
    add_money_adapters(t);
    add_financing_adapters(t);
    return t;
  }();
  return table;
}

Json validation_json(const Validation& v) {
  return Json{{"isValid", v.is_valid},
              {"isPotentiallyValid", v.is_potentially_valid},
              {"reason", v.reason.empty() ? Json(nullptr) : Json(std::string(v.reason))}};
}

std::string string_arg(const Json& args, std::size_t i, std::string fallback) {
  if (i >= args.size() || args[i].is_null()) return fallback;
  return args[i].get<std::string>();
}

const Json* object_arg(const Json& args, std::size_t i) {
  if (i >= args.size() || args[i].is_null()) return nullptr;
  return &args[i];
}

}  // namespace payref::vectors
