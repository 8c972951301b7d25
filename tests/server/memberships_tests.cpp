// Memberships (seed 000): memberships/join, memberships/{email} (GET and its POST twin) and
// memberships/cancel, and the renewals and cancellations the sandbox clock runs. Every case runs on
// a clock frozen at 2026-01-31T10:00:00Z, so the monthly anniversaries clamp to month ends:
// 2026-02-28, 2026-03-31, 2026-04-30, 2026-05-31. The fee is read from POST packages.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>

#include "gateway_helpers.hpp"

using namespace payref_test;
using nlohmann::json;

namespace {

constexpr const char* kJoin = "/api/v1/memberships/join";
constexpr const char* kCancel = "/api/v1/memberships/cancel";
constexpr const char* kToday = "2026-01-31";
constexpr const char* kLongExpiry = "12/35";  // valid across every clock advance below
constexpr const char* kGuild = "MBR-RENDER-GUILD-1M";
constexpr const char* kStorageGuild = "MBR-STORAGE-PRO-1M";
constexpr const char* kDeclinedCard = "4000000000000002";  // docs/test-cards.md: "51"

std::int64_t cents(const std::string& text) {
  const auto dot = text.find('.');
  BOOST_TEST_REQUIRE((dot != std::string::npos && text.size() - dot == 3), "not a two-decimal amount: " << text);
  return std::stoll(text.substr(0, dot)) * 100 + std::stoll(text.substr(dot + 1));
}

std::string money(std::int64_t minor) {
  char out[32];
  std::snprintf(out, sizeof out, "%lld.%02lld", static_cast<long long>(minor / 100), static_cast<long long>(minor % 100));
  return out;
}

std::int64_t amount_cents(const json& row) { return std::llround(row.at("Amount").get<double>() * 100); }

std::string code_named(const std::string& stem) {
  std::string s = unique_suffix();
  for (auto& c : s) c = static_cast<char>(std::isalnum(static_cast<unsigned char>(c)) ? std::toupper(static_cast<unsigned char>(c)) : '-');
  return (stem + "-" + s).substr(0, 32);
}

json card_method(const std::string& number = kVisa, const std::string& expiry = kLongExpiry) {
  return {{"PaymentType", "1"},
          {"CardPayment", {{"Card", card(number, "123", expiry)}, {"CaptureMethod", "3"}, {"BillingAddress", address()}}},
          {"Name", name()},
          {"CurrencyCode", "USD"},
          {"Authorizer", "Sierra"}};
}

json join_request(const std::string& email, const std::string& sku = kGuild, const json& method = card_method()) {
  return {{"Email", email}, {"Sku", sku}, {"TransactionReference", unique_ref("join")}, {"PaymentMethod", method}};
}

std::vector<std::string> dates_of(const json& rows) {
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(r.value("TransactionDateTime", "").substr(0, 10));
  return out;
}

// The "membership" entries of a clock advance's "ran".
json membership_runs(const json& answer) {
  json out = json::array();
  for (const auto& entry : answer.at("ran"))
    if (entry.value("type", "") == "membership") out.push_back(entry);
  return out;
}

struct MembershipFixture {
  ServerProcess server{ServerProcess::Options{"warn", {"--clock", "2026-01-31T10:00:00Z"}}};
  Credentials demo = server.demo_credentials();
  std::int64_t fee = 0;  // the Render Guild's monthly fee

  MembershipFixture() {
    const auto reply = server.post("/api/v1/packages", envelope(demo, {{"PackageType", "Membership"}}));
    BOOST_TEST_REQUIRE(reply.code() == "00", "packages: " << reply.summary());
    for (const auto& p : reply.response().at("Packages"))
      if (p.value("Sku", "") == kGuild) fee = cents(p.at("Price").get<std::string>());
    BOOST_TEST_REQUIRE(fee > 0, kGuild << " is not in the catalogue");
  }

  HttpReply join(const json& request, const httplib::Headers& headers = {}) const { return server.post(kJoin, envelope(demo, request), headers); }
  // A join that must succeed: its Response.
  json joined(const std::string& email, const json& method = card_method()) const {
    const auto reply = join(join_request(email, kGuild, method));
    BOOST_TEST_REQUIRE(reply.code() == "00", "memberships/join: " << reply.summary());
    return reply.response();
  }
  HttpReply cancel(const json& request) const { return server.post(kCancel, envelope(demo, request)); }

  // POST memberships/{email}: the Response (must be 00).
  json memberships(const std::string& email) const {
    const auto reply = server.post("/api/v1/memberships/" + email, envelope(demo, json::object()));
    BOOST_TEST_REQUIRE(reply.code() == "00", "memberships: " << reply.summary());
    return reply.response();
  }
  json membership(const std::string& email, const std::string& id) const {
    const json listed = memberships(email);
    for (const auto& m : listed["Memberships"])
      if (m.value("MembershipId", "") == id) return m;
    BOOST_FAIL("membership " << id << " not listed for " << email);
    return {};
  }
  std::string is_member(const std::string& email) const { return memberships(email).value("IsMember", ""); }

  json advance(const json& body) const {
    const auto reply = server.post_raw("/_sandbox/clock/advance", body.dump(), "application/json",
                                       {{"Authorization", std::string("Bearer ") + kAdminToken}});
    BOOST_TEST_REQUIRE(reply.status == 200, reply.summary());
    return reply.body;
  }

  // The contact's transactions, oldest first.
  json history(const std::string& email) const {
    json rows = list_transactions(server, demo, email, 100)["Transactions"];
    std::reverse(rows.begin(), rows.end());
    return rows;
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(memberships_tests, MembershipFixture)

BOOST_AUTO_TEST_CASE(joining_charges_the_fee_and_renews_on_the_clamped_anniversary) {
  const std::string email = unique_email("member");
  const json m = joined(email);
  BOOST_TEST(m.value("Status", "") == "Active");
  BOOST_TEST(m.value("Email", "") == email);
  BOOST_TEST(m.value("Sku", "") == kGuild);
  BOOST_TEST(m.value("Association", "") == "Render Guild");
  BOOST_TEST(m.value("JoinDate", "") == kToday);
  BOOST_TEST(m.value("NextRenewalDate", "") == "2026-02-28");  // 31 January + 1 month, clamped
  BOOST_TEST(m["EndDate"].is_null());
  BOOST_TEST(m.value("MonthlyFee", "") == money(fee));
  BOOST_TEST(m.value("AmountCharged", "") == money(fee));
  BOOST_TEST(m["DiscountAmount"].is_null());
  BOOST_TEST(m.value("RenewalsMade", -1) == 0);
  BOOST_TEST(m.value("MembershipId", "").size() == 9u);
  BOOST_TEST(m.value("LastResponseCode", "") == "00");
  // The card is kept on file for the renewals.
  BOOST_TEST(m.value("CustomerProfileId", "").size() == 9u);
  BOOST_TEST(m.value("PaymentProfileId", "").size() == 9u);

  const json rows = history(email);
  BOOST_TEST_REQUIRE(rows.size() == 1u);
  BOOST_TEST(rows[0].value("TransactionId", "") == m.value("LastTransactionId", ""));
  BOOST_TEST(rows[0].value("Status", "") == "Charged");
  BOOST_TEST(amount_cents(rows[0]) == fee);
  BOOST_TEST(dates_of(rows)[0] == kToday);

  const auto profiles = server.post("/api/v1/customer/profiles", envelope(demo, {{"Email", email}}));
  BOOST_TEST_REQUIRE(profiles.code() == "00", profiles.summary());
  BOOST_TEST(profiles.response().value("CustomerProfileId", "") == m.value("CustomerProfileId", ""));
  BOOST_TEST(profiles.response()["PaymentProfiles"][0].value("PaymentProfileId", "") == m.value("PaymentProfileId", ""));
}

BOOST_AUTO_TEST_CASE(joining_with_a_stored_profile_renews_on_that_profile) {
  const Customer c = register_customer(server, demo, unique_email("stored"), card(kMastercard, "123", kLongExpiry));
  const json m = joined(c.email, {{"PaymentType", "3"}, {"StoredProfile", {{"CustomerProfileId", c.id}, {"PaymentProfileId", c.profile_id}}}});
  BOOST_TEST(m.value("CustomerProfileId", "") == c.id);
  BOOST_TEST(m.value("PaymentProfileId", "") == c.profile_id);
  advance({{"to", "2026-03-01T00:00:00Z"}});
  const json rows = history(c.email);
  BOOST_TEST_REQUIRE(rows.size() == 2u);
  BOOST_TEST((dates_of(rows) == std::vector<std::string>{kToday, "2026-02-28"}));
  BOOST_TEST(rows[1].value("CardType", "") == "MasterCard");
  BOOST_TEST(amount_cents(rows[1]) == fee);
}

BOOST_AUTO_TEST_CASE(joining_with_a_bank_account_renews_by_debit) {
  const std::string email = unique_email("member");
  const json bank = {{"PaymentType", "2"},
                     {"BankRequest", {{"RoutingNumber", kRouting}, {"BankAccountNumber", "123456789"}, {"AccountHolderName", "Ada Lovelace"},
                                      {"BillingAddress", address()}}},
                     {"Name", name()}};
  const json m = joined(email, bank);
  BOOST_TEST(m.value("PaymentProfileId", "").size() == 9u);
  advance({{"to", "2026-03-01T00:00:00Z"}});
  const json rows = history(email);
  BOOST_TEST_REQUIRE(rows.size() == 2u);
  for (const auto& r : rows) {
    BOOST_TEST(r.value("Status", "") == "Debited");
    BOOST_TEST(amount_cents(r) == fee);
  }
  // Keeping the account on file needs a name: refused before any debit.
  json nameless = bank;
  nameless.erase("Name");
  const std::string other = unique_email("member");
  BOOST_TEST(join(join_request(other, kGuild, nameless)).code() == "05");
  BOOST_TEST(history(other).empty());
}

BOOST_AUTO_TEST_CASE(a_discount_code_reduces_the_first_payment_only) {
  const std::string code = code_named("HALF");
  const auto added = server.post("/api/v1/discountcode/add",
                                 envelope(demo, {{"DiscountCode", code}, {"Percent", "50"}, {"Product", "Membership"}}));
  BOOST_TEST_REQUIRE(added.code() == "00", added.summary());
  const std::string email = unique_email("member");
  json request = join_request(email);
  request["Discount"] = {{"DiscountCode", code}};
  const auto reply = join(request);
  BOOST_TEST_REQUIRE(reply.code() == "00", reply.summary());
  const std::int64_t off = (fee * 5000 + 5000) / 10000;  // 50 %, half-up to the cent
  BOOST_TEST(reply.response().value("DiscountAmount", "") == money(off));
  BOOST_TEST(reply.response().value("AmountCharged", "") == money(fee - off));
  BOOST_TEST(reply.response().value("MonthlyFee", "") == money(fee));
  const auto validated = server.post("/api/v1/discountcode/validate", envelope(demo, {{"DiscountCode", code}, {"Product", "Membership"}}));
  BOOST_TEST(validated.response().value("Uses", -1) == 1, validated.summary());

  advance({{"to", "2026-03-01T00:00:00Z"}});
  const json rows = history(email);
  BOOST_TEST_REQUIRE(rows.size() == 2u);
  BOOST_TEST(amount_cents(rows[0]) == fee - off);
  BOOST_TEST(amount_cents(rows[1]) == fee);  // the renewal pays the full fee

  // A code for another product does not apply to a membership.
  const std::string render_only = code_named("RENDER");
  BOOST_TEST_REQUIRE(server.post("/api/v1/discountcode/add", envelope(demo, {{"DiscountCode", render_only}, {"Percent", "10"}, {"Product", "RR-RND-STD-1Y"}}))
                         .code() == "00");
  const std::string other = unique_email("member");
  json refused = join_request(other);
  refused["Discount"] = {{"DiscountCode", render_only}};
  const auto not_applicable = join(refused);
  BOOST_TEST(not_applicable.code() == "30", not_applicable.summary());
  BOOST_TEST(history(other).empty());
  BOOST_TEST(memberships(other)["Memberships"].empty());
}

BOOST_AUTO_TEST_CASE(memberships_by_email_answer_get_and_post) {
  const std::string email = unique_email("member");
  const json m = joined(email);
  const httplib::Params auth = {{"Authentication.Id", demo.id}, {"Authentication.Key", demo.key}};

  const auto get = server.get("/api/v1/memberships/" + email, auth);
  BOOST_TEST_REQUIRE(get.code() == "00", get.summary());
  BOOST_TEST(get.response().value("Email", "") == email);
  BOOST_TEST(get.response().value("IsMember", "") == "True");
  BOOST_TEST_REQUIRE(get.response()["Memberships"].size() == 1u);
  const json& listed = get.response()["Memberships"][0];
  BOOST_TEST(listed.value("MembershipId", "") == m.value("MembershipId", ""));
  BOOST_TEST(listed.value("Status", "") == "Active");
  BOOST_TEST(listed.value("NextRenewalDate", "") == "2026-02-28");
  BOOST_TEST(!listed.contains("AmountCharged"));

  // The @ URL-encoded reads the same address.
  std::string encoded = email;
  encoded.replace(encoded.find('@'), 1, "%40");
  const auto get_encoded = server.get("/api/v1/memberships/" + encoded, auth);
  BOOST_TEST(get_encoded.code() == "00", get_encoded.summary());
  BOOST_TEST(get_encoded.response() == get.response());

  // The POST twin.
  const auto post = server.post("/api/v1/memberships/" + email, envelope(demo, json::object()));
  BOOST_TEST(post.code() == "00", post.summary());
  BOOST_TEST(post.response() == get.response());

  // An address with no membership: an empty list.
  const auto nobody = server.get("/api/v1/memberships/" + unique_email("nobody"), auth);
  BOOST_TEST(nobody.code() == "00", nobody.summary());
  BOOST_TEST(nobody.response().value("IsMember", "") == "False");
  BOOST_TEST(nobody.response()["Memberships"].empty());

  // Not an address: "05".
  const auto invalid = server.get("/api/v1/memberships/not-an-address", auth);
  BOOST_TEST(invalid.code() == "05", invalid.summary());
  BOOST_TEST(server.post("/api/v1/memberships/not-an-address", envelope(demo, json::object())).code() == "05");

  // A wrong key: "20"; another client sees nothing.
  const auto wrong = server.get("/api/v1/memberships/" + email, {{"Authentication.Id", demo.id}, {"Authentication.Key", "0000"}});
  BOOST_TEST(wrong.code() == "20", wrong.summary());
  const Credentials other = register_active_client(server);
  const auto theirs = server.post("/api/v1/memberships/" + email, envelope(other, json::object()));
  BOOST_TEST(theirs.code() == "00", theirs.summary());
  BOOST_TEST(theirs.response()["Memberships"].empty());
  BOOST_TEST(theirs.response().value("IsMember", "") == "False");
}

BOOST_AUTO_TEST_CASE(join_refusals) {
  const std::string email = unique_email("member");
  joined(email);
  // Twice: "40", nothing charged.
  const auto twice = join(join_request(email));
  BOOST_TEST(twice.code() == "40", twice.summary());
  BOOST_TEST(history(email).size() == 1u);
  BOOST_TEST(memberships(email)["Memberships"].size() == 1u);
  // Another association is another membership.
  BOOST_TEST(join(join_request(email, kStorageGuild)).code() == "00");
  BOOST_TEST(memberships(email)["Memberships"].size() == 2u);

  const std::string other = unique_email("member");
  // Not a membership SKU, or no SKU at all in the catalogue: "10".
  BOOST_TEST(join(join_request(other, "RR-RND-STD-1Y")).code() == "10");
  BOOST_TEST(join(join_request(other, "MBR-NO-SUCH-1M")).code() == "10");
  // Field errors: "05".
  json no_method = join_request(other);
  no_method.erase("PaymentMethod");
  BOOST_TEST(join(no_method).code() == "05");
  json no_reference = join_request(other);
  no_reference.erase("TransactionReference");
  BOOST_TEST(join(no_reference).code() == "05");
  json no_sku = join_request(other);
  no_sku.erase("Sku");
  BOOST_TEST(join(no_sku).code() == "05");
  BOOST_TEST(join(join_request("not-an-address")).code() == "05");
  BOOST_TEST(history(other).empty());
  BOOST_TEST(memberships(other)["Memberships"].empty());

  // A declined card: the decline code, the attempt recorded, no membership.
  const auto declined = join(join_request(other, kGuild, card_method(kDeclinedCard)));
  BOOST_TEST(declined.code() == "51", declined.summary());
  BOOST_TEST(declined.response().value("Status", "") == "Declined");
  const json rows = history(other);
  BOOST_TEST_REQUIRE(rows.size() == 1u);
  BOOST_TEST(rows[0].value("Status", "") == "Declined");
  BOOST_TEST(rows[0].value("ResponseCode", "") == "51");
  BOOST_TEST(amount_cents(rows[0]) == fee);
  BOOST_TEST(memberships(other)["Memberships"].empty());
  BOOST_TEST(is_member(other) == "False");

  check_envelope_rejections(server, demo, kJoin, join_request(unique_email("member")));
}

BOOST_AUTO_TEST_CASE(join_honours_an_idempotency_key) {
  const std::string email = unique_email("member");
  const json body = envelope(demo, join_request(email));
  const httplib::Headers key = {{"Idempotency-Key", "join-" + unique_suffix()}};
  const auto first = server.post(kJoin, body, key);
  BOOST_TEST_REQUIRE(first.code() == "00", first.summary());
  const auto second = server.post(kJoin, body, key);
  BOOST_TEST(second.text == first.text);
  BOOST_TEST(second.header("Idempotent-Replayed") == "true");
  BOOST_TEST(history(email).size() == 1u);
  json changed = body;
  changed["Request"]["Sku"] = kStorageGuild;
  BOOST_TEST(server.post(kJoin, changed, key).code() == "41");
  BOOST_TEST(memberships(email)["Memberships"].size() == 1u);
}

BOOST_AUTO_TEST_CASE(renewals_charge_the_fee_on_each_clamped_anniversary) {
  const std::string email = unique_email("member");
  const json m = joined(email);
  const std::string id = m.value("MembershipId", "");
  const json answer = advance({{"days", 100}});  // to 2026-05-11
  BOOST_TEST(answer.value("now", "") == "2026-05-11T10:00:00Z");
  BOOST_TEST(answer.value("charges", 0) == 3);
  const json runs = membership_runs(answer);
  BOOST_TEST_REQUIRE(runs.size() == 3u, answer.dump());
  const std::vector<std::string> due = {"2026-02-28", "2026-03-31", "2026-04-30"};
  for (std::size_t i = 0; i < runs.size(); ++i) {
    BOOST_TEST(runs[i].value("MembershipId", "") == id);
    BOOST_TEST(runs[i].value("DueDate", "") == due[i]);
    BOOST_TEST(runs[i].value("Status", "") == "Renewed");
    BOOST_TEST(runs[i].value("Code", "") == "00");
    BOOST_TEST(runs[i].value("TransactionId", "").size() == 9u);
  }

  const json rows = history(email);
  BOOST_TEST_REQUIRE(rows.size() == 4u);
  BOOST_TEST((dates_of(rows) == std::vector<std::string>{kToday, "2026-02-28", "2026-03-31", "2026-04-30"}));
  for (std::size_t i = 0; i < rows.size(); ++i) {
    BOOST_TEST(amount_cents(rows[i]) == fee);
    BOOST_TEST(rows[i].value("Status", "") == "Charged");
    if (i > 0) BOOST_TEST(rows[i].value("TransactionId", "") == runs[i - 1].value("TransactionId", ""));
  }

  const json now = membership(email, id);
  BOOST_TEST(now.value("Status", "") == "Active");
  BOOST_TEST(now.value("RenewalsMade", -1) == 3);
  BOOST_TEST(now.value("NextRenewalDate", "") == "2026-05-31");
  BOOST_TEST(now.value("LastTransactionId", "") == runs[2].value("TransactionId", ""));
  // Within the same day nothing more runs.
  BOOST_TEST(advance({{"seconds", 3600}}).value("charges", -1) == 0);
  BOOST_TEST(history(email).size() == 4u);
}

BOOST_AUTO_TEST_CASE(cancel_ends_the_membership_on_its_next_renewal_date) {
  const std::string email = unique_email("member");
  const std::string id = joined(email).value("MembershipId", "");
  advance({{"to", "2026-03-05T10:00:00Z"}});  // one renewal: 2026-02-28
  BOOST_TEST(history(email).size() == 2u);

  const auto cancelled = cancel({{"Email", email}, {"Sku", kGuild}});
  BOOST_TEST_REQUIRE(cancelled.code() == "00", cancelled.summary());
  BOOST_TEST(cancelled.response().value("Status", "") == "PendingCancellation");
  BOOST_TEST(cancelled.response().value("EndDate", "") == "2026-03-31");
  BOOST_TEST(cancelled.response().value("NextRenewalDate", "") == "2026-03-31");
  BOOST_TEST(is_member(email) == "True");  // the benefits last until the end date
  // Cancelling again: "30" by id, and the same by SKU (still a current membership).
  BOOST_TEST(cancel({{"Email", email}, {"MembershipId", id}}).code() == "30");
  BOOST_TEST(cancel({{"Email", email}, {"Sku", kGuild}}).code() == "30");
  // Nor can the member join again while the cancellation is pending.
  BOOST_TEST(join(join_request(email)).code() == "40");

  const json before_end = advance({{"to", "2026-03-30T23:00:00Z"}});
  BOOST_TEST(membership_runs(before_end).empty());
  BOOST_TEST(is_member(email) == "True");

  const json answer = advance({{"to", "2026-04-01T00:00:00Z"}});
  const json runs = membership_runs(answer);
  BOOST_TEST_REQUIRE(runs.size() == 1u, answer.dump());
  BOOST_TEST(runs[0].value("MembershipId", "") == id);
  BOOST_TEST(runs[0].value("DueDate", "") == "2026-03-31");
  BOOST_TEST(runs[0].value("Status", "") == "Cancelled");
  BOOST_TEST(!runs[0].contains("TransactionId"));
  const json m = membership(email, id);
  BOOST_TEST(m.value("Status", "") == "Cancelled");
  BOOST_TEST(m.value("EndDate", "") == "2026-03-31");
  BOOST_TEST(m["NextRenewalDate"].is_null());
  BOOST_TEST(m.value("RenewalsMade", -1) == 1);
  BOOST_TEST(is_member(email) == "False");

  advance({{"days", 90}});
  BOOST_TEST(history(email).size() == 2u);  // no charge after the cancellation
  BOOST_TEST(cancel({{"Email", email}, {"MembershipId", id}}).code() == "30");
  BOOST_TEST(cancel({{"Email", email}, {"Sku", kGuild}}).code() == "10");  // no current membership of it
  // A cancelled member may join again.
  BOOST_TEST(join(join_request(email)).code() == "00");
  BOOST_TEST(is_member(email) == "True");
}

BOOST_AUTO_TEST_CASE(cancel_refusals) {
  const std::string email = unique_email("member");
  const std::string id = joined(email).value("MembershipId", "");
  BOOST_TEST(cancel({{"Email", email}, {"MembershipId", "699999999"}}).code() == "10");
  BOOST_TEST(cancel({{"Email", email}, {"Sku", kStorageGuild}}).code() == "10");
  BOOST_TEST(cancel({{"Email", unique_email("nobody")}, {"MembershipId", id}}).code() == "10");  // someone else's id
  BOOST_TEST(cancel({{"Email", email}}).code() == "05");
  BOOST_TEST(cancel({{"MembershipId", id}}).code() == "05");
  const auto wrong = server.post(kCancel, envelope(Credentials{demo.id, "0000"}, {{"Email", email}, {"MembershipId", id}}));
  BOOST_TEST(wrong.code() == "20", wrong.summary());
  const Credentials other = register_active_client(server);
  BOOST_TEST(server.post(kCancel, envelope(other, {{"Email", email}, {"MembershipId", id}})).code() == "10");
  // By id it works.
  const auto by_id = cancel({{"Email", email}, {"MembershipId", id}});
  BOOST_TEST(by_id.code() == "00", by_id.summary());
  BOOST_TEST(by_id.response().value("EndDate", "") == "2026-02-28");
}

// A renewal that declines. A joining payment that declines refuses the join, so the stored card
// must be approved when joining and decline later. Two ways:
//  - a 100 % discount code: nothing is due when joining, so the declining card is kept on file
//    without being charged; the first renewal charges it;
//  - a card expiring 02/26: approved when joining and on 2026-02-28, found expired ("53") on
//    2026-03-31.
BOOST_AUTO_TEST_CASE(a_declined_renewal_lapses_the_membership) {
  const std::string code = code_named("FREE");
  BOOST_TEST_REQUIRE(server.post("/api/v1/discountcode/add", envelope(demo, {{"DiscountCode", code}, {"Percent", "100"}})).code() == "00");
  const std::string email = unique_email("member");
  json request = join_request(email, kGuild, card_method(kDeclinedCard));
  request["Discount"] = {{"DiscountCode", code}};
  const auto reply = join(request);
  BOOST_TEST_REQUIRE(reply.code() == "00", reply.summary());
  BOOST_TEST(reply.response().value("AmountCharged", "") == "0.00");
  BOOST_TEST(reply.response()["LastTransactionId"].is_null());
  BOOST_TEST(history(email).empty());
  const std::string id = reply.response().value("MembershipId", "");

  const json answer = advance({{"to", "2026-03-01T00:00:00Z"}});
  const json runs = membership_runs(answer);
  BOOST_TEST_REQUIRE(runs.size() == 1u, answer.dump());
  BOOST_TEST(runs[0].value("Status", "") == "Lapsed");
  BOOST_TEST(runs[0].value("Code", "") == "51");
  BOOST_TEST(runs[0].value("DueDate", "") == "2026-02-28");
  const json rows = history(email);
  BOOST_TEST_REQUIRE(rows.size() == 1u);
  BOOST_TEST(rows[0].value("Status", "") == "Declined");
  BOOST_TEST(rows[0].value("ResponseCode", "") == "51");
  BOOST_TEST(rows[0].value("TransactionId", "") == runs[0].value("TransactionId", ""));
  BOOST_TEST(amount_cents(rows[0]) == fee);

  const json m = membership(email, id);
  BOOST_TEST(m.value("Status", "") == "Lapsed");
  BOOST_TEST(m.value("EndDate", "") == "2026-02-28");
  BOOST_TEST(m["NextRenewalDate"].is_null());
  BOOST_TEST(m.value("LastResponseCode", "") == "51");
  BOOST_TEST(m.value("RenewalsMade", -1) == 0);
  BOOST_TEST(is_member(email) == "False");
  // A lapsed membership is not tried again, and cannot be cancelled.
  BOOST_TEST(membership_runs(advance({{"days", 60}})).empty());
  BOOST_TEST(history(email).size() == 1u);
  BOOST_TEST(cancel({{"Email", email}, {"MembershipId", id}}).code() == "30");
}

BOOST_AUTO_TEST_CASE(a_stored_card_that_expires_lapses_the_membership_at_the_next_renewal) {
  const std::string email = unique_email("member");
  const std::string id = joined(email, card_method(kVisa, "02/26")).value("MembershipId", "");
  const json answer = advance({{"to", "2026-04-01T00:00:00Z"}});
  const json runs = membership_runs(answer);
  BOOST_TEST_REQUIRE(runs.size() == 2u, answer.dump());
  BOOST_TEST(runs[0].value("Status", "") == "Renewed");  // 2026-02-28: the card is valid through February
  BOOST_TEST(runs[1].value("Status", "") == "Lapsed");   // 2026-03-31: expired
  BOOST_TEST(runs[1].value("Code", "") == "53");
  const json rows = history(email);
  BOOST_TEST_REQUIRE(rows.size() == 3u);
  BOOST_TEST(rows[2].value("Status", "") == "Declined");
  BOOST_TEST(rows[2].value("ResponseCode", "") == "53");
  const json m = membership(email, id);
  BOOST_TEST(m.value("Status", "") == "Lapsed");
  BOOST_TEST(m.value("EndDate", "") == "2026-03-31");
  BOOST_TEST(m.value("RenewalsMade", -1) == 1);
}

BOOST_AUTO_TEST_CASE(a_membership_whose_profile_was_removed_lapses_with_code_10) {
  const std::string email = unique_email("member");
  const json joined_view = joined(email);
  const std::string id = joined_view.value("MembershipId", "");
  const auto removed = server.post("/api/v1/customer/payments/remove",
                                   envelope(demo, {{"CustomerProfileId", joined_view.value("CustomerProfileId", "")},
                                                   {"PaymentProfileId", joined_view.value("PaymentProfileId", "")}}));
  BOOST_TEST_REQUIRE(removed.code() == "00", removed.summary());
  const json answer = advance({{"to", "2026-03-01T00:00:00Z"}});
  const json runs = membership_runs(answer);
  BOOST_TEST_REQUIRE(runs.size() == 1u, answer.dump());
  BOOST_TEST(runs[0].value("Code", "") == "10");
  // "Lapsed: <why>", as a recurring payment's entry reads "Suspended: <why>" in that case.
  BOOST_TEST(runs[0].value("Status", "").rfind("Lapsed", 0) == 0u, answer.dump());
  BOOST_TEST(!runs[0].contains("TransactionId"));
  const json m = membership(email, id);
  BOOST_TEST(m.value("Status", "") == "Lapsed");
  BOOST_TEST(m.value("LastResponseCode", "") == "10");
  BOOST_TEST(history(email).size() == 1u);  // nothing could be charged
}

BOOST_AUTO_TEST_CASE(a_processor_error_retries_the_renewal_the_next_day) {
  // The outage card, kept on file without a charge (100 % off), fails every day with "91".
  const std::string code = code_named("FREE");
  BOOST_TEST_REQUIRE(server.post("/api/v1/discountcode/add", envelope(demo, {{"DiscountCode", code}, {"Percent", "100"}})).code() == "00");
  const std::string email = unique_email("member");
  json request = join_request(email, kGuild, card_method("4000000000000119"));
  request["Discount"] = {{"DiscountCode", code}};
  const auto reply = join(request);
  BOOST_TEST_REQUIRE(reply.code() == "00", reply.summary());
  const std::string id = reply.response().value("MembershipId", "");
  const json answer = advance({{"to", "2026-03-02T12:00:00Z"}});  // 02-28, 03-01, 03-02
  const json runs = membership_runs(answer);
  BOOST_TEST_REQUIRE(runs.size() == 3u, answer.dump());
  for (const auto& r : runs) {
    BOOST_TEST(r.value("Status", "") == "RetryTomorrow");
    BOOST_TEST(r.value("Code", "") == "91");
  }
  BOOST_TEST(runs[1].value("DueDate", "") == "2026-03-01");
  const json m = membership(email, id);
  BOOST_TEST(m.value("Status", "") == "Active");
  BOOST_TEST(m.value("NextRenewalDate", "") == "2026-03-03");
  BOOST_TEST(is_member(email) == "True");
  BOOST_TEST(history(email).size() == 3u);
}

BOOST_AUTO_TEST_SUITE_END()
