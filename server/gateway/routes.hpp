// The gateway family's routes under /api/v1/ and the adapter every handler runs through:
// decode → one store transaction (read or write) → authenticate → service → render, with
// Idempotency-Key replay for calls that move money.
#pragma once

#include <httplib.h>

#include "gateway/context.hpp"

namespace payref::gateway {

void add_routes(httplib::Server& server, const Services& services);

}  // namespace payref::gateway
