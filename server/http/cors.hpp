// Who may call payref-server from a web page (docs/sandbox.md "Browser access").
//
// The API families answer cross-origin calls, so a checkout page on another origin can use them:
// by default from any origin ("Access-Control-Allow-Origin: *"), or only from the origins given
// with --cors-origin (echoed, with "Vary: Origin"); never with credentials (no cookies: every
// family authenticates with its own header or body). Everything else sends no CORS headers, so
// a page on another origin cannot read it; and the paths that hold or hand out credentials — the
// demo site, whose config.json carries the demo merchant's keys, and the /_sandbox/ admin API —
// also refuse (403) requests that a browser marks as coming from another origin, and Host names
// other than the server's own (DNS rebinding).
#pragma once

#include <httplib.h>

#include <string>
#include <vector>

namespace payref::http {

class CorsPolicy {
 public:
  // `api_prefixes`: the families' paths. `origins`: allowed origins ("https://shop.example"),
  // empty for any. `host`: the address the server listens on (an allowed Host name).
  CorsPolicy(std::vector<std::string> api_prefixes, std::vector<std::string> origins, std::string host);

  // The CORS response headers for this request (preflights included).
  void apply(const httplib::Request& req, httplib::Response& res) const;
  // Why a same-origin-only path refuses this request (403), or "" when it may go on.
  std::string refusal(const httplib::Request& req) const;

  bool is_api_path(const std::string& path) const;

 private:
  bool allows_origin(const std::string& origin) const;
  bool own_host(const std::string& host_header) const;

  std::vector<std::string> api_prefixes_, origins_;
  std::string host_;
};

}  // namespace payref::http
