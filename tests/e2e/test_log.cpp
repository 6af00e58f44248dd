// liftlog log: appending records, the records' shape, the suggestion printed
// afterwards, notes, and how appends cope with a damaged log.
#include <catch2/catch.hpp>

#include <regex>

#include "harness.hpp"
#include "support.hpp"

using e2e::kToday;
using e2e::parse_json;
using e2e::split_lines;

namespace {

nlohmann::ordered_json last_record(const e2e::Sandbox& sandbox) {
    const auto lines = split_lines(sandbox.read_log());
    REQUIRE_FALSE(lines.empty());
    return parse_json(lines.back());
}

}  // namespace

TEST_CASE("log prints what was logged and the next step in text", "[e2e][log]") {
    e2e::Sandbox sandbox;
    const auto result = sandbox.run({"log", "deadlift", "3x5@100kg", "--today", kToday});
    CHECK(result.status == 0);
    CHECK(result.err.empty());
    const std::regex expected(
        "Logged deadlift on 2026-11-20: 3x5@100kg \\(id [0-9a-f]{16}\\)\n"
        "Next time: add_weight 3x5@105kg\n"
        "  On 2026-11-20 you did 5, 5, 5 reps at 100 kg; every set reached 5 reps, so keep 3x5 "
        "and add 5 kg: 105 kg\\.\n");
    CHECK(std::regex_match(result.out, expected));
    CHECK(split_lines(sandbox.read_log()).size() == 1);
}

TEST_CASE("log writes one JSON record per line with the documented fields", "[e2e][log]") {
    e2e::Sandbox sandbox;
    const auto result =
        sandbox.run({"log", "deadlift", "2x5w@60kg", "3x5@100kg", "--rpe", "7.5", "--note",
                     "felt strong", "--pain", "--date", "2026-11-18", "--today", kToday});
    REQUIRE(result.status == 0);
    const std::string content = sandbox.read_log();
    REQUIRE(!content.empty());
    CHECK(content.back() == '\n');
    const auto lines = split_lines(content);
    REQUIRE(lines.size() == 1);
    const auto record = parse_json(lines[0]);
    std::vector<std::string> keys;
    for (const auto& [key, value] : record.items()) keys.push_back(key);
    CHECK(keys == std::vector<std::string>{"v", "id", "time", "date", "exercise", "sets", "rpe",
                                           "note", "pain"});
    CHECK(record["v"] == 1);
    CHECK(std::regex_match(record["id"].get<std::string>(), std::regex("[0-9a-f]{16}")));
    CHECK(std::regex_match(record["time"].get<std::string>(),
                           std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00)")));
    CHECK(record["date"] == "2026-11-18");
    CHECK(record["exercise"] == "deadlift");
    REQUIRE(record["sets"].size() == 5);
    CHECK(record["sets"][0] ==
          parse_json(
              R"({"reps":5,"load":{"kind":"external","value":60,"unit":"kg"},"warmup":true})"));
    CHECK(record["sets"][1]["warmup"] == true);
    for (int i = 2; i < 5; ++i)
        CHECK(record["sets"][i] ==
              parse_json(R"({"reps":5,"load":{"kind":"external","value":100,"unit":"kg"}})"));
    CHECK(record["rpe"] == 7.5);
    CHECK(record["note"] == "felt strong");
    CHECK(record["pain"] == true);
}

TEST_CASE("log leaves optional fields out when they are not given", "[e2e][log]") {
    e2e::Sandbox sandbox;
    REQUIRE(sandbox.run({"log", "back-extension", "12,12,11", "--today", kToday}).status == 0);
    const auto record = last_record(sandbox);
    CHECK(record["date"] == kToday);  // --date defaults to today
    CHECK_FALSE(record.contains("rpe"));
    CHECK_FALSE(record.contains("note"));
    CHECK_FALSE(record.contains("pain"));
    CHECK(
        record["sets"] ==
        parse_json(
            R"([{"reps":12,"load":{"kind":"bw"}},{"reps":12,"load":{"kind":"bw"}},{"reps":11,"load":{"kind":"bw"}}])"));
}

TEST_CASE("log in JSON prints the stored record and the suggestion", "[e2e][log][json]") {
    e2e::Sandbox sandbox;
    const auto result =
        sandbox.run({"log", "deadlift", "3x5@100kg", "--today", kToday, "--format", "json"});
    REQUIRE(result.status == 0);
    CHECK(result.err.empty());
    const auto output = parse_json(result.out);
    REQUIRE(output.is_object());
    CHECK(output.size() == 3);
    CHECK(output["record"] == last_record(sandbox));
    CHECK(output["records"] == nlohmann::ordered_json::array());  // a first entry sets none
    const auto& suggestion = output["suggestion"];
    CHECK(suggestion["action"] == "add_weight");
    CHECK(suggestion["next"]["sets"] == 3);
    CHECK(suggestion["next"]["reps"] == 5);
    CHECK(suggestion["next"]["load"] ==
          parse_json(R"({"kind":"external","value":105,"unit":"kg"})"));
    CHECK(suggestion["next"]["notation"] == "3x5@105kg");
    CHECK(suggestion["not_before"].is_null());
    CHECK(suggestion["reason"].get<std::string>().find("105 kg") != std::string::npos);
}

TEST_CASE("log accepts every documented set notation", "[e2e][log]") {
    struct Case {
        std::string exercise;
        std::vector<std::string> sets;
        std::string logged;  // the text output's notation
        std::string sets_json;
    };
    const std::vector<Case> cases = {
        {"back-extension", {"12"}, "12@bw", R"([{"reps":12,"load":{"kind":"bw"}}])"},
        {"back-extension",
         {"2x10"},
         "2x10@bw",
         R"([{"reps":10,"load":{"kind":"bw"}},{"reps":10,"load":{"kind":"bw"}}])"},
        {"back-extension",
         {"12,11"},
         "12,11@bw",
         R"([{"reps":12,"load":{"kind":"bw"}},{"reps":11,"load":{"kind":"bw"}}])"},
        {"back-extension",
         {"12", "11"},
         "12,11@bw",
         R"([{"reps":12,"load":{"kind":"bw"}},{"reps":11,"load":{"kind":"bw"}}])"},
        {"back-extension",
         {"2x10@bw"},
         "2x10@bw",
         R"([{"reps":10,"load":{"kind":"bw"}},{"reps":10,"load":{"kind":"bw"}}])"},
        {"back-extension",
         {"2x10@+10kg"},
         "2x10@+10kg",
         R"([{"reps":10,"load":{"kind":"added","value":10,"unit":"kg"}},{"reps":10,"load":{"kind":"added","value":10,"unit":"kg"}}])"},
        {"deadlift",
         {"5", "5", "@100kg"},
         "2x5@100kg",
         R"([{"reps":5,"load":{"kind":"external","value":100,"unit":"kg"}},{"reps":5,"load":{"kind":"external","value":100,"unit":"kg"}}])"},
        {"deadlift",
         {"5,5,4@100kg"},
         "5,5,4@100kg",
         R"([{"reps":5,"load":{"kind":"external","value":100,"unit":"kg"}},{"reps":5,"load":{"kind":"external","value":100,"unit":"kg"}},{"reps":4,"load":{"kind":"external","value":100,"unit":"kg"}}])"},
        {"deadlift",
         {"1x5@102.5kg"},
         "5@102.5kg",
         R"([{"reps":5,"load":{"kind":"external","value":102.5,"unit":"kg"}}])"},
        {"deadlift",
         {"1x5@225lb"},
         "5@225lb",
         R"([{"reps":5,"load":{"kind":"external","value":225,"unit":"lb"}}])"},
        {"deadlift",
         {"1x5w@60kg", "1x3@100kg"},
         "5w@60kg 3@100kg",
         R"([{"reps":5,"load":{"kind":"external","value":60,"unit":"kg"},"warmup":true},{"reps":3,"load":{"kind":"external","value":100,"unit":"kg"}}])"},
    };
    for (const auto& c : cases) {
        e2e::Sandbox sandbox;
        std::vector<std::string> args{"log", c.exercise};
        args.insert(args.end(), c.sets.begin(), c.sets.end());
        args.insert(args.end(), {"--today", kToday});
        INFO("sets: " << c.sets.front() << (c.sets.size() > 1 ? " ..." : ""));
        const auto result = sandbox.run(args);
        REQUIRE(result.status == 0);
        CHECK(result.err.empty());
        CHECK(e2e::starts_with(result.out,
                               "Logged " + c.exercise + " on 2026-11-20: " + c.logged + " (id "));
        CHECK(last_record(sandbox)["sets"] == parse_json(c.sets_json));
    }
}

TEST_CASE("log applies --unit to loads written without a unit", "[e2e][log]") {
    e2e::Sandbox sandbox;
    const auto result =
        sandbox.run({"log", "deadlift", "3x5@225", "--unit", "lb", "--today", kToday});
    REQUIRE(result.status == 0);
    CHECK(last_record(sandbox)["sets"][0]["load"] ==
          parse_json(R"({"kind":"external","value":225,"unit":"lb"})"));
    const auto kg = sandbox.run({"log", "deadlift", "3x5@100", "--today", kToday});
    REQUIRE(kg.status == 0);
    CHECK(last_record(sandbox)["sets"][0]["load"] ==
          parse_json(R"({"kind":"external","value":100,"unit":"kg"})"));
}

TEST_CASE("log accepts --date equal to today and the short options", "[e2e][log]") {
    e2e::Sandbox sandbox;
    const auto result = sandbox.run(
        {"log", "deadlift", "3x5@100kg", "-d", kToday, "-n", "short", "--today", kToday});
    REQUIRE(result.status == 0);
    const auto record = last_record(sandbox);
    CHECK(record["date"] == kToday);
    CHECK(record["note"] == "short");
}

TEST_CASE("log records the exercise id when given a name or alias", "[e2e][log]") {
    e2e::Sandbox sandbox;
    REQUIRE(sandbox.run({"log", "RDL", "3x8@60kg", "--today", kToday}).status == 0);
    CHECK(last_record(sandbox)["exercise"] == "romanian-deadlift");
    REQUIRE(sandbox.run({"log", "reverse hyper", "3x12", "--today", kToday}).status == 0);
    CHECK(last_record(sandbox)["exercise"] == "reverse-back-extension");
    REQUIRE(sandbox.run({"log", "Back Extension", "12", "--today", kToday}).status == 0);
    CHECK(last_record(sandbox)["exercise"] == "back-extension");
}

TEST_CASE("acceptance: back extension past 12 reps on the same day moves to added weight",
          "[e2e][log][acceptance]") {
    e2e::Sandbox sandbox;
    const auto first = sandbox.run({"log", "back-extension", "12,12,12", "--today", kToday});
    REQUIRE(first.status == 0);
    CHECK(e2e::contains(first.out, "Next time: add_reps 3x13@bw\n"));

    const auto second =
        sandbox.run({"log", "back-extension", "13,12,12", "--today", kToday, "--format", "json"});
    REQUIRE(second.status == 0);
    CHECK(second.err.empty());
    const auto suggestion = parse_json(second.out)["suggestion"];
    CHECK(suggestion["action"] == "add_weight");
    CHECK(suggestion["next"]["load"] == parse_json(R"({"kind":"added","value":2.5,"unit":"kg"})"));
    CHECK(suggestion["next"]["notation"] == "3x10@+2.5kg");
    CHECK(suggestion["not_before"].is_null());

    const auto progress =
        sandbox.run({"progress", "back-extension", "--today", kToday, "--format", "json"});
    REQUIRE(progress.status == 0);
    const auto entry = parse_json(progress.out).at(0);
    CHECK(entry["sessions"] == 1);
    CHECK(entry["suggestion"]["action"] == "add_weight");
    CHECK(entry["suggestion"]["next"]["notation"] == "3x10@+2.5kg");
}

TEST_CASE("acceptance: back extension on two dates moves to added weight once allowed",
          "[e2e][log][acceptance]") {
    e2e::Sandbox sandbox;
    REQUIRE(
        sandbox
            .run({"log", "back-extension", "12,12,12", "--date", "2026-11-17", "--today", kToday})
            .status == 0);
    const auto second =
        sandbox.run({"log", "back-extension", "13,12,12", "--date", kToday, "--today", kToday});
    REQUIRE(second.status == 0);
    // Two sessions in 7 days is back extension's weekly maximum: the next one is
    // due a week after the first.
    CHECK(e2e::contains(second.out, "Next time: add_weight 3x10@+2.5kg (from 2026-11-24)\n"));

    const auto json = sandbox.run({"log", "back-extension", "13,12,12", "--date", kToday, "--today",
                                   kToday, "--format", "json"});
    REQUIRE(json.status == 0);
    const auto suggestion = parse_json(json.out)["suggestion"];
    CHECK(suggestion["action"] == "add_weight");
    CHECK(suggestion["next"]["load"]["value"] == 2.5);
    CHECK(suggestion["not_before"] == "2026-11-24");

    const auto later =
        sandbox.run({"progress", "back-extension", "--today", "2026-11-24", "--format", "json"});
    REQUIRE(later.status == 0);
    const auto entry = parse_json(later.out).at(0);
    CHECK(entry["sessions"] == 2);
    CHECK(entry["suggestion"]["action"] == "add_weight");
    CHECK(entry["suggestion"]["next"]["notation"] == "3x10@+2.5kg");
}

TEST_CASE("acceptance: deadlift 3x5 at 100 kg twice suggests a heavier load",
          "[e2e][log][acceptance]") {
    e2e::Sandbox sandbox;
    REQUIRE(sandbox.run({"log", "deadlift", "3x5@100kg", "--date", "2026-11-12", "--today", kToday})
                .status == 0);
    const auto result = sandbox.run({"log", "deadlift", "3x5@100kg", "--date", "2026-11-16",
                                     "--today", kToday, "--format", "json"});
    REQUIRE(result.status == 0);
    const auto suggestion = parse_json(result.out)["suggestion"];
    CHECK(suggestion["action"] == "add_weight");
    CHECK(suggestion["next"]["load"]["kind"] == "external");
    CHECK(suggestion["next"]["load"]["unit"] == "kg");
    CHECK(suggestion["next"]["load"]["value"].get<double>() > 100.0);
    CHECK(suggestion["next"]["load"]["value"] == 105);

    const auto progress = sandbox.run({"progress", "--today", kToday, "--format", "json"});
    REQUIRE(progress.status == 0);
    const auto entry = parse_json(progress.out).at(0);
    CHECK(entry["exercise"] == "deadlift");
    CHECK(entry["sessions"] == 2);
    CHECK(entry["suggestion"]["next"]["load"]["value"].get<double>() > 100.0);
}

TEST_CASE("log with --pain suggests rest", "[e2e][log]") {
    e2e::Sandbox sandbox;
    const auto result =
        sandbox.run({"log", "back-extension", "12,12,12", "--pain", "--today", kToday});
    REQUIRE(result.status == 0);
    CHECK(e2e::starts_with(result.out, "Logged back-extension on 2026-11-20: 3x12@bw, pain (id "));
    CHECK(e2e::contains(result.out, "Next time: rest until 2026-11-27, then 1x9@bw\n"));
    const auto json = sandbox.run(
        {"log", "back-extension", "10", "--pain", "--today", kToday, "--format", "json"});
    REQUIRE(json.status == 0);
    const auto suggestion = parse_json(json.out)["suggestion"];
    CHECK(suggestion["action"] == "rest");
    CHECK(suggestion["not_before"] == "2026-11-27");
}

TEST_CASE("log prints the RPE it stored", "[e2e][log]") {
    e2e::Sandbox sandbox;
    const auto result =
        sandbox.run({"log", "deadlift", "3x5@100kg", "--rpe", "8", "--today", kToday});
    REQUIRE(result.status == 0);
    CHECK(std::regex_search(result.out,
                            std::regex("^Logged deadlift on 2026-11-20: 3x5@100kg, RPE 8 \\(id ")));
    CHECK(last_record(sandbox)["rpe"] == 8);
}

TEST_CASE("log appends and never rewrites earlier lines", "[e2e][log]") {
    e2e::Sandbox sandbox;
    e2e::seed_log(sandbox);
    const std::string before = sandbox.read_log();
    REQUIRE(sandbox.run({"log", "deadlift", "3x5@100kg", "--today", kToday}).status == 0);
    const std::string after = sandbox.read_log();
    REQUIRE(after.size() > before.size());
    CHECK(after.compare(0, before.size(), before) == 0);
    CHECK(split_lines(after).size() == 3);
    CHECK(after.back() == '\n');
}

TEST_CASE("log creates the log's directory when it is missing", "[e2e][log]") {
    e2e::Sandbox sandbox;
    const auto path = sandbox.dir() / "deep" / "nested" / "training.jsonl";
    const auto result =
        sandbox.run({"log", "deadlift", "3x5@100kg", "--log", path.string(), "--today", kToday});
    REQUIRE(result.status == 0);
    CHECK(split_lines(e2e::read_file(path)).size() == 1);
}

TEST_CASE("notes with quotes backslashes newlines emoji and RTL text round-trip exactly",
          "[e2e][log][notes]") {
    const std::vector<std::string> notes = {
        R"(she said "go" and I went)",
        R"(C:\path\to\file and a trailing backslash\)",
        "line one\nline two\n\nline four",
        "tab\tseparated\r\ncarriage",
        "\xF0\x9F\x92\xAA\xF0\x9F\x8F\x8B\xEF\xB8\x8F\xE2\x80\x8D\xE2\x99\x80\xEF\xB8\x8F "
        "strong",  // 💪🏋️‍♀️
        "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D \xD7\xA2\xD7\x95\xD7\x9C\xD7\x9D",  // שלום עולם
        "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 \xE2\x80\x8F(rtl mark) 12 reps",  // مرحبا +
                                                                                    // RLM
        "mixed \"q\" \\ \n \xF0\x9F\x94\xA5 \xD7\xA9 {\"json\":[1,2]} \x01 ctrl",
        "",
    };
    for (const auto& note : notes) {
        INFO("note: " << note);
        e2e::Sandbox sandbox;
        const auto logged = sandbox.run(
            {"log", "back-extension", "12", "--note", note, "--today", kToday, "--format", "json"});
        REQUIRE(logged.status == 0);
        CHECK(logged.err.empty());
        CHECK(parse_json(logged.out)["record"]["note"] == note);

        const std::string content = sandbox.read_log();
        const auto lines = split_lines(content);
        REQUIRE(lines.size() == 1);  // newlines in notes are escaped, not written raw
        CHECK(parse_json(lines[0])["note"] == note);

        const auto progress =
            sandbox.run({"progress", "back-extension", "--today", kToday, "--format", "json"});
        REQUIRE(progress.status == 0);
        CHECK(progress.err.empty());
        const auto history = parse_json(progress.out).at(0)["history"];
        REQUIRE(history.size() == 1);
        CHECK(history[0]["notes"] == nlohmann::ordered_json::array({note}));
    }
}

TEST_CASE("notes from several entries on one day are all kept in order", "[e2e][log][notes]") {
    e2e::Sandbox sandbox;
    REQUIRE(
        sandbox.run({"log", "deadlift", "3x5@100kg", "--note", "first \"one\"", "--today", kToday})
            .status == 0);
    REQUIRE(
        sandbox.run({"log", "deadlift", "1x3@110kg", "--note", "second\nline", "--today", kToday})
            .status == 0);
    const auto progress =
        sandbox.run({"progress", "deadlift", "--today", kToday, "--format", "json"});
    REQUIRE(progress.status == 0);
    const auto history = parse_json(progress.out).at(0)["history"];
    REQUIRE(history.size() == 1);
    CHECK(history[0]["notes"] == nlohmann::ordered_json::array({"first \"one\"", "second\nline"}));
}

TEST_CASE("a torn last line is skipped and the next append starts on a fresh line",
          "[e2e][log][torn]") {
    e2e::Sandbox sandbox;
    const std::string good = e2e::record_line("00000000000000aa", "2026-11-18", "deadlift",
                                              e2e::external_sets(3, 5, 100));
    const std::string torn = R"({"v":1,"id":"00000000000000bb","time":"2026-11-19T1)";
    sandbox.write_file("data/liftlog/log.jsonl", good + "\n" + torn);
    const std::string log_path = sandbox.log().string();

    const auto progress = sandbox.run({"progress", "--today", kToday, "--format", "json"});
    CHECK(progress.status == 0);
    CHECK(e2e::starts_with(progress.err, "liftlog: warning: " + log_path + ":2: "));
    CHECK(e2e::count_of(progress.err, log_path + ":2:") == 1);
    CHECK_FALSE(e2e::contains(progress.err, "liftlog: error"));
    const auto overview = parse_json(progress.out);
    REQUIRE(overview.size() == 1);
    CHECK(overview[0]["exercise"] == "deadlift");
    CHECK(overview[0]["sessions"] == 1);
    CHECK(overview[0]["last"] == "2026-11-18");

    const auto text = sandbox.run({"progress", "--today", kToday});
    CHECK(text.status == 0);
    CHECK(e2e::contains(text.err, log_path + ":2: "));
    CHECK(e2e::contains(text.out, "deadlift"));

    const auto logged = sandbox.run({"log", "back-extension", "12,12,12", "--today", kToday});
    CHECK(logged.status == 0);
    const std::string content = sandbox.read_log();
    // The good line is untouched, the torn fragment is closed off, and the new
    // record has a line of its own.
    CHECK(e2e::starts_with(content, good + "\n" + torn + "\n"));
    const auto lines = split_lines(content);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0] == good);
    CHECK(lines[1] == torn);
    CHECK_NOTHROW(parse_json(lines[2]));
    CHECK(content.back() == '\n');

    const auto after = sandbox.run({"progress", "--today", kToday, "--format", "json"});
    CHECK(after.status == 0);
    const auto entries = parse_json(after.out);
    CHECK(entries.size() == 2);  // deadlift and back-extension both read back
    CHECK(e2e::count_of(after.err, log_path + ":") == 1);
    CHECK(e2e::contains(after.err, log_path + ":2: "));
}

TEST_CASE("a complete last record without a newline is read and the next append starts a new line",
          "[e2e][log][torn]") {
    e2e::Sandbox sandbox;
    const std::string good = e2e::record_line("00000000000000aa", "2026-11-18", "deadlift",
                                              e2e::external_sets(3, 5, 100));
    sandbox.write_file("data/liftlog/log.jsonl", good);  // no trailing newline
    const auto progress = sandbox.run({"progress", "--today", kToday, "--format", "json"});
    CHECK(progress.status == 0);
    CHECK(parse_json(progress.out).size() == 1);

    REQUIRE(sandbox.run({"log", "deadlift", "3x5@105kg", "--today", kToday}).status == 0);
    const auto lines = split_lines(sandbox.read_log());
    REQUIRE(lines.size() == 2);
    CHECK(lines[0] == good);
    CHECK(parse_json(lines[1])["sets"][0]["load"]["value"] == 105);

    const auto after = sandbox.run({"progress", "deadlift", "--today", kToday, "--format", "json"});
    CHECK(after.status == 0);
    CHECK(after.err.empty());
    CHECK(parse_json(after.out).at(0)["sessions"] == 2);
}

TEST_CASE("a note of exactly 2000 bytes is accepted and one byte more is refused",
          "[e2e][log][notes]") {
    e2e::Sandbox sandbox;
    // 666 three-byte characters plus two ASCII bytes: 2000 bytes, the limit.
    std::string note;
    for (int i = 0; i < 666; ++i) note += "\xE2\x82\xAC";  // €
    note += "!!";
    REQUIRE(note.size() == 2000);
    const auto ok = sandbox.run({"log", "back-extension", "12", "--note", note, "--today", kToday});
    CHECK(ok.status == 0);
    CHECK(last_record(sandbox)["note"] == note);
    const std::string before = sandbox.read_log();
    const auto too_long =
        sandbox.run({"log", "back-extension", "12", "--note", note + "!", "--today", kToday});
    CHECK(too_long.status == 2);
    CHECK(too_long.out.empty());
    CHECK(e2e::is_single_error(too_long.err));
    CHECK(e2e::contains(too_long.err, "--note: 2001 bytes is too long; a note holds at most 2000"));
    CHECK(sandbox.read_log() == before);
}

TEST_CASE("an exercise name over 200 bytes is refused before the lookup, naming the limit",
          "[e2e][log][limits]") {
    e2e::Sandbox sandbox;
    e2e::seed_log(sandbox);
    const std::string before = sandbox.read_log();
    for (const std::size_t size : {std::size_t{201}, std::size_t{100000}}) {
        const auto result =
            sandbox.run({"log", std::string(size, 'd'), "5@100kg", "--today", kToday});
        CHECK(result.status == 2);
        CHECK(result.out.empty());
        CHECK(e2e::is_single_error(result.err));
        CHECK(e2e::contains(result.err, std::to_string(size) +
                                            " bytes is too long; an exercise name holds at "
                                            "most 200 bytes"));
        CHECK(result.err.size() < 200);  // the name is not echoed back
    }
    CHECK(sandbox.read_log() == before);
    // 200 bytes is an ordinary unknown name.
    const auto at_limit = sandbox.run({"log", std::string(200, 'd'), "5@100kg", "--today", kToday});
    CHECK(at_limit.status == 2);
    CHECK(e2e::contains(at_limit.err, "unknown exercise"));
}
