// The per-exercise views of timed and distance exercises, and `show` with
// body weight (issue 13): progress EXERCISE, its chart, the overview and show.
#include <catch2/catch.hpp>

#include "harness.hpp"
#include "support.hpp"

using e2e::contains;
using e2e::parse_json;

namespace {

e2e::RunResult log_on(const e2e::Sandbox& sandbox, std::vector<std::string> args,
                      const std::string& date) {
    std::vector<std::string> line{"log"};
    line.insert(line.end(), args.begin(), args.end());
    line.insert(line.end(), {"--date", date, "--today", date});
    return sandbox.run(line);
}

e2e::RunResult on_today(const e2e::Sandbox& sandbox, std::vector<std::string> args) {
    args.insert(args.end(), {"--today", e2e::kToday});
    return sandbox.run(args);
}

void log_planks(const e2e::Sandbox& sandbox) {
    REQUIRE(log_on(sandbox, {"plank", "3x60s"}, "2026-11-02").status == 0);
    const auto longer = log_on(sandbox, {"plank", "3x75s"}, "2026-11-05");
    REQUIRE(longer.status == 0);
    CHECK(contains(longer.out, "longest hold 75 s at bodyweight (was 60 s at bodyweight)"));
}

}  // namespace

TEST_CASE("progress of a timed exercise shows holds, time held and the longest hold",
          "[e2e][timed-views]") {
    e2e::Sandbox sandbox;
    log_planks(sandbox);
    const auto text = on_today(sandbox, {"progress", "plank"});
    REQUIRE(text.status == 0);
    CHECK(contains(text.out, "Plank (plank): 2 sessions, best set 75s @ bw, total time 405 s\n"));
    CHECK(contains(text.out, "Longest hold: 75 s at bodyweight on 2026-11-05"));
    CHECK_FALSE(contains(text.out, "volume"));
    CHECK_FALSE(contains(text.out, "e1RM"));
    CHECK_FALSE(contains(text.out, "reps"));

    const auto json = parse_json(on_today(sandbox, {"progress", "plank", "-O", "json"}).out).at(0);
    CHECK(json["total_seconds"] == 405);
    CHECK(json["best_set"]["seconds"] == 75);
    CHECK(json["best_set"]["reps"] == 0);
    CHECK(json["e1rm"].is_null());
    CHECK(json["records"]["longest_time"]["value"] == 75);
    CHECK(json["records"]["longest_time"]["unit"] == "s");
    CHECK(json["records"]["longest_time"]["date"] == "2026-11-05");
    CHECK(json["records"]["longest_distance"].is_null());
    CHECK(json["total_distance"]["value"] == 0);

    const auto overview = on_today(sandbox, {"progress"});
    REQUIRE(overview.status == 0);
    CHECK(contains(overview.out, "75s @ bw"));
    CHECK(contains(overview.out, "405 s"));
    CHECK_FALSE(contains(overview.out, "0.0 kg"));
}

TEST_CASE("the chart of a timed exercise is the longest hold; e1rm and volume are refused",
          "[e2e][timed-views]") {
    e2e::Sandbox sandbox;
    log_planks(sandbox);
    const auto chart = on_today(sandbox, {"progress", "plank", "--chart", "--ascii"});
    REQUIRE(chart.status == 0);
    CHECK(e2e::starts_with(chart.out, "Plank - longest hold per session (s)\n"));
    CHECK(contains(chart.out, "75 s"));
    CHECK(contains(chart.out, "2 sessions: 60 s -> 75 s (+15 s)"));

    const auto json =
        parse_json(on_today(sandbox, {"progress", "plank", "--chart", "time", "-O", "json"}).out);
    CHECK(json["chart"] == "time");
    CHECK(json["unit"] == "s");
    REQUIRE(json["points"].size() == 2);
    CHECK(json["points"][0]["value"] == 60);
    CHECK(json["points"][1]["value"] == 75);

    for (const std::string metric : {"e1rm", "volume", "distance"}) {
        const auto refused = on_today(sandbox, {"progress", "plank", "--chart", metric});
        INFO(metric);
        CHECK(refused.status == 2);
        CHECK(e2e::is_single_error(refused.err));
        CHECK(contains(refused.err, "plank is a timed exercise; use --chart time"));
        CHECK(refused.out.empty());
    }
    REQUIRE(log_on(sandbox, {"deadlift", "3x5@100kg"}, "2026-11-05").status == 0);
    const auto reps = on_today(sandbox, {"progress", "deadlift", "--chart", "time"});
    CHECK(reps.status == 2);
    CHECK(contains(reps.err, "deadlift counts reps, not time; use --chart top, e1rm or volume"));
}

TEST_CASE("progress of a distance exercise shows distances, their total and the farthest",
          "[e2e][timed-views]") {
    e2e::Sandbox sandbox;
    REQUIRE(log_on(sandbox, {"farmers-walk", "3x40m@32kg"}, "2026-11-02").status == 0);
    const auto farther = log_on(sandbox, {"farmers-walk", "2x50m@32kg"}, "2026-11-05");
    REQUIRE(farther.status == 0);
    CHECK(contains(farther.out, "longest distance 50m (was 40m)"));
    const auto text = on_today(sandbox, {"progress", "farmers-walk"});
    REQUIRE(text.status == 0);
    CHECK(contains(text.out, "2 sessions, best set 50m @ 32kg, total distance 220 m\n"));
    CHECK(contains(text.out, "Longest distance: 50m at 32 kg on 2026-11-05"));
    CHECK_FALSE(contains(text.out, "volume"));

    const auto json =
        parse_json(on_today(sandbox, {"progress", "farmers-walk", "-O", "json"}).out).at(0);
    CHECK(json["total_distance"]["value"] == 220);
    CHECK(json["total_distance"]["unit"] == "m");
    CHECK(json["best_set"]["distance"]["value"] == 50);
    CHECK(json["records"]["longest_distance"]["value"] == 50);
    CHECK(json["records"]["longest_distance"]["unit"] == "m");

    const auto chart =
        parse_json(on_today(sandbox, {"progress", "farmers-walk", "--chart", "-O", "json"}).out);
    CHECK(chart["chart"] == "distance");
    CHECK(chart["unit"] == "m");
    REQUIRE(chart["points"].size() == 2);
    CHECK(chart["points"][1]["value"] == 50);
    const auto refused = on_today(sandbox, {"progress", "farmers-walk", "--chart", "e1rm"});
    CHECK(refused.status == 2);
    CHECK(contains(refused.err, "farmers-walk is a distance exercise; use --chart distance"));
}

TEST_CASE("show counts body weight in the volume of a bodyweight exercise",
          "[e2e][timed-views][show]") {
    e2e::Sandbox sandbox;
    REQUIRE(on_today(sandbox, {"weigh", "80kg", "--date", "2026-11-01"}).status == 0);
    REQUIRE(log_on(sandbox, {"pull-up", "3x8@+10kg"}, "2026-11-02").status == 0);
    const auto text = on_today(sandbox, {"show", "pull-up"});
    REQUIRE(text.status == 0);
    // 3 x 8 x (80 + 10): as progress counts it, not 240 kg of plates alone.
    CHECK(contains(text.out, "best set 8 @ +10kg, volume 2160.0 kg\n"));
    CHECK(contains(text.out, "the latest is 80 kg from 2026-11-01"));
    const auto json = parse_json(on_today(sandbox, {"show", "pull-up", "-O", "json"}).out);
    CHECK(json["history"]["volume"]["value"] == 2160);
    CHECK(json["history"]["bodyweight_e1rm"]["value"] == 114);
    const auto progress =
        parse_json(on_today(sandbox, {"progress", "pull-up", "-O", "json"}).out).at(0);
    CHECK(progress["volume"] == json["history"]["volume"]);
}

TEST_CASE("show of timed and distance exercises gives time held and distance covered",
          "[e2e][timed-views][show]") {
    e2e::Sandbox sandbox;
    log_planks(sandbox);
    REQUIRE(log_on(sandbox, {"farmers-walk", "3x40m@32kg"}, "2026-11-02").status == 0);
    const auto plank = on_today(sandbox, {"show", "plank"});
    REQUIRE(plank.status == 0);
    CHECK(contains(plank.out, "best set 75s @ bw, total time 405 s\n"));
    CHECK_FALSE(contains(plank.out, "volume 0.0"));
    const auto walk = on_today(sandbox, {"show", "farmers-walk"});
    CHECK(contains(walk.out, "best set 40m @ 32kg, total distance 120 m\n"));
    const auto json = parse_json(on_today(sandbox, {"show", "plank", "-O", "json"}).out);
    CHECK(json["history"]["total_seconds"] == 405);
}

TEST_CASE("the history cache gives timed and distance views the same as a full read",
          "[e2e][timed-views][cache]") {
    e2e::Sandbox sandbox;
    log_planks(sandbox);
    REQUIRE(log_on(sandbox, {"farmers-walk", "3x40m@32kg"}, "2026-11-02").status == 0);
    for (const std::string exercise : {"plank", "farmers-walk"}) {
        INFO(exercise);
        const auto cached = on_today(sandbox, {"progress", exercise, "-O", "json"});
        const auto again = on_today(sandbox, {"progress", exercise, "-O", "json"});
        const auto full = on_today(sandbox, {"--no-cache", "progress", exercise, "-O", "json"});
        REQUIRE(full.status == 0);
        CHECK(cached.out == full.out);
        CHECK(again.out == full.out);
    }
}
