// An API family's place in the one request pipeline (docs/architecture.md "The pipeline"): the
// endpoints of its sdk operation table, the path prefix it owns, and how it renders what the
// pipeline answers for it. A family never registers a route, a 404 or a 405 by hand: mount()
// derives them from the endpoints.
//
//   - Routes are registered most specific first (a literal segment before a "{}" at the first
//     place two paths differ), so ".../Subscriptions/query" is never taken for an id: the
//     tables' order does not matter.
//   - A path of the table asked with another of the family's methods is refused with 405 and an
//     Allow header listing the path's methods (GET, POST, PUT, DELETE, PATCH order), or 404 for a
//     family whose API documents no 405 (financing).
//   - Any other path under the prefix is refused with 404.
//   - Refusals, and every error the HTTP layer answers for a path under the prefix (framing,
//     limits, cross-origin, an unhandled exception), are written by the family's one renderer.
#pragma once

#include <httplib.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "http/error_renderers.hpp"

namespace payref::http {

// One method and path of the family's sdk operation table, and what answers it.
struct Endpoint {
  std::string method;  // "GET", "POST", "PUT", "DELETE" or "PATCH"
  std::string path;    // as in the table: "/api/v1/packages/{}"; each "{}" one segment, captured
                       // in req.matches[1..]; a trailing "/" is optional
  httplib::Server::Handler handler;
};

// What mount() refuses: 404 (allow empty), or 405 with the path's methods ("GET, PUT").
struct RouteRefusal {
  int status = 404;
  std::string allow;
};

struct Family {
  std::string prefix;                // "/api/v01/": every path below it is the family's
  std::vector<std::string> methods;  // the methods its paths answer; others get httplib's 404
  bool documents_405 = true;         // false: a known path with another method is a 404
  ErrorRenderer render;              // res.status set: writes the body in the family's format
  // The text of a refusal ("The requested resource does not support http method 'GET'.").
  std::function<std::string(const httplib::Request&, const RouteRefusal&)> refusal_message;
  // Runs before a refusal is answered; true when it answered instead (billing authenticates
  // every request first, so an anonymous 405 is a 401). Optional.
  std::function<bool(const httplib::Request&, httplib::Response&)> before_refusal;
  std::vector<Endpoint> endpoints;
};

// Registers the family's endpoints and refusals on the server, and its renderer for the HTTP
// layer's errors under its prefix. Throws std::logic_error for an endpoint whose method is not
// one of the family's, or a method and path listed twice.
void mount(httplib::Server& server, ErrorRenderers& renderers, Family family);

// A table path ("/api/v1/packages/{}") as an httplib route pattern: literal text escaped, each
// "{}" one captured segment, a trailing "/" optional.
std::string route_pattern(std::string_view table_path);

}  // namespace payref::http
