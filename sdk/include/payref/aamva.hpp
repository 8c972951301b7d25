// Driver's-licence decoding (seed 003 customers/driverslicense): the AAMVA DL/ID text a PDF417
// barcode holds ("@\n\x1e\rANSI 636012...DL..." with 3-letter element ids), read into the fields
// the API returns. Canadian dates are CCYYMMDD, US ones MMDDCCYY; both come out as YYYY-MM-DD.
#pragma once

#include <string>
#include <string_view>

#include "payref/status.hpp"

namespace payref::aamva {

struct Licence {
  std::string first_name;      // DAC (or the first part of DCT)
  std::string middle_name;     // DAD
  std::string last_name;       // DCS
  std::string dob;             // DBB, YYYY-MM-DD
  std::string address_1;       // DAG
  std::string city;            // DAI
  std::string province;        // DAJ (2 letters)
  std::string postal_code;     // DAK, trimmed ("M1M1M1" or "M1M 1M1" as on the card)
  std::string govid_type;      // "CADL" for a Canadian licence (DCG = CAN), else "USDL"
  std::string govid_issuedby;  // DAJ
  std::string govid_number;    // DAQ
  std::string govid_expiry;    // DBA, YYYY-MM-DD
};

// reason: aamva.empty, aamva.not_aamva (no "@" / "ANSI " header, or no DL/ID subfile) — both
// with an empty field (the whole text) —, aamva.missing_element (field: the element id, e.g.
// "DAQ"; required: DAQ, DCS, DAC, DAJ, DBB, DBA), aamva.bad_date (field: "DBB" or "DBA").
// Dates are read in the country's form first and the other form second: from 1900 on the two
// cannot be confused. Names also come from the older DCT ("given names") and DAA ("LAST,FIRST,
// MIDDLE"); country is DCG, else Canada when DAJ is a Canadian province code.
Result<Licence> decode(std::string_view code);

}  // namespace payref::aamva
