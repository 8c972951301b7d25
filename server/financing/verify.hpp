// In-store customer verification (POST account/{account_number}/verify): a one-time PIN sent by
// SMS or e-mail (the sandbox outbox shows it), or returned directly after a correct security
// answer, a regular-purchase bypass or a merchant override. Verifications are stored in
// "fin_verification" (owner = client_id, key1 = account number) and used once, within 30 minutes.
#pragma once

#include <optional>
#include <string>

#include "financing/call.hpp"
#include "financing/wire.hpp"

namespace payref::financing {

inline constexpr std::int64_t kVerificationLifetimeSeconds = 30 * 60;

Reply verify_customer(Call& call);

enum class VerificationUse { regular_purchase, promotional_purchase, payment };

// Marks the matching unused, unexpired verification of this client for the account as used.
// False when none matches (the caller picks the error: not_verified, wrong_verification_code).
// A regular_purchase_bypass verification covers only a regular purchase of at most $200.
bool consume_verification(Call& call, const std::string& account_number, const std::string& code,
                          const std::optional<std::string>& request_id, VerificationUse use, std::int64_t amount_cents);

}  // namespace payref::financing
