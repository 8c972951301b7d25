// Invoicing a subscription (InvoiceSubscription and the test clock): the invoice's amount (trial
// or regular, sdk/subscription.hpp), the charge through the simulated processor on the sealed
// card, the invoice record (declines too), and the schedule's next step.
//
//   approved:        InvoiceCount (and TrialInvoiceCount for a trial) +1; Pending → Active; the
//                    next date, or Completed when IntervalCount is reached or the term ends
//                    without AutoRenew.
//   declined:        recorded as Failure; by the clock → Suspended (NextProcessingDate kept);
//                    through /invoice → no change.
//   processor error: recorded as Failure; by the clock → retried the next day.
#pragma once

#include <nlohmann/json.hpp>

#include "app/services.hpp"

namespace payref::cms {

// Invoices the subscription now and saves it; returns the ProcessingResponse {InvoiceReferenceId,
// TransactionId, Status, StatusCode, StatusMessage}. `by_clock`: a scheduled invoice. Fills
// `entry` with what the clock lists when it is not null.
nlohmann::ordered_json invoice_subscription(const app::Services& services, store::Transaction& tx, store::Document& doc,
                                            bool by_clock, nlohmann::json* entry);

// The test clock's run for its current day (routes.hpp run_due).
std::size_t invoice_due(const app::Services& services, nlohmann::json& ran, std::size_t max_listed);

}  // namespace payref::cms
