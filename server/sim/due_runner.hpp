// The test clock's schedulers (recurring payments, membership renewals, CMS subscription
// invoices) share one loop: every document of a collection due on or before the clock's day
// (store::find_due), earliest first, in write transactions of at most `batch` documents, until a
// batch comes back short. What to do with one document is the caller's.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "sim/clock.hpp"
#include "store/store.hpp"

namespace payref::sim {

// Acts on one due document inside the batch's transaction and saves it (so that it is no longer
// due, or due later). Returns the clock's entry for what ran, or nothing when the document was
// only tidied (a stale due date): then it is neither listed nor counted.
using DueAction = std::function<std::optional<nlohmann::json>(store::Transaction& tx, store::Document& doc)>;

// Runs `action` on everything in `collection` due on `clock`'s current day or before. Appends
// each entry to `ran` while it holds fewer than `max_listed`; returns how many ran.
std::size_t run_due_batches(store::Store& store, const Clock& clock, const std::string& collection, std::size_t batch,
                            nlohmann::json& ran, std::size_t max_listed, const DueAction& action);

}  // namespace payref::sim
