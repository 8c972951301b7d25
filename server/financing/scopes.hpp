// Token scopes (api-notes "Seed 003, Base URL and authentication"): a `merchant` token may call
// every endpoint; a `customer` token only the customer-facing ones (driverslicense,
// calculate-interest, verify, authorization). Anything else → 403 insufficient_scope.
#pragma once

#include <string>

namespace payref::financing {

enum class Audience {
  merchant,           // lookup, search, capture, release, return, lists, transactions
  merchant_or_customer,  // the customer-facing UI calls
};

// 403 insufficient_scope unless `scope` may call an endpoint for `audience`.
void require_scope(const std::string& scope, Audience audience);

}  // namespace payref::financing
