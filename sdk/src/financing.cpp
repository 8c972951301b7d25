// Placeholder until the implementation lands (issue 5): every quote is refused.
#include "payref/financing.hpp"

namespace payref::financing {

namespace {
Status not_yet() { return Status(StatusCode::internal, "financing.not_implemented", "", "not implemented yet"); }
}  // namespace

Result<int> parse_rate(std::string_view) { return not_yet(); }
std::string format_rate(int) { return "0.0000"; }
std::string_view to_string(OfferCategory category) {
  return category == OfferCategory::equal_billing ? "equal_billing" : "deferred_payment";
}
Result<TermQuote> quote_equal_billing(const Money&, const Plan&, int) { return not_yet(); }
Result<TermQuote> quote_deferred(const Money&, const Plan&, int) { return not_yet(); }
Result<TermQuote> quote(const Money&, const Plan&, int) { return not_yet(); }
Result<int> cost_of_borrowing_apr(const Money&, int, int, const std::optional<Money>&) { return not_yet(); }
Result<Money> amount_with_interest(const Money&, const Plan&, int) { return not_yet(); }
std::optional<std::string_view> customer_category(std::string_view) { return std::nullopt; }

}  // namespace payref::financing
