// The data directory: the SQLite database and the secrets created at first start (card
// encryption key, hashing key, admin token), each in its own file readable by the owner only.
#pragma once

#include <filesystem>
#include <string>

#include "store/crypto.hpp"

namespace payref::app {

struct DataDir {
  std::filesystem::path root;
  store::SecretKey card_key;  // AES-256-GCM key for card and account numbers
  store::SecretKey hash_key;  // HMAC key: client keys, card fingerprints
  std::string admin_token;    // the sandbox API's bearer token
  bool admin_token_created = false;
  std::filesystem::path database() const { return root / "payref.sqlite3"; }
};

// Creates the directory and missing secrets; `admin_token` (from --admin-token) wins over the file.
// Throws std::runtime_error with a readable message on I/O failure or a corrupt key file.
DataDir open_data_dir(const std::filesystem::path& root, const std::string& admin_token);

}  // namespace payref::app
