// Payments and Profiles (seed 000): card authorize / charge / settle / void / refund and their
// state machine, the simulated processor's test cards and amount triggers, bank debit/credit,
// third-party records, the same card operations on stored profiles, TransactionReference
// uniqueness and Idempotency-Key replays.
#include <boost/test/unit_test.hpp>

#include <cctype>

#include "gateway_helpers.hpp"

using namespace payref_test;
using nlohmann::json;

namespace {

constexpr const char* kAuthorize = "/api/v1/payments/creditcard/authorize";
constexpr const char* kCharge = "/api/v1/payments/creditcard/charge";
constexpr const char* kRefund = "/api/v1/payments/creditcard/refund";
constexpr const char* kSettle = "/api/v1/payments/creditcard/transaction/settle";
constexpr const char* kVoid = "/api/v1/payments/creditcard/transaction/void";
constexpr const char* kDebit = "/api/v1/payments/b2b/transaction/debit";
constexpr const char* kCredit = "/api/v1/payments/b2b/transaction/credit";
constexpr const char* kThirdParty = "/api/v1/payments/thirdparty";

bool is_auth_code(const json& v) {
  if (!v.is_string() || v.get<std::string>().size() != 6) return false;
  for (char c : v.get<std::string>())
    if (!std::isdigit(static_cast<unsigned char>(c)) && !std::isupper(static_cast<unsigned char>(c))) return false;
  return true;
}

json profile_payment_request(int type, const Customer& c, const std::string& amount) {
  return {{"TransactionType", std::to_string(type)},
          {"CustomerProfileId", c.id},
          {"PaymentProfileId", c.profile_id},
          {"Amount", amount},
          {"CurrencyCode", "USD"},
          {"Email", c.email},
          {"TransactionReference", unique_ref("profile")},
          {"TransactionDateTime", "2026-01-02 03:04:05"},
          {"Authorizer", "Sierra"}};
}

json profile_follow_up(int type, const Customer& c, const json& original, const std::string& amount) {
  json r = follow_up_request(type, original, amount);
  r["CustomerProfileId"] = c.id;
  return r;
}

json third_party_request(const std::string& email, const std::string& amount = "42.00") {
  return {{"Amount", amount},
          {"CurrencyCode", "USD"},
          {"Email", email},
          {"TransactionReference", unique_ref("tp")},
          {"TransactionDateTime", "2026-01-02 03:04:05"},
          {"Description", "paid by cheque"},
          {"PaymentMethod", "Cheque"}};
}

struct Decline {
  const char* card;
  const char* code;
  const char* status;
};
std::ostream& operator<<(std::ostream& os, const Decline& d) { return os << d.card << " → " << d.code; }

const Decline kDeclines[] = {
    {"4000000000000002", "51", "Declined"}, {"4000000000009995", "52", "Declined"}, {"4000000000000069", "53", "Declined"},
    {"4000000000000127", "54", "Declined"}, {"4000000000009987", "55", "Declined"}, {"4000000000000119", "91", "Error"},
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(payments_tests, ServerFixture)

BOOST_AUTO_TEST_CASE(authorize_then_settle_then_void_is_refused) {
  const std::string email = unique_email();
  const auto auth = server.post(kAuthorize, envelope(demo, card_payment_request(1, "25.00", email)));
  BOOST_TEST_REQUIRE(auth.code() == "00", auth.summary());
  const json& a = auth.response();
  BOOST_TEST(a.value("Status", "") == "Authorized");
  BOOST_TEST(a.value("TransactionType", "") == "1");
  BOOST_TEST(a.value("Amount", "") == "25.00");
  BOOST_TEST(a.value("CurrencyCode", "") == "USD");
  BOOST_TEST(a.value("CardType", "") == "Visa");
  BOOST_TEST(a.value("MaskedCardNumber", "") == "424242******4242");
  BOOST_TEST(a.value("TransactionId", "").size() == 9u);
  BOOST_TEST(is_auth_code(a["AuthCode"]), a.dump());

  const auto settle = server.post(kSettle, envelope(demo, follow_up_request(4, a, "25.00")));
  BOOST_TEST_REQUIRE(settle.code() == "00", settle.summary());
  BOOST_TEST(settle.response().value("Status", "") == "Settled");
  BOOST_TEST(settle.response().value("TransactionType", "") == "4");
  BOOST_TEST(settle.response().value("OriginalTransactionId", "") == a.value("TransactionId", ""));
  BOOST_TEST(settle.response()["AuthCode"] == a["AuthCode"]);
  BOOST_TEST(settle.response().value("TransactionId", "") != a.value("TransactionId", ""));

  const auto void_after = server.post(kVoid, envelope(demo, follow_up_request(5, a, "25.00")));
  BOOST_TEST(void_after.code() == "30", void_after.summary());
  const auto settle_again = server.post(kSettle, envelope(demo, follow_up_request(4, a, "25.00")));
  BOOST_TEST(settle_again.code() == "30", settle_again.summary());
}

BOOST_AUTO_TEST_CASE(settle_must_match_the_original_authorization) {
  const json a = approved_card_payment(server, demo, 1, "80.00", unique_email());
  const auto settle_with = [&](const std::string& field, const json& value) {
    json request = follow_up_request(4, a, "80.00");
    request[field] = value;
    return server.post(kSettle, envelope(demo, request));
  };
  BOOST_TEST(settle_with("Amount", "79.99").code() == "05");
  BOOST_TEST(settle_with("Amount", "80.01").code() == "05");
  BOOST_TEST(settle_with("CurrencyCode", "EUR").code() == "05");
  BOOST_TEST(settle_with("AuthCode", "ZZZZZZ").code() == "05");
  BOOST_TEST(settle_with("OriginalTransactionReference", "someone-else").code() == "05");
  BOOST_TEST(settle_with("OriginalTransactionDateTime", "2025-12-31 23:59:59").code() == "05");
  BOOST_TEST(settle_with("TransactionType", "5").code() == "05");
  BOOST_TEST(settle_with("TransactionId", "399999999").code() == "10");
  // The description names the mismatching field.
  const auto amount = settle_with("Amount", "79.99");
  BOOST_TEST(amount.description().find("Request.Amount") != std::string::npos, amount.description());
  // Nothing was settled by the refused calls; the exact quote works.
  const auto ok = server.post(kSettle, envelope(demo, follow_up_request(4, a, "80.00")));
  BOOST_TEST(ok.code() == "00", ok.summary());
}

BOOST_AUTO_TEST_CASE(authorize_then_void_then_nothing_else) {
  const json a = approved_card_payment(server, demo, 1, "12.34", unique_email());
  const auto voided = server.post(kVoid, envelope(demo, follow_up_request(5, a, "12.34")));
  BOOST_TEST_REQUIRE(voided.code() == "00", voided.summary());
  BOOST_TEST(voided.response().value("Status", "") == "Voided");
  BOOST_TEST(voided.response().value("TransactionType", "") == "5");
  BOOST_TEST(voided.response().value("Amount", "") == "12.34");
  BOOST_TEST(server.post(kSettle, envelope(demo, follow_up_request(4, a, "12.34"))).code() == "30");
  BOOST_TEST(server.post(kVoid, envelope(demo, follow_up_request(5, a, "12.34"))).code() == "30");
  BOOST_TEST(server.post(kRefund, envelope(demo, follow_up_request(3, a, "12.34"))).code() == "30");
}

BOOST_AUTO_TEST_CASE(charge_can_be_voided_before_settlement) {
  const json c = approved_card_payment(server, demo, 2, "10.00", unique_email());
  BOOST_TEST(c.value("Status", "") == "Charged");
  BOOST_TEST(c.value("TransactionType", "") == "2");
  const auto voided = server.post(kVoid, envelope(demo, follow_up_request(5, c, "10.00")));
  BOOST_TEST(voided.code() == "00", voided.summary());
  const auto refund = server.post(kRefund, envelope(demo, follow_up_request(3, c, "1.00")));
  BOOST_TEST(refund.code() == "30", refund.summary());
}

BOOST_AUTO_TEST_CASE(charge_then_partial_refunds_then_full) {
  const std::string email = unique_email();
  const json c = approved_card_payment(server, demo, 2, "100.00", email);
  const auto first = server.post(kRefund, envelope(demo, follow_up_request(3, c, "30.00")));
  BOOST_TEST_REQUIRE(first.code() == "00", first.summary());
  BOOST_TEST(first.response().value("Amount", "") == "30.00");
  BOOST_TEST(first.response().value("TransactionType", "") == "3");
  BOOST_TEST(first.response().value("OriginalTransactionId", "") == c.value("TransactionId", ""));
  const auto second = server.post(kRefund, envelope(demo, follow_up_request(3, c, "70.00")));
  BOOST_TEST_REQUIRE(second.code() == "00", second.summary());
  const auto beyond = server.post(kRefund, envelope(demo, follow_up_request(3, c, "0.01")));
  BOOST_TEST(beyond.code() == "30", beyond.summary());

  // The history shows the charge as fully refunded and both refunds.
  const auto list = list_transactions(server, demo, email);
  const auto& rows = list["Transactions"];
  BOOST_TEST_REQUIRE(rows.size() == 3u, list.dump());
  BOOST_TEST(rows[0].value("TransactionType", "") == "3");
  BOOST_TEST(rows[1].value("TransactionType", "") == "3");
  BOOST_TEST(rows[2].value("TransactionId", "") == c.value("TransactionId", ""));
  BOOST_TEST(rows[2].value("Status", "") == "Refunded");
}

BOOST_AUTO_TEST_CASE(rejects_refund_beyond_captured_amount) {
  const json c = approved_card_payment(server, demo, 2, "50.00", unique_email());
  const auto too_much = server.post(kRefund, envelope(demo, follow_up_request(3, c, "50.01")));
  BOOST_TEST(too_much.code() == "30", too_much.summary());
  BOOST_TEST(too_much.description().find("50.00") != std::string::npos, too_much.description());
  BOOST_TEST(server.post(kRefund, envelope(demo, follow_up_request(3, c, "20.00"))).code() == "00");
  const auto rest_plus = server.post(kRefund, envelope(demo, follow_up_request(3, c, "30.01")));
  BOOST_TEST(rest_plus.code() == "30", rest_plus.summary());
  BOOST_TEST(server.post(kRefund, envelope(demo, follow_up_request(3, c, "30.00"))).code() == "00");

  // An authorization has captured nothing; after settling it can be refunded in full.
  const json a = approved_card_payment(server, demo, 1, "40.00", unique_email());
  BOOST_TEST(server.post(kRefund, envelope(demo, follow_up_request(3, a, "1.00"))).code() == "30");
  BOOST_TEST(server.post(kSettle, envelope(demo, follow_up_request(4, a, "40.00"))).code() == "00");
  BOOST_TEST(server.post(kRefund, envelope(demo, follow_up_request(3, a, "40.01"))).code() == "30");
  BOOST_TEST(server.post(kRefund, envelope(demo, follow_up_request(3, a, "40.00"))).code() == "00");
}

BOOST_AUTO_TEST_CASE(follow_ups_refuse_unknown_or_non_card_transactions) {
  const json c = approved_card_payment(server, demo, 2, "10.00", unique_email());
  json unknown = follow_up_request(3, c, "1.00");
  unknown["TransactionId"] = "399999999";
  BOOST_TEST(server.post(kRefund, envelope(demo, unknown)).code() == "10");
  json missing = follow_up_request(3, c, "1.00");
  missing.erase("TransactionId");
  BOOST_TEST(server.post(kRefund, envelope(demo, missing)).code() == "05");
  json zero = follow_up_request(3, c, "0.00");
  BOOST_TEST(server.post(kRefund, envelope(demo, zero)).code() == "05");

  const auto debit = server.post(kDebit, envelope(demo, bank_request(6, "10.00")));
  BOOST_TEST_REQUIRE(debit.code() == "00", debit.summary());
  json bank_refund = {{"TransactionId", debit.response()["TransactionId"]},
                      {"AuthCode", "ABCDEF"},
                      {"Amount", "1.00"},
                      {"CurrencyCode", "USD"},
                      {"OriginalTransactionReference", debit.response()["TransactionReference"]}};
  BOOST_TEST(server.post(kRefund, envelope(demo, bank_refund)).code() == "30");
}

BOOST_AUTO_TEST_CASE(test_cards_are_declined_with_their_codes) {
  for (const Decline& d : kDeclines) {
    BOOST_TEST_CONTEXT(d) {
      const std::string email = unique_email();
      for (const char* path : {kAuthorize, kCharge}) {
        const int type = std::string(path) == kAuthorize ? 1 : 2;
        const auto reply = server.post(path, envelope(demo, card_payment_request(type, "10.00", email, card(d.card))));
        BOOST_TEST(reply.status == 200);
        BOOST_TEST(reply.code() == d.code, path << ": " << reply.summary());
        BOOST_TEST(reply.response()["AuthCode"].is_null(), reply.summary());
        BOOST_TEST(reply.response().value("Status", "") == d.status, reply.summary());
        BOOST_TEST(reply.response().value("TransactionId", "").size() == 9u);
      }
      // A declined authorization cannot be settled: it was never approved (invalid state).
      const auto auth = server.post(kAuthorize, envelope(demo, card_payment_request(1, "10.00", email, card(d.card))));
      BOOST_TEST_REQUIRE(auth.code() == d.code);
      json settle = follow_up_request(4, auth.response(), "10.00");
      settle["AuthCode"] = "ABC123";
      const auto settled = server.post(kSettle, envelope(demo, settle));
      BOOST_TEST(settled.code() == "30", settled.summary());
      const auto list = list_transactions(server, demo, email);
      BOOST_TEST_REQUIRE(list["Transactions"].size() == 3u);
      for (const auto& row : list["Transactions"]) BOOST_TEST(row["AuthCode"].is_null());
    }
  }
}

BOOST_AUTO_TEST_CASE(amount_trigger_4000_51_is_insufficient_funds) {
  const auto reply = server.post(kCharge, envelope(demo, card_payment_request(2, "4000.51", unique_email())));
  BOOST_TEST(reply.code() == "52", reply.summary());
  BOOST_TEST(reply.response()["AuthCode"].is_null());
  BOOST_TEST(reply.description().find("insufficient") != std::string::npos, reply.description());
  // A neighbouring amount is approved.
  const auto ok = server.post(kCharge, envelope(demo, card_payment_request(2, "4000.50", unique_email())));
  BOOST_TEST(ok.code() == "00", ok.summary());
}

BOOST_AUTO_TEST_CASE(luhn_failing_card_is_refused_with_05_and_its_reason) {
  for (const char* path : {kAuthorize, kCharge}) {
    const int type = std::string(path) == kAuthorize ? 1 : 2;
    const auto reply = server.post(path, envelope(demo, card_payment_request(type, "10.00", unique_email(), card(kLuhnFailing))));
    BOOST_TEST(reply.status == 200);
    BOOST_TEST(reply.code() == "05", reply.summary());
    BOOST_TEST(reply.description().find("card.luhn_failed") != std::string::npos, reply.description());
    BOOST_TEST(reply.description().find("Request.Card.CardNumber") != std::string::npos, reply.description());
    BOOST_TEST(reply.response().is_null());
  }
}

BOOST_AUTO_TEST_CASE(card_payments_refuse_invalid_fields_with_05) {
  const std::string email = unique_email();
  const auto with = [&](const std::string& field, const json& value) {
    json r = card_payment_request(2, "10.00", email);
    if (value.is_null()) r.erase(field);
    else r[field] = value;
    return server.post(kCharge, envelope(demo, r));
  };
  BOOST_TEST(with("Amount", "10.001").code() == "05");
  BOOST_TEST(with("Amount", "-1.00").code() == "05");
  BOOST_TEST(with("Amount", "ten").code() == "05");
  BOOST_TEST(with("Amount", nullptr).code() == "05");
  BOOST_TEST(with("CurrencyCode", "XYZ").code() == "05");
  BOOST_TEST(with("Email", "nobody").code() == "05");
  BOOST_TEST(with("Email", nullptr).code() == "05");
  BOOST_TEST(with("TransactionReference", nullptr).code() == "05");
  BOOST_TEST(with("TransactionType", "1").code() == "05");
  BOOST_TEST(with("TransactionDateTime", "2026-13-01 00:00:00").code() == "05");
  BOOST_TEST(with("Card", nullptr).code() == "05");
  BOOST_TEST(with("Card", card(kVisa, "12")).code() == "05");
  BOOST_TEST(with("Card", card(kVisa, "123", "01/20")).code() == "05");
  // None of them was recorded.
  BOOST_TEST(list_transactions(server, demo, email)["Transactions"].empty());
}

BOOST_AUTO_TEST_CASE(duplicate_transaction_reference_is_refused_with_40) {
  const std::string email = unique_email();
  const std::string reference = unique_ref("dup");
  BOOST_TEST(server.post(kCharge, envelope(demo, card_payment_request(2, "10.00", email, card(), reference))).code() == "00");
  const auto again = server.post(kCharge, envelope(demo, card_payment_request(2, "11.00", email, card(), reference)));
  BOOST_TEST(again.code() == "40", again.summary());
  const auto as_auth = server.post(kAuthorize, envelope(demo, card_payment_request(1, "11.00", email, card(), reference)));
  BOOST_TEST(as_auth.code() == "40", as_auth.summary());
  json bank = bank_request(6, "5.00");
  bank["TransactionReference"] = reference;
  BOOST_TEST(server.post(kDebit, envelope(demo, bank)).code() == "40");
  json tp = third_party_request(email);
  tp["TransactionReference"] = reference;
  BOOST_TEST(server.post(kThirdParty, envelope(demo, tp)).code() == "40");
  BOOST_TEST(list_transactions(server, demo, email)["Transactions"].size() == 1u);

  // A declined attempt is a transaction too: its reference is used up.
  const std::string declined_ref = unique_ref("declined");
  BOOST_TEST(server.post(kCharge, envelope(demo, card_payment_request(2, "10.00", email, card("4000000000000002"), declined_ref)))
                 .code() == "51");
  BOOST_TEST(server.post(kCharge, envelope(demo, card_payment_request(2, "10.00", email, card(), declined_ref))).code() == "40");
}

BOOST_AUTO_TEST_CASE(bank_debit_and_credit_are_approved_without_auth_code) {
  const std::string merchant = unique_email("merchant");
  const auto debit = server.post(kDebit, envelope(demo, bank_request(6, "150.00", "123456789", merchant)));
  BOOST_TEST_REQUIRE(debit.code() == "00", debit.summary());
  BOOST_TEST(debit.response()["AuthCode"].is_null());
  BOOST_TEST(debit.response().contains("AuthCode"));
  BOOST_TEST(debit.response().value("Status", "") == "Debited");
  BOOST_TEST(debit.response().value("TransactionType", "") == "6");
  BOOST_TEST(debit.response().value("Amount", "") == "150.00");
  BOOST_TEST(debit.response().value("RoutingNumber", "") == kRouting);
  BOOST_TEST(debit.response().value("MaskedAccountNumber", "") == "*****6789");
  BOOST_TEST(debit.text.find("123456789") == std::string::npos, debit.text);

  const auto credit = server.post(kCredit, envelope(demo, bank_request(7, "20.00", "123456789", merchant)));
  BOOST_TEST_REQUIRE(credit.code() == "00", credit.summary());
  BOOST_TEST(credit.response()["AuthCode"].is_null());
  BOOST_TEST(credit.response().value("Status", "") == "Credited");
  BOOST_TEST(credit.response().value("TransactionType", "") == "7");

  const auto rows = list_transactions(server, demo, merchant)["Transactions"];
  BOOST_TEST_REQUIRE(rows.size() == 2u);
  for (const auto& row : rows) BOOST_TEST(row["AuthCode"].is_null());
}

BOOST_AUTO_TEST_CASE(bank_test_account_9995_is_insufficient_funds) {
  const auto reply = server.post(kDebit, envelope(demo, bank_request(6, "10.00", "000000009995")));
  BOOST_TEST(reply.code() == "52", reply.summary());
  BOOST_TEST(reply.response()["AuthCode"].is_null());
  BOOST_TEST(reply.response().value("Status", "") == "Declined");
  const auto credit = server.post(kCredit, envelope(demo, bank_request(7, "10.00", "000000009995")));
  BOOST_TEST(credit.code() == "52", credit.summary());
}

BOOST_AUTO_TEST_CASE(bank_transfers_refuse_invalid_fields_with_05) {
  const auto with = [&](const char* path, int type, const std::string& field, const json& value) {
    json r = bank_request(type, "10.00");
    if (value.is_null()) r.erase(field);
    else r[field] = value;
    return server.post(path, envelope(demo, r));
  };
  for (const auto& [path, type] : {std::pair{kDebit, 6}, std::pair{kCredit, 7}}) {
    BOOST_TEST_CONTEXT(path) {
      BOOST_TEST(with(path, type, "RoutingNumber", "021000022").code() == "05");  // checksum
      BOOST_TEST(with(path, type, "RoutingNumber", nullptr).code() == "05");
      BOOST_TEST(with(path, type, "BankAccountNumber", "12ab5678").code() == "05");
      BOOST_TEST(with(path, type, "BankAccountNumber", "123").code() == "05");
      BOOST_TEST(with(path, type, "AccountHolderName", nullptr).code() == "05");
      BOOST_TEST(with(path, type, "CurrencyCode", "EUR").code() == "05");
      BOOST_TEST(with(path, type, "Amount", "0").code() == "05");
      BOOST_TEST(with(path, type, "Email", "x").code() == "05");
      BOOST_TEST(with(path, type, "TransactionType", type == 6 ? "7" : "6").code() == "05");
    }
  }
}

BOOST_AUTO_TEST_CASE(third_party_payment_is_recorded_without_moving_money) {
  const std::string email = unique_email();
  const auto reply = server.post(kThirdParty, envelope(demo, third_party_request(email, "42.00")));
  BOOST_TEST_REQUIRE(reply.code() == "00", reply.summary());
  BOOST_TEST(reply.response().value("Status", "") == "Recorded");
  BOOST_TEST(reply.response().value("TransactionType", "") == "8");
  BOOST_TEST(reply.response()["AuthCode"].is_null());
  BOOST_TEST(reply.response().value("Amount", "") == "42.00");
  const auto rows = list_transactions(server, demo, email)["Transactions"];
  BOOST_TEST_REQUIRE(rows.size() == 1u);
  BOOST_TEST(rows[0].value("PaymentMethod", "") == "ThirdParty");
  BOOST_TEST(rows[0]["Amount"] == json(42.0));

  // It cannot be refunded through the card endpoints.
  json refund = {{"TransactionId", reply.response()["TransactionId"]}, {"AuthCode", "ABCDEF"}, {"Amount", "1.00"},
                 {"CurrencyCode", "USD"}, {"OriginalTransactionReference", reply.response()["TransactionReference"]}};
  BOOST_TEST(server.post(kRefund, envelope(demo, refund)).code() == "30");

  json no_amount = third_party_request(email);
  no_amount.erase("Amount");
  BOOST_TEST(server.post(kThirdParty, envelope(demo, no_amount)).code() == "05");
  BOOST_TEST(server.post(kThirdParty, envelope(demo, third_party_request(email, "0.00"))).code() == "05");
  BOOST_TEST(server.post(kThirdParty, envelope(demo, third_party_request("bad"))).code() == "05");
}

BOOST_AUTO_TEST_CASE(stored_profile_charge_and_refund) {
  const auto c = register_customer(server, demo, unique_email(), card(kMastercard, "321"));
  const auto charge = server.post("/api/v1/profiles/charge", envelope(demo, profile_payment_request(2, c, "60.00")));
  BOOST_TEST_REQUIRE(charge.code() == "00", charge.summary());
  const json& t = charge.response();
  BOOST_TEST(t.value("Status", "") == "Charged");
  BOOST_TEST(t.value("CustomerProfileId", "") == c.id);
  BOOST_TEST(t.value("PaymentProfileId", "") == c.profile_id);
  BOOST_TEST(t.value("MaskedCardNumber", "") == "555555******4444");
  BOOST_TEST(is_auth_code(t["AuthCode"]));

  const auto partial = server.post("/api/v1/profiles/refund", envelope(demo, profile_follow_up(3, c, t, "20.00")));
  BOOST_TEST_REQUIRE(partial.code() == "00", partial.summary());
  BOOST_TEST(partial.response().value("CustomerProfileId", "") == c.id);
  const auto beyond = server.post("/api/v1/profiles/refund", envelope(demo, profile_follow_up(3, c, t, "40.01")));
  BOOST_TEST(beyond.code() == "30", beyond.summary());
  // Quoting another customer is refused with 10.
  const auto other = register_customer(server, demo);
  const auto foreign = server.post("/api/v1/profiles/refund", envelope(demo, profile_follow_up(3, other, t, "1.00")));
  BOOST_TEST(foreign.code() == "10", foreign.summary());
  BOOST_TEST(server.post("/api/v1/profiles/refund", envelope(demo, profile_follow_up(3, c, t, "40.00"))).code() == "00");
}

BOOST_AUTO_TEST_CASE(stored_profile_authorize_settle_and_void) {
  const auto c = register_customer(server, demo);
  const auto auth = server.post("/api/v1/profiles/authorize", envelope(demo, profile_payment_request(1, c, "30.00")));
  BOOST_TEST_REQUIRE(auth.code() == "00", auth.summary());
  BOOST_TEST(auth.response().value("Status", "") == "Authorized");
  BOOST_TEST(auth.response().value("PaymentProfileId", "") == c.profile_id);
  json mismatched = profile_follow_up(4, c, auth.response(), "29.00");
  BOOST_TEST(server.post("/api/v1/profiles/settle", envelope(demo, mismatched)).code() == "05");
  const auto settle = server.post("/api/v1/profiles/settle", envelope(demo, profile_follow_up(4, c, auth.response(), "30.00")));
  BOOST_TEST_REQUIRE(settle.code() == "00", settle.summary());
  BOOST_TEST(settle.response().value("Status", "") == "Settled");
  const auto void_settled = server.post("/api/v1/profiles/void", envelope(demo, profile_follow_up(5, c, auth.response(), "30.00")));
  BOOST_TEST(void_settled.code() == "30", void_settled.summary());

  const auto auth2 = server.post("/api/v1/profiles/authorize", envelope(demo, profile_payment_request(1, c, "5.00")));
  BOOST_TEST_REQUIRE(auth2.code() == "00", auth2.summary());
  const auto voided = server.post("/api/v1/profiles/void", envelope(demo, profile_follow_up(5, c, auth2.response(), "5.00")));
  BOOST_TEST(voided.code() == "00", voided.summary());
  BOOST_TEST(voided.response().value("Status", "") == "Voided");
  // A card transaction made without a profile is not "on" this customer's profile.
  const json plain = approved_card_payment(server, demo, 1, "7.00", c.email);
  const auto not_profile = server.post("/api/v1/profiles/void", envelope(demo, profile_follow_up(5, c, plain, "7.00")));
  BOOST_TEST(not_profile.code() == "10", not_profile.summary());
}

BOOST_AUTO_TEST_CASE(stored_profile_payments_refuse_unknown_or_bank_profiles) {
  const auto c = register_customer(server, demo);
  Customer unknown_profile = c;
  unknown_profile.profile_id = "299999999";
  BOOST_TEST(server.post("/api/v1/profiles/charge", envelope(demo, profile_payment_request(2, unknown_profile, "1.00"))).code() ==
             "10");
  Customer unknown_customer = c;
  unknown_customer.id = "199999999";
  BOOST_TEST(server.post("/api/v1/profiles/authorize", envelope(demo, profile_payment_request(1, unknown_customer, "1.00")))
                 .code() == "10");
  // A bank-account profile cannot be charged as a card.
  auto bank = customer_request(unique_email());
  bank.erase("Card");
  bank["BankAccount"] = {{"RoutingNumber", kRouting}, {"BankAccountNumber", "9876543210"}, {"AccountHolderName", "Ada L"}};
  const auto reg = server.post("/api/v1/customer/register", envelope(demo, bank));
  BOOST_TEST_REQUIRE(reg.code() == "00", reg.summary());
  const Customer bank_customer{reg.response()["CustomerProfileId"].get<std::string>(),
                               reg.response()["PaymentProfileId"].get<std::string>(), bank["Email"].get<std::string>()};
  BOOST_TEST(server.post("/api/v1/profiles/charge", envelope(demo, profile_payment_request(2, bank_customer, "1.00"))).code() ==
             "05");
  // A test card stored in a profile is declined like a new one.
  const auto declining = register_customer(server, demo, unique_email(), card("4000000000009995"));
  const auto declined = server.post("/api/v1/profiles/charge", envelope(demo, profile_payment_request(2, declining, "1.00")));
  BOOST_TEST(declined.code() == "52", declined.summary());
}

BOOST_AUTO_TEST_CASE(idempotency_key_replays_the_first_answer_without_a_second_transaction) {
  const std::string email = unique_email();
  const json body = envelope(demo, card_payment_request(2, "19.99", email));
  const httplib::Headers key = {{"Idempotency-Key", "order-" + unique_suffix()}};
  const auto first = server.post(kCharge, body, key);
  BOOST_TEST_REQUIRE(first.code() == "00", first.summary());
  BOOST_TEST(first.header_count("Idempotent-Replayed") == 0u);
  const auto second = server.post(kCharge, body, key);
  BOOST_TEST(second.status == first.status);
  BOOST_TEST(second.text == first.text);
  BOOST_TEST(second.header("Idempotent-Replayed") == "true");
  const auto rows = list_transactions(server, demo, email)["Transactions"];
  BOOST_TEST(rows.size() == 1u, rows.dump());

  // Without the key the same body is a new request (and its reference is now a duplicate).
  const auto without = server.post(kCharge, body);
  BOOST_TEST(without.code() == "40", without.summary());
}

BOOST_AUTO_TEST_CASE(idempotency_key_with_a_different_body_is_41) {
  const std::string email = unique_email();
  const httplib::Headers key = {{"Idempotency-Key", "k-" + unique_suffix()}};
  BOOST_TEST_REQUIRE(server.post(kCharge, envelope(demo, card_payment_request(2, "10.00", email)), key).code() == "00");
  const auto other_amount = server.post(kCharge, envelope(demo, card_payment_request(2, "10.01", email)), key);
  BOOST_TEST(other_amount.code() == "41", other_amount.summary());
  BOOST_TEST(other_amount.header_count("Idempotent-Replayed") == 0u);
  // Same key on another endpoint is a different request too.
  const auto other_path = server.post(kThirdParty, envelope(demo, third_party_request(email)), key);
  BOOST_TEST(other_path.code() == "41", other_path.summary());
  BOOST_TEST(list_transactions(server, demo, email)["Transactions"].size() == 1u);
  // A replay still needs the right key.
  const auto wrong = server.post(kCharge, envelope(Credentials{demo.id, "0123456789abcdef0123456789abcdef"},
                                                    card_payment_request(2, "10.00", email)),
                                 key);
  BOOST_TEST(wrong.code() == "20", wrong.summary());
}

BOOST_AUTO_TEST_CASE(idempotency_key_remembers_a_refusal_and_checks_its_length) {
  const std::string email = unique_email();
  const httplib::Headers key = {{"Idempotency-Key", "refused-" + unique_suffix()}};
  const json body = envelope(demo, card_payment_request(2, "10.00", email, card(kLuhnFailing)));
  const auto first = server.post(kCharge, body, key);
  BOOST_TEST(first.code() == "05", first.summary());
  const auto second = server.post(kCharge, body, key);
  BOOST_TEST(second.text == first.text);
  BOOST_TEST(second.header("Idempotent-Replayed") == "true");

  const auto too_long =
      server.post(kCharge, envelope(demo, card_payment_request(2, "10.00", email)), {{"Idempotency-Key", std::string(256, 'k')}});
  BOOST_TEST(too_long.code() == "05", too_long.summary());
  BOOST_TEST(list_transactions(server, demo, email)["Transactions"].empty());
}

BOOST_AUTO_TEST_CASE(every_payment_endpoint_rejects_bad_envelopes) {
  const json charge = card_payment_request(2, "1.00", unique_email());
  const std::vector<std::pair<std::string, json>> endpoints = {
      {kAuthorize, card_payment_request(1, "1.00", unique_email())},
      {kCharge, charge},
      {kRefund, json::object()},
      {kSettle, json::object()},
      {kVoid, json::object()},
      {kDebit, bank_request(6, "1.00")},
      {kCredit, bank_request(7, "1.00")},
      {kThirdParty, third_party_request(unique_email())},
      {"/api/v1/profiles/authorize", json::object()},
      {"/api/v1/profiles/charge", json::object()},
      {"/api/v1/profiles/refund", json::object()},
      {"/api/v1/profiles/settle", json::object()},
      {"/api/v1/profiles/void", json::object()},
  };
  for (const auto& [path, request] : endpoints) {
    check_envelope_rejections(server, demo, path, request);
    const auto no_request = server.post(path, {{"Authentication", demo.json()}});
    BOOST_TEST(no_request.status == 400, path << ": " << no_request.summary());
    BOOST_TEST(no_request.body["ModelState"].contains("model.Request"), path << ": " << no_request.summary());
    const auto get = server.get(path);
    BOOST_TEST(get.status == 405, path << ": " << get.summary());
  }
  // Nothing was charged by any of it.
  BOOST_TEST(list_transactions(server, demo, charge["Email"].get<std::string>())["Transactions"].empty());
}

BOOST_AUTO_TEST_CASE(idempotency_keys_are_scoped_per_client) {
  // Two clients may pick the same Idempotency-Key: each gets its own first answer.
  const auto other = register_active_client(server);
  const std::string shared_key = "shared-" + unique_suffix();
  const std::string email = unique_email();
  const auto mine = server.post(kCharge, envelope(demo, card_payment_request(2, "10.00", email)), {{"Idempotency-Key", shared_key}});
  BOOST_TEST_REQUIRE(mine.code() == "00", mine.summary());
  const auto theirs =
      server.post(kCharge, envelope(other, card_payment_request(2, "20.00", email)), {{"Idempotency-Key", shared_key}});
  BOOST_TEST(theirs.code() == "00", theirs.summary());
  BOOST_TEST(theirs.header_count("Idempotent-Replayed") == 0u);
  BOOST_TEST(theirs.response().value("Amount", "") == "20.00");
  BOOST_TEST(theirs.response().value("TransactionId", "") != mine.response().value("TransactionId", ""));
  BOOST_TEST(list_transactions(server, demo, email)["Transactions"].size() == 1u);
  BOOST_TEST(list_transactions(server, other, email)["Transactions"].size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
