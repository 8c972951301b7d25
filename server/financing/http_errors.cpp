// The financing family's errors of the HTTP layer, in its {url, message, error, field_errors}
// shape (docs/financing.md "Errors"): invalid_request for what the client sent, not_found for a
// path, general_error for a failure of the server.
#include "financing/routes.hpp"
#include "financing/wire.hpp"

namespace payref::financing {

void render_http_error(const httplib::Request& req, httplib::Response& res, std::string_view message) {
  const std::string_view code = res.status >= 500 ? error::general_error : res.status == 404 ? error::not_found : error::invalid_request;
  const FinancingError failure{res.status, std::string(code), std::string(message), {}, false};
  res.set_content(render(req.path, failure).dump(), "application/json; charset=utf-8");
  res.set_header("Cache-Control", "no-store");  // as every answer of the family
}

}  // namespace payref::financing
