#include "cms_helpers.hpp"

#include <boost/test/unit_test.hpp>

namespace payref_test {

// The seed's (002) request and response bodies, verbatim: the wire contract the CMS tests
// compare against field by field.
namespace cms_seed {

const char* const kCreateRequest = R"json({
"Subscription": {
"Amount": 5.00,
"Description": "test description 69CB2",
"MerchantSubscriptionId": "69CB2",
"StartDate": "2017-03-27T00:00:00-06:00",
"EndDate": "2018-03-27T00:00:00-06:00",
"IntervalUnit": "Month",
"IntervalLength": 1,
"NextProcessingDate": "2017-03-30T00:00:00-06:00",
"IntervalCount": 370,
"TotalTrialInvoices": 0,
"Order": {
"BillingData": {
"Company": "billing data company 69CB2",
"FirstName": "FirstName_69CB2",
"LastName": "LastName_69CB2"
},
"CurrencyCode": "USD",
"Description": "order description 69CB2",
"Tax": {
"Amount": 0.89,
"Rate": 0.0081
},
"TaxExempt": "NotExemptTaxInfoProvided",
"OrderTimeStamp": "2017-03-27T10:52:34.5312022-06:00"
},
"AutoRenew": true,
"CustomerReferenceId": "76E9BAF2ECAC4FC9A53DC5C0B466B2DE",
"PaymentData": {
"CardType": "Visa",
"PaymentAccountNumber": "4111111111169085",
"PaymentAccountExpiration": "0520"
}
},
"MerchantProfileId": "Dev_Test_28",
"Scope": "MerchantProfileId",
"ServiceId": "39C6700001",
"ApplicationProfileId": "772763"
})json";

const char* const kGetResponse = R"json({
"InvoiceCount": 0,
"Amount": 5.0,
"TrialInvoiceCount": 0,
"Description": null,
"SubscriptionState": "Pending",
"MerchantSubscriptionId": "69CB2",
"Scope": "MerchantProfileId",
"StartDate": "2017-03-27T06:00:00",
"CreatedDate": "2017-03-27T16:51:44.22",
"EndDate": "2018-03-27T06:00:00",
"LastUpdatedDate": "0001-01-01T00:00:00",
"IntervalUnit": "Month",
"ServiceKey": "3303C63450300001",
"IntervalLength": 1,
"MerchantProfileId": "Dev_Test_28",
"NextProcessingDate": "2017-03-30T06:00:00",
"SubscriptionReferenceId": "CC16ECAE16084A9E953A7A93D20C26D0",
"IntervalCount": 370,
"ServiceId": "39C6700001",
"TotalTrialInvoices": 0,
"ApplicationProfileId": null,
"TrialAmount": 0.0,
"Order": {
"BillingData": {
"Company": "billing data company 69CB2",
"FirstName": "FirstName_69CB2",
"LastName": "LastName_69CB2",
"Address": null
},
"ShippingData": null,
"CustomerCode": null,
"CurrencyCode": "USD",
"Description": null,
"Enable3D": false,
"PromotionCode": null,
"ShipmentId": null,
"ShipCode": null,
"ShippingTotal": 0.0,
"ShipMethod": null,
"DiscountTotal": 0.0,
"DutyAmount": 0.0,
"SubTotal": 0.0,
"Tax": {
"Amount": 0.89,
"Rate": 0.0081
},
"ItemizedTaxes": null,
"TaxExempt": "NotExemptTaxInfoNotProvided",
"TaxExemptNumber": null,
"OrderItems": null,
"OrderTimeStamp": "2017-03-27T16:51:29.837"
},
"AutoRenew": true,
"CustomerReferenceId": "76E9BAF2ECAC4FC9A53DC5C0B466B2DE",
"PaymentData": null,
"EmployeeId": null
})json";

const char* const kQueryRequest = R"json({
"QuerySubscriptionParameters": {
"CreatedDateRange": null,
"SubscriptionReferenceId": "CC16ECAE16084A9E953A7A93D20C26D0",
"SubscriptionState": "NotSet",
"CustomerReferenceId": null,
"MerchantSubscriptionId": null
},
"Scope": "MerchantProfileId",
"PagingParameters": {
"Page": 0,
"PageSize": 10
},
"MerchantProfileId": "Dev_Test_28"
})json";

const char* const kQueryResponse = R"json({
"Subscriptions": [
{
"InvoiceCount": 0,
"Amount": 5.0,
"TrialInvoiceCount": 0,
"Description": null,
"SubscriptionState": "Pending",
"MerchantSubscriptionId": "69CB2",
"Scope": "MerchantProfileId",
"StartDate": "2017-03-27T06:00:00",
"CreatedDate": "2017-03-27T16:51:44.22",
"EndDate": "2018-03-27T06:00:00",
"LastUpdatedDate": "0001-01-01T00:00:00",
"IntervalUnit": "Month",
"ServiceKey": "3303C63450300001",
"IntervalLength": 1,
"MerchantProfileId": "Dev_Test_28",
"NextProcessingDate": "2017-03-30T06:00:00",
"SubscriptionReferenceId": "CC16ECAE16084A9E953A7A93D20C26D0",
"IntervalCount": 370,
"ServiceId": "39C6700001",
"TotalTrialInvoices": 0,
"ApplicationProfileId": null,
"TrialAmount": 0.0,
"Order": {
"BillingData": {
"Company": "billing data company 69CB2",
"FirstName": "FirstName_69CB2",
"LastName": "LastName_69CB2",
"Address": null
},
"ShippingData": null,
"CustomerCode": null,
"CurrencyCode": "USD",
"Description": null,
"Enable3D": false,
"PromotionCode": null,
"ShipmentId": null,
"ShipCode": null,
"ShippingTotal": 0.0,
"ShipMethod": null,
"DiscountTotal": 0.0,
"DutyAmount": 0.0,
"SubTotal": 0.0,
"Tax": {
"Amount": 0.89,
"Rate": 0.0081
},
"ItemizedTaxes": null,
"TaxExempt": "NotExemptTaxInfoNotProvided",
"TaxExemptNumber": null,
"OrderItems": null,
"OrderTimeStamp": "2017-03-27T16:51:29.837"
},
"AutoRenew": true,
"CustomerReferenceId": "76E9BAF2ECAC4FC9A53DC5C0B466B2DE",
"PaymentData": null,
"EmployeeId": null
}
],
"PageNumber": 0,
"TotalPages": 1,
"TotalFound": 1
})json";

const char* const kUpdateRequest = R"json({
"Subscription": {
"Amount": 5.00,
"Description": "updated subscription",
"MerchantSubscriptionId": "69CB2",
"StartDate": "2017-03-27T00:00:00-06:00",
"EndDate": "2018-07-05T00:00:00-06:00",
"IntervalUnit": "Week",
"IntervalLength": 1,
"NextProcessingDate": "2017-03-30T00:00:00-06:00",
"IntervalCount": 65,
"TotalTrialInvoices": 0,
"Order": {
"BillingData": {
"Company": "billing data company 69CB2",
"FirstName": "FirstName_69CB2",
"LastName": "LastName_69CB2"
},
"CurrencyCode": "USD",
"Description": "order description 69CB2",
"Tax": {
"Amount": 0.89,
"Rate": 0.0081
},
"TaxExempt": "NotExemptTaxInfoNotProvided",
"OrderTimeStamp": "2017-03-27T10:52:53.7142022-06:00"
},
"AutoRenew": true,
"CustomerReferenceId": "76E9BAF2ECAC4FC9A53DC5C0B466B2DE",
"PaymentData": {
"CardType": "Visa",
"PaymentAccountNumber": "4111111111176411",
"PaymentAccountExpiration": "0520"
}
},
"MerchantProfileId": "Dev_Test_28",
"Scope": "MerchantProfileId",
"ServiceId": "39C6700001",
"ApplicationProfileId": "772763"
})json";

const char* const kStateRequest = R"json({
"MerchantProfileId": "Dev_Test_28",
"SubscriptionState": "Cancelled"
})json";

const char* const kInvoiceResponse = R"json({
"InvoiceReferenceId": "CC153859DEB441FAA77C03711051A446",
"TransactionId": "ECBA5FE45E9C4165814D5B649C0039F0",
"Status": "Successful",
"StatusCode": "1",
"StatusMessage": "Approved - 000:APPROVED"
})json";

}  // namespace cms_seed

namespace {
std::string base64(const std::string& in) {
  static const char* kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  int value = 0, bits = -6;
  for (unsigned char c : in) {
    value = (value << 8) + c;
    bits += 8;
    while (bits >= 0) {
      out.push_back(kAlphabet[(value >> bits) & 0x3F]);
      bits -= 6;
    }
  }
  if (bits > -6) out.push_back(kAlphabet[((value << 8) >> (bits + 8)) & 0x3F]);
  while (out.size() % 4) out.push_back('=');
  return out;
}

CmsIdentity identity_of(const nlohmann::json& c) {
  return {c.at("IdentityToken"), c.at("MerchantProfileId"), c.at("ServiceId"), c.at("ApplicationProfileId"), c.at("ServiceKey")};
}
}  // namespace

std::string basic_auth(const std::string& user) { return "Basic " + base64(user + ":"); }

CmsClient::CmsClient(const ServerProcess& server) : server_(server) {
  const auto reply = server.admin_get("/_sandbox/credentials");
  BOOST_TEST_REQUIRE(reply.status == 200, reply.summary());
  const auto& cms = reply.body.at("cms");
  demo = identity_of(cms);
  other = identity_of(cms.at("OtherMerchant"));
}

HttpReply CmsClient::sign_on_raw(const std::string& identity_token) const {
  return server_.get("/2.1.28/REST/SIS.svc/token", {}, {{"Authorization", basic_auth(identity_token)}});
}

std::string CmsClient::sign_on(const CmsIdentity& who) const {
  const auto reply = sign_on_raw(who.identity_token);
  BOOST_TEST_REQUIRE(reply.status == 200, reply.summary());
  BOOST_TEST_REQUIRE(reply.body.is_string(), reply.summary());
  return reply.body.get<std::string>();
}

HttpReply CmsClient::send(const std::string& method, const std::string& path, const std::string& token, const std::string& body) const {
  httplib::Headers headers;
  if (!token.empty()) headers.emplace("Authorization", basic_auth(token));
  auto client = server_.client();
  if (method == "GET") return to_reply(client->Get(path.c_str(), headers));
  if (method == "POST") return to_reply(client->Post(path.c_str(), headers, body, "application/json"));
  if (method == "PUT") return to_reply(client->Put(path.c_str(), headers, body, "application/json"));
  return to_reply(client->Delete(path.c_str(), headers, body, "application/json"));
}

HttpReply CmsClient::create(const std::string& token, const nlohmann::json& request) const {
  return send("POST", std::string(kCmsBase) + "/", token, request.dump());
}
HttpReply CmsClient::get(const std::string& token, const std::string& id, const std::string& profile) const {
  return send("GET", std::string(kCmsBase) + "/" + id + "?merchantProfileId=" + profile + "&scope=MerchantProfileId", token);
}
HttpReply CmsClient::query(const std::string& token, const nlohmann::json& request) const {
  return send("POST", std::string(kCmsBase) + "/query", token, request.dump());
}
HttpReply CmsClient::update(const std::string& token, const std::string& id, const nlohmann::json& request) const {
  return send("PUT", std::string(kCmsBase) + "/" + id, token, request.dump());
}
HttpReply CmsClient::set_state(const std::string& token, const std::string& id, const std::string& profile, const std::string& state) const {
  return send("PUT", std::string(kCmsBase) + "/" + id + "/state", token,
              nlohmann::json{{"MerchantProfileId", profile}, {"SubscriptionState", state}}.dump());
}
HttpReply CmsClient::invoice(const std::string& token, const std::string& id, const std::string& profile) const {
  return send("POST", std::string(kCmsBase) + "/" + id + "/invoice?merchantProfileId=" + profile, token, "null");
}
HttpReply CmsClient::remove(const std::string& token, const std::string& id, const std::string& profile) const {
  return send("DELETE", std::string(kCmsBase) + "/" + id + "?merchantProfileId=" + profile, token);
}

std::string CmsClient::create_ok(const std::string& token, const nlohmann::json& request) const {
  const auto reply = create(token, request);
  BOOST_TEST_REQUIRE(reply.status == 200, reply.summary());
  BOOST_TEST_REQUIRE(reply.body.is_string(), reply.summary());
  return reply.body.get<std::string>();
}

nlohmann::json CmsClient::get_ok(const std::string& token, const std::string& id, const std::string& profile) const {
  const auto reply = get(token, id, profile);
  BOOST_TEST_REQUIRE(reply.status == 200, reply.summary());
  return reply.body;
}

nlohmann::json CmsClient::advance(const nlohmann::json& body) const {
  const auto reply = server_.post_raw("/_sandbox/clock/advance", body.dump(), "application/json",
                                      {{"Authorization", std::string("Bearer ") + kAdminToken}});
  BOOST_TEST_REQUIRE(reply.status == 200, reply.summary());
  return reply.body;
}

nlohmann::json subscription_request(const CmsIdentity& who, const std::string& next_processing, int interval_count,
                                    const std::string& card) {
  return {{"Subscription",
           {{"Amount", 9.99},
            {"Description", "Render Pro"},
            {"StartDate", next_processing},
            {"IntervalUnit", "Month"},
            {"IntervalLength", 1},
            {"NextProcessingDate", next_processing},
            {"IntervalCount", interval_count},
            {"Order", {{"CurrencyCode", "USD"}, {"BillingData", {{"FirstName", "Ada"}, {"LastName", "Lovelace"}}}}},
            {"PaymentData", {{"CardType", "Visa"}, {"PaymentAccountNumber", card}, {"PaymentAccountExpiration", "1235"}}}}},
          {"MerchantProfileId", who.merchant_profile_id},
          {"Scope", "MerchantProfileId"},
          {"ServiceId", who.service_id},
          {"ApplicationProfileId", who.application_profile_id}};
}

nlohmann::json cms_invoices(const nlohmann::json& advance_answer) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& e : advance_answer.at("ran"))
    if (e.value("type", "") == "cms_invoice") out.push_back(e);
  return out;
}

}  // namespace payref_test
