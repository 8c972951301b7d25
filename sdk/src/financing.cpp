// Financing formulas (financing.hpp; api-notes "Seed 003 (e) Business rules and formulas").
//
// Rounding rule: every figure is computed EXACTLY, as a ratio of arbitrary-precision integers
// (no floating point anywhere, so x86-64/glibc and wasm/musl cannot differ), and rounded once,
// half-up, to the minor unit (money) or to the basis point (rates): q = floor((2·num + den) /
// (2·den)). All quantities are ≥ 0, so half-up and half-away-from-zero coincide.
//
// With m = rate / 12 = b / 120000 (b the annual rate in basis points), X = (120000 + b)^n and
// Y = 120000^n, so that (1 + m)^n = X / Y exactly:
//   equal billing base payment   = A·m / (1 − (1+m)^−n)   = A·b·X / (120000·(X − Y))   (b > 0)
//                                = A / n                                               (b = 0)
//   interest over the term       = n·base − A              (the exact annuity, rounded once)
//   sum of principal outstanding = Σ_{k=0}^{n−1} B_k = A·(n·b·X − 120000·X + 120000·Y) / (b·(X − Y))
//     before each payment           (A·(n+1)/2 when b = 0), payments applied to cost first
//   cost-of-borrowing APR        = C / (T·P) = 12·m + 12·n·fee / ΣB: in basis points
//                                  b + 120000·n·fee / ΣB (the interest part is exactly the rate)
// X has at most 120 × 17 bits ≈ 2 Kbit, so the integers stay small (≤ ~70 limbs).
#include "payref/financing.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <vector>

namespace payref::financing {

namespace {

constexpr int kMaxTerm = 120;
constexpr std::int64_t kMonthsTimesBasisPoints = 120000;  // 12 months × 10000 bp

// Unsigned arbitrary-precision integer, little-endian base-2^32 limbs. Only what the formulas
// need: +, − (never below zero), ×, comparison, and a quotient known to be small.
class Nat {
 public:
  Nat() = default;
  explicit Nat(std::uint64_t v) {
    for (; v != 0; v >>= 32) limbs_.push_back(static_cast<std::uint32_t>(v));
  }

  bool is_zero() const { return limbs_.empty(); }

  friend Nat operator+(const Nat& a, const Nat& b) {
    const Nat& big = a.limbs_.size() >= b.limbs_.size() ? a : b;
    const Nat& small = &big == &a ? b : a;
    Nat out;
    out.limbs_.reserve(big.limbs_.size() + 1);
    std::uint64_t carry = 0;
    for (std::size_t i = 0; i < big.limbs_.size(); ++i) {
      carry += big.limbs_[i];
      if (i < small.limbs_.size()) carry += small.limbs_[i];
      out.limbs_.push_back(static_cast<std::uint32_t>(carry));
      carry >>= 32;
    }
    if (carry != 0) out.limbs_.push_back(static_cast<std::uint32_t>(carry));
    return out;
  }

  // a − b; requires a ≥ b.
  friend Nat operator-(const Nat& a, const Nat& b) {
    Nat out = a;
    std::int64_t borrow = 0;
    for (std::size_t i = 0; i < out.limbs_.size(); ++i) {
      std::int64_t cur = static_cast<std::int64_t>(out.limbs_[i]) - borrow - (i < b.limbs_.size() ? b.limbs_[i] : 0);
      borrow = cur < 0 ? 1 : 0;
      if (cur < 0) cur += std::int64_t{1} << 32;
      out.limbs_[i] = static_cast<std::uint32_t>(cur);
    }
    out.trim();
    return out;
  }

  friend Nat operator*(const Nat& a, const Nat& b) {
    if (a.is_zero() || b.is_zero()) return Nat();
    Nat out;
    out.limbs_.assign(a.limbs_.size() + b.limbs_.size(), 0);
    for (std::size_t i = 0; i < a.limbs_.size(); ++i) {
      std::uint64_t carry = 0;
      for (std::size_t j = 0; j < b.limbs_.size(); ++j) {
        // ≤ (2^32−1)² + 2·(2^32−1) = 2^64 − 1: no overflow.
        const std::uint64_t cur = static_cast<std::uint64_t>(a.limbs_[i]) * b.limbs_[j] + out.limbs_[i + j] + carry;
        out.limbs_[i + j] = static_cast<std::uint32_t>(cur);
        carry = cur >> 32;
      }
      out.limbs_[i + b.limbs_.size()] = static_cast<std::uint32_t>(carry);
    }
    out.trim();
    return out;
  }

  friend int compare(const Nat& a, const Nat& b) {
    if (a.limbs_.size() != b.limbs_.size()) return a.limbs_.size() < b.limbs_.size() ? -1 : 1;
    for (std::size_t i = a.limbs_.size(); i-- > 0;)
      if (a.limbs_[i] != b.limbs_[i]) return a.limbs_[i] < b.limbs_[i] ? -1 : 1;
    return 0;
  }

  // *this ×= m, in place.
  void multiply_small(std::uint32_t m) {
    std::uint64_t carry = 0;
    for (auto& limb : limbs_) {
      const std::uint64_t cur = static_cast<std::uint64_t>(limb) * m + carry;
      limb = static_cast<std::uint32_t>(cur);
      carry = cur >> 32;
    }
    if (carry != 0) limbs_.push_back(static_cast<std::uint32_t>(carry));
    if (m == 0) limbs_.clear();
  }

  // Limb i of (*this << bits), without building it.
  std::uint32_t shifted_limb(std::size_t i, std::size_t bits) const {
    const std::size_t whole = bits / 32;
    const unsigned s = bits % 32;
    if (i < whole) return 0;
    const std::size_t j = i - whole;
    const std::uint32_t low = j < limbs_.size() ? limbs_[j] : 0;
    if (s == 0) return low;
    const std::uint32_t below = j >= 1 && j - 1 < limbs_.size() ? limbs_[j - 1] : 0;
    return (low << s) | (below >> (32 - s));
  }

  // compare(*this, d << bits) and *this −= d << bits (requires *this ≥ d << bits): the steps of
  // long division, without allocating the shifted divisor.
  int compare_shifted(const Nat& d, std::size_t bits) const {
    const std::size_t n = std::max(limbs_.size(), d.limbs_.size() + bits / 32 + 1);
    for (std::size_t i = n; i-- > 0;) {
      const std::uint32_t a = i < limbs_.size() ? limbs_[i] : 0;
      const std::uint32_t b = d.shifted_limb(i, bits);
      if (a != b) return a < b ? -1 : 1;
    }
    return 0;
  }
  void subtract_shifted(const Nat& d, std::size_t bits) {
    std::int64_t borrow = 0;
    for (std::size_t i = 0; i < limbs_.size(); ++i) {
      std::int64_t cur = static_cast<std::int64_t>(limbs_[i]) - borrow - d.shifted_limb(i, bits);
      borrow = cur < 0 ? 1 : 0;
      if (cur < 0) cur += std::int64_t{1} << 32;
      limbs_[i] = static_cast<std::uint32_t>(cur);
    }
    trim();
  }

  std::size_t bit_length() const {
    if (limbs_.empty()) return 0;
    std::size_t bits = (limbs_.size() - 1) * 32;
    for (std::uint32_t top = limbs_.back(); top != 0; top >>= 1) ++bits;
    return bits;
  }

 private:
  void trim() {
    while (!limbs_.empty() && limbs_.back() == 0) limbs_.pop_back();
  }
  std::vector<std::uint32_t> limbs_;
};

Nat nat(std::int64_t v) { return Nat(static_cast<std::uint64_t>(v)); }

Nat power(std::uint32_t base, int exponent) {
  Nat out(1);
  for (int i = 0; i < exponent; ++i) out.multiply_small(base);
  return out;
}

// floor(num / den) for den > 0, or nullopt when the quotient needs more than 62 bits (far beyond
// any amount or rate the core accepts). Binary long division.
std::optional<std::int64_t> quotient(Nat num, const Nat& den) {
  if (compare(num, den) < 0) return 0;
  const std::size_t shift = num.bit_length() - den.bit_length();
  if (shift > 61) return std::nullopt;
  std::int64_t q = 0;
  for (std::size_t i = shift + 1; i-- > 0;) {
    if (num.compare_shifted(den, i) >= 0) {
      num.subtract_shifted(den, i);
      q |= std::int64_t{1} << i;
    }
  }
  return q;
}

// num / den rounded half-up: floor((2·num + den) / (2·den)).
std::optional<std::int64_t> half_up(const Nat& num, const Nat& den) {
  const Nat two(2);
  return quotient(num * two + den, den * two);
}

Status out_of_range(const char* field) {
  return Status::invalid("money.out_of_range", field, "the result is beyond the largest amount");
}

// The checks every quote and the APR share. `fee` may be absent.
Status check_inputs(const Money& amount, int rate_basis_points, int term, const std::optional<Money>& fee) {
  if (amount.minor_units() <= 0) return Status::invalid("financing.amount_invalid", "amount", "the amount must be above 0");
  if (term < 1 || term > kMaxTerm) return Status::invalid("financing.term_invalid", "term", "the term must be 1 to 120 months");
  if (rate_basis_points < 0 || rate_basis_points > 9999)
    return Status::invalid("financing.rate_invalid", "rate", "the rate must be a fraction from 0 to 0.9999");
  if (fee) {
    if (&fee->currency() != &amount.currency())
      return Status::invalid("financing.currency_mismatch", "fees", "the fee is in another currency than the amount");
    if (fee->minor_units() < 0) return Status::invalid("financing.fee_invalid", "fees", "a fee cannot be negative");
  }
  return Status::ok();
}

std::int64_t fee_minor(const std::optional<Money>& fee) { return fee ? fee->minor_units() : 0; }

// The exact equal-billing base payment (without fees), as num / den minor units.
struct Ratio {
  Nat num;
  Nat den;
};

// (1 + m)^n = X / Y for the rate b: X = (120000 + b)^n, Y = 120000^n.
struct Growth {
  Nat x;
  Nat y;
};
Growth growth(int b, int n) {
  if (b == 0) return {};
  return {power(static_cast<std::uint32_t>(kMonthsTimesBasisPoints + b), n),
          power(static_cast<std::uint32_t>(kMonthsTimesBasisPoints), n)};
}

Ratio base_payment(std::int64_t amount, int b, int n, const Growth& g) {
  if (b == 0) return {nat(amount), nat(n)};
  return {nat(amount) * nat(b) * g.x, nat(kMonthsTimesBasisPoints) * (g.x - g.y)};
}

// The fee part of the APR in basis points, 120000·n·fee / ΣB, rounded half-up; ΣB as above.
std::optional<std::int64_t> equal_billing_fee_apr(std::int64_t amount, int b, int n, std::int64_t fee, const Growth& g) {
  if (fee == 0) return 0;
  const Nat k = nat(kMonthsTimesBasisPoints) * nat(n) * nat(fee);
  if (b == 0) return half_up(k * Nat(2), nat(amount) * nat(n + 1));
  const Nat& x = g.x;
  const Nat& y = g.y;
  const Nat d = nat(kMonthsTimesBasisPoints);
  // n·b·X + D·Y − D·X > 0 for b > 0 (Bernoulli: (1+m)^n·(1 − n·m) < 1).
  const Nat sum_factor = nat(n) * nat(b) * x + d * y - d * x;
  return half_up(k * nat(b) * (x - y), nat(amount) * sum_factor);
}

Result<int> apr_result(int b, const std::optional<std::int64_t>& fee_part) {
  if (!fee_part || *fee_part > 2000000000 - b)
    return Status::invalid("financing.apr_out_of_range", "fees", "the fees are too large against the amount for an APR");
  return static_cast<int>(b + *fee_part);
}

Result<Money> money(std::int64_t minor, const Money& like, const char* field) {
  if (minor > kMaxMinorUnits) return out_of_range(field);
  return Money::from_minor(minor, like.currency().alpha);
}

// Fills the money fields of a quote from minor units (all checked against the bound).
Result<TermQuote> finish(const Money& amount, int term, int b, std::int64_t term_amount, std::int64_t interest,
                         std::int64_t fees, int apr) {
  TermQuote q{term, amount, b, amount, amount, amount, amount, apr};
  const std::int64_t cost = interest + fees;
  const std::int64_t parts[] = {term_amount, interest, fees, cost, amount.minor_units() + cost};
  Money* targets[] = {&q.term_amount, &q.total_interest, &q.total_fees, &q.total_cost_of_borrowing, &q.total_to_pay};
  for (int i = 0; i < 5; ++i) {
    if (parts[i] < 0 || parts[i] > kMaxMinorUnits) return out_of_range("amount");
    *targets[i] = *Money::from_minor(parts[i], amount.currency().alpha);
  }
  return q;
}

// n × fee, or nullopt beyond the amount bound (fee < 2^53, n ≤ 120: no int64 overflow).
std::optional<std::int64_t> fees_over(std::int64_t fee, int n) {
  const std::int64_t total = fee * n;
  if (total > kMaxMinorUnits) return std::nullopt;
  return total;
}

}  // namespace

Result<int> parse_rate(std::string_view text) {
  const auto fail = [] {
    return Status::invalid("financing.rate_invalid", "rate", "a fraction from 0 to 0.9999 with at most 4 decimals, e.g. 0.0999");
  };
  if (text.empty() || text[0] != '0') return fail();
  if (text.size() == 1) return 0;
  if (text[1] != '.' || text.size() < 3 || text.size() > 6) return fail();
  int bp = 0;
  for (std::size_t i = 2; i < 6; ++i) {
    int digit = 0;
    if (i < text.size()) {
      if (text[i] < '0' || text[i] > '9') return fail();
      digit = text[i] - '0';
    }
    bp = bp * 10 + digit;
  }
  return bp;
}

std::string format_rate(int basis_points) {
  const bool negative = basis_points < 0;
  long long v = negative ? -static_cast<long long>(basis_points) : basis_points;
  std::string fraction(4, '0');
  for (int i = 3; i >= 0; --i, v /= 10) fraction[i] = static_cast<char>('0' + v % 10);
  std::string out = negative ? "-" : "";
  out += std::to_string(v);
  out += '.';
  out += fraction;
  return out;
}

std::string_view to_string(OfferCategory category) {
  return category == OfferCategory::equal_billing ? "equal_billing" : "deferred_payment";
}

bool offers_term(const Plan& plan, int term) {
  for (int t : plan.terms)
    if (t == term) return true;
  return false;
}

Result<TermQuote> quote_equal_billing(const Money& amount, const Plan& plan, int term) {
  const int b = plan.rate_basis_points;
  if (Status s = check_inputs(amount, b, term, plan.monthly_admin_fee); !s) return s;
  const std::int64_t a = amount.minor_units();
  const std::int64_t fee = fee_minor(plan.monthly_admin_fee);
  const Growth g = growth(b, term);
  const Ratio base = base_payment(a, b, term, g);
  // Payment: half_up(base + fee) = fee + half_up(base), the fee being whole minor units.
  const auto payment = half_up(base.num, base.den);
  // Interest: n·base − A exactly, then rounded once. n·base ≥ A because the rate is ≥ 0.
  const auto interest = half_up(base.num * nat(term) - nat(a) * base.den, base.den);
  const auto fees = fees_over(fee, term);
  if (!payment || !interest || !fees || *payment > kMaxMinorUnits - fee) return out_of_range("amount");
  const auto apr = apr_result(b, equal_billing_fee_apr(a, b, term, fee, g));
  if (!apr) return apr.status();
  return finish(amount, term, b, *payment + fee, *interest, *fees, *apr);
}

Result<TermQuote> quote_deferred(const Money& amount, const Plan& plan, int term) {
  const int b = plan.rate_basis_points;
  if (Status s = check_inputs(amount, b, term, plan.monthly_admin_fee); !s) return s;
  const std::int64_t a = amount.minor_units();
  const std::int64_t fee = fee_minor(plan.monthly_admin_fee);
  const auto interest = half_up(nat(a) * nat(b) * nat(term), nat(kMonthsTimesBasisPoints));
  const auto fees = fees_over(fee, term);
  if (!interest || !fees || *interest > kMaxMinorUnits - a - *fees) return out_of_range("amount");
  const auto apr = cost_of_borrowing_apr_deferred(amount, b, term, plan.monthly_admin_fee);
  if (!apr) return apr.status();
  return finish(amount, term, b, a + *interest + *fees, *interest, *fees, *apr);
}

Result<TermQuote> quote(const Money& amount, const Plan& plan, int term) {
  return plan.category == OfferCategory::deferred_payment ? quote_deferred(amount, plan, term)
                                                          : quote_equal_billing(amount, plan, term);
}

Result<int> cost_of_borrowing_apr(const Money& amount, int rate_basis_points, int term,
                                  const std::optional<Money>& monthly_admin_fee) {
  if (Status s = check_inputs(amount, rate_basis_points, term, monthly_admin_fee); !s) return s;
  const std::int64_t fee = fee_minor(monthly_admin_fee);
  return apr_result(rate_basis_points,
                    equal_billing_fee_apr(amount.minor_units(), rate_basis_points, term, fee,
                                          fee == 0 ? Growth{} : growth(rate_basis_points, term)));
}

Result<int> cost_of_borrowing_apr_deferred(const Money& amount, int rate_basis_points, int term,
                                           const std::optional<Money>& monthly_admin_fee) {
  if (Status s = check_inputs(amount, rate_basis_points, term, monthly_admin_fee); !s) return s;
  // C = A·m·n + n·fee, T = n/12, P = A: the fee part is 120000·fee / A basis points.
  const std::int64_t fee = fee_minor(monthly_admin_fee);
  return apr_result(rate_basis_points,
                    fee == 0 ? std::optional<std::int64_t>(0)
                             : half_up(nat(kMonthsTimesBasisPoints) * nat(fee), nat(amount.minor_units())));
}

Result<Money> amount_with_interest(const Money& amount, const Plan& plan, int term) {
  const auto q = quote(amount, plan, term);
  if (!q) return q.status();
  return money(amount.minor_units() + q->total_interest.minor_units(), amount, "amount");
}

Result<Plan> plan_from_text(std::string_view category, std::string_view rate, std::string_view monthly_admin_fee,
                            std::string_view currency) {
  Plan plan;
  if (category == "deferred_payment") plan.category = OfferCategory::deferred_payment;
  else if (!category.empty() && category != "equal_billing")
    return Status::invalid("financing.category_invalid", "category", "equal_billing or deferred_payment");
  if (!rate.empty()) {
    const auto bp = parse_rate(rate);
    if (!bp) return bp.status();
    plan.rate_basis_points = *bp;
  }
  if (find_currency(currency) == nullptr)
    return Status::invalid("money.unknown_currency", "currency", "unknown currency code '" + std::string(currency) + "'");
  if (!monthly_admin_fee.empty()) {
    const auto fee = parse_money(monthly_admin_fee, currency);
    if (!fee) return Status::invalid("financing.fee_invalid", "fees", "the admin fee must be an amount such as 3.00");
    plan.monthly_admin_fee = *fee;
  }
  return plan;
}

std::optional<std::string_view> customer_category(std::string_view risk_rating) {
  if (risk_rating == "L" || risk_rating == "M") return std::string_view("preferred");
  if (risk_rating == "H" || risk_rating == "XH") return std::string_view("premium");
  if (risk_rating == "XXH" || risk_rating == "XXXH") return std::string_view("standard");
  return std::nullopt;
}

}  // namespace payref::financing
