#include "billing/render.hpp"

#include <algorithm>
#include <cctype>

#include "billing/customer.hpp"
#include "billing/xml_writer.hpp"

namespace payref::billing {

namespace {

constexpr const char* kJson = "application/json; charset=utf-8";
constexpr const char* kXml = "application/xml; charset=utf-8";

std::string attribute_text(const nlohmann::ordered_json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  return v.dump();
}

xml::Element customer_element(const nlohmann::json& stored) {
  xml::Element e{"customer", {}, {}};
  const nlohmann::ordered_json view = customer_view(stored);  // alive while iterated
  for (const auto& [name, value] : view.items()) e.attributes.emplace_back(name, attribute_text(value));
  return e;
}

}  // namespace

Format negotiate(const httplib::Request& req) {
  std::string accept = req.get_header_value("Accept");
  for (auto& c : accept) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const auto xml_at = std::min(accept.find("application/xml"), accept.find("text/xml"));
  const auto json_at = accept.find("application/json");
  return xml_at != std::string::npos && (json_at == std::string::npos || xml_at < json_at) ? Format::xml : Format::json;
}

nlohmann::ordered_json customer_view(const nlohmann::json& stored) {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  for (const auto& spec : customer_fields()) {
    const std::string name(spec.name);
    const auto it = stored.find(name);
    if (it != stored.end() && !it->is_null()) out[name] = *it;
  }
  return out;
}

void send_customer(httplib::Response& res, Format format, int status, const nlohmann::json& stored) {
  res.status = status;
  if (format == Format::xml) res.set_content(xml::document(customer_element(stored)), kXml);
  else res.set_content(customer_view(stored).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), kJson);
}

void send_customers(httplib::Response& res, Format format, const std::vector<nlohmann::json>& stored) {
  res.status = 200;
  if (format == Format::xml) {
    xml::Element root{"customers", {}, {}};
    for (const auto& c : stored) root.children.push_back(customer_element(c));
    res.set_content(xml::document(root), kXml);
    return;
  }
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const auto& c : stored) list.push_back(customer_view(c));
  res.set_content(list.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), kJson);
}

void send_error(httplib::Response& res, Format format, const BillingError& error) {
  res.status = error.http_status;
  if (error.http_status == 401) res.set_header("WWW-Authenticate", "Basic realm=\"payref billing\", charset=\"UTF-8\"");
  if (!error.allow.empty()) res.set_header("Allow", error.allow);
  if (format == Format::xml) {
    xml::Element root{"errors", {}, {}};
    for (const auto& p : error.problems) {
      xml::Element e{"error", {{"code", p.code}}, {}};
      if (!p.field.empty()) e.attributes.emplace_back("field", p.field);
      if (!p.reason.empty()) e.attributes.emplace_back("reason", p.reason);
      e.attributes.emplace_back("message", p.message);
      root.children.push_back(std::move(e));
    }
    res.set_content(xml::document(root), kXml);
    return;
  }
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const auto& p : error.problems) {
    nlohmann::ordered_json e = {{"code", p.code}};
    if (!p.field.empty()) e["field"] = p.field;
    if (!p.reason.empty()) e["reason"] = p.reason;
    e["message"] = p.message;
    list.push_back(std::move(e));
  }
  res.set_content(nlohmann::ordered_json{{"errors", list}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), kJson);
}

}  // namespace payref::billing
