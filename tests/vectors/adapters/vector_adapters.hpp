// Vector adapters: one per npm-package function ("card.validateNumber", "money.parse", ...).
// An adapter takes the case's JSON argument array exactly as the JS suite passes it to the npm
// package, calls the sdk, and returns the JSON the npm package returns for that call: same keys
// (camelCase), same null/absent conventions. tests/js compares the two field for field.
#pragma once

#include <functional>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "payref/validation.hpp"

namespace payref::vectors {

using Json = nlohmann::json;
using Adapter = std::function<Json(const Json& args)>;
using AdapterTable = std::map<std::string, Adapter, std::less<>>;

void add_card_adapters(AdapterTable& table);
void add_fields_adapters(AdapterTable& table);
void add_money_adapters(AdapterTable& table);
void add_financing_adapters(AdapterTable& table);  // financing.* and aamva.*

// Every adapter, built once.
const AdapterTable& adapters();

// {"isValid": b, "isPotentiallyValid": b, "reason": "x.y" | null}: the JS shape of a Validation.
Json validation_json(const Validation& v);

// Argument helpers: the i-th argument, or a default when absent or null.
std::string string_arg(const Json& args, std::size_t i, std::string fallback = {});
const Json* object_arg(const Json& args, std::size_t i);  // nullptr when absent/null

}  // namespace payref::vectors
