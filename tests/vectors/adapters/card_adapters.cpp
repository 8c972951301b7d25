#include <optional>

#include "payref/calendar.hpp"
#include "payref/card.hpp"
#include "vector_adapters.hpp"

namespace payref::vectors {
namespace {

Json brand_json(const CardBrand* brand) {
  if (brand == nullptr) return nullptr;
  return Json{{"type", brand->type},
              {"niceType", brand->nice_type},
              {"gaps", std::vector<int>(brand->gaps.begin(), brand->gaps.end())},
              {"lengths", std::vector<int>(brand->lengths.begin(), brand->lengths.end())},
              {"code", {{"name", brand->code.name}, {"size", brand->code.size}}}};
}

// JS passes months and years as numbers or strings; the package turns them into text.
std::string text_of(const Json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

Json expiry_json(const ExpiryValidation& v) {
  Json out = validation_json(v);
  out["month"] = v.is_valid ? Json(v.month) : Json(nullptr);
  out["year"] = v.is_valid ? Json(v.year) : Json(nullptr);
  return out;
}

}  // namespace

void add_card_adapters(AdapterTable& table) {
  table["card.detect"] = [](const Json& args) {
    Json types = Json::array();
    const CardBrandMatches matches = detect_card_brands(string_arg(args, 0));
    for (const CardBrand* b : matches.view()) types.push_back(b->type);
    return types;
  };
  table["card.brandInfo"] = [](const Json& args) { return brand_json(find_card_brand(string_arg(args, 0))); };
  table["card.brands"] = [](const Json&) {
    Json all = Json::array();
    for (const auto& b : card_brands()) all.push_back(brand_json(&b));
    return all;
  };
  table["card.validateNumber"] = [](const Json& args) {
    CardNumberOptions options;
    if (const Json* o = object_arg(args, 1)) {
      options.max_length = o->value("maxLength", 0);
      options.skip_luhn = o->value("skipLuhnValidation", false);
      options.luhn_validate_unionpay = o->value("luhnValidateUnionPay", false);
    }
    const auto v = validate_card_number(string_arg(args, 0), options);
    Json out = validation_json(v);
    out["brand"] = v.brand ? Json(v.brand->type) : Json(nullptr);
    out["card"] = brand_json(v.brand);
    return out;
  };
  table["card.formatNumber"] = [](const Json& args) { return Json(format_card_number(string_arg(args, 0))); };
  table["card.validateExpiry"] = [](const Json& args) {
    const auto today = parse_iso_date(string_arg(args, 1));
    if (!today) return expiry_json({Validation::invalid("expiry.today_invalid")});
    const int ahead = args.size() > 2 && args[2].is_number() ? args[2].get<int>() : kDefaultMaxYearsAhead;
    if (args.at(0).is_object()) {
      const Json& mm = args[0].at("month");
      const Json& yy = args[0].at("year");
      return expiry_json(validate_expiry(text_of(mm), text_of(yy), *today, ahead));
    }
    return expiry_json(validate_expiry(string_arg(args, 0), *today, ahead));
  };
  table["card.validateCvv"] = [](const Json& args) {
    return validation_json(validate_cvv(string_arg(args, 0), find_card_brand(string_arg(args, 1))));
  };
  table["card.validateCardholderName"] = [](const Json& args) {
    return validation_json(validate_cardholder_name(string_arg(args, 0)));
  };
}

}  // namespace payref::vectors
