// The system clock and time zone a record is stamped with: a clock outside the
// years 2000 to 2100 or a UTC offset beyond 14 hours writes nothing, and a
// training day after the clock's date is refused. The clock is pinned through
// the LD_PRELOAD shim's LIFTLOG_SHIM_CLOCK (seconds since 1970, UTC).
#include <catch2/catch.hpp>

#include <filesystem>

#include "harness.hpp"
#include "support.hpp"

using e2e::contains;
using e2e::parse_json;
using e2e::split_lines;

namespace {

namespace fs = std::filesystem;

constexpr const char* kClockVariable = "LIFTLOG_SHIM_CLOCK";
const std::string kSaneNow = "1795176000";  // 2026-11-20T12:00:00Z

void pin_clock(e2e::Sandbox& sandbox, const std::string& seconds) {
    sandbox.set_env("LD_PRELOAD", LIFTLOG_FAULT_SHIM);
    sandbox.set_env(kClockVariable, seconds);
}

nlohmann::ordered_json only_record(const e2e::Sandbox& sandbox) {
    const auto lines = split_lines(sandbox.read_log());
    REQUIRE(lines.size() == 1);
    return parse_json(lines.front());
}

// Refused with exit 1 and one error naming the clock's reading, the log untouched.
void check_clock_refused(const e2e::RunResult& result, const std::string& reading,
                         const e2e::Sandbox& sandbox, const std::string& log_before) {
    CHECK(result.status == 1);
    CHECK(e2e::is_single_error(result.err));
    CHECK(contains(result.err, "the system clock reads " + reading));
    CHECK(contains(result.err, "outside the years 2000 to 2100"));
    CHECK(result.out.empty());
    CHECK(sandbox.read_log() == log_before);
}

}  // namespace

TEST_CASE("log refuses a system clock outside 2000 to 2100 and leaves the log as it was",
          "[e2e][clock]") {
    const auto [seconds, reading] = GENERATE(table<std::string, std::string>({
        {"0", "1970-01-01T00:00:00+00:00"},
        {"-2208988801", "1899-12-31T23:59:59+00:00"},
        {"4133980800", "2101-01-01T00:00:00+00:00"},
        {"253402300800", "10000-01-01T00:00:00+00:00"},
        {"100000000000000000", "100000000000000000 seconds from 1970"},
    }));
    CAPTURE(seconds);
    e2e::Sandbox sandbox;
    pin_clock(sandbox, seconds);

    SECTION("no log yet: none is created") {
        const auto result = sandbox.run({"log", "deadlift", "3x5@100kg"});
        check_clock_refused(result, reading, sandbox, "");
        CHECK_FALSE(fs::exists(sandbox.log()));
    }
    SECTION("a log: byte-identical, with or without --date and --today") {
        e2e::seed_log(sandbox);
        const std::string before = sandbox.read_log();
        check_clock_refused(sandbox.run({"log", "deadlift", "3x5@100kg"}), reading, sandbox,
                            before);
        check_clock_refused(sandbox.run({"log", "deadlift", "3x5@100kg", "--date", "2026-11-18"}),
                            reading, sandbox, before);
        check_clock_refused(sandbox.run({"log", "deadlift", "3x5@100kg", "--today", "2026-11-20"}),
                            reading, sandbox, before);
    }
}

TEST_CASE(
    "the clock is trusted from the first second of 2000 to the last of 2100, and "
    "--date then takes any earlier day",
    "[e2e][clock]") {
    e2e::Sandbox sandbox;
    SECTION("the last second of 1999 is refused, even with --date") {
        pin_clock(sandbox, "946684799");
        const auto result = sandbox.run({"log", "deadlift", "3x5@100kg", "--date", "1999-12-30"});
        check_clock_refused(result, "1999-12-31T23:59:59+00:00", sandbox, "");
    }
    SECTION("the first second of 2000 stamps the record, and dates it by default") {
        pin_clock(sandbox, "946684800");
        REQUIRE(sandbox.run({"log", "deadlift", "3x5@100kg"}).status == 0);
        const auto record = only_record(sandbox);
        CHECK(record["time"] == "2000-01-01T00:00:00+00:00");
        CHECK(record["date"] == "2000-01-01");
    }
    SECTION("the last second of 2100 stamps the record") {
        pin_clock(sandbox, "4133980799");
        REQUIRE(sandbox.run({"log", "deadlift", "3x5@100kg"}).status == 0);
        CHECK(only_record(sandbox)["time"] == "2100-12-31T23:59:59+00:00");
    }
    SECTION("under a sane clock --date takes a day before 2000, stamped with the clock's time") {
        pin_clock(sandbox, kSaneNow);
        const auto result = sandbox.run({"log", "deadlift", "3x5@100kg", "--date", "1900-01-01"});
        CHECK(result.status == 0);
        CHECK(result.err.empty());
        const auto record = only_record(sandbox);
        CHECK(record["date"] == "1900-01-01");
        CHECK(record["time"] == "2026-11-20T12:00:00+00:00");
    }
}

TEST_CASE("log --today after the clock's date is refused like --date after it", "[e2e][clock]") {
    e2e::Sandbox sandbox;
    pin_clock(sandbox, kSaneNow);
    e2e::seed_log(sandbox);
    const std::string before = sandbox.read_log();

    SECTION("the day after the clock's, with or without an earlier --date") {
        for (const auto& args : std::vector<std::vector<std::string>>{
                 {"log", "deadlift", "3x5@100kg", "--today", "2026-11-21"},
                 {"log", "deadlift", "3x5@100kg", "--today", "2026-11-21", "--date", "2026-11-18"},
                 {"--today", "2030-01-01", "log", "deadlift", "3x5@100kg"}}) {
            const auto result = sandbox.run(args);
            CHECK(result.status == 2);
            CHECK(e2e::is_single_error(result.err));
            CHECK(contains(result.err, "that is after the clock's date (2026-11-20)"));
            CHECK(sandbox.read_log() == before);
        }
    }
    SECTION("the clock's own day and earlier ones date the session") {
        REQUIRE(sandbox.run({"log", "deadlift", "3x5@100kg", "--today", "2026-11-20"}).status == 0);
        REQUIRE(sandbox.run({"log", "deadlift", "3x5@100kg", "--today", "2026-11-19"}).status == 0);
        const auto lines = split_lines(sandbox.read_log());
        REQUIRE(lines.size() == 4);
        CHECK(parse_json(lines[2])["date"] == "2026-11-20");
        CHECK(parse_json(lines[3])["date"] == "2026-11-19");
        CHECK(parse_json(lines[3])["time"] == "2026-11-20T12:00:00+00:00");
    }
    SECTION("reports still take a later --today") {
        const auto result = sandbox.run({"progress", "--today", "2030-01-01"});
        CHECK(result.status == 0);
        CHECK(result.err.empty());
    }
}

TEST_CASE("import and undo refuse a wrong clock and write nothing", "[e2e][clock]") {
    e2e::Sandbox sandbox;
    pin_clock(sandbox, "0");
    e2e::seed_log(sandbox);
    const std::string before = sandbox.read_log();

    SECTION("undo") {
        check_clock_refused(sandbox.run({"undo"}), "1970-01-01T00:00:00+00:00", sandbox, before);
        check_clock_refused(sandbox.run({"undo", "0000000000000001", "--today", "2026-11-20"}),
                            "1970-01-01T00:00:00+00:00", sandbox, before);
    }
    SECTION("import, with or without --today") {
        sandbox.write_file("strong.csv", e2e::read_file(fs::path(LIFTLOG_SOURCE_DIR) / "tests" /
                                                        "data" / "imports" / "strong-comma.csv"));
        check_clock_refused(sandbox.run({"import", "strong.csv"}), "1970-01-01T00:00:00+00:00",
                            sandbox, before);
        check_clock_refused(sandbox.run({"import", "strong.csv", "--today", "2026-11-20"}),
                            "1970-01-01T00:00:00+00:00", sandbox, before);
        CHECK_FALSE(fs::exists(sandbox.dir() / "config" / "liftlog"));
    }
}

TEST_CASE("a time zone beyond -14:00..+14:00 is refused naming TZ; the real extremes are written",
          "[e2e][clock]") {
    const auto [zone, offset, time, date] =
        GENERATE(table<std::string, std::string, std::string, std::string>({
            {"UTC+99", "-24:00", "", ""},
            {"UTC-99", "+24:00", "", ""},
            {"<+15>-15", "+15:00", "", ""},
            {"Pacific/Kiritimati", "+14:00", "2026-11-21T02:00:00+14:00", "2026-11-21"},
            {"Etc/GMT+12", "-12:00", "2026-11-20T00:00:00-12:00", "2026-11-20"},
        }));
    CAPTURE(zone);
    e2e::Sandbox sandbox;
    pin_clock(sandbox, kSaneNow);
    sandbox.set_env("TZ", zone);
    if (time.empty()) {
        e2e::seed_log(sandbox);
        const std::string before = sandbox.read_log();
        for (const auto& args : std::vector<std::vector<std::string>>{
                 {"log", "deadlift", "3x5@100kg"},
                 {"log", "deadlift", "3x5@100kg", "--date", "2026-11-18"},
                 {"undo"}}) {
            const auto result = sandbox.run(args);
            CHECK(result.status == 1);
            CHECK(e2e::is_single_error(result.err));
            CHECK(contains(result.err, "TZ=" + zone + ": that time zone is " + offset +
                                           " from UTC, beyond the -14:00 to +14:00"));
            CHECK(contains(result.err, "set TZ to a zone name"));
            CHECK(sandbox.read_log() == before);
        }
    } else {
        const auto result = sandbox.run({"log", "deadlift", "3x5@100kg"});
        CHECK(result.status == 0);
        CHECK(result.err.empty());
        const auto record = only_record(sandbox);
        CHECK(record["time"] == time);
        CHECK(record["date"] == date);
    }
}
