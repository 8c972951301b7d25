// A minimal XML 1.0 writer for the billing family's responses (requests are read by
// xml_reader.hpp). Elements with attributes and child elements, nothing else; every attribute value is
// escaped, and characters XML 1.0 cannot carry at all (C0 controls other than tab, LF, CR, and
// bytes that are not UTF-8) are replaced by '?', so the document is always well-formed.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace payref::billing::xml {

// The text as an attribute value body (without the quotes): & < > " ' escaped, tab/LF/CR as
// character references, illegal characters replaced.
std::string escape_attribute(std::string_view text);

// True for a name XML accepts as an element or attribute name in this writer's subset:
// an ASCII letter or '_' first, then letters, digits, '_', '-', '.'.
bool is_name(std::string_view name);

struct Element {
  std::string name;
  std::vector<std::pair<std::string, std::string>> attributes;  // in document order
  std::vector<Element> children;
};

// `<?xml version="1.0" encoding="UTF-8"?>` and the element, children indented by two spaces, a
// childless element self-closed. Names are trusted (fixed by the caller); values are escaped.
std::string document(const Element& root);

}  // namespace payref::billing::xml
