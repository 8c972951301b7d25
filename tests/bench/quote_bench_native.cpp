// Native side of tests/bench/quote_bench.mjs: the same quotes as the npm package's
// financing.quote(), through the same steps as wasm/bind_financing.cpp's quote_object (parse the
// amount, the plan from text, quote, every figure to decimal text), minus the JS object.
// Reads "amount currency category rate fee term" lines on stdin ("-" for an empty field);
// prints the median quotes per second of `rounds` rounds and a checksum of the term amounts.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "payref/financing.hpp"
#include "payref/money.hpp"

using namespace payref;
using namespace payref::financing;

struct Input { std::string amount, currency, category, rate, fee; int term; };

static std::string field(const std::string& s) { return s == "-" ? std::string() : s; }

int main(int argc, char** argv) {
  const int rounds = argc > 1 ? std::atoi(argv[1]) : 7;
  std::vector<Input> inputs;
  std::string line;
  while (std::getline(std::cin, line)) {
    std::istringstream in(line);
    Input x;
    std::string category, rate, fee;
    in >> x.amount >> x.currency >> category >> rate >> fee >> x.term;
    x.category = field(category); x.rate = field(rate); x.fee = field(fee);
    inputs.push_back(std::move(x));
  }
  std::int64_t checksum = 0;
  std::size_t sink = 0;
  auto once = [&](bool count) {
    for (const auto& x : inputs) {
      const auto amount = parse_money(x.amount, x.currency);
      if (!amount) continue;
      const auto plan = plan_from_text(x.category, x.rate, x.fee, x.currency);
      if (!plan) continue;
      const auto q = quote(*amount, *plan, x.term);
      if (!q) continue;
      // What the binding turns into text for the JS object.
      sink += q->term_amount.to_decimal_string().size() + format_rate(q->apr_basis_points).size() +
              q->total_interest.to_decimal_string().size() + q->total_fees.to_decimal_string().size() +
              q->total_cost_of_borrowing.to_decimal_string().size() + q->total_to_pay.to_decimal_string().size() +
              format_rate(q->cost_of_borrowing_apr_basis_points).size();
      if (count) checksum += q->term_amount.minor_units();
    }
  };
  once(true);  // warm-up, and the checksum
  std::vector<double> rates;
  for (int r = 0; r < rounds; ++r) {
    const auto t0 = std::chrono::steady_clock::now();
    once(false);
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    rates.push_back(static_cast<double>(inputs.size()) / s);
  }
  std::sort(rates.begin(), rates.end());
  std::printf("{\"median\":%.0f,\"min\":%.0f,\"max\":%.0f,\"checksum\":%lld,\"sink\":%zu}\n", rates[rates.size() / 2],
              rates.front(), rates.back(), static_cast<long long>(checksum), sink);
}
