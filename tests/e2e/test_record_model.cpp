// What a set can hold beyond reps at a load (issue 13): failed attempts,
// assistance, drop and failure sets, an RPE per set, timed and distance sets,
// through `log`, the log file, the advice and `history`.
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

nlohmann::ordered_json suggestion(const e2e::Sandbox& sandbox, const std::string& exercise,
                                  const std::string& today) {
    const auto result = sandbox.run({"progress", exercise, "--today", today, "--format", "json"});
    REQUIRE(result.status == 0);
    return parse_json(result.out).at(0)["suggestion"];
}

}  // namespace

TEST_CASE("a failed attempt is a stall, then a deload, and never a record", "[e2e][record-model]") {
    e2e::Sandbox sandbox;
    const auto first = log_on(sandbox, {"deadlift", "5,5,0@100kg"}, "2026-11-02");
    REQUIRE(first.status == 0);
    CHECK(contains(first.out, "Logged deadlift on 2026-11-02: 5,5,0@100kg"));
    CHECK(contains(sandbox.read_log(), R"({"v":2,)"));
    CHECK(contains(sandbox.read_log(), R"({"reps":0,"load":)"));
    const auto once = suggestion(sandbox, "deadlift", "2026-11-05");
    CHECK(once["action"] == "keep");
    CHECK(once["next"]["notation"] == "3x5@100kg");
    REQUIRE(log_on(sandbox, {"deadlift", "5,5,0@100kg"}, "2026-11-05").status == 0);
    const auto twice = suggestion(sandbox, "deadlift", "2026-11-09");
    CHECK(twice["action"] == "deload");
    CHECK(twice["next"]["notation"] == "3x5@90kg");
    CHECK(contains(twice["reason"].get<std::string>(), "(fewest 0 and 0)"));
    // The 0-rep sets add no reps and no volume.
    const auto progress = parse_json(
        sandbox.run({"progress", "deadlift", "--today", "2026-11-09", "--format", "json"}).out);
    CHECK(progress.at(0)["total_reps"] == 20);
    CHECK(progress.at(0)["volume"]["value"] == 2000);
}

TEST_CASE("assistance comes off at the top of the range, then body weight alone",
          "[e2e][record-model]") {
    e2e::Sandbox sandbox;
    REQUIRE(log_on(sandbox, {"pull-up", "3x10@-20kg"}, "2026-11-02").status == 0);
    CHECK(suggestion(sandbox, "pull-up", "2026-11-05")["next"]["notation"] == "3x11@-20kg");
    const auto top = log_on(sandbox, {"pull-up", "3x12@-20kg"}, "2026-11-05");
    REQUIRE(top.status == 0);
    CHECK(top.err.empty());  // less help is no implausible jump
    const auto less = suggestion(sandbox, "pull-up", "2026-11-09");
    CHECK(less["action"] == "add_weight");
    CHECK(less["next"]["notation"] == "3x6@-17.5kg");
    CHECK(contains(less["reason"].get<std::string>(), "take 2.5 kg of assistance off"));
    // The last 2.5 kg of help comes off to body weight, not to an added plate.
    e2e::Sandbox last;
    REQUIRE(log_on(last, {"pull-up", "3x12@-2.5kg"}, "2026-11-02").status == 0);
    CHECK(suggestion(last, "pull-up", "2026-11-05")["next"]["notation"] == "3x6@bw");
    // Assistance is no volume, and the most help is not the best set.
    const auto csv = sandbox.run({"history", "--format", "csv", "--today", "2026-11-09"});
    CHECK(contains(csv.out, ",12,20,assisted,kg,"));
    const auto progress = parse_json(
        sandbox.run({"progress", "pull-up", "--today", "2026-11-09", "--format", "json"}).out);
    CHECK(progress.at(0)["volume"]["value"] == 0);
    CHECK(progress.at(0)["e1rm"].is_null());
}

TEST_CASE("drop and failure sets and an RPE per set are kept and shown", "[e2e][record-model]") {
    e2e::Sandbox sandbox;
    const auto logged =
        log_on(sandbox, {"squat", "3x5@100kg", "rpe8", "8d,6f@80kg", "rpe9.5"}, "2026-11-02");
    REQUIRE(logged.status == 0);
    CHECK(contains(logged.out, ": 3x5@100kg rpe8 8d,6f@80kg rpe9.5 (id "));
    const std::string log = sandbox.read_log();
    CHECK(contains(log, R"("type":"drop","rpe":9.5})"));
    CHECK(contains(log, R"("type":"failure","rpe":9.5})"));
    const auto rows = sandbox.run({"history", "--format", "json", "--today", "2026-11-02"});
    const auto json = parse_json(rows.out);
    REQUIRE(json.size() == 5);
    CHECK(json[0]["set_rpe"] == 8);
    CHECK(json[3]["set_type"] == "drop");
    CHECK(json[4]["set_type"] == "failure");
    const auto table = sandbox.run({"history", "--today", "2026-11-02"});
    CHECK(contains(table.out, " 8d "));
    CHECK(contains(table.out, " 6f "));
}

TEST_CASE("bad sets are refused at the token and leave the log byte-identical",
          "[e2e][record-model][errors]") {
    e2e::Sandbox sandbox;
    e2e::seed_log(sandbox);
    const std::string before = sandbox.read_log();
    struct Case {
        std::vector<std::string> sets;
        std::string message;
    };
    const std::vector<Case> cases = {
        {{"3x60s@100kg"}, "deadlift measures reps, not time; for example: liftlog log deadlift"},
        {{"3x40m@100kg"}, "deadlift measures reps, not distance"},
        {{"3x5@-20kg"}, "deadlift is loaded with an external weight"},
        {{"3x5@100kg", "rpe11"}, "an RPE is from 1 to 10"},
        {{"3x5@100kg", "rir2"}, "rir2 is rpe8"},
        {{"rpe8", "3x5@100kg"}, "has no sets before it"},
        {{"1:75@100kg"}, "two digits of seconds"},
        {{"3x40@100kg", "0x5"}, "sets must be from 1"}};
    for (const auto& c : cases) {
        std::vector<std::string> args{"log", "deadlift"};
        args.insert(args.end(), c.sets.begin(), c.sets.end());
        args.insert(args.end(), {"--today", e2e::kToday});
        const auto result = sandbox.run(args);
        INFO(result.err);
        CHECK(result.status == 2);
        CHECK(e2e::is_single_error(result.err));
        CHECK(contains(result.err, c.message));
        CHECK(sandbox.read_log() == before);
    }
}

TEST_CASE("a log that uses nothing new stays version 1", "[e2e][record-model]") {
    e2e::Sandbox sandbox;
    REQUIRE(log_on(sandbox, {"deadlift", "2x5w@60kg", "3x5@100kg"}, "2026-11-02").status == 0);
    REQUIRE(log_on(sandbox, {"back-extension", "3x12@+5kg"}, "2026-11-02").status == 0);
    const std::string log = sandbox.read_log();
    CHECK(e2e::count_of(log, R"({"v":1,)") == 2);
    CHECK_FALSE(contains(log, R"("v":2)"));
}

TEST_CASE("timed holds add time, then load; carries add distance", "[e2e][record-model][timed]") {
    e2e::Sandbox sandbox;
    const auto first = log_on(sandbox, {"plank", "3x60s"}, "2026-11-02");
    REQUIRE(first.status == 0);
    CHECK(contains(first.out, "Logged plank on 2026-11-02: 3x60s@bw"));
    CHECK(contains(sandbox.read_log(), R"({"seconds":60,"load":{"kind":"bw"}})"));
    REQUIRE(log_on(sandbox, {"plank", "3x75s"}, "2026-11-05").status == 0);
    const auto more = suggestion(sandbox, "plank", "2026-11-09");
    CHECK(more["action"] == "add_time");
    CHECK(more["next"]["notation"] == "3x80s@bw");
    CHECK(contains(more["reason"].get<std::string>(), "you held 75, 75, 75 s at bodyweight"));
    REQUIRE(log_on(sandbox, {"plank", "3x1:30"}, "2026-11-09").status == 0);
    const auto heavier = suggestion(sandbox, "plank", "2026-11-12");
    CHECK(heavier["action"] == "add_weight");
    CHECK(heavier["next"]["notation"] == "3x30s@+5kg");
    // The notation the advice prints is what log takes back.
    CHECK(log_on(sandbox, {"plank", "3x30s@+5kg"}, "2026-11-12").status == 0);

    e2e::Sandbox carry;
    REQUIRE(log_on(carry, {"farmers-walk", "2x30m@32kg"}, "2026-11-02").status == 0);
    const auto further = suggestion(carry, "farmers-walk", "2026-11-06");
    CHECK(further["action"] == "add_distance");
    CHECK(further["next"]["notation"] == "2x35m@32kg");
    const auto reps = carry.run({"log", "plank", "3x12", "--today", "2026-11-06"});
    CHECK(reps.status == 2);
    CHECK(
        contains(reps.err, "plank measures time, not reps; for example: liftlog log plank 3x60s"));
}

TEST_CASE("with a body weight, assisted sets count what the lifter moved",
          "[e2e][record-model][bodyweight]") {
    e2e::Sandbox sandbox;
    REQUIRE(
        sandbox.run({"weigh", "80kg", "--date", "2026-11-01", "--today", "2026-11-01"}).status ==
        0);
    REQUIRE(log_on(sandbox, {"pull-up", "3x8@-20kg"}, "2026-11-02").status == 0);
    const auto json = parse_json(
        sandbox.run({"progress", "pull-up", "--today", "2026-11-03", "--format", "json"}).out);
    CHECK(json.at(0)["volume"]["value"] == 1440);  // 3 x 8 x (80 - 20)
    const auto text = sandbox.run({"progress", "--today", "2026-11-03"});
    CHECK(contains(text.out, " 76.0 kg "));  // Epley from 60 kg for 8
    // Help of the whole body weight is a slip: refused, the log as it was.
    const std::string before = sandbox.read_log();
    const auto lifted = log_on(sandbox, {"pull-up", "3x8@-85kg"}, "2026-11-03");
    CHECK(lifted.status == 2);
    CHECK(contains(lifted.err,
                   "assistance of 85kg is not less than your body weight of 80 kg (weighed "
                   "2026-11-01)"));
    CHECK(sandbox.read_log() == before);
}

TEST_CASE("reps paused at the top are logged, kept in the advice and refused elsewhere",
          "[e2e][record-model][pause]") {
    e2e::Sandbox sandbox;
    const auto logged = log_on(sandbox, {"back-extension", "3x12", "pause3s"}, "2026-11-02");
    REQUIRE(logged.status == 0);
    CHECK(contains(logged.out, "Logged back-extension on 2026-11-02: 3x12@bw pause3s"));
    CHECK(contains(sandbox.read_log(), R"({"reps":12,"load":{"kind":"bw"},"pause":3})"));
    CHECK(contains(sandbox.read_log(), R"({"v":2,)"));
    const auto next = suggestion(sandbox, "back-extension", "2026-11-05");
    CHECK(next["next"]["pause_seconds"] == 3);
    CHECK(contains(next["next"]["notation"].get<std::string>(), " pause3s"));
    CHECK(contains(next["reason"].get<std::string>(), "Keep the 3 s pause at the top"));
    // The suggestion pastes back into `log` as it is.
    std::vector<std::string> pasted{"back-extension"};
    for (const auto& word : e2e::split_words(next["next"]["notation"].get<std::string>()))
        pasted.push_back(word);
    REQUIRE(log_on(sandbox, pasted, "2026-11-05").status == 0);
    const auto csv = sandbox.run({"history", "--format", "csv", "--today", "2026-11-05"});
    CHECK(contains(csv.out, ",pause_seconds\n"));
    CHECK(contains(csv.out, ",normal,,3\n"));
    const auto table = sandbox.run({"history", "--today", "2026-11-05"});
    CHECK(contains(table.out, "12 pause3s"));

    const std::string before = sandbox.read_log();
    for (const auto& [exercise, sets, message] :
         std::vector<std::tuple<std::string, std::string, std::string>>{
             {"pull-up", "3x8", "pull-up has no pause at the top"},
             {"plank", "3x60s", "plank measures time"},
             {"back-extension", "3x12", "from 1 to 60 seconds"}}) {
        const std::string pause = message == "from 1 to 60 seconds" ? "pause90s" : "pause3s";
        const auto refused = sandbox.run({"log", exercise, sets, pause, "--today", "2026-11-05"});
        INFO(refused.err);
        CHECK(refused.status == 2);
        CHECK(e2e::is_single_error(refused.err));
        CHECK(contains(refused.err, message));
        CHECK(refused.out.empty());
        CHECK(sandbox.read_log() == before);
    }
    const auto listed = sandbox.run({"list", "--format", "json"});
    CHECK(contains(listed.out, R"("measure": "reps_with_pause")"));
}
