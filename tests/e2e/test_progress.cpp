// liftlog progress: the per-exercise overview and one exercise's history.
#include <catch2/catch.hpp>

#include "harness.hpp"
#include "support.hpp"

using e2e::kToday;
using e2e::parse_json;
using e2e::split_lines;

namespace {

nlohmann::ordered_json progress_json(const e2e::Sandbox& sandbox,
                                     std::vector<std::string> extra = {},
                                     const std::string& today = kToday) {
    std::vector<std::string> args{"progress"};
    args.insert(args.end(), extra.begin(), extra.end());
    args.insert(args.end(), {"--today", today, "--format", "json"});
    const auto result = sandbox.run(args);
    REQUIRE(result.status == 0);
    CHECK(result.err.empty());
    return parse_json(result.out);
}

}  // namespace

TEST_CASE("progress with no log prints a hint on stderr and nothing on stdout", "[e2e][progress]") {
    e2e::Sandbox sandbox;
    const auto text = sandbox.run({"progress", "--today", kToday});
    CHECK(text.status == 0);
    CHECK(text.out.empty());
    CHECK(e2e::contains(text.err, "liftlog log"));
    CHECK_FALSE(e2e::contains(text.err, "error"));
    CHECK(progress_json(sandbox) == nlohmann::ordered_json::array());
    // Reading never creates the log.
    CHECK_FALSE(std::filesystem::exists(sandbox.log()));
}

TEST_CASE("progress overview in text has one row per exercise", "[e2e][progress]") {
    e2e::Sandbox sandbox;
    e2e::seed_log(sandbox);
    const auto result = sandbox.run({"progress", "--today", kToday});
    CHECK(result.status == 0);
    CHECK(result.err.empty());
    const auto lines = split_lines(result.out);
    // The table, a blank line and the note on how bodyweight sets were counted.
    REQUIRE(lines.size() == 5);
    CHECK(e2e::starts_with(lines[4], "No body weight logged"));
    CHECK(e2e::starts_with(lines[0], "EXERCISE "));
    for (const char* column : {"SESSIONS", "LAST", "BEST SET", "REPS", "VOLUME", "NEXT"})
        CHECK(e2e::contains(lines[0], column));
    CHECK(e2e::starts_with(lines[1], "back-extension "));
    CHECK(e2e::contains(lines[1], "2026-11-16"));
    CHECK(e2e::contains(lines[1], "12 @ bw"));
    CHECK(e2e::contains(lines[1], " 35 "));
    CHECK(e2e::contains(lines[1], "add_reps 3x12@bw"));
    CHECK(e2e::starts_with(lines[2], "deadlift "));
    CHECK(e2e::contains(lines[2], "5 @ 95kg"));
    CHECK(e2e::contains(lines[2], "1425.0 kg"));
    CHECK(e2e::contains(lines[2], "add_weight 3x5@100kg"));
}

TEST_CASE("progress overview in JSON has the documented fields", "[e2e][progress][json]") {
    e2e::Sandbox sandbox;
    e2e::seed_log(sandbox);
    const auto list = progress_json(sandbox);
    REQUIRE(list.size() == 2);
    std::vector<std::string> keys;
    for (const auto& [key, value] : list[0].items()) keys.push_back(key);
    CHECK(keys == std::vector<std::string>{"exercise", "name", "sessions", "first", "last",
                                           "best_set", "e1rm", "total_reps", "volume",
                                           "total_seconds", "total_distance", "bodyweight_e1rm",
                                           "suggestion"});
    CHECK(list[0]["total_seconds"] == 0);
    CHECK(list[0]["total_distance"]["value"] == 0);
    CHECK(list[0]["exercise"] == "back-extension");
    CHECK(list[0]["name"] == "Back Extension");
    CHECK(list[0]["total_reps"] == 35);
    CHECK(list[0]["volume"] == parse_json(R"({"value":0.0,"unit":"kg"})"));
    CHECK(list[0]["best_set"] ==
          parse_json(R"({"reps":12,"load":{"kind":"bw"},"date":"2026-11-16"})"));
    CHECK(list[0]["suggestion"]["action"] == "add_reps");
    CHECK(list[0]["suggestion"]["next"]["notation"] == "3x12@bw");
    const auto& deadlift = list[1];
    CHECK(deadlift["exercise"] == "deadlift");
    CHECK(deadlift["sessions"] == 1);
    CHECK(deadlift["first"] == "2026-11-13");
    CHECK(deadlift["last"] == "2026-11-13");
    CHECK(deadlift["total_reps"] == 15);
    CHECK(deadlift["volume"] == parse_json(R"({"value":1425.0,"unit":"kg"})"));
    CHECK(deadlift["suggestion"]["action"] == "add_weight");
    CHECK(deadlift["suggestion"]["next"]["load"] ==
          parse_json(R"({"kind":"external","value":100,"unit":"kg"})"));
    CHECK_FALSE(deadlift.contains("history"));
}

TEST_CASE("progress for one exercise lists every session", "[e2e][progress]") {
    e2e::Sandbox sandbox;
    REQUIRE(sandbox
                .run({"log", "deadlift", "3x5@100kg", "--date", "2026-11-10", "--rpe", "8",
                      "--today", kToday})
                .status == 0);
    REQUIRE(sandbox
                .run({"log", "deadlift", "2x3w@60kg", "3x3@105kg", "--date", "2026-11-17", "--note",
                      "heavy", "--today", kToday})
                .status == 0);
    REQUIRE(sandbox
                .run({"log", "deadlift", "1x3@105kg", "--date", "2026-11-17", "--rpe", "9.5",
                      "--today", kToday})
                .status == 0);

    const auto text = sandbox.run({"progress", "deadlift", "--today", kToday});
    CHECK(text.status == 0);
    CHECK(text.err.empty());
    CHECK(
        e2e::starts_with(text.out, "Deadlift (deadlift): 2 sessions, best set 3 @ 105kg, volume "));
    const auto lines = split_lines(text.out);
    const auto header = std::find_if(lines.begin(), lines.end(), [](const std::string& l) {
        return e2e::starts_with(l, "DATE ");
    });
    REQUIRE(header != lines.end());
    REQUIRE(std::distance(header, lines.end()) >= 3);
    CHECK(e2e::starts_with(*(header + 1), "2026-11-10  3x5@100kg"));
    CHECK(e2e::contains(*(header + 1), " 8"));
    CHECK(e2e::starts_with(*(header + 2), "2026-11-17  2x3w@60kg 4x3@105kg"));
    CHECK(e2e::contains(*(header + 2), "9.5"));
    CHECK(e2e::contains(*(header + 2), "heavy"));
    CHECK(e2e::contains(text.out, "\nNext time: "));

    const auto list = progress_json(sandbox, {"deadlift"});
    REQUIRE(list.size() == 1);
    const auto& entry = list[0];
    CHECK(entry["exercise"] == "deadlift");
    CHECK(entry["sessions"] == 2);
    CHECK(entry["first"] == "2026-11-10");
    CHECK(entry["last"] == "2026-11-17");
    CHECK(entry["total_reps"] == 27);
    CHECK(entry["best_set"]["load"]["value"] == 105);
    CHECK(entry["best_set"]["date"] == "2026-11-17");
    REQUIRE(entry["history"].size() == 2);
    const auto& first = entry["history"][0];
    CHECK(first["date"] == "2026-11-10");
    CHECK(first["notation"] == "3x5@100kg");
    CHECK(first["pain"] == false);
    CHECK(first["rpe"] == 8);
    CHECK(first["notes"] == nlohmann::ordered_json::array());
    CHECK(first["sets"].size() == 3);
    const auto& second = entry["history"][1];
    CHECK(second["notation"] == "2x3w@60kg 4x3@105kg");
    CHECK(second["rpe"] == 9.5);  // the highest of the day
    CHECK(second["notes"] == parse_json(R"(["heavy"])"));
    CHECK(second["sets"].size() == 6);
    CHECK(second["sets"][0]["warmup"] == true);
}

TEST_CASE("progress for an exercise with no entries suggests a start", "[e2e][progress]") {
    e2e::Sandbox sandbox;
    e2e::seed_log(sandbox);
    const auto list = progress_json(sandbox, {"pull-up"});
    REQUIRE(list.size() == 1);
    CHECK(list[0]["exercise"] == "pull-up");
    CHECK(list[0]["sessions"] == 0);
    CHECK(list[0]["first"].is_null());
    CHECK(list[0]["best_set"].is_null());
    CHECK(list[0]["history"] == nlohmann::ordered_json::array());
    CHECK(list[0]["suggestion"]["action"] == "start");
}

TEST_CASE("progress finds the exercise by alias and refuses unknown ones", "[e2e][progress]") {
    e2e::Sandbox sandbox;
    e2e::seed_log(sandbox);
    CHECK(progress_json(sandbox, {"Barbell Deadlift"}).at(0)["sessions"] == 1);
    for (const char* format : {"text", "json"}) {
        const auto result =
            sandbox.run({"progress", "dedlift", "--today", kToday, "--format", format});
        CHECK(result.status == 2);
        CHECK(result.out.empty());
        CHECK(e2e::is_single_error(result.err));
        CHECK(e2e::contains(result.err, "unknown exercise 'dedlift'; did you mean 'deadlift'?"));
    }
}

TEST_CASE("progress leaves out entries dated after today", "[e2e][progress]") {
    e2e::Sandbox sandbox;
    e2e::seed_log(sandbox);
    sandbox.write_file("data/liftlog/log.jsonl",
                       sandbox.read_log() +
                           e2e::record_line("00000000000000f1", "2026-11-25", "deadlift",
                                            e2e::external_sets(3, 5, 200)) +
                           "\n");
    const auto now = progress_json(sandbox, {"deadlift"});
    CHECK(now.at(0)["sessions"] == 1);
    CHECK(now.at(0)["last"] == "2026-11-13");
    const auto later = progress_json(sandbox, {"deadlift"}, "2026-11-25");
    CHECK(later.at(0)["sessions"] == 2);
    CHECK(later.at(0)["best_set"]["load"]["value"] == 200);
}

TEST_CASE("progress lists exercises the library does not know without a suggestion",
          "[e2e][progress]") {
    e2e::Sandbox sandbox;
    sandbox.write_file("data/liftlog/log.jsonl",
                       e2e::record_line("00000000000000c1", "2026-11-18", "zercher-squat",
                                        e2e::external_sets(3, 5, 80)) +
                           "\n");
    const auto list = progress_json(sandbox);
    REQUIRE(list.size() == 1);
    CHECK(list[0]["exercise"] == "zercher-squat");
    CHECK(list[0]["name"] == "zercher-squat");
    CHECK(list[0]["sessions"] == 1);
    CHECK(list[0]["suggestion"].is_null());
    const auto text = sandbox.run({"progress", "--today", kToday});
    CHECK(text.status == 0);
    CHECK(e2e::contains(text.out, "(not in the library)"));
}

TEST_CASE("progress prescribes rest after pain and after too many sessions a week",
          "[e2e][progress]") {
    e2e::Sandbox sandbox;
    REQUIRE(sandbox
                .run({"log", "back-extension", "3x12", "--pain", "--date", "2026-11-19", "--today",
                      kToday})
                .status == 0);
    REQUIRE(sandbox.run({"log", "deadlift", "3x5@100kg", "--date", "2026-11-15", "--today", kToday})
                .status == 0);
    REQUIRE(sandbox.run({"log", "deadlift", "3x5@100kg", "--date", "2026-11-18", "--today", kToday})
                .status == 0);
    const auto list = progress_json(sandbox);
    REQUIRE(list.size() == 2);
    CHECK(list[0]["exercise"] == "back-extension");
    CHECK(list[0]["suggestion"]["action"] == "rest");
    CHECK(list[0]["suggestion"]["not_before"] == "2026-11-26");
    CHECK(list[1]["exercise"] == "deadlift");
    CHECK(list[1]["suggestion"]["action"] == "rest");
    CHECK(list[1]["suggestion"]["not_before"] == "2026-11-22");
    // The back extension's pain holds the deadlift (both train the lower back).
    CHECK(list[1]["suggestion"]["next"]["load"]["value"] == 100);

    const auto text = sandbox.run({"progress", "--today", kToday});
    CHECK(e2e::contains(text.out, "rest until 2026-11-26, then "));
    CHECK(e2e::contains(text.out, "rest until 2026-11-22, then 3x5@100kg"));

    // Once the week has passed the deadlift is due again, still held by the pain.
    const auto later = progress_json(sandbox, {"deadlift"}, "2026-11-22");
    CHECK(later.at(0)["suggestion"]["action"] == "keep");
    // A week after the pain it goes up again.
    const auto free = progress_json(sandbox, {"deadlift"}, "2026-11-26");
    CHECK(free.at(0)["suggestion"]["action"] == "add_weight");
}

TEST_CASE("progress reports each unreadable line as FILE:LINE and covers the rest",
          "[e2e][progress]") {
    e2e::Sandbox sandbox;
    e2e::seed_log(sandbox);
    const std::string log = sandbox.log().string();
    const std::string good = sandbox.read_log();
    sandbox.write_file(
        "data/liftlog/log.jsonl",
        good + "not json\n\n" +
            R"({"v":99,"id":"x","time":"t","date":"2026-11-18","exercise":"deadlift","sets":[{"reps":5,"load":{"kind":"bw"}}]})" +
            "\n" +
            e2e::record_line("00000000000000d1", "2026-02-30", "deadlift",
                             e2e::external_sets(1, 5, 100)) +
            "\n" +
            e2e::record_line("00000000000000d2", "2026-11-19", "deadlift",
                             e2e::external_sets(1, 5, 100)) +
            "\n");
    const auto result = sandbox.run({"progress", "--today", kToday, "--format", "json"});
    CHECK(result.status == 0);
    const auto err_lines = split_lines(result.err);
    REQUIRE(err_lines.size() == 3);
    CHECK(e2e::starts_with(err_lines[0], "liftlog: warning: " + log + ":3: "));
    CHECK(e2e::starts_with(err_lines[1], "liftlog: warning: " + log +
                                             ":5: "));  // line 4 is empty and skipped silently
    CHECK(e2e::starts_with(err_lines[2], "liftlog: warning: " + log + ":6: "));
    const auto list = parse_json(result.out);
    REQUIRE(list.size() == 2);
    CHECK(list[1]["exercise"] == "deadlift");
    CHECK(list[1]["sessions"] == 2);
    CHECK(list[1]["last"] == "2026-11-19");
}

TEST_CASE("progress fails with exit 1 when the log cannot be read", "[e2e][progress][errors]") {
    e2e::Sandbox sandbox;
    std::filesystem::create_directories(sandbox.log());  // a directory where the file should be
    for (const char* format : {"text", "json"}) {
        const auto result = sandbox.run({"progress", "--today", kToday, "--format", format});
        CHECK(result.status == 1);
        CHECK(result.out.empty());
        CHECK(e2e::is_single_error(result.err));
        CHECK(e2e::contains(result.err, sandbox.log().string()));
    }
}
