// The advice progress, plan, show and log give for real sessions (issue 12):
// each case logs the sessions with the command line and reads the suggestion.
#include <catch2/catch.hpp>

#include "harness.hpp"
#include "support.hpp"

using e2e::parse_json;

namespace {

void log_sets(const e2e::Sandbox& sandbox, std::vector<std::string> args, const std::string& date,
              bool pain = false) {
    std::vector<std::string> line{"log"};
    line.insert(line.end(), args.begin(), args.end());
    line.insert(line.end(), {"--date", date, "--today", date});
    if (pain) line.push_back("--pain");
    const auto result = sandbox.run(line);
    REQUIRE(result.status == 0);
}

nlohmann::ordered_json suggestion(const e2e::Sandbox& sandbox, const std::string& exercise,
                                  const std::string& today) {
    const auto result = sandbox.run({"progress", exercise, "--today", today, "--format", "json"});
    REQUIRE(result.status == 0);
    return parse_json(result.out).at(0)["suggestion"];
}

std::string notation(const nlohmann::ordered_json& suggestion) {
    return suggestion["next"]["notation"].get<std::string>();
}

}  // namespace

TEST_CASE("the return after pain stays under the prescription", "[e2e][advice]") {
    e2e::Sandbox sandbox;
    log_sets(sandbox, {"back-extension", "3x12"}, "2026-11-16");
    log_sets(sandbox, {"back-extension", "3x12"}, "2026-11-16");
    log_sets(sandbox, {"back-extension", "2x10"}, "2026-11-16", true);
    const auto hurt = suggestion(sandbox, "back-extension", "2026-11-23");
    CHECK(hurt["action"] == "deload");
    CHECK(notation(hurt) == "1x9@bw");
    // One more set that day, without pain, leaves the return as it was.
    log_sets(sandbox, {"back-extension", "1x12"}, "2026-11-16");
    CHECK(notation(suggestion(sandbox, "back-extension", "2026-11-23")) == "1x9@bw");
}

TEST_CASE("a top set is not the load for every set", "[e2e][advice]") {
    e2e::Sandbox sandbox;
    log_sets(sandbox, {"bench-press", "1x1@130kg", "3x5@110kg"}, "2026-11-13");
    const auto once = suggestion(sandbox, "bench-press", "2026-11-16");
    CHECK(once["action"] == "add_reps");
    CHECK(notation(once) == "3x6@110kg");
    CHECK(e2e::contains(once["reason"].get<std::string>(), "top set of 1 at 130 kg"));

    e2e::Sandbox pain;
    log_sets(pain, {"deadlift", "1x1@200kg", "3x5@150kg"}, "2026-11-13", true);
    const auto back = suggestion(pain, "deadlift", "2026-11-20");
    CHECK(notation(back) == "2x2@120kg");
}

TEST_CASE("bodyweight adds weight only when every set is at the threshold", "[e2e][advice]") {
    e2e::Sandbox sandbox;
    log_sets(sandbox, {"back-extension", "13,8,8"}, "2026-11-13");
    const auto thin = suggestion(sandbox, "back-extension", "2026-11-16");
    CHECK(thin["action"] == "add_reps");
    CHECK(notation(thin) == "13,9,9@bw");

    e2e::Sandbox pull;
    log_sets(pull, {"pull-up", "13,5,5"}, "2026-11-13");
    CHECK(notation(suggestion(pull, "pull-up", "2026-11-16")) == "13,6,6@bw");

    // The README example still holds.
    e2e::Sandbox readme;
    log_sets(readme, {"back-extension", "12,12,12"}, "2026-11-13");
    log_sets(readme, {"back-extension", "13,12,12"}, "2026-11-17");
    const auto ready = suggestion(readme, "back-extension", "2026-11-20");
    CHECK(ready["action"] == "add_weight");
    CHECK(notation(ready) == "3x10@+2.5kg");
}

TEST_CASE("more reps keeps the strong sets and can be logged back", "[e2e][advice]") {
    e2e::Sandbox sandbox;
    log_sets(sandbox, {"barbell-row", "8,8,5@100kg"}, "2026-11-13");
    const auto next = suggestion(sandbox, "barbell-row", "2026-11-16");
    CHECK(next["action"] == "keep");
    CHECK(notation(next) == "8,8,6@100kg");
    CHECK(next["next"]["reps"] == 6);
    // The notation is what `log` takes.
    const auto logged = sandbox.run(
        {"log", "barbell-row", notation(next), "--date", "2026-11-16", "--today", "2026-11-16"});
    REQUIRE(logged.status == 0);
    CHECK(e2e::contains(logged.out, "Logged barbell-row on 2026-11-16: 8,8,6@100kg"));
}

TEST_CASE("pain is remembered through a session inside the rest", "[e2e][advice]") {
    e2e::Sandbox sandbox;
    log_sets(sandbox, {"back-extension", "13,12,12"}, "2026-11-16", true);
    log_sets(sandbox, {"back-extension", "13,13,13"}, "2026-11-18");
    const auto during = suggestion(sandbox, "back-extension", "2026-11-19");
    CHECK(during["action"] == "rest");
    CHECK(during["not_before"] == "2026-11-23");
    CHECK(e2e::contains(during["reason"].get<std::string>(), "cut the rest short"));
    const auto after = suggestion(sandbox, "back-extension", "2026-11-24");
    CHECK(after["action"] == "deload");
    CHECK(notation(after) == "1x9@bw");
    // The overview and plan agree with the exercise's own progress.
    const auto overview = sandbox.run({"progress", "--today", "2026-11-24", "--format", "json"});
    REQUIRE(overview.status == 0);
    CHECK(parse_json(overview.out).at(0)["suggestion"] == after);
}

TEST_CASE("pain on one lower-back exercise holds the others", "[e2e][advice]") {
    e2e::Sandbox sandbox;
    log_sets(sandbox, {"good-morning", "3x12@40kg"}, "2026-11-14");
    log_sets(sandbox, {"back-extension", "3x12"}, "2026-11-16", true);
    const auto held = suggestion(sandbox, "good-morning", "2026-11-18");
    CHECK(held["action"] == "keep");
    CHECK(notation(held) == "3x12@40kg");
    CHECK(e2e::contains(held["reason"].get<std::string>(), "also trains the lower back"));
    const auto shown =
        sandbox.run({"show", "good-morning", "--today", "2026-11-18", "--format", "json"});
    REQUIRE(shown.status == 0);
    CHECK(parse_json(shown.out)["suggestion"] == held);
    // Once the pain's week is over, the good morning goes up again.
    CHECK(suggestion(sandbox, "good-morning", "2026-11-23")["action"] == "add_weight");
    // An exercise that does not train the lower back is not held.
    log_sets(sandbox, {"barbell-row", "3x10@60kg"}, "2026-11-14");
    CHECK(suggestion(sandbox, "barbell-row", "2026-11-18")["action"] == "add_weight");
}

TEST_CASE("a stall at bodyweight keeps a reachable target", "[e2e][advice]") {
    e2e::Sandbox sandbox;
    log_sets(sandbox, {"pull-up", "3,2,2"}, "2026-11-13");
    log_sets(sandbox, {"pull-up", "3,2,2"}, "2026-11-17");
    const auto stuck = suggestion(sandbox, "pull-up", "2026-11-20");
    CHECK(stuck["action"] == "keep");
    CHECK(notation(stuck) == "3x3@bw");
    const auto reason = stuck["reason"].get<std::string>();
    CHECK(e2e::contains(reason, "lat-pulldown (an easier alternative)"));
    CHECK(e2e::contains(reason, "band-assisted variation"));

    e2e::Sandbox back;
    log_sets(back, {"back-extension", "6,5"}, "2026-11-13");
    log_sets(back, {"back-extension", "6,5"}, "2026-11-17");
    const auto low = suggestion(back, "back-extension", "2026-11-20");
    CHECK(notation(low) == "2x6@bw");
    CHECK(e2e::contains(low["reason"].get<std::string>(), "floor-back-extension"));
}

TEST_CASE("log never prints a frequency rest for the day it says is due", "[e2e][advice]") {
    e2e::Sandbox sandbox;
    log_sets(sandbox, {"back-extension", "10,10"}, "2026-11-17");
    log_sets(sandbox, {"back-extension", "10,10"}, "2026-11-18");
    const auto third = sandbox.run(
        {"log", "back-extension", "10,10", "--date", "2026-11-20", "--today", "2026-11-20"});
    REQUIRE(third.status == 0);
    CHECK(e2e::contains(third.out, "from 2026-11-25"));
    CHECK_FALSE(e2e::contains(third.out, "Next time: rest"));
    CHECK(suggestion(sandbox, "back-extension", "2026-11-24")["action"] == "rest");
    CHECK(suggestion(sandbox, "back-extension", "2026-11-25")["action"] == "add_reps");
}

TEST_CASE("a light day does not lower the next prescription", "[e2e][advice]") {
    e2e::Sandbox sandbox;
    log_sets(sandbox, {"deadlift", "5,5,4@100kg"}, "2026-11-13");
    log_sets(sandbox, {"deadlift", "3x5@80kg"}, "2026-11-17");
    const auto next = suggestion(sandbox, "deadlift", "2026-11-20");
    CHECK(next["action"] == "keep");  // the deadlift's linear stall repeats 3x5 at 100 kg
    CHECK(notation(next) == "3x5@100kg");
    CHECK(e2e::contains(next["reason"].get<std::string>(),
                        "2026-11-17 at 80 kg was a light day (under 85% of the 100 kg of "
                        "2026-11-13, within 13 days)"));
}

namespace {

// The row of `exercise` in `plan PLAN` text.
std::string plan_row(const e2e::Sandbox& sandbox, const std::string& plan,
                     const std::string& exercise, const std::string& today) {
    const auto result = sandbox.run({"plan", plan, "--today", today});
    REQUIRE(result.status == 0);
    for (const auto& line : e2e::split_lines(result.out))
        if (e2e::starts_with(line, exercise + " ")) return line;
    FAIL("no row for " << exercise);
    throw 0;
}

nlohmann::ordered_json plan_item(const e2e::Sandbox& sandbox, const std::string& plan,
                                 const std::string& exercise, const std::string& today) {
    const auto result = sandbox.run({"plan", plan, "--today", today, "--format", "json"});
    REQUIRE(result.status == 0);
    const auto shown = parse_json(result.out);
    for (const auto& item : shown["items"])
        if (item["exercise"] == exercise) return item;
    FAIL("no item for " << exercise);
    throw 0;
}

}  // namespace

TEST_CASE("the plan prints the prescription the engine computed", "[e2e][advice][plan]") {
    e2e::Sandbox sandbox;
    log_sets(sandbox, {"deadlift", "3x5@100kg"}, "2026-11-13", true);
    log_sets(sandbox, {"pull-up", "3x6"}, "2026-11-13");
    const auto back = suggestion(sandbox, "deadlift", "2026-11-20");
    REQUIRE(back["action"] == "deload");
    const std::string gentle = notation(back);
    CHECK(gentle != "3x5@80kg");
    // The engine's whole prescription, and the plan's 3x5 beside it since they differ.
    const auto deadlift = plan_row(sandbox, "back-workout", "deadlift", "2026-11-20");
    CHECK(e2e::contains(deadlift, " " + gentle + " "));
    CHECK(e2e::contains(deadlift, " 3x5 "));
    CHECK(e2e::contains(deadlift, "deload"));
    const auto pull = plan_row(sandbox, "back-workout", "pull-up", "2026-11-20");
    CHECK(e2e::contains(pull, " " + notation(suggestion(sandbox, "pull-up", "2026-11-20")) + " "));
    CHECK(e2e::contains(pull, " 3x8 "));
    // JSON keeps the plan's sets and reps and says the engine asks for others.
    const auto item = plan_item(sandbox, "back-workout", "deadlift", "2026-11-20");
    CHECK(item["sets"] == 3);
    CHECK(item["reps"] == 5);
    CHECK(item["follows_plan"] == false);
    CHECK(item["suggestion"] == back);
    // An exercise with no history starts on the plan's own target.
    const auto row = plan_row(sandbox, "back-workout", "dumbbell-row", "2026-11-20");
    CHECK(e2e::contains(row, " 3x10 light "));
    CHECK(e2e::contains(row, " = "));
    CHECK(plan_item(sandbox, "back-workout", "dumbbell-row", "2026-11-20")["follows_plan"] == true);
}

TEST_CASE("the deadlift's 3x5 stays 3x5 and gets heavier", "[e2e][advice]") {
    e2e::Sandbox sandbox;
    log_sets(sandbox, {"deadlift", "3x5@100kg"}, "2026-11-13");
    const auto up = suggestion(sandbox, "deadlift", "2026-11-20");
    CHECK(up["action"] == "add_weight");
    CHECK(notation(up) == "3x5@105kg");
    // The back workout's 3x5 is what the engine asks for, so the plan agrees.
    const auto item = plan_item(sandbox, "back-workout", "deadlift", "2026-11-20");
    CHECK(item["follows_plan"] == true);
    CHECK(item["suggestion"] == up);
    // Two stalls in a row at 105 kg take about 10% off, still 3x5.
    log_sets(sandbox, {"deadlift", "5,5,4@105kg"}, "2026-11-20");
    CHECK(notation(suggestion(sandbox, "deadlift", "2026-11-24")) == "3x5@105kg");
    log_sets(sandbox, {"deadlift", "5,4,4@105kg"}, "2026-11-27");
    const auto down = suggestion(sandbox, "deadlift", "2026-12-01");
    CHECK(down["action"] == "deload");
    CHECK(notation(down) == "3x5@95kg");
}

TEST_CASE("a long break makes the first session back lighter", "[e2e][advice]") {
    e2e::Sandbox sandbox;
    log_sets(sandbox, {"deadlift", "3x5@100kg"}, "2026-06-20");
    // Five months off: not add_weight, but 20% lighter.
    const auto back = suggestion(sandbox, "deadlift", "2026-11-20");
    CHECK(back["action"] == "deload");
    CHECK(notation(back) == "3x5@80kg");
    CHECK(e2e::contains(back["reason"].get<std::string>(), "153 days ago"));
    CHECK(e2e::contains(back["reason"].get<std::string>(), "20% lighter, at 80 kg"));
    // The plan and show say the same.
    CHECK(plan_item(sandbox, "back-workout", "deadlift", "2026-11-20")["suggestion"] == back);
    const auto shown =
        sandbox.run({"show", "deadlift", "--today", "2026-11-20", "--format", "json"});
    REQUIRE(shown.status == 0);
    CHECK(parse_json(shown.out)["suggestion"] == back);
}

TEST_CASE("two stalls seven months apart are not stalls in a row", "[e2e][advice]") {
    e2e::Sandbox sandbox;
    log_sets(sandbox, {"dumbbell-row", "8,8,6@30kg"}, "2026-04-13");
    log_sets(sandbox, {"dumbbell-row", "8,7,6@30kg"}, "2026-11-13");
    const auto next = suggestion(sandbox, "dumbbell-row", "2026-11-16");
    CHECK(next["action"] == "keep");
    CHECK(notation(next) == "3x8@30kg");  // not a deload to 27.5 kg
}

TEST_CASE("225 lb and 102 kg are the same bar: two stalls there deload", "[e2e][advice][units]") {
    e2e::Sandbox sandbox;
    log_sets(sandbox, {"deadlift", "2,2,2@225lb"}, "2026-11-13");
    log_sets(sandbox, {"deadlift", "2,2,2@102kg"}, "2026-11-20");
    const auto next = suggestion(sandbox, "deadlift", "2026-11-23");
    CHECK(next["action"] == "deload");
    CHECK(notation(next) == "3x5@92.5kg");  // the deadlift is linear: same 3x5
    CHECK(e2e::contains(next["reason"].get<std::string>(), "at 225 lb and 102 kg (the same bar)"));
}

TEST_CASE("reasons say what the step really is", "[e2e][advice][texts]") {
    e2e::Sandbox sandbox;
    log_sets(sandbox, {"back-extension", "8,8@+5kg"}, "2026-11-13");
    log_sets(sandbox, {"back-extension", "8,8@+5kg"}, "2026-11-20");
    const auto deload = suggestion(sandbox, "back-extension", "2026-11-23");
    CHECK(notation(deload) == "2x10@+2.5kg");
    CHECK(e2e::contains(deload["reason"].get<std::string>(), "drop 50% to bodyweight + 2.5 kg"));

    log_sets(sandbox, {"deadlift", "3x5@101kg"}, "2026-11-17");
    const auto up = suggestion(sandbox, "deadlift", "2026-11-20");
    CHECK(notation(up) == "3x5@105kg");
    CHECK(e2e::contains(up["reason"].get<std::string>(), "and add 4 kg: 105 kg"));

    e2e::Sandbox pounds;
    log_sets(pounds, {"deadlift", "5,5,2@135lb"}, "2026-11-13");
    const auto result = pounds.run(
        {"progress", "deadlift", "--today", "2026-11-20", "--unit", "kg", "--format", "json"});
    REQUIRE(result.status == 0);
    const auto keep = parse_json(result.out).at(0)["suggestion"];
    CHECK(notation(keep) == "3x5@60kg");
    CHECK(e2e::contains(keep["reason"].get<std::string>(),
                        "repeat 3x5 at 60 kg (logged as 135 lb) before"));
}

TEST_CASE("log --light marks a day progression does not judge", "[e2e][advice][light]") {
    e2e::Sandbox sandbox;
    log_sets(sandbox, {"deadlift", "3x5@140kg"}, "2026-11-02");
    const auto logged = sandbox.run({"log", "deadlift", "1x10@120kg", "--light", "--date",
                                     "2026-11-05", "--today", "2026-11-05"});
    REQUIRE(logged.status == 0);
    CHECK(e2e::starts_with(logged.out, "Logged deadlift on 2026-11-05: 10@120kg, light day (id "));
    CHECK(e2e::contains(sandbox.read_log(), R"(,"light":true})"));
    const auto next = suggestion(sandbox, "deadlift", "2026-11-09");
    CHECK(next["action"] == "add_weight");
    CHECK(notation(next) == "3x5@145kg");
    CHECK(e2e::starts_with(next["reason"].get<std::string>(),
                           "2026-11-05 at 120 kg was marked a light day, so it is not judged."));
    // The same with the cache bypassed, and the mark in history's CSV.
    const auto fresh = sandbox.run(
        {"progress", "deadlift", "--today", "2026-11-09", "--format", "json", "--no-cache"});
    CHECK(parse_json(fresh.out).at(0)["suggestion"] == next);
    const auto csv = sandbox.run({"history", "--format", "csv", "--today", "2026-11-09"});
    CHECK(e2e::contains(csv.out, "2026-11-05,deadlift,1,10,120,external,kg,false,,false,,"));
    CHECK(e2e::count_of(csv.out, ",true,,,,normal,,\n") == 1);
}
