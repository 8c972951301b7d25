// Helpers of the CMS suite (cms_tests.cpp): the seed's (002) bodies verbatim, sign-on, the seven
// operations as raw HTTP exchanges, and the sandbox clock.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "server_process.hpp"

namespace payref_test {

namespace cms_seed {
extern const char* const kCreateRequest;
extern const char* const kGetResponse;
extern const char* const kQueryRequest;
extern const char* const kQueryResponse;
extern const char* const kUpdateRequest;
extern const char* const kStateRequest;
extern const char* const kInvoiceResponse;
}  // namespace cms_seed

inline constexpr const char* kCmsBase = "/2.1.28/REST/DataServices/CMS.svc/Subscriptions";

struct CmsIdentity {
  std::string identity_token, merchant_profile_id, service_id, application_profile_id, service_key;
};

// "Basic base64(user:)".
std::string basic_auth(const std::string& user);

class CmsClient {
 public:
  explicit CmsClient(const ServerProcess& server);

  CmsIdentity demo, other;  // from GET /_sandbox/credentials ("cms" and its "OtherMerchant")

  HttpReply sign_on_raw(const std::string& identity_token) const;
  std::string sign_on(const CmsIdentity& who) const;  // fails the test unless 200

  // One exchange: method "GET", "POST", "PUT" or "DELETE"; `body` sent as is when not empty.
  HttpReply send(const std::string& method, const std::string& path, const std::string& token, const std::string& body = "") const;

  HttpReply create(const std::string& token, const nlohmann::json& request) const;
  HttpReply get(const std::string& token, const std::string& id, const std::string& profile) const;
  HttpReply query(const std::string& token, const nlohmann::json& request) const;
  HttpReply update(const std::string& token, const std::string& id, const nlohmann::json& request) const;
  HttpReply set_state(const std::string& token, const std::string& id, const std::string& profile, const std::string& state) const;
  HttpReply invoice(const std::string& token, const std::string& id, const std::string& profile) const;
  HttpReply remove(const std::string& token, const std::string& id, const std::string& profile) const;

  // The created id; fails the test unless 200.
  std::string create_ok(const std::string& token, const nlohmann::json& request) const;
  nlohmann::json get_ok(const std::string& token, const std::string& id, const std::string& profile) const;

  // POST /_sandbox/clock/advance; the answer (fails unless 200).
  nlohmann::json advance(const nlohmann::json& body) const;

 private:
  const ServerProcess& server_;
};

// A valid create request for `who`: monthly, 9.99 USD, on a Visa test card, with the given first
// invoice date (wire date-time) and IntervalCount.
nlohmann::json subscription_request(const CmsIdentity& who, const std::string& next_processing, int interval_count = 12,
                                    const std::string& card = "4111111111111111");

// The cms_invoice entries of a clock advance's "ran" list.
nlohmann::json cms_invoices(const nlohmann::json& advance_answer);

}  // namespace payref_test
