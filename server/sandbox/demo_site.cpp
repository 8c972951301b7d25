#include "sandbox/demo_site.hpp"

namespace payref::sandbox {

bool add_demo_site(httplib::Server& server, const DemoSite& site, const nlohmann::json& gateway_credentials,
                   const nlohmann::json& financing) {
  std::error_code ec;
  if (!std::filesystem::is_directory(site.page_dir, ec) || !std::filesystem::is_directory(site.package_dir, ec)) return false;
  server.set_file_extension_and_mimetype_mapping("mjs", "text/javascript");
  server.set_file_extension_and_mimetype_mapping("wasm", "application/wasm");
  // Registered before the mounts: handlers win over files.
  nlohmann::json config_json{{"baseUrl", ""}, {"gateway", gateway_credentials}};
  if (!financing.is_null()) config_json["financing"] = financing;
  const std::string config = config_json.dump();
  server.Get("/demo/config.json", [config](const httplib::Request&, httplib::Response& res) {
    res.set_header("Cache-Control", "no-store");
    res.set_content(config, "application/json");
  });
  server.Get("/demo", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/demo/"); });
  server.set_mount_point("/demo/payref", site.package_dir.string());
  server.set_mount_point("/demo", site.page_dir.string());
  return true;
}

}  // namespace payref::sandbox
