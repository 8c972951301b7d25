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

// reason: aamva.empty, aamva.not_aamva (no "@" / "ANSI " header), aamva.missing_element (field:
// the element id, e.g. "DAQ"), aamva.bad_date (field: "DBB" or "DBA").
Result<Licence> decode(std::string_view code);

}  // namespace payref::aamva
