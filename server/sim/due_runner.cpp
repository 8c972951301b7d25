#include "sim/due_runner.hpp"

namespace payref::sim {

std::size_t run_due_batches(store::Store& store, const Clock& clock, const std::string& collection, std::size_t batch,
                            nlohmann::json& ran, std::size_t max_listed, const DueAction& action) {
  const std::string today = to_iso_string(clock.today());
  std::size_t count = 0;
  for (bool more = true; more;) {
    store.write([&](store::Transaction& tx) {
      auto due = tx.find_due(collection, today, batch);
      more = due.size() == batch;
      for (auto& doc : due) {
        auto entry = action(tx, doc);
        if (!entry) continue;
        if (ran.size() < max_listed) ran.push_back(std::move(*entry));
        ++count;
      }
    });
  }
  return count;
}

}  // namespace payref::sim
