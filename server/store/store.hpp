// The storage interface every service uses. Nothing outside store/ issues SQL (DESIGN.md "Scale").
//
// The model is deliberately narrow: owned JSON documents in named collections, each with up to
// two secondary lookup keys, plus two sandbox tables (idempotency, outbox). A
// PostgreSQL backend would implement the same two classes with a JSONB table.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace payref::store {

struct Document {
  std::string collection;  // "customer", "profile", "transaction", ...
  std::string id;          // unique within the collection
  std::string owner;       // the client (merchant) that owns it; "" for server-wide records
  std::string key1;        // secondary lookup keys, collection-specific ("" when unused)
  std::string key2;
  nlohmann::json body;
  // Optional pre-rendered public view (JSON text) that list reads return without parsing `body`;
  // the writer keeps it in step with the body.
  std::string summary;
};

struct OutboxMessage {
  std::int64_t seq = 0;
  std::string to, subject, body, code, created;  // created: "YYYY-MM-DD HH:MM:SS" UTC
};

struct IdempotentResponse {
  std::string request_hash;
  int status = 0;
  std::string body;
};

enum class Key { key1, key2 };

// One transaction's view of the store. Obtained only through Store::read / Store::write.
class Transaction {
 public:
  virtual ~Transaction() = default;

  virtual std::optional<Document> get(const std::string& collection, const std::string& owner, const std::string& id) = 0;
  // The document's ids and keys only: `body` is left null and nothing is parsed (hot paths that
  // need just a key, such as authentication).
  virtual std::optional<Document> get_keys(const std::string& collection, const std::string& owner, const std::string& id) = 0;
  // The summaries of what find() would return, as stored (no parsing).
  virtual std::vector<std::string> find_summaries(const std::string& collection, const std::string& owner, Key key,
                                                  const std::string& value, std::size_t limit, std::size_t offset,
                                                  bool newest_first) = 0;
  // Documents of `owner` in `collection` whose key equals `value`, in insertion order (oldest
  // first unless newest_first), skipping `offset` and returning at most `limit` (0: all).
  virtual std::vector<Document> find(const std::string& collection, const std::string& owner, Key key,
                                     const std::string& value, std::size_t limit = 0, std::size_t offset = 0,
                                     bool newest_first = false) = 0;
  // Every owner's documents in `collection` whose key2 is set and at most `up_to` (key2 as a
  // sortable due date, "YYYY-MM-DD"), earliest first: what a scheduler must run.
  virtual std::vector<Document> find_due(const std::string& collection, const std::string& up_to, std::size_t limit) = 0;
  // Insert or replace (same collection + id). Only inside Store::write.
  virtual void put(const Document& doc) = 0;
  virtual void remove(const std::string& collection, const std::string& id) = 0;

  // The next value of a named sequence, starting at 1. Only inside Store::write.
  virtual std::int64_t next_sequence(const std::string& name) = 0;

  virtual std::optional<IdempotentResponse> idempotent_response(const std::string& owner, const std::string& key) = 0;
  virtual void save_idempotent_response(const std::string& owner, const std::string& key,
                                        const IdempotentResponse& response) = 0;

  // Stored as given: callers pass store::seal_mail(vault, message), readers store::open_mail
  // (store/crypto.hpp), so that no code or key sent by mail is in the database in clear.
  virtual void append_outbox(const OutboxMessage& message) = 0;
  virtual std::vector<OutboxMessage> outbox(std::size_t limit) = 0;  // newest first

  // Everything (the sandbox's reset).
  virtual void clear_all() = 0;
};

class Store {
 public:
  virtual ~Store() = default;
  // Runs fn in one read transaction (a consistent snapshot).
  virtual void read(const std::function<void(Transaction&)>& fn) = 0;
  // Runs fn in one write transaction: writers are serialised, fn's writes commit together when it
  // returns and are rolled back if it throws (the exception is rethrown).
  virtual void write(const std::function<void(Transaction&)>& fn) = 0;
};

}  // namespace payref::store
