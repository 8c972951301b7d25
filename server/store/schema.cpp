#include "store/schema.hpp"

#include <array>

namespace payref::store {

namespace {
constexpr std::array<std::string_view, 2> kMigrations = {
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
    // 2: no secret in clear at rest (docs/sandbox.md "The data directory"). From now on outbox
    // bodies and codes are sealed (store/crypto.hpp seal_mail) and financing verification codes
    // kept as keyed hashes; what an older server wrote in clear is wiped, its freed bytes zeroed.
    R"sql(
PRAGMA secure_delete = ON;
UPDATE outbox SET body = '', code = '';
DELETE FROM documents WHERE collection = 'fin_verification' AND body LIKE '%"code":%';
PRAGMA secure_delete = OFF;
)sql",
};
}  // namespace

std::span<const std::string_view> sqlite_migrations() { return kMigrations; }

}  // namespace payref::store
