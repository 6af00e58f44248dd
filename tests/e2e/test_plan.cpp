// liftlog plan: the plans, and one plan's prescription for today.
#include <catch2/catch.hpp>

#include "harness.hpp"
#include "support.hpp"

using e2e::kToday;
using e2e::parse_json;
using e2e::split_lines;

namespace {

nlohmann::ordered_json plan_json(const e2e::Sandbox& sandbox, const std::string& plan,
                                 const std::string& today = kToday) {
    const auto result = sandbox.run({"plan", plan, "--today", today, "--format", "json"});
    REQUIRE(result.status == 0);
    CHECK(result.err.empty());
    return parse_json(result.out);
}

const nlohmann::ordered_json& item_for(const nlohmann::ordered_json& plan, const std::string& id) {
    for (const auto& item : plan["items"])
        if (item["exercise"] == id) return item;
    FAIL("no item for " << id);
    throw 0;
}

}  // namespace

TEST_CASE("plan without an argument lists the built-in plans", "[e2e][plan]") {
    e2e::Sandbox sandbox;
    const auto text = sandbox.run({"plan"});
    CHECK(text.status == 0);
    CHECK(text.err.empty());
    const auto lines = split_lines(text.out);
    REQUIRE(lines.size() == 3);
    CHECK(e2e::starts_with(lines[0], "PLAN "));
    CHECK(e2e::contains(lines[0], "NAME"));
    CHECK(e2e::contains(lines[0], "EXERCISES"));
    CHECK(e2e::starts_with(lines[1], "back-workout "));
    CHECK(e2e::contains(lines[1],
                        "deadlift, pull-up, dumbbell-row, back-extension, reverse-dumbbell-fly"));
    CHECK(e2e::starts_with(lines[2], "lower-back "));

    const auto json = sandbox.run({"plan", "--format", "json"});
    CHECK(json.status == 0);
    CHECK(json.err.empty());
    const auto plans = parse_json(json.out);
    REQUIRE(plans.size() == 2);
    std::vector<std::string> keys;
    for (const auto& [key, value] : plans[0].items()) keys.push_back(key);
    CHECK(keys == std::vector<std::string>{"id", "name", "description", "exercises"});
    CHECK(plans[0]["id"] == "back-workout");
    CHECK(plans[0]["name"] == "Back Workout");
    CHECK(plans[0]["exercises"] ==
          parse_json(
              R"(["deadlift","pull-up","dumbbell-row","back-extension","reverse-dumbbell-fly"])"));
    CHECK(plans[1]["id"] == "lower-back");
    CHECK(plans[1]["exercises"] ==
          parse_json(R"(["romanian-deadlift","back-extension","reverse-back-extension"])"));
}

TEST_CASE("plan with an empty log prescribes starting points in text", "[e2e][plan]") {
    e2e::Sandbox sandbox;
    const auto result = sandbox.run({"plan", "back-workout", "--today", kToday});
    CHECK(result.status == 0);
    CHECK(result.err.empty());
    CHECK(e2e::starts_with(result.out, "Back Workout (back-workout) for 2026-11-20\n"));
    const auto lines = split_lines(result.out);
    const auto header = std::find_if(lines.begin(), lines.end(), [](const std::string& l) {
        return e2e::starts_with(l, "EXERCISE ");
    });
    REQUIRE(header != lines.end());
    for (const char* column : {"NEXT", "PLAN", "ACTION", "OR"})
        CHECK(e2e::contains(*header, column));
    REQUIRE(std::distance(header, lines.end()) > 5);
    CHECK(e2e::starts_with(*(header + 1), "deadlift "));
    CHECK(e2e::contains(*(header + 1), " 3x5 light "));
    CHECK(e2e::contains(*(header + 1), " = "));
    CHECK(e2e::contains(*(header + 1), " start"));
    CHECK(e2e::starts_with(*(header + 2), "pull-up "));
    CHECK(e2e::contains(*(header + 2), "lat-pulldown"));
    CHECK(e2e::starts_with(*(header + 4), "back-extension "));
    CHECK(e2e::contains(*(header + 4), " 3x12@bw "));
    CHECK(e2e::contains(result.out, "\nWhy:\n  deadlift: No sessions of Deadlift logged yet"));
}

TEST_CASE("plan in JSON has one item per exercise with a suggestion", "[e2e][plan][json]") {
    e2e::Sandbox sandbox;
    const auto plan = plan_json(sandbox, "back-workout");
    CHECK(plan["plan"]["id"] == "back-workout");
    CHECK(plan["plan"]["name"] == "Back Workout");
    CHECK(plan["plan"]["description"].is_string());
    CHECK(plan["date"] == kToday);
    REQUIRE(plan["items"].size() == 5);
    const auto& deadlift = plan["items"][0];
    std::vector<std::string> keys;
    for (const auto& [key, value] : deadlift.items()) keys.push_back(key);
    CHECK(keys == std::vector<std::string>{"exercise", "name", "sets", "reps", "alternatives",
                                           "follows_plan", "suggestion"});
    CHECK(deadlift["exercise"] == "deadlift");
    CHECK(deadlift["name"] == "Deadlift");
    CHECK(deadlift["sets"] == 3);
    CHECK(deadlift["reps"] == 5);
    CHECK(deadlift["alternatives"] == nlohmann::ordered_json::array());
    CHECK(deadlift["follows_plan"] == true);
    CHECK(deadlift["suggestion"]["action"] == "start");
    CHECK(deadlift["suggestion"]["next"] ==
          parse_json(R"({"sets":3,"reps":5,"load":null,"notation":"3x5","pause_seconds":null})"));
    CHECK(deadlift["suggestion"]["not_before"].is_null());
    CHECK(plan["items"][1]["alternatives"] == parse_json(R"(["lat-pulldown"])"));
    const auto& back = item_for(plan, "back-extension");
    CHECK(back["suggestion"]["next"] ==
          parse_json(R"({"sets":3,"reps":12,"load":{"kind":"bw"},"notation":"3x12@bw",)"
                     R"("pause_seconds":null})"));
}

TEST_CASE("plan suggestions follow the log", "[e2e][plan]") {
    e2e::Sandbox sandbox;
    REQUIRE(sandbox.run({"log", "deadlift", "3x5@100kg", "--date", "2026-11-16", "--today", kToday})
                .status == 0);
    REQUIRE(
        sandbox
            .run({"log", "back-extension", "12,12,12", "--date", "2026-11-16", "--today", kToday})
            .status == 0);
    const auto plan = plan_json(sandbox, "back-workout");
    const auto& deadlift = item_for(plan, "deadlift");
    CHECK(deadlift["suggestion"]["action"] == "add_weight");
    CHECK(deadlift["suggestion"]["next"]["load"] ==
          parse_json(R"({"kind":"external","value":105,"unit":"kg"})"));
    const auto& back = item_for(plan, "back-extension");
    CHECK(back["suggestion"]["action"] == "add_reps");
    CHECK(back["suggestion"]["next"]["reps"] == 13);
    CHECK(item_for(plan, "pull-up")["suggestion"]["action"] == "start");

    const auto text = sandbox.run({"plan", "back-workout", "--today", kToday});
    CHECK(text.status == 0);
    const auto lines = split_lines(text.out);
    const auto row = std::find_if(lines.begin(), lines.end(), [](const std::string& l) {
        return e2e::starts_with(l, "deadlift ");
    });
    REQUIRE(row != lines.end());
    CHECK(e2e::contains(*row, "105kg"));
    CHECK(e2e::contains(*row, "add_weight"));
}

TEST_CASE("plan prescribes rest for an exercise trained its most times this week", "[e2e][plan]") {
    e2e::Sandbox sandbox;
    REQUIRE(sandbox.run({"log", "deadlift", "3x5@100kg", "--date", "2026-11-17", "--today", kToday})
                .status == 0);
    REQUIRE(sandbox.run({"log", "deadlift", "3x5@100kg", "--date", "2026-11-19", "--today", kToday})
                .status == 0);
    const auto plan = plan_json(sandbox, "back-workout");
    const auto& deadlift = item_for(plan, "deadlift");
    CHECK(deadlift["suggestion"]["action"] == "rest");
    CHECK(deadlift["suggestion"]["not_before"] == "2026-11-24");
    CHECK(deadlift["suggestion"]["next"]["load"]["value"] == 105);

    const auto text = sandbox.run({"plan", "back-workout", "--today", kToday});
    CHECK(e2e::contains(text.out, "105kg (rest until 2026-11-24)"));

    const auto later = plan_json(sandbox, "back-workout", "2026-11-24");
    CHECK(item_for(later, "deadlift")["suggestion"]["action"] == "add_weight");
    CHECK(item_for(later, "deadlift")["suggestion"]["not_before"].is_null());
}

TEST_CASE("plan prescribes rest after pain", "[e2e][plan]") {
    e2e::Sandbox sandbox;
    REQUIRE(sandbox
                .run({"log", "back-extension", "3x12", "--pain", "--date", "2026-11-18", "--today",
                      kToday})
                .status == 0);
    const auto plan = plan_json(sandbox, "lower-back");
    const auto& back = item_for(plan, "back-extension");
    CHECK(back["suggestion"]["action"] == "rest");
    CHECK(back["suggestion"]["not_before"] == "2026-11-25");
}

TEST_CASE("plan ignores entries dated after today", "[e2e][plan]") {
    e2e::Sandbox sandbox;
    sandbox.write_file("data/liftlog/log.jsonl",
                       e2e::record_line("00000000000000f1", "2026-11-25", "deadlift",
                                        e2e::external_sets(3, 5, 200)) +
                           "\n");
    const auto plan = plan_json(sandbox, "back-workout");
    CHECK(item_for(plan, "deadlift")["suggestion"]["action"] == "start");
}

TEST_CASE("plan ids are matched case-insensitively and unknown ones are usage errors",
          "[e2e][plan][errors]") {
    e2e::Sandbox sandbox;
    CHECK(plan_json(sandbox, "LOWER-BACK")["plan"]["id"] == "lower-back");
    for (const char* format : {"text", "json"}) {
        const auto result =
            sandbox.run({"plan", "lower-bak", "--today", kToday, "--format", format});
        CHECK(result.status == 2);
        CHECK(result.out.empty());
        CHECK(e2e::is_single_error(result.err));
        CHECK(e2e::contains(result.err, "unknown plan 'lower-bak'; did you mean 'lower-back'?"));
    }
}

TEST_CASE("user plans from --exercises are listed and usable", "[e2e][plan][definitions]") {
    e2e::Sandbox sandbox;
    sandbox.write_file("extra/band-pull.json",
                       e2e::exercise_definition("band-pull", "Band Pull", "bodyweight"));
    sandbox.write_file(
        "extra/plans/my-plan.json",
        R"({"id":"my-plan","name":"My Plan","items":[{"exercise":"band-pull","sets":2,"reps":15},)"
        R"({"exercise":"deadlift","sets":5,"reps":5}]})");
    const std::string extra = (sandbox.dir() / "extra").string();
    const auto list = sandbox.run({"plan", "--exercises", extra, "--format", "json"});
    REQUIRE(list.status == 0);
    const auto plans = parse_json(list.out);
    REQUIRE(plans.size() == 3);
    CHECK(plans[2]["id"] == "my-plan");
    CHECK(plans[2]["exercises"] == parse_json(R"(["band-pull","deadlift"])"));

    const auto plan = sandbox.run(
        {"plan", "my-plan", "--exercises", extra, "--today", kToday, "--format", "json"});
    REQUIRE(plan.status == 0);
    const auto object = parse_json(plan.out);
    REQUIRE(object["items"].size() == 2);
    CHECK(object["items"][0]["suggestion"]["next"]["notation"] == "2x15@bw");
    CHECK(object["items"][1]["suggestion"]["next"]["notation"] == "5x5");
}

TEST_CASE("plan reports unreadable log lines on stderr and still prints the plan", "[e2e][plan]") {
    e2e::Sandbox sandbox;
    e2e::seed_log(sandbox);
    sandbox.write_file("data/liftlog/log.jsonl", sandbox.read_log() + "[1,2,3]\n");
    const auto result =
        sandbox.run({"plan", "back-workout", "--today", kToday, "--format", "json"});
    CHECK(result.status == 0);
    CHECK(e2e::starts_with(result.err, "liftlog: warning: " + sandbox.log().string() + ":3: "));
    const auto plan = parse_json(result.out);
    CHECK(item_for(plan, "deadlift")["suggestion"]["action"] == "add_weight");
}
