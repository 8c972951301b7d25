#include "billing/xml_reader.hpp"

#include <cstdint>
#include "http/text_codec.hpp"

namespace payref::billing::xml {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_name_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_name_char(char c) { return is_name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.'; }

// A character reference's body ("#65", "#x41") as a code point XML allows; nullopt otherwise.
std::optional<std::uint32_t> char_ref(std::string_view body) {
  const bool hex = body.size() > 1 && body[1] == 'x';
  const std::string_view digits = body.substr(hex ? 2 : 1);
  if (digits.empty() || digits.size() > 8) return std::nullopt;
  std::uint32_t cp = 0;
  for (char c : digits) {
    int v = -1;
    if (c >= '0' && c <= '9') v = c - '0';
    else if (hex && c >= 'a' && c <= 'f') v = c - 'a' + 10;
    else if (hex && c >= 'A' && c <= 'F') v = c - 'A' + 10;
    if (v < 0) return std::nullopt;
    cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(v);
    if (cp > 0x10FFFF) return std::nullopt;
  }
  const bool allowed = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
                       (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000;
  if (!allowed) return std::nullopt;
  return cp;
}

class Reader {
 public:
  explicit Reader(std::string_view text) : s_(text) {}

  std::optional<std::map<std::string, std::string>> run(std::string& error) {
    if (s_.substr(0, 3) == "\xEF\xBB\xBF") i_ = 3;  // a UTF-8 byte order mark
    skip_space();
    if (s_.substr(i_, 5) == "<?xml" && i_ + 5 < s_.size() && is_space(s_[i_ + 5])) {
      const auto end = s_.find("?>", i_);
      if (end == std::string_view::npos) return fail(error, "the XML declaration is not closed");
      i_ = end + 2;
      skip_space();
    }
    if (!take('<')) return fail(error, "the body must be a <customer> element");
    if (peek() == '!' || peek() == '?')
      return fail(error, "DOCTYPEs, comments and processing instructions are not accepted");
    if (name() != "customer") return fail(error, "the root element must be <customer>");
    std::map<std::string, std::string> attributes;
    while (true) {
      const bool spaced = skip_space();
      if (s_.substr(i_, 2) == "/>") {
        i_ += 2;
        break;
      }
      if (take('>')) {
        skip_space();
        if (s_.substr(i_, 10) != "</customer")
          return fail(error, "child elements and text are not read: send the fields as attributes of <customer>");
        i_ += 10;
        skip_space();
        if (!take('>')) return fail(error, "the closing tag </customer> is malformed");
        break;
      }
      if (!spaced) return fail(error, "attributes must be separated by whitespace");
      const std::string key = name();
      if (key.empty()) return fail(error, "an attribute name is malformed");
      skip_space();
      if (!take('=')) return fail(error, "an attribute has no '=' after its name");
      skip_space();
      const char quote = peek();
      if (quote != '"' && quote != '\'') return fail(error, "an attribute value is not quoted");
      ++i_;
      const auto end = s_.find(quote, i_);
      if (end == std::string_view::npos) return fail(error, "an attribute value is not closed");
      auto value = decode(s_.substr(i_, end - i_));
      if (!value) return fail(error, "an attribute value has '<' or an entity other than &amp; &lt; &gt; &quot; &apos; &#N;");
      i_ = end + 1;
      if (!attributes.emplace(key, std::move(*value)).second) return fail(error, "an attribute appears twice");
    }
    skip_space();
    if (i_ != s_.size()) return fail(error, "there is more after the </customer> element");
    return attributes;
  }

 private:
  static std::nullopt_t fail(std::string& error, std::string why) {
    error = std::move(why);
    return std::nullopt;
  }
  char peek() const { return i_ < s_.size() ? s_[i_] : '\0'; }
  bool take(char c) {
    if (peek() != c) return false;
    ++i_;
    return true;
  }
  bool skip_space() {
    const std::size_t start = i_;
    while (i_ < s_.size() && is_space(s_[i_])) ++i_;
    return i_ > start;
  }
  std::string name() {
    if (!is_name_start(peek())) return {};
    const std::size_t start = i_;
    while (i_ < s_.size() && is_name_char(s_[i_])) ++i_;
    return std::string(s_.substr(start, i_ - start));
  }
  static std::optional<std::string> decode(std::string_view raw) {
    std::string out;
    for (std::size_t k = 0; k < raw.size(); ++k) {
      const char c = raw[k];
      if (c == '<') return std::nullopt;
      if (is_space(c)) {
        out += ' ';  // attribute-value normalisation
        continue;
      }
      if (c != '&') {
        out += c;
        continue;
      }
      const auto semi = raw.find(';', k);
      if (semi == std::string_view::npos || semi - k > 12) return std::nullopt;
      const std::string_view entity = raw.substr(k + 1, semi - k - 1);
      if (entity == "amp") out += '&';
      else if (entity == "lt") out += '<';
      else if (entity == "gt") out += '>';
      else if (entity == "quot") out += '"';
      else if (entity == "apos") out += '\'';
      else if (!entity.empty() && entity[0] == '#') {
        const auto cp = char_ref(entity);
        if (!cp) return std::nullopt;
        http::append_utf8(out, *cp);
      } else {
        return std::nullopt;
      }
      k = semi;
    }
    return out;
  }

  std::string_view s_;
  std::size_t i_ = 0;
};

}  // namespace

std::optional<std::map<std::string, std::string>> read_customer(std::string_view text, std::string& error) {
  return Reader(text).run(error);
}

}  // namespace payref::billing::xml
