// What a gateway service needs for one request: the open store transaction, the authenticated
// client, the decoded body, and the server's clock and secrets.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "app/services.hpp"
#include "store/store.hpp"

namespace payref::gateway {

using Services = app::Services;  // server-wide, app/services.hpp

struct Call {
  const Services& services;
  store::Transaction& tx;
  const nlohmann::json& body;  // the whole decoded request body
  std::string client_id;       // the authenticated client; empty for the client-management calls
  std::string path_param;      // the route's {email}, {softwareId}, {sku} or {bundleID}, decoded
};

}  // namespace payref::gateway
