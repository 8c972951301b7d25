#include "billing_helpers.hpp"

#include <regex>
#include <stdexcept>

namespace payref_test {

namespace {

BillingUser user_from(const nlohmann::json& j) {
  BillingUser u{j.at("username").get<std::string>(), j.at("password").get<std::string>(), {}};
  for (const auto& a : j.at("accountIds")) u.accounts.push_back(a.get<std::int64_t>());
  return u;
}

std::string decode_entities(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '&') {
      out += text[i];
      continue;
    }
    const auto semi = text.find(';', i);
    if (semi == std::string::npos) throw std::runtime_error("XML: unterminated entity");
    const std::string entity = text.substr(i + 1, semi - i - 1);
    if (entity == "amp") out += '&';
    else if (entity == "lt") out += '<';
    else if (entity == "gt") out += '>';
    else if (entity == "quot") out += '"';
    else if (entity == "apos") out += '\'';
    else if (!entity.empty() && entity[0] == '#') out += static_cast<char>(std::stoi(entity.substr(1)));
    else throw std::runtime_error("XML: unknown entity &" + entity + ";");
    i = semi;
  }
  return out;
}

}  // namespace

std::pair<BillingUser, BillingUser> billing_users(const ServerProcess& server) {
  const auto reply = server.admin_get("/_sandbox/credentials");
  if (reply.status != 200 || !reply.is_json()) throw std::runtime_error("GET /_sandbox/credentials: " + reply.summary());
  const auto& billing = reply.body.at("billing");
  return {user_from(billing), user_from(billing.at("otherMerchant"))};
}

std::string base64(const std::string& bytes) {
  static const char* table = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const unsigned v = (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                       static_cast<unsigned char>(bytes[i + 2]);
    out += {table[v >> 18], table[(v >> 12) & 63], table[(v >> 6) & 63], table[v & 63]};
  }
  if (i + 1 == bytes.size()) {
    const unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
    out += {table[v >> 18], table[(v >> 12) & 63], '=', '='};
  } else if (i + 2 == bytes.size()) {
    const unsigned v = (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8);
    out += {table[v >> 18], table[(v >> 12) & 63], table[(v >> 6) & 63], '='};
  }
  return out;
}

std::string basic_auth(const std::string& username, const std::string& password) {
  return "Basic " + base64(username + ":" + password);
}

httplib::Headers BillingApi::headers() const {
  httplib::Headers h{{"Authorization", basic_auth(user.username, user.password)}};
  if (!accept.empty()) h.emplace("Accept", accept);
  return h;
}

HttpReply BillingApi::send(const std::string& method, const std::string& path, const std::string& body,
                           const std::string& content_type, bool with_auth, const httplib::Headers& extra) const {
  httplib::Headers h = with_auth ? headers() : httplib::Headers{};
  if (!with_auth && !accept.empty()) h.emplace("Accept", accept);
  for (const auto& e : extra) h.insert(e);
  const auto cli = server.client();
  const char* ct = content_type.empty() ? "application/json" : content_type.c_str();
  if (method == "GET") return to_reply(cli->Get(path.c_str(), h));
  if (method == "PUT") return to_reply(cli->Put(path.c_str(), h, body, ct));
  if (method == "POST") return to_reply(cli->Post(path.c_str(), h, body, ct));
  if (method == "PATCH") return to_reply(cli->Patch(path.c_str(), h, body, ct));
  if (method == "DELETE") return to_reply(cli->Delete(path.c_str(), h));
  throw std::runtime_error("BillingApi::send: method " + method);
}

HttpReply BillingApi::create(const nlohmann::json& customer) const {
  return send("PUT", "/api/v01/customers", customer.dump(), "application/json");
}

HttpReply BillingApi::create_raw(const std::string& body, const std::string& content_type, const std::string& query) const {
  return send("PUT", "/api/v01/customers" + (query.empty() ? std::string() : "?" + query), body, content_type);
}

HttpReply BillingApi::find(const std::string& query) const {
  return send("GET", "/api/v01/customers" + (query.empty() ? std::string() : "?" + query));
}

HttpReply BillingApi::load(const std::string& id) const { return send("GET", "/api/v01/customers/" + id); }

HttpReply BillingApi::modify(const std::string& id, const nlohmann::json& changes) const {
  return send("POST", "/api/v01/customers/" + id, changes.dump(), "application/json");
}

HttpReply BillingApi::modify_raw(const std::string& id, const std::string& body, const std::string& content_type) const {
  return send("POST", "/api/v01/customers/" + id, body, content_type);
}

nlohmann::json customer_json(std::int64_t account, const std::string& first, const std::string& last) {
  return {{"accountId", account}, {"firstName", first}, {"lastName", last}};
}

std::vector<std::map<std::string, std::string>> xml_elements(const std::string& document, const std::string& name) {
  std::vector<std::map<std::string, std::string>> out;
  const std::regex element("<" + name + R"(((?:\s+[A-Za-z_][\w.-]*="[^"<]*")*)\s*/?>)");
  const std::regex attribute(R"~(([A-Za-z_][\w.-]*)="([^"<]*)")~");
  for (auto it = std::sregex_iterator(document.begin(), document.end(), element); it != std::sregex_iterator(); ++it) {
    std::map<std::string, std::string> attrs;
    const std::string text = (*it)[1].str();
    for (auto a = std::sregex_iterator(text.begin(), text.end(), attribute); a != std::sregex_iterator(); ++a)
      if (!attrs.emplace((*a)[1].str(), decode_entities((*a)[2].str())).second)
        throw std::runtime_error("XML: attribute " + (*a)[1].str() + " repeated");
    out.push_back(std::move(attrs));
  }
  return out;
}

std::vector<BillingProblem> problems(const HttpReply& reply) {
  std::vector<BillingProblem> out;
  if (!reply.is_json() || !reply.body.is_object() || !reply.body.contains("errors") || !reply.body["errors"].is_array())
    return out;
  for (const auto& e : reply.body["errors"])
    out.push_back({e.value("code", ""), e.value("field", ""), e.value("reason", ""), e.value("message", "")});
  return out;
}

bool has_problem(const HttpReply& reply, const std::string& field, const std::string& reason) {
  for (const auto& p : problems(reply))
    if (p.field == field && p.reason == reason) return true;
  return false;
}

}  // namespace payref_test
