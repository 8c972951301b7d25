#include "financing_helpers.hpp"

#include <boost/test/unit_test.hpp>

namespace payref_test::fin {

namespace {
Client client_at(const ServerProcess& server, bool second) {
  const auto reply = server.admin_get("/_sandbox/credentials");
  BOOST_REQUIRE_MESSAGE(reply.status == 200, reply.summary());
  const auto& f = reply.body.at("financing");
  const auto& c = second ? f.at("second_merchant") : f;
  return {c.at("client_id"), c.at("client_secret")};
}
std::string path(const std::string& client_id, const std::string& suffix) {
  return std::string(kBase) + "/client-id/" + client_id + suffix;
}
httplib::Headers bearer(const std::string& access_token) { return {{"Authorization", "Bearer " + access_token}}; }
}  // namespace

Client demo_client(const ServerProcess& server) { return client_at(server, false); }
Client second_client(const ServerProcess& server) { return client_at(server, true); }

HttpReply token_raw(const ServerProcess& server, const std::string& form, const std::string& content_type) {
  return server.post_raw(std::string(kBase) + "/oauth/token", form, content_type);
}

HttpReply token_reply(const ServerProcess& server, const Client& client, const std::string& scope) {
  return token_raw(server, "grant_type=client_credentials&client_id=" + client.id + "&client_secret=" + client.secret + "&scope=" + scope);
}

std::string token(const ServerProcess& server, const Client& client, const std::string& scope) {
  const auto reply = token_reply(server, client, scope);
  BOOST_REQUIRE_MESSAGE(reply.status == 200, reply.summary());
  return reply.body.at("access_token");
}

HttpReply post(const ServerProcess& server, const std::string& client_id, const std::string& access_token, const std::string& suffix,
               const nlohmann::json& body) {
  return server.post(path(client_id, suffix), body, bearer(access_token));
}

HttpReply post_raw(const ServerProcess& server, const std::string& client_id, const std::string& access_token,
                   const std::string& suffix, const std::string& body) {
  return server.post_raw(path(client_id, suffix), body, "application/json", bearer(access_token));
}

HttpReply get(const ServerProcess& server, const std::string& client_id, const std::string& access_token, const std::string& suffix,
              const httplib::Params& params) {
  return server.get(path(client_id, suffix), params, bearer(access_token));
}

void advance(const ServerProcess& server, const nlohmann::json& body) {
  const auto reply = server.post_raw("/_sandbox/clock/advance", body.dump(), "application/json",
                                     {{"Authorization", std::string("Bearer ") + kAdminToken}});
  BOOST_REQUIRE_MESSAGE(reply.status == 200, reply.summary());
}

bool is_error(const HttpReply& reply, int status, const std::string& error) {
  if (reply.status != status || !reply.is_json() || !reply.body.is_object()) return false;
  const auto& b = reply.body;
  const std::size_t keys = b.contains("error_description") ? 5 : 4;
  return b.size() == keys && b.value("error", "") == error && b.contains("url") && b["url"].is_string() &&
         b["url"].get<std::string>().rfind(kBase, 0) == 0 && b.contains("message") && b["message"].is_string() &&
         b.contains("field_errors") && b["field_errors"].is_array();
}

double available(const ServerProcess& server, const Client& client, const std::string& access_token, const std::string& account) {
  const auto reply = get(server, client.id, access_token, "/customers/lookup", {{"account_number", account}});
  BOOST_REQUIRE_MESSAGE(reply.status == 200, reply.summary());
  return reply.body.at("available_credit").get<double>();
}

nlohmann::json auth_request(const std::string& account, double amount, bool auto_capture, int plan_id, int term) {
  nlohmann::json option{{"transaction_type", plan_id ? "promotional_purchase" : "regular_purchase"}};
  if (plan_id) option["plan_id"] = plan_id;
  if (term) option["term"] = term;
  return {{"account_number", account}, {"amount", amount}, {"auto_capture", auto_capture}, {"financing_option", option}};
}

}  // namespace payref_test::fin
