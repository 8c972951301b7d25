// Runs every case of every tests/vectors/*.json file through the native sdk.
#define BOOST_TEST_MODULE payref_vectors
#include <boost/test/unit_test.hpp>

#include "vector_adapters.hpp"
#include "vector_case.hpp"

namespace pv = payref::vectors;

BOOST_AUTO_TEST_SUITE(vector_tests)

BOOST_AUTO_TEST_CASE(every_vector_case_gives_its_expected_result_natively) {
  const auto files = pv::vector_files(PAYREF_VECTOR_DIR);
  BOOST_REQUIRE(!files.empty());
  std::size_t cases = 0;
  for (const auto& file : files) {
    const auto doc = pv::load_vector_file(file);
    BOOST_REQUIRE_MESSAGE(doc.contains("cases") && !doc["cases"].empty(), file << ": no cases");
    for (const auto& c : doc["cases"]) {
      const std::string label = file.filename().string() + " / " + c.value("name", std::string("?"));
      const std::string call = c.at("call").get<std::string>();
      auto adapter = pv::adapters().find(call);
      BOOST_REQUIRE_MESSAGE(adapter != pv::adapters().end(), label << ": no adapter for " << call);
      const auto actual = adapter->second(c.at("args"));
      const auto diff = pv::mismatch(c.at("expect"), actual);
      BOOST_CHECK_MESSAGE(diff.empty(), label << ": " << diff);
      ++cases;
    }
  }
  BOOST_TEST_MESSAGE(cases << " vector cases in " << files.size() << " files");
}

BOOST_AUTO_TEST_SUITE_END()
