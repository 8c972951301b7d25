#include "gateway/ids.hpp"

#include <cstdio>

namespace payref::gateway {

std::string next_id(store::Transaction& tx, IdKind kind) {
  struct Range {
    const char* sequence;
    long long base;
  };
  static constexpr Range kRanges[] = {
      {"client", 170200000}, {"customer", 100000000}, {"profile", 200000000}, {"transaction", 300000000}, {"recurring", 400000000},
      {"purchase", 500000000}, {"membership", 600000000}, {"licence", 700000000}};
  const Range& range = kRanges[static_cast<int>(kind)];
  char id[24];
  std::snprintf(id, sizeof id, "%09lld", range.base + static_cast<long long>(tx.next_sequence(range.sequence)));
  return id;
}

}  // namespace payref::gateway
