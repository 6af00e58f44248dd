// Personal records: `log` announces the ones a new entry sets, `progress`
// shows the best e1RM and the record table, and reports convert loads to the
// unit asked for, rounded to the exercise's load step.
#include <catch2/catch.hpp>

#include <regex>

#include "harness.hpp"
#include "support.hpp"

using e2e::contains;
using e2e::kToday;
using e2e::parse_json;
using e2e::split_lines;

namespace {

e2e::RunResult run_ok(const e2e::Sandbox& sandbox, std::vector<std::string> args) {
    args.insert(args.end(), {"--today", kToday});
    auto result = sandbox.run(args);
    INFO(result.err);
    REQUIRE(result.status == 0);
    CHECK(result.err.empty());
    return result;
}

e2e::RunResult log_on(const e2e::Sandbox& sandbox, const std::string& date,
                      std::vector<std::string> args) {
    args.insert(args.begin(), "log");
    args.insert(args.end(), {"--date", date});
    return run_ok(sandbox, args);
}

std::vector<std::string> record_lines(const std::string& out) {
    std::vector<std::string> lines;
    for (const auto& line : split_lines(out))
        if (e2e::starts_with(line, "New record: ")) lines.push_back(line);
    return lines;
}

// The row of a text table that starts with `first_cell`.
std::string row_of(const std::string& out, const std::string& first_cell) {
    for (const auto& line : split_lines(out))
        if (e2e::starts_with(line, first_cell + " ")) return line;
    return "";
}

std::string masked_ids(const std::string& text) {
    return std::regex_replace(text, std::regex("[0-9a-f]{16}"), "ID");
}

// Deadlift 3x5 at 100 kg, then 3x5 at 105 kg, then the same again.
void heavier_deadlifts(const e2e::Sandbox& sandbox) {
    log_on(sandbox, "2026-11-10", {"deadlift", "3x5@100kg"});
    log_on(sandbox, "2026-11-13", {"deadlift", "3x5@105kg"});
}

}  // namespace

TEST_CASE("log announces the records a new entry sets, not firsts or ties", "[e2e][records]") {
    e2e::Sandbox sandbox;
    const auto first = log_on(sandbox, "2026-11-10", {"deadlift", "3x5@100kg"});
    CHECK(record_lines(first.out).empty());

    const auto heavier = log_on(sandbox, "2026-11-13", {"deadlift", "3x5@105kg"});
    CHECK(record_lines(heavier.out) ==
          std::vector<std::string>{"New record: best e1RM 122.5 kg (5 @ 105kg), was 116.7 kg",
                                   "New record: heaviest load ever, 5 reps at 105 kg (was 5 reps "
                                   "at 100 kg)"});
    // Between what was logged and the suggestion.
    CHECK(std::regex_search(heavier.out,
                            std::regex("^Logged deadlift .*\nNew record: .*\nNew record: .*\n"
                                       "Next time: ")));

    const auto same = log_on(sandbox, "2026-11-17", {"deadlift", "3x5@105kg"});
    CHECK(record_lines(same.out).empty());

    const auto more_reps = log_on(sandbox, "2026-11-18", {"deadlift", "6@105kg"});
    CHECK(record_lines(more_reps.out) ==
          std::vector<std::string>{"New record: best e1RM 126.0 kg (6 @ 105kg), was 122.5 kg",
                                   "New record: 6 reps at 105 kg (was 5)"});
}

TEST_CASE("log --format json lists the new records under \"records\"", "[e2e][records][json]") {
    e2e::Sandbox sandbox;
    const auto first = parse_json(
        log_on(sandbox, "2026-11-10", {"deadlift", "3x5@100kg", "--format", "json"}).out);
    CHECK(first["records"] == nlohmann::ordered_json::array());
    const auto second = parse_json(
        log_on(sandbox, "2026-11-13", {"deadlift", "3x5@105kg", "--format", "json"}).out);
    std::vector<std::string> keys;
    for (const auto& [key, value] : second.items()) keys.push_back(key);
    CHECK(keys == std::vector<std::string>{"record", "records", "suggestion"});
    const auto& records = second["records"];
    REQUIRE(records.size() == 2);
    const auto& e1rm = records[0];
    CHECK(e1rm["kind"] == "e1rm");
    CHECK(e1rm["value"] == 122.5);
    CHECK(e1rm["unit"] == "kg");
    CHECK(e1rm["beyond_epley_range"] == false);
    CHECK(e1rm["reps"] == 5);
    CHECK(e1rm["load"] == parse_json(R"({"kind":"external","value":105,"unit":"kg"})"));
    CHECK(e1rm["date"] == "2026-11-13");
    CHECK(e1rm["id"] == second["record"]["id"]);
    CHECK(e1rm["previous"]["value"] == 116.7);
    CHECK(e1rm["previous"]["date"] == "2026-11-10");
    CHECK(e1rm["previous"]["id"] == first["record"]["id"]);
    CHECK(e1rm["text"] == "best e1RM 122.5 kg (5 @ 105kg), was 116.7 kg");
    CHECK(records[1]["kind"] == "heaviest_load");
    CHECK(records[1]["value"] == 105);
    CHECK(records[1]["previous"]["value"] == 100);
}

TEST_CASE("log announces the same records from a warm cache as from the log",
          "[e2e][records][cache]") {
    e2e::Sandbox cached;
    e2e::Sandbox uncached;
    uncached.set_env("LIFTLOG_NO_CACHE", "1");
    std::vector<std::string> outputs;
    for (const e2e::Sandbox* sandbox : {&cached, &uncached}) {
        heavier_deadlifts(*sandbox);
        run_ok(*sandbox, {"progress"});  // leaves a current cache behind
        const auto cache_dir = sandbox->dir() / "home" / ".cache" / "liftlog";
        CHECK(std::filesystem::exists(cache_dir) == (sandbox == &cached));
        outputs.push_back(
            masked_ids(log_on(*sandbox, "2026-11-18", {"deadlift", "2x6@105kg", "5@110kg"}).out));
    }
    CHECK(outputs[0] == outputs[1]);
    CHECK(record_lines(outputs[0]) ==
          std::vector<std::string>{
              "New record: best e1RM 128.3 kg (5 @ 110kg), was 122.5 kg",
              "New record: heaviest load ever, 5 reps at 110 kg (was 5 reps at 105 kg)",
              "New record: 6 reps at 105 kg (was 5)"});
}

TEST_CASE("progress shows the best e1RM per exercise, in text and JSON", "[e2e][records]") {
    e2e::Sandbox sandbox;
    heavier_deadlifts(sandbox);
    log_on(sandbox, "2026-11-16", {"back-extension", "12,12,11"});
    const auto text = run_ok(sandbox, {"progress"});
    const auto lines = split_lines(text.out);
    // No legend (no estimate beyond 10 reps); the note on body weight.
    REQUIRE(lines.size() == 5);
    CHECK(std::regex_search(lines[0], std::regex("BEST SET +E1RM +REPS ")));
    CHECK(contains(row_of(text.out, "deadlift"), "5 @ 105kg  122.5 kg "));
    CHECK(contains(row_of(text.out, "back-extension"), "12 @ bw    - "));

    const auto list = parse_json(run_ok(sandbox, {"progress", "--format", "json"}).out);
    REQUIRE(list.size() == 2);
    CHECK(list[0]["e1rm"].is_null());
    const auto& e1rm = list[1]["e1rm"];
    std::vector<std::string> keys;
    for (const auto& [key, value] : e1rm.items()) keys.push_back(key);
    CHECK(keys == std::vector<std::string>{"value", "unit", "reps", "load", "date", "id",
                                           "beyond_epley_range"});
    CHECK(e1rm["value"] == 122.5);
    CHECK(e1rm["unit"] == "kg");
    CHECK(e1rm["reps"] == 5);
    CHECK(e1rm["date"] == "2026-11-13");
    CHECK(e1rm["beyond_epley_range"] == false);
}

TEST_CASE("records are consistent: fewer reps, the heaviest ever, a flagged e1RM",
          "[e2e][records]") {
    e2e::Sandbox sandbox;
    log_on(sandbox, "2026-11-10", {"deadlift", "3x3@105kg"});
    const auto heavier = log_on(sandbox, "2026-11-14", {"deadlift", "3x5@110kg"});
    CHECK(contains(heavier.out,
                   "New record: heaviest load ever, 5 reps at 110 kg (was 3 reps at 105 kg)\n"));
    // 15 x 90 kg reads 135 kg by Epley, but from more than 10 reps: no record.
    const auto endurance = log_on(sandbox, "2026-11-17", {"deadlift", "15@90kg"});
    CHECK_FALSE(contains(endurance.out, "e1RM"));
    const auto single = log_on(sandbox, "2026-11-18", {"deadlift", "1@130kg"});
    CHECK(contains(single.out,
                   "New record: heaviest load ever, 1 rep at 130 kg (was 5 reps at 110 kg)\n"));

    const auto one = run_ok(sandbox, {"progress", "deadlift"});
    CHECK(contains(one.out, "\nBest e1RM: 130.0 kg from 1 @ 130kg on 2026-11-18\n"));
    CHECK(contains(row_of(one.out, "3"), " 110kg for 5 reps "));
    CHECK(contains(row_of(one.out, "5"), " 110kg "));
    CHECK(contains(row_of(one.out, "15"), " 90kg "));
}

TEST_CASE("an e1RM from more than 10 reps is flagged, with a legend", "[e2e][records]") {
    e2e::Sandbox sandbox;
    log_on(sandbox, "2026-11-10", {"deadlift", "3@100kg"});
    log_on(sandbox, "2026-11-12", {"romanian-deadlift", "12@80kg"});
    const auto text = run_ok(sandbox, {"progress"});
    CHECK(contains(row_of(text.out, "romanian-deadlift"), " 112.0 kg* "));
    CHECK(contains(row_of(text.out, "deadlift"), " 110.0 kg "));
    CHECK(e2e::count_of(text.out, "* E1RM estimated from a set of more than 10 reps") == 1);

    const auto list = parse_json(run_ok(sandbox, {"progress", "--format", "json"}).out);
    CHECK(list[0]["e1rm"]["beyond_epley_range"] == false);
    CHECK(list[1]["exercise"] == "romanian-deadlift");
    CHECK(list[1]["e1rm"]["beyond_epley_range"] == true);
    CHECK(list[1]["e1rm"]["value"] == 112.0);

    const auto one = run_ok(sandbox, {"progress", "romanian-deadlift"});
    CHECK(contains(one.out, "\nBest e1RM: 112.0 kg* from 12 @ 80kg on 2026-11-12\n* E1RM "));
}

TEST_CASE("progress EXERCISE lists the record table in text and JSON", "[e2e][records]") {
    e2e::Sandbox sandbox;
    heavier_deadlifts(sandbox);
    log_on(sandbox, "2026-11-17", {"deadlift", "8@80kg", "3@110kg"});
    const auto text = run_ok(sandbox, {"progress", "deadlift"});
    CHECK(contains(text.out, "\nBest e1RM: 122.5 kg from 5 @ 105kg on 2026-11-13\n"));
    CHECK(contains(text.out, "\nHeaviest load by reps:\nREPS  LOAD   DATE        ID\n"));
    CHECK(std::regex_search(text.out, std::regex("\n3     110kg  2026-11-17  [0-9a-f]{16}\n"
                                                 "5     105kg  2026-11-13  [0-9a-f]{16}\n"
                                                 "8     80kg   2026-11-17  [0-9a-f]{16}\n")));
    CHECK(std::regex_search(text.out,
                            std::regex("\nMost reps at the heaviest loads:\nLOAD +REPS  DATE +ID\n"
                                       "110kg +3 +2026-11-17 .*\n105kg +5 +2026-11-13 .*\n"
                                       "100kg +5 +2026-11-10 .*\n80kg +8 +2026-11-17 .*\n")));
    // The records come before the suggestion, which still ends the output.
    CHECK(text.out.find("\n\nNext time: ") > text.out.find("Most reps at the heaviest loads"));

    const auto entry =
        parse_json(run_ok(sandbox, {"progress", "deadlift", "--format", "json"}).out).at(0);
    const auto& records = entry["records"];
    CHECK(records["e1rm"] == entry["e1rm"]);
    REQUIRE(records["heaviest_by_reps"].size() == 3);
    CHECK(records["heaviest_by_reps"][1]["reps"] == 5);
    CHECK(records["heaviest_by_reps"][1]["value"] == 105);
    CHECK(records["heaviest_by_reps"][1]["unit"] == "kg");
    CHECK(records["heaviest_by_reps"][1]["date"] == "2026-11-13");
    REQUIRE(records["most_reps_by_load"].size() == 4);
    CHECK(records["most_reps_by_load"][3]["value"] == 80);
    CHECK(records["most_reps_by_load"][3]["reps"] == 8);
    CHECK(records["most_reps_bodyweight"].is_null());
}

TEST_CASE("most reps at bodyweight is a record too", "[e2e][records]") {
    e2e::Sandbox sandbox;
    log_on(sandbox, "2026-11-10", {"back-extension", "12,12,11"});
    const auto more = log_on(sandbox, "2026-11-13", {"back-extension", "13,12,12"});
    CHECK(record_lines(more.out) ==
          std::vector<std::string>{"New record: 13 reps at bodyweight (was 12)"});
    const auto text = run_ok(sandbox, {"progress", "back-extension"});
    CHECK(contains(text.out, "\nMost reps at bodyweight: 13 on 2026-11-13\n"));
    CHECK_FALSE(contains(text.out, "Best e1RM"));
}

TEST_CASE("a log in kg and lb: reports convert to --unit and round to the load step",
          "[e2e][records][units]") {
    e2e::Sandbox sandbox;
    log_on(sandbox, "2026-11-10", {"deadlift", "5@100kg"});
    // Announced in the unit it was logged in; the record it beat is converted
    // exactly (100 kg is 220.46 lb), not to the 5 lb load step.
    const auto lb_entry = log_on(sandbox, "2026-11-13", {"deadlift", "5@225lb"});
    CHECK(record_lines(lb_entry.out) ==
          std::vector<std::string>{
              "New record: best e1RM 262.5 lb (5 @ 225lb), was 257.2 lb",
              "New record: heaviest load ever, 5 reps at 225 lb (was 5 reps at 220.46 lb, "
              "logged as 100 kg)"});

    SECTION("a record just above a converted one never reads as a step down") {
        const auto kg_entry = log_on(sandbox, "2026-11-16", {"deadlift", "5@102.1kg"});
        CHECK(record_lines(kg_entry.out) ==
              std::vector<std::string>{
                  "New record: best e1RM 119.12 kg (5 @ 102.1kg), was 119.07 kg",
                  "New record: heaviest load ever, 5 reps at 102.1 kg (was 5 reps at 102.06 kg, "
                  "logged as 225 lb)"});
    }

    SECTION("kg, the default: 225 lb is 102.06 kg, shown as 102.5 kg") {
        const auto overview = run_ok(sandbox, {"progress"});
        CHECK(contains(row_of(overview.out, "deadlift"), "5 @ 102.5kg  119.1 kg "));
        const auto one = run_ok(sandbox, {"progress", "deadlift"});
        CHECK(e2e::starts_with(one.out, "Deadlift (deadlift): 2 sessions, best set 5 @ 102.5kg,"));
        CHECK(
            std::regex_search(one.out, std::regex("\n102.5kg \\(logged 225lb\\) +5 +2026-11-13 ")));
        CHECK(std::regex_search(one.out, std::regex("\n100kg +5 +2026-11-10 ")));
        const auto show = run_ok(sandbox, {"show", "deadlift"});
        CHECK(contains(show.out, ", best set 5 @ 102.5kg, volume "));
    }
    SECTION("--unit lb") {
        const auto overview = run_ok(sandbox, {"progress", "--unit", "lb"});
        CHECK(contains(row_of(overview.out, "deadlift"), "5 @ 225lb  262.5 lb "));
        const auto one = run_ok(sandbox, {"progress", "deadlift", "--unit", "lb"});
        CHECK(contains(one.out, "\nBest e1RM: 262.5 lb from 5 @ 225lb on 2026-11-13\n"));
        CHECK(std::regex_search(one.out, std::regex("\n5 +225lb +2026-11-13 ")));
        CHECK(std::regex_search(one.out, std::regex("\n220lb \\(logged 100kg\\) +5 +2026-11-10 ")));
        const auto json =
            parse_json(
                run_ok(sandbox, {"progress", "deadlift", "--unit", "lb", "--format", "json"}).out)
                .at(0);
        CHECK(json["e1rm"]["value"] == 262.5);
        CHECK(json["e1rm"]["unit"] == "lb");
        CHECK(json["records"]["most_reps_by_load"][1]["value"] == 220);
        CHECK(json["records"]["most_reps_by_load"][1]["load"] ==
              parse_json(R"({"kind":"external","value":100,"unit":"kg"})"));  // as logged
        CHECK(json["volume"]["unit"] == "lb");
        CHECK(json["suggestion"]["next"]["load"]["unit"] == "lb");

        const auto show = run_ok(sandbox, {"show", "deadlift", "--unit", "lb"});
        CHECK(contains(show.out, ", best set 5 @ 225lb, volume "));
        const auto plan = parse_json(
            run_ok(sandbox, {"plan", "back-workout", "--unit", "lb", "--format", "json"}).out);
        bool found = false;
        for (const auto& item : plan["items"]) {
            if (item["exercise"] != "deadlift") continue;
            found = true;
            CHECK(item["suggestion"]["next"]["load"]["unit"] == "lb");
            // One set of the three prescribed: repeat the load, in pounds.
            CHECK(item["suggestion"]["next"]["load"]["value"] == 225);
        }
        CHECK(found);
    }
    SECTION("LIFTLOG_UNIT is the unit asked for when --unit is not given") {
        sandbox.set_env("LIFTLOG_UNIT", "lb");
        const auto overview = run_ok(sandbox, {"progress"});
        CHECK(contains(row_of(overview.out, "deadlift"), "262.5 lb"));
    }
}
