// Security code and cardholder name (card-validator's cvv() and cardholderName(), with reasons).
#include "payref/card.hpp"

namespace payref {

Validation validate_cvv(std::string_view text, const CardBrand* brand) {
  // With no brand yet, expect the common three digits; the page re-validates once the number
  // identifies an American Express card.
  const std::size_t size = brand != nullptr ? brand->code.size : 3;
  if (text.empty()) return Validation::incomplete("cvv.empty");
  for (char c : text)
    if (c < '0' || c > '9') return Validation::invalid("cvv.non_digit");
  if (text.size() < size) return Validation::incomplete("cvv.too_short");
  if (text.size() > size) return Validation::invalid("cvv.too_long");
  return Validation::valid();
}

Validation validate_cardholder_name(std::string_view text) {
  constexpr std::size_t kMaxCharacters = 255;
  if (text.empty()) return Validation::incomplete("name.empty");
  std::size_t characters = 0;  // UTF-8 code points, not bytes: "Zoë" is three characters
  bool only_card_characters = true;
  for (unsigned char c : text) {
    if ((c & 0xC0) != 0x80) ++characters;
    const bool card_char = (c >= '0' && c <= '9') || c == '-' || c == ' ' || c == '\t' || c == '\n' || c == '\r';
    only_card_characters = only_card_characters && card_char;
  }
  if (characters > kMaxCharacters) return Validation::invalid("name.too_long");
  // A run of digits in the name field is usually a card number typed in the wrong box.
  if (only_card_characters) return Validation::incomplete("name.looks_like_card_number");
  return Validation::valid();
}

}  // namespace payref
