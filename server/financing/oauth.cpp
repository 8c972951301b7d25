#include "financing/oauth.hpp"

#include "financing/merchants.hpp"
#include "store/crypto.hpp"

namespace payref::financing {

namespace {

[[noreturn]] void oauth_fail(int status, std::string_view error, std::string message) {
  throw FinancingError{status, std::string(error), std::move(message), {}, true};
}

std::string access_hash(const app::Services& s, const std::string& token) {
  return store::keyed_hash(s.hash_key, "fin-access:" + token);
}
std::string refresh_hash(const app::Services& s, const std::string& token) {
  return store::keyed_hash(s.hash_key, "fin-refresh:" + token);
}

std::string param(const httplib::Request& req, const char* name) {
  return req.get_param_value_count(name) == 1 ? req.get_param_value(name) : std::string();
}

}  // namespace

Reply issue_token(const app::Services& services, const httplib::Request& req) {
  const std::string type = req.get_header_value("Content-Type");
  if (type.rfind("application/x-www-form-urlencoded", 0) != 0)
    oauth_fail(400, error::invalid_request, "The token request must be a form-urlencoded body (Content-Type: application/x-www-form-urlencoded).");
  if (req.target.find('?') != std::string::npos)
    oauth_fail(400, error::invalid_request, "Send the token parameters in the form body, not in the query string.");
  const std::string grant = param(req, "grant_type");
  if (grant != "client_credentials" && grant != "refresh_token")
    oauth_fail(400, error::invalid_request, "grant_type must be client_credentials or refresh_token.");
  const std::string client_id = param(req, "client_id");
  const std::string secret = param(req, "client_secret");
  std::string scope = req.has_param("scope") ? param(req, "scope") : "merchant";
  const std::int64_t now = services.clock.now().time_since_epoch().count();

  Reply reply;
  services.store.write([&](store::Transaction& tx) {
    if (!check_client(services, tx, client_id, secret))
      oauth_fail(400, error::invalid_client, "Unknown client_id or wrong client_secret.");
    if (grant == "refresh_token") {
      const std::string refresh = param(req, "refresh_token");
      if (refresh.empty()) oauth_fail(400, error::invalid_request, "refresh_token is required for grant_type refresh_token.");
      auto docs = tx.find(kTokens, client_id, store::Key::key1, refresh_hash(services, refresh), 1);
      if (docs.empty()) oauth_fail(400, error::invalid_grant, "Unknown or already used refresh_token.");
      const auto& old = docs.front();
      if (old.body.value("expires_at", std::int64_t{0}) <= now)
        oauth_fail(400, error::invalid_grant, "The access token has expired: a token can be refreshed only before it expires.");
      const std::string old_scope = old.body.value("scope", "merchant");
      if (req.has_param("scope") && scope != old_scope)
        oauth_fail(400, error::invalid_request, "A refresh keeps the scope of the original token.");
      scope = old_scope;
      tx.remove(kTokens, old.id);
    } else if (scope != "merchant" && scope != "customer") {
      throw FinancingError{409, std::string(error::invalid_role), "scope must be merchant or customer.", {}, true};
    }
    const std::string access = store::random_hex(24), refresh = store::random_hex(24);
    tx.put(store::Document{kTokens, access_hash(services, access), client_id, refresh_hash(services, refresh), "",
                           {{"scope", scope}, {"issued_at", now}, {"expires_at", now + kTokenLifetimeSeconds}}, {}});
    reply.body = {{"token_type", "bearer"}, {"access_token", access}, {"expires_in", kTokenLifetimeSeconds},
                  {"refresh_token", refresh}, {"scope", scope}};
  });
  return reply;
}

std::string authenticate_bearer(const app::Services& services, store::Transaction& tx, const std::string& header,
                                const std::string& client_id, std::int64_t now) {
  const std::string prefix = "bearer ";
  std::string token;
  if (header.size() > prefix.size() && header.size() <= 1000) {
    std::string head = header.substr(0, prefix.size());
    for (auto& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (head == prefix) token = header.substr(prefix.size());
  }
  if (token.empty() || client_id.empty() || client_id.size() > 100)
    fail(401, error::invalid_token, "Missing or malformed Authorization: Bearer <access_token> header.");
  auto doc = tx.get(kTokens, client_id, access_hash(services, token));
  if (!doc) fail(401, error::invalid_token, "Unknown access token, or it was issued to another client_id.");
  if (doc->body.value("expires_at", std::int64_t{0}) <= now) fail(401, error::invalid_token, "The access token has expired.");
  return doc->body.value("scope", "");
}

}  // namespace payref::financing
