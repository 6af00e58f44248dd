#include <catch2/catch.hpp>

#include "harness.hpp"

TEST_CASE("version flag prints the version and exits 0", "[e2e]") {
    e2e::Sandbox sandbox;
    const auto result = sandbox.run({"--version"});
    CHECK(result.status == 0);
    CHECK(result.out == "liftlog 0.1.0\n");
    CHECK(result.err.empty());
}
