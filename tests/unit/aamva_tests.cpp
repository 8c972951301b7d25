#include <boost/test/unit_test.hpp>

#include <string>

#include "payref/aamva.hpp"

using namespace payref;
using namespace payref::aamva;

namespace {
// A header for one DL subfile right after it: "@" LF RS CR "ANSI " IIN version jurisdiction-version
// entries, then the designator "DL" + offset + length. The header is 21 characters, the designator
// 10, so the subfile starts at 31.
std::string header(const std::string& iin = "636012", const std::string& version = "09") {
  return std::string("@\n\x1e\rANSI ") + iin + version + "00" + "01" + "DL0031" + "0200";
}

std::string ontario(const std::string& body) { return header() + "DL" + body + "\r"; }

// An Ontario licence in CCYYMMDD, every element on its own line.
const std::string kOntario = ontario(
    "DAQA1234-56789-01234\nDCSSMITH\nDACJOHN\nDADALEXANDER\nDBD20200115\nDBB19840229\nDBA20280229\n"
    "DAG123 MAIN ST\nDAITORONTO\nDAJON\nDAKM1M 1M1  \nDCGCAN\nDDEN\nDDFN\nDDGN");

// The AAMVA 2016 sample (Virginia), MMDDCCYY, with a jurisdiction subfile after the DL one.
const std::string kVirginia =
    "@\n\x1e\rANSI 636000090002DL00410278ZV03190008DLDAQT64235789\nDCSSAMPLE\nDDEN\nDACMICHAEL\nDDFN\nDADJOHN\n"
    "DDGN\nDCUJR\nDCAD\nDCBK\nDCDPH\nDBD06062016\nDBB06061986\nDBA12102024\nDBC1\nDAU068 in\nDAYBRO\n"
    "DAG2300 WEST BROAD STREET\nDAIRICHMOND\nDAJVA\nDAK232690000  \nDCF2424244747474786102204\nDCGUSA\n"
    "DCK123456789\nDDAF\nDDB06062008\nDDC06062009\nDDD1\rZVZVA01\r";

std::string reason(const Result<Licence>& r) { return r.is_ok() ? "ok" : r.status().reason(); }
std::string field(const Result<Licence>& r) { return r.is_ok() ? "" : r.status().field(); }

std::string replace(std::string s, const std::string& from, const std::string& to) {
  const auto at = s.find(from);
  BOOST_REQUIRE(at != std::string::npos);
  return s.replace(at, from.size(), to);
}
}  // namespace

BOOST_AUTO_TEST_SUITE(aamva_tests)

BOOST_AUTO_TEST_CASE(decodes_a_canadian_licence_into_the_api_fields) {
  const auto l = decode(kOntario);
  BOOST_REQUIRE_MESSAGE(l.is_ok(), reason(l));
  BOOST_TEST(l->first_name == "JOHN");
  BOOST_TEST(l->middle_name == "ALEXANDER");
  BOOST_TEST(l->last_name == "SMITH");
  BOOST_TEST(l->dob == "1984-02-29");
  BOOST_TEST(l->address_1 == "123 MAIN ST");
  BOOST_TEST(l->city == "TORONTO");
  BOOST_TEST(l->province == "ON");
  BOOST_TEST(l->postal_code == "M1M 1M1");
  BOOST_TEST(l->govid_type == "CADL");
  BOOST_TEST(l->govid_issuedby == "ON");
  BOOST_TEST(l->govid_number == "A1234-56789-01234");
  BOOST_TEST(l->govid_expiry == "2028-02-29");
}

BOOST_AUTO_TEST_CASE(decodes_the_aamva_sample_with_us_dates) {
  const auto l = decode(kVirginia);
  BOOST_REQUIRE_MESSAGE(l.is_ok(), reason(l));
  BOOST_TEST(l->first_name == "MICHAEL");
  BOOST_TEST(l->middle_name == "JOHN");
  BOOST_TEST(l->last_name == "SAMPLE");
  BOOST_TEST(l->dob == "1986-06-06");
  BOOST_TEST(l->govid_expiry == "2024-12-10");
  BOOST_TEST(l->address_1 == "2300 WEST BROAD STREET");
  BOOST_TEST(l->city == "RICHMOND");
  BOOST_TEST(l->province == "VA");
  BOOST_TEST(l->postal_code == "232690000");
  BOOST_TEST(l->govid_type == "USDL");
  BOOST_TEST(l->govid_issuedby == "VA");
  BOOST_TEST(l->govid_number == "T64235789");
}

BOOST_AUTO_TEST_CASE(dates_must_be_real_days_including_leap_years) {
  // 2029 is not a leap year.
  const auto l = decode(replace(kOntario, "DBA20280229", "DBA20290229"));
  BOOST_TEST(reason(l) == "aamva.bad_date");
  BOOST_TEST(field(l) == "DBA");
  BOOST_TEST(decode(kOntario)->govid_expiry == "2028-02-29");  // 2028 is
  BOOST_TEST(reason(decode(replace(kOntario, "DBB19840229", "DBB19000229"))) == "aamva.bad_date");  // 1900 is not
  BOOST_TEST(decode(replace(kOntario, "DBB19840229", "DBB20000229"))->dob ==
             "2000-02-29");  // 2000 is
  for (const char* bad : {"DBB19841301", "DBB19840431", "DBB19840000", "DBB1984022", "DBB198402291", "DBB1984-229",
                          "DBB18991231", "DBBABCDEFGH"}) {
    const auto r = decode(replace(kOntario, "DBB19840229", bad));
    BOOST_TEST(reason(r) == "aamva.bad_date", bad);
    BOOST_TEST(field(r) == "DBB", bad);
  }
}

BOOST_AUTO_TEST_CASE(canadian_dates_are_ccyymmdd_and_us_dates_mmddccyy_either_form_accepted) {
  const std::string on = kOntario;
  // A Canadian card written MMDDCCYY is still read (the forms cannot be confused from 1900 on).
  BOOST_TEST(decode(replace(on, "DBB19840229", "DBB02291984"))->dob == "1984-02-29");
  BOOST_TEST(decode(replace(on, "DBB19840229", "DBB12011999"))->dob == "1999-12-01");
  BOOST_TEST(decode(replace(kVirginia, "DBB06061986", "DBB19860606"))->dob == "1986-06-06");
  BOOST_TEST(decode(replace(kVirginia, "DBB06061986", "DBB02292000"))->dob == "2000-02-29");
  BOOST_TEST(reason(decode(replace(kVirginia, "DBB06061986", "DBB02292001"))) == "aamva.bad_date");
}

BOOST_AUTO_TEST_CASE(country_comes_from_dcg_or_else_the_province_code) {
  const std::string on = kOntario;
  BOOST_TEST(decode(replace(on, "\nDCGCAN", ""))->govid_type == "CADL");
  BOOST_TEST(decode(replace(on, "DCGCAN", "DCGUSA"))->govid_type == "USDL");
  BOOST_TEST(decode(replace(kVirginia, "\nDCGUSA", ""))->govid_type == "USDL");
}

BOOST_AUTO_TEST_CASE(rejects_empty_text) {
  for (const char* empty : {"", " ", "\n\r\n"}) {
    const auto r = decode(empty);
    BOOST_TEST(reason(r) == "aamva.empty");
    BOOST_TEST(field(r) == "");
    BOOST_TEST(to_string(r.status().code()) == "invalid_argument");
  }
}

BOOST_AUTO_TEST_CASE(rejects_text_without_the_aamva_header) {
  for (const std::string& bad : {std::string("hello"), std::string("DAQ123\nDCSSMITH"), std::string("@"),
                                std::string("@\n\x1e\rANSX 636012090001DL00310200"),
                                std::string("@\n\x1e\rANSI 63601"),            // cut in the IIN
                                std::string("@\n\x1e\rANSI 6360120900"),       // no entry count
                                std::string("@\n\x1e\rANSI 63601A090001DL00310200DLDAQ1"),
                                std::string("@\n\x1e\rANSI 636012090001ZO00310010ZOZOA1\r")}) {  // no DL/ID subfile
    const auto r = decode(bad);
    BOOST_TEST(reason(r) == "aamva.not_aamva", bad);
    BOOST_TEST(field(r) == "");
  }
}

BOOST_AUTO_TEST_CASE(reports_the_first_missing_element_by_its_id) {
  const std::string on = kOntario;
  const struct { const char* remove; const char* id; } cases[] = {
      {"DAQA1234-56789-01234\n", "DAQ"}, {"\nDCSSMITH", "DCS"}, {"\nDACJOHN", "DAC"},
      {"\nDAJON", "DAJ"},                {"\nDBB19840229", "DBB"}, {"\nDBA20280229", "DBA"}};
  for (const auto& c : cases) {
    const auto r = decode(replace(on, c.remove, ""));
    BOOST_TEST(reason(r) == "aamva.missing_element", c.id);
    BOOST_TEST(field(r) == c.id);
  }
  // An element present but blank counts as missing.
  BOOST_TEST(field(decode(replace(on, "DCSSMITH", "DCS   "))) == "DCS");
  // Optional elements may be absent: middle name, street, city, postal code.
  const auto sparse = decode(replace(replace(replace(replace(on, "\nDADALEXANDER", ""), "\nDAG123 MAIN ST", ""),
                                             "\nDAITORONTO", ""), "\nDAKM1M 1M1  ", ""));
  BOOST_REQUIRE(sparse.is_ok());
  BOOST_TEST(sparse->middle_name.empty());
  BOOST_TEST(sparse->address_1.empty());
  BOOST_TEST(sparse->postal_code.empty());
}

BOOST_AUTO_TEST_CASE(older_name_elements_are_understood) {
  const std::string on = kOntario;
  // Versions 2–3: DCT holds the given names.
  const auto dct = decode(replace(replace(on, "\nDACJOHN", ""), "\nDADALEXANDER", "\nDCTJOHN ALEXANDER"));
  BOOST_TEST(dct->first_name == "JOHN");
  BOOST_TEST(dct->middle_name == "ALEXANDER");
  // Version 1: DAA is "LAST,FIRST,MIDDLE".
  const auto daa = decode(replace(replace(replace(on, "\nDACJOHN", ""), "\nDADALEXANDER", ""), "DCSSMITH",
                                  "DAASMITH,JOHN,ALEXANDER"));
  BOOST_REQUIRE_MESSAGE(daa.is_ok(), reason(daa));
  BOOST_TEST(daa->last_name == "SMITH");
  BOOST_TEST(daa->first_name == "JOHN");
  BOOST_TEST(daa->middle_name == "ALEXANDER");
}

BOOST_AUTO_TEST_CASE(version_1_header_has_no_jurisdiction_version) {
  const std::string v1 = std::string("@\n\x1e\rANSI 6360120102DL00290200") +
                         "DLDAQA1234\nDCSSMITH\nDACJOHN\nDBB19840229\nDBA20280229\nDAJON\r";
  const auto l = decode(v1);
  BOOST_REQUIRE_MESSAGE(l.is_ok(), reason(l));
  BOOST_TEST(l->govid_number == "A1234");
  BOOST_TEST(l->govid_type == "CADL");
  // 2000-era cards say "AAMVA" instead of "ANSI ".
  BOOST_TEST(decode(replace(v1, "ANSI ", "AAMVA")).is_ok());
}

BOOST_AUTO_TEST_CASE(tolerates_what_scanners_do_to_the_text) {
  const std::string on = kOntario;
  // A wrong offset: the subfile is found by its type.
  BOOST_TEST(decode(replace(on, "DL0031", "DL0040")).is_ok());
  BOOST_TEST(decode(replace(on, "DL0031", "DL9999")).is_ok());
  // CR LF line ends instead of LF.
  std::string crlf;
  for (char c : on) {
    if (c == '\n' && crlf.size() > 1) crlf += '\r';
    crlf += c;
  }
  const auto l = decode(crlf);
  BOOST_REQUIRE_MESSAGE(l.is_ok(), reason(l));
  BOOST_TEST(l->city == "TORONTO");
  BOOST_TEST(l->postal_code == "M1M 1M1");
  // Leading line breaks before the "@".
  BOOST_TEST(decode("\r\n" + on).is_ok());
  // Elements in any order; the first non-blank occurrence wins.
  BOOST_TEST(decode(replace(on, "DCSSMITH\n", "DCSSMITH\nDCSJONES\n"))->last_name == "SMITH");
}

BOOST_AUTO_TEST_CASE(stops_at_the_end_of_the_licence_subfile) {
  // An element id in the jurisdiction subfile (ZV...) is not read into the licence.
  const auto l = decode(replace(kVirginia, "ZVZVA01", "ZVZVA01\nDAQZZZ"));
  BOOST_TEST(l->govid_number == "T64235789");
  // An ID card (no DL subfile) is read the same way.
  const std::string id = replace(replace(kVirginia, "0002DL0041", "0002ID0041"), "DLDAQ", "IDDAQ");
  BOOST_TEST(decode(id)->govid_number == "T64235789");
}

BOOST_AUTO_TEST_CASE(never_reads_past_the_end_of_truncated_text) {
  const std::string on = kOntario;
  for (std::size_t n = 0; n < on.size(); ++n) {
    const auto r = decode(on.substr(0, n));
    const std::string why = reason(r);  // every prefix decodes or fails with a reason, never crashes
    BOOST_TEST((why == "ok" || why == "aamva.empty" || why == "aamva.not_aamva" || why == "aamva.missing_element" ||
                why == "aamva.bad_date"), n << ": " << why);
  }
}

BOOST_AUTO_TEST_SUITE_END()
