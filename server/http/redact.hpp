// The one masking of secrets in payref-server (docs/sandbox.md "What is masked where"): whatever
// is recorded or printed — the sandbox's request log, the info/debug log lines, the exception
// boundary's error lines — goes through here first. Nothing else in the server masks text.
//
// redact() takes any text, well-formed or not, and masks in one pass:
//   - card numbers: runs of 13–19 digits (single spaces or dashes allowed between them) keep at
//     most their first six and last four digits;
//   - the value of every field named like a secret (names_a_secret), in every encoding a request
//     or a response of the four families uses: JSON ("Key": "…", nested objects and arrays, numbers;
//     strings are unescaped first), form-urlencoded bodies and query strings (name=value, names
//     percent-decoded, dotted or bracketed: Authentication.Key, a[client_secret]), XML elements
//     (<Password>…</Password>, prefixed names, CDATA) and attributes (password="…");
//   - credentials after an authorization scheme (Basic …, Bearer …) in free text;
//   - and the same inside nested encodings: a JSON string holding a form body, a form value
//     holding percent-encoded JSON, and so on (a few levels deep).
// The text around the masked values is kept byte for byte.
//
// A family adds what the built-in names cannot know as data: more secret names, and the
// exchanges whose whole successful response body is a secret (the CMS sign-on answers a bare JSON
// string, the session token). Declarations are made while routes are added, before serving.
#pragma once

#include <string>
#include <string_view>

namespace payref::http {

inline constexpr std::string_view kMask = "***";

std::string redact(std::string_view text);

// A URL's query string (the part after '?') as the log shows it: name=value pairs, percent-decoded,
// each secret value masked and every other value redacted.
std::string redact_query(std::string_view query);

// An HTTP header's value as it may be shown: Authorization and Proxy-Authorization keep only their
// scheme ("Basic ***"), Cookie and Set-Cookie their cookie names and attributes, a header named
// like a secret (X-Api-Key) nothing; any other value is redact()ed.
std::string redact_header(std::string_view name, std::string_view value);

// Whether a field of this name holds a secret (a security code, a password, a key, a token, a
// secret, an activation or verification code, a bank account number, an authorization header):
// its value is masked whole, wherever it appears. Case, '_' and '-' do not matter; a dotted name
// is judged by its last part.
bool names_a_secret(std::string_view field_name);

// Family declarations (see above). Thread-safe; meant to be called while routes are added.
void declare_secret_name(std::string_view field_name);
void declare_secret_response(std::string_view method, std::string_view path);
// Whether the successful response to this exchange is a secret as a whole.
bool response_is_secret(std::string_view method, std::string_view path);

// A response body as it may be recorded or printed: "***" (as a JSON string when the body is one)
// for a declared secret response that succeeded (status < 400), else redact(body).
std::string redact_response(std::string_view method, std::string_view path, int status, std::string_view body);

// "*****6789" for a bank account number (last four only: it has no public prefix).
std::string mask_account_number(std::string_view digits);

}  // namespace payref::http
