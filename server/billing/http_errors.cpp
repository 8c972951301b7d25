// The billing family's errors of the HTTP layer, as {"errors":[...]} or <errors/> like its own
// (docs/billing.md "Errors").
#include "billing/render.hpp"
#include "billing/routes.hpp"

namespace payref::billing {

void render_http_error(const httplib::Request& req, httplib::Response& res, std::string_view message) {
  std::string_view error_code = code::validation, reason = "request.malformed";
  switch (res.status) {
    case 403: error_code = code::forbidden; reason = "request.cross_origin"; break;
    case 404: error_code = code::not_found; reason = ""; break;
    case 405: error_code = code::method_not_allowed; reason = ""; break;
    case 413: error_code = code::too_large; reason = "body.too_large"; break;
    case 414: error_code = code::too_large; reason = "uri.too_long"; break;
    case 431: error_code = code::too_large; reason = "head.too_large"; break;
    default:
      if (res.status >= 500) {
        error_code = code::internal;
        reason = "";
      }
  }
  BillingError error{res.status, {Problem{std::string(error_code), "", std::string(reason), std::string(message)}}, {}};
  send_error(res, negotiate(req), error);
}

}  // namespace payref::billing
