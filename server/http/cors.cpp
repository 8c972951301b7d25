#include "http/cors.hpp"

#include <arpa/inet.h>

#include <algorithm>

namespace payref::http {

namespace {

std::string lowercase(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// "127.0.0.1:8080" → "127.0.0.1", "[::1]:8080" → "::1", "localhost" → "localhost".
std::string host_name(const std::string& host_header) {
  if (!host_header.empty() && host_header.front() == '[') {
    const auto close = host_header.find(']');
    return close == std::string::npos ? host_header : host_header.substr(1, close - 1);
  }
  return lowercase(host_header.substr(0, host_header.find(':')));
}

bool is_ip_literal(const std::string& name) {
  unsigned char buffer[16];
  return inet_pton(AF_INET, name.c_str(), buffer) == 1 || inet_pton(AF_INET6, name.c_str(), buffer) == 1;
}

}  // namespace

CorsPolicy::CorsPolicy(std::vector<std::string> api_prefixes, std::vector<std::string> origins, std::string host)
    : api_prefixes_(std::move(api_prefixes)), host_(lowercase(std::move(host))) {
  for (auto& origin : origins) {
    while (!origin.empty() && origin.back() == '/') origin.pop_back();  // "https://a.example/" names the same origin
    origins_.push_back(lowercase(origin));
  }
}

bool CorsPolicy::is_api_path(const std::string& path) const {
  return std::any_of(api_prefixes_.begin(), api_prefixes_.end(),
                     [&](const std::string& prefix) { return path.compare(0, prefix.size(), prefix) == 0; });
}

bool CorsPolicy::allows_origin(const std::string& origin) const {
  return origins_.empty() || std::find(origins_.begin(), origins_.end(), lowercase(origin)) != origins_.end();
}

void CorsPolicy::apply(const httplib::Request& req, httplib::Response& res) const {
  if (!is_api_path(req.path)) return;  // same-origin only: no CORS header at all
  if (origins_.empty()) {
    res.set_header("Access-Control-Allow-Origin", "*");
  } else {
    res.set_header("Vary", "Origin");
    const std::string origin = req.get_header_value("Origin");
    if (origin.empty() || !allows_origin(origin)) return;
    res.set_header("Access-Control-Allow-Origin", origin);
  }
  res.set_header("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS");
  res.set_header("Access-Control-Allow-Headers", "Content-Type, Authorization, Idempotency-Key, Accept, x-reference-id");
  res.set_header("Access-Control-Expose-Headers", "Idempotent-Replayed");
  res.set_header("Access-Control-Max-Age", "600");
}

bool CorsPolicy::own_host(const std::string& host_header) const {
  if (host_header.empty()) return true;  // HTTP/1.0 without Host: no browser sends that
  const std::string name = host_name(host_header);
  return name == "localhost" || name == host_ || is_ip_literal(name);
}

std::string CorsPolicy::refusal(const httplib::Request& req) const {
  // The paths that hold or hand out credentials; /healthz and the rest answer anyone.
  const bool guarded = req.path.rfind("/_sandbox/", 0) == 0 || req.path == "/_sandbox" || req.path.rfind("/demo", 0) == 0;
  if (!guarded) return {};
  if (!own_host(req.get_header_value("Host")))
    return "This path answers only requests addressed to the server's own host name.";
  // A browser says where a request comes from: Origin on CORS and POST requests, Sec-Fetch-Site
  // on every request of a current browser. A page on another port of the same host is another
  // origin ("same-site").
  const std::string origin = req.get_header_value("Origin");
  const std::string site = req.get_header_value("Sec-Fetch-Site");
  const bool navigation = req.get_header_value("Sec-Fetch-Mode") == "navigate";
  const bool cross_site_fetch = !site.empty() && site != "same-origin" && site != "none" && !navigation;
  bool foreign_origin = false;
  if (!origin.empty()) {
    const auto scheme_end = origin.find("://");
    foreign_origin = origin == "null" || scheme_end == std::string::npos ||
                     lowercase(origin.substr(scheme_end + 3)) != lowercase(req.get_header_value("Host"));
  }
  if (cross_site_fetch || foreign_origin)
    return "The sandbox API and the demo site answer only pages of the server's own origin.";
  return {};
}

}  // namespace payref::http
