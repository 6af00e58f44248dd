// log questions an entry far outside the lifter's history or the
// prescription: it still appends it, and the warning says how to undo it.
#include <catch2/catch.hpp>

#include "harness.hpp"
#include "support.hpp"

using e2e::contains;
using e2e::kToday;

TEST_CASE("log warns about a load far above the history, and still appends it",
          "[e2e][log][plausibility]") {
    e2e::Sandbox sandbox;
    REQUIRE(sandbox.run({"log", "squat", "3x5@100kg", "--date", "2026-11-13", "--today", kToday})
                .status == 0);
    const auto slip = sandbox.run({"log", "squat", "3x5@1000kg", "--today", kToday});
    CHECK(slip.status == 0);
    CHECK(contains(slip.err,
                   "liftlog: warning: 1000 kg is more than 1.5x the heaviest logged before (100 kg "
                   "on 2026-11-13); if that is a typing slip, `liftlog undo` removes the entry\n"));
    CHECK(contains(slip.out, "Logged squat on "));
    // Questioned, so not celebrated.
    CHECK_FALSE(contains(slip.out, "New record"));
    CHECK(e2e::split_lines(sandbox.read_log()).size() == 2);

    // Within 1.5x is a plausible jump: no warning, and its records are announced.
    e2e::Sandbox plausible;
    plausible.run({"log", "squat", "3x5@100kg", "--date", "2026-11-13", "--today", kToday});
    const auto jump = plausible.run({"log", "squat", "3x5@150kg", "--today", kToday});
    CHECK(jump.err.empty());
    CHECK(contains(jump.out, "New record: "));
}

TEST_CASE("log warns about more than twice the prescribed sets", "[e2e][log][plausibility]") {
    e2e::Sandbox sandbox;
    const auto slip = sandbox.run({"log", "back-extension", "20x12", "--today", kToday});
    CHECK(slip.status == 0);
    CHECK(contains(slip.err,
                   "liftlog: warning: 20 working sets is more than 2x the 3 prescribed at most; "
                   "if that is a typing slip, `liftlog undo` removes the entry\n"));
    const auto normal = sandbox.run({"log", "back-extension", "6x12", "--today", kToday});
    CHECK(normal.err.empty());
}
