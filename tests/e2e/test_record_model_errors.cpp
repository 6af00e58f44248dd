// Bad input in issue 13's notation, end to end: each is refused with exit 2
// and one error that names the bad token and shows notation that works,
// nothing on stdout, and the log byte-identical. The notation the message
// shows is then run and must be accepted.
#include <catch2/catch.hpp>

#include "harness.hpp"
#include "support.hpp"

using e2e::contains;
using e2e::kToday;

namespace {

struct Case {
    std::vector<std::string> args;   // after the global options
    std::string token;               // the bad token, as the message quotes it
    std::string message;             // what the message says is wrong
    std::string example;             // the notation it shows
    std::vector<std::string> works;  // that notation, run: accepted
};

// Weighed 80 kg before kToday, so that assistance can be judged against it.
void weigh_80(const e2e::Sandbox& sandbox) {
    REQUIRE(sandbox.run({"weigh", "80kg", "--date", "2026-11-01", "--today", kToday}).status == 0);
}

std::vector<std::string> with_today(std::vector<std::string> args) {
    args.insert(args.end(), {"--today", kToday});
    return args;
}

void check_refused(const Case& c) {
    e2e::Sandbox sandbox;
    e2e::seed_log(sandbox);
    weigh_80(sandbox);
    const std::string before = sandbox.read_log();
    const auto result = sandbox.run(with_today(c.args));
    INFO("stderr: " << result.err);
    CHECK(result.status == 2);
    CHECK(result.out.empty());
    CHECK(e2e::is_single_error(result.err));
    CHECK(contains(result.err, c.token));
    CHECK(contains(result.err, c.message));
    CHECK(contains(result.err, c.example));
    CHECK(sandbox.read_log() == before);

    // What the message shows is accepted, in the same log.
    const auto shown = sandbox.run(with_today(c.works));
    INFO("shown: " << shown.err);
    CHECK(shown.status == 0);
}

}  // namespace

TEST_CASE("bad timed, distance and assisted sets, RPEs and body weights are refused at the token",
          "[e2e][record-model][errors]") {
    const std::vector<Case> cases = {
        // A distance without its unit is read as reps, which a distance exercise refuses.
        {{"log", "farmers-walk", "3x40@32kg"},
         "farmers-walk",
         "measures distance, not reps",
         "liftlog log farmers-walk 3x40m@32kg",
         {"log", "farmers-walk", "3x40m@32kg"}},
        {{"log", "plank", "3x10"},
         "plank",
         "plank measures time, not reps",
         "liftlog log plank 3x60s",
         {"log", "plank", "3x60s"}},
        {{"log", "plank", "1:30", "3x10"},
         "plank",
         "plank measures time, not reps",
         "liftlog log plank 3x60s",
         {"log", "plank", "1:30", "3x60s"}},
        // Assistance of the whole body weight or more.
        {{"log", "pull-up", "3x5@-80kg"},
         "assistance of 80kg",
         "is not less than your body weight of 80 kg",
         "@+10kg",
         {"log", "pull-up", "3x5@+10kg"}},
        {{"log", "pull-up", "3x5@-90kg"},
         "assistance of 90kg",
         "is not less than your body weight of 80 kg",
         "@+10kg",
         {"log", "pull-up", "3x5@-20kg"}},
        {{"log", "pull-up", "3x5@-176.4lb"},
         "assistance of 176.4lb",
         "is not less than your body weight of 80 kg",
         "@+10kg",
         {"log", "pull-up", "3x5@-170lb"}},
        {{"log", "pull-up", "3x5@-0kg"},
         "'3x5@-0kg'",
         "a load must be more than 0",
         "3x10@+10kg",
         {"log", "pull-up", "3x10@+10kg"}},
        // RPE outside 1 to 10, or not in steps of 0.5; reps in reserve.
        {{"log", "deadlift", "3x5@100kg", "rpe0"},
         "'rpe0'",
         "an RPE is from 1 to 10 in steps of 0.5",
         "rpe8.5",
         {"log", "deadlift", "3x5@100kg", "rpe8.5"}},
        {{"log", "deadlift", "3x5@100kg", "rpe11"},
         "'rpe11'",
         "an RPE is from 1 to 10 in steps of 0.5",
         "rpe8",
         {"log", "deadlift", "3x5@100kg", "rpe8"}},
        {{"log", "deadlift", "3x5@100kg", "rpe10.5"},
         "'rpe10.5'",
         "an RPE is from 1 to 10 in steps of 0.5",
         "rpe8",
         {"log", "deadlift", "3x5@100kg", "rpe10"}},
        {{"log", "deadlift", "3x5@100kg", "rpe8.3"},
         "'rpe8.3'",
         "an RPE is from 1 to 10 in steps of 0.5",
         "rpe8.5",
         {"log", "deadlift", "3x5@100kg", "rpe8.5"}},
        {{"log", "deadlift", "3x5@100kg", "rpe-1"},
         "'rpe-1'",
         "an RPE is from 1 to 10 in steps of 0.5",
         "rpe8",
         {"log", "deadlift", "3x5@100kg", "rpe1"}},
        {{"log", "deadlift", "3x5@100kg", "rpe"},
         "'rpe'",
         "an RPE is from 1 to 10 in steps of 0.5",
         "rpe8",
         {"log", "deadlift", "3x5@100kg", "rpe8"}},
        {{"log", "deadlift", "3x5@100kg", "rpe8."},
         "'rpe8.'",
         "an RPE is from 1 to 10 in steps of 0.5",
         "rpe8.5",
         {"log", "deadlift", "3x5@100kg", "rpe8.5"}},
        {{"log", "deadlift", "3x5@100kg", "rir2"},
         "'rir2'",
         "write effort as RPE",
         "rir2 is rpe8",
         {"log", "deadlift", "3x5@100kg", "rpe8"}},
        {{"log", "deadlift", "3x5@100kg", "rir"},
         "'rir'",
         "write effort as RPE",
         "is rpe8",
         {"log", "deadlift", "3x5@100kg", "rpe8"}},
        // Body weights of 0, 1000 kg, below zero; the unit is optional (the
        // configured one), so `weigh 80` is accepted.
        {{"weigh", "0kg"},
         "WEIGHT '0kg'",
         "a body weight must be above 20 kg and at most 400 kg",
         "liftlog weigh 82.5kg",
         {"weigh", "80"}},
        {{"weigh", "1000kg"},
         "WEIGHT '1000kg'",
         "a body weight must be above 20 kg and at most 400 kg",
         "liftlog weigh 82.5kg",
         {"weigh", "82.5kg"}},
        {{"weigh", "-5kg"},
         "WEIGHT '-5kg'",
         "not a weight",
         "liftlog weigh 82.5kg",
         {"weigh", "82.5kg"}},
        {{"weigh", "0lb"},
         "WEIGHT '0lb'",
         "a body weight must be above 20 kg and at most 400 kg (881.84 lb)",
         "liftlog weigh 82.5kg",
         {"weigh", "180lb"}},
        // The bound is 400 kg, 881.849 lb.
        {{"weigh", "881.9lb"},
         "WEIGHT '881.9lb'",
         "at most 400 kg (881.84 lb)",
         "liftlog weigh 82.5kg",
         {"weigh", "881.8lb"}},
        {{"weigh", "80kgs"},
         "WEIGHT '80kgs'",
         "not a weight",
         "liftlog weigh 82.5kg",
         {"weigh", "80kg"}},
        {{"weigh", "80", "kg"}, "kg", "not expected", "liftlog --help", {"weigh", "80kg"}},
    };
    for (const auto& c : cases) {
        std::string shown;
        for (const auto& arg : c.args) shown += arg + " ";
        INFO(shown);
        check_refused(c);
    }
}

// A set of the wrong measure names its argument and shows sets the exercise
// takes, loaded as the exercise is loaded, which `log` then accepts.
TEST_CASE("a set of the wrong measure is refused at its token with notation that works",
          "[e2e][record-model][errors]") {
    check_refused({{"log", "deadlift", "3x5@100kg", "3x60s@100kg"},
                   "'3x60s@100kg'",
                   "deadlift measures reps, not time",
                   "liftlog log deadlift 3x5@100kg",
                   {"log", "deadlift", "3x5@100kg"}});
}
