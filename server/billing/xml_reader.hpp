// Reading a Customer sent as XML (the seed's create/modify "Consumes: xml"): the one shape the
// UniPay docs give, a <customer> element whose fields are attributes, e.g.
//   <?xml version="1.0"?><customer accountId="2001" firstName="Ada" lastName="Lovelace"/>
//
// Deliberately a strict subset of XML 1.0, so that nothing surprising can be read: an optional XML
// declaration, then one <customer> element with attributes and no content (self-closed, or closed
// with only whitespace inside). DOCTYPEs, entities other than the five predefined ones, comments,
// processing instructions, child elements and text are refused: there is no entity expansion and
// no external resource, by construction.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace payref::billing::xml {

// The attributes of the <customer> element, values decoded (predefined entities and character
// references; whitespace characters normalised to spaces as XML does). nullopt with `error` set
// when the document is outside the subset or malformed.
std::optional<std::map<std::string, std::string>> read_customer(std::string_view text, std::string& error);

}  // namespace payref::billing::xml
