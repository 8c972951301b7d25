#include "http/redact.hpp"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <mutex>
#include <optional>
#include <set>
#include <shared_mutex>

#include "http/text_codec.hpp"
#include "payref/card.hpp"

namespace payref::http {

namespace {

// How many encodings deep redact() looks (a JSON string holding a form body holding
// percent-encoded JSON …). Deeper text is still scanned, without further unescaping.
constexpr int kMaxDepth = 4;

bool is_digit(char c) { return c >= '0' && c <= '9'; }
// ASCII only, without the locale lookups of std::isalnum and std::tolower: every byte of every recorded body passes here.
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Characters of a form / query / attribute name: "Authentication.Key", "a[b][client_secret]",
// "client%5Fsecret", "xs:password" is read as "xs" and "password".
bool is_name_char(char c) { return is_alnum(c) || c == '_' || c == '-' || c == '.' || c == '[' || c == ']' || c == '%'; }
bool is_xml_name_start(char c) { return is_alpha(c) || c == '_'; }
bool is_xml_name_char(char c) { return is_alnum(c) || c == '_' || c == '-' || c == '.' || c == ':'; }
// Where an unquoted value (name=value) ends: the next pair, cookie, attribute, tag or quote.
bool ends_value(char c) { return c == '&' || c == ';' || is_space(c) || c == '"' || c == '\'' || c == '<' || c == '>' || c == '\\'; }
// Characters of a credential after "Basic " / "Bearer " (base64, base64url, hex, JWTs).
bool is_credential_char(char c) { return is_alnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/' || c == '='; }

std::string normalized(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  for (char c : name)
    if (c != '_' && c != '-' && c != ' ') out += lower(c);
  return out;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// What the families declared (redact.hpp). Read on every masked text, written at start-up.
struct Declarations {
  std::shared_mutex mutex;
  // Bit n set when a declared name has n characters (n < 64; bit 63 for longer ones): most
  // names are rejected by this one load, without the lock every masking thread would share.
  std::atomic<std::uint64_t> name_lengths{0};
  std::set<std::string, std::less<>> names;      // normalized
  std::set<std::string, std::less<>> responses;  // "GET /path"
};

Declarations& declarations() {
  static Declarations d;
  return d;
}

std::uint64_t length_bit(std::size_t length) { return std::uint64_t{1} << std::min<std::size_t>(length, 63); }

// `normalized_name` among the families' declarations.
bool is_declared(std::string_view normalized_name) {
  auto& d = declarations();
  if ((d.name_lengths.load(std::memory_order_acquire) & length_bit(normalized_name.size())) == 0) return false;
  std::shared_lock lock(d.mutex);
  return d.names.count(normalized_name) != 0;
}

// A name ending so is a secret's: "client_secret", "access_token", "NewPassword".
constexpr std::string_view kSecretSuffixes[] = {"password", "passwd", "passphrase", "secret", "token", "apikey"};

bool ends_like_a_secret(std::string_view normalized_name) {
  for (const std::string_view suffix : kSecretSuffixes)
    if (ends_with(normalized_name, suffix)) return true;
  return false;
}

// names_a_secret for a name of more than 64 characters (no built-in name is that long).
bool names_a_secret_slowly(std::string_view leaf) {
  const std::string n = normalized(leaf);
  return ends_like_a_secret(n) || is_declared(n);
}

// The last part of a dotted or bracketed name: "Authentication.Key" → "Key", "a[b][Key]" → "Key".
std::string_view leaf_of(std::string_view name) {
  while (!name.empty() && name.back() == ']') name.remove_suffix(1);
  // A loop, not find_last_of(".["), which calls memchr once per character.
  std::size_t start = name.size();
  while (start > 0 && name[start - 1] != '.' && name[start - 1] != '[') --start;
  return name.substr(start);
}

std::string percent_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : text) {
    if (is_alnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '*') {
      out += c;
    } else {
      const auto b = static_cast<unsigned char>(c);
      out += '%';
      out += kHex[b >> 4];
      out += kHex[b & 0xF];
    }
  }
  return out;
}

std::optional<std::uint32_t> hex4(std::string_view s, std::size_t at) {
  if (at + 4 > s.size()) return std::nullopt;
  std::uint32_t v = 0;
  for (std::size_t k = at; k < at + 4; ++k) {
    const int h = hex_value(s[k]);
    if (h < 0) return std::nullopt;
    v = v * 16 + static_cast<std::uint32_t>(h);
  }
  return v;
}

// The text of a JSON string's content (between the quotes); malformed escapes are kept as written.
std::string json_unescape(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '\\' || i + 1 >= raw.size()) {
      out += raw[i];
      continue;
    }
    const char e = raw[++i];
    switch (e) {
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'u': {
        auto cp = hex4(raw, i + 1);
        if (!cp) {
          out += "\\u";
          break;
        }
        i += 4;
        if (*cp >= 0xD800 && *cp < 0xDC00 && i + 2 < raw.size() && raw[i + 1] == '\\' && raw[i + 2] == 'u') {
          if (const auto low = hex4(raw, i + 3); low && *low >= 0xDC00 && *low < 0xE000) {
            *cp = 0x10000 + ((*cp - 0xD800) << 10) + (*low - 0xDC00);
            i += 6;
          }
        }
        append_utf8(out, *cp);
        break;
      }
      default: out += e;  // \" \\ \/ and anything else
    }
  }
  return out;
}

std::string json_escape(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(text.size() + 8);
  for (char c : text) {
    const auto b = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (b < 0x20) {
      out += "\\u00";
      out += kHex[b >> 4];
      out += kHex[b & 0xF];
    } else {
      out += c;
    }
  }
  return out;
}

// The closing quote of the JSON string opened at `open`, or npos.
std::size_t json_string_end(std::string_view s, std::size_t open) {
  for (std::size_t i = open + 1; i < s.size(); ++i) {
    if (s[i] == '\\') ++i;
    else if (s[i] == '"') return i;
  }
  return std::string_view::npos;
}

// The bracket closing the JSON object or array opened at `open`, or npos.
std::size_t json_container_end(std::string_view s, std::size_t open) {
  int depth = 0;
  for (std::size_t i = open; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '"') {
      i = json_string_end(s, i);
      if (i == std::string_view::npos) return i;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if ((c == '}' || c == ']') && --depth == 0) {
      return i;
    }
  }
  return std::string_view::npos;
}

std::size_t skip_spaces(std::string_view s, std::size_t i) {
  while (i < s.size() && is_space(s[i])) ++i;
  return i;
}

// From `start` (a digit), the end of a run of digits that may contain single spaces or dashes.
std::size_t digit_run_end(std::string_view s, std::size_t start, std::size_t& digits) {
  std::size_t i = start, end = start;
  digits = 0;
  while (i < s.size()) {
    if (is_digit(s[i])) {
      ++digits;
      end = ++i;
    } else if ((s[i] == ' ' || s[i] == '-') && i + 1 < s.size() && is_digit(s[i + 1])) {
      ++i;
    } else {
      break;
    }
  }
  return end;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

void scan(std::string_view s, std::string& out, int depth);

std::string scanned(std::string_view s, int depth) {
  std::string out;
  out.reserve(s.size());
  scan(s, out, depth);
  return out;
}

// Field errors that echo what was sent name the field in one member and hold the value in
// another: {"param": "security_answer", "msg": "...", "value": "..."}. After such a naming
// member, the object's "value" member is a secret too (until the object closes).
bool names_the_field(std::string_view key) { return key == "param" || key == "field" || key == "name"; }

// Whether the unescaped text of a JSON string holds nothing scan() could mask: no '=' (a form
// pair), no '<' (XML), no space (the one after "Basic" or "Bearer") and fewer than 13 digits in
// all (no card number). Most strings of a response are such (dates, ids, codes, names), and
// copying them whole is what keeps masking every recorded exchange cheap.
bool holds_nothing_to_mask(std::string_view raw) {
  std::size_t digits = 0;
  for (const char c : raw) {
    if (c == '=' || c == '<' || c == ' ') return false;
    digits += is_digit(c) ? 1 : 0;
  }
  return digits < 13;
}

// At a '"': a JSON string. A key named like a secret has its value (string, number, object or
// array) replaced by "***"; any other string's text is redacted in turn (unescaped first, so an
// escaped JSON or form body inside is read as such). Returns where scanning goes on.
std::size_t json_string(std::string_view s, std::size_t i, std::string& out, int depth, bool& secret_value_member) {
  const std::size_t close = json_string_end(s, i);
  const std::size_t after = close == std::string_view::npos ? s.size() : close + 1;
  const std::string_view raw = s.substr(i + 1, after - i - 1 - (close == std::string_view::npos ? 0 : 1));
  const bool escaped = raw.find('\\') != std::string_view::npos;
  const std::size_t colon = skip_spaces(s, after);
  if (close != std::string_view::npos && colon < s.size() && s[colon] == ':') {
    std::string unescaped_key;
    if (escaped) unescaped_key = json_unescape(raw);
    const std::string_view key = escaped ? std::string_view(unescaped_key) : raw;
    if (!names_a_secret(leaf_of(key)) && !(secret_value_member && key == "value")) {
      if (names_the_field(key)) {
        const std::size_t value = skip_spaces(s, colon + 1);
        const std::size_t end = value < s.size() && s[value] == '"' ? json_string_end(s, value) : std::string_view::npos;
        if (end != std::string_view::npos && names_a_secret(leaf_of(json_unescape(s.substr(value + 1, end - value - 1)))))
          secret_value_member = true;
      }
      out.append(s.substr(i, after - i));
      return after;
    }
    const std::size_t value = skip_spaces(s, colon + 1);
    out.append(s.substr(i, value - i));
    if (value >= s.size()) return value;
    const char v = s[value];
    std::size_t end;
    if (v == '"') {
      end = json_string_end(s, value);
      if (end == value + 1) {  // "": nothing to hide, and worth seeing
        out += "\"\"";
        return end + 1;
      }
    } else if (v == '{' || v == '[') {
      end = json_container_end(s, value);
    } else if (is_digit(v) || v == '-' || v == '+' || v == '.') {
      end = value;
      while (end + 1 < s.size() && (is_alnum(s[end + 1]) || s[end + 1] == '.' || s[end + 1] == '-' || s[end + 1] == '+')) ++end;
    } else {
      return value;  // true, false, null, or not JSON: scanned as usual
    }
    out += "\"***\"";
    return end == std::string_view::npos ? s.size() : end + 1;
  }
  if (depth >= kMaxDepth) {
    out += '"';
    return i + 1;
  }
  if (escaped) {
    const std::string text = json_unescape(raw);
    const std::string masked = scanned(text, depth + 1);
    if (masked == text) {
      out.append(s.substr(i, after - i));
    } else {
      out += '"';
      out += json_escape(masked);
      if (close != std::string_view::npos) out += '"';
    }
  } else if (holds_nothing_to_mask(raw)) {
    out.append(s.substr(i, after - i));
  } else {
    out += '"';
    scan(raw, out, depth + 1);
    if (close != std::string_view::npos) out += '"';
  }
  return after;
}

// At '<' and a name: an XML element named like a secret has its content masked up to the next
// end tag, its attributes redacted. Returns npos when the element is not a secret one.
std::size_t xml_element(std::string_view s, std::size_t i, std::string& out, int depth) {
  std::size_t name_end = i + 1;
  while (name_end < s.size() && is_xml_name_char(s[name_end])) ++name_end;
  std::string_view name = s.substr(i + 1, name_end - i - 1);
  if (const auto colon = name.rfind(':'); colon != std::string_view::npos) name.remove_prefix(colon + 1);
  if (!names_a_secret(name)) return std::string_view::npos;
  std::size_t gt = name_end;
  for (char quote = 0; gt < s.size(); ++gt) {
    if (quote) {
      if (s[gt] == quote) quote = 0;
    } else if (s[gt] == '"' || s[gt] == '\'') {
      quote = s[gt];
    } else if (s[gt] == '>') {
      break;
    }
  }
  out += '<';
  scan(s.substr(i + 1, std::min(gt, s.size()) - i - 1), out, depth);
  if (gt >= s.size()) return s.size();
  out += '>';
  if (s[gt - 1] == '/') return gt + 1;  // <Password/>
  const std::size_t content = gt + 1;
  std::size_t end = s.find("</", content);
  if (end == std::string_view::npos) {
    // No end tag: mask to the next tag or the end, unless it reads like prose ("<access_token>
    // header.": an error message naming a field, not XML).
    end = std::min(s.find('<', content), s.size());
    for (std::size_t k = content; k < end; ++k)
      if (is_space(s[k])) return content;
  }
  if (end > content) out += kMask;
  return end;
}

// At the start of a name: name=value (form bodies, query strings, cookies, attributes
// name="value"), and "Basic xxx" / "Bearer xxx". Returns npos when neither applies.
std::size_t name_value(std::string_view s, std::size_t i, std::string& out, int depth) {
  std::size_t name_end = i;
  while (name_end < s.size() && is_name_char(s[name_end])) ++name_end;
  const std::string_view raw_name = s.substr(i, name_end - i);
  if (name_end < s.size() && s[name_end] == ' ' && (iequals(raw_name, "basic") || iequals(raw_name, "bearer"))) {
    const std::size_t credential = skip_spaces(s, name_end);
    std::size_t end = credential;
    while (end < s.size() && is_credential_char(s[end])) ++end;
    while (end > credential && s[end - 1] == '.') --end;  // the sentence's full stop
    if (end - credential >= 8) {
      out.append(s.substr(i, credential - i)).append(kMask);
      return end;
    }
    return std::string_view::npos;
  }
  std::size_t eq = name_end;
  while (eq < s.size() && s[eq] == ' ') ++eq;
  if (eq >= s.size() || s[eq] != '=' || name_end == i) return std::string_view::npos;
  const std::size_t value = skip_spaces(s, eq + 1);
  const bool quoted = value < s.size() && (s[value] == '"' || s[value] == '\'');
  if ((eq != name_end || value != eq + 1) && !quoted) return std::string_view::npos;  // "a = b" is prose
  const auto decoded_name = percent_decode(raw_name);
  const bool secret = names_a_secret(leaf_of(decoded_name ? std::string_view(*decoded_name) : raw_name));
  if (quoted) {
    if (!secret) return std::string_view::npos;  // the quoted value is scanned as a string
    const std::size_t close = s.find(s[value], value + 1);
    out.append(s.substr(i, value + 1 - i));
    if (close == value + 1) {
      out += s[value];
      return close + 1;
    }
    out.append(kMask);
    if (close == std::string_view::npos) return s.size();
    out += s[value];
    return close + 1;
  }
  std::size_t end = value;
  while (end < s.size() && !ends_value(s[end])) ++end;
  out.append(s.substr(i, value - i));
  if (secret) {
    if (end > value) out.append(kMask);
    return end;
  }
  // A percent-encoded value may hold anything (JSON, another form body, a spaced card number).
  const std::string_view raw_value = s.substr(value, end - value);
  if (depth < kMaxDepth && (raw_value.find('%') != std::string_view::npos || raw_value.find('+') != std::string_view::npos)) {
    if (const auto text = percent_decode(raw_value)) {
      const std::string masked = scanned(*text, depth + 1);
      if (masked != *text) {
        out += percent_encode(masked);
        return end;
      }
    }
  }
  return value;  // the plain value is scanned as usual
}

void scan(std::string_view s, std::string& out, int depth) {
  bool secret_value_member = false;
  for (std::size_t i = 0; i < s.size();) {
    const char c = s[i];
    if (c == '"') {
      i = json_string(s, i, out, depth, secret_value_member);
      continue;
    }
    if (c == '}') secret_value_member = false;
    if (c == '<' && i + 1 < s.size() && is_xml_name_start(s[i + 1])) {
      if (const auto next = xml_element(s, i, out, depth); next != std::string_view::npos) {
        i = next;
        continue;
      }
    }
    if (is_name_char(c) && (i == 0 || !is_name_char(s[i - 1]))) {
      if (const auto next = name_value(s, i, out, depth); next != std::string_view::npos) {
        i = next;
        continue;
      }
    }
    if (is_digit(c) && (i == 0 || !is_digit(s[i - 1]))) {
      std::size_t digits = 0;
      const std::size_t end = digit_run_end(s, i, digits);
      if (digits >= 13 && digits <= 19) {
        std::string only;
        for (std::size_t k = i; k < end; ++k)
          if (is_digit(s[k])) only += s[k];
        out += mask_card_number(only);
      } else {
        out.append(s.substr(i, end - i));
      }
      i = end;
      continue;
    }
    out += c;
    ++i;
  }
}

}  // namespace

bool names_a_secret(std::string_view name) {
  // Normalized (lower case, without '_', '-' and spaces) into a buffer on the stack: this runs
  // for every key of every recorded body.
  const std::string_view leaf = leaf_of(name);
  char buffer[64];
  std::size_t n_size = 0;
  for (const char c : leaf) {
    if (c == '_' || c == '-' || c == ' ') continue;
    if (n_size == sizeof buffer) return names_a_secret_slowly(leaf);
    buffer[n_size++] = lower(c);
  }
  const std::string_view n(buffer, n_size);
  if (n.empty()) return false;
  // Security codes; credentials (Authentication.Key, passwords, tokens, client secrets, one-time
  // codes); bank account numbers, which are too short for the card-number rule; headers that
  // carry credentials.
  static constexpr std::string_view kExact[] = {
      "cvv", "cvc", "cvv2", "cvc2", "cid", "securitycode", "cardsecuritycode", "key", "apikey", "privatekey", "secretkey",
      "pin", "otp", "activationcode", "verificationcode", "bankaccountnumber", "accountnumber", "authorization",
      "proxyauthorization", "cookie", "setcookie"};
  for (const std::string_view exact : kExact)
    if (n == exact) return true;
  return ends_like_a_secret(n) || is_declared(n);
}

void declare_secret_name(std::string_view name) {
  auto& d = declarations();
  std::unique_lock lock(d.mutex);
  const std::string n = normalized(name);
  d.names.insert(n);
  d.name_lengths.fetch_or(length_bit(n.size()), std::memory_order_release);
}

void declare_secret_response(std::string_view method, std::string_view path) {
  auto& d = declarations();
  std::unique_lock lock(d.mutex);
  d.responses.insert(std::string(method) + " " + std::string(path));
}

bool response_is_secret(std::string_view method, std::string_view path) {
  auto& d = declarations();
  std::shared_lock lock(d.mutex);
  if (d.responses.empty()) return false;
  return d.responses.count(std::string(method) + " " + std::string(path)) != 0;
}

std::string redact(std::string_view text) { return scanned(text, 0); }

std::string redact_response(std::string_view method, std::string_view path, int status, std::string_view body) {
  if (status < 400 && !body.empty() && response_is_secret(method, path)) {
    const auto first = skip_spaces(body, 0);
    return first < body.size() && body[first] == '"' ? "\"***\"" : std::string(kMask);
  }
  return redact(body);
}

std::string redact_query(std::string_view query) {
  std::string out;
  std::size_t start = 0;
  while (start < query.size()) {
    const std::size_t end = std::min(query.find('&', start), query.size());
    const std::string_view pair = query.substr(start, end - start);
    start = end + 1;
    if (pair.empty()) continue;
    const std::size_t eq = pair.find('=');
    const std::string_view raw_name = pair.substr(0, eq);
    const std::string_view raw_value = eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1);
    const auto name = percent_decode(raw_name);
    const auto value = percent_decode(raw_value);
    if (!out.empty()) out += '&';
    out += redact(name ? *name : std::string(raw_name));
    if (eq == std::string_view::npos) continue;
    out += '=';
    if (names_a_secret(leaf_of(name ? std::string_view(*name) : raw_name))) out.append(raw_value.empty() ? "" : kMask);
    else out += redact(value ? *value : std::string(raw_value));
  }
  return out;
}

std::string redact_header(std::string_view name, std::string_view value) {
  const std::string n = normalized(name);
  if (n == "authorization" || n == "proxyauthorization") {
    const auto space = value.find(' ');
    return space == std::string_view::npos ? std::string(kMask) : std::string(value.substr(0, space)) + " " + std::string(kMask);
  }
  if (n == "cookie" || n == "setcookie") {
    // Cookie: a=1; b=2 → a=***; b=***. Set-Cookie: only its first pair is the cookie.
    std::string out;
    std::size_t start = 0;
    bool first = true;
    while (start <= value.size()) {
      const std::size_t end = std::min(value.find(';', start), value.size());
      std::string_view part = value.substr(start, end - start);
      const std::size_t eq = part.find('=');
      if (!first) out += ';';
      if ((n == "cookie" || first) && eq != std::string_view::npos) out.append(part.substr(0, eq + 1)).append(kMask);
      else out.append(redact(part));
      first = false;
      start = end + 1;
    }
    return out;
  }
  if (names_a_secret(name)) return std::string(kMask);
  return redact(value);
}

std::string mask_account_number(std::string_view digits) {
  if (digits.size() <= 4) return std::string(digits.size(), '*');
  return std::string(digits.size() - 4, '*') + std::string(digits.substr(digits.size() - 4));
}

}  // namespace payref::http
