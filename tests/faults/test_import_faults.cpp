// liftlog import on a disk that fails: one append for the whole import, so
// the log is byte-identical afterwards and no custom definition is left behind.
#include <catch2/catch.hpp>

#include <filesystem>

#include "harness.hpp"
#include "support.hpp"

namespace {

namespace fs = std::filesystem;

const std::string kToday = "2026-11-23";

std::string fixture(const std::string& name) {
    return e2e::read_file(fs::path(__FILE__).parent_path().parent_path() / "data" / "imports" /
                          name);
}

}  // namespace

TEST_CASE("a failing import write leaves the log and the exercise directory as they were",
          "[faults][write][import]") {
    const auto variant = GENERATE(as<std::string>{}, "LIFTLOG_SHIM_SHORT_WRITE",
                                  "LIFTLOG_SHIM_ENOSPC", "LIFTLOG_SHIM_FSYNC_EIO");
    const bool seeded = GENERATE(false, true);
    INFO(variant << (seeded ? ", existing log" : ", new log"));
    e2e::Sandbox sandbox;
    if (seeded) e2e::seed_log(sandbox);
    const std::string before = seeded ? sandbox.read_log() : std::string();
    sandbox.write_file("hevy.csv", fixture("hevy-lbs.csv"));
    sandbox.set_env("LD_PRELOAD", LIFTLOG_FAULT_SHIM);
    sandbox.set_env(variant, "1");
    const auto result = sandbox.run({"import", "hevy.csv", "--today", kToday});
    INFO(result.err);
    CHECK(result.status == 1);
    CHECK(result.out.empty());
    CHECK(e2e::is_single_error(result.err));
    CHECK(e2e::contains(result.err, "the log was left as it was"));
    CHECK(e2e::read_file(sandbox.log()) == before);
    const fs::path exercises = sandbox.dir() / "config" / "liftlog" / "exercises";
    CHECK_FALSE(fs::exists(exercises / "squat-smith-machine.json"));
    CHECK_FALSE(fs::exists(exercises / "walking-lunge-dumbbell.json"));

    // Once the disk behaves, the same import adds all of it.
    sandbox.set_env("LD_PRELOAD", "");
    sandbox.set_env(variant, "");
    const auto retry = sandbox.run({"import", "hevy.csv", "--today", kToday});
    CHECK(retry.status == 0);
    const std::string after = e2e::read_file(sandbox.log());
    CHECK(after.substr(0, before.size()) == before);
    CHECK(e2e::count_of(after.substr(before.size()), "\n") == 5U);
    CHECK(fs::exists(exercises / "walking-lunge-dumbbell.json"));
}
