// Transactions (seed 000): a contact's transaction history, newest first, in pages.
#pragma once

#include "gateway/context.hpp"
#include "gateway/wire.hpp"

namespace payref::gateway {

// Request {Email, PageSize (default 20, at most 100), PageNumber (from 1), TimeZone} →
// Response {Email, PageSize, PageNumber, MorePages, Transactions[...]}. Times are UTC whatever
// TimeZone says (docs/gateway.md); TimeZone is echoed.
Reply list_transactions(Call& call);

}  // namespace payref::gateway
