// Masks card data before anything is logged or echoed: runs of 13–19 digits (spaces and dashes
// allowed between them) keep at most their first six and last four digits, and the values of
// JSON fields named like a security code or a credential ("CVV", "Key", "token") are replaced.
#pragma once

#include <string>
#include <string_view>

namespace payref::http {

std::string redact(std::string_view text);
// Whether a field of this name holds a secret (a security code, a key, a token): its value is
// masked whole, wherever it appears (JSON bodies, query parameters).
bool names_a_secret(std::string_view field_name);
// "411111******1111" for a card number (first six, last four).
std::string mask_card_number(std::string_view digits);
// "*****6789" for a bank account number (last four only: it has no public prefix).
std::string mask_account_number(std::string_view digits);

}  // namespace payref::http
