// The one translation unit that defines the Boost.Test module for all unit suites.
#define BOOST_TEST_MODULE payref_unit
#include <boost/test/unit_test.hpp>
