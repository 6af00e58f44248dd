// liftlog undo: withdraws an entry by appending a void record; the log is only appended to.
#include <catch2/catch.hpp>

#include "harness.hpp"
#include "support.hpp"

using e2e::kToday;

TEST_CASE("undo withdraws the last entry and every report skips it", "[e2e][undo]") {
    e2e::Sandbox sandbox;
    e2e::seed_log(sandbox);
    const std::string before = sandbox.read_log();
    const auto result = sandbox.run({"undo", "--today", kToday});
    CHECK(result.status == 0);
    CHECK(e2e::contains(result.out,
                        "Undid back-extension on 2026-11-16: 12,12,11@bw (id 0000000000000002)"));
    CHECK(result.err.empty());
    const std::string after = sandbox.read_log();
    REQUIRE(after.size() > before.size());
    CHECK(after.substr(0, before.size()) == before);  // appended, never rewritten
    const auto last = e2e::parse_json(e2e::split_lines(after).back());
    CHECK(last["voids"] == "0000000000000002");
    CHECK_FALSE(last.contains("exercise"));

    const auto progress = sandbox.run({"progress", "--format", "json", "--today", kToday});
    CHECK(progress.status == 0);
    const auto list = e2e::parse_json(progress.out);
    REQUIRE(list.size() == 1);
    CHECK(list[0]["exercise"] == "deadlift");
}

TEST_CASE("undo by id prefix, and a second undo of the same entry is refused", "[e2e][undo]") {
    e2e::Sandbox sandbox;
    e2e::seed_log(sandbox);
    const auto first = sandbox.run({"undo", "0000000000000001", "--format", "json"});
    CHECK(first.status == 0);
    const auto json = e2e::parse_json(first.out);
    CHECK(json["undone"]["exercise"] == "deadlift");
    CHECK(json["record"]["voids"] == "0000000000000001");

    const std::string before = sandbox.read_log();
    const auto again = sandbox.run({"undo", "0000000000000001"});
    CHECK(again.status == 2);
    CHECK(e2e::is_single_error(again.err));
    CHECK(e2e::contains(again.err, "already undone"));
    CHECK(sandbox.read_log() == before);
}

TEST_CASE("undo refuses unknown, ambiguous and too-short ids without touching the log",
          "[e2e][undo]") {
    e2e::Sandbox sandbox;
    e2e::seed_log(sandbox);
    const std::string before = sandbox.read_log();
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"ffff", "no entry has an id starting with 'ffff'"},
        {"0000", "matches 2 entries"},
        {"000", "too short"}};
    for (const auto& [id, message] : cases) {
        INFO(id);
        const auto result = sandbox.run({"undo", id});
        CHECK(result.status == 2);
        CHECK(e2e::contains(result.err, message));
        CHECK(result.out.empty());
        CHECK(sandbox.read_log() == before);
    }
}

TEST_CASE("undo with nothing left to undo fails with exit 1", "[e2e][undo]") {
    e2e::Sandbox sandbox;
    const auto empty = sandbox.run({"undo"});
    CHECK(empty.status == 1);
    CHECK(e2e::contains(empty.err, "nothing to undo"));
    CHECK_FALSE(std::filesystem::exists(sandbox.log()));
}

TEST_CASE("an undone entry no longer shapes the suggestion", "[e2e][undo]") {
    e2e::Sandbox sandbox;
    CHECK(sandbox.run({"log", "back-extension", "12,12,12", "--today", kToday}).status == 0);
    CHECK(sandbox.run({"log", "back-extension", "13,12,12", "--today", kToday}).status == 0);
    const auto added = e2e::parse_json(
        sandbox.run({"show", "back-extension", "--format", "json", "--today", kToday}).out);
    CHECK(added["suggestion"]["action"] == "add_weight");
    CHECK(sandbox.run({"undo"}).status == 0);
    const auto after = e2e::parse_json(
        sandbox.run({"show", "back-extension", "--format", "json", "--today", kToday}).out);
    CHECK(after["suggestion"]["action"] == "add_reps");
}
