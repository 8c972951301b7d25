// Flexiti accounts in the store: collection "fin_account", server-wide (owner ""), id = account
// number, key1 = keyed hash of the VCC number (the card number itself is not stored), key2 =
// customer id. The body keeps amounts in cents and the security answer as a keyed hash; seeding
// from demo_data on first start and reset.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "financing/call.hpp"
#include "app/services.hpp"

namespace payref::financing {

inline constexpr const char* kAccounts = "fin_account";
inline constexpr const char* kIdentities = "fin_identity";  // key1 = "first|last|dob" (lower case) for search

// Seeds the demo accounts that are missing (first start, after a reset); never overwrites.
void seed_demo_accounts(const app::Services& services, store::Transaction& tx);

// The search key of a person: "first|last|dob", names lower-cased.
std::string identity_key(std::string_view first, std::string_view last, std::string_view dob);

std::string vcc_key(const app::Services& services, const std::string& vcc_number);

// The keyed hash of an answer to the account's security question, as stored
// ("security_answer_hash"): case and runs of white space do not count.
std::string security_answer_hash(const app::Services& services, std::string_view answer);

// 404 not_found when there is no such account.
nlohmann::json load_account(Call& call, const std::string& account_number);
std::optional<nlohmann::json> find_account_by_vcc(Call& call, const std::string& vcc_number);
std::optional<nlohmann::json> find_account_by_customer_id(Call& call, const std::string& customer_id);
void save_account(Call& call, const nlohmann::json& account);

// Refuses accounts that cannot buy: status C/Z → 409 user_not_active; A/F → 409
// user_not_able_to_purchase (only N/NNOR may purchase).
void require_purchasing(const nlohmann::json& account);
// Refuses accounts that cannot take a payment: C/Z → user_not_active, F → user_not_able_to_purchase.
void require_payable(const nlohmann::json& account);

// Keeps only the epoch seconds in `list` (an array of numbers or of {"at": n, ...}) newer than
// now − window.
nlohmann::json recent(const nlohmann::json& list, std::int64_t now, std::int64_t window_seconds);

nlohmann::json number_json(const std::string& digits);  // "30000000000001" → 30000000000001

}  // namespace payref::financing
