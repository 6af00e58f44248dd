// liftlog history: one row per set, in date order, in every format, with
// filters; and its CSV and JSON lines read by sqlite3 and jq through a pipe.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <cstdio>

#include "harness.hpp"
#include "support.hpp"

using e2e::contains;
using e2e::kToday;
using e2e::parse_json;
using e2e::split_lines;
using e2e::starts_with;

namespace {

const std::string kColumns =
    "date,exercise,set_number,reps,load,load_kind,unit,warmup,rpe,pain,note,record_id,light,"
    "seconds,distance,distance_unit,set_type,set_rpe,pause_seconds";

// Out of date order (a backdated pull-up), a voided record, a future one, a
// bad line, and loads of every kind in both units.
void seed_history(const e2e::Sandbox& sandbox) {
    const std::string deadlift_sets =
        R"([{"reps":5,"load":{"kind":"external","value":60,"unit":"kg"},"warmup":true},)"
        R"({"reps":5,"load":{"kind":"external","value":60,"unit":"kg"},"warmup":true},)"
        R"({"reps":5,"load":{"kind":"external","value":102.5,"unit":"kg"}},)"
        R"({"reps":5,"load":{"kind":"external","value":102.5,"unit":"kg"}},)"
        R"({"reps":5,"load":{"kind":"external","value":102.5,"unit":"kg"}}])";
    const std::string pull_up_sets =
        R"([{"reps":8,"load":{"kind":"added","value":10,"unit":"kg"}},{"reps":8,"load":{"kind":"bw"}}])";
    const std::string pound_sets =
        R"([{"reps":5,"load":{"kind":"external","value":225,"unit":"lb"}},)"
        R"({"reps":5,"load":{"kind":"external","value":225,"unit":"lb"}},)"
        R"({"reps":5,"load":{"kind":"external","value":225,"unit":"lb"}}])";
    sandbox.write_file(
        "data/liftlog/log.jsonl",
        e2e::record_line("00000000000000a1", "2026-11-13", "deadlift", deadlift_sets,
                         R"(,"rpe":8,"note":"belt, \"new\"")") +
            "\n" +
            e2e::record_line("00000000000000a2", "2026-11-16", "back-extension",
                             e2e::bodyweight_sets({12, 12, 11}), R"(,"note":"easy")") +
            "\n" + e2e::record_line("00000000000000a3", "2026-11-10", "pull-up", pull_up_sets) +
            "\n" +
            e2e::record_line("00000000000000a4", "2026-11-17", "deadlift", pound_sets,
                             R"(,"pain":true)") +
            "\n" +
            e2e::record_line("00000000000000a5", "2026-11-18", "deadlift",
                             e2e::external_sets(1, 5, 100)) +
            "\n" +
            R"({"v":1,"id":"00000000000000f9","time":"2026-11-18T11:00:00+00:00","voids":"00000000000000a5"})"
            "\n" +
            e2e::record_line("00000000000000a6", "2026-11-25", "deadlift",
                             e2e::external_sets(3, 5, 200)) +
            "\n" + "garbage\n");
}

e2e::RunResult history(const e2e::Sandbox& sandbox, std::vector<std::string> extra,
                       const std::string& format = "csv", const std::string& today = kToday) {
    std::vector<std::string> args{"history"};
    args.insert(args.end(), extra.begin(), extra.end());
    args.insert(args.end(), {"--today", today, "--format", format});
    return sandbox.run(args);
}

// The data rows of a CSV output (the header checked and dropped).
std::vector<std::string> csv_rows(const e2e::RunResult& result) {
    REQUIRE(result.status == 0);
    auto lines = split_lines(result.out);
    REQUIRE_FALSE(lines.empty());
    CHECK(lines.front() == kColumns);
    lines.erase(lines.begin());
    return lines;
}

std::vector<nlohmann::ordered_json> jsonl_rows(const e2e::RunResult& result) {
    REQUIRE(result.status == 0);
    std::vector<nlohmann::ordered_json> rows;
    for (const auto& line : split_lines(result.out)) rows.push_back(parse_json(line));
    return rows;
}

// Runs `liftlog ARGS | CONSUMER` through the shell in the sandbox (liftlog
// with the sandbox's environment); returns the consumer's stdout and the
// pipeline's status.
std::pair<std::string, int> pipeline(const e2e::Sandbox& sandbox, const std::string& args,
                                     const std::string& consumer) {
    const std::string dir = sandbox.dir().string();
    const std::string full = "cd '" + dir + "' && env -i HOME='" + dir + "/home' XDG_DATA_HOME='" +
                             dir + "/data' XDG_CONFIG_HOME='" + dir +
                             "/config' TZ=UTC LC_ALL=C.UTF-8 " + LIFTLOG_BINARY + " " + args +
                             " 2>/dev/null | " + consumer;
    std::FILE* pipe = ::popen(full.c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::string out;
    char buffer[4096];
    while (const std::size_t got = std::fread(buffer, 1, sizeof buffer, pipe))
        out.append(buffer, got);
    const int status = ::pclose(pipe);
    return {out, WIFEXITED(status) ? WEXITSTATUS(status) : -1};
}

}  // namespace

TEST_CASE("history --format csv: one row per set, in date order, RFC 4180", "[e2e][history]") {
    e2e::Sandbox sandbox;
    seed_history(sandbox);
    const auto result = history(sandbox, {});
    CHECK(
        result.out ==
        kColumns +
            "\n"
            "2026-11-10,pull-up,1,8,10,added,kg,false,,false,,00000000000000a3,false,,,,normal,,\n"
            "2026-11-10,pull-up,2,8,,bw,,false,,false,,00000000000000a3,false,,,,normal,,\n"
            "2026-11-13,deadlift,1,5,60,external,kg,true,8,false,\"belt, \"\"new\"\"\","
            "00000000000000a1,false,,,,warmup,,\n"
            "2026-11-13,deadlift,2,5,60,external,kg,true,8,false,\"belt, \"\"new\"\"\","
            "00000000000000a1,false,,,,warmup,,\n"
            "2026-11-13,deadlift,3,5,102.5,external,kg,false,8,false,\"belt, "
            "\"\"new\"\"\",00000000000000a1,false,,,,normal,,\n"
            "2026-11-13,deadlift,4,5,102.5,external,kg,false,8,false,\"belt, "
            "\"\"new\"\"\",00000000000000a1,false,,,,normal,,\n"
            "2026-11-13,deadlift,5,5,102.5,external,kg,false,8,false,\"belt, "
            "\"\"new\"\"\",00000000000000a1,false,,,,normal,,\n"
            "2026-11-16,back-extension,1,12,,bw,,false,,false,easy,00000000000000a2,false,,,,"
            "normal,,\n"
            "2026-11-16,back-extension,2,12,,bw,,false,,false,easy,00000000000000a2,false,,,,"
            "normal,,\n"
            "2026-11-16,back-extension,3,11,,bw,,false,,false,easy,00000000000000a2,false,,,,"
            "normal,,\n"
            "2026-11-17,deadlift,1,5,225,external,lb,false,,true,,00000000000000a4,false,,,,"
            "normal,,\n"
            "2026-11-17,deadlift,2,5,225,external,lb,false,,true,,00000000000000a4,false,,,,"
            "normal,,\n"
            "2026-11-17,deadlift,3,5,225,external,lb,false,,true,,00000000000000a4,false,,,,"
            "normal,,\n");
    // The bad line is reported like every report does; the rest is covered.
    CHECK(starts_with(result.err, "liftlog: warning: " + sandbox.log().string() + ":8: "));
    CHECK(split_lines(result.err).size() == 1);
    CHECK(result.status == 0);
}

TEST_CASE("history --format jsonl and json: the same rows, typed", "[e2e][history][json]") {
    e2e::Sandbox sandbox;
    seed_history(sandbox);
    const auto rows = jsonl_rows(history(sandbox, {}, "jsonl"));
    REQUIRE(rows.size() == 13);
    std::vector<std::string> keys;
    for (const auto& [key, value] : rows[0].items()) keys.push_back(key);
    CHECK(keys == std::vector<std::string>{
                      "date", "exercise", "set_number", "reps", "load", "load_kind", "unit",
                      "warmup", "rpe", "pain", "note", "record_id", "light", "seconds", "distance",
                      "distance_unit", "set_type", "set_rpe", "pause_seconds"});
    CHECK(rows[0] == parse_json(R"({"date":"2026-11-10","exercise":"pull-up","set_number":1,)"
                                R"("reps":8,"load":10,"load_kind":"added","unit":"kg",)"
                                R"("warmup":false,"rpe":null,"pain":false,"note":null,)"
                                R"("record_id":"00000000000000a3","light":false,)"
                                R"("seconds":null,"distance":null,"distance_unit":null,)"
                                R"("set_type":"normal","set_rpe":null,"pause_seconds":null})"));
    CHECK(rows[1]["load"].is_null());
    CHECK(rows[1]["unit"].is_null());
    CHECK(rows[1]["load_kind"] == "bw");
    CHECK(rows[2]["warmup"] == true);
    CHECK(rows[4]["load"] == 102.5);
    CHECK(rows[4]["rpe"] == 8);
    CHECK(rows[4]["note"] == "belt, \"new\"");
    CHECK(rows[4]["set_number"] == 3);
    CHECK(rows[12]["unit"] == "lb");
    CHECK(rows[12]["pain"] == true);
    for (const auto& row : rows) CHECK(row["record_id"] != "00000000000000a5");  // voided

    const auto json = history(sandbox, {}, "json");
    REQUIRE(json.status == 0);
    const auto array = parse_json(json.out);
    REQUIRE(array.is_array());
    CHECK(std::vector<nlohmann::ordered_json>(array.begin(), array.end()) == rows);
}

TEST_CASE("history in text is an aligned table, record fields on the first set", "[e2e][history]") {
    e2e::Sandbox sandbox;
    seed_history(sandbox);
    const auto result = history(sandbox, {}, "text");
    CHECK(result.status == 0);
    const auto lines = split_lines(result.out);
    REQUIRE(lines.size() == 14);
    CHECK(starts_with(lines[0], "DATE        EXERCISE        SET  REPS  LOAD     WARMUP  RPE  "));
    CHECK(starts_with(lines[1], "2026-11-10  pull-up         1    8     +10kg"));
    CHECK(starts_with(lines[2], "2026-11-10  pull-up         2    8     bw"));
    CHECK(contains(lines[3], "60kg     yes     8"));
    CHECK(contains(lines[3], "belt, \"new\"  00000000000000a1"));
    CHECK_FALSE(contains(lines[4], "00000000000000a1"));
    CHECK(contains(lines[11], "225lb"));
    CHECK(contains(lines[11], "yes"));  // pain
    CHECK(e2e::count_of(result.err, "\n") == 1);
}

TEST_CASE("history filters: exercises, muscle, dates", "[e2e][history]") {
    e2e::Sandbox sandbox;
    seed_history(sandbox);
    const auto count = [&](std::vector<std::string> args) {
        return csv_rows(history(sandbox, std::move(args))).size();
    };
    CHECK(count({"Barbell Deadlift"}) == 8);  // an alias
    CHECK(count({"deadlift", "pull-up"}) == 10);
    CHECK(count({"--exercise", "pull-up", "-x", "back-extension"}) == 5);
    CHECK(count({"--since", "2026-11-13", "--until", "2026-11-16"}) == 8);
    CHECK(count({"-b", "2026-11-16"}) == 6);
    CHECK(count({"-e", "2026-11-12"}) == 2);
    CHECK(count({"--muscle", "biceps"}) == 2);            // pull-up's secondary
    CHECK(count({"--muscle", "Lower-Back"}) == 11);       // deadlift and back-extension
    CHECK(count({"--muscle", "lats", "deadlift"}) == 8);  // both filters narrow
    CHECK(count({"deadlift", "--since", "2026-11-14"}) == 3);
    // Nothing matches: the header alone; text says so on stderr.
    CHECK(count({"-b", "2026-11-19"}) == 0);
    const auto text = history(sandbox, {"-b", "2026-11-19"}, "text");
    CHECK(text.status == 0);
    CHECK(text.out.empty());
    CHECK(contains(text.err, "No sets match"));
}

TEST_CASE("history accepts an id only the log knows and refuses typos", "[e2e][history][errors]") {
    e2e::Sandbox sandbox;
    sandbox.write_file("data/liftlog/log.jsonl",
                       e2e::record_line("00000000000000c1", "2026-11-18", "zercher-squat",
                                        e2e::external_sets(3, 5, 80)) +
                           "\n");
    CHECK(csv_rows(history(sandbox, {"zercher-squat"})).size() == 3);
    const auto refused = [&](std::vector<std::string> args, const std::string& message) {
        const auto result = history(sandbox, std::move(args));
        CHECK(result.status == 2);
        CHECK(result.out.empty());
        CHECK(e2e::is_single_error(result.err));
        CHECK(contains(result.err, message));
    };
    refused({"dedlift"}, "unknown exercise 'dedlift'; did you mean 'deadlift'?");
    refused({"zercher-squats"}, "unknown exercise 'zercher-squats'");
    refused({"--muscle", "bicep"},
            "--muscle bicep: no exercise in the library trains it; did you mean 'biceps'?");
    refused({"--since", "2026-13-01"}, "--since 2026-13-01: not a date; write it as YYYY-MM-DD");
    refused({"-e", "yesterday"}, "--until yesterday: not a date");
    refused({"-b", "2026-11-20", "-e", "2026-11-01"},
            "--since 2026-11-20 is after --until 2026-11-01");
}

TEST_CASE("history leaves out voided and future entries, --today pins it", "[e2e][history]") {
    e2e::Sandbox sandbox;
    seed_history(sandbox);
    const auto now = csv_rows(history(sandbox, {"deadlift"}));
    CHECK(now.size() == 8);
    for (const auto& row : now) {
        CHECK_FALSE(contains(row, "00000000000000a5"));
        CHECK_FALSE(contains(row, "00000000000000a6"));
    }
    const auto later = csv_rows(history(sandbox, {"deadlift"}, "csv", "2026-11-25"));
    REQUIRE(later.size() == 11);
    CHECK(starts_with(later.back(), "2026-11-25,deadlift,3,5,200,external,kg,"));
    for (const auto& row : later) CHECK_FALSE(contains(row, "00000000000000a5"));
    // Withdrawing with undo takes a record's rows out.
    REQUIRE(sandbox.run({"undo", "00000000000000a4", "--today", kToday}).status == 0);
    CHECK(csv_rows(history(sandbox, {"deadlift"})).size() == 5);
}

TEST_CASE("history with no log: nothing to list, in every format", "[e2e][history]") {
    e2e::Sandbox sandbox;
    const auto text = history(sandbox, {}, "text");
    CHECK(text.status == 0);
    CHECK(text.out.empty());
    CHECK(contains(text.err, "liftlog log"));
    CHECK(history(sandbox, {}, "csv").out == kColumns + "\n");
    CHECK(history(sandbox, {}, "jsonl").out.empty());
    CHECK(history(sandbox, {}, "json").out == "[]\n");
    CHECK_FALSE(std::filesystem::exists(sandbox.log()));
}

TEST_CASE("history --format csv piped into sqlite3 adds up", "[e2e][history][pipes]") {
    e2e::Sandbox sandbox;
    seed_history(sandbox);
    sandbox.write_file(
        "query.sql",
        "SELECT sum(reps),\n"
        "       sum(CASE WHEN warmup = 'false' AND unit = 'kg' THEN reps * load END),\n"
        "       count(DISTINCT record_id)\n"
        "FROM sets;\n");
    const auto [sums, status] =
        pipeline(sandbox, "history --today " + kToday + " --format csv",
                 "sqlite3 :memory: '.import --csv /dev/stdin sets' '.read query.sql'");
    CHECK(status == 0);
    // 16 + 25 + 35 + 15 reps; 3 x 5 x 102.5 + 8 x 10 kg; four records.
    CHECK(sums == "91|1617.5|4\n");
}

TEST_CASE("history --format jsonl piped into jq adds up", "[e2e][history][pipes]") {
    e2e::Sandbox sandbox;
    seed_history(sandbox);
    const std::string args = "history --today " + kToday + " --format jsonl";
    const auto [reps, status] = pipeline(sandbox, args, "jq -s 'map(.reps) | add'");
    CHECK(status == 0);
    CHECK(reps == "91\n");
    const auto [volume, volume_status] = pipeline(
        sandbox, args,
        "jq -s 'map(select(.warmup | not) | select(.unit == \"lb\") | .reps * .load) | add'");
    CHECK(volume_status == 0);
    CHECK(volume == "3375\n");
}
