// The billing family's responses in JSON or XML (docs/billing.md "Response formats"): the one
// place that turns customers and errors into bytes.
//
// JSON: a customer is an object with the fields as plain keys (id and accountId numbers, isActive
// a boolean, unset fields left out); find returns a bare array. XML: <customer .../> with every
// field as an attribute; find returns <customers> around them. Errors: {"errors":[{code, field,
// reason, message}]} or <errors><error .../></errors>.
#pragma once

#include <httplib.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "billing/errors.hpp"

namespace payref::billing {

enum class Format { json, xml };

// From the Accept header: XML when it names application/xml or text/xml before (or without) any
// JSON type; JSON otherwise (no Accept, */*, application/json, anything else).
Format negotiate(const httplib::Request& req);

// The public view of a stored customer, fields in customer_fields() order.
nlohmann::ordered_json customer_view(const nlohmann::json& stored);

void send_customer(httplib::Response& res, Format format, int status, const nlohmann::json& stored);
void send_customers(httplib::Response& res, Format format, const std::vector<nlohmann::json>& stored);
// Status, body, and for 401 WWW-Authenticate, for 405 Allow.
void send_error(httplib::Response& res, Format format, const BillingError& error);

}  // namespace payref::billing
