#include <catch2/catch.hpp>

#include "liftlog/set_notation.hpp"

TEST_CASE("placeholder") { CHECK(liftlog::format_sets({}) == ""); }
