// liftlog check: validates the log and the definitions, printing FILE:LINE: message.
#include <catch2/catch.hpp>

#include "harness.hpp"
#include "support.hpp"

using e2e::kToday;

TEST_CASE("check on a sound log and library exits 0", "[e2e][check]") {
    e2e::Sandbox sandbox;
    e2e::seed_log(sandbox);
    const auto result = sandbox.run({"check", "--today", kToday});
    CHECK(result.status == 0);
    CHECK(e2e::contains(result.out, "0 problems; 2 log entries and 35 definitions checked"));
    CHECK(result.err.empty());
    const auto json =
        e2e::parse_json(sandbox.run({"check", "--format", "json", "--today", kToday}).out);
    CHECK(json["ok"] == true);
    CHECK(json["records"] == 2);
    CHECK(json["problems"].empty());
}

TEST_CASE("check names every bad log line with a fix and exits 1", "[e2e][check]") {
    e2e::Sandbox sandbox;
    e2e::seed_log(sandbox);
    const std::string bad = "garbage\n" +
                            e2e::record_line("0000000000000001", "2026-11-17", "deadlift",
                                             e2e::external_sets(1, 5, 100)) +
                            "\n" +
                            e2e::record_line("0000000000000009", "2026-11-18", "dedlift",
                                             e2e::external_sets(1, 5, 100)) +
                            "\n" +
                            e2e::record_line("000000000000000a", "2026-12-25", "deadlift",
                                             e2e::external_sets(1, 5, 100)) +
                            "\n" + R"({"v":1,"id":"b","time":"t","voids":"nope"})" +
                            "\n{\"v\":1,\"id";
    sandbox.write_file("data/liftlog/log.jsonl", sandbox.read_log() + bad);
    const std::string before = sandbox.read_log();
    const auto result = sandbox.run({"check", "--today", kToday});
    CHECK(result.status == 1);
    const std::string log = sandbox.log().string();
    CHECK(e2e::contains(result.out, log + ":3: not valid JSON"));
    CHECK(e2e::contains(result.out, log + ":4: id '0000000000000001' is also used on line 1"));
    CHECK(e2e::contains(result.out,
                        log + ":5: unknown exercise 'dedlift'; did you mean 'deadlift'?"));
    CHECK(e2e::contains(result.out, log + ":6: dated 2026-12-25, after today"));
    CHECK(e2e::contains(result.out, log + ":7: voids 'nope', which no entry has"));
    CHECK(e2e::contains(result.out, log + ":8: incomplete last line"));
    CHECK(e2e::count_of(result.out, "  fix: ") == 6);
    CHECK(e2e::contains(result.out, "6 problems"));
    CHECK(sandbox.read_log() == before);

    const auto json =
        e2e::parse_json(sandbox.run({"check", "--format", "json", "--today", kToday}).out);
    CHECK(json["ok"] == false);
    REQUIRE(json["problems"].size() == 6);
    CHECK(json["problems"][0]["line"] == 3);
    CHECK(json["problems"][0]["file"] == log);
    CHECK_FALSE(json["problems"][0]["fix"].get<std::string>().empty());
}

TEST_CASE("check reports every broken definition file, not just the first", "[e2e][check]") {
    e2e::Sandbox sandbox;
    sandbox.write_file("config/liftlog/exercises/one.json", "{ not json");
    sandbox.write_file("config/liftlog/exercises/two.json", R"({"id":"two"})");
    const auto result = sandbox.run({"check", "--today", kToday});
    CHECK(result.status == 1);
    CHECK(e2e::contains(result.out, "one.json: not valid JSON"));
    CHECK(e2e::contains(result.out, "two.json: missing field 'name'"));
    CHECK(e2e::contains(result.out, "2 problems"));
}
