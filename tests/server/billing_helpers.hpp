// Calls to the billing family (seed 001, /api/v01/customers) for billing_tests: HTTP Basic
// service users from GET /_sandbox/credentials, JSON/form/XML requests, and a small reader of
// the family's XML responses for field-by-field checks.
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "server_process.hpp"

namespace payref_test {

struct BillingUser {
  std::string username, password;
  std::vector<std::int64_t> accounts;
};

// The sandbox's two billing service users: the demo merchant's ("api-demo", accounts 2001 and
// 2002) and a second merchant's ("api-demo-other", account 3001).
std::pair<BillingUser, BillingUser> billing_users(const ServerProcess& server);

std::string base64(const std::string& bytes);
// "Basic base64(user:password)".
std::string basic_auth(const std::string& username, const std::string& password);

// One service user's view of the API. accept: the Accept header sent ("" for none).
struct BillingApi {
  const ServerProcess& server;
  BillingUser user;
  std::string accept = "application/json";

  httplib::Headers headers() const;
  HttpReply create(const nlohmann::json& customer) const;  // PUT /api/v01/customers, JSON
  HttpReply create_raw(const std::string& body, const std::string& content_type, const std::string& query = "") const;
  HttpReply find(const std::string& query = "") const;  // GET /api/v01/customers?query
  HttpReply load(const std::string& id) const;
  HttpReply modify(const std::string& id, const nlohmann::json& changes) const;
  HttpReply modify_raw(const std::string& id, const std::string& body, const std::string& content_type) const;
  // Any method on any path with these headers (auth included unless `with_auth` is false).
  HttpReply send(const std::string& method, const std::string& path, const std::string& body = "",
                 const std::string& content_type = "", bool with_auth = true,
                 const httplib::Headers& extra = {}) const;
};

// A minimal customer of `account`.
nlohmann::json customer_json(std::int64_t account, const std::string& first = "Ada", const std::string& last = "Lovelace");

// The elements named `name` in an XML document written by payref's writer (one element per
// line), each as its attributes with the five predefined entities and numeric references decoded.
std::vector<std::map<std::string, std::string>> xml_elements(const std::string& document, const std::string& name);

// The first error of a billing error body: {"code","field","reason","message"} (empty strings
// when absent or when the body is not an error body).
struct BillingProblem {
  std::string code, field, reason, message;
};
std::vector<BillingProblem> problems(const HttpReply& reply);
bool has_problem(const HttpReply& reply, const std::string& field, const std::string& reason);

}  // namespace payref_test
