#include "store/sqlite_store.hpp"

#include <sqlite3.h>

#include <stdexcept>
#include <string>
#include <unordered_map>

#include "store/schema.hpp"

namespace payref::store {

namespace {

[[noreturn]] void fail(sqlite3* db, const std::string& what) {
  throw std::runtime_error("sqlite: " + what + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}

}  // namespace

// One open database handle with its prepared statements (prepared once, reused).
class SqliteConnection {
 public:
  explicit SqliteConnection(const std::filesystem::path& file) {
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(file.c_str(), &db_, flags, nullptr) != SQLITE_OK) fail(db_, "open " + file.string());
    sqlite3_busy_timeout(db_, 5000);
    // Reads through a shared memory map of the file: no pread and copy per page, and no page cache
    // per pooled connection. (A 32 MiB WAL between checkpoints made clock advances ~10 % faster
    // but tripled the charge benchmark's p99, 24 → 75 ms: checkpoints stall writers. Not kept.)
    exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; "
         "PRAGMA mmap_size=1073741824;");
  }
  ~SqliteConnection() {
    for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
    sqlite3_close(db_);
  }
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  void exec(const std::string& sql) {
    char* error = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
      const std::string message = error ? error : "unknown error";
      sqlite3_free(error);
      throw std::runtime_error("sqlite: " + message);
    }
  }

  // A statement without results and bindings (BEGIN, COMMIT, SAVEPOINT …), run from the cache:
  // sqlite3_exec would parse it again on every transaction.
  void run(const char* sql) {
    sqlite3_stmt* stmt = statement(sql);
    const int rc = sqlite3_step(stmt);
    sqlite3_reset(stmt);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) fail(db_, sql);
  }

  // A reset statement with its bindings cleared, ready to bind.
  sqlite3_stmt* statement(const char* sql) {
    auto it = statements_.find(sql);
    if (it == statements_.end()) {
      sqlite3_stmt* stmt = nullptr;
      if (sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK)
        fail(db_, std::string("prepare ") + sql);
      it = statements_.emplace(sql, stmt).first;
    }
    sqlite3_reset(it->second);
    sqlite3_clear_bindings(it->second);
    return it->second;
  }

  sqlite3* db() const { return db_; }

 private:
  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*> statements_;
};

namespace {

// Binding and stepping helpers over one statement.
class Query {
 public:
  Query(SqliteConnection& c, const char* sql) : c_(c), stmt_(c.statement(sql)) {}
  ~Query() { sqlite3_reset(stmt_); }
  Query& bind(const std::string& text) {
    sqlite3_bind_text(stmt_, ++index_, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Query& bind(std::int64_t value) {
    sqlite3_bind_int64(stmt_, ++index_, value);
    return *this;
  }
  bool step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    fail(c_.db(), "step");
  }
  std::string text(int column) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))) : std::string();
  }
  std::int64_t integer(int column) const { return sqlite3_column_int64(stmt_, column); }

 private:
  SqliteConnection& c_;
  sqlite3_stmt* stmt_;
  int index_ = 0;
};

// Columns: collection, id, owner, key1, key2, body, summary.
Document document_from(const Query& q) {
  return Document{q.text(0), q.text(1), q.text(2), q.text(3), q.text(4), nlohmann::json::parse(q.text(5)), q.text(6)};
}

void bind_find(Query& q, const std::string& collection, const std::string& owner, const std::string& value,
               std::size_t limit, std::size_t offset) {
  q.bind(collection).bind(owner).bind(value);
  q.bind(limit == 0 ? std::int64_t{-1} : static_cast<std::int64_t>(limit)).bind(static_cast<std::int64_t>(offset));
}

class SqliteTransaction final : public Transaction {
 public:
  SqliteTransaction(SqliteConnection& c, bool writable) : c_(c), writable_(writable) {}

  std::optional<Document> get(const std::string& collection, const std::string& owner, const std::string& id) override {
    Query q(c_, "SELECT collection, id, owner, key1, key2, body, summary FROM documents WHERE collection = ? AND id = ? AND owner = ?");
    q.bind(collection).bind(id).bind(owner);
    if (!q.step()) return std::nullopt;
    return document_from(q);
  }

  std::optional<Document> get_keys(const std::string& collection, const std::string& owner, const std::string& id) override {
    Query q(c_, "SELECT collection, id, owner, key1, key2 FROM documents WHERE collection = ? AND id = ? AND owner = ?");
    q.bind(collection).bind(id).bind(owner);
    if (!q.step()) return std::nullopt;
    return Document{q.text(0), q.text(1), q.text(2), q.text(3), q.text(4), nullptr, {}};
  }

  std::vector<Document> find(const std::string& collection, const std::string& owner, Key key, const std::string& value,
                             std::size_t limit, std::size_t offset, bool newest_first) override {
    static constexpr const char* kSql[2][2] = {
        {"SELECT collection, id, owner, key1, key2, body, summary FROM documents WHERE collection = ? AND owner = ? "
         "AND key1 = ? ORDER BY rowid LIMIT ? OFFSET ?",
         "SELECT collection, id, owner, key1, key2, body, summary FROM documents WHERE collection = ? AND owner = ? "
         "AND key1 = ? ORDER BY rowid DESC LIMIT ? OFFSET ?"},
        {"SELECT collection, id, owner, key1, key2, body, summary FROM documents WHERE collection = ? AND owner = ? "
         "AND key2 = ? ORDER BY rowid LIMIT ? OFFSET ?",
         "SELECT collection, id, owner, key1, key2, body, summary FROM documents WHERE collection = ? AND owner = ? "
         "AND key2 = ? ORDER BY rowid DESC LIMIT ? OFFSET ?"}};
    Query q(c_, kSql[key == Key::key1 ? 0 : 1][newest_first ? 1 : 0]);
    bind_find(q, collection, owner, value, limit, offset);
    std::vector<Document> out;
    while (q.step()) out.push_back(document_from(q));
    return out;
  }

  std::vector<std::string> find_summaries(const std::string& collection, const std::string& owner, Key key,
                                          const std::string& value, std::size_t limit, std::size_t offset,
                                          bool newest_first) override {
    static constexpr const char* kSql[2][2] = {
        {"SELECT summary FROM documents WHERE collection = ? AND owner = ? AND key1 = ? ORDER BY rowid LIMIT ? OFFSET ?",
         "SELECT summary FROM documents WHERE collection = ? AND owner = ? AND key1 = ? ORDER BY rowid DESC LIMIT ? OFFSET ?"},
        {"SELECT summary FROM documents WHERE collection = ? AND owner = ? AND key2 = ? ORDER BY rowid LIMIT ? OFFSET ?",
         "SELECT summary FROM documents WHERE collection = ? AND owner = ? AND key2 = ? ORDER BY rowid DESC LIMIT ? OFFSET ?"}};
    Query q(c_, kSql[key == Key::key1 ? 0 : 1][newest_first ? 1 : 0]);
    bind_find(q, collection, owner, value, limit, offset);
    std::vector<std::string> out;
    while (q.step()) out.push_back(q.text(0));
    return out;
  }

  std::vector<Document> find_due(const std::string& collection, const std::string& up_to, std::size_t limit) override {
    Query q(c_, "SELECT collection, id, owner, key1, key2, body, summary FROM documents WHERE collection = ? "
                "AND key2 <> '' AND key2 <= ? ORDER BY key2, rowid LIMIT ?");
    q.bind(collection).bind(up_to).bind(static_cast<std::int64_t>(limit));
    std::vector<Document> out;
    while (q.step()) out.push_back(document_from(q));
    return out;
  }

  void put(const Document& doc) override {
    require_writable();
    // An UPSERT keeps the rowid (insertion order) of a document that is updated.
    Query q(c_, "INSERT INTO documents (collection, id, owner, key1, key2, body, summary) VALUES (?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (collection, id) DO UPDATE SET owner = excluded.owner, key1 = excluded.key1, "
                "key2 = excluded.key2, body = excluded.body, summary = excluded.summary");
    q.bind(doc.collection).bind(doc.id).bind(doc.owner).bind(doc.key1).bind(doc.key2).bind(doc.body.dump()).bind(doc.summary);
    q.step();
  }

  void remove(const std::string& collection, const std::string& id) override {
    require_writable();
    Query q(c_, "DELETE FROM documents WHERE collection = ? AND id = ?");
    q.bind(collection).bind(id);
    q.step();
  }

  std::int64_t next_sequence(const std::string& name) override {
    require_writable();
    Query q(c_, "INSERT INTO sequences (name, value) VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET value = value + 1 "
                "RETURNING value");
    q.bind(name);
    if (!q.step()) throw std::runtime_error("sqlite: sequence " + name + " returned nothing");
    return q.integer(0);
  }

  std::optional<IdempotentResponse> idempotent_response(const std::string& owner, const std::string& key) override {
    Query q(c_, "SELECT request_hash, status, body FROM idempotency WHERE owner = ? AND key = ?");
    q.bind(owner).bind(key);
    if (!q.step()) return std::nullopt;
    return IdempotentResponse{q.text(0), static_cast<int>(q.integer(1)), q.text(2)};
  }

  void save_idempotent_response(const std::string& owner, const std::string& key, const IdempotentResponse& r) override {
    require_writable();
    Query q(c_, "INSERT INTO idempotency (owner, key, request_hash, status, body) VALUES (?, ?, ?, ?, ?)");
    q.bind(owner).bind(key).bind(r.request_hash).bind(std::int64_t{r.status}).bind(r.body);
    q.step();
  }

  void append_outbox(const OutboxMessage& m) override {
    require_writable();
    Query q(c_, "INSERT INTO outbox (recipient, subject, body, code, created) VALUES (?, ?, ?, ?, ?)");
    q.bind(m.to).bind(m.subject).bind(m.body).bind(m.code).bind(m.created);
    q.step();
  }

  std::vector<OutboxMessage> outbox(std::size_t limit) override {
    Query q(c_, "SELECT seq, recipient, subject, body, code, created FROM outbox ORDER BY seq DESC LIMIT ?");
    q.bind(static_cast<std::int64_t>(limit));
    std::vector<OutboxMessage> out;
    while (q.step()) out.push_back(OutboxMessage{q.integer(0), q.text(1), q.text(2), q.text(3), q.text(4), q.text(5)});
    return out;
  }

  void clear_all() override {
    require_writable();
    c_.exec("DELETE FROM documents; DELETE FROM sequences; DELETE FROM idempotency; DELETE FROM outbox;");
  }

 private:
  void require_writable() const {
    if (!writable_) throw std::logic_error("store: write inside a read transaction");
  }
  SqliteConnection& c_;
  bool writable_;
};

}  // namespace

namespace {
// Process-wide, before SQLite's first use. Each connection is used by one thread at a time (the
// pool lends it out), so SQLite's per-connection mutexes are not needed (MULTITHREAD); and
// memory statistics take one global mutex on every sqlite3_malloc, which 96 workers contend for.
void configure_sqlite_once() {
  static const bool configured = [] {
    sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return true;
  }();
  (void)configured;
}
}  // namespace

SqliteStore::SqliteStore(const std::filesystem::path& file) : file_(file) {
  configure_sqlite_once();
  auto c = std::make_unique<SqliteConnection>(file_);
  const auto migrations = sqlite_migrations();
  c->run("BEGIN IMMEDIATE");
  try {
    Query version(*c, "PRAGMA user_version");
    version.step();
    int current = static_cast<int>(version.integer(0));
    if (current > static_cast<int>(migrations.size()))
      throw std::runtime_error("the data directory's schema (version " + std::to_string(current) +
                               ") is newer than this payref-server knows (" + std::to_string(migrations.size()) + ")");
    for (; current < static_cast<int>(migrations.size()); ++current) {
      c->exec(std::string(migrations[static_cast<std::size_t>(current)]));
      c->exec("PRAGMA user_version = " + std::to_string(current + 1));
    }
    schema_version_ = current;
    c->run("COMMIT");
  } catch (...) {
    c->run("ROLLBACK");
    throw;
  }
  give_back(std::move(c));
  writer_ = std::thread([this] { run_writer(); });
}

SqliteStore::~SqliteStore() {
  {
    std::lock_guard lock(queue_mutex_);
    stopping_ = true;
  }
  queue_filled_.notify_one();
  writer_.join();
}

std::unique_ptr<SqliteConnection> SqliteStore::borrow() {
  {
    std::lock_guard lock(pool_mutex_);
    if (!pool_.empty()) {
      auto c = std::move(pool_.back());
      pool_.pop_back();
      return c;
    }
  }
  return std::make_unique<SqliteConnection>(file_);
}

void SqliteStore::give_back(std::unique_ptr<SqliteConnection> connection) {
  std::lock_guard lock(pool_mutex_);
  pool_.push_back(std::move(connection));
}

namespace {
template <class Fn>
void run_in_transaction(SqliteConnection& c, const char* begin, bool writable, const Fn& fn) {
  c.run(begin);
  try {
    SqliteTransaction tx(c, writable);
    fn(tx);
    c.run("COMMIT");
  } catch (...) {
    try {
      c.run("ROLLBACK");
    } catch (...) {  // the original failure is the one worth reporting
    }
    throw;
  }
}
}  // namespace

void SqliteStore::with_connection(const char* begin, bool writable, const std::function<void(Transaction&)>& fn) {
  auto c = borrow();
  try {
    run_in_transaction(*c, begin, writable, fn);
  } catch (...) {
    give_back(std::move(c));
    throw;
  }
  give_back(std::move(c));
}

void SqliteStore::read(const std::function<void(Transaction&)>& fn) { with_connection("BEGIN", false, fn); }

void SqliteStore::write(const std::function<void(Transaction&)>& fn) {
  PendingWrite me{&fn, nullptr, false, {}};
  if (wait_notice_.waiting) wait_notice_.waiting();  // the caller's thread pool may lend its time meanwhile
  std::unique_lock lock(queue_mutex_);
  queue_.push_back(&me);
  if (queue_.size() == 1) queue_filled_.notify_one();
  me.wake.wait(lock, [&] { return me.done; });
  lock.unlock();
  if (wait_notice_.resumed) wait_notice_.resumed();
  if (me.error) std::rethrow_exception(me.error);
}

// The one thread that writes: whatever queued while the last group ran is the next group. Under
// load it never sleeps, and each write costs its caller one wake-up.
void SqliteStore::run_writer() {
  std::unique_lock lock(queue_mutex_);
  for (;;) {
    queue_filled_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
    if (queue_.empty()) return;  // stopping, and nothing left to write
    std::vector<PendingWrite*> group;
    while (!queue_.empty() && group.size() < kMaxGroup) {
      group.push_back(queue_.front());
      queue_.pop_front();
    }
    lock.unlock();
    run_group(group);
    lock.lock();
    // Under the lock: a woken writer returns (and its PendingWrite is gone) only once it has it.
    for (auto* w : group) {
      w->done = true;
      w->wake.notify_one();
    }
  }
}

void SqliteStore::run_group(const std::vector<PendingWrite*>& group) {
  std::unique_ptr<SqliteConnection> c;
  try {
    c = borrow();
    c->run("BEGIN IMMEDIATE");
  } catch (...) {
    for (auto* w : group) w->error = std::current_exception();
    if (c) give_back(std::move(c));
    return;
  }
  for (auto* w : group) {
    try {
      c->run("SAVEPOINT one_write");
      try {
        SqliteTransaction tx(*c, true);
        (*w->fn)(tx);
      } catch (...) {
        w->error = std::current_exception();
        c->run("ROLLBACK TO one_write");
      }
      c->run("RELEASE one_write");
    } catch (...) {  // the savepoint statements themselves failed: this write did not happen
      if (!w->error) w->error = std::current_exception();
    }
  }
  try {
    c->run("COMMIT");
  } catch (...) {
    const auto failure = std::current_exception();
    try {
      c->run("ROLLBACK");
    } catch (...) {
    }
    for (auto* w : group)
      if (!w->error) w->error = failure;  // nothing of the group was committed
  }
  give_back(std::move(c));
}

}  // namespace payref::store
