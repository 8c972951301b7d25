// Robustness: hostile or broken input — wrong JSON types, huge strings, bodies over 1 MiB,
// unknown paths, bytes that are not UTF-8, empty and non-object bodies, deep nesting — gets a
// 4xx answer or a non-00 Message, never HTTP 500 and never a dead server (/healthz answers after
// each).
#include <boost/test/unit_test.hpp>

#include <functional>

#include "gateway_helpers.hpp"

using namespace payref_test;
using nlohmann::json;

namespace {

const char* const kAllGatewayPosts[] = {
    "/api/v1/client/register",
    "/api/v1/client/activation",
    "/api/v1/client/cancellation",
    "/api/v1/client/update",
    "/api/v1/customer/register",
    "/api/v1/customer/payments/register",
    "/api/v1/customer/payments/update",
    "/api/v1/customer/payments/remove",
    "/api/v1/customer/profiles",
    "/api/v1/customer/profiles/full",
    "/api/v1/payments/creditcard/authorize",
    "/api/v1/payments/creditcard/charge",
    "/api/v1/payments/creditcard/refund",
    "/api/v1/payments/creditcard/transaction/settle",
    "/api/v1/payments/creditcard/transaction/void",
    "/api/v1/payments/b2b/transaction/debit",
    "/api/v1/payments/b2b/transaction/credit",
    "/api/v1/payments/thirdparty",
    "/api/v1/profiles/authorize",
    "/api/v1/profiles/charge",
    "/api/v1/profiles/refund",
    "/api/v1/profiles/settle",
    "/api/v1/profiles/void",
    "/api/v1/transactions",
    "/api/v1/purchase",
    "/api/v1/memberships/join",
    "/api/v1/memberships/cancel",
    "/api/v1/memberships/someone@example.com",
    "/api/v1/packages",
    "/api/v1/packages/bundle/upgrade",
    "/api/v1/packages/bundle/downgrade",
    "/api/v1/packages/truingup",
};

const char* const kGetOnly[] = {"/api/v1/customer/profile",
                                "/api/v1/customer",
                                "/api/v1/customer/profiles/default",
                                "/api/v1/isvs/pricing",
                                "/api/v1/packages/purchased",
                                "/api/v1/packages/100001",
                                "/api/v1/packages/curatedcollection/COL-ARCHVIZ-START-1Y",
                                "/api/v1/packages/softwarebundle/200001"};

// An answer the server gave on purpose: 2xx/4xx with a JSON body.
void check_handled(const HttpReply& r, const std::string& what) {
  BOOST_TEST(r.status != 0, what << ": no answer (" << r.text << ")");
  BOOST_TEST(r.status < 500, what << ": " << r.summary());
  BOOST_TEST(r.is_json(), what << ": " << r.summary());
}

// Every leaf of `value` (objects only), as a JSON pointer.
void leaves(const json& value, const json::json_pointer& at, std::vector<json::json_pointer>& out) {
  if (value.is_object() && !value.empty()) {
    for (const auto& [k, v] : value.items()) leaves(v, at / k, out);
  } else {
    out.push_back(at);
  }
}

struct Endpoint {
  std::string path;
  json body;  // a full request that the server accepts
};

// Valid requests for every gateway endpoint, against real data on this server.
std::vector<Endpoint> valid_requests(const ServerProcess& server, const Credentials& demo) {
  const auto c = register_customer(server, demo);
  const std::string second = add_profile(server, demo, c.id, card(kMastercard));
  const json charge = approved_card_payment(server, demo, 2, "500.00", c.email);
  const json auth = approved_card_payment(server, demo, 1, "50.00", c.email);
  const json profile_charge =
      server
          .post("/api/v1/profiles/charge", envelope(demo, {{"CustomerProfileId", c.id},
                                                           {"PaymentProfileId", c.profile_id},
                                                           {"Amount", "500.00"},
                                                           {"CurrencyCode", "USD"},
                                                           {"Email", c.email},
                                                           {"TransactionReference", unique_ref("pc")}}))
          .response();
  const json profile_auth =
      server
          .post("/api/v1/profiles/authorize", envelope(demo, {{"CustomerProfileId", c.id},
                                                              {"PaymentProfileId", c.profile_id},
                                                              {"Amount", "50.00"},
                                                              {"CurrencyCode", "USD"},
                                                              {"Email", c.email},
                                                              {"TransactionReference", unique_ref("pa")}}))
          .response();
  BOOST_TEST_REQUIRE(profile_charge.is_object());
  BOOST_TEST_REQUIRE(profile_auth.is_object());
  const auto on_profile = [&](json r) {
    r["CustomerProfileId"] = c.id;
    return r;
  };
  const auto pay = [&](json r) {
    r["CustomerProfileId"] = c.id;
    r["PaymentProfileId"] = c.profile_id;
    r.erase("Card");
    return r;
  };
  // Commerce: a buyer holding a bundle licence (so upgrade, downgrade and true-up have one to act
  // on), a discount code, and the two ways to pay.
  const json stored_method = {{"PaymentType", "3"}, {"StoredProfile", {{"CustomerProfileId", c.id}, {"PaymentProfileId", c.profile_id}}}};
  const json card_method = {{"PaymentType", "1"},
                            {"Name", name()},
                            {"CurrencyCode", "USD"},
                            {"CardPayment", {{"Card", card()}, {"CaptureMethod", "3"}, {"BillingAddress", address()}, {"SaveToFile", "False"}}}};
  const std::string buyer = unique_email("shop");
  const auto bought = server.post("/api/v1/purchase", envelope(demo, {{"Email", buyer},
                                                                      {"Skus", {{{"Sku", "RR-BND-PROD-1Y"}, {"Quantity", "2"}}}},
                                                                      {"TransactionReference", unique_ref("buy")},
                                                                      {"PaymentMethod", stored_method}}));
  BOOST_TEST_REQUIRE(bought.code() == "00", bought.summary());
  server.post("/api/v1/discountcode/add", envelope(demo, {{"DiscountCode", "ROBUST10"}, {"Percent", "10"}}));
  const std::string member = unique_email("member");
  const auto joined = server.post("/api/v1/memberships/join", envelope(demo, {{"Email", member},
                                                                              {"Sku", "MBR-STORAGE-PRO-1M"},
                                                                              {"TransactionReference", unique_ref("join")},
                                                                              {"PaymentMethod", card_method}}));
  BOOST_TEST_REQUIRE(joined.code() == "00", joined.summary());
  return {
      {"/api/v1/purchase", envelope(demo, {{"Email", buyer},
                                           {"Skus", {{{"Sku", "RR-RND-STD-1Y"}, {"Quantity", "1"}}}},
                                           {"TransactionReference", unique_ref("p")},
                                           {"TransactionDateTime", "2026-01-02 03:04:05"},
                                           {"Discount", {{"DiscountCode", "ROBUST10"}, {"Product", "Render"}}},
                                           {"Marketing", {{"Motion", "Workstation Beta"}}},
                                           {"UpdateRenderRocket", "false"},
                                           {"PaymentMethod", card_method}})},
      {"/api/v1/memberships/join", envelope(demo, {{"Email", unique_email("join")},
                                                   {"Sku", "MBR-RENDER-GUILD-1M"},
                                                   {"TransactionReference", unique_ref("j")},
                                                   {"PaymentMethod", card_method}})},
      {"/api/v1/memberships/cancel", envelope(demo, {{"Email", member}, {"Sku", "MBR-STORAGE-PRO-1M"}})},
      {"/api/v1/memberships/" + member, {{"Authentication", demo.json()}}},
      {"/api/v1/packages", envelope(demo, {{"Email", buyer}, {"PackageType", "Bundle"}, {"ProductType", "Render"}, {"DiscountCode", "ROBUST10"}})},
      {"/api/v1/packages/bundle/upgrade", envelope(demo, {{"Email", buyer},
                                                          {"FromSku", "RR-BND-PROD-1Y"},
                                                          {"ToSku", "RR-BND-STUDIO-1Y"},
                                                          {"TransactionReference", unique_ref("u")},
                                                          {"PaymentMethod", stored_method}})},
      {"/api/v1/packages/bundle/downgrade", envelope(demo, {{"Email", buyer}, {"FromSku", "RR-BND-PROD-1Y"}, {"ToSku", "RR-BND-ESS-1Y"}})},
      {"/api/v1/packages/truingup", envelope(demo, {{"Email", buyer}, {"Sku", "RR-BND-PROD-1Y"}, {"Seats", "5"}})},
      {"/api/v1/client/register", client_registration(unique_email("robust"))},
      {"/api/v1/client/update", {{"Authentication", demo.json()}, {"Updates", {{"EmailAddress", unique_email("upd")}}}}},
      {"/api/v1/customer/register", envelope(demo, customer_request(unique_email()))},
      {"/api/v1/customer/payments/register", envelope(demo, profile_request(c.id))},
      {"/api/v1/customer/payments/update",
       envelope(demo, {{"CustomerProfileId", c.id},
                       {"PaymentProfileId", c.profile_id},
                       {"Authorizer", "Sierra"},
                       {"UpdateDateTime", "2026-01-02 03:04:05"},
                       {"Updates",
                        {{"Card", {{"ExpiryDate", future_expiry()}, {"CVV", "123"}}},
                         {"BillingAddress", {{"Street", "Elm"}, {"Zip", "10001"}, {"City", "NYC"}}},
                         {"MakeDefault", "False"}}}})},
      {"/api/v1/customer/payments/remove",
       envelope(demo, {{"CustomerProfileId", c.id}, {"PaymentProfileId", second}, {"RemovalDateTime", "2026-01-02 03:04:05"}})},
      {"/api/v1/customer/profiles", envelope(demo, {{"Email", c.email}})},
      {"/api/v1/customer/profiles/full", envelope(demo, {{"CustomerProfileId", c.id}})},
      {"/api/v1/payments/creditcard/authorize", envelope(demo, card_payment_request(1, "1.00", c.email))},
      {"/api/v1/payments/creditcard/charge", envelope(demo, card_payment_request(2, "1.00", c.email))},
      {"/api/v1/payments/creditcard/refund", envelope(demo, follow_up_request(3, charge, "0.01"))},
      {"/api/v1/payments/creditcard/transaction/settle", envelope(demo, follow_up_request(4, auth, "50.00"))},
      {"/api/v1/payments/creditcard/transaction/void", envelope(demo, follow_up_request(5, auth, "50.00"))},
      {"/api/v1/payments/b2b/transaction/debit", envelope(demo, bank_request(6, "1.00"))},
      {"/api/v1/payments/b2b/transaction/credit", envelope(demo, bank_request(7, "1.00"))},
      {"/api/v1/payments/thirdparty",
       envelope(demo, {{"Amount", "1.00"},
                       {"CurrencyCode", "USD"},
                       {"Email", c.email},
                       {"TransactionReference", unique_ref("tp")},
                       {"Description", "x"},
                       {"PaymentMethod", "Cheque"},
                       {"Discount", {{"DiscountCode", "D"}, {"Product", "P"}}},
                       {"Marketing", {{"Motion", "M"}}}})},
      {"/api/v1/profiles/authorize", envelope(demo, pay(card_payment_request(1, "1.00", c.email)))},
      {"/api/v1/profiles/charge", envelope(demo, pay(card_payment_request(2, "1.00", c.email)))},
      {"/api/v1/profiles/refund", envelope(demo, on_profile(follow_up_request(3, profile_charge, "0.01")))},
      {"/api/v1/profiles/settle", envelope(demo, on_profile(follow_up_request(4, profile_auth, "50.00")))},
      {"/api/v1/profiles/void", envelope(demo, on_profile(follow_up_request(5, profile_auth, "50.00")))},
      {"/api/v1/transactions",
       envelope(demo, {{"Email", c.email}, {"PageSize", "5"}, {"PageNumber", "1"}, {"TimeZone", "UTC"}})},
  };
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(robustness_tests, ServerFixture)

BOOST_AUTO_TEST_CASE(wrong_json_types_anywhere_never_cause_500) {
  // Each leaf of a valid request of each endpoint, replaced by each wrong type in turn (a fresh
  // TransactionReference each time, so the checks behind the duplicate test are reached too).
  const std::vector<json> wrong = {json::array(),           json::object(), json(12345678901234567890ULL),
                                   json(-1.5),              json(true),     json(nullptr),
                                   json::array({"a", 1}),   json(""),       json({{"x", json::array()}})};
  int requests = 0;
  for (const auto& endpoint : valid_requests(server, demo)) {
    std::vector<json::json_pointer> paths;
    leaves(endpoint.body, json::json_pointer(), paths);
    // The containers themselves too (Request, Card, Name, ...).
    for (const auto& [k, v] : endpoint.body.items())
      if (v.is_object())
        for (const auto& [k2, v2] : v.items())
          if (v2.is_object()) paths.push_back(json::json_pointer("/" + k + "/" + k2));
    for (const auto& p : paths) {
      for (const auto& value : wrong) {
        json body = endpoint.body;
        body[p] = value;
        if (body.contains("Request") && body["Request"].is_object() && body["Request"].contains("TransactionReference") &&
            p.to_string() != "/Request/TransactionReference")
          body["Request"]["TransactionReference"] = unique_ref("w");
        const auto reply = server.post(endpoint.path, body);
        ++requests;
        check_handled(reply, endpoint.path + " with " + p.to_string() + " = " + value.dump());
        if (reply.status == 200) BOOST_TEST(!reply.code().empty(), reply.summary());
      }
    }
    BOOST_TEST_REQUIRE(server.healthy(), "server down after wrong types on " << endpoint.path);
  }
  BOOST_TEST(requests > 1000);
  // The top-level envelope members themselves, for every endpoint.
  for (const char* path : kAllGatewayPosts)
    for (const auto& value : wrong) {
      check_handled(server.post(path, {{"Authentication", value}, {"Request", value}}), path);
      check_handled(server.post(path, {{"Authentication", demo.json()}, {"Request", value}, {"Updates", value}}), path);
    }
  BOOST_TEST(server.healthy());
}

BOOST_AUTO_TEST_CASE(huge_strings_are_refused_cleanly) {
  const std::string huge(900 * 1024, 'x');
  const std::string huge_email = std::string(900 * 1024, 'a') + "@example.com";
  const std::string huge_digits(900 * 1024, '4');

  auto reg = client_registration(unique_email());
  reg["FirstName"] = huge;
  const auto r1 = server.post("/api/v1/client/register", reg);
  BOOST_TEST(r1.status == 400, r1.summary());

  const auto r2 = server.post("/api/v1/customer/register", envelope(demo, customer_request(huge_email)));
  BOOST_TEST(r2.code() == "05", r2.summary());

  const auto r3 = server.post("/api/v1/payments/creditcard/charge", envelope(demo, card_payment_request(2, "1.00", unique_email(), card(huge_digits))));
  BOOST_TEST(r3.code() == "05", r3.summary());

  const auto r4 = server.post("/api/v1/payments/creditcard/charge",
                              envelope(demo, card_payment_request(2, "1.00", unique_email(), card(), huge)));
  BOOST_TEST(r4.code() == "05", r4.summary());

  const auto r5 = server.post("/api/v1/transactions", envelope(Credentials{huge, demo.key}, {{"Email", unique_email()}}));
  BOOST_TEST(r5.status == 400, r5.summary());

  json amount = card_payment_request(2, std::string(1, '1') + std::string(1000, '0') + ".00", unique_email());
  const auto r6 = server.post("/api/v1/payments/creditcard/charge", envelope(demo, amount));
  BOOST_TEST(r6.code() == "05", r6.summary());

  const auto r7 = server.get("/api/v1/transactions", {{"Authentication.Id", demo.id},
                                                      {"Authentication.Key", demo.key},
                                                      {"Request.Email", std::string(6000, 'e') + "@x.com"}});
  check_handled(r7, "6 KB query string");
  for (const auto& r : {r1, r2, r3, r4, r5, r6}) {
    BOOST_TEST(r.text.size() < 4096u, "the answer echoes the huge input: " << r.text.size() << " bytes");
  }
  BOOST_TEST(server.healthy());
}

BOOST_AUTO_TEST_CASE(body_over_one_mib_is_413_and_the_server_survives) {
  json request = customer_request(unique_email());
  request["Authorizer"] = std::string(1024 * 1024, 'x');
  const auto reply = server.post("/api/v1/customer/register", envelope(demo, request));
  BOOST_TEST(reply.status == 413, reply.summary());
  BOOST_TEST(reply.is_json(), reply.summary());
  BOOST_TEST(reply.body.value("Message", "").find("1 MiB") != std::string::npos, reply.summary());
  BOOST_TEST(server.healthy());
  // The same request under the limit is served.
  request["Authorizer"] = "Sierra";
  BOOST_TEST(server.post("/api/v1/customer/register", envelope(demo, request)).code() == "00");
  // Over the limit on an anonymous endpoint too.
  const auto raw = server.post_raw("/api/v1/client/register", std::string(1024 * 1024 + 1, ' '));
  BOOST_TEST(raw.status == 413, raw.summary());
  BOOST_TEST(server.healthy());
}

BOOST_AUTO_TEST_CASE(unknown_paths_are_404_with_a_json_body) {
  // Under a family's prefix the 404 is in that family's format; the gateway's is ASP.NET's.
  for (const char* path : {"/api/v1/nope", "/api/v2/transactions", "/", "/api/v1/customer/profiles/full/extra"}) {
    const auto get = server.get(path);
    BOOST_TEST(get.status == 404, path << ": " << get.summary());
    BOOST_TEST(get.is_json(), path << ": " << get.summary());
    BOOST_TEST(get.body.value("Message", "").find("No HTTP resource") != std::string::npos, get.summary());
    const auto post = server.post(path, json::object());
    BOOST_TEST(post.status == 404, path << ": " << post.summary());
    BOOST_TEST(post.is_json(), path << ": " << post.summary());
  }
  // The sandbox API answers in its own format.
  const auto sandbox = server.get("/_sandbox/nope");
  BOOST_TEST(sandbox.status == 404, sandbox.summary());
  BOOST_TEST(sandbox.body.value("error", "") == "not_found", sandbox.summary());
  BOOST_TEST(server.healthy());
}

BOOST_AUTO_TEST_CASE(error_responses_carry_a_single_cors_origin_header) {
  // A browser refuses "Access-Control-Allow-Origin: *, *": on an API path the header appears
  // exactly once, whatever the status; elsewhere (health, sandbox) not at all.
  const auto model = server.post_raw("/api/v1/customer/register", "{");
  const auto not_found = server.post("/api/v1/nope", json::object());
  json request = customer_request(unique_email());
  request["Authorizer"] = std::string(1024 * 1024, 'x');
  const auto too_large = server.post("/api/v1/customer/register", envelope(demo, request));
  const auto ok = server.post("/api/v1/customer/register", envelope(demo, customer_request(unique_email())));
  for (const auto& [what, r] : {std::pair{"200", ok}, std::pair{"400", model}, std::pair{"404", not_found}, std::pair{"413", too_large}}) {
    BOOST_TEST(r.header_count("Access-Control-Allow-Origin") == 1u, what << ": " << r.header_count("Access-Control-Allow-Origin")
                                                                         << " Access-Control-Allow-Origin headers");
    BOOST_TEST(r.header_count("Access-Control-Allow-Headers") == 1u, what);
  }
  BOOST_TEST(server.get("/healthz").header_count("Access-Control-Allow-Origin") == 0u);
  // The preflight.
  auto cli = server.client();
  const auto preflight = to_reply(cli->Options("/api/v1/payments/creditcard/charge"));
  BOOST_TEST(preflight.status == 204);
  BOOST_TEST(preflight.header("Access-Control-Allow-Origin") == "*");
  BOOST_TEST(preflight.header("Access-Control-Allow-Headers").find("Idempotency-Key") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(bytes_that_are_not_utf8_are_refused) {
  const std::string auth = "\"Authentication\":{\"Id\":\"" + demo.id + "\",\"Key\":\"" + demo.key + "\"}";
  const std::vector<std::string> bodies = {
      "{" + auth + ",\"Request\":{\"Email\":\"a\xff\xfe@example.com\"}}",        // invalid bytes in a string
      "{" + auth + ",\"Request\":{\"Email\":\"\xc0\xaf@example.com\"}}",         // overlong encoding
      "{" + auth + ",\"Request\":{\"Email\":\"\xed\xa0\x80@example.com\"}}",     // encoded surrogate
      "{" + auth + ",\"Request\":{\"Email\":\"\\ud800@example.com\"}}",          // lone surrogate escape
      "{" + auth + ",\"Request\":{\"Email\":\"x@example.com\"}}\xff",            // trailing garbage
      "\xef\xbb\xbf{" + auth + ",\"Request\":{\"Email\":\"x@example.com\"}}",    // BOM (nlohmann skips it)
      "{" + auth + ",\"Request\":{\"Em\xffil\":\"x@example.com\"}}",             // invalid bytes in a key
      std::string(R"({"Authentication":{"Id":"1)") + '\0' + R"(","Key":"k"}})",      // raw NUL byte in a string
  };
  for (const char* path : {"/api/v1/transactions", "/api/v1/customer/register", "/api/v1/client/register",
                           "/api/v1/payments/creditcard/charge"})
    for (std::size_t i = 0; i < bodies.size(); ++i) {
      const auto reply = server.post_raw(path, bodies[i]);
      check_handled(reply, std::string(path) + " body " + std::to_string(i));
      if (i < 5 || i == 6) BOOST_TEST(reply.status == 400, path << " body " << i << ": " << reply.summary());
    }
  // In query parameters of the GET endpoints (percent-encoded by the client).
  for (const char* path : {"/api/v1/transactions", "/api/v1/customer", "/api/v1/customer/profiles", "/api/v1/customer/profile"}) {
    const auto bad_email = server.get(path, {{"Authentication.Id", demo.id}, {"Authentication.Key", demo.key},
                                             {"Request.Email", "a\xff@example.com"}, {"Request.TimeZone", "\xfe\xff"}});
    check_handled(bad_email, std::string(path) + " with a non-UTF-8 e-mail");
    BOOST_TEST(bad_email.status == 200, bad_email.summary());
    BOOST_TEST(bad_email.code() == "05", bad_email.summary());
    const auto bad_id = server.get(path, {{"Authentication.Id", "\xff\xff"}, {"Authentication.Key", "\xc0"},
                                          {"Request.Email", "x@example.com"}});
    BOOST_TEST(bad_id.code() == "20", bad_id.summary());
    const auto bad_key_name = server.get(path, {{"Authentication.Id", demo.id}, {"Authentication.Key", demo.key},
                                                {"Request.\xff", "x"}, {"Request.Email", "x@example.com"}});
    check_handled(bad_key_name, std::string(path) + " with a non-UTF-8 parameter name");
  }
  BOOST_TEST(server.healthy());
}

BOOST_AUTO_TEST_CASE(empty_and_non_object_bodies_are_model_errors) {
  for (const char* path : kAllGatewayPosts) {
    const auto empty = server.post_raw(path, "");
    BOOST_TEST(empty.status == 400, path << ": " << empty.summary());
    BOOST_TEST(empty.body["ModelState"].is_object(), path << ": " << empty.summary());
    for (const char* body : {"[]", "\"text\"", "42", "null", "true", "{}{}", "{\"a\":1,}", "   "}) {
      const auto reply = server.post_raw(path, body);
      BOOST_TEST(reply.status == 400, path << " " << body << ": " << reply.summary());
      BOOST_TEST(reply.body.value("Message", "") == "The request is invalid.", reply.summary());
    }
  }
  for (const char* path : kGetOnly) {
    const auto reply = server.get(path);
    BOOST_TEST(reply.status == 400, path << ": " << reply.summary());
  }
  BOOST_TEST(server.healthy());
}

BOOST_AUTO_TEST_CASE(odd_query_parameters_are_handled) {
  const std::vector<httplib::Params> params = {
      {{"Request", "x"}, {"Request.Email", "x@example.com"}},
      {{".", "x"}, {"..", "y"}, {"Request..Email", "z"}, {"Authentication.", "w"}},
      {{"Authentication.Id.Deeper", demo.id}, {"Authentication.Key", demo.key}},
      {{std::string(3000, 'a') + ".b", "c"}},
      {{[] {
          std::string k = "Request";
          for (int i = 0; i < 1500; ++i) k += ".a";
          return k;
        }(),
        "v"},
       {"Authentication.Id", demo.id},
       {"Authentication.Key", demo.key}},
  };
  for (const char* path : {"/api/v1/transactions", "/api/v1/customer", "/api/v1/customer/profiles/full"})
    for (const auto& p : params) check_handled(server.get(path, p), path);
  BOOST_TEST(server.healthy());
}

// 200,000 levels: 400 KB, well under the 1 MiB body limit, and far deeper than any recursive walk
// of the parsed tree (dump(), copies) can go on a worker thread's stack.
std::string deep_array() {
  const int depth = 200000;
  return std::string(depth, '[') + std::string(depth, ']');
}

BOOST_AUTO_TEST_CASE(deep_json_with_an_idempotency_key_does_not_crash_the_server) {
  // Anyone, without valid credentials, on a money endpoint with an Idempotency-Key.
  const std::string body = R"({"Authentication":{"Id":"1","Key":"x"},"Request":{"Deep":)" + deep_array() + "}}";
  const auto reply = server.post_raw("/api/v1/payments/creditcard/charge", body, "application/json",
                                     {{"Idempotency-Key", "deep-" + unique_suffix()}});
  check_handled(reply, "deep JSON with an Idempotency-Key");
  BOOST_TEST(server.healthy(), "the server died on a deeply nested body with an Idempotency-Key");
}

BOOST_AUTO_TEST_CASE(deep_pass_through_object_does_not_crash_the_server) {
  // A valid payment carrying a deep pass-through object (Discount is stored and echoed).
  const std::string body = R"({"Authentication":)" + demo.json().dump() +
                           R"(,"Request":{"Amount":"1.00","CurrencyCode":"USD","Email":"deep@example.com","TransactionReference":")" +
                           unique_ref("deep") + R"(","Discount":{"Code":)" + deep_array() + "}}}";
  const auto reply = server.post_raw("/api/v1/payments/thirdparty", body);
  check_handled(reply, "deep Discount");
  BOOST_TEST(server.healthy(), "the server died on a deeply nested Discount");
}

BOOST_AUTO_TEST_CASE(deep_unknown_member_does_not_crash_the_server) {
  for (const char* path : {"/api/v1/customer/register", "/api/v1/client/register", "/api/v1/transactions"}) {
    const auto reply = server.post_raw(path, "{\"x\":" + deep_array() + "}");
    check_handled(reply, std::string("deep unknown member on ") + path);
    BOOST_TEST_REQUIRE(server.healthy(), "the server died on " << path);
  }
  // Deep inside a string is just text.
  const auto in_string = server.post_raw("/api/v1/client/register", "{\"FirstName\":\"" + std::string(1000, '[') + "\"}");
  BOOST_TEST(in_string.status == 400, in_string.summary());
  BOOST_TEST(server.healthy());
}

BOOST_AUTO_TEST_SUITE_END()
