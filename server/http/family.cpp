#include "http/family.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>
#include <stdexcept>

namespace payref::http {

namespace {

// The order of an Allow header's methods.
constexpr std::array<std::string_view, 5> kMethodOrder = {"GET", "POST", "PUT", "DELETE", "PATCH"};

std::size_t method_rank(std::string_view method) {
  const auto at = std::find(kMethodOrder.begin(), kMethodOrder.end(), method);
  if (at == kMethodOrder.end()) throw std::logic_error("an endpoint with an unsupported method: " + std::string(method));
  return static_cast<std::size_t>(at - kMethodOrder.begin());
}

void on(httplib::Server& server, std::string_view method, const std::string& pattern, httplib::Server::Handler handler) {
  switch (method_rank(method)) {
    case 0: server.Get(pattern, std::move(handler)); break;
    case 1: server.Post(pattern, std::move(handler)); break;
    case 2: server.Put(pattern, std::move(handler)); break;
    case 3: server.Delete(pattern, std::move(handler)); break;
    default: server.Patch(pattern, std::move(handler)); break;
  }
}

// A path's segments as literal (false) or "{}" (true): paths compare by this, so the one with
// a literal where the other has a parameter is tried first.
std::vector<bool> segment_kinds(std::string_view path) {
  std::vector<bool> kinds;
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t end = std::min(path.find('/', start), path.size());
    kinds.push_back(path.substr(start, end - start) == "{}");
    start = end + 1;
  }
  return kinds;
}

struct PathRoutes {
  std::string path;
  std::vector<const Endpoint*> endpoints;  // one per method
};

std::string allow_header(const PathRoutes& routes) {
  std::vector<std::size_t> ranks;
  for (const Endpoint* e : routes.endpoints) ranks.push_back(method_rank(e->method));
  std::sort(ranks.begin(), ranks.end());
  std::string allow;
  for (const std::size_t rank : ranks) allow += (allow.empty() ? "" : ", ") + std::string(kMethodOrder[rank]);
  return allow;
}

}  // namespace

std::string route_pattern(std::string_view table_path) {
  std::string pattern;
  const bool optional_slash = table_path.size() > 1 && table_path.back() == '/';
  if (optional_slash) table_path.remove_suffix(1);
  for (std::size_t i = 0; i < table_path.size(); ++i) {
    if (table_path.compare(i, 2, "{}") == 0) {
      pattern += "([^/]+)";
      ++i;
      continue;
    }
    const char c = table_path[i];
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '/' && c != '-' && c != '_') pattern += '\\';
    pattern += c;
  }
  if (optional_slash) pattern += "/?";
  return pattern;
}

void mount(httplib::Server& server, ErrorRenderers& renderers, Family family) {
  const auto shared = std::make_shared<const Family>(std::move(family));
  const Family& f = *shared;

  // The endpoints grouped by path, most specific path first (stable: equals keep table order).
  std::vector<PathRoutes> paths;
  for (const Endpoint& endpoint : f.endpoints) {
    if (std::find(f.methods.begin(), f.methods.end(), endpoint.method) == f.methods.end())
      throw std::logic_error("endpoint " + endpoint.method + " " + endpoint.path + " uses a method its family does not answer");
    auto known = std::find_if(paths.begin(), paths.end(), [&](const PathRoutes& p) { return p.path == endpoint.path; });
    if (known == paths.end()) known = paths.insert(paths.end(), PathRoutes{endpoint.path, {}});
    for (const Endpoint* other : known->endpoints)
      if (other->method == endpoint.method) throw std::logic_error("endpoint listed twice: " + endpoint.method + " " + endpoint.path);
    known->endpoints.push_back(&endpoint);
  }
  std::stable_sort(paths.begin(), paths.end(),
                   [](const PathRoutes& a, const PathRoutes& b) { return segment_kinds(a.path) < segment_kinds(b.path); });

  renderers.add(f.prefix, f.render);

  const auto refuse = [shared](RouteRefusal refusal) {
    return [shared, refusal](const httplib::Request& req, httplib::Response& res) {
      if (shared->before_refusal && shared->before_refusal(req, res)) return;
      res.status = refusal.status;
      if (refusal.status == 405) res.set_header("Allow", refusal.allow);
      shared->render(req, res, shared->refusal_message(req, refusal));
    };
  };

  for (const PathRoutes& routes : paths) {
    const std::string pattern = route_pattern(routes.path);
    const RouteRefusal wrong_method = f.documents_405 ? RouteRefusal{405, allow_header(routes)} : RouteRefusal{404, {}};
    for (const std::string& method : f.methods) {
      const auto endpoint = std::find_if(routes.endpoints.begin(), routes.endpoints.end(),
                                         [&](const Endpoint* e) { return e->method == method; });
      if (endpoint != routes.endpoints.end()) on(server, method, pattern, (*endpoint)->handler);
      else on(server, method, pattern, refuse(wrong_method));
    }
  }

  // Every other path under the prefix (and the prefix itself, with or without its slash).
  std::string rest = route_pattern(f.prefix);
  if (rest.size() >= 2 && rest.compare(rest.size() - 2, 2, "/?") == 0) rest.resize(rest.size() - 2);
  rest += "(/.*)?";
  for (const std::string& method : f.methods) on(server, method, rest, refuse(RouteRefusal{404, {}}));
}

}  // namespace payref::http
