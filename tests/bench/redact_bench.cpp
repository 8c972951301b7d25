// What masking costs per recorded exchange (docs/performance.md "Masking"): redact() over a
// gateway transactions list of 20 (the server bench's read, ~6.5 KB), over a small JSON request
// with a card and a key, and over a financing form body. The request log masks every request and
// response of the families as it records them, so this is paid on every call. Prints the median
// microseconds of 7 rounds for each; not a test.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "http/redact.hpp"

namespace {

std::string transactions_list() {
  std::string body = R"({"Message":{"Code":"00","Description":"OK"},"Response":{"Email":"bench@example.com","MorePages":true,)"
                     R"("PageNumber":1,"PageSize":20,"TimeZone":"UTC","Transactions":[)";
  for (int i = 0; i < 20; ++i) {
    if (i) body += ',';
    body += R"({"Amount":20.5,"AuthCode":"IEYZL4","CardType":"Visa","CurrencyCode":"USD","MaskedCardNumber":"411111******1111",)"
            R"("PaymentMethod":"Card","ResponseCode":"00","Status":"Charged","TransactionDateTime":"2026-12-07 17:28:52",)"
            R"("TransactionId":")" + std::to_string(300008371 + i) + R"(","TransactionReference":"bench-1796664532-0-)" +
            std::to_string(8372 + i) + R"(","TransactionType":"2"})";
  }
  return body + "]}}";
}

double median_us(const std::string& text, int calls) {
  std::vector<double> rounds;
  std::size_t sink = 0;
  for (int r = 0; r < 7; ++r) {
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < calls; ++i) sink += payref::http::redact(text).size();
    rounds.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count() / calls);
  }
  std::sort(rounds.begin(), rounds.end());
  if (sink == 42) std::puts("");  // keeps the calls
  return rounds[3];
}

}  // namespace

int main() {
  const std::string cases[][2] = {
      {"transactions list (response)", transactions_list()},
      {"card charge (request)",
       R"({"Authentication":{"Id":"170200001","Key":"5b0e8c1f2a3d4e5f60718293a4b5c6d7"},"Request":{"Amount":"20.50",)"
       R"("Card":{"CardNumber":"4111111111111111","CVV":"123","ExpirationDate":"12/30","NameOnCard":"Sam Doe"},)"
       R"("Email":"sam@example.com","TransactionReference":"order-1001"}})"},
      {"OAuth token (form request)", "client_id=payref-demo-pos&client_secret=9f8e7d6c5b4a39281706f5e4d3c2b1a0&grant_type=password"},
  };
  for (const auto& [what, text] : cases) {
    const double us = median_us(text, 20000);
    std::printf("%-30s %6zu B  %8.2f us  (%.2f ns/B)\n", what.c_str(), text.size(), us, us * 1000.0 / static_cast<double>(text.size()));
  }
}
