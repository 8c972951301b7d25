// The answer to an error the HTTP layer finds before, or instead of, a family's handler: a request
// the event loop refused (malformed framing, a body or head over the limit), one httplib could not
// read (a URI or form body over its limits), a cross-origin call to the sandbox, a handler that
// threw. Each family renders these in its own documented error format, registered here by path
// prefix; a path under no family gets ASP.NET's {"Message": "..."}.
#pragma once

#include <httplib.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace payref::http {

// ASP.NET's text for a path no route matches (the gateway's and CMS's 404, and the HTTP layer's).
inline constexpr const char* kNoResourceMessage = "No HTTP resource was found that matches the request URI.";

// Writes res (its status already set) as an error saying `message`.
using ErrorRenderer = std::function<void(const httplib::Request&, httplib::Response&, std::string_view message)>;

class ErrorRenderers {
 public:
  void add(std::string path_prefix, ErrorRenderer renderer);
  // With the renderer of the longest registered prefix of req.path, or the default.
  void render(const httplib::Request& req, httplib::Response& res, std::string_view message) const;

 private:
  std::vector<std::pair<std::string, ErrorRenderer>> renderers_;
};

// {"Message": "..."}: the shape ASP.NET Web API gives errors outside a controller.
void render_plain_error(const httplib::Request& req, httplib::Response& res, std::string_view message);

}  // namespace payref::http
