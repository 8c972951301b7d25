#include "gateway/auth.hpp"

#include "gateway/wire.hpp"

namespace payref::gateway {

Credentials read_credentials(const nlohmann::json& body) {
  const auto it = body.find("Authentication");
  if (it == body.end() || !it->is_object()) fail_model("model.Authentication", "The Authentication field is required.");
  Credentials c;
  for (auto [field, out] : {std::pair{"Id", &c.id}, std::pair{"Key", &c.key}}) {
    const auto v = it->find(field);
    if (v != it->end() && v->is_string()) *out = v->get<std::string>();
    else if (v != it->end() && v->is_number_unsigned()) *out = v->dump();
    if (out->empty() || out->size() > 128)
      fail_model(std::string("model.Authentication.") + field, std::string("The ") + field + " field is required.");
  }
  return c;
}

std::string hash_client_key(const Services& services, const std::string& key) {
  return store::keyed_hash(services.hash_key, "client-key:" + key);
}

std::string client_key_column(const nlohmann::json& client) {
  const std::string status = client.value("Status", "");
  return status == "active" ? "active:" + client.value("KeyHash", "") : status;
}

void authenticate(const Services& services, store::Transaction& tx, const Credentials& credentials) {
  const auto client = tx.get_keys(kClients, "", credentials.id);
  if (!client || !store::constant_time_equal(client->key2, "active:" + hash_client_key(services, credentials.key)))
    fail(code::authentication, "Authentication failed: unknown client, wrong key, or the client is not active.");
}

}  // namespace payref::gateway
