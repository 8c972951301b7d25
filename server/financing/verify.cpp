#include "financing/verify.hpp"

#include <cctype>

#include "financing/accounts.hpp"
#include "financing/fields.hpp"
#include "financing/merchants.hpp"
#include "store/crypto.hpp"

namespace payref::financing {

namespace {

constexpr const char* kVerifications = "fin_verification";
constexpr std::int64_t kBypassMaxCents = 20000;  // $200
constexpr std::size_t kBypassMaxRegularPurchases = 3;
constexpr std::int64_t kTriesWindowSeconds = 48 * 3600;
constexpr std::size_t kMaxTries = 3;

// Codes are kept only as keyed hashes: the store never holds one that works.
std::string code_hash(const Call& call, const std::string& code) {
  return store::keyed_hash(call.services.hash_key, "fin-verification:" + code);
}

std::string issue(Call& call, const std::string& account_number, const std::string& format,
                  const std::optional<std::string>& request_id, std::optional<std::int64_t> max_regular_cents) {
  const std::string code = store::random_digits(6);
  const std::string id = std::to_string(call.tx.next_sequence("fin_verification"));
  call.tx.put(store::Document{kVerifications, id, call.client_id, account_number, "",
                              {{"code_hash", code_hash(call, code)}, {"format", format}, {"request_id", request_id ? nlohmann::json(*request_id) : nlohmann::json()},
                               {"created_at", call.now_seconds()}, {"used", false},
                               {"max_regular_cents", max_regular_cents ? nlohmann::json(*max_regular_cents) : nlohmann::json()}},
                              {}});
  return code;
}

}  // namespace

Reply verify_customer(Call& call) {
  const std::string account_number = call.params.at(0);
  const Fields f(call.body);
  const std::string format = f.one_of("format", {"sms", "email", "security_question", "regular_purchase_bypass", "merchant_override"}, false)
                                 .value_or("sms");
  const auto vcc = f.digits("vcc_number", 19, false);
  const auto request_id = f.text("request_id", 64, false);
  nlohmann::json account = load_account(call, account_number);
  require_purchasing(account);
  if (vcc && vcc_key(call.services, *vcc) != call.tx.get_keys(kAccounts, "", account_number)->key1)
    refuse(error::vcc_account_mismatch, "The vcc_number does not belong to this account.");

  if (format == "sms" || format == "email") {
    const bool sms = format == "sms";
    const auto& to = account.at(sms ? "phone_number" : "email");
    if (sms && (!to.is_string() || to.get<std::string>().empty()))
      fail(400, error::sms_not_valid_phone, "The account has no mobile phone number that can receive an SMS.");
    const std::string code = issue(call, account_number, format, request_id, std::nullopt);
    call.tx.append_outbox(store::seal_mail(call.services.vault,
                                           store::OutboxMessage{0, to.get<std::string>(), "Flexiti verification code",
                                                                "Your Flexiti verification code is " + code + ". It expires in 30 minutes.",
                                                                code, sim::format_wire_datetime(call.now)}));
    return Reply{200, {{"verification_code", sms ? "verification_sent_to_sms" : "verification_sent_to_email"}}, {}};
  }
  if (format == "security_question") {
    const auto qid = f.integer("security_qid", 0, 99999, true);
    const auto answer = f.text("security_answer", 200, true);
    nlohmann::json failures = recent(account.value("security_failures", nlohmann::json::array()), call.now_seconds(), kTriesWindowSeconds);
    if (failures.size() >= kMaxTries)
      refuse(error::tries_exceed, "Too many wrong security answers in the last 48 hours; use another verification format.");
    if (*qid != account.at("security_qid").value("id", -1) ||
        !store::constant_time_equal(security_answer_hash(call.services, *answer), account.value("security_answer_hash", ""))) {
      failures.push_back(call.now_seconds());
      account["security_failures"] = failures;
      save_account(call, account);  // counted even though the call fails
      return Reply{409, nullptr,
                   FinancingError{409, std::string(error::secret_answer_mismatch), "The security answer does not match.", {}, false}};
    }
    return Reply{200, {{"verification_code", issue(call, account_number, format, request_id, std::nullopt)}}, {}};
  }
  if (format == "regular_purchase_bypass") {
    const auto amount = f.amount("amount", false);
    const auto purchases = recent(account.value("regular_purchases", nlohmann::json::array()), call.now_seconds(), 24 * 3600);
    if (purchases.size() > kBypassMaxRegularPurchases || (amount && amount->minor_units() > kBypassMaxCents))
      refuse(error::regular_purchase_bypass_is_not_allowed,
             "The bypass is allowed only for a regular purchase of at most $200.00 and at most 3 regular purchases in 24 hours.");
    return Reply{200, {{"verification_code", issue(call, account_number, format, request_id, kBypassMaxCents)}}, {}};
  }
  // merchant_override
  if (call.scope != "merchant") refuse(error::invalid_role, "Only a merchant token may override verification.");
  if (!client_settings(call.tx, call.client_id).value("merchant_override", false))
    refuse(error::merchant_override_is_not_allowed, "This merchant is not configured for verification override.");
  return Reply{200, {{"verification_code", issue(call, account_number, format, request_id, std::nullopt)}}, {}};
}

bool consume_verification(Call& call, const std::string& account_number, const std::string& code,
                          const std::optional<std::string>& request_id, VerificationUse use, std::int64_t amount_cents) {
  for (auto& doc : call.tx.find(kVerifications, call.client_id, store::Key::key1, account_number, 20, 0, true)) {
    auto& v = doc.body;
    if (v.value("used", true) || v.value("created_at", std::int64_t{0}) + kVerificationLifetimeSeconds <= call.now_seconds()) continue;
    if (!store::constant_time_equal(v.value("code_hash", ""), code_hash(call, code))) continue;
    if (request_id && v.value("request_id", nlohmann::json()) != nlohmann::json(*request_id)) continue;
    if (v["max_regular_cents"].is_number() &&
        (use != VerificationUse::regular_purchase || amount_cents > v["max_regular_cents"].get<std::int64_t>()))
      continue;
    v["used"] = true;
    call.tx.put(doc);
    return true;
  }
  return false;
}

}  // namespace payref::financing
