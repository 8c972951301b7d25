// The web-demo checkout served by payref-server itself (`--demo web-demo --package npm/dist`):
// the page at /demo/, the npm package's built files at /demo/payref/, and /demo/config.json with
// the demo merchant's gateway credentials so the page can pay. Sandbox only: a real checkout keeps
// its API key on its own server.
#pragma once

#include <httplib.h>

#include <filesystem>
#include <nlohmann/json.hpp>

namespace payref::sandbox {

struct DemoSite {
  std::filesystem::path page_dir;     // web-demo/
  std::filesystem::path package_dir;  // npm/dist/
};

// Returns false (and serves nothing) when a directory is missing.
bool add_demo_site(httplib::Server& server, const DemoSite& site, const nlohmann::json& gateway_credentials);

}  // namespace payref::sandbox
