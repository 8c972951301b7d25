// AAMVA DL/ID barcode text (AAMVA DL/ID Card Design Standard, annex D) → the licence fields of
// seed 003's customers/driverslicense.
//
// Layout: "@" + data element separator (LF) + record separator (0x1E) + segment terminator (CR)
// + "ANSI " (or "AAMVA" on 2000-era cards) + IIN (6 digits) + AAMVA version (2) + jurisdiction
// version (2, version 02 and later) + number of subfiles (2), then one 10-character designator per
// subfile: type ("DL", "ID", "Z?") + offset (4 digits) + length (4 digits). A subfile starts with
// its type and holds elements "<3-letter id><value>" ended by the element separator; the segment
// terminator ends the subfile.
//
// Scanners are not always faithful (CR/LF rewritten, offsets off by a few bytes), so the reader is
// lenient where the meaning stays clear: it takes the DL/ID subfile at its designated offset when
// the type is there, else at the first occurrence of its type after the designators; any of
// LF, CR, 0x1E (and the header's own separators) ends an element; values are trimmed of spaces.
#include "payref/aamva.hpp"

#include <optional>
#include <utility>
#include <vector>

#include "payref/calendar.hpp"
#include "payref/fields.hpp"

namespace payref::aamva {

namespace {

struct Element {
  std::string_view id;
  std::string_view value;
};

bool is_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

int to_int(std::string_view digits) {
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

bool is_upper_or_digit(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

Status not_aamva(const char* message) {
  return Status::invalid("aamva.not_aamva", "", message);
}

struct Header {
  std::string separators;     // the header's element separator, record separator, terminator
  int version = 0;            // AAMVA version: 1 (2000) … 10 (2020)
  std::size_t designators = 0;  // where the subfile designators start
  int entries = 0;
};

std::optional<Header> read_header(std::string_view code) {
  // "@", then the three separator characters (control characters), then the file type.
  if (code.empty() || code[0] != '@') return std::nullopt;
  std::size_t pos = 1;
  Header h;
  while (pos < code.size() && pos <= 5 && static_cast<unsigned char>(code[pos]) < 0x20) h.separators += code[pos++];
  const std::string_view rest = code.substr(pos);
  if (rest.substr(0, 5) != "ANSI " && rest.substr(0, 5) != "AAMVA") return std::nullopt;
  pos += 5;
  // IIN (6) + version (2) [+ jurisdiction version (2) from version 2] + entries (2).
  if (code.size() < pos + 8 || !is_digits(code.substr(pos, 8))) return std::nullopt;
  h.version = to_int(code.substr(pos + 6, 2));
  pos += 8;
  if (h.version >= 2) {
    if (code.size() < pos + 2 || !is_digits(code.substr(pos, 2))) return std::nullopt;
    pos += 2;
  }
  if (code.size() < pos + 2 || !is_digits(code.substr(pos, 2))) return std::nullopt;
  h.entries = to_int(code.substr(pos, 2));
  h.designators = pos + 2;
  return h;
}

// Where the DL (or else ID) subfile's data starts, just after its 2-letter type; npos if none.
std::size_t subfile_start(std::string_view code, const Header& h) {
  std::size_t fallback_search_from = h.designators;
  std::size_t best = std::string_view::npos;
  int best_rank = 3;
  for (int i = 0; i < h.entries; ++i) {
    const std::size_t at = h.designators + static_cast<std::size_t>(i) * 10;
    if (code.size() < at + 10) break;
    const std::string_view type = code.substr(at, 2);
    fallback_search_from = at + 10;
    const int rank = type == "DL" ? 0 : type == "ID" ? 1 : 3;
    if (rank >= best_rank) continue;
    std::size_t start = std::string_view::npos;
    const std::string_view offset = code.substr(at + 2, 4);
    if (is_digits(offset)) {
      const std::size_t o = static_cast<std::size_t>(to_int(offset));
      if (o + 2 <= code.size() && code.substr(o, 2) == type) start = o + 2;
    }
    if (start == std::string_view::npos) {
      const std::size_t found = code.find(type, h.designators + static_cast<std::size_t>(h.entries) * 10);
      if (found != std::string_view::npos) start = found + 2;
    }
    if (start != std::string_view::npos) {
      best = start;
      best_rank = rank;
    }
  }
  if (best != std::string_view::npos) return best;
  // No usable designator: a DL subfile right after whatever designators there were.
  const std::size_t found = code.find("DL", fallback_search_from);
  return found == std::string_view::npos ? found : found + 2;
}

bool is_separator(char c, const std::string& declared) {
  return c == '\n' || c == '\r' || c == '\x1e' || declared.find(c) != std::string::npos;
}

// The subfile's elements, up to its end (a token that is not a "D.." element: the next subfile).
std::vector<Element> read_elements(std::string_view code, std::size_t start, const Header& h) {
  std::vector<Element> out;
  std::size_t pos = start;
  while (pos < code.size()) {
    std::size_t end = pos;
    while (end < code.size() && !is_separator(code[end], h.separators)) ++end;
    const std::string_view token = code.substr(pos, end - pos);
    pos = end + 1;
    if (token.empty()) continue;
    if (token.size() < 3 || token[0] != 'D' || !is_upper_or_digit(token[1]) || !is_upper_or_digit(token[2])) break;
    out.push_back({token.substr(0, 3), trim(token.substr(3))});
  }
  return out;
}

std::optional<std::string_view> find(const std::vector<Element>& elements, std::string_view id) {
  for (const auto& e : elements)
    if (e.id == id && !e.value.empty()) return e.value;
  return std::nullopt;
}

// "CCYYMMDD" (Canada) or "MMDDCCYY" (US) → "YYYY-MM-DD". The two cannot both be real dates from
// 1900 on (a CCYY from 19 on is not a month), so the other form is tried when the first fails.
std::optional<std::string> read_date(std::string_view text, bool canadian) {
  if (text.size() != 8 || !is_digits(text)) return std::nullopt;
  const std::string ccyymmdd = std::string(text.substr(0, 4)) + "-" + std::string(text.substr(4, 2)) + "-" +
                               std::string(text.substr(6, 2));
  const std::string mmddccyy = std::string(text.substr(4, 4)) + "-" + std::string(text.substr(0, 2)) + "-" +
                               std::string(text.substr(2, 2));
  const std::string& first = canadian ? ccyymmdd : mmddccyy;
  const std::string& second = canadian ? mmddccyy : ccyymmdd;
  if (parse_iso_date(first)) return first;
  if (parse_iso_date(second)) return second;
  return std::nullopt;
}

// Splits "FIRST MIDDLE" / "FIRST,MIDDLE" at the first space or comma.
std::pair<std::string_view, std::string_view> split_given(std::string_view given) {
  const std::size_t cut = given.find_first_of(" ,");
  if (cut == std::string_view::npos) return {given, {}};
  return {trim(given.substr(0, cut)), trim(given.substr(cut + 1))};
}

}  // namespace

Result<Licence> decode(std::string_view code) {
  // Leading spaces or line breaks from a scanner's prefix are not part of the data.
  while (!code.empty() && (code.front() == ' ' || code.front() == '\t' || code.front() == '\n' || code.front() == '\r'))
    code.remove_prefix(1);
  if (code.empty()) return Status::invalid("aamva.empty", "", "the barcode text is empty");
  const auto header = read_header(code);
  if (!header) return not_aamva("not AAMVA DL/ID text: it must start with \"@\" and the \"ANSI \" header");
  const std::size_t start = subfile_start(code, *header);
  if (start == std::string_view::npos) return not_aamva("no DL or ID subfile in the barcode text");
  const auto elements = read_elements(code, start, *header);

  const auto missing = [](const char* id) {
    return Status::invalid("aamva.missing_element", id, std::string("the licence has no ") + id + " element");
  };

  Licence l;
  const auto number = find(elements, "DAQ");
  if (!number) return missing("DAQ");
  l.govid_number = std::string(*number);

  // Names: DCS/DAC/DAD (version 2+); DCT "given names" (version 2–3); DAB/DAA (version 1, where
  // DAA is "LAST,FIRST,MIDDLE").
  std::string_view last, first, middle;
  if (const auto v = find(elements, "DAD")) middle = *v;
  if (const auto v = find(elements, "DCS")) last = *v;
  else if (const auto v = find(elements, "DAB")) last = *v;
  if (const auto v = find(elements, "DAC")) {
    first = *v;
  } else if (const auto v = find(elements, "DCT")) {
    const auto [f, m] = split_given(*v);
    first = f;
    if (middle.empty()) middle = m;
  }
  if (const auto full = find(elements, "DAA"); full && (last.empty() || first.empty())) {
    const std::size_t c1 = full->find(',');
    const std::string_view full_last = trim(full->substr(0, c1));
    if (last.empty()) last = full_last;
    if (first.empty() && c1 != std::string_view::npos) {
      const auto [f, m] = split_given(trim(full->substr(c1 + 1)));
      first = f;
      if (middle.empty()) middle = m;
    }
  }
  if (last.empty()) return missing("DCS");
  if (first.empty()) return missing("DAC");
  l.first_name = std::string(first);
  l.middle_name = std::string(middle);
  l.last_name = std::string(last);

  // Address: the mailing address (DAG…DAK); version-1 cards may carry only the residence one.
  const auto pick = [&](std::string_view id, std::string_view alternative) -> std::string {
    if (const auto v = find(elements, id)) return std::string(*v);
    if (const auto v = find(elements, alternative)) return std::string(*v);
    return {};
  };
  l.address_1 = pick("DAG", "DAL");
  l.city = pick("DAI", "DAN");
  l.province = pick("DAJ", "DAO");
  l.postal_code = pick("DAK", "DAP");
  if (l.province.empty()) return missing("DAJ");
  l.govid_issuedby = l.province;

  // Country: DCG when present, else a Canadian province code means Canada.
  bool canadian = false;
  if (const auto country = find(elements, "DCG")) canadian = *country == "CAN";
  else canadian = validate_ca_province(l.province).is_valid;
  l.govid_type = canadian ? "CADL" : "USDL";

  const auto dob_text = find(elements, "DBB");
  if (!dob_text) return missing("DBB");
  const auto dob = read_date(*dob_text, canadian);
  if (!dob) return Status::invalid("aamva.bad_date", "DBB", "the birth date is not a CCYYMMDD or MMDDCCYY date");
  l.dob = *dob;
  const auto expiry_text = find(elements, "DBA");
  if (!expiry_text) return missing("DBA");
  const auto expiry = read_date(*expiry_text, canadian);
  if (!expiry) return Status::invalid("aamva.bad_date", "DBA", "the expiry date is not a CCYYMMDD or MMDDCCYY date");
  l.govid_expiry = *expiry;
  return l;
}

}  // namespace payref::aamva
