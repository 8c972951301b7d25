// The shopper-facing message table (sdk/src/data/reason_messages.json) against the reasons the
// core can produce. Reasons are collected from the sources — string literals on the lines that
// produce a reason in sdk/, wasm/ and npm/src — and from the tables of docs/validation.md, so a
// new reason without a sentence in every locale fails here, before any build ships it.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const fs::path kRoot = PAYREF_SOURCE_DIR;

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  BOOST_REQUIRE_MESSAGE(in, "cannot read " << path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

const json& table() {
  static const json t = json::parse(read_text(kRoot / "sdk/src/data/reason_messages.json"));
  return t;
}

std::string family_of(const std::string& reason) { return reason.substr(0, reason.find('.')); }

// Lines that produce a reason in C++: the Validation / Status factories, Status's constructor,
// the `reason =` assignments of the card parsers and the small local helpers that wrap them.
bool produces_reason_cpp(const std::string& line) {
  static const std::regex producer(
      R"(Validation::(invalid|incomplete)\(|Status::invalid\(|Status\(StatusCode::|\breason\s*=|\bfail\(|\bamount_error\()");
  return std::regex_search(line, producer);
}

struct Found {
  std::set<std::string> reasons;
  std::vector<std::string> where;  // "reason  file:line", for messages
};

void scan(const fs::path& dir, const std::set<std::string>& extensions, bool js, Found& found) {
  static const std::regex literal(R"re(["']([a-z]+\.[a-z][a-z0-9_]*)["'])re");
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file() || !extensions.count(entry.path().extension().string())) continue;
    std::istringstream lines(read_text(entry.path()));
    std::string line;
    for (int number = 1; std::getline(lines, line); ++number) {
      const bool producer = js ? line.find("reason") != std::string::npos : produces_reason_cpp(line);
      if (!producer) continue;
      for (std::sregex_iterator m(line.begin(), line.end(), literal), end; m != end; ++m) {
        const std::string reason = (*m)[1];
        if (reason.find(".h") != std::string::npos || reason.ends_with(".json")) continue;  // file names
        if (found.reasons.insert(reason).second)
          found.where.push_back(reason + "  " + fs::relative(entry.path(), kRoot).string() + ":" + std::to_string(number));
      }
    }
  }
}

// Every reason the core can produce, as far as its sources show.
const Found& produced() {
  static const Found found = [] {
    Found f;
    scan(kRoot / "sdk/src", {".cpp", ".hpp"}, false, f);
    scan(kRoot / "sdk/include", {".hpp"}, false, f);
    scan(kRoot / "wasm", {".cpp", ".hpp"}, false, f);
    scan(kRoot / "npm/src", {".mjs"}, true, f);
    return f;
  }();
  return found;
}

// Every reason docs/validation.md names in backquotes (`card.luhn_failed`), except API names that
// the page calls as functions (`money.currency(...)`).
std::set<std::string> documented() {
  const std::string doc = read_text(kRoot / "docs/validation.md");
  static const std::regex quoted(R"(`([a-z]+\.[a-z][a-z0-9_]*)`)");
  std::set<std::string> out;
  for (std::sregex_iterator m(doc.begin(), doc.end(), quoted), end; m != end; ++m) {
    const std::string name = (*m)[1];
    if (doc.find(name + "(") == std::string::npos) out.insert(name);
  }
  return out;
}

std::vector<std::string> locales() { return table().at("locales").get<std::vector<std::string>>(); }

bool has_sentence(const json& entry, const std::string& locale) {
  return entry.is_object() && entry.contains(locale) && entry.at(locale).is_string() &&
         entry.at(locale).get<std::string>().find_first_not_of(" \t\n") != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(reason_messages_tests)

BOOST_AUTO_TEST_CASE(finds_the_reasons_of_every_part_of_the_core) {
  // Guards the scan itself: were it to find nothing, the coverage checks below would pass vacuously.
  const auto& reasons = produced().reasons;
  for (const char* r : {"card.luhn_failed", "expiry.incomplete", "postal.malformed", "money.too_many_decimals",
                        "money.not_integer", "expiry.today_invalid", "discount.minimum_not_met",
                        "financing.apr_out_of_range", "aamva.bad_date", "pricing.not_an_upgrade",
                        "subscription.transition_refused", "client.unknown_operation", "field.invalid"})
    BOOST_TEST(reasons.count(r) == 1, r << " not found in the sources");
  BOOST_TEST(reasons.count("clients.register") == 0);  // a gateway operation, not a reason
  BOOST_TEST(reasons.size() >= 100u);
  BOOST_TEST(documented().count("money.currency") == 0);  // an API function the page calls
}

BOOST_AUTO_TEST_CASE(every_reason_the_sources_produce_has_a_sentence_in_every_locale) {
  const json& reasons = table().at("reasons");
  for (const auto& line : produced().where) {
    const std::string reason = line.substr(0, line.find(' '));
    BOOST_TEST_CONTEXT(line) {
      BOOST_TEST(reasons.contains(reason), "no entry in reason_messages.json");
      for (const auto& locale : locales())
        BOOST_TEST(has_sentence(reasons.contains(reason) ? reasons.at(reason) : json(), locale), "no " << locale << " sentence");
    }
  }
}

BOOST_AUTO_TEST_CASE(every_documented_reason_has_a_sentence_in_every_locale) {
  const json& reasons = table().at("reasons");
  const auto docs = documented();
  BOOST_TEST(docs.size() >= 60u);
  for (const auto& reason : docs)
    for (const auto& locale : locales())
      BOOST_TEST(has_sentence(reasons.contains(reason) ? reasons.at(reason) : json(), locale),
                 reason << " (docs/validation.md): no " << locale << " sentence");
}

BOOST_AUTO_TEST_CASE(has_no_sentence_for_a_reason_nothing_produces) {
  // A misspelt key would otherwise sit in the table while the real reason falls back.
  const auto docs = documented();
  for (const auto& [reason, entry] : table().at("reasons").items())
    BOOST_TEST((produced().reasons.count(reason) == 1 || docs.count(reason) == 1),
               reason << " is in reason_messages.json but no source produces it and the docs do not list it");
}

BOOST_AUTO_TEST_CASE(every_family_and_the_fallback_have_a_sentence_in_every_locale) {
  BOOST_TEST(locales() == (std::vector<std::string>{"en-CA", "fr-CA"}), boost::test_tools::per_element());
  const json& families = table().at("families");
  for (const auto& locale : locales()) {
    BOOST_TEST(has_sentence(table().at("fallback"), locale), "fallback: no " << locale << " sentence");
    for (const auto& [family, entry] : families.items())
      BOOST_TEST(has_sentence(entry, locale), "family " << family << ": no " << locale << " sentence");
  }
  for (const auto& reason : produced().reasons)  // a newer reason of a known family reads sensibly
    BOOST_TEST(families.contains(family_of(reason)), "no family sentence for " << reason);
}

BOOST_AUTO_TEST_SUITE_END()
