#include "financing/scopes.hpp"

#include "financing/wire.hpp"

namespace payref::financing {

void require_scope(const std::string& scope, Audience audience) {
  if (scope == "merchant") return;
  if (scope == "customer" && audience == Audience::merchant_or_customer) return;
  fail(403, error::insufficient_scope, "Insufficient scope: this call needs a token with scope merchant.");
}

}  // namespace payref::financing
