#include "sim/processor.hpp"

#include <array>
#include <utility>

#include "store/crypto.hpp"

namespace payref::sim {

namespace {

// Card numbers with a fixed answer (the same numbers Stripe's test mode uses, so developers
// recognise them). Every other valid number is approved unless an amount trigger applies.
constexpr std::array<std::pair<std::string_view, Outcome>, 8> kTestCards = {{
    {"4000000000000002", Outcome::declined},
    {"4000000000009995", Outcome::insufficient_funds},
    {"4000000000000069", Outcome::expired_card},
    {"4000000000000127", Outcome::cvv_mismatch},
    {"4000000000009987", Outcome::lost_or_stolen},
    {"4000000000009979", Outcome::lost_or_stolen},
    {"4000000000000119", Outcome::processor_error},
    {"5100000000000016", Outcome::declined},
}};

// Bank account numbers with a fixed answer.
constexpr std::array<std::pair<std::string_view, Outcome>, 3> kTestAccounts = {{
    {"000000000002", Outcome::declined},
    {"000000009995", Outcome::insufficient_funds},
    {"000000000119", Outcome::processor_error},
}};

// Amounts 4000.00–4000.99: the cents choose the answer, whatever the card or account.
Outcome amount_trigger(std::int64_t amount_minor) {
  if (amount_minor < 400000 || amount_minor > 400099) return Outcome::approved;
  switch (amount_minor - 400000) {
    case 2: return Outcome::declined;
    case 51: return Outcome::insufficient_funds;
    case 54: return Outcome::expired_card;
    case 82: return Outcome::cvv_mismatch;
    case 43: return Outcome::lost_or_stolen;
    case 96: return Outcome::processor_error;
    default: return Outcome::approved;
  }
}

template <std::size_t N>
Outcome lookup(const std::array<std::pair<std::string_view, Outcome>, N>& table, std::string_view key) {
  for (const auto& [number, outcome] : table)
    if (number == key) return outcome;
  return Outcome::approved;
}

Decision finish(Outcome outcome) {
  Decision d{outcome, {}};
  if (outcome == Outcome::approved) d.auth_code = store::random_alnum(6);
  return d;
}

}  // namespace

std::string_view to_string(Outcome outcome) {
  switch (outcome) {
    case Outcome::approved: return "approved";
    case Outcome::declined: return "declined";
    case Outcome::insufficient_funds: return "insufficient_funds";
    case Outcome::expired_card: return "expired_card";
    case Outcome::cvv_mismatch: return "cvv_mismatch";
    case Outcome::lost_or_stolen: return "lost_or_stolen";
    case Outcome::processor_error: return "processor_error";
  }
  return "unknown";
}

Decision decide_card(std::string_view card_number, std::int64_t amount_minor) {
  const Outcome by_card = lookup(kTestCards, card_number);
  return finish(by_card != Outcome::approved ? by_card : amount_trigger(amount_minor));
}

Decision decide_bank(std::string_view account_number, std::int64_t amount_minor) {
  const Outcome by_account = lookup(kTestAccounts, account_number);
  Outcome outcome = by_account != Outcome::approved ? by_account : amount_trigger(amount_minor);
  // A bank account has no expiry, security code or lost-card report: those triggers decline.
  if (outcome == Outcome::expired_card || outcome == Outcome::cvv_mismatch || outcome == Outcome::lost_or_stolen)
    outcome = Outcome::declined;
  return finish(outcome);
}

}  // namespace payref::sim
