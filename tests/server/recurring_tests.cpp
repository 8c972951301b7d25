// Recurring payments and the sandbox test clock: every case runs a server whose clock starts
// frozen at 2026-01-15T10:00:00Z, so due dates are exact.
#include <boost/test/unit_test.hpp>

#include "gateway_helpers.hpp"

using namespace payref_test;
using nlohmann::json;

namespace {

constexpr const char* kLongExpiry = "12/35";  // valid across every clock advance below

struct ClockFixture {
  ServerProcess server{ServerProcess::Options{"warn", {"--clock", "2026-01-15T10:00:00Z"}}};
  Credentials demo = server.demo_credentials();

  Customer customer(const std::string& number = kVisa) {
    return register_customer(server, demo, unique_email("subscriber"), card(number, "123", kLongExpiry));
  }

  HttpReply call(const std::string& action, const json& request) const {
    return server.post("/api/v1/recurringpayments/" + action, envelope(demo, request));
  }

  // register with a monthly (by default) frequency; the reply as is.
  HttpReply register_schedule(const Customer& c, const std::string& start, int frequency = 2, const std::string& end = "",
                              const std::string& amount = "9.99") const {
    json recurring = {{"PaymentProfileId", c.profile_id}, {"Amount", amount}, {"CurrencyCode", "USD"},
                      {"Frequency", std::to_string(frequency)}, {"StartDateTime", start + " 00:00:00"},
                      {"Description", "Render Pro subscription"}};
    if (!end.empty()) recurring["EndDateTime"] = end + " 00:00:00";
    return call("register", {{"CustomerProfileId", c.id}, {"Recurring", recurring}});
  }

  json advance(const json& body) const {
    const auto reply = server.post_raw("/_sandbox/clock/advance", body.dump(), "application/json",
                                       {{"Authorization", std::string("Bearer ") + kAdminToken}});
    BOOST_TEST_REQUIRE(reply.status == 200, reply.summary());
    return reply.body;
  }

  HttpReply advance_raw(const std::string& body) const {
    return server.post_raw("/_sandbox/clock/advance", body, "application/json",
                           {{"Authorization", std::string("Bearer ") + kAdminToken}});
  }

  // The contact's transactions, oldest first.
  json history(const Customer& c) const {
    json rows = list_transactions(server, demo, c.email, 100)["Transactions"];
    std::reverse(rows.begin(), rows.end());
    return rows;
  }

  json schedule(const Customer& c, const std::string& id) const {
    const auto reply = server.get("/api/v1/recurringpayments/list", {{"Authentication.Id", demo.id},
                                                                      {"Authentication.Key", demo.key},
                                                                      {"Request.CustomerProfileId", c.id}});
    BOOST_TEST_REQUIRE(reply.code() == "00", reply.summary());
    for (const auto& r : reply.response()["RecurringPayments"])
      if (r["RecurringPaymentId"] == id) return r;
    BOOST_FAIL("schedule " << id << " not listed");
    return {};
  }
};

std::vector<std::string> dates_of(const json& rows) {
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(r.value("TransactionDateTime", "").substr(0, 10));
  return out;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(recurring_tests, ClockFixture)

BOOST_AUTO_TEST_CASE(a_schedule_starting_today_first_runs_one_interval_later) {
  const auto c = customer();
  const std::vector<std::pair<int, std::string>> expected = {{0, "2026-01-16"}, {1, "2026-01-22"}, {2, "2026-02-15"},
                                                             {3, "2026-04-15"}, {4, "2027-01-15"}};
  for (const auto& [frequency, first] : expected) {
    const auto reply = register_schedule(c, "2026-01-15", frequency);
    BOOST_TEST(reply.code() == "00", reply.summary());
    BOOST_TEST(reply.response().value("NextProcessingDate", "") == first, "frequency " << frequency);
    BOOST_TEST(reply.response().value("RecurringPaymentId", "").size() == 9u);
  }
}

BOOST_AUTO_TEST_CASE(a_future_start_runs_on_its_date_and_a_past_start_is_refused) {
  const auto c = customer();
  BOOST_TEST(register_schedule(c, "2026-02-01").response().value("NextProcessingDate", "") == "2026-02-01");
  const auto past = register_schedule(c, "2026-01-14");
  BOOST_TEST(past.code() == "05", past.summary());
  BOOST_TEST(past.description().find("schedule.start_in_past") != std::string::npos, past.summary());
  const auto early_end = register_schedule(c, "2026-01-15", 2, "2026-02-01");
  BOOST_TEST(early_end.code() == "05", early_end.summary());
}

BOOST_AUTO_TEST_CASE(register_validates_its_fields) {
  const auto c = customer();
  BOOST_TEST(register_schedule(c, "2026-02-01", 5).code() == "05");
  BOOST_TEST(register_schedule(c, "2026-02-01", 2, "", "9.999").code() == "05");
  BOOST_TEST(register_schedule(c, "2026-02-01", 2, "", "0").code() == "05");
  Customer stranger = c;
  stranger.profile_id = "299999999";
  BOOST_TEST(register_schedule(stranger, "2026-02-01").code() == "10");
  stranger = c;
  stranger.id = "199999999";
  BOOST_TEST(register_schedule(stranger, "2026-02-01").code() == "10");
  const auto no_request = server.post("/api/v1/recurringpayments/register", {{"Authentication", demo.json()}});
  BOOST_TEST(no_request.status == 400, no_request.summary());
  const auto wrong_key = server.post("/api/v1/recurringpayments/register",
                                     envelope(Credentials{demo.id, "0000"}, {{"CustomerProfileId", c.id}}));
  BOOST_TEST(wrong_key.code() == "20", wrong_key.summary());
}

BOOST_AUTO_TEST_CASE(advancing_three_months_charges_exactly_three_times) {
  const auto c = customer();
  const auto id = register_schedule(c, "2026-01-15").response().value("RecurringPaymentId", "");
  const json answer = advance({{"days", 90}});
  BOOST_TEST(answer.value("charges", 0) == 3);
  BOOST_TEST(answer.value("now", "") == "2026-04-15T10:00:00Z");
  const json rows = history(c);
  BOOST_TEST_REQUIRE(rows.size() == 3u);
  BOOST_TEST((dates_of(rows) == std::vector<std::string>{"2026-02-15", "2026-03-15", "2026-04-15"}));
  for (const auto& r : rows) {
    BOOST_TEST(r.value("Status", "") == "Charged");
    BOOST_TEST(r.value("RecurringPaymentId", "") == id);
    BOOST_TEST(r["Amount"].get<double>() == 9.99);
  }
  const json s = schedule(c, id);
  BOOST_TEST(s.value("PaymentsMade", 0) == 3);
  BOOST_TEST(s.value("NextProcessingDate", "") == "2026-05-15");
  // Advancing again within the same day charges nothing more.
  BOOST_TEST(advance({{"seconds", 3600}}).value("charges", -1) == 0);
}

BOOST_AUTO_TEST_CASE(more_schedules_due_on_one_day_than_one_batch_all_run) {
  // The clock runs due schedules 500 per store transaction (sim/due_runner.cpp): 501 due on the
  // same day need a second batch, and none may be run twice or left out.
  const Customer c = customer();
  constexpr int kSchedules = 501;
  for (int i = 0; i < kSchedules; ++i) BOOST_TEST_REQUIRE(register_schedule(c, "2026-02-01").code() == "00");
  const json answer = advance({{"days", 17}});  // to 2026-02-01
  BOOST_TEST(answer.value("charges", 0) == kSchedules);
  std::size_t charged = 0;
  for (int page = 1;; ++page) {
    const json list = list_transactions(server, demo, c.email, 100, page);
    charged += list["Transactions"].size();
    if (!list.value("MorePages", false)) break;
  }
  BOOST_TEST(charged == static_cast<std::size_t>(kSchedules));
  BOOST_TEST(advance({{"days", 1}}).value("charges", -1) == 0);  // and nothing runs again the next day
}

BOOST_AUTO_TEST_CASE(month_end_schedules_clamp_without_drifting) {
  const auto c = customer();
  register_schedule(c, "2026-01-31");
  advance({{"to", "2026-05-01T00:00:00Z"}});
  BOOST_TEST((dates_of(history(c)) == std::vector<std::string>{"2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30"}));
}

BOOST_AUTO_TEST_CASE(suspending_across_a_due_date_skips_it_and_resume_continues_after_today) {
  const auto c = customer();
  const auto id = register_schedule(c, "2026-01-15", 1).response().value("RecurringPaymentId", "");  // weekly: 22nd, 29th, ...
  const json ids = {{"CustomerProfileId", c.id}, {"RecurringPaymentId", id}};
  const auto suspended = call("suspend", ids);
  BOOST_TEST(suspended.code() == "00", suspended.summary());
  BOOST_TEST(suspended.response()["NextProcessingDate"].is_null());
  BOOST_TEST(call("suspend", ids).code() == "30");
  advance({{"to", "2026-01-30T12:00:00Z"}});  // over the 22nd and the 29th
  BOOST_TEST(history(c).empty());
  const auto resumed = call("resume", ids);
  BOOST_TEST(resumed.code() == "00", resumed.summary());
  BOOST_TEST(resumed.response().value("NextProcessingDate", "") == "2026-02-05");
  BOOST_TEST(call("resume", ids).code() == "30");
  advance({{"days", 7}});
  BOOST_TEST((dates_of(history(c)) == std::vector<std::string>{"2026-02-05"}));
}

BOOST_AUTO_TEST_CASE(a_schedule_completes_when_its_end_date_is_reached) {
  const auto c = customer();
  const auto id = register_schedule(c, "2026-01-15", 2, "2026-03-20").response().value("RecurringPaymentId", "");
  advance({{"days", 365}});
  BOOST_TEST(history(c).size() == 2u);  // Feb 15 and Mar 15; Apr 15 is after the end
  const json s = schedule(c, id);
  BOOST_TEST(s.value("Status", "") == "Completed");
  BOOST_TEST(s["NextProcessingDate"].is_null());
}

BOOST_AUTO_TEST_CASE(declines_are_recorded_and_the_schedule_goes_on) {
  const auto c = customer("4000000000009995");  // insufficient funds
  const auto id = register_schedule(c, "2026-01-15").response().value("RecurringPaymentId", "");
  const json answer = advance({{"days", 60}});
  BOOST_TEST(answer.value("charges", 0) == 2);
  const json rows = history(c);
  BOOST_TEST_REQUIRE(rows.size() == 2u);
  for (const auto& r : rows) {
    BOOST_TEST(r.value("Status", "") == "Declined");
    BOOST_TEST(r.value("ResponseCode", "") == "52");
  }
  const json s = schedule(c, id);
  BOOST_TEST(s.value("Status", "") == "Active");
  BOOST_TEST(s.value("LastResponseCode", "") == "52");
}

BOOST_AUTO_TEST_CASE(removed_schedules_never_charge_and_cannot_be_resumed) {
  const auto c = customer();
  const auto id = register_schedule(c, "2026-01-15", 0).response().value("RecurringPaymentId", "");
  const json ids = {{"CustomerProfileId", c.id}, {"RecurringPaymentId", id}};
  BOOST_TEST(call("remove", ids).code() == "00");
  BOOST_TEST(call("remove", ids).code() == "30");
  BOOST_TEST(call("resume", ids).code() == "30");
  advance({{"days", 10}});
  BOOST_TEST(history(c).empty());
  BOOST_TEST(schedule(c, id).value("Status", "") == "Removed");
  BOOST_TEST(call("suspend", {{"CustomerProfileId", c.id}, {"RecurringPaymentId", "499999999"}}).code() == "10");
}

BOOST_AUTO_TEST_CASE(a_schedule_whose_profile_was_removed_is_suspended_not_lost) {
  const auto c = customer();
  const auto id = register_schedule(c, "2026-01-15", 0).response().value("RecurringPaymentId", "");
  const auto removed = server.post("/api/v1/customer/payments/remove",
                                   envelope(demo, {{"CustomerProfileId", c.id}, {"PaymentProfileId", c.profile_id}}));
  BOOST_TEST_REQUIRE(removed.code() == "00", removed.summary());
  const json answer = advance({{"days", 3}});
  BOOST_TEST(answer.value("charges", 0) == 1);
  const json s = schedule(c, id);
  BOOST_TEST(s.value("Status", "") == "Suspended");
  BOOST_TEST(s.value("LastResponseCode", "") == "10");
}

BOOST_AUTO_TEST_CASE(another_client_cannot_see_or_touch_a_schedule) {
  const auto c = customer();
  const auto id = register_schedule(c, "2026-02-01").response().value("RecurringPaymentId", "");
  const Credentials other = register_active_client(server);
  const auto touch = server.post("/api/v1/recurringpayments/suspend",
                                 envelope(other, {{"CustomerProfileId", c.id}, {"RecurringPaymentId", id}}));
  BOOST_TEST(touch.code() == "10", touch.summary());
  const auto list = server.get("/api/v1/recurringpayments/list", {{"Authentication.Id", other.id},
                                                                   {"Authentication.Key", other.key},
                                                                   {"Request.CustomerProfileId", c.id}});
  BOOST_TEST(list.code() == "10", list.summary());
}

BOOST_AUTO_TEST_CASE(the_clock_reads_and_refuses_bad_advances) {
  const auto read = server.admin_get("/_sandbox/clock");
  BOOST_TEST(read.status == 200);
  BOOST_TEST(read.body.value("now", "") == "2026-01-15T10:00:00Z");
  BOOST_TEST(read.body.value("frozen", false) == true);
  for (const char* bad : {R"({"days": -1})", R"({"days": 1.5})", R"({"days": "2"})", R"({"days": 1, "seconds": 1})",
                          R"({"to": "2026-01-14T00:00:00Z"})", R"({"to": "tomorrow"})", R"({})", "[]", "not json",
                          R"({"days": 99999999})", R"({"weeks": 1})"}) {
    const auto reply = advance_raw(bad);
    BOOST_TEST(reply.status == 400, bad << ": " << reply.summary());
  }
  BOOST_TEST(server.admin_get("/_sandbox/clock").body.value("now", "") == "2026-01-15T10:00:00Z");  // unchanged
  const auto anonymous = server.post_raw("/_sandbox/clock/advance", R"({"days": 1})");
  BOOST_TEST(anonymous.status == 401);
  BOOST_TEST(advance({{"days", 0}}).value("now", "") == "2026-01-15T10:00:00Z");
}

BOOST_AUTO_TEST_SUITE_END()
