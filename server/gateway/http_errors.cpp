// The gateway's errors of the HTTP layer: ASP.NET Web API answers those outside a controller with
// {"Message": "..."} (docs/gateway.md "HTTP errors"); a failure inside one is the envelope's 96.
#include <nlohmann/json.hpp>

#include "gateway/routes.hpp"
#include "http/error_renderers.hpp"

namespace payref::gateway {

void render_http_error(const httplib::Request& req, httplib::Response& res, std::string_view message) {
  if (res.status >= 500) {
    res.set_content(nlohmann::json{{"Message", {{"Code", "96"}, {"Description", message}}}, {"Response", nullptr}}.dump(),
                    "application/json; charset=utf-8");
    return;
  }
  http::render_plain_error(req, res, message);
}

}  // namespace payref::gateway
