#include "store/schema.hpp"

#include <array>

namespace payref::store {

namespace {
constexpr std::array<std::string_view, 1> kMigrations = {
    // 1: documents, sequences, idempotency, outbox.
    R"sql(
CREATE TABLE documents (
  collection TEXT NOT NULL,
  id         TEXT NOT NULL,
  owner      TEXT NOT NULL,
  key1       TEXT NOT NULL DEFAULT '',
  key2       TEXT NOT NULL DEFAULT '',
  body       TEXT NOT NULL,
  summary    TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (collection, id)
);
CREATE INDEX documents_key1 ON documents (collection, owner, key1);
CREATE INDEX documents_key2 ON documents (collection, owner, key2);
CREATE INDEX documents_due ON documents (collection, key2) WHERE key2 <> '';
CREATE TABLE sequences (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
CREATE TABLE idempotency (
  owner TEXT NOT NULL, key TEXT NOT NULL, request_hash TEXT NOT NULL,
  status INTEGER NOT NULL, body TEXT NOT NULL,
  PRIMARY KEY (owner, key)
);
CREATE TABLE outbox (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  recipient TEXT NOT NULL, subject TEXT NOT NULL, body TEXT NOT NULL, code TEXT NOT NULL, created TEXT NOT NULL
);
)sql",
};
}  // namespace

std::span<const std::string_view> sqlite_migrations() { return kMigrations; }

}  // namespace payref::store
