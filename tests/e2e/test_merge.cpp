// One history on two devices: a doubled log reports what the single log does,
// check tells copies from conflicts, and merge adds only what is missing.
#include <catch2/catch.hpp>

#include "harness.hpp"
#include "support.hpp"

using e2e::kToday;

namespace {

std::string line_of(const std::string& id, const std::string& date, const std::string& exercise,
                    int kg) {
    return R"({"v":1,"id":")" + id + R"(","time":"2026-11-01T08:00:00+00:00","date":")" + date +
           R"(","exercise":")" + exercise +
           R"(","sets":[{"reps":5,"load":{"kind":"external","value":)" + std::to_string(kg) +
           R"(,"unit":"kg"}}]})" + "\n";
}

std::string void_of(const std::string& id, const std::string& target) {
    return R"({"v":1,"id":")" + id + R"(","time":"2026-11-02T08:00:00+00:00","voids":")" + target +
           "\"}\n";
}

const std::vector<std::vector<std::string>> kReports = {
    {"progress", "--format", "json"},
    {"history", "--format", "csv"},
    {"progress", "--weekly"},
    {"show", "deadlift"},
    {"progress", "deadlift", "--format", "json"},
};

}  // namespace

TEST_CASE("a log concatenated with itself reports exactly what the single log does",
          "[e2e][merge]") {
    e2e::Sandbox single;
    e2e::seed_log(single);
    const std::string log = single.read_log();
    e2e::Sandbox doubled;
    doubled.write_file(doubled.log(), log + log);
    e2e::Sandbox conflict_copy;  // a sync tool's copy, with one more entry, appended
    conflict_copy.write_file(conflict_copy.log(),
                             log + log + line_of("00000000000000c1", "2026-11-10", "squat", 80));
    for (const std::string cache : {"0", "1"}) {
        single.set_env("LIFTLOG_NO_CACHE", cache);
        doubled.set_env("LIFTLOG_NO_CACHE", cache);
        for (auto args : kReports) {
            args.insert(args.end(), {"--today", kToday});
            INFO(args[0] << " " << args[1] << " no-cache " << cache);
            const auto expected = single.run(args);
            REQUIRE(expected.status == 0);
            CHECK(doubled.run(args).out == expected.out);
            CHECK(doubled.run(args).out == expected.out);  // the second run may use the cache
        }
    }
    const auto history = conflict_copy.run({"history", "--format", "csv", "--today", kToday});
    CHECK(
        e2e::split_lines(history.out).size() ==
        e2e::split_lines(single.run({"history", "--format", "csv", "--today", kToday}).out).size() +
            1);
}

TEST_CASE("check reports exact copies as notes and conflicting copies as errors",
          "[e2e][merge][check]") {
    e2e::Sandbox sandbox;
    const std::string a = line_of("00000000000000a1", "2026-11-10", "deadlift", 100);
    sandbox.write_file(sandbox.log(), a + a);
    const auto copies = sandbox.run({"check", "--today", kToday});
    CHECK(copies.status == 0);
    CHECK(e2e::contains(copies.out, ":2: note: exact copy of line 1"));
    CHECK(e2e::contains(copies.out, "0 problems"));

    sandbox.write_file(sandbox.log(),
                       a + line_of("00000000000000a1", "2026-11-10", "deadlift", 120));
    const auto conflict = sandbox.run({"check", "--today", kToday});
    CHECK(conflict.status == 1);
    CHECK(e2e::contains(conflict.out,
                        ":2: id '00000000000000a1' is also used on line 1 by a "
                        "different record"));
    CHECK(e2e::contains(conflict.out, "1 problem;"));
}

TEST_CASE("merge adds every record of a phone and a laptop log once, and again nothing",
          "[e2e][merge]") {
    e2e::Sandbox sandbox;
    const std::string shared = line_of("00000000000000a1", "2026-11-10", "deadlift", 100);
    const std::string phone = shared + line_of("00000000000000b1", "2026-11-12", "squat", 80) +
                              void_of("00000000000000b2", "00000000000000a1");
    const std::string laptop = shared + line_of("00000000000000c1", "2026-11-13", "deadlift", 105) +
                               line_of("00000000000000c2", "2026-11-14", "bench-press", 60) +
                               void_of("00000000000000c3", "00000000000000c2");
    sandbox.write_file(sandbox.log(), phone);
    sandbox.write_file("laptop.jsonl", laptop);
    const auto merged = sandbox.run({"merge", (sandbox.dir() / "laptop.jsonl").string()});
    CHECK(merged.status == 0);
    CHECK(e2e::contains(merged.out, "Merged 2 records and 1 void from"));
    CHECK(e2e::contains(merged.out, "1 already here"));
    const auto lines = e2e::split_lines(sandbox.read_log());
    CHECK(lines.size() == 6);
    CHECK(sandbox.read_log().starts_with(phone));  // appended, never rewritten

    const std::string after = sandbox.read_log();
    const auto again =
        sandbox.run({"merge", (sandbox.dir() / "laptop.jsonl").string(), "--format", "json"});
    CHECK(again.status == 0);
    const auto json = e2e::parse_json(again.out);
    CHECK(json["files"][0]["records"] == 0);
    CHECK(json["files"][0]["already_here"] == 4);
    CHECK(sandbox.read_log() == after);

    const auto check = sandbox.run({"check", "--today", kToday});
    CHECK(check.status == 0);
    const auto progress = sandbox.run({"history", "--format", "csv", "--today", kToday});
    CHECK(e2e::split_lines(progress.out).size() == 3);  // header, squat, deadlift 105
}

TEST_CASE("merge refuses a file that is not a liftlog log and leaves the log as it was",
          "[e2e][merge]") {
    e2e::Sandbox sandbox;
    e2e::seed_log(sandbox);
    const std::string before = sandbox.read_log();
    sandbox.write_file("strong.csv", "Date,Workout Name,Exercise Name\n2026-11-01,A,Squat\n");
    const auto result = sandbox.run({"merge", (sandbox.dir() / "strong.csv").string()});
    CHECK(result.status == 2);
    CHECK(e2e::is_single_error(result.err));
    CHECK(e2e::contains(result.err, "not a liftlog log"));
    CHECK(e2e::contains(result.err, "liftlog import"));
    CHECK(sandbox.read_log() == before);
}

TEST_CASE("merge leaves out a conflicting record and a torn last line, and says so",
          "[e2e][merge]") {
    e2e::Sandbox sandbox;
    sandbox.write_file(sandbox.log(), line_of("00000000000000a1", "2026-11-10", "deadlift", 100));
    sandbox.write_file("other.jsonl", line_of("00000000000000a1", "2026-11-10", "deadlift", 120) +
                                          line_of("00000000000000d1", "2026-11-11", "squat", 80) +
                                          R"({"v":1,"id":"00000000000000d2","ti)");
    const auto result = sandbox.run({"merge", (sandbox.dir() / "other.jsonl").string()});
    CHECK(result.status == 1);
    CHECK(e2e::contains(result.err, "other.jsonl:1: not merged"));
    CHECK(e2e::contains(result.err, "other.jsonl:3: skipped: incomplete last line"));
    CHECK(e2e::contains(result.out, "Merged 1 record and 0 voids"));
    CHECK(e2e::split_lines(sandbox.read_log()).size() == 2);
}
