// The small decodings several readers of request text share: form/query percent-decoding and
// writing a code point as UTF-8 (for \uXXXX and &#...; escapes). One place, so that the billing
// form reader and the redaction of logged text decode exactly alike.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace payref::http {

// 0–15 for a hex digit, -1 otherwise.
int hex_value(char c);

// application/x-www-form-urlencoded decoding: '+' is a space, %XX a byte; nullopt when a '%' is
// not followed by two hex digits.
std::optional<std::string> percent_decode(std::string_view text);

// Appends code point `cp` to `out` as UTF-8 (the caller has checked it is a scalar value).
void append_utf8(std::string& out, std::uint32_t cp);

}  // namespace payref::http
