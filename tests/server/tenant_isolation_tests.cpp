// Tenant isolation, proven route by route (issue 11). For every operation of every family's sdk
// operation table (sdk/src/client/*_operations.cpp: the list the client is built from and the
// gateway's and billing's server routes are registered from), the demo merchant makes objects and
// a second merchant then tries to read, change, refund, void, cancel, settle and list them. Every
// attempt must get the family's documented "not found" answer (never a "forbidden", which would
// tell that the object exists), lists must not hold the owner's objects, and nothing may change:
// afterwards the owner reads every object back unchanged (status, amounts, what is left to
// refund, counters) and can still act on it. Every route is also called without credentials and
// with wrong ones: the family's authentication error in its documented format, never data.
//
// Coverage follows the tables: each case walks its family's operations() and fails for an
// operation it has no attempt for (and for an attempt whose operation left the table), so a route
// added later is covered or this suite fails. The calls that are unauthenticated by design
// (gateway client/register, CMS sign-on, the financing OAuth token) are listed explicitly, each
// with its documented answer.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>
#include <map>
#include <set>
#include <span>

#include "billing_helpers.hpp"
#include "cms_helpers.hpp"
#include "financing_helpers.hpp"
#include "gateway_helpers.hpp"
#include "payref/client/billing.hpp"
#include "payref/client/cms.hpp"
#include "payref/client/financing.hpp"
#include "payref/client/gateway.hpp"

using namespace payref_test;
using nlohmann::json;

namespace gw = payref::client::gateway;
namespace cb = payref::client::billing;
namespace cc = payref::client::cms;
namespace cf = payref::client::financing;

namespace {

// ------------------------------------------------------------------------------------ shared

// One sdk-built request sent as is (any method), answered as the tests see it (headers included).
HttpReply exchange(const ServerProcess& server, const payref::client::HttpRequest& request) {
  auto c = server.client();
  httplib::Headers headers;
  std::string content_type = "application/json";
  for (const auto& [k, v] : request.headers)
    if (k == "Content-Type") content_type = v;
    else headers.emplace(k, v);
  if (request.method == "GET") return to_reply(c->Get(request.path, headers));
  if (request.method == "PUT") return to_reply(c->Put(request.path, headers, request.body, content_type));
  if (request.method == "DELETE") return to_reply(c->Delete(request.path, headers));
  return to_reply(c->Post(request.path, headers, request.body, content_type));
}

// The request with its Authorization header replaced (`value` "" drops it).
payref::client::HttpRequest with_authorization(payref::client::HttpRequest request, const std::string& value) {
  std::erase_if(request.headers, [](const auto& h) { return h.first == "Authorization"; });
  if (!value.empty()) request.headers.push_back({"Authorization", value});
  return request;
}

std::string date_in_days(int days) {
  const std::time_t t = std::time(nullptr) + static_cast<std::time_t>(days) * 86400;
  std::tm utc{};
  gmtime_r(&t, &utc);
  char out[40];
  std::snprintf(out, sizeof out, "%04d-%02d-%02d", utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday);
  return out;
}

// The attempts of one family, by operation name: `foreign` names the owner's objects (must be
// "not found" and change nothing); `colliding` makes the caller's own object with the owner's
// identifiers (an e-mail address, a reference, a code: these are per merchant, so it must
// succeed, never answer "duplicate", and leave the owner's object alone). run_attempts walks the
// operation table twice, all foreign attempts first (so the caller's own new objects cannot
// answer them), then the colliding ones. An operation without either fails, and so does an
// attempt for an operation the table does not have.
template <class Op>
struct Attempt {
  std::function<void(const Op&)> foreign = nullptr, colliding = nullptr;
};
template <class Op>
using Attempts = std::map<std::string, Attempt<Op>>;

template <class Op>
std::size_t run_attempts(const std::string& family, std::span<const Op> table, const Attempts<Op>& attempts) {
  std::size_t covered = 0;
  for (const Op& op : table) {
    const auto it = attempts.find(std::string(op.name));
    const bool has = it != attempts.end() && (it->second.foreign || it->second.colliding);
    BOOST_TEST(has, family << " operation " << op.name << " has no tenant-isolation attempt: add one");
    if (!has) continue;
    if (it->second.foreign) BOOST_TEST_CONTEXT(family << " " << op.name << " (the owner's objects)") { it->second.foreign(op); }
    ++covered;
  }
  for (const Op& op : table) {
    const auto it = attempts.find(std::string(op.name));
    if (it != attempts.end() && it->second.colliding)
      BOOST_TEST_CONTEXT(family << " " << op.name << " (the owner's identifiers)") { it->second.colliding(op); }
  }
  for (const auto& entry : attempts) {
    const bool in_table = std::any_of(table.begin(), table.end(), [&](const Op& op) { return op.name == entry.first; });
    BOOST_TEST(in_table, family << " attempt for " << entry.first << ", which the operation table does not have");
  }
  return covered;
}

template <class Op>
const Op& operation(std::span<const Op> table, const std::string& name) {
  const auto it = std::find_if(table.begin(), table.end(), [&](const Op& op) { return op.name == name; });
  BOOST_TEST_REQUIRE((it != table.end()), "no operation " << name);
  return *it;
}

// The owner's ids must never reach the other merchant, except those the other merchant itself
// sent (an error message may name the id it was asked for).
void expect_no_owner_ids(const HttpReply& reply, const std::vector<std::string>& owner_ids, const std::string& sent) {
  for (const auto& id : owner_ids)
    if (!contains_token(sent, id)) BOOST_TEST(!contains_token(reply.text, id), "the answer carries the owner's id " << id << ": " << reply.summary());
}

// A text member of a JSON object answer ("" when the answer is no such object).
std::string member_text(const HttpReply& r, const char* key) {
  if (!r.is_json() || !r.body.is_object() || !r.body.contains(key) || !r.body[key].is_string()) return {};
  return r.body[key].get<std::string>();
}

// A member of a JSON object answer (null when the answer is no such object or lacks it).
json member(const HttpReply& r, const char* key) {
  return r.is_json() && r.body.is_object() && r.body.contains(key) ? r.body[key] : json();
}

// j[key] when j is an object that has it, else null (a refused answer has no Response).
json field(const json& j, const char* key) { return j.is_object() && j.contains(key) ? j[key] : json(); }

// before == after, key by key, so a failure names what changed.
void expect_unchanged(const json& before, const json& after) {
  BOOST_TEST_REQUIRE(before.is_object());
  BOOST_TEST((after.size() == before.size()));
  for (const auto& [key, value] : before.items())
    BOOST_TEST((after.contains(key) && after[key] == value),
               "the owner's " << key << " changed:\n before " << value.dump() << "\n after  " << (after.contains(key) ? after[key].dump() : "(none)"));
}

// ------------------------------------------------------------------------------------ gateway

struct Gateway {
  const ServerProcess& server;

  // `op` as `who`: the table's method and path (sdk build_request), plus the GET twin of a route
  // that has one (dotted query parameters, as docs/gateway.md describes it).
  std::vector<HttpReply> call(const gw::Operation& op, const Credentials& who, const json& request, const std::string& param = "",
                              const std::string& idempotency_key = "") const {
    std::vector<HttpReply> out;
    const auto built = gw::build_request({&op, request.is_null() ? "" : request.dump(), param, idempotency_key}, {who.id, who.key});
    BOOST_TEST_REQUIRE(built.is_ok(), op.name << ": " << built.status().reason());
    out.push_back(exchange(server, *built));
    if (op.method == gw::Method::get_and_post) {
      std::string path(op.path);
      if (const auto mark = path.find("{}"); mark != std::string::npos) path.replace(mark, 2, payref::client::url_encode(param));
      httplib::Params params{{"Authentication.Id", who.id}, {"Authentication.Key", who.key}};
      flatten(request, "Request", params);
      out.push_back(server.get(path, params));
    }
    return out;
  }
  std::vector<HttpReply> call(const std::string& name, const Credentials& who, const json& request, const std::string& param = "",
                              const std::string& idempotency_key = "") const {
    return call(operation(gw::operations(), name), who, request, param, idempotency_key);
  }
  // The Response of a call that must succeed ("00" on every method).
  json ok(const std::string& name, const Credentials& who, const json& request, const std::string& param = "",
          const std::string& idempotency_key = "") const {
    const auto replies = call(name, who, request, param, idempotency_key);
    for (const auto& r : replies) BOOST_TEST_REQUIRE(r.code() == "00", name << ": " << r.summary());
    return replies.front().response();
  }

  static void flatten(const json& value, const std::string& prefix, httplib::Params& out) {
    if (value.is_object())
      for (const auto& [k, v] : value.items()) flatten(v, prefix + "." + k, out);
    else if (!value.is_null() && !value.is_array())
      out.emplace(prefix, value.is_string() ? value.get<std::string>() : value.dump());
  }
};

void expect_gateway_not_found(const std::vector<HttpReply>& replies) {
  for (const auto& r : replies) {
    BOOST_TEST(r.status == 200, r.summary());
    BOOST_TEST(r.code() == "10", r.summary());
    BOOST_TEST(r.response().is_null(), r.summary());
  }
}

void expect_gateway_unauthenticated(const std::vector<HttpReply>& replies, const std::string& description) {
  for (const auto& r : replies) {
    BOOST_TEST(r.status == 200, r.summary());
    BOOST_TEST(r.code() == "20", r.summary());
    BOOST_TEST(r.response().is_null(), r.summary());
    // One description for every refusal: an existing client cannot be told from an unknown Id.
    if (!description.empty()) BOOST_TEST(r.description() == description, r.summary());
  }
}

json stored_profile_payment(const std::string& customer, const std::string& profile) {
  return {{"PaymentType", "3"}, {"StoredProfile", {{"CustomerProfileId", customer}, {"PaymentProfileId", profile}}}};
}

json card_payment_method(const std::string& number = kVisa2) {
  return {{"PaymentType", "1"}, {"Name", name()}, {"CardPayment", {{"Card", card(number)}, {"BillingAddress", address()}}}};
}

json profile_payment(int type, const std::string& customer, const std::string& profile, const std::string& amount,
                     const std::string& email, const std::string& reference) {
  return {{"TransactionType", std::to_string(type)}, {"CustomerProfileId", customer}, {"PaymentProfileId", profile},
          {"Amount", amount}, {"CurrencyCode", "USD"}, {"Email", email}, {"TransactionReference", reference}};
}

std::string upper(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

constexpr const char* kMembership = "MBR-RENDER-GUILD-1M";
constexpr const char* kBundle = "RR-BND-PROD-1Y";        // tier 2: an upgrade and a downgrade exist
constexpr const char* kBundleUp = "RR-BND-STUDIO-1Y";
constexpr const char* kBundleDown = "RR-BND-ESS-1Y";
constexpr const char* kSeatSku = "RR-RND-STD-1Y";        // per seat; id 100001, member price 399.20

// ------------------------------------------------------------------------------------ billing

struct Billing {
  const ServerProcess& server;
  HttpReply call(const cb::Operation& op, const BillingUser& who, const json& request, const std::string& id = "") const {
    const auto built = cb::build_request({&op, request.is_null() ? "" : request.dump(), id}, {who.username, who.password});
    BOOST_TEST_REQUIRE(built.is_ok(), op.name << ": " << built.status().reason());
    return exchange(server, *built);
  }
  HttpReply call(const std::string& name, const BillingUser& who, const json& request, const std::string& id = "") const {
    return call(operation(cb::operations(), name), who, request, id);
  }
};

// The first problem of a billing error body, as one comparable value.
json billing_problem(const HttpReply& r) {
  const auto p = problems(r);
  if (p.empty()) return nullptr;
  return {{"status", r.status}, {"code", p[0].code}, {"field", p[0].field}, {"reason", p[0].reason}, {"message", p[0].message}};
}

// An error body holds only the errors: no customer.
void expect_billing_error_only(const HttpReply& r) {
  BOOST_TEST((r.is_json() && r.body.is_object() && r.body.size() == 1u && r.body.contains("errors")), r.summary());
}

std::vector<std::int64_t> billing_ids(const HttpReply& r) {
  std::vector<std::int64_t> ids;
  if (r.is_json() && r.body.is_array())
    for (const auto& c : r.body) ids.push_back(c.value("id", std::int64_t{-1}));
  return ids;
}

// ------------------------------------------------------------------------------------ cms

struct Cms {
  const ServerProcess& server;
  HttpReply call(const cc::Operation& op, const std::string& token, const std::string& profile, const json& request,
                 const std::string& id = "") const {
    const auto built = cc::build_request({&op, request.is_null() ? "" : request.dump(), id}, {token, profile});
    BOOST_TEST_REQUIRE(built.is_ok(), op.name << ": " << built.status().reason());
    return exchange(server, *built);
  }
  HttpReply call(const std::string& name, const std::string& token, const std::string& profile, const json& request,
                 const std::string& id = "") const {
    return call(operation(cc::operations(), name), token, profile, request, id);
  }
};

// An ErrorResponse with this HTTP status and ErrorId, and nothing else in the body.
void expect_cms_error(const HttpReply& r, int status, int error_id) {
  BOOST_TEST(r.status == status, r.summary());
  BOOST_TEST((r.is_json() && r.body.is_object() && r.body.value("ErrorId", -1) == error_id), r.summary());
  if (r.is_json() && r.body.is_object())
    for (const auto& [key, value] : r.body.items())
      BOOST_TEST((key == "ErrorId" || key == "HelpUrl" || key == "Messages" || key == "Operation" || key == "Reason" ||
                  key == "ValidationErrors"),
                 "unexpected member " << key << " in " << r.summary());
}

std::string cms_rule(const HttpReply& r) {
  if (!r.is_json() || !r.body.is_object() || !r.body.contains("ValidationErrors") || !r.body["ValidationErrors"].is_array() ||
      r.body["ValidationErrors"].empty())
    return {};
  const auto& e = r.body["ValidationErrors"][0];
  return e.value("RuleKey", "") + " " + e.value("RuleLocationKey", "");
}

// ------------------------------------------------------------------------------------ financing

struct Financing {
  const ServerProcess& server;
  HttpReply call(const cf::Operation& op, const std::string& client_id, const std::string& token, const json& request,
                 std::vector<std::string> params = {}) const {
    const auto built = cf::build_request({&op, request.is_null() ? "" : request.dump(), std::move(params)}, client_id, token);
    BOOST_TEST_REQUIRE(built.is_ok(), op.name << ": " << built.status().reason());
    return exchange(server, *built);
  }
  HttpReply call(const std::string& name, const std::string& client_id, const std::string& token, const json& request,
                 std::vector<std::string> params = {}) const {
    return call(operation(cf::operations(), name), client_id, token, request, std::move(params));
  }
  json ok(const std::string& name, const std::string& client_id, const std::string& token, const json& request,
          std::vector<std::string> params = {}) const {
    const auto r = call(name, client_id, token, request, std::move(params));
    BOOST_TEST_REQUIRE(r.status == 200, name << ": " << r.summary());
    return r.body;
  }
};

std::string id_text(const json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

const char* kLicence =
    "@\n\x1e\rANSI 636012090001DL00310200DLDAQA1234-56789-01234\nDCSSMITH\nDACJOHN\nDADALEXANDER\nDBD20200115\nDBB19840229\n"
    "DBA20280229\nDAG123 MAIN ST\nDAITORONTO\nDAJON\nDAKM1M 1M1  \nDCGCAN\nDDEN\nDDFN\nDDGN\r";

}  // namespace

BOOST_AUTO_TEST_SUITE(tenant_isolation_tests)

// ================================================================================== gateway

BOOST_AUTO_TEST_CASE(gateway_objects_are_not_found_by_another_client_on_any_route) {
  ServerProcess server;
  const Gateway g{server};
  const Credentials owner = server.demo_credentials();
  const Credentials other = register_active_client(server);

  // ---- the owner's objects, all on one e-mail address
  const std::string email = unique_email("owner");
  const Customer c = register_customer(server, owner, email, card(kVisa));
  const std::string p2 = add_profile(server, owner, c.id, card(kMastercard));
  const std::string charge_key = unique_ref("idem");
  const json charge_request = card_payment_request(2, "60.00", email);
  const json charged = g.ok("payments.charge", owner, charge_request, "", charge_key);
  const json refunded = g.ok("payments.refund", owner, follow_up_request(3, charged, "10.00"));  // 50.00 left to refund
  const json authorized = g.ok("payments.authorize", owner, card_payment_request(1, "25.00", email));
  const json p_charged = g.ok("profiles.charge", owner, profile_payment(2, c.id, c.profile_id, "40.00", email, unique_ref("pch")));
  const json p_authorized = g.ok("profiles.authorize", owner, profile_payment(1, c.id, c.profile_id, "30.00", email, unique_ref("pau")));
  const json debited = g.ok("payments.bankDebit", owner, bank_request(6, "15.00", "123456789", email));
  const json credited = g.ok("payments.bankCredit", owner, bank_request(7, "16.00", "123456789", email));
  const json recorded = g.ok("payments.thirdParty", owner,
                             {{"Amount", "5.00"}, {"CurrencyCode", "USD"}, {"Email", email}, {"TransactionReference", unique_ref("tp")},
                              {"PaymentMethod", "PayPal"}});
  const std::string code = upper("ISO-" + unique_suffix());
  g.ok("discountCodes.add", owner, {{"DiscountCode", code}, {"Percent", "10"}});
  const json recurring = g.ok("recurringPayments.register", owner,
                              {{"CustomerProfileId", c.id},
                               {"Recurring", {{"PaymentProfileId", c.profile_id}, {"Amount", "9.99"}, {"CurrencyCode", "USD"},
                                              {"Frequency", "2"}, {"StartDateTime", date_in_days(7) + " 00:00:00"}, {"Description", "iso"}}}});
  const std::string recurring_id = recurring.at("RecurringPaymentId").get<std::string>();
  const std::string join_ref = unique_ref("join");
  const json joined = g.ok("memberships.join", owner,
                           {{"Email", email}, {"Sku", kMembership}, {"TransactionReference", join_ref},
                            {"PaymentMethod", stored_profile_payment(c.id, c.profile_id)}});
  const std::string purchase_ref = unique_ref("buy");
  const json bought = g.ok("packages.purchase", owner,
                           {{"Email", email},
                            {"Skus", {{{"Sku", kBundle}, {"Quantity", 2}}, {{"Sku", kSeatSku}, {"Quantity", 3}}}},
                            {"PaymentMethod", stored_profile_payment(c.id, c.profile_id)},
                            {"TransactionReference", purchase_ref}});
  BOOST_TEST_REQUIRE(bought.value("MemberPricing", "") == "True");

  std::vector<std::string> owner_ids = {c.id, c.profile_id, p2, recurring_id, joined.at("MembershipId").get<std::string>(),
                                        bought.at("PurchaseId").get<std::string>(), bought.at("TransactionId").get<std::string>()};
  for (const json* t : {&charged, &refunded, &authorized, &p_charged, &p_authorized, &debited, &credited, &recorded})
    owner_ids.push_back(t->at("TransactionId").get<std::string>());
  for (const auto& line : bought.at("Lines")) owner_ids.push_back(line.at("LicenceId").get<std::string>());

  // ---- the owner's view of all of it
  const auto snapshot = [&] {
    json s;
    s["customer"] = g.ok("customers.get", owner, {{"CustomerProfileId", c.id}});
    s["profiles"] = g.ok("customers.profilesFull", owner, {{"CustomerProfileId", c.id}});
    s["default profile"] = g.ok("customers.defaultProfile", owner, {{"CustomerProfileId", c.id}});
    s["transactions"] = g.ok("transactions.list", owner, {{"Email", email}, {"PageSize", "100"}});
    s["recurring payments"] = g.ok("recurringPayments.list", owner, {{"CustomerProfileId", c.id}});
    s["memberships"] = g.ok("memberships.list", owner, json::object(), email);
    s["purchases"] = g.ok("packages.purchased", owner, {{"Email", email}});
    s["discount code"] = g.ok("discountCodes.validate", owner, {{"DiscountCode", code}, {"Amount", "100.00"}, {"CurrencyCode", "USD"}});
    s["seats"] = g.ok("packages.truingUp", owner, {{"Email", email}, {"Sku", kSeatSku}, {"Seats", "3"}});
    s["member prices"] = g.ok("packages.software", owner, {{"Email", email}}, "100001");
    return s;
  };
  const json before = snapshot();
  BOOST_TEST_REQUIRE(before["transactions"]["Transactions"].size() >= 10u);
  BOOST_TEST_REQUIRE(before["memberships"]["IsMember"] == "True");

  // The other client's own customer, for calls that mix its ids with the owner's.
  const Customer mine = register_customer(server, other, unique_email("other"), card(kVisa2));

  // Every call the other client makes is checked for the owner's ids.
  const auto as_other = [&](const gw::Operation& op, const json& request, const std::string& param = "", const std::string& key = "") {
    auto replies = g.call(op, other, request, param, key);
    for (const auto& r : replies) expect_no_owner_ids(r, owner_ids, request.dump() + " " + param);
    return replies;
  };
  const auto not_found = [&](const gw::Operation& op, const json& request, const std::string& param = "") {
    expect_gateway_not_found(as_other(op, request, param));
  };
  // A new object of the other client's own: "00" on every method.
  const auto created = [&](const gw::Operation& op, const json& request, const std::string& key = "") {
    const auto replies = as_other(op, request, "", key);
    for (const auto& r : replies) BOOST_TEST(r.code() == "00", r.summary());
    return replies.front();
  };
  const auto follow_up_as = [](const json& original, int type, const std::string& amount, const std::string& customer) {
    json r = follow_up_request(type, original, amount);
    if (!customer.empty()) r["CustomerProfileId"] = customer;
    return r;
  };
  const auto client_secret_mix = [&](const gw::Operation& op, const json& request) {
    // The owner's Id with the other client's key, and the other way round: "20", worded as for
    // an Id that does not exist.
    const std::string unknown_id_text = g.call(op, Credentials{"999999999", other.key}, request).front().description();
    BOOST_TEST(!unknown_id_text.empty());
    for (const Credentials& who : {Credentials{owner.id, other.key}, Credentials{other.id, owner.key}}) {
      const auto replies = g.call(op, who, request);
      for (const auto& r : replies) expect_no_owner_ids(r, owner_ids, request.dump());
      expect_gateway_unauthenticated(replies, unknown_id_text);
    }
  };
  using A = Attempt<gw::Operation>;
  using Op = gw::Operation;

  Attempts<gw::Operation> attempts = {
      // Anonymous by design: it creates a pending client and answers Message only; there is no
      // merchant object behind it. Its documented answer, with no data of anyone's.
      {"clients.register", A{nullptr, [&](const Op& op) {
         const auto r = created(op, client_registration(unique_email("newclient")));
         BOOST_TEST(r.response().is_null());
       }}},
      {"clients.activate", A{[&](const Op& op) { client_secret_mix(op, json()); }}},
      {"clients.cancel", A{[&](const Op& op) { client_secret_mix(op, json()); }}},
      {"clients.update", A{[&](const Op& op) { client_secret_mix(op, {{"Updates", {{"EmailAddress", unique_email("hijack")}}}}); }}},

      // The owner's e-mail address is free for this client (customers are per client): a new,
      // unrelated customer, never "40" (which would tell the address is a customer elsewhere).
      {"customers.register", A{nullptr, [&](const Op& op) { created(op, customer_request(email, card(kAmex, "1234"))); }}},
      {"customers.get", A{[&](const Op& op) {
         not_found(op, {{"CustomerProfileId", c.id}});
         not_found(op, {{"CustomerId", c.id}});
         not_found(op, {{"Email", email}});
       }}},
      {"customers.profile", A{[&](const Op& op) {
         not_found(op, {{"CustomerProfileId", c.id}, {"PaymentProfileId", c.profile_id}});
         not_found(op, {{"Email", email}, {"PaymentProfileId", p2}});
         not_found(op, {{"CustomerProfileId", mine.id}, {"PaymentProfileId", c.profile_id}});
       }}},
      {"customers.profiles", A{[&](const Op& op) {
         not_found(op, {{"CustomerProfileId", c.id}});
         not_found(op, {{"Email", email}});
       }}},
      {"customers.profilesFull", A{[&](const Op& op) {
         not_found(op, {{"CustomerProfileId", c.id}});
         not_found(op, {{"Email", email}});
       }}},
      {"customers.defaultProfile", A{[&](const Op& op) {
         not_found(op, {{"CustomerProfileId", c.id}});
         not_found(op, {{"Email", email}});
       }}},
      {"paymentProfiles.register", A{[&](const Op& op) {
         not_found(op, profile_request(c.id, card(kVisa2)));
         json by_email = profile_request("", card(kVisa2));
         by_email.erase("CustomerProfileId");
         by_email["Email"] = email;
         by_email["DefaultPayment"] = "True";
         not_found(op, by_email);
       }}},
      {"paymentProfiles.update", A{[&](const Op& op) {
         const json updates = {{"Card", {{"ExpiryDate", "11/30"}}}, {"BillingAddress", {{"Street", "Elm Street"}}}, {"MakeDefault", "True"}};
         not_found(op, {{"CustomerProfileId", c.id}, {"PaymentProfileId", p2}, {"Updates", updates}});
         not_found(op, {{"Email", email}, {"PaymentProfileId", p2}, {"Updates", updates}});
         not_found(op, {{"CustomerProfileId", mine.id}, {"PaymentProfileId", p2}, {"Updates", updates}});
       }}},
      {"paymentProfiles.remove", A{[&](const Op& op) {
         not_found(op, {{"CustomerProfileId", c.id}, {"PaymentProfileId", c.profile_id}});
         not_found(op, {{"Email", email}, {"PaymentProfileId", c.profile_id}});
         not_found(op, {{"CustomerProfileId", mine.id}, {"PaymentProfileId", p2}});
       }}},

      // The owner's code is free for this client: codes are per client.
      {"discountCodes.add", A{nullptr, [&](const Op& op) {
         BOOST_TEST(field(created(op, {{"DiscountCode", code}, {"Percent", "50"}}).response(), "Percent") == "50.00");
       }}},
      {"discountCodes.validate", A{[&](const Op& op) {
         not_found(op, {{"DiscountCode", code}});
         not_found(op, {{"DiscountCode", code}, {"Product", "Render"}, {"Amount", "100.00"}, {"CurrencyCode", "USD"}});
       }, [&](const Op& op) {
         // Its own code of that name, not the owner's.
         BOOST_TEST(field(created(op, {{"DiscountCode", code}}).response(), "Percent") == "50.00");
       }}},

      // The reseller price list holds no merchant's data: the same answer for both clients.
      {"isv.pricing", A{[&](const Op& op) {
         const json request = {{"Seats", "12"}};
         const auto r = as_other(op, request).front();
         BOOST_TEST(r.code() == "00", r.summary());
         BOOST_TEST((r.response() == g.ok("isv.pricing", owner, request)));
       }}},

      {"memberships.join", A{[&](const Op& op) {
         not_found(op, {{"Email", email}, {"Sku", kMembership}, {"TransactionReference", unique_ref("j")},
                        {"PaymentMethod", stored_profile_payment(c.id, c.profile_id)}});
         not_found(op, {{"Email", email}, {"Sku", kMembership}, {"TransactionReference", unique_ref("j")},
                        {"PaymentMethod", stored_profile_payment(mine.id, c.profile_id)}});
         not_found(op, {{"Email", email}, {"Sku", kMembership}, {"TransactionReference", unique_ref("j")},
                        {"Discount", {{"DiscountCode", code}}}, {"PaymentMethod", stored_profile_payment(mine.id, mine.profile_id)}});
       }, [&](const Op& op) {
         // The owner's member, the owner's association and reference: not "40" here.
         const auto r = created(op, {{"Email", email}, {"Sku", kMembership}, {"TransactionReference", join_ref},
                                     {"PaymentMethod", stored_profile_payment(mine.id, mine.profile_id)}});
         BOOST_TEST(field(r.response(), "Status") == "Active", r.summary());
       }}},
      {"memberships.cancel", A{[&](const Op& op) {
         not_found(op, {{"Email", email}, {"MembershipId", joined.at("MembershipId")}});
         not_found(op, {{"Email", email}, {"Sku", kMembership}});
       }}},
      {"memberships.list", A{[&](const Op& op) {
         for (const auto& r : as_other(op, json::object(), email)) {
           BOOST_TEST(r.code() == "00", r.summary());
           BOOST_TEST(field(r.response(), "IsMember") == "False", r.summary());
           BOOST_TEST(field(r.response(), "Memberships") == json::array(), r.summary());
         }
       }, [&](const Op& op) {
         // Only its own membership of the address (as_other checks for the owner's ids).
         for (const auto& r : as_other(op, json::object(), email)) BOOST_TEST(field(r.response(), "Memberships").size() == 1u, r.summary());
       }}},

      {"packages.list", A{[&](const Op& op) {
         // The owner's member is no member here, and the owner's discount code is unknown.
         for (const auto& r : as_other(op, {{"Email", email}, {"ProductType", "Render"}})) {
           BOOST_TEST(r.code() == "00", r.summary());
           BOOST_TEST(field(r.response(), "IsMember") == "False", r.summary());
         }
         BOOST_TEST(g.ok("packages.list", owner, {{"Email", email}, {"ProductType", "Render"}})["IsMember"] == "True");
         not_found(op, {{"DiscountCode", code}});
       }}},
      {"packages.purchased", A{[&](const Op& op) {
         for (const auto& r : as_other(op, {{"Email", email}})) {
           BOOST_TEST(r.code() == "00", r.summary());
           BOOST_TEST(field(r.response(), "Count") == 0, r.summary());
           BOOST_TEST(field(r.response(), "Purchases") == json::array(), r.summary());
         }
       }}},
      {"packages.upgradeBundle", A{[&](const Op& op) {
         not_found(op, {{"Email", email}, {"FromSku", kBundle}, {"ToSku", kBundleUp}, {"TransactionReference", unique_ref("up")},
                        {"PaymentMethod", card_payment_method()}});
         not_found(op, {{"Email", email}, {"FromSku", kBundle}, {"ToSku", kBundleUp}, {"TransactionReference", unique_ref("up")},
                        {"PaymentMethod", stored_profile_payment(c.id, c.profile_id)}});
       }}},
      {"packages.downgradeBundle", A{[&](const Op& op) { not_found(op, {{"Email", email}, {"FromSku", kBundle}, {"ToSku", kBundleDown}}); }}},
      {"packages.truingUp", A{[&](const Op& op) { not_found(op, {{"Email", email}, {"Sku", kSeatSku}, {"Seats", "10"}}); }}},
      // Catalogue reads hold no merchant's data, but price by member: the owner's member pays the
      // list price here.
      {"packages.curatedCollection", A{[&](const Op& op) {
         for (const auto& r : as_other(op, {{"Email", email}}, "COL-ARCHVIZ-START-1Y")) {
           BOOST_TEST(r.code() == "00", r.summary());
           BOOST_TEST(field(r.response(), "YourPrice") == "549.00", r.summary());
         }
         BOOST_TEST(g.ok(std::string(op.name), owner, {{"Email", email}}, "COL-ARCHVIZ-START-1Y")["YourPrice"] == "494.10");
       }}},
      {"packages.softwareBundle", A{[&](const Op& op) {
         for (const auto& r : as_other(op, {{"Email", email}}, "200002")) {
           BOOST_TEST(r.code() == "00", r.summary());
           BOOST_TEST(field(r.response(), "YourPrice") == "1499.00", r.summary());
         }
         BOOST_TEST(g.ok(std::string(op.name), owner, {{"Email", email}}, "200002")["YourPrice"] == "1274.15");
       }}},
      {"packages.software", A{[&](const Op& op) {
         for (const auto& r : as_other(op, {{"Email", email}}, "100001")) {
           BOOST_TEST(r.code() == "00", r.summary());
           BOOST_TEST(field(r.response(), "YourPrice") == "499.00", r.summary());
         }
         BOOST_TEST(before["member prices"]["YourPrice"] == "399.20");
       }}},
      {"packages.purchase", A{[&](const Op& op) {
         not_found(op, {{"Email", email}, {"Skus", {{{"Sku", kSeatSku}}}}, {"TransactionReference", unique_ref("b")},
                        {"PaymentMethod", stored_profile_payment(c.id, c.profile_id)}});
         not_found(op, {{"Email", email}, {"Skus", {{{"Sku", kSeatSku}}}}, {"TransactionReference", unique_ref("b")},
                        {"PaymentMethod", stored_profile_payment(mine.id, c.profile_id)}});
         not_found(op, {{"Email", email}, {"Skus", {{{"Sku", kSeatSku}}}}, {"TransactionReference", unique_ref("b")},
                        {"Discount", {{"DiscountCode", code}}}, {"PaymentMethod", card_payment_method()}});
       }, [&](const Op& op) {
         // The owner's reference, for the owner's customer's address, paid with its own card.
         created(op, {{"Email", email}, {"Skus", {{{"Sku", kSeatSku}}}}, {"TransactionReference", purchase_ref},
                      {"PaymentMethod", stored_profile_payment(mine.id, mine.profile_id)}});
       }}},

      // New payments may reuse the owner's references and idempotency key: both are per client.
      {"payments.authorize", A{nullptr, [&](const Op& op) {
         created(op, card_payment_request(1, "25.00", email, card(kVisa2), authorized.at("TransactionReference")));
       }}},
      {"payments.charge", A{[&](const Op& op) {
         // The owner's stored answer for its Idempotency-Key is not replayed to a caller that
         // names the owner's Id without its key: "20", nothing replayed, nothing charged.
         for (const auto& r : g.call(op, Credentials{owner.id, other.key}, charge_request, "", charge_key)) {
           expect_gateway_unauthenticated({r}, "");
           BOOST_TEST(r.header("Idempotent-Replayed").empty(), r.summary());
           expect_no_owner_ids(r, owner_ids, "");
         }
       }, [&](const Op& op) {
         const auto r = created(op, card_payment_request(2, "60.00", email, card(kVisa2), charged.at("TransactionReference")), charge_key);
         BOOST_TEST(r.header("Idempotent-Replayed").empty(), "the owner's answer was replayed: " << r.summary());
       }}},
      {"payments.refund", A{[&](const Op& op) {
         not_found(op, follow_up_as(charged, 3, "5.00", ""));
         not_found(op, follow_up_as(p_charged, 3, "5.00", ""));
       }}},
      {"payments.settle", A{[&](const Op& op) {
         not_found(op, follow_up_as(authorized, 4, "25.00", ""));
         not_found(op, follow_up_as(p_authorized, 4, "30.00", ""));
       }}},
      {"payments.void", A{[&](const Op& op) {
         not_found(op, follow_up_as(authorized, 5, "25.00", ""));
         not_found(op, follow_up_as(charged, 5, "60.00", ""));
       }}},
      {"payments.bankDebit", A{nullptr, [&](const Op& op) {
         json request = bank_request(6, "15.00", "987654321", email);
         request["TransactionReference"] = debited.at("TransactionReference");
         created(op, request);
       }}},
      {"payments.bankCredit", A{nullptr, [&](const Op& op) {
         json request = bank_request(7, "16.00", "987654321", email);
         request["TransactionReference"] = credited.at("TransactionReference");
         created(op, request);
       }}},
      {"payments.thirdParty", A{nullptr, [&](const Op& op) {
         created(op, {{"Amount", "5.00"}, {"CurrencyCode", "USD"}, {"Email", email}, {"TransactionReference", recorded.at("TransactionReference")}});
       }}},

      {"profiles.authorize", A{[&](const Op& op) {
         not_found(op, profile_payment(1, c.id, c.profile_id, "30.00", email, unique_ref("x")));
         not_found(op, profile_payment(1, mine.id, c.profile_id, "30.00", email, unique_ref("x")));
       }, [&](const Op& op) {
         // Its own stored card, with the owner's reference: a new transaction.
         created(op, profile_payment(1, mine.id, mine.profile_id, "30.00", email, p_authorized.at("TransactionReference")));
       }}},
      {"profiles.charge", A{[&](const Op& op) {
         not_found(op, profile_payment(2, c.id, c.profile_id, "40.00", email, unique_ref("x")));
         not_found(op, profile_payment(2, mine.id, p2, "40.00", email, unique_ref("x")));
       }, [&](const Op& op) {
         created(op, profile_payment(2, mine.id, mine.profile_id, "40.00", email, p_charged.at("TransactionReference")));
       }}},
      {"profiles.refund", A{[&](const Op& op) {
         not_found(op, follow_up_as(p_charged, 3, "5.00", c.id));
         not_found(op, follow_up_as(p_charged, 3, "5.00", mine.id));
       }}},
      {"profiles.settle", A{[&](const Op& op) {
         not_found(op, follow_up_as(p_authorized, 4, "30.00", c.id));
         not_found(op, follow_up_as(p_authorized, 4, "30.00", mine.id));
       }}},
      {"profiles.void", A{[&](const Op& op) {
         not_found(op, follow_up_as(p_authorized, 5, "30.00", c.id));
         not_found(op, follow_up_as(p_charged, 5, "40.00", c.id));
       }}},

      {"recurringPayments.register", A{[&](const Op& op) {
         const json recurring_request = {{"PaymentProfileId", c.profile_id}, {"Amount", "1.00"}, {"CurrencyCode", "USD"},
                                         {"Frequency", "0"}, {"StartDateTime", date_in_days(3) + " 00:00:00"}};
         not_found(op, {{"CustomerProfileId", c.id}, {"Recurring", recurring_request}});
         not_found(op, {{"CustomerProfileId", mine.id}, {"Recurring", recurring_request}});
       }}},
      {"recurringPayments.suspend", A{[&](const Op& op) {
         not_found(op, {{"CustomerProfileId", c.id}, {"RecurringPaymentId", recurring_id}});
         not_found(op, {{"CustomerProfileId", mine.id}, {"RecurringPaymentId", recurring_id}});
       }}},
      // The owner's schedule is Active: resuming it would be "30" for the owner; for another
      // client it does not exist at all.
      {"recurringPayments.resume", A{[&](const Op& op) {
         not_found(op, {{"CustomerProfileId", c.id}, {"RecurringPaymentId", recurring_id}});
         not_found(op, {{"CustomerProfileId", mine.id}, {"RecurringPaymentId", recurring_id}});
       }}},
      {"recurringPayments.remove", A{[&](const Op& op) {
         not_found(op, {{"CustomerProfileId", c.id}, {"RecurringPaymentId", recurring_id}});
         not_found(op, {{"CustomerProfileId", mine.id}, {"RecurringPaymentId", recurring_id}});
       }}},
      {"recurringPayments.list", A{[&](const Op& op) { not_found(op, {{"CustomerProfileId", c.id}}); }}},

      {"transactions.list", A{[&](const Op& op) {
         for (const auto& r : as_other(op, {{"Email", email}, {"PageSize", "100"}})) {
           BOOST_TEST(r.code() == "00", r.summary());
           BOOST_TEST(field(r.response(), "Transactions") == json::array(), r.summary());
         }
       }, [&](const Op& op) {
         // Now only its own payments on the address (as_other checks for the owner's ids).
         for (const auto& r : as_other(op, {{"Email", email}, {"PageSize", "100"}})) BOOST_TEST(field(r.response(), "Transactions").size() >= 8u, r.summary());
       }}},
  };
  const auto covered = run_attempts("gateway", gw::operations(), attempts);
  BOOST_TEST(covered == gw::operations().size());

  // ---- nothing changed: the owner reads everything back as it was ...
  expect_unchanged(before, snapshot());
  // ... and every object still acts as before: what was left to refund, settle, void, suspend,
  // upgrade, cancel and remove is still there.
  BOOST_TEST(g.ok("payments.refund", owner, follow_up_request(3, charged, "50.00"))["Status"] == "Refunded");
  BOOST_TEST(g.ok("payments.settle", owner, follow_up_request(4, authorized, "25.00"))["Status"] == "Settled");
  BOOST_TEST(g.ok("profiles.refund", owner, follow_up_as(p_charged, 3, "40.00", c.id))["Status"] == "Refunded");
  BOOST_TEST(g.ok("profiles.void", owner, follow_up_as(p_authorized, 5, "30.00", c.id))["Status"] == "Voided");
  BOOST_TEST(g.ok("recurringPayments.suspend", owner, {{"CustomerProfileId", c.id}, {"RecurringPaymentId", recurring_id}})
                 ["NextProcessingDate"]
                 .is_null());
  BOOST_TEST(g.ok("packages.upgradeBundle", owner,
                  {{"Email", email}, {"FromSku", kBundle}, {"ToSku", kBundleUp}, {"TransactionReference", unique_ref("up")},
                   {"PaymentMethod", stored_profile_payment(c.id, c.profile_id)}})["Seats"] == 2);
  BOOST_TEST(g.ok("memberships.cancel", owner, {{"Email", email}, {"Sku", kMembership}})["Status"] == "PendingCancellation");
  BOOST_TEST(g.ok("paymentProfiles.remove", owner, {{"CustomerProfileId", c.id}, {"PaymentProfileId", p2}})["PaymentProfileId"] == p2);
  BOOST_TEST(g.ok("discountCodes.validate", owner, {{"DiscountCode", code}})["Percent"] == "10.00");
}

BOOST_AUTO_TEST_CASE(gateway_routes_refuse_missing_and_wrong_credentials) {
  ServerProcess server;
  const Gateway g{server};
  const Credentials owner = server.demo_credentials();
  const Credentials other = register_active_client(server);
  const Customer c = register_customer(server, owner, unique_email("owner"), card(kVisa));
  const json charged = approved_card_payment(server, owner, 2, "20.00", c.email);
  const std::vector<std::string> owner_ids = {c.id, c.profile_id, charged.at("TransactionId")};
  const std::string wrong_key = "0123456789abcdef0123456789abcdef";
  // A client that was cancelled: its former key no longer works anywhere.
  const Credentials cancelled = register_active_client(server);
  BOOST_TEST_REQUIRE(g.call("clients.cancel", cancelled, json()).front().code() == "00");

  // A request naming the owner's objects where the route takes them, so a leak would show.
  const json request = {{"CustomerProfileId", c.id}, {"PaymentProfileId", c.profile_id}, {"Email", c.email},
                        {"TransactionId", charged.at("TransactionId")}};
  std::size_t covered = 0;
  for (const auto& op : gw::operations()) {
    BOOST_TEST_CONTEXT("gateway " << op.name) {
      ++covered;
      std::string path(op.path);
      if (const auto mark = path.find("{}"); mark != std::string::npos) path.replace(mark, 2, payref::client::url_encode(c.email));
      if (op.name == "clients.register") {
        // Unauthenticated by design (the registration has no envelope): its documented answers are
        // 400 ModelState for a missing field and "00" with Message only for a complete one.
        const auto incomplete = server.post(path, {{"EmailAddress", unique_email()}});
        BOOST_TEST(incomplete.status == 400, incomplete.summary());
        BOOST_TEST((incomplete.is_json() && incomplete.body["ModelState"].is_object()), incomplete.summary());
        const auto fine = server.post(path, client_registration(unique_email("anon")));
        BOOST_TEST(fine.code() == "00", fine.summary());
        BOOST_TEST(fine.response().is_null());
        continue;
      }
      // No Authentication: HTTP 400 ModelState naming it (the gateway never answers 401).
      std::vector<HttpReply> missing;
      if (op.method != gw::Method::get) missing.push_back(server.post(path, {{"Request", request}}));
      if (op.method != gw::Method::post) {
        httplib::Params params;
        Gateway::flatten(request, "Request", params);
        missing.push_back(server.get(path, params));
      }
      for (const auto& r : missing) {
        BOOST_TEST(r.status == 400, r.summary());
        BOOST_TEST((r.is_json() && r.body["ModelState"].is_object() && r.body["ModelState"].contains("model.Authentication")), r.summary());
        expect_no_owner_ids(r, owner_ids, "");
      }
      // Wrong credentials: "20" with no Response, one description for all.
      const json sent = op.name == "clients.update" ? json{{"Updates", {{"EmailAddress", unique_email()}}}} : request;
      std::string first_description;
      for (const Credentials& who : {Credentials{owner.id, wrong_key}, Credentials{"999999999", owner.key}, Credentials{other.id, owner.key},
                                     Credentials{owner.id, other.key}, cancelled}) {
        const auto replies = g.call(op, who, sent, c.email);
        if (first_description.empty()) first_description = replies.front().description();
        expect_gateway_unauthenticated(replies, first_description);
        for (const auto& r : replies) expect_no_owner_ids(r, owner_ids, "");
      }
    }
  }
  BOOST_TEST(covered == gw::operations().size());
  // The owner's client still works: activation/cancellation with wrong keys changed nothing.
  BOOST_TEST(g.ok("customers.get", owner, {{"CustomerProfileId", c.id}})["CustomerProfileId"] == c.id);
}

// ================================================================================== billing

BOOST_AUTO_TEST_CASE(billing_customers_are_not_found_by_another_merchant_on_any_route) {
  ServerProcess server;
  const Billing b{server};
  const auto users = billing_users(server);
  const BillingUser owner = users.first, other = users.second;
  BOOST_TEST_REQUIRE(owner.accounts == (std::vector<std::int64_t>{2001, 2002}));
  BOOST_TEST_REQUIRE(other.accounts == (std::vector<std::int64_t>{3001}));

  const auto create = [&](const BillingUser& who, const json& customer) {
    const auto r = b.call("customers.create", who, customer);
    BOOST_TEST_REQUIRE(r.status == 201, r.summary());
    return r.body;
  };
  json first = customer_json(2001, "Ada", "Isolde");
  first["code"] = "ISO-1";
  first["email"] = "ada@example.com";
  json second = customer_json(2002, "Grace", "Isolde");
  second["code"] = "ISO-2";
  const json a1 = create(owner, first), a2 = create(owner, second);
  const std::string id1 = std::to_string(a1.at("id").get<std::int64_t>()), id2 = std::to_string(a2.at("id").get<std::int64_t>());
  const std::vector<std::int64_t> owner_ids = {a1.at("id"), a2.at("id")};

  const auto snapshot = [&] {
    json s;
    for (const auto& id : {id1, id2}) {
      const auto r = b.call("customers.load", owner, json(), id);
      BOOST_TEST_REQUIRE(r.status == 200, r.summary());
      s["customer " + id] = r.body;
    }
    const auto all = b.call("customers.find", owner, json::object());
    BOOST_TEST_REQUIRE(all.status == 200, all.summary());
    s["find"] = all.body;
    return s;
  };
  const json before = snapshot();
  BOOST_TEST_REQUIRE(before["find"].size() == 2u);

  const auto unknown_id = std::to_string(a2.at("id").get<std::int64_t>() + 1000000);
  const auto not_found = [&](const HttpReply& r, const HttpReply& unknown) {
    BOOST_TEST(r.status == 404, r.summary());
    BOOST_TEST(problems(r).size() == 1u, r.summary());
    BOOST_TEST(problems(r).front().code == "not_found", r.summary());
    expect_billing_error_only(r);
    // Exactly the answer for an id that exists nowhere.
    BOOST_TEST((billing_problem(r) == billing_problem(unknown)), r.summary() << " vs " << unknown.summary());
  };
  const auto no_owner_customers = [&](const HttpReply& r) {
    for (const auto id : billing_ids(r))
      BOOST_TEST((std::find(owner_ids.begin(), owner_ids.end(), id) == owner_ids.end()), "the owner's customer " << id << ": " << r.summary());
  };

  Attempts<cb::Operation> attempts = {
      {"customers.create", Attempt<cb::Operation>{[&](const cb::Operation& op) {
         // Into the owner's accounts: refused exactly like an account that does not exist.
         const auto nowhere = b.call(op, other, customer_json(999999, "Mallory", "Isolde"));
         BOOST_TEST(billing_problem(nowhere)["reason"] == "account.unknown", nowhere.summary());
         for (const std::int64_t account : owner.accounts) {
           const auto r = b.call(op, other, customer_json(account, "Mallory", "Isolde"));
           BOOST_TEST(r.status == 400, r.summary());
           expect_billing_error_only(r);
           BOOST_TEST((billing_problem(r) == billing_problem(nowhere)), r.summary());
         }
       }, [&](const cb::Operation& op) {
         // The owner's code in its own account: codes are per account, so no 409.
         json mine = customer_json(3001, "Mallory", "Other");
         mine["code"] = "ISO-1";
         const auto r = b.call(op, other, mine);
         BOOST_TEST(r.status == 201, r.summary());
         no_owner_customers(r);
       }}},
      {"customers.find", Attempt<cb::Operation>{[&](const cb::Operation& op) {
         for (const json& query : {json::object(), json{{"lastName", "Isolde"}}, json{{"email", "ada@"}}, json{{"firstName", "Ada"}}}) {
           const auto r = b.call(op, other, query);
           BOOST_TEST(r.status == 200, r.summary());
           BOOST_TEST(r.body.is_array(), r.summary());
           no_owner_customers(r);
         }
         BOOST_TEST(b.call(op, other, {{"lastName", "Isolde"}}).body == json::array());
         const auto nowhere = b.call(op, other, {{"accountId", "999999"}});
         BOOST_TEST(nowhere.status == 400, nowhere.summary());
         for (const std::int64_t account : owner.accounts) {
           const auto r = b.call(op, other, {{"accountId", std::to_string(account)}});
           expect_billing_error_only(r);
           BOOST_TEST((billing_problem(r) == billing_problem(nowhere)), r.summary());
         }
       }}},
      {"customers.load", Attempt<cb::Operation>{[&](const cb::Operation& op) {
         const auto unknown = b.call(op, other, json(), unknown_id);
         for (const auto& id : {id1, id2}) not_found(b.call(op, other, json(), id), unknown);
       }}},
      {"customers.modify", Attempt<cb::Operation>{[&](const cb::Operation& op) {
         const json change = {{"firstName", "Mallory"}, {"email", "mallory@example.com"}, {"isActive", false}};
         const auto unknown = b.call(op, other, change, unknown_id);
         for (const auto& id : {id1, id2}) not_found(b.call(op, other, change, id), unknown);
         not_found(b.call(op, other, {{"id", a1.at("id")}, {"lastName", "Changed"}}, id1), unknown);
       }}},
  };
  const auto covered = run_attempts("billing", cb::operations(), attempts);
  BOOST_TEST(covered == cb::operations().size());

  expect_unchanged(before, snapshot());
  // The owner can still change its customer, and its code is still taken in its account.
  const auto modified = b.call("customers.modify", owner, {{"firstName", "Augusta"}}, id1);
  BOOST_TEST(modified.status == 200, modified.summary());
  const auto duplicate = b.call("customers.create", owner, [&] { json j = customer_json(2001); j["code"] = "ISO-1"; return j; }());
  BOOST_TEST(duplicate.status == 409, duplicate.summary());
}

BOOST_AUTO_TEST_CASE(billing_routes_refuse_missing_and_wrong_credentials) {
  ServerProcess server;
  const Billing b{server};
  const auto users = billing_users(server);
  const BillingUser owner = users.first, other = users.second;
  const auto created = b.call("customers.create", owner, customer_json(2001, "Ada", "Isolde"));
  BOOST_TEST_REQUIRE(created.status == 201, created.summary());
  const std::string id = std::to_string(created.body.at("id").get<std::int64_t>());

  const std::vector<std::pair<std::string, std::string>> refused = {
      {"no Authorization", ""},
      {"wrong password", basic_auth(owner.username, "wrong-password")},
      {"the other merchant's user with the owner's password", basic_auth(other.username, owner.password)},
      {"the owner's user with the other merchant's password", basic_auth(owner.username, other.password)},
      {"unknown user", basic_auth("api-nobody", owner.password)},
      {"not Basic", "Bearer " + owner.password},
      {"bad base64", "Basic %%%"},
  };
  std::size_t covered = 0;
  for (const auto& op : cb::operations()) {
    ++covered;
    const json request = op.input == cb::Input::none ? json() : op.input == cb::Input::query ? json{{"lastName", "Isolde"}}
                                                                                              : json{{"firstName", "Mallory"}, {"accountId", 2001}, {"lastName", "X"}};
    const auto built = cb::build_request({&op, request.is_null() ? "" : request.dump(), id}, {owner.username, owner.password});
    BOOST_TEST_REQUIRE(built.is_ok());
    for (const auto& [what, authorization] : refused) {
      BOOST_TEST_CONTEXT("billing " << op.name << ", " << what) {
        const auto r = exchange(server, with_authorization(*built, authorization));
        BOOST_TEST(r.status == 401, r.summary());
        BOOST_TEST(r.header("WWW-Authenticate").rfind("Basic", 0) == 0u, r.summary());
        BOOST_TEST((problems(r).size() == 1u && problems(r).front().code == "unauthorized"), r.summary());
        expect_billing_error_only(r);
        BOOST_TEST(r.text.find("Isolde") == std::string::npos, r.summary());
      }
    }
  }
  BOOST_TEST(covered == cb::operations().size());
  // Outside the table, billing authenticates first too (docs/billing.md "Reference"): a method the
  // path does not take and an unknown path under /api/v01/ answer 401 before 405 or 404.
  for (const auto& [method, path] : std::vector<std::pair<std::string, std::string>>{
           {"DELETE", "/api/v01/customers/" + id}, {"GET", "/api/v01/customers/" + id + "/payment-options"}}) {
    for (const auto& [what, authorization] : refused) {
      BOOST_TEST_CONTEXT("billing " << method << " " << path << ", " << what) {
        payref::client::HttpRequest request{method, path, {}, ""};
        const auto r = exchange(server, with_authorization(request, authorization));
        BOOST_TEST(r.status == 401, r.summary());
        BOOST_TEST((problems(r).size() == 1u && problems(r).front().code == "unauthorized"), r.summary());
      }
    }
    payref::client::HttpRequest request{method, path, {}, ""};
    const auto r = exchange(server, with_authorization(request, basic_auth(other.username, other.password)));
    BOOST_TEST((r.status == 404 || r.status == 405), r.summary());
    expect_billing_error_only(r);
  }
  const auto still = b.call("customers.load", owner, json(), id);
  BOOST_TEST(still.status == 200, still.summary());
  BOOST_TEST(still.body == created.body);
}

// ================================================================================== cms

BOOST_AUTO_TEST_CASE(cms_subscriptions_are_not_found_by_another_merchant_on_any_route) {
  ServerProcess server;
  const Cms api{server};
  CmsClient cms(server);
  const std::string owner_token = cms.sign_on(cms.demo), other_token = cms.sign_on(cms.other);
  const std::string owner_profile = cms.demo.merchant_profile_id, other_profile = cms.other.merchant_profile_id;
  BOOST_TEST_REQUIRE(owner_profile != other_profile);
  const std::string next = date_in_days(10) + "T00:00:00";

  json s1_request = subscription_request(cms.demo, next);
  s1_request["Subscription"]["MerchantSubscriptionId"] = "ISO-S1";
  json s2_request = subscription_request(cms.demo, next);
  s2_request["Subscription"]["MerchantSubscriptionId"] = "ISO-S2";
  const std::string s1 = cms.create_ok(owner_token, s1_request), s2 = cms.create_ok(owner_token, s2_request);
  const auto invoiced = cms.invoice(owner_token, s2, owner_profile);
  BOOST_TEST_REQUIRE(invoiced.status == 200, invoiced.summary());
  BOOST_TEST_REQUIRE(invoiced.body.value("Status", "") == "Successful", invoiced.summary());
  std::vector<std::string> owner_ids = {s1, s2, invoiced.body.value("InvoiceReferenceId", ""), invoiced.body.value("TransactionId", "")};

  const json query_all = {{"Scope", "MerchantProfileId"}, {"PagingParameters", {{"Page", 0}, {"PageSize", 100}}}};
  const auto snapshot = [&] {
    json s;
    s["S1"] = cms.get_ok(owner_token, s1, owner_profile);
    s["S2"] = cms.get_ok(owner_token, s2, owner_profile);
    const auto all = api.call("subscriptions.query", owner_token, owner_profile, query_all);
    BOOST_TEST_REQUIRE(all.status == 200, all.summary());
    s["query"] = all.body;
    return s;
  };
  const json before = snapshot();
  BOOST_TEST_REQUIRE(before["S2"]["SubscriptionState"] == "Active");
  BOOST_TEST_REQUIRE(before["S2"]["InvoiceCount"] == 1);
  BOOST_TEST_REQUIRE(before["query"]["TotalFound"] == 2);

  const std::string nowhere_id = "0123456789ABCDEF0123456789ABCDEF";
  const auto as_other = [&](const cc::Operation& op, const std::string& profile, const json& request, const std::string& id = "") {
    const auto r = api.call(op, other_token, profile, request, id);
    expect_no_owner_ids(r, owner_ids, request.dump() + " " + id);
    return r;
  };
  // 404 ErrorId 510, as for an id that exists nowhere.
  const auto not_found = [&](const cc::Operation& op, const json& request, const std::string& id) {
    const auto r = as_other(op, other_profile, request, id);
    expect_cms_error(r, 404, 510);
    const auto nowhere = api.call(op, other_token, other_profile, request, nowhere_id);
    expect_cms_error(nowhere, 404, 510);
    BOOST_TEST(member_text(r, "Reason") == member_text(nowhere, "Reason"), r.summary());
  };
  // The owner's MerchantProfileId is not one of this identity's: 400, as for a profile that exists nowhere.
  const auto owner_profile_refused = [&](const cc::Operation& op, json request, const std::string& id = "") {
    if (request.is_object() && request.contains("MerchantProfileId")) request["MerchantProfileId"] = owner_profile;
    const auto r = as_other(op, owner_profile, request, id);
    expect_cms_error(r, 400, 0);
    BOOST_TEST(cms_rule(r).find("merchant.unknown_profile") != std::string::npos, r.summary());
    if (request.is_object() && request.contains("MerchantProfileId")) request["MerchantProfileId"] = "Nobody_Test_28";
    const auto nowhere = as_other(op, "Nobody_Test_28", request, id);
    BOOST_TEST(cms_rule(r) == cms_rule(nowhere), r.summary() << " vs " << nowhere.summary());
  };

  Attempts<cc::Operation> attempts = {
      {"subscriptions.create", Attempt<cc::Operation>{[&](const cc::Operation& op) {
         owner_profile_refused(op, s1_request);
         // The owner's MerchantSubscriptionId is free for this merchant (no 521).
         json mine = subscription_request(cms.other, next);
         mine["Subscription"]["MerchantSubscriptionId"] = "ISO-S1";
         const auto r = as_other(op, other_profile, mine);
         BOOST_TEST(r.status == 200, r.summary());
         BOOST_TEST((r.body.is_string() && r.body != s1 && r.body != s2), r.summary());
       }}},
      {"subscriptions.get", Attempt<cc::Operation>{[&](const cc::Operation& op) {
         not_found(op, json(), s1);
         not_found(op, json(), s2);
         owner_profile_refused(op, json(), s1);
       }}},
      {"subscriptions.query", Attempt<cc::Operation>{[&](const cc::Operation& op) {
         for (const json& parameters : {json::object(), json{{"SubscriptionReferenceId", s1}}, json{{"MerchantSubscriptionId", "ISO-S2"}},
                                        json{{"SubscriptionState", "Active"}}}) {
           json request = query_all;
           if (!parameters.empty()) request["QuerySubscriptionParameters"] = parameters;
           const auto r = as_other(op, other_profile, request);
           BOOST_TEST(r.status == 200, r.summary());
           for (const auto& s : member(r, "Subscriptions"))
             BOOST_TEST((s.value("SubscriptionReferenceId", "") != s1 && s.value("SubscriptionReferenceId", "") != s2), r.summary());
         }
         json by_id = query_all;
         by_id["QuerySubscriptionParameters"] = {{"SubscriptionReferenceId", s2}};
         BOOST_TEST(member(as_other(op, other_profile, by_id), "TotalFound") == 0);
         json with_owner_profile = query_all;
         with_owner_profile["MerchantProfileId"] = owner_profile;
         owner_profile_refused(op, with_owner_profile);
       }}},
      {"subscriptions.update", Attempt<cc::Operation>{[&](const cc::Operation& op) {
         json change = subscription_request(cms.other, next);
         change["Subscription"]["Amount"] = 0.01;
         not_found(op, change, s1);
         not_found(op, change, s2);
         owner_profile_refused(op, change, s1);
       }}},
      {"subscriptions.updateState", Attempt<cc::Operation>{[&](const cc::Operation& op) {
         not_found(op, {{"SubscriptionState", "Cancelled"}}, s1);
         not_found(op, {{"SubscriptionState", "Suspended"}}, s2);
         // S2 is Active: for the owner this is an invalid transition (409); here it must not exist.
         not_found(op, {{"SubscriptionState", "Active"}}, s2);
         owner_profile_refused(op, {{"MerchantProfileId", owner_profile}, {"SubscriptionState", "Cancelled"}}, s1);
       }}},
      {"subscriptions.invoice", Attempt<cc::Operation>{[&](const cc::Operation& op) {
         not_found(op, json(), s2);
         not_found(op, json(), s1);
         owner_profile_refused(op, json(), s2);
       }}},
      {"subscriptions.delete", Attempt<cc::Operation>{[&](const cc::Operation& op) {
         not_found(op, json(), s1);
         not_found(op, json(), s2);
         owner_profile_refused(op, json(), s1);
       }}},
  };
  const auto covered = run_attempts("cms", cc::operations(), attempts);
  BOOST_TEST(covered == cc::operations().size());

  expect_unchanged(before, snapshot());
  // The owner's subscriptions still act: S2 invoices again, S1 can be cancelled and deleted.
  const auto again = cms.invoice(owner_token, s2, owner_profile);
  BOOST_TEST(again.status == 200, again.summary());
  BOOST_TEST(cms.get_ok(owner_token, s2, owner_profile)["InvoiceCount"] == 2);
  BOOST_TEST(cms.set_state(owner_token, s1, owner_profile, "Cancelled").status == 200);
  BOOST_TEST(cms.remove(owner_token, s1, owner_profile).status == 200);
}

BOOST_AUTO_TEST_CASE(cms_routes_refuse_missing_and_wrong_credentials) {
  ServerProcess server;
  const Cms api{server};
  CmsClient cms(server);
  const std::string owner_token = cms.sign_on(cms.demo);
  const std::string next = date_in_days(10) + "T00:00:00";
  const std::string s1 = cms.create_ok(owner_token, subscription_request(cms.demo, next));
  const json before = cms.get_ok(owner_token, s1, cms.demo.merchant_profile_id);

  const std::vector<std::pair<std::string, std::string>> refused = {
      {"no Authorization", ""},
      {"an unknown session token", basic_auth(std::string(64, 'a'))},
      {"the identity token in place of a session token", basic_auth(cms.demo.identity_token)},
      {"an empty Basic username", "Basic Og=="},
      {"not Basic", "Bearer " + owner_token},
  };
  std::size_t covered = 0;
  for (const auto& op : cc::operations()) {
    ++covered;
    const json request = op.input == cc::Input::profile ? json() : subscription_request(cms.demo, next);
    const auto built = cc::build_request({&op, request.is_null() ? "" : request.dump(), s1}, {owner_token, cms.demo.merchant_profile_id});
    BOOST_TEST_REQUIRE(built.is_ok());
    for (const auto& [what, authorization] : refused) {
      BOOST_TEST_CONTEXT("cms " << op.name << ", " << what) {
        const auto r = exchange(server, with_authorization(*built, authorization));
        expect_cms_error(r, 401, 5005);
        BOOST_TEST(member_text(r, "Reason") == "Invalid Token", r.summary());
        BOOST_TEST(!contains_token(r.text, s1), r.summary());
      }
    }
  }
  BOOST_TEST(covered == cc::operations().size());

  // Sign-on (SIS.svc/token, outside the operation table) authenticates with the identity token
  // itself: its documented refusals are 401 5005, and a session token is no identity token.
  for (const auto& [what, authorization] : std::vector<std::pair<std::string, std::string>>{
           {"no Authorization", ""}, {"an unknown identity", basic_auth(std::string(64, 'b'))}, {"a session token", basic_auth(owner_token)}}) {
    BOOST_TEST_CONTEXT("cms sign-on, " << what) {
      httplib::Headers headers;
      if (!authorization.empty()) headers.emplace("Authorization", authorization);
      const auto r = server.get(std::string(cc::kSignOnPath), {}, headers);
      expect_cms_error(r, 401, 5005);
    }
  }
  BOOST_TEST(cms.sign_on_raw(cms.other.identity_token).status == 200);
  expect_unchanged(json{{"S1", before}}, json{{"S1", cms.get_ok(owner_token, s1, cms.demo.merchant_profile_id)}});

  // A session past its 30 minutes (server clock): 401 5000 "Expired Token" on every route.
  cms.advance({{"seconds", 30 * 60}});
  for (const auto& op : cc::operations()) {
    BOOST_TEST_CONTEXT("cms " << op.name << ", an expired session") {
      const json request = op.input == cc::Input::profile ? json() : subscription_request(cms.demo, date_in_days(20) + "T00:00:00");
      const auto r = api.call(op, owner_token, cms.demo.merchant_profile_id, request, s1);
      expect_cms_error(r, 401, 5000);
      BOOST_TEST(member_text(r, "Reason") == "Expired Token", r.summary());
      BOOST_TEST(!contains_token(r.text, s1), r.summary());
    }
  }
  const std::string fresh = cms.sign_on(cms.demo);
  BOOST_TEST(cms.get_ok(fresh, s1, cms.demo.merchant_profile_id)["SubscriptionState"] == before["SubscriptionState"]);
}

// ================================================================================== financing

BOOST_AUTO_TEST_CASE(financing_authorizations_and_verifications_are_not_found_by_another_merchant_on_any_route) {
  ServerProcess server;
  const Financing f{server};
  const fin::Client owner = fin::demo_client(server), other = fin::second_client(server);
  BOOST_TEST_REQUIRE(owner.id != other.id);
  const std::string ot = fin::token(server, owner), xt = fin::token(server, other);
  const std::string ada = fin::kAda;

  // ---- the owner's objects: a verification code, an open pre-authorization with a capture, and
  // a closed auto-captured one with a partial return.
  const std::string pin =
      f.ok("accounts.verify", owner.id, ot, {{"format", "security_question"}, {"security_qid", 101}, {"security_answer", "rex"}}, {ada})
          .at("verification_code")
          .get<std::string>();
  const json a1 = f.ok("authorizations.create", owner.id, ot, fin::auth_request(ada, 300, false, 5, 6));
  const std::string a1_id = id_text(a1.at("authorization_id"));
  const json c1 = f.ok("authorizations.capture", owner.id, ot, {{"amount", 100}}, {a1_id});
  const std::string c1_id = id_text(c1.at("capture_id"));
  const json a2 = f.ok("authorizations.create", owner.id, ot, fin::auth_request(ada, 120, true, 5, 12));
  const std::string a2_id = id_text(a2.at("authorization_id")), c2_id = id_text(a2.at("capture_id"));
  const json r2 = f.ok("authorizations.return", owner.id, ot, {{"amount", 20}}, {a2_id, c2_id});
  const std::vector<std::string> owner_ids = {a1_id, c1_id, a2_id, c2_id, id_text(r2.at("return_id")), pin};

  const auto snapshot = [&] {
    json s;
    s["A1"] = f.ok("authorizations.get", owner.id, ot, json(), {a1_id});
    s["A2"] = f.ok("authorizations.get", owner.id, ot, json(), {a2_id});
    s["list"] = f.ok("authorizations.list", owner.id, ot, json());
    s["Ada"] = f.ok("customers.lookup", owner.id, ot, {{"account_number", ada}});
    return s;
  };
  const json before = snapshot();
  BOOST_TEST_REQUIRE(before["A1"]["authorization_status"] == "opened");
  BOOST_TEST_REQUIRE(before["A1"]["remaining_authorization_amount"] == 200);
  BOOST_TEST_REQUIRE(before["Ada"]["available_credit"] == 4600);

  const auto as_other = [&](const cf::Operation& op, const json& request, std::vector<std::string> params = {}) {
    std::string sent = request.dump();
    for (const auto& p : params) sent += " " + p;
    const auto r = f.call(op, other.id, xt, request, std::move(params));
    expect_no_owner_ids(r, owner_ids, sent);
    return r;
  };
  const auto not_found = [&](const cf::Operation& op, const json& request, std::vector<std::string> params) {
    const auto r = as_other(op, request, params);
    BOOST_TEST(fin::is_error(r, 404, "not_found"), r.summary());
    // Exactly the answer for an authorization that exists nowhere (the url aside).
    std::vector<std::string> nowhere_params = params;
    nowhere_params[0] = "899999999";
    const auto nowhere = f.call(op, other.id, xt, request, nowhere_params);
    BOOST_TEST(member_text(r, "message") == member_text(nowhere, "message"), r.summary() << " vs " << nowhere.summary());
  };
  // Shared by design (docs/financing.md "Tenancy": accounts are the lender's, seen by every
  // merchant): the same answer for both merchants, with nothing of the owner's in it.
  const auto same_for_both = [&](const cf::Operation& op, const json& request, std::vector<std::string> params = {}) {
    const auto mine = as_other(op, request, params);
    const auto owners = f.call(op, owner.id, ot, request, params);
    BOOST_TEST(mine.status == 200, mine.summary());
    BOOST_TEST((mine.body == owners.body), mine.summary() << " vs " << owners.summary());
  };
  std::string other_pin;

  Attempts<cf::Operation> attempts = {
      {"customers.lookup", Attempt<cf::Operation>{[&](const cf::Operation& op) { same_for_both(op, {{"account_number", ada}}); }}},
      {"customers.search", Attempt<cf::Operation>{[&](const cf::Operation& op) { same_for_both(op, {{"first_name", "Ada"}, {"last_name", "Lovelace"}, {"dob", "1985-12-10"}}); }}},
      {"customers.decodeDriversLicense", Attempt<cf::Operation>{[&](const cf::Operation& op) { same_for_both(op, {{"code", kLicence}}); }}},
      {"accounts.calculateInterest", Attempt<cf::Operation>{[&](const cf::Operation& op) { same_for_both(op, {{"amount", 250}}, {ada}); }}},
      // Its own verification: a code of its own, which must neither replace the owner's nor work for the owner.
      {"accounts.verify", Attempt<cf::Operation>{[&](const cf::Operation& op) {
         const auto r = as_other(op, {{"format", "security_question"}, {"security_qid", 101}, {"security_answer", "rex"}}, {ada});
         BOOST_TEST(r.status == 200, r.summary());
         other_pin = member_text(r, "verification_code");
       }}},
      // The owner's verification code is no code of this merchant's, and is not used up.
      {"authorizations.create", Attempt<cf::Operation>{[&](const cf::Operation& op) {
         json request = fin::auth_request(ada, 50, true);
         request["verification_code"] = pin;
         const auto r = as_other(op, request);
         BOOST_TEST(fin::is_error(r, 409, "not_verified"), r.summary());
       }}},
      {"authorizations.capture", Attempt<cf::Operation>{[&](const cf::Operation& op) {
         not_found(op, {{"amount", 50}}, {a1_id});
         not_found(op, {{"amount", 1}}, {a2_id});
       }}},
      {"authorizations.release", Attempt<cf::Operation>{[&](const cf::Operation& op) {
         not_found(op, json::object(), {a1_id});
         not_found(op, {{"amount", 10}}, {a1_id});
       }}},
      {"authorizations.return", Attempt<cf::Operation>{[&](const cf::Operation& op) {
         not_found(op, {{"amount", 10}}, {a2_id, c2_id});
         not_found(op, {{"full_return", true}}, {a1_id, c1_id});
       }}},
      {"authorizations.list", Attempt<cf::Operation>{[&](const cf::Operation& op) {
         for (const json& query : {json::object(), json{{"account_number", ada}}, json{{"authorization_status", "opened"}},
                                   json{{"transaction_type", "promotional_purchase"}}}) {
           const auto r = as_other(op, query);
           BOOST_TEST(r.status == 200, r.summary());
           BOOST_TEST(member(r, "total_count") == 0, r.summary());
           BOOST_TEST(member(r, "authorizations") == json::array(), r.summary());
         }
       }}},
      {"authorizations.get", Attempt<cf::Operation>{[&](const cf::Operation& op) {
         not_found(op, json(), {a1_id});
         not_found(op, json(), {a2_id});
       }}},
      {"transactions.create", Attempt<cf::Operation>{[&](const cf::Operation& op) {
         const auto r = as_other(op, {{"transaction_type", "instore_payment"}, {"amount", 25}, {"account_number", ada}, {"verification_code", pin}});
         BOOST_TEST(fin::is_error(r, 409, "wrong_verification_code"), r.summary());
       }}},
  };
  const auto covered = run_attempts("financing", cf::operations(), attempts);
  BOOST_TEST(covered == cf::operations().size());

  // ---- the owner's objects through the owner's client_id with the other merchant's token: 401.
  for (const auto& op : cf::operations()) {
    BOOST_TEST_CONTEXT("financing " << op.name << " on the owner's client_id") {
      std::vector<std::string> params(cf::path_parameter_count(op), a1_id);
      if (params.size() == 2) params = {a2_id, c2_id};
      const auto r = f.call(op, owner.id, xt, json::object(), params);
      BOOST_TEST(fin::is_error(r, 401, "invalid_token"), r.summary());
      expect_no_owner_ids(r, owner_ids, a1_id + " " + a2_id + " " + c2_id);
    }
  }

  expect_unchanged(before, snapshot());
  // The owner's objects still act: A1 captures what remains, A2's capture takes the rest of its
  // return, and the owner's PIN still works (once) while the other merchant's does not.
  const auto captured = f.ok("authorizations.capture", owner.id, ot, {{"amount", 200}}, {a1_id});
  BOOST_TEST(captured["authorization_status"] == "closed");
  BOOST_TEST(f.ok("authorizations.return", owner.id, ot, {{"full_return", true}}, {a2_id, c2_id})["amount"] == 100);
  json with_pin = fin::auth_request(ada, 10, true);
  with_pin["verification_code"] = pin;
  BOOST_TEST(f.call("authorizations.create", owner.id, ot, with_pin).status == 200);
  BOOST_TEST_REQUIRE(!other_pin.empty());
  with_pin["verification_code"] = other_pin;
  const auto foreign_pin = f.call("authorizations.create", owner.id, ot, with_pin);
  BOOST_TEST(fin::is_error(foreign_pin, 409, "not_verified"), foreign_pin.summary());
}

BOOST_AUTO_TEST_CASE(financing_routes_refuse_missing_and_wrong_credentials) {
  ServerProcess server;
  const Financing f{server};
  const fin::Client owner = fin::demo_client(server), other = fin::second_client(server);
  const std::string ot = fin::token(server, owner), xt = fin::token(server, other);
  const json a1 = f.ok("authorizations.create", owner.id, ot, fin::auth_request(fin::kAda, 300, false, 5, 6));
  const std::string a1_id = id_text(a1.at("authorization_id"));
  const json before = f.ok("authorizations.get", owner.id, ot, json(), {a1_id});

  const std::vector<std::pair<std::string, std::string>> refused = {
      {"no Authorization", ""},
      {"an unknown token", "Bearer " + std::string(48, 'f')},
      {"the other merchant's token", "Bearer " + xt},
      {"the client secret as a token", "Bearer " + owner.secret},
      {"not Bearer", basic_auth(owner.id, owner.secret)},
      {"an empty Bearer", "Bearer "},
  };
  std::size_t covered = 0;
  for (const auto& op : cf::operations()) {
    ++covered;
    std::vector<std::string> params(cf::path_parameter_count(op), a1_id);
    const json request = op.method == cf::Method::get ? json::object() : json{{"amount", 10}, {"account_number", fin::kAda}};
    const auto built = cf::build_request({&op, request.dump(), params}, owner.id, ot);
    BOOST_TEST_REQUIRE(built.is_ok());
    for (const auto& [what, authorization] : refused) {
      BOOST_TEST_CONTEXT("financing " << op.name << ", " << what) {
        const auto r = exchange(server, with_authorization(*built, authorization));
        BOOST_TEST(fin::is_error(r, 401, "invalid_token"), r.summary());
        BOOST_TEST(!contains_token(r.text, fin::kAda), r.summary());
      }
    }
  }
  BOOST_TEST(covered == cf::operations().size());

  // The token endpoint (outside the operation table) is where credentials are presented: its
  // documented refusal is 400 invalid_client, with the OAuth error_description.
  for (const auto& [what, form] : std::vector<std::pair<std::string, std::string>>{
           {"no credentials", "grant_type=client_credentials"},
           {"a wrong secret", "grant_type=client_credentials&client_id=" + owner.id + "&client_secret=wrong"},
           {"the other merchant's secret", "grant_type=client_credentials&client_id=" + owner.id + "&client_secret=" + other.secret},
           {"an unknown client", "grant_type=client_credentials&client_id=nobody&client_secret=" + owner.secret}}) {
    BOOST_TEST_CONTEXT("financing oauth/token, " << what) {
      const auto r = fin::token_raw(server, form);
      BOOST_TEST(fin::is_error(r, 400, "invalid_client"), r.summary());
      BOOST_TEST(r.text.find("access_token") == std::string::npos, r.summary());
    }
  }
  BOOST_TEST(f.ok("authorizations.get", owner.id, ot, json(), {a1_id}) == before);

  // A token past its 1200 s (server clock): 401 invalid_token on every route.
  fin::advance(server, {{"seconds", 1200}});
  for (const auto& op : cf::operations()) {
    BOOST_TEST_CONTEXT("financing " << op.name << ", an expired token") {
      std::vector<std::string> params(cf::path_parameter_count(op), a1_id);
      const json request = op.method == cf::Method::get ? json::object() : json{{"amount", 10}, {"account_number", fin::kAda}};
      const auto r = f.call(op, owner.id, ot, request, params);
      BOOST_TEST(fin::is_error(r, 401, "invalid_token"), r.summary());
      BOOST_TEST(!contains_token(r.text, fin::kAda), r.summary());
    }
  }
  const std::string fresh = fin::token(server, owner);
  BOOST_TEST(f.ok("authorizations.get", owner.id, fresh, json(), {a1_id}) == before);
}

BOOST_AUTO_TEST_SUITE_END()
