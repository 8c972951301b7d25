// The billing family (seed 001, UniPay Billing API, /api/v01/customers; docs/billing.md): HTTP
// Basic service users, create (PUT), find (GET with paging and name filters), load and modify,
// JSON and XML by Accept, form input, create-only and required fields, code unique per account,
// merchants kept apart, persistence, and bad input that always gets a billing error, never a 500.
// Every case runs on a fresh server with the clock frozen at 2026-06-15 12:00:00 UTC.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "billing_helpers.hpp"

using namespace payref_test;
using nlohmann::json;

namespace {

constexpr const char* kNow = "2026-06-15 12:00:00";

struct BillingFixture {
  ServerProcess server{ServerProcess::Options{"warn", {"--clock", "2026-06-15T12:00:00Z"}}};
  std::pair<BillingUser, BillingUser> users = billing_users(server);
  BillingApi api{server, users.first};
  BillingApi other{server, users.second};
  BillingApi xml_api{server, users.first, "application/xml"};

  // Creates and returns the customer's JSON; fails the test unless it answers 201.
  json created(const json& customer, const BillingApi* as = nullptr) const {
    const auto reply = (as ? *as : api).create(customer);
    BOOST_TEST_REQUIRE(reply.status == 201, reply.summary());
    return reply.body;
  }
  std::vector<std::int64_t> ids(const HttpReply& reply) const {
    std::vector<std::int64_t> out;
    BOOST_TEST_REQUIRE(reply.body.is_array(), reply.summary());
    for (const auto& c : reply.body) out.push_back(c.at("id").get<std::int64_t>());
    return out;
  }
};

const json kFull = {{"accountId", 2001},         {"code", "CUST-001"},        {"firstName", "Ada"},
                    {"middleName", "King"},      {"lastName", "Lovelace"},    {"organizationName", "Analytical Engines"},
                    {"type", "O"},               {"birthDate", "1915-12-10"}, {"gender", "F"},
                    {"email", "ada@example.com"}, {"phone", "(416) 555-0199"}, {"cellPhone", "416.555.0100"},
                    {"street1", "12 St James's Square"}, {"street2", "Suite 3"}, {"city", "Toronto"},
                    {"state", "ON"},             {"zipCode", "m5v2t6"},       {"countryCode", "CA"},
                    {"isActive", false},         {"title", "Countess"},       {"suffix", "FRS"},
                    {"driverLicenseNumber", "L1234-56789-51210"}, {"driverLicenseState", "ON"}};

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(billing_tests, BillingFixture)

// ---- credentials ------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(the_sandbox_lists_two_service_users_of_two_merchants) {
  BOOST_TEST(users.first.username == "api-demo");
  BOOST_TEST(users.second.username == "api-demo-other");
  BOOST_TEST((users.first.accounts == std::vector<std::int64_t>{2001, 2002}));
  BOOST_TEST((users.second.accounts == std::vector<std::int64_t>{3001}));
  BOOST_TEST(users.first.password.size() == 24u);
  BOOST_TEST(users.first.password != users.second.password);
  BOOST_TEST(server.admin_get("/_sandbox/credentials").body.at("billing").value("baseUrl", "") == "/api/v01/");
}

// ---- create -----------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(create_returns_201_with_every_field_in_json) {
  const auto reply = api.create(kFull);
  BOOST_TEST_REQUIRE(reply.status == 201, reply.summary());
  BOOST_TEST(reply.header("Content-Type") == "application/json; charset=utf-8");
  BOOST_TEST(reply.header("Location") == "/api/v01/customers/1");
  const json& c = reply.body;
  BOOST_TEST(c.at("id").is_number_integer());
  BOOST_TEST(c.at("id").get<int>() == 1);
  BOOST_TEST(c.at("code") == "CUST-001");
  BOOST_TEST(c.at("accountId").get<int>() == 2001);
  BOOST_TEST(c.at("type") == "O");
  BOOST_TEST(c.at("firstName") == "Ada");
  BOOST_TEST(c.at("middleName") == "King");
  BOOST_TEST(c.at("lastName") == "Lovelace");
  BOOST_TEST(c.at("organizationName") == "Analytical Engines");
  BOOST_TEST(c.at("birthDate") == "1915-12-10");
  BOOST_TEST(c.at("gender") == "F");
  BOOST_TEST(c.at("email") == "ada@example.com");
  BOOST_TEST(c.at("phone") == "4165550199");      // sdk normalize_phone10
  BOOST_TEST(c.at("cellPhone") == "4165550100");
  BOOST_TEST(c.at("street1") == "12 St James's Square");
  BOOST_TEST(c.at("street2") == "Suite 3");
  BOOST_TEST(c.at("city") == "Toronto");
  BOOST_TEST(c.at("state") == "ON");
  BOOST_TEST(c.at("zipCode") == "M5V 2T6");       // sdk normalize_postal_code for CA
  BOOST_TEST(c.at("countryCode") == "CA");
  BOOST_TEST(c.at("isActive") == false);
  BOOST_TEST(c.at("createDate") == kNow);
  BOOST_TEST(c.at("title") == "Countess");
  BOOST_TEST(c.at("suffix") == "FRS");
  BOOST_TEST(c.at("driverLicenseNumber") == "L1234-56789-51210");
  BOOST_TEST(c.at("driverLicenseState") == "ON");
  BOOST_TEST(c.size() == 25u);  // nothing else
  // The JSON keys come in the documented order.
  BOOST_TEST(reply.text.find("{\"id\":1,\"code\":\"CUST-001\",\"accountId\":2001,\"type\":\"O\",\"title\":\"Countess\","
                             "\"firstName\":\"Ada\",\"middleName\":\"King\",\"lastName\":\"Lovelace\",\"suffix\":\"FRS\"") == 0u,
             reply.text);
  BOOST_TEST(reply.text.find("\"gender\":\"F\",\"driverLicenseNumber\":\"L1234-56789-51210\",\"driverLicenseState\":\"ON\",\"email\"") !=
                 std::string::npos,
             reply.text);
}

BOOST_AUTO_TEST_CASE(driver_licence_fields_are_checked) {
  for (const auto& [field, value, reason] : std::vector<std::tuple<std::string, std::string, std::string>>{
           {"driverLicenseNumber", "L1234_5678", "license.malformed"},
           {"driverLicenseNumber", std::string(31, '1'), "text.too_long"},
           {"driverLicenseState", "on", "license.state_malformed"},
           {"driverLicenseState", "O", "license.state_malformed"},
           {"driverLicenseState", "ONTA", "text.too_long"},
           {"title", std::string(21, 'x'), "text.too_long"}}) {
    json c = customer_json(2001);
    c[field] = value;
    const auto reply = api.create(c);
    BOOST_TEST_CONTEXT(field << "=" << value) {
      BOOST_TEST(reply.status == 400, reply.summary());
      BOOST_TEST(has_problem(reply, field, reason), reply.summary());
    }
  }
}

BOOST_AUTO_TEST_CASE(create_defaults_code_type_and_isActive_and_leaves_unset_fields_out) {
  const json c = created(customer_json(2001));
  BOOST_TEST(c.at("code") == "1");  // the id
  BOOST_TEST(c.at("type") == "P");
  BOOST_TEST(c.at("isActive") == true);
  BOOST_TEST(!c.contains("email"));
  BOOST_TEST(!c.contains("organizationName"));
  BOOST_TEST(c.size() == 8u, c.dump());  // id code accountId type firstName lastName isActive createDate
  const json org = created({{"accountId", 2001}, {"firstName", "B"}, {"lastName", "C"}, {"organizationName", "Acme"}});
  BOOST_TEST(org.at("type") == "O");
  BOOST_TEST(org.at("id").get<int>() == 2);
}

BOOST_AUTO_TEST_CASE(create_in_xml_has_every_field_as_an_attribute) {
  const auto reply = xml_api.create(kFull);
  BOOST_TEST_REQUIRE(reply.status == 201, reply.summary());
  BOOST_TEST(reply.header("Content-Type") == "application/xml; charset=utf-8");
  BOOST_TEST(reply.text.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<customer ", 0) == 0u, reply.text);
  const auto elements = xml_elements(reply.text, "customer");
  BOOST_TEST_REQUIRE(elements.size() == 1u);
  const auto& a = elements[0];
  const std::map<std::string, std::string> expected = {
      {"id", "1"},           {"code", "CUST-001"},     {"accountId", "2001"},       {"type", "O"},
      {"firstName", "Ada"},  {"middleName", "King"},   {"lastName", "Lovelace"},    {"organizationName", "Analytical Engines"},
      {"birthDate", "1915-12-10"}, {"gender", "F"},    {"email", "ada@example.com"}, {"phone", "4165550199"},
      {"cellPhone", "4165550100"}, {"street1", "12 St James's Square"}, {"street2", "Suite 3"}, {"city", "Toronto"},
      {"state", "ON"},       {"zipCode", "M5V 2T6"},   {"countryCode", "CA"},       {"isActive", "false"},
      {"createDate", kNow},  {"title", "Countess"},    {"suffix", "FRS"},           {"driverLicenseNumber", "L1234-56789-51210"},
      {"driverLicenseState", "ON"}};
  for (const auto& [name, value] : expected) {
    BOOST_TEST_CONTEXT(name) {
      BOOST_TEST_REQUIRE(a.count(name) == 1u);
      BOOST_TEST(a.at(name) == value);
    }
  }
  BOOST_TEST(a.size() == expected.size());
  BOOST_TEST(reply.text.find("street1=\"12 St James&apos;s Square\"") != std::string::npos, reply.text);
}

BOOST_AUTO_TEST_CASE(xml_escapes_markup_in_values) {
  const std::string tricky = R"(A&B <"Co"> 'x')";
  const json c = created({{"accountId", 2001}, {"firstName", "Q"}, {"lastName", "R"}, {"organizationName", tricky}});
  const auto reply = xml_api.load(std::to_string(c.at("id").get<int>()));
  BOOST_TEST_REQUIRE(reply.status == 200, reply.summary());
  BOOST_TEST(reply.text.find("organizationName=\"A&amp;B &lt;&quot;Co&quot;&gt; &apos;x&apos;\"") != std::string::npos, reply.text);
  BOOST_TEST(xml_elements(reply.text, "customer").at(0).at("organizationName") == tricky);
}

BOOST_AUTO_TEST_CASE(create_accepts_form_data_and_the_query_string) {
  const auto form = api.create_raw("accountId=2002&firstName=Mary%20Ann&lastName=O%27Neil&code=F-1&isActive=false&email=m%40example.com",
                                   "application/x-www-form-urlencoded");
  BOOST_TEST_REQUIRE(form.status == 201, form.summary());
  BOOST_TEST(form.body.at("accountId").get<int>() == 2002);
  BOOST_TEST(form.body.at("firstName") == "Mary Ann");
  BOOST_TEST(form.body.at("lastName") == "O'Neil");
  BOOST_TEST(form.body.at("code") == "F-1");
  BOOST_TEST(form.body.at("isActive") == false);
  BOOST_TEST(form.body.at("email") == "m@example.com");
  const auto query = api.create_raw("", "", "accountId=2001&firstName=Q&lastName=S&countryCode=US&zipCode=10001-1234");
  BOOST_TEST_REQUIRE(query.status == 201, query.summary());
  BOOST_TEST(query.body.at("zipCode") == "10001-1234");
  BOOST_TEST(query.body.at("firstName") == "Q");
  // '+' is a space in form data.
  const auto plus = api.create_raw("accountId=2001&firstName=Jo+Ann&lastName=Z", "application/x-www-form-urlencoded");
  BOOST_TEST(plus.body.value("firstName", "") == "Jo Ann", plus.summary());
}

BOOST_AUTO_TEST_CASE(create_and_modify_read_a_customer_element_in_xml) {
  const std::string body =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<customer accountId=\"2001\" code='X-1' firstName=\"Ada\"\n"
      "  lastName=\"Love&amp;lace\" organizationName=\"A &lt;B&gt; &quot;C&quot; &apos;D&apos; &#69;&#x46;\" isActive=\"false\"/>";
  const auto reply = xml_api.create_raw(body, "application/xml");
  BOOST_TEST_REQUIRE(reply.status == 201, reply.summary());
  const auto element = xml_elements(reply.text, "customer").at(0);
  BOOST_TEST(element.at("accountId") == "2001");
  BOOST_TEST(element.at("code") == "X-1");
  BOOST_TEST(element.at("lastName") == "Love&lace");
  BOOST_TEST(element.at("organizationName") == "A <B> \"C\" 'D' EF");
  BOOST_TEST(element.at("isActive") == "false");
  BOOST_TEST(element.at("type") == "O");
  const auto changed = api.modify_raw("1", "<customer firstName=\"Grace\" state=\"\"></customer>", "text/xml; charset=utf-8");
  BOOST_TEST_REQUIRE(changed.status == 200, changed.summary());
  BOOST_TEST(changed.body.at("firstName") == "Grace");
  BOOST_TEST(changed.body.at("lastName") == "Love&lace");
  const auto create_only = api.modify_raw("1", "<customer code=\"Y\"/>", "application/xml");
  BOOST_TEST(has_problem(create_only, "code", "field.create_only"), create_only.summary());
}

BOOST_AUTO_TEST_CASE(create_reports_every_missing_required_field_at_once) {
  const auto reply = api.create(json::object());
  BOOST_TEST(reply.status == 400);
  BOOST_TEST(problems(reply).size() == 3u, reply.summary());
  BOOST_TEST(has_problem(reply, "accountId", "field.required"));
  BOOST_TEST(has_problem(reply, "firstName", "field.required"));
  BOOST_TEST(has_problem(reply, "lastName", "field.required"));
  BOOST_TEST(problems(reply).at(0).code == "validation_error");
  // Blank is missing too.
  const auto blank = api.create({{"accountId", 2001}, {"firstName", "   "}, {"lastName", ""}});
  BOOST_TEST(has_problem(blank, "firstName", "field.required"), blank.summary());
  BOOST_TEST(has_problem(blank, "lastName", "field.required"));
  const auto org = api.create({{"accountId", 2001}, {"firstName", "A"}, {"lastName", "B"}, {"type", "O"}});
  BOOST_TEST(has_problem(org, "organizationName", "field.required"), org.summary());
  BOOST_TEST(api.find().body.size() == 0u);  // nothing was stored
}

BOOST_AUTO_TEST_CASE(create_rejects_system_fields_and_unknown_fields) {
  json c = customer_json(2001);
  c["id"] = 7;
  c["createDate"] = "2026-01-01 00:00:00";
  c["nickname"] = "x";
  const auto reply = api.create(c);
  BOOST_TEST(reply.status == 400);
  BOOST_TEST(has_problem(reply, "id", "field.read_only"), reply.summary());
  BOOST_TEST(has_problem(reply, "createDate", "field.read_only"));
  BOOST_TEST(has_problem(reply, "nickname", "field.unknown"));
}

BOOST_AUTO_TEST_CASE(create_checks_each_field_with_its_validator) {
  const std::vector<std::pair<json, std::pair<std::string, std::string>>> cases = {
      {{{"email", "not-an-email"}}, {"email", "email.malformed"}},
      {{{"phone", "55523"}}, {"phone", "phone.too_short"}},
      {{{"cellPhone", "(123) 555-0199"}}, {"cellPhone", "phone.invalid_area_code"}},
      {{{"countryCode", "ZZ"}}, {"countryCode", "country.unknown"}},
      {{{"countryCode", "USA"}}, {"countryCode", "text.too_long"}},
      {{{"countryCode", "US"}, {"zipCode", "ABCDE"}}, {"zipCode", "postal.malformed"}},
      {{{"countryCode", "CA"}, {"state", "XX"}}, {"state", "province.unknown"}},
      {{{"birthDate", "1990-02-30"}}, {"birthDate", "date.malformed"}},
      {{{"birthDate", "2026-06-16"}}, {"birthDate", "date.in_future"}},
      {{{"gender", "X"}}, {"gender", "gender.unknown"}},
      {{{"type", "Q"}}, {"type", "type.unknown"}},
      {{{"code", "has space"}}, {"code", "code.malformed"}},
      {{{"code", std::string(61, 'C')}}, {"code", "text.too_long"}},
      {{{"firstName", std::string(256, 'a')}}, {"firstName", "text.too_long"}},
      {{{"firstName", "Jos\xc3\xa9"}}, {"firstName", "text.non_ascii"}},
      {{{"city", "a\tb"}}, {"city", "text.non_ascii"}},
      {{{"accountId", 3001}}, {"accountId", "account.unknown"}},  // the other merchant's account
      {{{"accountId", 9999}}, {"accountId", "account.unknown"}},
      {{{"accountId", 0}}, {"accountId", "field.not_integer"}},
      {{{"isActive", "yes"}}, {"isActive", "field.not_boolean"}},
  };
  for (const auto& [fields, expected] : cases) {
    json c = customer_json(2001);
    for (const auto& [k, v] : fields.items()) c[k] = v;
    const auto reply = api.create(c);
    BOOST_TEST_CONTEXT(fields.dump()) {
      BOOST_TEST(reply.status == 400);
      BOOST_TEST(has_problem(reply, expected.first, expected.second), reply.summary());
    }
  }
  // The boundaries themselves are accepted.
  json edge = customer_json(2001, std::string(255, 'a'));
  edge["code"] = std::string(60, 'C');
  edge["birthDate"] = "2026-06-15";
  BOOST_TEST(api.create(edge).status == 201);
}

BOOST_AUTO_TEST_CASE(code_is_unique_per_account) {
  json first = customer_json(2001);
  first["code"] = "SAME";
  created(first);
  const auto again = api.create(first);
  BOOST_TEST(again.status == 409, again.summary());
  BOOST_TEST(has_problem(again, "code", "code.duplicate"));
  BOOST_TEST(problems(again).at(0).code == "duplicate");
  json other_account = first;
  other_account["accountId"] = 2002;
  BOOST_TEST(api.create(other_account).status == 201);  // another account of the same merchant
  json other_merchant = first;
  other_merchant["accountId"] = 3001;
  BOOST_TEST(other.create(other_merchant).status == 201);  // another merchant
  BOOST_TEST(api.find().body.size() == 2u);
}

BOOST_AUTO_TEST_CASE(a_defaulted_code_that_is_already_taken_is_a_conflict) {
  json taken = customer_json(2001);
  taken["code"] = "2";  // the next customer's id
  created(taken);
  const auto reply = api.create(customer_json(2001));
  BOOST_TEST(reply.status == 409, reply.summary());
  BOOST_TEST(has_problem(reply, "code", "code.duplicate"));
  // The refused create left nothing behind, not even its id: the next customer is number 2.
  BOOST_TEST(api.create(customer_json(2002)).body.value("id", 0) == 2);
}

// ---- load -------------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(load_returns_the_customer_in_json_and_xml) {
  const json c = created(kFull);
  const auto reply = api.load("1");
  BOOST_TEST_REQUIRE(reply.status == 200, reply.summary());
  BOOST_TEST(reply.body == c);
  const auto xml = xml_api.load("1");
  BOOST_TEST(xml.status == 200);
  const auto element = xml_elements(xml.text, "customer").at(0);
  BOOST_TEST(element.at("id") == "1");
  BOOST_TEST(element.at("zipCode") == "M5V 2T6");
  BOOST_TEST(element.size() == c.size());
}

BOOST_AUTO_TEST_CASE(load_of_an_unknown_or_foreign_id_is_404) {
  created(customer_json(2001));
  for (const std::string id : {"2", "999999999999999", "0", "01", "abc", "1.0", "-1", "9999999999999999999999"}) {
    const auto reply = api.load(id);
    BOOST_TEST_CONTEXT(id) {
      BOOST_TEST(reply.status == 404, reply.summary());
      BOOST_TEST(problems(reply).at(0).code == "not_found");
    }
  }
  const auto foreign = other.load("1");  // the demo merchant's customer, asked by the other merchant
  BOOST_TEST(foreign.status == 404, foreign.summary());
  BOOST_TEST(foreign.text.find("Lovelace") == std::string::npos);
  BOOST_TEST(api.send("GET", "/api/v01/customers/1?x=1").status == 400);  // load takes no parameters
}

// ---- modify -----------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(modify_changes_only_the_fields_sent) {
  created(kFull);
  const auto reply = api.modify("1", {{"lastName", "Byron"}, {"city", "London"}, {"countryCode", "GB"}, {"zipCode", "SW1A 1AA"},
                                      {"state", nullptr}, {"street2", ""}, {"isActive", true}});
  BOOST_TEST_REQUIRE(reply.status == 200, reply.summary());
  BOOST_TEST(reply.body.at("lastName") == "Byron");
  BOOST_TEST(reply.body.at("city") == "London");
  BOOST_TEST(reply.body.at("zipCode") == "SW1A 1AA");
  BOOST_TEST(!reply.body.contains("state"));    // null clears
  BOOST_TEST(!reply.body.contains("street2"));  // "" clears
  BOOST_TEST(reply.body.at("isActive") == true);
  BOOST_TEST(reply.body.at("firstName") == "Ada");  // untouched
  BOOST_TEST(reply.body.at("code") == "CUST-001");
  BOOST_TEST(reply.body.at("createDate") == kNow);
  BOOST_TEST(api.load("1").body == reply.body);  // stored
}

BOOST_AUTO_TEST_CASE(modify_accepts_form_data_and_answers_in_xml) {
  created(customer_json(2001));
  const auto reply = xml_api.modify_raw("1", "firstName=Grace&email=grace%40example.com", "application/x-www-form-urlencoded");
  BOOST_TEST_REQUIRE(reply.status == 200, reply.summary());
  const auto element = xml_elements(reply.text, "customer").at(0);
  BOOST_TEST(element.at("firstName") == "Grace");
  BOOST_TEST(element.at("email") == "grace@example.com");
  BOOST_TEST(element.at("lastName") == "Lovelace");
}

BOOST_AUTO_TEST_CASE(modify_refuses_create_only_and_system_fields_but_accepts_them_unchanged) {
  const json c = created(kFull);
  for (const auto& [field, value] : std::vector<std::pair<std::string, json>>{
           {"code", "OTHER"}, {"accountId", 2002}, {"id", 2}, {"createDate", "2026-01-01 00:00:00"}}) {
    const auto reply = api.modify("1", {{field, value}});
    BOOST_TEST_CONTEXT(field) {
      BOOST_TEST(reply.status == 400, reply.summary());
      const bool system = field == "id" || field == "createDate";
      BOOST_TEST(has_problem(reply, field, system ? "field.read_only" : "field.create_only"));
    }
  }
  BOOST_TEST(has_problem(api.modify("1", {{"code", nullptr}}), "code", "field.create_only"));
  // A loaded customer sent back as it is (create-only and system fields unchanged) is accepted.
  json round_trip = api.load("1").body;
  round_trip["firstName"] = "Augusta";
  const auto reply = api.modify("1", round_trip);
  BOOST_TEST(reply.status == 200, reply.summary());
  BOOST_TEST(reply.body.at("firstName") == "Augusta");
  BOOST_TEST(api.load("1").body.at("code") == c.at("code"));
}

BOOST_AUTO_TEST_CASE(modify_keeps_required_fields_and_checks_values) {
  created(customer_json(2001));
  const auto cleared = api.modify("1", {{"firstName", ""}, {"lastName", nullptr}});
  BOOST_TEST(cleared.status == 400);
  BOOST_TEST(has_problem(cleared, "firstName", "field.required"), cleared.summary());
  BOOST_TEST(has_problem(cleared, "lastName", "field.required"));
  const auto bad = api.modify("1", {{"email", "x@"}, {"unknown", 1}});
  BOOST_TEST(has_problem(bad, "email", "email.malformed"), bad.summary());
  BOOST_TEST(has_problem(bad, "unknown", "field.unknown"));
  const auto to_org = api.modify("1", {{"type", "O"}});
  BOOST_TEST(has_problem(to_org, "organizationName", "field.required"), to_org.summary());
  BOOST_TEST(api.load("1").body.at("firstName") == "Ada");  // nothing changed
}

BOOST_AUTO_TEST_CASE(modify_of_an_unknown_or_foreign_customer_is_404) {
  created(customer_json(2001));
  BOOST_TEST(api.modify("2", {{"firstName", "X"}}).status == 404);
  BOOST_TEST(api.modify("x", {{"firstName", "X"}}).status == 404);
  const auto foreign = other.modify("1", {{"firstName", "Mallory"}});
  BOOST_TEST(foreign.status == 404, foreign.summary());
  BOOST_TEST(api.load("1").body.at("firstName") == "Ada");
}

// ---- find -------------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(find_pages_in_id_order) {
  for (int i = 0; i < 5; ++i) created(customer_json(i % 2 ? 2002 : 2001, std::string("P").append(std::to_string(i))));
  BOOST_TEST((ids(api.find()) == std::vector<std::int64_t>{1, 2, 3, 4, 5}));
  BOOST_TEST((ids(api.find("offset=1&limit=2")) == std::vector<std::int64_t>{2, 3}));
  BOOST_TEST((ids(api.find("offset=4&limit=2")) == std::vector<std::int64_t>{5}));
  BOOST_TEST(ids(api.find("offset=5")).empty());
  BOOST_TEST(ids(api.find("offset=999999999")).empty());
  BOOST_TEST((ids(api.find("limit=1")) == std::vector<std::int64_t>{1}));
  BOOST_TEST((ids(api.find("limit=1000")).size() == 5u));
  BOOST_TEST((ids(api.find("accountId=2002")) == std::vector<std::int64_t>{2, 4}));
  BOOST_TEST(api.find().text.rfind("[{\"id\":1,", 0) == 0u);  // a bare array
}

BOOST_AUTO_TEST_CASE(find_returns_at_most_100_by_default) {
  for (int i = 0; i < 101; ++i) created(customer_json(2001));
  const auto all = ids(api.find());
  BOOST_TEST(all.size() == 100u);
  BOOST_TEST(all.back() == 100);
  BOOST_TEST((ids(api.find("offset=100")) == std::vector<std::int64_t>{101}));
}

BOOST_AUTO_TEST_CASE(find_refuses_bad_paging_and_unknown_parameters) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"limit=0", "limit"},          {"limit=1001", "limit"},   {"limit=-1", "limit"},      {"limit=abc", "limit"},
      {"limit=", "limit"},           {"offset=-1", "offset"},   {"offset=1.5", "offset"},   {"offset=1000000000", "offset"},
      {"offset=99999999999999999999", "offset"},                {"accountId=3001", "accountId"},
      {"accountId=x", "accountId"},  {"color=red", "color"},    {"firstName=Jos%C3%A9", "firstName"},
  };
  for (const auto& [query, field] : cases) {
    const auto reply = api.find(query);
    BOOST_TEST_CONTEXT(query) {
      BOOST_TEST(reply.status == 400, reply.summary());
      BOOST_TEST_REQUIRE(!problems(reply).empty());
      BOOST_TEST(problems(reply).at(0).field == field);
    }
  }
  const auto malformed = api.find("firstName=%zz");
  BOOST_TEST(malformed.status == 400);
  BOOST_TEST(has_problem(malformed, "", "query.malformed"), malformed.summary());
  const auto twice = api.find("limit=1&limit=2");
  BOOST_TEST(has_problem(twice, "", "query.malformed"), twice.summary());
}

BOOST_AUTO_TEST_CASE(find_filters_by_case_insensitive_name_prefix) {
  created({{"accountId", 2001}, {"firstName", "Ada"}, {"lastName", "Lovelace"}});
  created({{"accountId", 2001}, {"firstName", "adam"}, {"lastName", "Smith"}, {"organizationName", "Acme Ltd"}});
  created({{"accountId", 2002}, {"firstName", "Grace"}, {"lastName", "Hopper"}, {"organizationName", "acme corp"}});
  created({{"accountId", 3001}, {"firstName", "Ada"}, {"lastName", "Other"}}, &other);
  BOOST_TEST((ids(api.find("firstName=ada")) == std::vector<std::int64_t>{1, 2}));
  BOOST_TEST((ids(api.find("firstName=ADAM")) == std::vector<std::int64_t>{2}));
  BOOST_TEST((ids(api.find("lastName=h")) == std::vector<std::int64_t>{3}));
  BOOST_TEST((ids(api.find("organizationName=ACME")) == std::vector<std::int64_t>{2, 3}));
  BOOST_TEST((ids(api.find("organizationName=acme%20c")) == std::vector<std::int64_t>{3}));
  BOOST_TEST((ids(api.find("firstName=a&organizationName=acme")) == std::vector<std::int64_t>{2}));
  BOOST_TEST(ids(api.find("firstName=love")).empty());  // a prefix, not a substring
  BOOST_TEST((ids(api.find("firstName=")).size() == 3u));  // empty filter: no filter
  BOOST_TEST((ids(api.find("firstName=ada&offset=1")) == std::vector<std::int64_t>{2}));  // paging after filtering
}

BOOST_AUTO_TEST_CASE(find_filters_by_the_mirror_docs_contact_and_address_parameters) {
  created({{"accountId", 2001}, {"firstName", "Ada"}, {"lastName", "Lovelace"}, {"email", "ada@example.com"},
           {"phone", "(416) 555-0199"}, {"street1", "12 King St W"}, {"city", "Toronto"}, {"state", "ON"},
           {"zipCode", "M5H 1A1"}, {"countryCode", "CA"}});
  created({{"accountId", 2001}, {"firstName", "Grace"}, {"lastName", "Hopper"}, {"email", "grace@example.org"},
           {"cellPhone", "212-555-0142"}, {"street1", "Suite 4"}, {"street2", "Kingsway Ave"}, {"city", "New York"},
           {"state", "NY"}, {"zipCode", "10001"}, {"countryCode", "US"}});
  created({{"accountId", 3001}, {"firstName", "Ada"}, {"lastName", "Other"}, {"email", "ada@example.com"}}, &other);
  BOOST_TEST((ids(api.find("email=ADA%40")) == std::vector<std::int64_t>{1}));  // never the other merchant's
  BOOST_TEST((ids(api.find("email=g")) == std::vector<std::int64_t>{2}));
  BOOST_TEST((ids(api.find("phone=%28416%29%20555")) == std::vector<std::int64_t>{1}));  // digits of "(416) 555"
  BOOST_TEST((ids(api.find("phone=212")) == std::vector<std::int64_t>{2}));  // the cell phone counts too
  BOOST_TEST((ids(api.find("street=12%20k")) == std::vector<std::int64_t>{1}));
  BOOST_TEST((ids(api.find("street=kingsway")) == std::vector<std::int64_t>{2}));  // street2 counts too
  BOOST_TEST((ids(api.find("street=suite")) == std::vector<std::int64_t>{2}));
  BOOST_TEST((ids(api.find("city=new%20y")) == std::vector<std::int64_t>{2}));
  BOOST_TEST((ids(api.find("state=on")) == std::vector<std::int64_t>{1}));
  BOOST_TEST((ids(api.find("zipCode=m5h")) == std::vector<std::int64_t>{1}));
  BOOST_TEST((ids(api.find("countryCode=us&city=new")) == std::vector<std::int64_t>{2}));
  BOOST_TEST(ids(api.find("city=york")).empty());  // a prefix, not a substring
  for (const auto& [query, field] : std::vector<std::pair<std::string, std::string>>{
           {"state=ABCD", "state"}, {"countryCode=USA", "countryCode"}, {"phone=abc", "phone"},
           {"email=" + std::string(101, 'a'), "email"}}) {
    const auto reply = api.find(query);
    BOOST_TEST_CONTEXT(query) {
      BOOST_TEST(reply.status == 400, reply.summary());
      BOOST_TEST_REQUIRE(!problems(reply).empty());
      BOOST_TEST(problems(reply).at(0).field == field);
    }
  }
}

BOOST_AUTO_TEST_CASE(find_never_shows_another_merchants_customers) {
  created(customer_json(2001, "Mine"));
  created(customer_json(3001, "Theirs"), &other);
  const auto mine = api.find();
  BOOST_TEST(mine.body.size() == 1u);
  BOOST_TEST(mine.body.at(0).at("firstName") == "Mine");
  const auto theirs = other.find();
  BOOST_TEST(theirs.body.size() == 1u);
  BOOST_TEST(theirs.body.at(0).at("firstName") == "Theirs");
  BOOST_TEST(other.find("firstName=Mine").body.size() == 0u);
  BOOST_TEST(other.load("1").status == 404);
  BOOST_TEST(api.load("2").status == 404);
}

BOOST_AUTO_TEST_CASE(find_in_xml_lists_customer_elements) {
  created(customer_json(2001, "A"));
  created(customer_json(2002, "B"));
  const auto reply = xml_api.find();
  BOOST_TEST_REQUIRE(reply.status == 200, reply.summary());
  BOOST_TEST(reply.text.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<customers>\n  <customer ", 0) == 0u, reply.text);
  const auto elements = xml_elements(reply.text, "customer");
  BOOST_TEST_REQUIRE(elements.size() == 2u);
  BOOST_TEST(elements[0].at("firstName") == "A");
  BOOST_TEST(elements[1].at("accountId") == "2002");
  BOOST_TEST(elements[1].at("isActive") == "true");
  const auto none = xml_api.find("firstName=zzz");
  BOOST_TEST(none.text == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<customers/>\n");
}

// ---- formats ----------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(accept_chooses_json_or_xml) {
  created(customer_json(2001));
  const std::vector<std::pair<std::string, bool>> cases = {
      {"", false},                          {"*/*", false},
      {"application/json", false},          {"application/xml", true},
      {"text/xml", true},                   {"application/xml, application/json", true},
      {"application/json, application/xml", false}, {"text/html", false},
      {"APPLICATION/XML;q=0.9", true},
  };
  for (const auto& [accept, xml] : cases) {
    BillingApi as{server, users.first, accept};
    const auto reply = as.load("1");
    BOOST_TEST_CONTEXT("Accept: " << accept) {
      BOOST_TEST(reply.status == 200);
      BOOST_TEST(reply.header("Content-Type") == (xml ? "application/xml; charset=utf-8" : "application/json; charset=utf-8"));
      BOOST_TEST(reply.is_json() == !xml);
    }
  }
}

BOOST_AUTO_TEST_CASE(errors_come_in_the_negotiated_format) {
  const auto reply = xml_api.create({{"accountId", "x"}});
  BOOST_TEST(reply.status == 400);
  BOOST_TEST(reply.header("Content-Type") == "application/xml; charset=utf-8");
  const auto errors = xml_elements(reply.text, "error");
  BOOST_TEST_REQUIRE(errors.size() == 3u, reply.text);  // accountId not a number, firstName and lastName missing
  BOOST_TEST(errors[0].at("code") == "validation_error");
  BOOST_TEST(errors[0].at("field") == "accountId");
  BOOST_TEST(errors[0].at("reason") == "field.not_integer");
  BOOST_TEST(!errors[0].at("message").empty());
  BOOST_TEST(reply.text.find("<errors>") != std::string::npos);
  // A field name that is not UTF-8 or holds control characters is quoted back safely in both formats.
  const std::string bad_name = "accountId=2001&firstName=A&lastName=B&%FF%01x%3C=1";
  const auto xml_bad = xml_api.create_raw(bad_name, "application/x-www-form-urlencoded");
  BOOST_TEST(xml_bad.status == 400, xml_bad.text);
  BOOST_TEST(xml_elements(xml_bad.text, "error").at(0).at("field") == "??x<");
  const auto json_bad = api.create_raw(bad_name, "application/x-www-form-urlencoded");
  BOOST_TEST(json_bad.is_json(), json_bad.text);
  BOOST_TEST(has_problem(json_bad, "??x<", "field.unknown"), json_bad.summary());
  const auto unauth = BillingApi{server, {"api-demo", "wrong", {}}, "application/xml"}.find();
  BOOST_TEST(unauth.status == 401);
  BOOST_TEST(xml_elements(unauth.text, "error").at(0).at("code") == "unauthorized");
}

// ---- authentication ---------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(every_billing_path_needs_a_service_user) {
  created(customer_json(2001));
  const std::vector<std::pair<std::string, std::string>> calls = {
      {"PUT", "/api/v01/customers"},   {"GET", "/api/v01/customers"},      {"GET", "/api/v01/customers/1"},
      {"POST", "/api/v01/customers/1"}, {"DELETE", "/api/v01/customers/1"}, {"POST", "/api/v01/customers"},
      {"GET", "/api/v01/subscriptions"}, {"GET", "/api/v01/customers/1/payment-options"}};
  for (const auto& [method, path] : calls) {
    const auto reply = api.send(method, path, method == "GET" || method == "DELETE" ? "" : customer_json(2001).dump(),
                                "application/json", /*with_auth=*/false);
    BOOST_TEST_CONTEXT(method << " " << path) {
      BOOST_TEST(reply.status == 401, reply.summary());
      BOOST_TEST(reply.header("WWW-Authenticate").rfind("Basic realm=", 0) == 0u);
      BOOST_TEST(problems(reply).at(0).code == "unauthorized");
    }
  }
  BOOST_TEST(api.find().body.size() == 1u);  // the refused PUT created nothing
}

BOOST_AUTO_TEST_CASE(wrong_or_malformed_credentials_are_401) {
  const std::vector<std::string> headers = {
      basic_auth("api-demo", "wrong"),
      basic_auth("api-demo", users.second.password),  // the other user's password
      basic_auth("api-nobody", users.first.password),
      basic_auth("", users.first.password),
      basic_auth("api-demo", ""),
      "Basic " + base64("api-demo" + users.first.password),  // no colon
      "Basic !!!!",
      "Basic " + base64("api-demo:" + users.first.password).substr(1),
      "Bearer " + users.first.password,
      "Basic",
      "Basic " + std::string(5000, 'A'),
  };
  for (const auto& h : headers) {
    const auto reply = api.send("GET", "/api/v01/customers", "", "", false, {{"Authorization", h}});
    BOOST_TEST_CONTEXT(h.substr(0, 40)) {
      BOOST_TEST(reply.status == 401, reply.summary());
      BOOST_TEST(problems(reply).at(0).code == "unauthorized");
    }
  }
  // The right password, with the scheme in another case, works.
  const auto ok = api.send("GET", "/api/v01/customers", "", "", false,
                           {{"Authorization", "basic " + base64("api-demo:" + users.first.password)}});
  BOOST_TEST(ok.status == 200, ok.summary());
}

BOOST_AUTO_TEST_CASE(passwords_are_stored_only_as_keyed_hashes) {
  created(customer_json(2001));
  BOOST_TEST(server.stop() == 0);  // the WAL checkpointed into the database file
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(server.data_dir())) {
    if (!entry.is_regular_file()) continue;
    ++files;
    const std::string bytes = read_file(entry.path());
    BOOST_TEST(bytes.find(users.first.password) == std::string::npos, entry.path());
    BOOST_TEST(bytes.find(users.second.password) == std::string::npos, entry.path());
  }
  BOOST_TEST(files > 0u);
  server.start();
  BOOST_TEST(api.find().status == 200);  // the derived password still works
}

// ---- unsupported methods and paths ------------------------------------------------------------

BOOST_AUTO_TEST_CASE(unsupported_methods_are_405_and_other_paths_404) {
  created(customer_json(2001));
  const std::vector<std::tuple<std::string, std::string, std::string>> cases = {
      {"POST", "/api/v01/customers", "GET, PUT"},   {"DELETE", "/api/v01/customers", "GET, PUT"},
      {"PATCH", "/api/v01/customers", "GET, PUT"},  {"PUT", "/api/v01/customers/1", "GET, POST"},
      {"DELETE", "/api/v01/customers/1", "GET, POST"}, {"PATCH", "/api/v01/customers/1", "GET, POST"}};
  for (const auto& [method, path, allow] : cases) {
    const auto reply = api.send(method, path, "{}", "application/json");
    BOOST_TEST_CONTEXT(method << " " << path) {
      BOOST_TEST(reply.status == 405, reply.summary());
      BOOST_TEST(reply.header("Allow") == allow);
      BOOST_TEST(problems(reply).at(0).code == "method_not_allowed");
    }
  }
  for (const std::string path : {"/api/v01/subscriptions", "/api/v01/customers/1/payment-options", "/api/v01/customers/",
                                 "/api/v01"}) {
    const auto reply = api.send("GET", path);
    BOOST_TEST_CONTEXT(path) {
      BOOST_TEST(reply.status == 404, reply.summary());
      BOOST_TEST(problems(reply).at(0).code == "not_found");
    }
  }
  BOOST_TEST(api.load("1").status == 200);  // DELETE did not delete
}

// ---- persistence ------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(customers_survive_a_restart) {
  json with_code = kFull;
  created(with_code);
  created(customer_json(3001, "Theirs"), &other);
  BOOST_TEST_REQUIRE(api.modify("1", {{"city", "Ottawa"}}).status == 200);
  const json before = api.load("1").body;
  BOOST_TEST(server.restart() == 0);
  const auto after = api.load("1");
  BOOST_TEST(after.status == 200, after.summary());
  BOOST_TEST(after.body == before);
  BOOST_TEST(after.body.at("city") == "Ottawa");
  BOOST_TEST(ids(api.find()) == std::vector<std::int64_t>{1});
  BOOST_TEST(ids(other.find()) == std::vector<std::int64_t>{2});
  BOOST_TEST(api.create(with_code).status == 409);  // the code is still taken
  BOOST_TEST(created(customer_json(2001)).at("id").get<int>() == 3);  // the sequence goes on
}

// ---- robustness -------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(wrong_types_in_every_field_never_500) {
  created(customer_json(2001));
  const std::vector<json> values = {json::object(), json::array({1}), 1.5, -1, true, false, 0, "", "x",
                                    std::string(100000, 'x'), std::string("a\0b", 3), "\xff\xfe", 1e300,
                                    json(std::numeric_limits<std::int64_t>::min()), json(std::numeric_limits<std::uint64_t>::max()),
                                    "99999999999999999999", "<x/>", "&amp;"};
  const std::vector<std::string> fields = {"id", "code", "accountId", "type", "title", "firstName", "middleName", "lastName",
                                           "suffix", "organizationName", "birthDate", "gender", "driverLicenseNumber",
                                           "driverLicenseState", "email", "phone", "cellPhone",
                                           "street1", "street2", "city", "state", "zipCode", "countryCode", "isActive",
                                           "createDate", "somethingElse"};
  int refused = 0;
  for (const auto& field : fields) {
    for (const auto& value : values) {
      json c = customer_json(2001);
      c[field] = value;
      const std::string body = c.dump(-1, ' ', false, json::error_handler_t::replace);
      for (const auto* call : {"create", "modify"}) {
        const auto reply = std::string(call) == "create" ? api.create_raw(body, "application/json")
                                                         : api.modify_raw("1", body, "application/json");
        BOOST_TEST_CONTEXT(call << " " << field << "=" << value.dump(-1, ' ', false, json::error_handler_t::replace).substr(0, 40)) {
          BOOST_TEST((reply.status == 200 || reply.status == 201 || reply.status == 400 || reply.status == 409), reply.summary());
          if (reply.status == 400) {
            ++refused;
            BOOST_TEST_REQUIRE(!problems(reply).empty(), reply.summary());
            BOOST_TEST(problems(reply).at(0).code == "validation_error");
            BOOST_TEST(!problems(reply).at(0).message.empty());
          }
        }
      }
    }
  }
  BOOST_TEST(refused > 300);  // most of them are wrong
  BOOST_TEST(server.healthy());
  BOOST_TEST(api.load("1").status == 200);
}

BOOST_AUTO_TEST_CASE(bad_bodies_get_a_clear_billing_error) {
  created(customer_json(2001));
  struct Case {
    std::string body, content_type, query;
    int status;
    std::string reason;
  };
  const std::vector<Case> cases = {
      {"{", "application/json", "", 400, "body.malformed_json"},
      {"[1,2]", "application/json", "", 400, "body.malformed_json"},
      {"\"text\"", "application/json", "", 400, "body.malformed_json"},
      {std::string(100, '[') + std::string(100, ']'), "application/json", "", 400, "body.malformed_json"},
      {"{\"firstName\":\"A\",\"firstName\":\"B\"}", "text/plain", "", 415, ""},
      {"<customer firstName=\"A\"", "application/xml", "", 400, "body.malformed_xml"},
      {"<customer><firstName>A</firstName></customer>", "application/xml", "", 400, "body.malformed_xml"},
      {"<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"A\">]><customer firstName=\"&e;\"/>", "text/xml", "", 400,
       "body.malformed_xml"},
      {"<customer firstName=\"&e;\"/>", "application/xml", "", 400, "body.malformed_xml"},
      {"<customer firstName=\"A\" firstName=\"B\"/>", "application/xml", "", 400, "body.malformed_xml"},
      {"<customer firstName=\"A\"lastName=\"B\"/>", "application/xml", "", 400, "body.malformed_xml"},
      {"<customer firstName=\"a<b\"/>", "application/xml", "", 400, "body.malformed_xml"},
      {"<customer firstName=\"&#0;\"/>", "application/xml", "", 400, "body.malformed_xml"},
      {"<customer firstName=\"&#xD800;\"/>", "application/xml", "", 400, "body.malformed_xml"},
      {"<customer/><customer/>", "application/xml", "", 400, "body.malformed_xml"},
      {"<client firstName=\"A\"/>", "application/xml", "", 400, "body.malformed_xml"},
      {"<!-- c --><customer/>", "application/xml", "", 400, "body.malformed_xml"},
      {"", "application/xml", "", 200, ""},  // no body, no query: no fields (create: missing, modify: no change)
      {"<customer firstName=\"A\"/>", "application/octet-stream", "", 415, ""},
      {"firstName=%zz", "application/x-www-form-urlencoded", "", 400, "body.malformed_form"},
      {"firstName=a&firstName=b", "application/x-www-form-urlencoded", "", 400, "body.malformed_form"},
      {"=a", "application/x-www-form-urlencoded", "", 400, "body.malformed_form"},
      {"{\"firstName\":\"A\"}", "application/json", "lastName=B", 400, "request.body_and_query"},
      {"", "", "firstName=%", 400, "query.malformed"},
  };
  for (const auto& c : cases) {
    for (const char* call : {"create", "modify"}) {
      const std::string path = std::string(call) == "create" ? "/api/v01/customers" : "/api/v01/customers/1";
      const auto reply = api.send(std::string(call) == "create" ? "PUT" : "POST", path + (c.query.empty() ? "" : "?" + c.query),
                                  c.body, c.content_type);
      BOOST_TEST_CONTEXT(call << " " << c.content_type << " " << c.body.substr(0, 30) << " ?" << c.query) {
        if (c.status == 200) {  // the empty body
          BOOST_TEST(reply.status == (std::string(call) == "create" ? 400 : 200), reply.summary());
          continue;
        }
        BOOST_TEST(reply.status == c.status, reply.summary());
        BOOST_TEST_REQUIRE(!problems(reply).empty(), reply.summary());
        if (c.status == 415) BOOST_TEST(problems(reply).at(0).code == "unsupported_media_type");
        else BOOST_TEST(problems(reply).at(0).reason == c.reason);
      }
    }
  }
  // A GET body cannot be read (cpp-httplib never reads one): refused, not ignored.
  httplib::Request get;
  get.method = "GET";
  get.path = "/api/v01/customers";
  get.headers = api.headers();
  get.body = "{\"firstName\":\"Ada\"}";
  get.set_header("Content-Type", "application/json");
  const auto get_body = to_reply(server.client()->send(get));
  BOOST_TEST(get_body.status == 400, get_body.summary());
  BOOST_TEST(has_problem(get_body, "", "request.get_body"));
  BOOST_TEST(server.healthy());
  BOOST_TEST(api.load("1").body.at("firstName") == "Ada");
}

BOOST_AUTO_TEST_SUITE_END()
