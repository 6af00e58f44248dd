// liftlog show: one exercise's facts, and its history once the log has some.
#include <catch2/catch.hpp>

#include "harness.hpp"
#include "support.hpp"

using e2e::kToday;
using e2e::parse_json;

TEST_CASE("show prints the exercise facts and instructions in text", "[e2e][show]") {
    e2e::Sandbox sandbox;
    const auto result = sandbox.run({"show", "deadlift", "--today", kToday});
    CHECK(result.status == 0);
    CHECK(result.err.empty());
    CHECK(e2e::starts_with(
        result.out, "Deadlift (deadlift)\nAlso called: conventional deadlift, barbell deadlift\n"));
    for (const char* expected :
         {"\nPrimary muscles:    glutes, lower-back, hamstrings\n",
          "\nEquipment:          barbell, weight-plate\n", "\nLoading:            external\n",
          "\nPrescription:       3-5 sets of 3-6 reps, 1-2 times a week\n",
          "\nSteps:\n  1. Stand with your feet", "\nTips:\n  - ",
          "\nVariations:\n  - Sumo deadlift: ", "\nAlternatives:\n  - trap-bar-deadlift\n",
          "\nReferences:\n  - "})
        CHECK(e2e::contains(result.out, expected));
    // No history without log entries.
    CHECK_FALSE(e2e::contains(result.out, "Your history"));
    CHECK_FALSE(e2e::contains(result.out, "Next time"));
}

TEST_CASE("show describes the bodyweight progression rule for a bodyweight exercise",
          "[e2e][show]") {
    e2e::Sandbox sandbox;
    const auto result = sandbox.run({"show", "back-extension", "--today", kToday});
    CHECK(result.status == 0);
    CHECK(e2e::contains(result.out, "Loading:            bodyweight\n"));
    CHECK(e2e::contains(result.out,
                        "Progression:        past 12 reps at bodyweight, add 2.5 kg / 5 lb"));
}

TEST_CASE("show in JSON has the documented fields and null history without entries",
          "[e2e][show][json]") {
    e2e::Sandbox sandbox;
    const auto result = sandbox.run({"show", "deadlift", "--today", kToday, "--format", "json"});
    CHECK(result.status == 0);
    CHECK(result.err.empty());
    const auto object = parse_json(result.out);
    REQUIRE(object.is_object());
    for (const char* key :
         {"id", "name", "aliases", "primary_muscles", "secondary_muscles", "equipment", "steps",
          "alternatives", "prescription", "history", "suggestion"})
        CHECK(object.contains(key));
    CHECK(object["id"] == "deadlift");
    CHECK(object["name"] == "Deadlift");
    CHECK(object["aliases"] == parse_json(R"(["conventional deadlift","barbell deadlift"])"));
    CHECK(object["primary_muscles"] == parse_json(R"(["glutes","lower-back","hamstrings"])"));
    CHECK(object["equipment"] == parse_json(R"(["barbell","weight-plate"])"));
    CHECK(object["steps"].size() == 6);
    CHECK(object["alternatives"].at(0) == "trap-bar-deadlift");
    CHECK(object["prescription"] == parse_json(R"({"sets":[3,5],"reps":[3,6],"per_week":[1,2]})"));
    CHECK(object["history"].is_null());
    CHECK(object["suggestion"].is_null());
}

TEST_CASE("show with log entries adds the history and the next suggestion", "[e2e][show]") {
    e2e::Sandbox sandbox;
    REQUIRE(sandbox.run({"log", "deadlift", "2x5w@60kg", "3x5@100kg", "--today", kToday}).status ==
            0);

    const auto text = sandbox.run({"show", "deadlift", "--today", kToday});
    CHECK(text.status == 0);
    CHECK(text.err.empty());
    CHECK(e2e::contains(text.out,
                        "\nYour history: 1 session, 2026-11-20 to 2026-11-20, best set 5 @ "
                        "100kg, volume 1500.0 kg\nNext time: add_weight 3x5@105kg\n"));

    const auto json = sandbox.run({"show", "deadlift", "--today", kToday, "--format", "json"});
    CHECK(json.status == 0);
    const auto object = parse_json(json.out);
    const auto& history = object["history"];
    REQUIRE(history.is_object());
    CHECK(history["sessions"] == 1);
    CHECK(history["first"] == kToday);
    CHECK(history["last"] == kToday);
    CHECK(
        history["best_set"] ==
        parse_json(
            R"({"reps":5,"load":{"kind":"external","value":100,"unit":"kg"},"date":"2026-11-20"})"));
    CHECK(history["total_reps"] == 15);  // warm-ups do not count
    CHECK(history["volume"] == parse_json(R"({"value":1500.0,"unit":"kg"})"));
    const auto& suggestion = object["suggestion"];
    CHECK(suggestion["action"] == "add_weight");
    CHECK(suggestion["next"]["notation"] == "3x5@105kg");
}

TEST_CASE("show reports volume in the unit asked for", "[e2e][show]") {
    e2e::Sandbox sandbox;
    REQUIRE(sandbox.run({"log", "deadlift", "3x5@100kg", "--today", kToday}).status == 0);
    const auto json =
        sandbox.run({"show", "deadlift", "--today", kToday, "--unit", "lb", "--format", "json"});
    REQUIRE(json.status == 0);
    const auto object = parse_json(json.out);
    CHECK(object["history"]["volume"]["unit"] == "lb");
    CHECK(object["history"]["volume"]["value"].get<double>() == Approx(3306.9).margin(0.05));
    CHECK(object["suggestion"]["next"]["load"] ==
          parse_json(R"({"kind":"external","value":230,"unit":"lb"})"));
}

TEST_CASE("show finds exercises by id name or alias in any case", "[e2e][show]") {
    e2e::Sandbox sandbox;
    const std::vector<std::pair<std::string, std::string>> lookups = {
        {"reverse hyper", "reverse-back-extension"},
        {"RDL", "romanian-deadlift"},
        {"rdl", "romanian-deadlift"},
        {"Romanian Deadlift", "romanian-deadlift"},
        {"HYPEREXTENSION", "back-extension"},
        {"back_extension", "back-extension"},
        {"Back-Extension", "back-extension"},
        {"Conventional Deadlift", "deadlift"}};
    for (const auto& [query, id] : lookups) {
        INFO("query: " << query);
        const auto result = sandbox.run({"show", query, "--format", "json"});
        CHECK(result.status == 0);
        CHECK(result.err.empty());
        CHECK(parse_json(result.out)["id"] == id);
    }
}

TEST_CASE("show with an unknown exercise suggests the closest one", "[e2e][show][errors]") {
    e2e::Sandbox sandbox;
    for (const char* format : {"text", "json"}) {
        const auto result = sandbox.run({"show", "dedlift", "--format", format});
        CHECK(result.status == 2);
        CHECK(result.out.empty());
        CHECK(e2e::is_single_error(result.err));
        CHECK(e2e::starts_with(
            result.err, "liftlog: error: unknown exercise 'dedlift'; did you mean 'deadlift'?"));
    }
    const auto missing = sandbox.run({"show"});
    CHECK(missing.status == 2);
    CHECK(missing.out.empty());
    CHECK(e2e::is_single_error(missing.err));
}

TEST_CASE("show reports unreadable log lines and still shows the rest", "[e2e][show]") {
    e2e::Sandbox sandbox;
    e2e::seed_log(sandbox);
    const std::string content = sandbox.read_log();
    sandbox.write_file("data/liftlog/log.jsonl", content + "{not json}\n");
    const auto result = sandbox.run({"show", "deadlift", "--today", kToday, "--format", "json"});
    CHECK(result.status == 0);
    CHECK(e2e::starts_with(result.err, "liftlog: warning: " + sandbox.log().string() + ":3: "));
    CHECK(parse_json(result.out)["history"]["sessions"] == 1);
}

TEST_CASE("show gives a timed exercise's prescription in seconds", "[e2e][show]") {
    e2e::Sandbox sandbox;
    const auto text = sandbox.run({"show", "front plank", "--today", kToday});
    CHECK(text.status == 0);
    CHECK(e2e::starts_with(text.out, "Plank (plank)\n"));
    CHECK(e2e::contains(text.out, "\nPrescription:       2-3 sets of 30-90 s, 2-3 times a week\n"));
    CHECK(e2e::contains(text.out, "\nProgression:        30-90 s, 5 s more at a time"));
    const auto json = parse_json(sandbox.run({"show", "plank", "--format", "json"}).out);
    CHECK(json["measure"] == "time");
    CHECK(json["prescription"]["seconds"] == nlohmann::json::array({30, 90}));
    CHECK_FALSE(json["prescription"].contains("reps"));
    CHECK(json["progression"]["time_step"] == 5);
    const auto walk = sandbox.run({"show", "farmers carry", "--today", kToday});
    CHECK(e2e::contains(walk.out, "\nPrescription:       2-4 sets of 20-40 m, 1-2 times a week\n"));
}
