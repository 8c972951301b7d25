// The simulated processor: decides what a real acquirer would answer, from documented test card
// numbers, test bank accounts and amount triggers (docs/test-cards.md is the user's copy of these
// tables; keep them in step).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace payref::sim {

enum class Outcome {
  approved,
  declined,            // generic "do not honour"
  insufficient_funds,
  expired_card,
  cvv_mismatch,
  lost_or_stolen,
  processor_error,     // the acquirer could not be reached: retry later
};

std::string_view to_string(Outcome outcome);  // "approved", "insufficient_funds", ...

struct Decision {
  Outcome outcome = Outcome::approved;
  std::string auth_code;  // six upper-case letters/digits when approved, empty otherwise
};

// amount_minor: the amount in minor units (the trigger amounts are 4000.xx in any 2-decimal
// currency; see docs/test-cards.md).
Decision decide_card(std::string_view card_number, std::int64_t amount_minor);
// Card-only outcomes (expired card, CVV mismatch, lost or stolen) become a generic decline.
Decision decide_bank(std::string_view account_number, std::int64_t amount_minor);

}  // namespace payref::sim
