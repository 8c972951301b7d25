// What a financing handler gets for one request: the open store transaction, the authenticated
// merchant client and token scope, the decoded body (for GET: the query), and the path's ids.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app/services.hpp"
#include "sim/clock.hpp"

namespace payref::financing {

struct Call {
  const app::Services& services;
  store::Transaction& tx;
  const nlohmann::json& body;
  std::string client_id;            // the path's client_id, proven by the bearer token
  std::string scope;                // "merchant" or "customer"
  std::vector<std::string> params;  // the path ids after client_id ({account_number}, {authorization_id}, ...)
  sim::TimePoint now;               // services.clock at the start of the call

  std::int64_t now_seconds() const { return now.time_since_epoch().count(); }
};

}  // namespace payref::financing
