// Decoding a billing request into one JSON object of fields (docs/billing.md "Sending data").
//
// create and modify consume JSON (application/json), XML (application/xml or text/xml: a
// <customer> element with the fields as attributes, xml_reader.hpp), form data
// (application/x-www-form-urlencoded, the seed's "query") or, with no body, the same name=value
// pairs in the URL's query string. find and load read the query string only. Every decoding
// failure is a BillingError (400, or 415 for another Content-Type) naming what was wrong.
#pragma once

#include <httplib.h>

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace payref::billing {

// name=value&name=value with '+' as space and %XX escapes. nullopt (with `error` set) on a bad
// escape, an empty name or a repeated name.
std::optional<std::map<std::string, std::string>> parse_urlencoded(std::string_view text, std::string& error);

// The query string of the request target (what follows '?'), decoded; throws BillingError 400.
std::map<std::string, std::string> query_parameters(const httplib::Request& req);

// The customer fields of a PUT or POST: a JSON object (values of any JSON type, judged later by
// the field readers), or XML attributes or form/query pairs (all strings). Throws BillingError.
nlohmann::json customer_input(const httplib::Request& req);

// A GET that carries a body: cpp-httplib never reads it, so it is refused rather than ignored.
void refuse_get_body(const httplib::Request& req);

}  // namespace payref::billing
