// The default backend: one SQLite file in the data directory, WAL, busy timeout, writes under
// BEGIN IMMEDIATE (TOOLCHAIN.md §6). Connections are pooled: each transaction borrows one.
//
// Writes use group commit: write() queues its function and waits; one writer thread runs
// whatever queued while the last group ran (up to kMaxGroup) in one SQLite transaction, each
// inside its own SAVEPOINT. A write that throws rolls back to its savepoint only, and gets its
// exception back; every caller returns after the shared COMMIT, so a write that returned is
// committed. One commit per group instead of one per write is what lets persisted charges scale,
// and one thread that stays awake under load, rather than a leader elected among the callers,
// is what keeps that cheap with few server threads (docs/performance.md).
#pragma once

#include <condition_variable>
#include <deque>
#include <exception>
#include <filesystem>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "store/store.hpp"

namespace payref::store {

class SqliteConnection;

// What a write()'s caller is told around its wait for the writer thread. The caller's thread pool
// may lend the waiting thread's turn meanwhile (http/event_server.hpp); the app connects the two
// (app/server_app.cpp), so that the store knows no thread pool and the pool no store. Both are
// called on the waiting thread; nullptr: nobody listens.
struct WaitNotice {
  void (*waiting)() = nullptr;
  void (*resumed)() = nullptr;
};

class SqliteStore final : public Store {
 public:
  // Opens (creating if needed) and migrates the database. Throws std::runtime_error when the file
  // cannot be opened or its schema is newer than this build knows.
  explicit SqliteStore(const std::filesystem::path& file);
  ~SqliteStore() override;

  void read(const std::function<void(Transaction&)>& fn) override;
  void write(const std::function<void(Transaction&)>& fn) override;

  int schema_version() const { return schema_version_; }
  // Set before the store is used from several threads.
  void set_wait_notice(WaitNotice notice) { wait_notice_ = notice; }

 private:
  std::unique_ptr<SqliteConnection> borrow();
  void give_back(std::unique_ptr<SqliteConnection> connection);
  // Borrows a connection and runs fn in a transaction opened with `begin`.
  void with_connection(const char* begin, bool writable, const std::function<void(Transaction&)>& fn);

  std::filesystem::path file_;
  std::mutex pool_mutex_;
  struct PendingWrite {
    const std::function<void(Transaction&)>* fn;
    std::exception_ptr error;
    bool done = false;  // committed or failed: write() may return
    std::condition_variable wake;  // one per writer: a group's end wakes its own writers only
  };
  static constexpr std::size_t kMaxGroup = 64;
  void run_group(const std::vector<PendingWrite*>& group);
  void run_writer();

  // Writers queue here rather than in SQLite's busy handler, which sleeps 1, 2, 5, 10 … ms
  // between retries (it put the charge p99 near 1 s).
  std::mutex queue_mutex_;
  std::condition_variable queue_filled_;
  std::deque<PendingWrite*> queue_;
  bool stopping_ = false;
  std::thread writer_;  // runs the groups (run_writer); started last, stopped first
  std::vector<std::unique_ptr<SqliteConnection>> pool_;
  int schema_version_ = 0;
  WaitNotice wait_notice_;
};

}  // namespace payref::store
