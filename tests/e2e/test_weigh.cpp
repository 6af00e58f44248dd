// liftlog weigh: body-weight records, and the volume and e1RM of bodyweight lifts.
#include <catch2/catch.hpp>

#include "harness.hpp"
#include "support.hpp"

using e2e::kToday;

TEST_CASE("weigh refuses a weight outside the limits and leaves the log as it was",
          "[e2e][weigh]") {
    e2e::Sandbox sandbox;
    e2e::seed_log(sandbox);
    const std::string before = sandbox.read_log();
    for (const char* weight : {"0", "1000kg", "20kg", "82.555kg", "heavy"}) {
        const auto result = sandbox.run({"weigh", weight, "--today", kToday});
        CHECK(result.status == 2);
        CHECK(e2e::contains(result.err, "liftlog weigh 82.5kg"));
        CHECK(sandbox.read_log() == before);
    }
}

TEST_CASE("weigh 80kg then pull-up 3x8@+10kg: e1RM and volume from 90 kg, cached or not",
          "[e2e][weigh]") {
    e2e::Sandbox sandbox;
    const auto none = sandbox.run({"weigh", "--today", kToday});
    CHECK(none.status == 0);
    CHECK(e2e::contains(none.out, "No body weight logged yet"));
    CHECK(sandbox.run({"log", "pull-up", "3x8@+10kg", "--today", kToday}).status == 0);
    const auto without = sandbox.run({"progress", "--today", kToday});
    CHECK(e2e::contains(without.out, "No body weight logged"));
    // Weighed after the session was logged, dated before it: it still counts.
    const auto weighed = sandbox.run({"weigh", "80kg", "--date", "2026-11-01", "--today", kToday});
    CHECK(weighed.status == 0);
    CHECK(e2e::contains(weighed.out, "Weighed 80 kg on 2026-11-01"));
    CHECK(e2e::contains(sandbox.read_log(), R"({"v":2,)"));
    const auto cached = sandbox.run({"progress", "--format", "json", "--today", kToday});
    const auto uncached =
        sandbox.run({"progress", "--format", "json", "--no-cache", "--today", kToday});
    CHECK(cached.out == uncached.out);
    const auto list = e2e::parse_json(cached.out);
    REQUIRE(list.size() == 1);
    CHECK(list[0]["volume"]["value"] == 2160.0);          // 3 x 8 x 90 kg
    CHECK(list[0]["bodyweight_e1rm"]["value"] == 114.0);  // 90 x (1 + 8/30)
    const auto text = sandbox.run({"progress", "--today", kToday});
    CHECK(e2e::contains(text.out, "the latest is 80 kg from 2026-11-01"));
    const auto latest = sandbox.run({"weigh", "--today", kToday});
    CHECK(e2e::contains(latest.out, "Body weight: 80 kg on 2026-11-01"));
}

TEST_CASE("undo withdraws a weighing", "[e2e][weigh][undo]") {
    e2e::Sandbox sandbox;
    CHECK(sandbox.run({"weigh", "80kg", "--today", kToday}).status == 0);
    CHECK(sandbox.run({"check", "--today", kToday}).status == 0);
    const auto undo = sandbox.run({"undo", "--today", kToday});
    CHECK(undo.status == 0);
    CHECK(e2e::contains(undo.out, "Undid body weight on 2026-11-20: 80 kg"));
    const auto trend =
        sandbox.run({"progress", "--bodyweight", "--format", "json", "--today", kToday});
    CHECK(trend.status == 0);
    CHECK(e2e::parse_json(trend.out).empty());
}

TEST_CASE("progress --bodyweight lists each weighing and its change", "[e2e][weigh]") {
    e2e::Sandbox sandbox;
    CHECK(sandbox.run({"weigh", "80kg", "--date", "2026-11-01", "--today", kToday}).status == 0);
    CHECK(sandbox.run({"weigh", "81.5", "--date", "2026-11-08", "--today", kToday}).status == 0);
    const auto csv =
        sandbox.run({"progress", "--bodyweight", "--format", "csv", "--today", kToday});
    CHECK(csv.out == "date,weight,unit,change\n2026-11-01,80,kg,\n2026-11-08,81.5,kg,+1.5\n");
}
