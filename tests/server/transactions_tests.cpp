// Transaction history (seed 000: GET/POST api/v1/transactions): paging with PageSize/PageNumber
// and MorePages, newest first, Amount as a JSON number, the seed's list fields, and isolation
// between clients (a client never sees another client's customers or transactions).
#include <boost/test/unit_test.hpp>

#include "gateway_helpers.hpp"

using namespace payref_test;
using nlohmann::json;

namespace {

// Records one third-party payment per amount, oldest first; returns their TransactionIds.
std::vector<std::string> record_payments(const ServerProcess& server, const Credentials& who, const std::string& email,
                                         const std::vector<std::string>& amounts) {
  std::vector<std::string> ids;
  for (const auto& amount : amounts) {
    const auto reply = server.post("/api/v1/payments/thirdparty",
                                   envelope(who, {{"Amount", amount},
                                                  {"CurrencyCode", "USD"},
                                                  {"Email", email},
                                                  {"TransactionReference", unique_ref("tp")},
                                                  {"PaymentMethod", "Cheque"}}));
    BOOST_TEST_REQUIRE(reply.code() == "00", reply.summary());
    ids.push_back(reply.response().value("TransactionId", ""));
  }
  return ids;
}

std::vector<std::string> ids_of(const json& rows) {
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(r.value("TransactionId", ""));
  return out;
}

httplib::Params query(const Credentials& who, const std::vector<std::pair<std::string, std::string>>& request) {
  httplib::Params p{{"Authentication.Id", who.id}, {"Authentication.Key", who.key}};
  for (const auto& [k, v] : request) p.emplace("Request." + k, v);
  return p;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(transactions_tests, ServerFixture)

BOOST_AUTO_TEST_CASE(pages_are_newest_first_with_more_pages) {
  const std::string email = unique_email();
  const auto ids = record_payments(server, demo, email, {"1.00", "2.00", "3.00", "4.00", "5.00"});

  const auto page1 = list_transactions(server, demo, email, 2, 1);
  BOOST_TEST(ids_of(page1["Transactions"]) == (std::vector<std::string>{ids[4], ids[3]}));
  BOOST_TEST(page1["MorePages"] == true);
  BOOST_TEST(page1["PageSize"] == 2);
  BOOST_TEST(page1["PageNumber"] == 1);
  BOOST_TEST(page1.value("Email", "") == email);

  const auto page2 = list_transactions(server, demo, email, 2, 2);
  BOOST_TEST(ids_of(page2["Transactions"]) == (std::vector<std::string>{ids[2], ids[1]}));
  BOOST_TEST(page2["MorePages"] == true);

  const auto page3 = list_transactions(server, demo, email, 2, 3);
  BOOST_TEST(ids_of(page3["Transactions"]) == (std::vector<std::string>{ids[0]}));
  BOOST_TEST(page3["MorePages"] == false);

  const auto page4 = list_transactions(server, demo, email, 2, 4);
  BOOST_TEST(page4["Transactions"].empty());
  BOOST_TEST(page4["MorePages"] == false);

  // An exact fit has no further page.
  const auto all = list_transactions(server, demo, email, 5, 1);
  BOOST_TEST(all["Transactions"].size() == 5u);
  BOOST_TEST(all["MorePages"] == false);
}

BOOST_AUTO_TEST_CASE(default_page_is_twenty_from_page_one) {
  const std::string email = unique_email();
  std::vector<std::string> amounts;
  for (int i = 1; i <= 21; ++i) amounts.push_back(std::to_string(i) + ".00");
  const auto ids = record_payments(server, demo, email, amounts);
  const auto list = list_transactions(server, demo, email);
  BOOST_TEST(list["PageSize"] == 20);
  BOOST_TEST(list["PageNumber"] == 1);
  BOOST_TEST(list["MorePages"] == true);
  BOOST_TEST_REQUIRE(list["Transactions"].size() == 20u);
  BOOST_TEST(list["Transactions"][0].value("TransactionId", "") == ids[20]);
  BOOST_TEST(list["Transactions"][19].value("TransactionId", "") == ids[1]);
  BOOST_TEST(list.value("TimeZone", "") == "UTC");
}

BOOST_AUTO_TEST_CASE(amount_is_a_json_number) {
  const std::string email = unique_email();
  record_payments(server, demo, email, {"12.34", "1000.00", "0.07"});
  approved_card_payment(server, demo, 2, "99.95", email);
  const auto rows = list_transactions(server, demo, email)["Transactions"];
  BOOST_TEST_REQUIRE(rows.size() == 4u);
  for (const auto& row : rows) BOOST_TEST(row["Amount"].is_number(), row.dump());
  BOOST_TEST(rows[0]["Amount"].get<double>() == 99.95);
  BOOST_TEST(rows[1]["Amount"].get<double>() == 0.07);
  BOOST_TEST(rows[2]["Amount"].get<double>() == 1000.0);
  BOOST_TEST(rows[3]["Amount"].get<double>() == 12.34);
}

BOOST_AUTO_TEST_CASE(card_rows_carry_auth_code_and_card_type) {
  const std::string email = unique_email();
  const json charged = approved_card_payment(server, demo, 2, "10.00", email, card(kMastercard));
  const auto declined = server.post("/api/v1/payments/creditcard/charge",
                                    envelope(demo, card_payment_request(2, "10.00", email, card("4000000000000002"))));
  BOOST_TEST_REQUIRE(declined.code() == "51");
  const auto rows = list_transactions(server, demo, email)["Transactions"];
  BOOST_TEST_REQUIRE(rows.size() == 2u);
  BOOST_TEST(rows[1]["AuthCode"] == charged["AuthCode"]);
  BOOST_TEST(rows[1].value("AuthCode", "").size() == 6u);
  BOOST_TEST(rows[1].value("MaskedCardNumber", "") == "555555******4444");
  BOOST_TEST(rows[0]["AuthCode"].is_null());  // declined: no auth code (seed)
  BOOST_TEST(rows[0].value("Status", "") == "Declined");
  BOOST_TEST(rows[0].value("ResponseCode", "") == "51");
  BOOST_TEST(rows[0].value("CardType", "") == "Visa");
  // The seed's CardType spelling for Mastercard is "MasterCard" (api-notes, transactions row).
  BOOST_TEST(rows[1].value("CardType", "") == "MasterCard");
}

BOOST_AUTO_TEST_CASE(get_with_query_and_post_twin_agree) {
  const std::string email = unique_email();
  record_payments(server, demo, email, {"1.00", "2.00", "3.00"});
  const auto by_get = server.get("/api/v1/transactions", query(demo, {{"Email", email}, {"PageSize", "2"}, {"PageNumber", "1"}}));
  const auto by_post = server.post("/api/v1/transactions", envelope(demo, {{"Email", email}, {"PageSize", 2}, {"PageNumber", "1"}}));
  BOOST_TEST_REQUIRE(by_get.code() == "00", by_get.summary());
  BOOST_TEST_REQUIRE(by_post.code() == "00", by_post.summary());
  BOOST_TEST(by_get.body == by_post.body);
  BOOST_TEST(by_get.response()["Transactions"].size() == 2u);
  BOOST_TEST(by_get.response()["MorePages"] == true);
}

BOOST_AUTO_TEST_CASE(lists_only_the_given_email_ignoring_case) {
  const std::string email = unique_email("Mixed.Case");
  const auto mine = record_payments(server, demo, email, {"1.00", "2.00"});
  record_payments(server, demo, unique_email("other"), {"3.00"});
  std::string upper = email;
  for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  const auto rows = list_transactions(server, demo, upper)["Transactions"];
  BOOST_TEST(ids_of(rows) == (std::vector<std::string>{mine[1], mine[0]}));
  BOOST_TEST(list_transactions(server, demo, unique_email("nobody"))["Transactions"].empty());
}

BOOST_AUTO_TEST_CASE(refuses_invalid_paging_and_missing_email) {
  const std::string email = unique_email();
  const auto with = [&](const json& request) { return server.post("/api/v1/transactions", envelope(demo, request)); };
  for (const json& size : {json("0"), json("101"), json("abc"), json(-1), json(2.5), json::array()}) {
    const auto reply = with({{"Email", email}, {"PageSize", size}});
    BOOST_TEST(reply.code() == "05", size.dump() << ": " << reply.summary());
  }
  BOOST_TEST(with({{"Email", email}, {"PageNumber", "0"}}).code() == "05");
  BOOST_TEST(with({{"Email", email}, {"PageSize", "100"}}).code() == "00");
  BOOST_TEST(with(json::object()).code() == "05");
  BOOST_TEST(with({{"Email", "not-an-email"}}).code() == "05");
  check_envelope_rejections(server, demo, "/api/v1/transactions", {{"Email", email}});
  const auto no_request = server.post("/api/v1/transactions", {{"Authentication", demo.json()}});
  BOOST_TEST(no_request.status == 400, no_request.summary());
  const auto no_request_get = server.get("/api/v1/transactions", query(demo, {}));
  BOOST_TEST(no_request_get.status == 400, no_request_get.summary());
}

BOOST_AUTO_TEST_CASE(a_client_never_sees_another_clients_customers_or_transactions) {
  // Two clients registered through the two-factor flow.
  const auto first = register_active_client(server, unique_email("first"));
  const auto second = register_active_client(server, unique_email("second"));
  BOOST_TEST_REQUIRE(first.id != second.id);

  const auto c = register_customer(server, first);
  const json charge = server.post("/api/v1/profiles/charge",
                                  envelope(first, {{"CustomerProfileId", c.id},
                                                   {"PaymentProfileId", c.profile_id},
                                                   {"Amount", "75.00"},
                                                   {"CurrencyCode", "USD"},
                                                   {"Email", c.email},
                                                   {"TransactionReference", unique_ref("iso")}}))
                          .response();
  BOOST_TEST_REQUIRE(charge.value("Status", "") == "Charged", charge.dump());
  BOOST_TEST_REQUIRE(list_transactions(server, first, c.email)["Transactions"].size() == 1u);

  // The second client sees nothing of it.
  BOOST_TEST(list_transactions(server, second, c.email)["Transactions"].empty());
  const auto by_get = server.get("/api/v1/transactions", query(second, {{"Email", c.email}}));
  BOOST_TEST(by_get.code() == "00");
  BOOST_TEST(by_get.response()["Transactions"].empty());
  for (const char* path : {"/api/v1/customer", "/api/v1/customer/profiles", "/api/v1/customer/profiles/full",
                           "/api/v1/customer/profiles/default"}) {
    const auto by_email = server.get(path, query(second, {{"Email", c.email}}));
    BOOST_TEST(by_email.code() == "10", path << ": " << by_email.summary());
    const auto by_id = server.get(path, query(second, {{"CustomerProfileId", c.id}}));
    BOOST_TEST(by_id.code() == "10", path << ": " << by_id.summary());
  }
  const auto profile = server.get("/api/v1/customer/profile", query(second, {{"CustomerId", c.id}, {"PaymentProfileId", c.profile_id}}));
  BOOST_TEST(profile.code() == "10", profile.summary());

  // Nor can it act on the first client's customer, profile or transaction.
  const auto charge_foreign = server.post("/api/v1/profiles/charge",
                                          envelope(second, {{"CustomerProfileId", c.id},
                                                            {"PaymentProfileId", c.profile_id},
                                                            {"Amount", "1.00"},
                                                            {"CurrencyCode", "USD"},
                                                            {"Email", c.email},
                                                            {"TransactionReference", unique_ref("iso")}}));
  BOOST_TEST(charge_foreign.code() == "10", charge_foreign.summary());
  const auto refund_foreign = server.post("/api/v1/payments/creditcard/refund", envelope(second, follow_up_request(3, charge, "1.00")));
  BOOST_TEST(refund_foreign.code() == "10", refund_foreign.summary());
  const auto remove_foreign = server.post("/api/v1/customer/payments/remove",
                                          envelope(second, {{"CustomerProfileId", c.id}, {"PaymentProfileId", c.profile_id}}));
  BOOST_TEST(remove_foreign.code() == "10", remove_foreign.summary());
  const auto add_foreign = server.post("/api/v1/customer/payments/register", envelope(second, profile_request(c.id)));
  BOOST_TEST(add_foreign.code() == "10", add_foreign.summary());
  // The same e-mail is a separate customer for the second client.
  const auto own = server.post("/api/v1/customer/register", envelope(second, customer_request(c.email)));
  BOOST_TEST(own.code() == "00", own.summary());
  BOOST_TEST(own.response().value("CustomerProfileId", "") != c.id);

  // And the first client's data is intact.
  const auto rows = list_transactions(server, first, c.email)["Transactions"];
  BOOST_TEST_REQUIRE(rows.size() == 1u);
  BOOST_TEST(rows[0].value("Status", "") == "Charged");
  const auto profiles = server.get("/api/v1/customer/profiles", query(first, {{"Email", c.email}}));
  BOOST_TEST(profiles.response()["PaymentProfiles"].size() == 1u);
}

BOOST_AUTO_TEST_CASE(frozen_clock_dates_transactions_and_expires_cards) {
  // --clock freezes the server's time: default TransactionDateTime and card expiry follow it.
  ServerProcess frozen(ServerProcess::Options{"warn", {"--clock", "2031-06-15T12:34:56Z"}});
  const auto who = frozen.demo_credentials();
  const std::string email = unique_email();
  json request = card_payment_request(2, "10.00", email, card(kVisa, "123", "12/31"));
  request.erase("TransactionDateTime");
  const auto charged = frozen.post("/api/v1/payments/creditcard/charge", envelope(who, request));
  BOOST_TEST_REQUIRE(charged.code() == "00", charged.summary());
  BOOST_TEST(charged.response().value("TransactionDateTime", "") == "2031-06-15 12:34:56");
  // May 2031 is over on the frozen date; June 2031 is not.
  const auto expired = frozen.post("/api/v1/payments/creditcard/charge",
                                   envelope(who, card_payment_request(2, "10.00", email, card(kVisa, "123", "05/31"))));
  BOOST_TEST(expired.code() == "05", expired.summary());
  const auto this_month = frozen.post("/api/v1/payments/creditcard/charge",
                                      envelope(who, card_payment_request(2, "10.00", email, card(kVisa, "123", "06/31"))));
  BOOST_TEST(this_month.code() == "00", this_month.summary());
  BOOST_TEST(list_transactions(frozen, who, email)["Transactions"].size() == 2u);
}

BOOST_AUTO_TEST_CASE(invalid_clock_option_stops_the_server_at_startup) {
  try {
    ServerProcess bad(ServerProcess::Options{"warn", {"--clock", "next tuesday"}});
    BOOST_ERROR("payref-server started with --clock 'next tuesday'");
  } catch (const std::runtime_error& e) {
    BOOST_TEST(std::string(e.what()).find("--clock must be a UTC time") != std::string::npos, e.what());
  }
}

BOOST_AUTO_TEST_SUITE_END()
