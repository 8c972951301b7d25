#include "app/data_dir.hpp"

#include <sys/stat.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace payref::app {

namespace {

std::string read_file(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  std::string s = text.str();
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

void write_private(const std::filesystem::path& file, const std::string& text) {
  {
    std::ofstream out(file, std::ios::trunc);
    if (!out) throw std::runtime_error("cannot write " + file.string());
    out << text << '\n';
  }
  ::chmod(file.c_str(), 0600);
}

store::SecretKey load_or_create_key(const std::filesystem::path& file) {
  if (std::filesystem::exists(file)) {
    const auto key = store::key_from_hex(read_file(file));
    if (!key) throw std::runtime_error(file.string() + " is not a 64-character hex key; refusing to start");
    return *key;
  }
  const auto key = store::random_key();
  write_private(file, store::to_hex(key));
  return key;
}

}  // namespace

DataDir open_data_dir(const std::filesystem::path& root, const std::string& admin_token) {
  std::error_code ec;
  std::filesystem::create_directories(root, ec);
  if (ec) throw std::runtime_error("cannot create the data directory " + root.string() + ": " + ec.message());
  ::chmod(root.c_str(), 0700);
  DataDir dir{std::filesystem::absolute(root), load_or_create_key(root / "card.key"), load_or_create_key(root / "hash.key"), {}, false};
  const auto token_file = root / "admin.token";
  if (!admin_token.empty()) {
    dir.admin_token = admin_token;
  } else if (std::filesystem::exists(token_file)) {
    dir.admin_token = read_file(token_file);
  }
  if (dir.admin_token.empty()) {
    dir.admin_token = store::random_hex(16);
    write_private(token_file, dir.admin_token);
    dir.admin_token_created = true;
  }
  return dir;
}

}  // namespace payref::app
