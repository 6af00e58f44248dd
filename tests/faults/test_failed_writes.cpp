// A full disk, a write that stops half-way, a failing fsync: liftlog log exits
// 1 with a clear message and leaves the log byte-identical.
#include <catch2/catch.hpp>

#include "harness.hpp"
#include "support.hpp"

namespace {

const std::string kToday = "2026-11-23";

// Loads the shim that makes writes to *.jsonl files fail, in the way `mode` says.
void break_writes(e2e::Sandbox& sandbox, const std::string& mode) {
    sandbox.set_env("LD_PRELOAD", LIFTLOG_FAULT_SHIM);
    sandbox.set_env(mode, "1");
}

void check_refused(const e2e::RunResult& result, const std::string& log, const std::string& cause) {
    INFO("stderr: " << result.err);
    CHECK(result.status == 1);
    CHECK(result.out.empty());
    CHECK(e2e::is_single_error(result.err));
    CHECK(e2e::contains(result.err, "cannot write to the log " + log));
    CHECK(e2e::contains(result.err, cause));
    CHECK(e2e::contains(result.err, "the log was left as it was"));
}

}  // namespace

TEST_CASE("log to /dev/full exits 1 with a clear message", "[faults][write]") {
    e2e::Sandbox sandbox;
    const auto result =
        sandbox.run({"--log", "/dev/full", "log", "back-extension", "12", "--today", kToday});
    check_refused(result, "/dev/full", "No space left on device");
}

TEST_CASE("a write that stops half-way leaves the log byte-identical", "[faults][write]") {
    const auto variant = GENERATE(as<std::string>{}, "LIFTLOG_SHIM_SHORT_WRITE",
                                  "LIFTLOG_SHIM_ENOSPC", "LIFTLOG_SHIM_FSYNC_EIO");
    const auto cause = variant == "LIFTLOG_SHIM_SHORT_WRITE"
                           ? std::string("only part of the record")
                       : variant == "LIFTLOG_SHIM_ENOSPC" ? std::string("No space left on device")
                                                          : std::string("Input/output error");
    const bool torn_tail = GENERATE(false, true);
    INFO(variant << (torn_tail ? ", log ending in a torn line" : ""));

    e2e::Sandbox sandbox;
    e2e::seed_log(sandbox);
    if (torn_tail) {
        // The new record would be written as "\n" + line; that too is rolled back.
        const std::string seeded = sandbox.read_log();
        sandbox.write_file("data/liftlog/log.jsonl", seeded + R"({"v":1,"id":"00000000000)");
    }
    const std::string before = sandbox.read_log();
    break_writes(sandbox, variant);
    const auto result = sandbox.run({"log", "back-extension", "12", "--today", kToday});
    check_refused(result, sandbox.log().string(), cause);
    CHECK(sandbox.read_log() == before);

    // Once the disk behaves again, the next append works and adds one line.
    sandbox.set_env("LD_PRELOAD", "");
    sandbox.set_env(variant, "");
    const auto retry = sandbox.run({"log", "back-extension", "12", "--today", kToday});
    CHECK(retry.status == 0);
    const std::string after = sandbox.read_log();
    REQUIRE(after.size() > before.size());
    CHECK(after.substr(0, before.size()) == before);
    const std::string added = after.substr(before.size());
    CHECK(added.back() == '\n');
    CHECK(e2e::count_of(added, "\n") == (torn_tail ? 2U : 1U));
}

TEST_CASE("a failing first write to a new log leaves no partial record", "[faults][write]") {
    const auto variant = GENERATE(as<std::string>{}, "LIFTLOG_SHIM_SHORT_WRITE",
                                  "LIFTLOG_SHIM_ENOSPC", "LIFTLOG_SHIM_FSYNC_EIO");
    INFO(variant);
    e2e::Sandbox sandbox;
    break_writes(sandbox, variant);
    const auto result = sandbox.run({"log", "back-extension", "12", "--today", kToday});
    CHECK(result.status == 1);
    CHECK(e2e::is_single_error(result.err));
    // The file may have been created, but holds nothing.
    CHECK(e2e::read_file(sandbox.log()).empty());
}

TEST_CASE("the shim only breaks writes to the log", "[faults][write]") {
    // A control: with the shim loaded but no failure asked for, log works, so
    // the failures above come from the injected faults.
    e2e::Sandbox sandbox;
    e2e::seed_log(sandbox);
    sandbox.set_env("LD_PRELOAD", LIFTLOG_FAULT_SHIM);
    const auto result = sandbox.run({"log", "back-extension", "12", "--today", kToday});
    CHECK(result.status == 0);
    CHECK(result.err.empty());
    CHECK(e2e::split_lines(sandbox.read_log()).size() == 3);
    // And with a failure asked for, stdout and stderr (not *.jsonl) still work.
    break_writes(sandbox, "LIFTLOG_SHIM_SHORT_WRITE");
    const auto report = sandbox.run({"progress", "--today", kToday});
    CHECK(report.status == 0);
    CHECK(e2e::contains(report.out, "back-extension"));
}
