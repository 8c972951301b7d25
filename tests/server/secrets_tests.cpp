// Secrets are never stored or printed (issue 11): one exchange per family and encoding that
// carries each kind of secret — gateway keys, activation codes, card numbers and CVVs in JSON;
// billing passwords in HTTP Basic and a card number in an XML body; the CMS identity token and
// the session token it returns; financing client secrets in form bodies, the access and refresh
// tokens returned and used, a refresh; secrets in query strings — against a server logging at
// debug level. Then no secret may be found in GET /_sandbox/requests, in the server's output, or
// in any file of the data directory (raw bytes, WAL included, while running and after a clean
// stop), neither as sent nor in its base64 (Basic) or percent-encoded form; card numbers only
// masked. And redact() itself, encoding by encoding.
#include <boost/test/unit_test.hpp>

#include <fstream>
#include <regex>
#include <sstream>

#include "billing_helpers.hpp"
#include "cms_helpers.hpp"
#include "financing_helpers.hpp"
#include "gateway_helpers.hpp"
#include "leak_search.hpp"
#include "http/redact.hpp"
#include "payref/card.hpp"

using namespace payref_test;
using nlohmann::json;

namespace {

struct Secret {
  std::string what, value;
  bool runtime = true;     // created during the test (else printed by the startup banner, by design)
  bool short_code = false; // a few digits: searched as a token (not inside longer numbers)
};

std::string percent_encode_all(const std::string& text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : text) {
    const auto b = static_cast<unsigned char>(c);
    out += '%';
    out += kHex[b >> 4];
    out += kHex[b & 0xF];
  }
  return out;
}

// Everything the server printed after its startup banner (which shows the admin token and the
// demo credentials on purpose: README, docs/sandbox.md).
std::string after_banner(const std::string& output) {
  const auto last = output.rfind("demo merchant (");
  BOOST_TEST_REQUIRE(last != std::string::npos, output);
  return output.substr(output.find('\n', last) + 1);
}

std::string masked(const std::string& pan) { return payref::mask_card_number(pan); }

}  // namespace

BOOST_AUTO_TEST_SUITE(secrets_tests)

BOOST_AUTO_TEST_CASE(no_secret_of_any_family_is_recorded_printed_or_stored) {
  ServerProcess server(ServerProcess::Options{"debug", {"--clock", "2026-01-30T10:00:00Z"}});
  std::vector<Secret> secrets;
  std::vector<std::string> cards;  // full numbers: only their masked form may appear
  const auto add = [&](std::string what, std::string value, bool runtime = true, bool short_code = false) {
    BOOST_TEST_REQUIRE(!value.empty(), what);
    secrets.push_back({std::move(what), std::move(value), runtime, short_code});
  };

  // ---- gateway: a client registered now, its activation code and key; card data in JSON.
  const PendingClient pending = register_client(server, unique_email("secrets"));
  add("gateway activation code", pending.activation_code, true, true);
  const Credentials client = activate_client(server, pending);
  add("gateway client key (new)", client.key);
  const std::string amex = kAmex, amex_cvv = "7319";
  cards.push_back(amex);
  add("gateway CVV (JSON)", amex_cvv, true, true);
  const std::string email = unique_email("secrets");
  auto reply = server.post("/api/v1/payments/creditcard/charge",
                           envelope(client, card_payment_request(2, "61.00", email, card(amex, amex_cvv))));
  BOOST_TEST(reply.code() == "00", reply.summary());
  // The CVV as a JSON number, the card number spaced, in a card-on-file registration.
  const std::string visa = "4000056655665556";
  cards.push_back(visa);
  json spaced_card = card(visa.substr(0, 4) + " " + visa.substr(4, 4) + " " + visa.substr(8, 4) + " " + visa.substr(12), "");
  spaced_card["CVV"] = 864;
  add("gateway CVV (JSON number)", "864", true, true);
  reply = server.post("/api/v1/customer/register", envelope(client, customer_request(unique_email("secrets"), spaced_card)));
  BOOST_TEST(reply.code() == "00", reply.summary());
  // The key in a query string (GET), and percent-encoded in a form body.
  reply = server.get("/api/v1/transactions",
                     {{"Authentication.Id", client.id}, {"Authentication.Key", client.key}, {"Request.Email", email}});
  BOOST_TEST(reply.code() == "00", reply.summary());
  reply = server.post_raw("/api/v1/transactions",
                          "Authentication.Id=" + client.id + "&Authentication%2EKey=" + percent_encode_all(client.key),
                          "application/x-www-form-urlencoded");

  // ---- billing: the service user's password in HTTP Basic; a card number in an XML body.
  const auto users = billing_users(server);
  const BillingUser& user = users.first;
  add("billing password", user.password, false);
  const BillingApi billing{server, user};
  reply = billing.find("lastName=Lovelace");
  BOOST_TEST(reply.status == 200, reply.summary());
  const std::string mastercard = "5105105105105100";
  cards.push_back(mastercard);
  add("billing XML security code", "5821", true, true);
  reply = billing.create_raw(R"(<?xml version="1.0"?><customer accountId="2001" firstName="Ada" lastName="Lovelace" cardNumber=")" +
                                 mastercard + R"(" securityCode="5821"/>)",
                             "application/xml");
  BOOST_TEST(reply.status != 0);
  reply = billing.create_raw(R"(<?xml version="1.0"?><customer accountId="2001" firstName="Ada" lastName="Byron"/>)", "application/xml");
  BOOST_TEST(reply.status == 201, reply.summary());

  // ---- CMS: sign on with the identity token (Basic), the session token returned, used later.
  const CmsClient cms(server);
  add("CMS identity token", cms.demo.identity_token, false);
  const std::string session = cms.sign_on(cms.demo);
  add("CMS session token", session);
  const std::string cms_card = "4111111111111111";
  cards.push_back(cms_card);
  const std::string subscription = cms.create_ok(session, subscription_request(cms.demo, "2026-02-15T00:00:00", 12, cms_card));
  cms.get_ok(session, subscription, cms.demo.merchant_profile_id);

  // ---- financing: client_secret in a form body (percent-encoded), tokens returned and used, a
  // refresh, a verification code returned and used, the security answer.
  const auto financing = fin::demo_client(server);
  add("financing client secret", financing.secret, false);
  reply = fin::token_raw(server, "grant_type=client_credentials&client_id=" + financing.id + "&client_secret=" +
                                     percent_encode_all(financing.secret) + "&scope=merchant");
  BOOST_TEST_REQUIRE(reply.status == 200, reply.summary());
  const std::string access = reply.body.at("access_token"), refresh = reply.body.at("refresh_token");
  add("financing access token", access);
  add("financing refresh token", refresh);
  BOOST_TEST(fin::get(server, financing.id, access, "/customers/lookup", {{"account_number", fin::kAda}}).status == 200);
  reply = fin::token_raw(server, "grant_type=refresh_token&client_id=" + financing.id + "&client_secret=" + financing.secret +
                                     "&refresh_token=" + percent_encode_all(refresh));
  BOOST_TEST_REQUIRE(reply.status == 200, reply.summary());
  const std::string access2 = reply.body.at("access_token"), refresh2 = reply.body.at("refresh_token");
  add("financing access token (refreshed)", access2);
  add("financing refresh token (refreshed)", refresh2);
  // A bearer token in a query string (refused, but recorded).
  server.get(std::string(fin::kBase) + "/client-id/" + financing.id + "/customers/lookup",
             {{"account_number", fin::kAda}, {"access_token", access2}});
  const std::string verify = "/account/" + std::string(fin::kAda) + "/verify";
  reply = fin::post(server, financing.id, access2, verify,
                    {{"format", "security_question"}, {"security_qid", 101}, {"security_answer", "Rex"}});
  BOOST_TEST_REQUIRE(reply.status == 200, reply.summary());
  // The demo account's answer (static demo data, docs/client-financing.md), as sent and as kept.
  add("financing security answer (as sent)", "Rex", false, true);
  add("financing security answer (normalized)", "rex", false, true);
  const std::string code = reply.body.at("verification_code");
  add("financing verification code (security question)", code, true, true);
  json purchase = fin::auth_request(fin::kAda, 25, true);
  purchase["verification_code"] = code;
  reply = fin::post(server, financing.id, access2, "/authorization", purchase);
  BOOST_TEST(reply.status == 200, reply.summary());
  BOOST_TEST_REQUIRE(fin::post(server, financing.id, access2, verify, json::object()).status == 200);  // by SMS: outbox
  const json outbox = server.outbox();
  BOOST_TEST_REQUIRE(!outbox.empty());
  add("financing verification code (SMS)", outbox[0].value("code", ""), true, true);

  // The forms a secret travels in besides itself.
  struct Form {
    std::string what, text;
    bool runtime, short_code;
  };
  std::vector<Form> forms;
  for (const auto& s : secrets) {
    forms.push_back({s.what, s.value, s.runtime, s.short_code});
    if (!s.short_code) forms.push_back({s.what + " (percent-encoded)", percent_encode_all(s.value), s.runtime, false});
  }
  forms.push_back({"billing Basic credentials (base64)", base64(user.username + ":" + user.password), false, false});
  forms.push_back({"CMS Basic identity (base64)", base64(cms.demo.identity_token + ":"), false, false});
  forms.push_back({"CMS Basic session (base64)", base64(session + ":"), true, false});
  forms.push_back({"admin token in Authorization", std::string("Bearer ") + kAdminToken, false, false});

  const auto check = [&](const std::string& where, const std::string& text, bool with_banner_secrets) {
    const std::string scrubbed = without_log_numbers(text);
    for (const auto& f : forms) {
      if (!f.runtime && !with_banner_secrets) continue;
      const bool found = f.short_code ? contains_token(scrubbed, f.text) : text.find(f.text) != std::string::npos;
      BOOST_TEST(!found, where << " contains the " << f.what << " (" << f.text << ")");
    }
    for (const auto& pan : cards) BOOST_TEST(text.find(pan) == std::string::npos, where << " contains the card number " << pan);
  };

  // (a) the request log: every secret masked, card numbers shown masked.
  const auto log = server.admin_get("/_sandbox/requests?limit=9999");
  BOOST_TEST_REQUIRE(log.status == 200, log.summary());
  check("GET /_sandbox/requests", log.text, true);
  for (const auto& pan : cards)
    BOOST_TEST(log.text.find(masked(pan)) != std::string::npos, "the request log does not show " << masked(pan));
  BOOST_TEST(log.text.find(R"(\"access_token\":\"***\")") != std::string::npos, "the OAuth answer is not in the log, masked");
  BOOST_TEST(log.text.find(R"("responseBody":"\"***\"")") != std::string::npos, "the CMS sign-on answer is not in the log, masked");
  BOOST_TEST(log.text.find("client_secret=***") != std::string::npos, "the token request's form body is not in the log, masked");
  BOOST_TEST(log.text.find(R"("Authorization":"Basic ***")") != std::string::npos, "the Basic header is not in the log, masked");
  BOOST_TEST(log.text.find(R"("Authorization":"Bearer ***")") != std::string::npos, "the bearer header is not in the log, masked");

  // (c) the data directory while running: the database and its WAL hold the recent writes.
  const auto live = read_all_files(server.data_dir());
  bool saw_wal = false;
  for (const auto& f : live) {
    saw_wal = saw_wal || f.name == "payref.sqlite3-wal";
    check("(running) " + f.name, f.bytes, true);
  }
  BOOST_TEST(saw_wal, "no WAL file while running: the live check proves less");

  BOOST_TEST(server.stop() == 0);
  bool saw_database = false;
  for (const auto& f : read_all_files(server.data_dir())) {
    saw_database = saw_database || f.name == "payref.sqlite3";
    check(f.name, f.bytes, true);
  }
  BOOST_TEST(saw_database);

  // (b) what the server printed: runtime secrets nowhere, the banner's only in the banner.
  const std::string output = server.output();
  check("the server's output", output, false);
  const std::string logged = after_banner(output);
  check("the server's output after its banner", logged, true);
  for (const char* line : {"  body: ", "  response: ", "  headers: ", "  query: "})
    BOOST_TEST(logged.find(line) != std::string::npos, "debug logging printed no '" << line << "' line: the check proves less");
}

BOOST_AUTO_TEST_CASE(redact_masks_every_encoding) {
  using payref::http::redact;
  const struct {
    const char *in, *out;
  } cases[] = {
      // JSON: nested, arrays, numbers, escapes, objects as values, spaced keys; empty stays empty.
      {R"({"Authentication":{"Id":"1","Key":"abc"},"Card":{"CardNumber":"4242424242424242","CVV":123}})",
       R"({"Authentication":{"Id":"1","Key":"***"},"Card":{"CardNumber":"424242******4242","CVV":"***"}})"},
      {R"([{"access_token" : "t1"},{"refresh_token":"t2","scope":"merchant"}])",
       R"([{"access_token" : "***"},{"refresh_token":"***","scope":"merchant"}])"},
      {R"({"client_secret":{"v":"x"},"password":["a","b"],"Key":"","token":null})",
       R"({"client_secret":"***","password":"***","Key":"","token":null})"},
      {R"({"K\u0065y":"abc","note":"say \"hi\""})", R"({"K\u0065y":"***","note":"say \"hi\""})"},
      // A field error echoing what was sent for a secret field; other fields' values stay.
      {R"({"field_errors":[{"param":"password","msg":"text.too_long","value":"Rex"},{"param":"amount","value":5}]})",
       R"({"field_errors":[{"param":"password","msg":"text.too_long","value":"***"},{"param":"amount","value":5}]})"},
      // A JSON string holding JSON, or a form body.
      {R"({"raw":"{\"Key\":\"abc\"}","form":"a=1&client_secret=s3"})", R"({"raw":"{\"Key\":\"***\"}","form":"a=1&client_secret=***"})"},
      // Form bodies and query strings: dotted, bracketed, percent-encoded names and values.
      {"grant_type=refresh_token&client_id=c1&client_secret=abc&refresh_token=r1",
       "grant_type=refresh_token&client_id=c1&client_secret=***&refresh_token=***"},
      {"Authentication.Key=abc&Authentication%2EKey=%61%62&a[b][password]=p&x=1", "Authentication.Key=***&Authentication%2EKey=***&a[b][password]=***&x=1"},
      {"data=%7B%22Key%22%3A%22abc%22%7D&card=4242%204242%204242%204242",
       "data=%7B%22Key%22%3A%22***%22%7D&card=424242******4242"},
      // XML elements (prefixed, CDATA) and attributes.
      {R"(<customer firstName="Ada" password="pw1" cardNumber="5105105105105100" ns:cvv='987'/>)",
       R"(<customer firstName="Ada" password="***" cardNumber="510510******5100" ns:cvv='***'/>)"},
      {"<a><Password>pw</Password><x:Token><![CDATA[t]]></x:Token><CVV/></a>", "<a><Password>***</Password><x:Token>***</x:Token><CVV/></a>"},
      // Authorization schemes in free text; prose is left alone.
      {"Authorization: Basic YXBpLWRlbW86c2VjcmV0cGFzcw== then Bearer 0123456789abcdef.",
       "Authorization: Basic *** then Bearer ***."},
      {"Send Authorization: Bearer <access_token> header.", "Send Authorization: Bearer <access_token> header."},
      {"HTTP Basic auth; the key is wrong", "HTTP Basic auth; the key is wrong"},
      // Card numbers: spaced, dashed; shorter runs stay.
      {"card 4242-4242-4242-4242 and 5105 1051 0510 5100, order 123456789012",
       "card 424242******4242 and 510510******5100, order 123456789012"},
  };
  for (const auto& c : cases) BOOST_TEST(redact(c.in) == c.out, "redact(" << c.in << ")");

  BOOST_TEST(payref::http::redact_query("Authentication.Key=abc&Request.Email=a%40b.c&access_token=t") ==
             "Authentication.Key=***&Request.Email=a@b.c&access_token=***");
  BOOST_TEST(payref::http::redact_header("Authorization", "Basic YXBpOnB3") == "Basic ***");
  BOOST_TEST(payref::http::redact_header("authorization", "Bearer abc") == "Bearer ***");
  BOOST_TEST(payref::http::redact_header("Cookie", "a=1; session=xyz") == "a=***; session=***");
  BOOST_TEST(payref::http::redact_header("Set-Cookie", "sid=xyz; Path=/; HttpOnly") == "sid=***; Path=/; HttpOnly");
  BOOST_TEST(payref::http::redact_header("X-Api-Key", "k") == "***");
  BOOST_TEST(payref::http::redact_header("Idempotency-Key", "order-1") == "order-1");

  // A family's declarations: a name, and a response that is a secret as a whole.
  BOOST_TEST(redact(R"({"mother_maiden_name":"Byron"})") == R"({"mother_maiden_name":"Byron"})");
  payref::http::declare_secret_name("mother_maiden_name");
  BOOST_TEST(redact(R"({"motherMaidenName":"Byron","x":"mother-maiden-name=Byron"})") ==
             R"({"motherMaidenName":"***","x":"mother-maiden-name=***"})");
  payref::http::declare_secret_response("GET", "/test/token");
  BOOST_TEST(payref::http::redact_response("GET", "/test/token", 200, R"("0123abcd")") == R"("***")");
  BOOST_TEST(payref::http::redact_response("GET", "/test/token", 401, R"({"error":"x"})") == R"({"error":"x"})");
  BOOST_TEST(payref::http::redact_response("POST", "/test/token", 200, R"("0123abcd")") == R"("0123abcd")");
}

BOOST_AUTO_TEST_SUITE_END()
