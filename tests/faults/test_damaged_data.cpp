// A damaged log: reports keep working over every good record, name each bad
// line as FILE:LINE: reason, exit 0, and never rewrite the file.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <map>
#include <set>

#include "fault_support.hpp"
#include "liftlog/text.hpp"

namespace {

using faults::fs::path;

struct DamagedLog {
    std::string content;
    std::set<std::size_t> bad_lines;  // 1-based
    std::size_t good_records = 0;
    long long total_reps = 0;
};

// Good records carry distinct powers of two as reps, on distinct days, so the
// reports' totals show exactly which records were counted.
DamagedLog damaged_log() {
    DamagedLog log;
    std::size_t line = 0;
    int next_reps = 1;
    int day = 1;
    const auto good = [&](const std::string& exercise, const std::string& extra = "") {
        const std::string date =
            "2026-11-" + std::string(day < 10 ? "0" : "") + std::to_string(day);
        ++day;
        log.content += faults::record_line("00000000000000" + std::to_string(10 + line), date,
                                           exercise, next_reps, extra) +
                       "\n";
        log.total_reps += next_reps;
        next_reps *= 2;
        ++log.good_records;
        ++line;
    };
    const auto bad = [&](const std::string& text) {
        log.content += text + "\n";
        log.bad_lines.insert(++line);
    };

    good("deadlift");
    bad("this is not JSON at all");
    good("back-extension");
    bad(R"({"v":1,"id":"a1","time":"t","date":"2026-11-02","exercise":"deadlift","sets":[{"reps":"5","load":{"kind":"bw"}}]})");
    bad(R"({"v":"1","id":"a2","time":"t","date":"2026-11-02","exercise":"deadlift","sets":[{"reps":5,"load":{"kind":"bw"}}]})");
    bad(R"({"v":1,"id":7,"time":"t","date":"2026-11-02","exercise":"deadlift","sets":[{"reps":5,"load":{"kind":"bw"}}]})");
    bad(R"({"v":1,"id":"a3","time":"t","date":"2026-11-02","exercise":"deadlift","sets":{"reps":5}})");
    bad(R"({"v":1,"id":"a4","time":"t","date":"2026-11-02","exercise":"deadlift"})");  // no sets
    bad(R"({"v":1,"id":"a5","time":"t","exercise":"deadlift","sets":[{"reps":5,"load":{"kind":"bw"}}]})");
    good("deadlift", R"(,"mood":"great","gear":{"belt":true,"straps":[1,2]})");  // unknown fields
    bad(R"({"v":3,"id":"a6","time":"t","date":"2026-11-02","exercise":"deadlift","sets":[{"reps":5,"load":{"kind":"bw"}}],"tempo":"3-1-1"})");
    bad(faults::record_line("00000000000000fe", "2026-11-10", "deadlift", 3,
                            ",\"note\":\"bad \xff\xfe bytes\""));  // invalid UTF-8 in a string
    bad("\xc3\x28\xa0\xa1 garbage bytes \x80\x81");
    log.content += "\n";  // an empty line: skipped silently
    ++line;
    good("back-extension");
    bad("[1,2,3]");
    bad(R"({"v":1,"id":"a7","time":"t","date":"2026-02-30","exercise":"deadlift","sets":[{"reps":5,"load":{"kind":"bw"}}]})");
    bad(R"({"v":1,"id":"a8","time":"t","date":"2026-11-02","exercise":"deadlift","sets":[{"reps":5,"load":{"kind":"bw"}}],"rpe":"hard"})");
    // A 10 MB line: the start of a record whose note never ends.
    bad(R"({"v":1,"id":"a9","time":"t","date":"2026-11-02","note":")" + std::string(10 << 20, 'x'));
    bad(std::string(10 << 20, '{'));
    good("deadlift");
    bad(R"({"v":1,"id":"b0","time":"t","date":"2026-11-02","exercise":"deadlift","sets":[]})");
    bad("null");
    good("back-extension");
    return log;
}

// Every stderr line is "liftlog: warning: FILE:LINE: reason"; returns the line numbers named.
std::multiset<std::size_t> named_lines(const std::string& err, const path& log) {
    std::multiset<std::size_t> lines;
    const std::string prefix = "liftlog: warning: " + log.string() + ":";
    for (const auto& text : faults::split_lines(err)) {
        INFO("stderr line: " << text.substr(0, 300));
        REQUIRE(text.rfind(prefix, 0) == 0);
        const std::size_t colon = text.find(": ", prefix.size());
        REQUIRE(colon != std::string::npos);
        const std::string number = text.substr(prefix.size(), colon - prefix.size());
        REQUIRE(!number.empty());
        REQUIRE(number.find_first_not_of("0123456789") == std::string::npos);
        CHECK(colon + 2 < text.size());  // a non-empty reason
        lines.insert(std::stoul(number));
    }
    return lines;
}

}  // namespace

TEST_CASE("progress reports over every good record of a damaged log", "[faults][damaged]") {
    const DamagedLog damaged = damaged_log();
    faults::TempDir dir;
    const path log = dir.path() / "log.jsonl";
    faults::write_file(log, damaged.content);
    const std::multiset<std::size_t> expected_named(damaged.bad_lines.begin(),
                                                    damaged.bad_lines.end());

    SECTION("as JSON") {
        const auto result = faults::run_liftlog(
            dir.path(),
            {"--log", log.string(), "--today", faults::kToday, "progress", "--format", "json"});
        CHECK(result.status == 0);
        CHECK(named_lines(result.err, log) == expected_named);
        const auto report = nlohmann::json::parse(result.out);
        REQUIRE(report.is_array());
        std::size_t sessions = 0;
        long long reps = 0;
        std::set<std::string> exercises;
        for (const auto& entry : report) {
            exercises.insert(entry["exercise"].get<std::string>());
            sessions += entry["sessions"].get<std::size_t>();
            reps += entry["total_reps"].get<long long>();
        }
        CHECK(exercises == std::set<std::string>{"back-extension", "deadlift"});
        CHECK(sessions == damaged.good_records);
        CHECK(reps == damaged.total_reps);
    }
    SECTION("as text") {
        const auto result = faults::run_liftlog(
            dir.path(), {"--log", log.string(), "--today", faults::kToday, "progress"});
        CHECK(result.status == 0);
        CHECK(named_lines(result.err, log) == expected_named);
        CHECK(faults::contains(result.out, "deadlift"));
        CHECK(faults::contains(result.out, "back-extension"));
    }
    SECTION("one exercise's history") {
        const auto result =
            faults::run_liftlog(dir.path(), {"--log", log.string(), "--today", faults::kToday,
                                             "progress", "deadlift", "--format", "json"});
        CHECK(result.status == 0);
        CHECK(named_lines(result.err, log) == expected_named);
        const auto report = nlohmann::json::parse(result.out);
        REQUIRE(report.size() == 1);
        CHECK(report[0]["history"].size() == 3);  // the deadlift records, unknown fields and all
    }
    // Reports never touch the file.
    CHECK(faults::read_file(log) == damaged.content);
}

TEST_CASE("liftlog::read_log names each bad line and keeps every good one", "[faults][damaged]") {
    const DamagedLog damaged = damaged_log();
    faults::TempDir dir;
    const path log = dir.path() / "log.jsonl";
    faults::write_file(log, damaged.content);
    const auto back = faults::read_back(log);
    CHECK(back.records == damaged.good_records);
    CHECK(back.bad_lines == damaged.bad_lines.size());
    std::set<std::size_t> named;
    for (const auto& [line, reason] : back.issues) named.insert(line);
    CHECK(named == damaged.bad_lines);
}

TEST_CASE("the reasons say what is wrong with each line", "[faults][damaged]") {
    struct Case {
        std::string line;
        std::string reason;  // a part of the expected reason
    };
    const std::vector<Case> cases = {
        {"garbage", "not valid JSON"},
        {R"({"v":3,"id":"a","time":"t","date":"2026-11-02","exercise":"deadlift","sets":[{"reps":5,"load":{"kind":"bw"}}]})",
         "format version 3 is newer"},
        {R"({"v":1,"id":"a","time":"t","date":"2026-11-02","exercise":"deadlift"})",
         "missing field 'sets'"},
        {R"({"v":1,"id":"a","time":"t","date":"2026-11-02","exercise":"deadlift","sets":[{"reps":"5","load":{"kind":"bw"}}]})",
         "'reps'"},
        {R"({"v":1,"id":"a","time":"t","date":"2026-11-02","exercise":"deadlift","sets":[{"reps":5,"load":{"kind":"bw"}}],"note":")"
         "\xff\"}",
         "UTF-8"},
    };
    faults::TempDir dir;
    const path log = dir.path() / "log.jsonl";
    for (const auto& c : cases) {
        INFO("line: " << c.line);
        faults::write_file(
            log, faults::record_line("0000000000000001", "2026-11-01", "deadlift", 5) + "\n" +
                     c.line + "\n");
        const auto result = faults::run_liftlog(
            dir.path(),
            {"--log", log.string(), "--today", faults::kToday, "progress", "--format", "json"});
        INFO("stderr: " << result.err);
        CHECK(result.status == 0);
        CHECK(faults::count_of(result.err, "\n") == 1);
        CHECK(faults::contains(result.err, log.string() + ":2: "));
        CHECK(faults::contains(result.err, c.reason));
        CHECK(nlohmann::json::parse(result.out).size() == 1);
    }
}

TEST_CASE("a bad line's reason is short and valid UTF-8 whatever the line holds",
          "[faults][damaged]") {
    struct Case {
        std::string name;
        std::string line;
    };
    const std::vector<Case> cases = {
        {"a 10 MB string that never closes",
         R"({"v":1,"id":"a","time":"t","date":"2026-11-02","note":")" + std::string(10 << 20, 'x')},
        {"10 MB of opening braces", std::string(10 << 20, '{')},
        {"a 10 MB number", std::string(10 << 20, '7') + "x"},
        {"invalid UTF-8 inside a string",
         faults::record_line("00000000000000fe", "2026-11-10", "deadlift", 3,
                             ",\"note\":\"bad \xff\xfe bytes\"")},
        {"invalid UTF-8 outside any string", "\xc3\x28\xa0\xa1 garbage bytes \x80\x81"},
    };
    faults::TempDir dir;
    const path log = dir.path() / "log.jsonl";
    for (const auto& c : cases) {
        INFO(c.name);
        faults::write_file(
            log, faults::record_line("0000000000000001", "2026-11-01", "deadlift", 5) + "\n" +
                     c.line + "\n");
        const auto result = faults::run_liftlog(
            dir.path(),
            {"--log", log.string(), "--today", faults::kToday, "progress", "--format", "json"});
        INFO("stderr (first 300 bytes): " << result.err.substr(0, 300));
        CHECK(result.status == 0);
        CHECK(named_lines(result.err, log) == std::multiset<std::size_t>{2});
        // The reason describes the line; it does not copy it to the terminal.
        CHECK(result.err.size() < 1000);
        CHECK(liftlog::is_valid_utf8(result.err));
        CHECK(nlohmann::json::parse(result.out).size() == 1);
    }
}

TEST_CASE("a record with unknown fields is counted and never rewritten", "[faults][damaged]") {
    faults::TempDir dir;
    const path log = dir.path() / "log.jsonl";
    const std::string original = faults::record_line("0000000000000001", "2026-11-20", "deadlift",
                                                     5, R"(,"mood":"great","gear":{"belt":true})") +
                                 "\n";
    faults::write_file(log, original);
    const auto report = faults::run_liftlog(
        dir.path(),
        {"--log", log.string(), "--today", faults::kToday, "progress", "--format", "json"});
    CHECK(report.status == 0);
    CHECK(report.err.empty());
    const auto list = nlohmann::json::parse(report.out);
    REQUIRE(list.size() == 1);
    CHECK(list[0]["sessions"] == 1);
    // Appending later leaves the earlier line exactly as it was.
    const auto append = faults::run_liftlog(
        dir.path(),
        {"--log", log.string(), "--today", faults::kToday, "log", "deadlift", "3x5@100kg"});
    CHECK(append.status == 0);
    CHECK(append.err.empty());
    const std::string after = faults::read_file(log);
    CHECK(after.substr(0, original.size()) == original);
    CHECK(faults::contains(after, R"("mood":"great")"));
    CHECK(faults::read_back(log).records == 2);
}

TEST_CASE("an empty log and a log of only a newline report nothing", "[faults][damaged]") {
    const std::string content = GENERATE(std::string(), std::string("\n"), std::string("\n\n\n"));
    INFO("content of " << content.size() << " newlines");
    faults::TempDir dir;
    const path log = dir.path() / "log.jsonl";
    faults::write_file(log, content);
    const auto json = faults::run_liftlog(
        dir.path(),
        {"--log", log.string(), "--today", faults::kToday, "progress", "--format", "json"});
    CHECK(json.status == 0);
    CHECK(json.err.empty());
    CHECK(nlohmann::json::parse(json.out) == nlohmann::json::array());
    const auto text = faults::run_liftlog(
        dir.path(), {"--log", log.string(), "--today", faults::kToday, "progress"});
    CHECK(text.status == 0);
    CHECK_FALSE(faults::contains(text.err, log.string() + ":"));  // no line is bad
    CHECK(faults::read_file(log) == content);
}
