#include <catch2/catch.hpp>

#include "liftlog/one_rep_max.hpp"

using namespace liftlog;

TEST_CASE("e1RM: Epley, one rep is its own max, body weight alone has none") {
    const auto five_at_100 = estimate_one_rep_max({5, Load::external(10000, Unit::kg)});
    REQUIRE(five_at_100);
    CHECK(five_at_100->kilograms == Approx(116.6667).epsilon(1e-6));
    CHECK_FALSE(five_at_100->beyond_epley_range);
    CHECK(estimate_one_rep_max({1, Load::external(14000, Unit::kg)})->kilograms == Approx(140.0));
    CHECK_FALSE(estimate_one_rep_max({12, Load::bodyweight()}));
    const auto added = estimate_one_rep_max({10, Load::added(1000, Unit::kg)});
    CHECK(added->kilograms == Approx(13.3333).epsilon(1e-4));
    CHECK_FALSE(added->beyond_epley_range);
}

TEST_CASE("e1RM: pounds are converted, more than 10 reps is flagged") {
    const auto pounds = estimate_one_rep_max({3, Load::external(22500, Unit::lb)});
    CHECK(pounds->kilograms == Approx(225 * 0.45359237 * 1.1));
    CHECK(estimate_one_rep_max({11, Load::external(5000, Unit::kg)})->beyond_epley_range);
}
