#include "payref/pricing.hpp"

#include <algorithm>

#include "payref/schedule.hpp"

namespace payref {

namespace {

// 128-bit intermediates: amounts are below 2^53, so amount × count or × days cannot overflow.
__extension__ typedef __int128 Wide;

Money same_currency(std::int64_t minor, const Money& like) { return *Money::from_minor(minor, like.currency().alpha); }

}  // namespace

Money unit_price(const PriceTag& tag, bool is_member) { return is_member && tag.member ? *tag.member : tag.list; }

Result<Money> multiply(const Money& unit, std::int64_t quantity) {
  if (quantity < 1) return Status::invalid("pricing.quantity_invalid", "Quantity", "a whole number of at least 1");
  const Wide total = static_cast<Wide>(unit.minor_units()) * quantity;
  if (total > kMaxMinorUnits || total < -kMaxMinorUnits)
    return Status::invalid("money.out_of_range", "Quantity", "the total is beyond the largest amount");
  return same_currency(static_cast<std::int64_t>(total), unit);
}

Money prorate(const Money& amount, std::int64_t numerator, std::int64_t denominator) {
  if (denominator <= 0 || numerator >= denominator) return amount;
  if (numerator <= 0) return same_currency(0, amount);
  // Half-up on the magnitude, so −x rounds like x.
  const Wide product = static_cast<Wide>(amount.minor_units() < 0 ? -amount.minor_units() : amount.minor_units()) * numerator;
  const auto rounded = static_cast<std::int64_t>((product * 2 + denominator) / (2 * static_cast<Wide>(denominator)));
  return same_currency(amount.minor_units() < 0 ? -rounded : rounded, amount);
}

Money percent_off(const Money& amount, int basis_points) {
  const Money reduction = prorate(amount, basis_points, 10000);
  return same_currency(amount.minor_units() - reduction.minor_units(), amount);
}

std::int64_t term_days(const Term& term) { return std::max(0, days_between(term.start, term.end)); }

std::int64_t remaining_days(const Term& term, CalendarDate today) {
  const std::int64_t total = term_days(term);
  const std::int64_t left = days_between(today, term.end);
  return std::clamp<std::int64_t>(left, 0, total);
}

Money prorate_term(const Money& amount, const std::optional<Term>& term, CalendarDate today) {
  if (!term) return amount;
  return prorate(amount, remaining_days(*term, today), term_days(*term));
}

namespace {

Result<Money> bundle_difference(const Money& higher, const Money& lower, int seats, const std::optional<Term>& term,
                                CalendarDate today) {
  if (&higher.currency() != &lower.currency())
    return Status::invalid("pricing.currency_mismatch", "CurrencyCode", "the two bundles are priced in different currencies");
  const auto difference = subtract(higher, lower);
  if (!difference) return difference.status();
  const auto per_term = multiply(*difference, seats);
  if (!per_term) return per_term.status();
  return prorate_term(*per_term, term, today);
}

}  // namespace

Result<Money> upgrade_charge(const Money& from_unit, const Money& to_unit, int seats, const std::optional<Term>& term,
                             CalendarDate today) {
  if (&from_unit.currency() == &to_unit.currency() && to_unit.minor_units() <= from_unit.minor_units())
    return Status::invalid("pricing.not_an_upgrade", "ToBundle", "the new bundle must cost more than the current one");
  return bundle_difference(to_unit, from_unit, seats, term, today);
}

Result<Money> downgrade_credit(const Money& from_unit, const Money& to_unit, int seats, const std::optional<Term>& term,
                               CalendarDate today) {
  if (&from_unit.currency() == &to_unit.currency() && to_unit.minor_units() >= from_unit.minor_units())
    return Status::invalid("pricing.not_a_downgrade", "ToBundle", "the new bundle must cost less than the current one");
  return bundle_difference(from_unit, to_unit, seats, term, today);
}

Result<Money> true_up_price(const Money& unit, int seats_licensed, int seats_in_use, const std::optional<Term>& term,
                            CalendarDate today) {
  if (seats_in_use <= seats_licensed)
    return Status::invalid("pricing.no_additional_seats", "Seats", "more seats than the licensed ones are needed for a true-up");
  const auto full = multiply(unit, static_cast<std::int64_t>(seats_in_use) - seats_licensed);
  if (!full) return full.status();
  return prorate_term(*full, term, today);
}

const VolumeTier* volume_tier_for(std::span<const VolumeTier> tiers, int seats) {
  const VolumeTier* best = nullptr;
  for (const auto& tier : tiers)
    if (tier.min_seats <= seats && (!best || tier.min_seats > best->min_seats)) best = &tier;
  return best;
}

Money isv_unit_price(const Money& list, int seats, std::span<const VolumeTier> tiers) {
  const VolumeTier* tier = volume_tier_for(tiers, seats);
  return tier ? percent_off(list, tier->percent_off_basis_points) : list;
}

}  // namespace payref
