// The default backend: one SQLite file in the data directory, WAL, busy timeout, writes under
// BEGIN IMMEDIATE (TOOLCHAIN.md §6). Connections are pooled: each transaction borrows one.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <vector>

#include "store/store.hpp"

namespace payref::store {

class SqliteConnection;

class SqliteStore final : public Store {
 public:
  // Opens (creating if needed) and migrates the database. Throws std::runtime_error when the file
  // cannot be opened or its schema is newer than this build knows.
  explicit SqliteStore(const std::filesystem::path& file);
  ~SqliteStore() override;

  void read(const std::function<void(Transaction&)>& fn) override;
  void write(const std::function<void(Transaction&)>& fn) override;

  int schema_version() const { return schema_version_; }

 private:
  std::unique_ptr<SqliteConnection> borrow();
  void give_back(std::unique_ptr<SqliteConnection> connection);
  // Borrows a connection and runs fn in a transaction opened with `begin`.
  void with_connection(const char* begin, bool writable, const std::function<void(Transaction&)>& fn);

  std::filesystem::path file_;
  std::mutex pool_mutex_;
  // SQLite admits one writer at a time anyway; queueing writers here instead of in SQLite's busy
  // handler (which sleeps 1, 2, 5, 10 … ms between retries) cut the charge p99 from ~1 s.
  std::mutex write_mutex_;
  std::vector<std::unique_ptr<SqliteConnection>> pool_;
  int schema_version_ = 0;
};

}  // namespace payref::store
