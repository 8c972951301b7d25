// The one translation unit that defines the Boost.Test module for all server suites
// (tests/server/<suite>_tests.cpp, each run against the real payref-server binary).
#define BOOST_TEST_MODULE payref_server
#include <boost/test/unit_test.hpp>
