// Catalogue pricing (seed 000 PricingPackages, Memberships, ISV; api-notes "Business rules"):
// member vs non-member prices, quantities, prorating over a licence term, bundle upgrades and
// downgrades, true-ups and ISV volume prices. Everything is integer minor units, rounded half-up
// to the currency's minor unit once, at the end of each formula (docs/gateway.md "Pricing").
#pragma once

#include <cstdint>
#include <optional>
#include <span>

#include "payref/calendar.hpp"
#include "payref/money.hpp"
#include "payref/status.hpp"

namespace payref {

// A catalogue item's prices: the list price, and the price for members of an association when
// the item has one.
struct PriceTag {
  Money list;
  std::optional<Money> member;
};

// The member price when the buyer is a member and the item has one, else the list price.
Money unit_price(const PriceTag& tag, bool is_member);

// unit × quantity; pricing.quantity_invalid (quantity < 1), money.out_of_range.
Result<Money> multiply(const Money& unit, std::int64_t quantity);

// amount × numerator / denominator, half-up to the minor unit. A numerator of 0 or less gives
// zero; a numerator at or above the denominator (or a denominator of 0 or less) the whole amount.
Money prorate(const Money& amount, std::int64_t numerator, std::int64_t denominator);

// amount less a percentage in basis points (1250 = 12.5 %), the reduction rounded half-up.
Money percent_off(const Money& amount, int basis_points);

// A licence term: from `start` (inclusive) to `end` (exclusive). A perpetual licence has no term.
struct Term {
  CalendarDate start;
  CalendarDate end;
};

// The whole days of the term left on `today`: all of them before it starts, none after it ends.
std::int64_t remaining_days(const Term& term, CalendarDate today);
std::int64_t term_days(const Term& term);

// The part of a per-term amount still to run: amount × remaining / term days, half-up. A
// perpetual licence (no term), or a term that ends on or before its start, pays the whole amount.
Money prorate_term(const Money& amount, const std::optional<Term>& term, CalendarDate today);

// Moving `seats` seats from a bundle at `from_unit` to one at `to_unit` for the rest of the term:
// the prorated price difference. Upgrade: the new bundle must cost more (pricing.not_an_upgrade),
// and the buyer pays the difference. Downgrade: it must cost less (pricing.not_a_downgrade), and
// the buyer is credited the difference. pricing.currency_mismatch when the prices differ in currency.
Result<Money> upgrade_charge(const Money& from_unit, const Money& to_unit, int seats, const std::optional<Term>& term,
                             CalendarDate today);
Result<Money> downgrade_credit(const Money& from_unit, const Money& to_unit, int seats, const std::optional<Term>& term,
                               CalendarDate today);

// Truing up: the seats in use beyond those licensed, at the unit price, for the rest of the term.
// pricing.no_additional_seats when `seats_in_use` does not exceed `seats_licensed`.
Result<Money> true_up_price(const Money& unit, int seats_licensed, int seats_in_use, const std::optional<Term>& term,
                            CalendarDate today);

// ISV (reseller) volume pricing: the tier with the largest min_seats not above `seats` takes its
// percentage off the list unit price. Tiers need not be sorted; no matching tier: the list price.
struct VolumeTier {
  int min_seats = 1;
  int percent_off_basis_points = 0;
};
const VolumeTier* volume_tier_for(std::span<const VolumeTier> tiers, int seats);
Money isv_unit_price(const Money& list, int seats, std::span<const VolumeTier> tiers);

}  // namespace payref
