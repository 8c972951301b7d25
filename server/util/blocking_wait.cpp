#include "util/blocking_wait.hpp"

namespace payref::util {

namespace {
thread_local BlockingListener* thread_listener = nullptr;
}

void set_blocking_listener(BlockingListener* listener) { thread_listener = listener; }

BlockingScope::BlockingScope() : listener_(thread_listener) {
  if (listener_) listener_->blocking();
}

BlockingScope::~BlockingScope() {
  if (listener_) listener_->unblocked();
}

}  // namespace payref::util
