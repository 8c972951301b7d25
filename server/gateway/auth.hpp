// Gateway authentication: the body-level Authentication{Id, Key} of every call but client
// registration. Keys are never stored, only their keyed hash (store/crypto.hpp).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "gateway/context.hpp"

namespace payref::gateway {

inline constexpr const char* kClients = "client";

struct Credentials {
  std::string id, key;
};

// Authentication{Id, Key} from the body; HTTP 400 (model binding) when absent or not an object.
Credentials read_credentials(const nlohmann::json& body);
std::string hash_client_key(const Services& services, const std::string& key);
// Checks that the credentials belong to an active client; Message 20 otherwise (unknown Id, wrong
// Key, pending or cancelled client — one answer for all, so Ids cannot be probed). Runs on every
// call, so it reads only the client's key column (client_key_column), never its JSON body.
void authenticate(const Services& services, store::Transaction& tx, const Credentials& credentials);
// The value clients.cpp keeps in a client document's key2: "active:<key hash>" for an active
// client, the bare status otherwise.
std::string client_key_column(const nlohmann::json& client);

}  // namespace payref::gateway
