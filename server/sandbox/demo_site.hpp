// The web-demo checkout served by payref-server itself (`--demo web-demo --package npm/dist`):
// the page at /demo/, the npm package's built files at /demo/payref/, and /demo/config.json with
// the demo merchant's gateway credentials so the page can pay, and the demo financing merchant's
// OAuth client with a demo account that can purchase (its financing option). Sandbox only: a real
// checkout keeps its API key and client secret on its own server.
#pragma once

#include <httplib.h>

#include <filesystem>
#include <nlohmann/json.hpp>

namespace payref::sandbox {

struct DemoSite {
  std::filesystem::path page_dir;     // web-demo/
  std::filesystem::path package_dir;  // npm/dist/
};

// Returns false (and serves nothing) when a directory is missing. gateway_credentials: {id, key};
// financing: {clientId, clientSecret, accountNumber}, served as config.json's "financing".
bool add_demo_site(httplib::Server& server, const DemoSite& site, const nlohmann::json& gateway_credentials,
                   const nlohmann::json& financing = nullptr);

}  // namespace payref::sandbox
