// A thread about to block on another thread's work says so, and the thread pool it belongs to (if
// any) can let another thread carry on in the meantime.
//
// The store's write() blocks its caller until the writer thread has committed the caller's group
// (store/sqlite_store.hpp). On the HTTP server's few event-loop workers (http/event_server.hpp),
// that would leave the loop short of threads while writes wait, and cap a group at the number of
// workers; the loop listens for these announcements and lends the time to a spare worker.
// Threads with no listener (the sandbox clock, tests) announce to nobody.
#pragma once

namespace payref::util {

class BlockingListener {
 public:
  virtual ~BlockingListener() = default;
  virtual void blocking() = 0;      // this thread is about to block
  virtual void unblocked() = 0;     // and is running again
};

// The listener for the calling thread (nullptr: none).
void set_blocking_listener(BlockingListener* listener);

// Announces a block for its lifetime.
class BlockingScope {
 public:
  BlockingScope();
  ~BlockingScope();
  BlockingScope(const BlockingScope&) = delete;
  BlockingScope& operator=(const BlockingScope&) = delete;

 private:
  BlockingListener* listener_;
};

}  // namespace payref::util
