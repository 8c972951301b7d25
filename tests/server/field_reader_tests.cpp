// The one field reader (server/fields/reader.hpp): lookup, dotted paths, nesting, and the error
// policy as a parameter — a stopping policy ends the read at the first problem, a collecting one
// goes on and gathers every problem.
#include <boost/test/unit_test.hpp>

#include <stdexcept>
#include <vector>

#include "fields/reader.hpp"

using payref::fields::Kind;
using payref::fields::Policy;
using payref::fields::Problem;
using payref::fields::Reader;

namespace {

std::shared_ptr<const Policy> collecting(std::vector<Problem>& into) {
  auto p = std::make_shared<Policy>();
  p->report = [&into](const Problem& problem) { into.push_back(problem); };
  p->required = [](const std::string& path) { return Problem{path, "required", "is required", nullptr}; };
  p->wrong_kind = [](const std::string& path, Kind, const nlohmann::json& v) { return Problem{path, "wrong_kind", "wrong", v}; };
  return p;
}

struct Stopped : std::runtime_error {
  using std::runtime_error::runtime_error;
};

std::shared_ptr<const Policy> stopping() {
  auto p = std::make_shared<Policy>();
  p->report = [](const Problem& problem) { throw Stopped(problem.path + " " + problem.reason); };
  p->required = [](const std::string& path) { return Problem{path, "required", "is required", nullptr}; };
  p->wrong_kind = [](const std::string& path, Kind, const nlohmann::json& v) { return Problem{path, "wrong_kind", "wrong", v}; };
  return p;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(field_reader_tests)

BOOST_AUTO_TEST_CASE(null_is_absent_and_paths_are_dotted_below_nested_objects) {
  std::vector<Problem> problems;
  const auto body = nlohmann::json::parse(R"({"a": null, "card": {"number": "4111"}, "n": 3})");
  const Reader top(body, "Request", collecting(problems));
  BOOST_TEST(!top.has("a"));
  BOOST_TEST(top.has("n"));
  BOOST_TEST(top.path_of("n") == "Request.n");
  const Reader card = top.nested(body["card"], "card");
  BOOST_TEST(card.path_of("number") == "Request.card.number");
  BOOST_TEST(card.find("number")->get<std::string>() == "4111");
  const nlohmann::json not_object = 5;
  BOOST_TEST(!Reader(not_object, "", collecting(problems)).has("x"));  // no object: nothing is there
  BOOST_TEST(problems.empty());
}

BOOST_AUTO_TEST_CASE(a_collecting_policy_gathers_every_problem_and_the_read_goes_on) {
  std::vector<Problem> problems;
  const auto body = nlohmann::json::parse(R"({"s": 1, "b": "x"})");
  const Reader r(body, "", collecting(problems));
  BOOST_TEST(!r.field("missing", true));
  BOOST_TEST(!r.field("optional", false));
  BOOST_TEST(!r.typed("s", true, &nlohmann::json::is_string, Kind::string));
  BOOST_TEST(!r.typed("b", true, &nlohmann::json::is_boolean, Kind::boolean));
  r.report("s", "custom", "a rule of the family", 1);
  BOOST_REQUIRE(problems.size() == 4u);
  BOOST_TEST(problems[0].path == "missing");
  BOOST_TEST(problems[0].reason == "required");
  BOOST_TEST(problems[1].reason == "wrong_kind");
  BOOST_TEST(problems[1].value == 1);
  BOOST_TEST(problems[2].path == "b");
  BOOST_TEST(problems[3].reason == "custom");
}

BOOST_AUTO_TEST_CASE(a_stopping_policy_ends_the_read_at_the_first_problem) {
  const auto body = nlohmann::json::parse(R"({"s": 1})");
  const Reader r(body, "Request", stopping());
  BOOST_CHECK_NO_THROW(r.field("optional", false));
  BOOST_CHECK_EXCEPTION(r.field("missing", true), Stopped,
                        [](const Stopped& e) { return std::string(e.what()) == "Request.missing required"; });
  BOOST_CHECK_THROW(r.typed("s", false, &nlohmann::json::is_string, Kind::string), Stopped);
  BOOST_TEST(r.typed("s", false, &nlohmann::json::is_number, Kind::number)->get<int>() == 1);
}

BOOST_AUTO_TEST_SUITE_END()
