// payref-vectors FILE: prints [{"name", "call", "output"}] for every case of a vector file,
// computed by the native sdk. The node suite runs the same cases through the wasm package and
// requires identical outputs.
#include <iostream>

#include "vector_adapters.hpp"
#include "vector_case.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: payref-vectors FILE.json\n";
    return 2;
  }
  try {
    const auto doc = payref::vectors::load_vector_file(argv[1]);
    nlohmann::json out = nlohmann::json::array();
    for (const auto& c : doc.at("cases")) {
      const std::string call = c.at("call").get<std::string>();
      auto adapter = payref::vectors::adapters().find(call);
      if (adapter == payref::vectors::adapters().end()) {
        std::cerr << "no adapter for " << call << "\n";
        return 1;
      }
      out.push_back({{"name", c.value("name", "")}, {"call", call}, {"output", adapter->second(c.at("args"))}});
    }
    std::cout << out.dump() << "\n";
  } catch (const std::exception& e) {
    std::cerr << argv[1] << ": " << e.what() << "\n";
    return 1;
  }
  return 0;
}
