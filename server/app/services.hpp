// The server-wide collaborators every family's services use, created once by the app
// (server_app.cpp): the store, the card vault, the key of the keyed hashes and the clock. Here,
// not in a family, so that no family includes another to reach them.
#pragma once

#include "sim/clock.hpp"
#include "store/crypto.hpp"
#include "store/store.hpp"

namespace payref::app {

struct Services {
  store::Store& store;
  const store::CardVault& vault;
  const store::SecretKey& hash_key;  // keyed hashes: client keys, passwords, tokens, card fingerprints
  sim::Clock& clock;  // the sandbox moves it (POST /_sandbox/clock/advance)
};

}  // namespace payref::app
