// The CMS family's errors of the HTTP layer, as an ErrorResponse like its own (docs/cms.md
// "Errors"): ErrorId 0 (validation) for what the client sent, 530 for a method the path does not
// take, 9999 for a failure of the server.
#include "cms/errors.hpp"
#include "cms/routes.hpp"

namespace payref::cms {

void render_http_error(const httplib::Request&, httplib::Response& res, std::string_view message) {
  const Fault fault = res.status >= 500   ? Fault::internal
                      : res.status == 404 ? Fault::not_found
                      : res.status == 405 ? Fault::not_allowed
                                          : Fault::validation;
  Rendered rendered = render(CmsError{fault, std::string(message), {}}, "", new_transaction_id());
  if (fault == Fault::not_found) rendered.body["Reason"] = "Not Found";  // a path, not a subscription
  res.set_content(rendered.body.dump(), "application/json; charset=utf-8");
}

}  // namespace payref::cms
