// The seven CMS operations (seed 002): create, get, query, update, update state, invoice, delete.
// Each runs inside the route adapter's store transaction for an authenticated merchant and throws
// CmsError to refuse.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "cms/sign_on.hpp"
#include "app/services.hpp"

namespace payref::cms {

struct Call {
  const app::Services& services;
  store::Transaction& tx;
  const Merchant& merchant;
  const nlohmann::json& body;     // the decoded JSON body (an empty object when there is none)
  const nlohmann::json& query;    // the query parameters as strings ({"merchantProfileId": "..."})
  std::string subscription_id;    // the path's {subscriptionId}
};

// What a CMS operation answers: HTTP 200 with this JSON, or an empty body when it is discarded.
struct Answer {
  nlohmann::ordered_json body;  // discarded(): an empty 200 body
};

Answer create_subscription(Call& call);        // POST Subscriptions/ → "<SubscriptionReferenceId>"
Answer get_subscription(Call& call);           // GET Subscriptions/{id}?merchantProfileId=…
Answer query_subscriptions(Call& call);        // POST Subscriptions/query
Answer update_subscription(Call& call);        // PUT Subscriptions/{id}
Answer update_subscription_state(Call& call);  // PUT Subscriptions/{id}/state
Answer invoice_subscription_now(Call& call);   // POST Subscriptions/{id}/invoice?merchantProfileId=…
Answer delete_subscription(Call& call);        // DELETE Subscriptions/{id}?merchantProfileId=…

}  // namespace payref::cms
