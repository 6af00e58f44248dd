// Bounds on what liftlog reads (issue 11): a FIFO or a device where a config
// or definition file belongs, a config nested past the TOML parser's stack.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "harness.hpp"
#include "support.hpp"

using e2e::contains;

namespace fs = std::filesystem;

namespace {

const std::string kConfig = "config/liftlog/config.toml";

// Runs liftlog while a helper stands by to open `fifo` for writing after a
// few seconds: a liftlog that waits for a writer then finishes, so a
// regression fails the test instead of hanging the suite.
e2e::RunResult run_beside_fifo(const e2e::Sandbox& sandbox, const fs::path& fifo,
                               const std::vector<std::string>& args, double& seconds) {
    std::atomic<bool> done{false};
    std::thread unblocker([&] {
        for (int waited = 0; waited < 50 && !done; ++waited)
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        if (done) return;
        const int fd = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK);
        if (fd >= 0) ::close(fd);
    });
    const auto start = std::chrono::steady_clock::now();
    auto result = sandbox.run(args);
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    done = true;
    unblocker.join();
    return result;
}

void check_usage_error(const e2e::RunResult& result, const std::vector<std::string>& pieces) {
    INFO(result.err);
    CHECK(result.status == 2);
    CHECK(result.out.empty());
    CHECK(e2e::is_single_error(result.err));
    for (const auto& piece : pieces) CHECK(contains(result.err, piece));
}

std::string dotted_key(std::size_t parts) {
    std::string key = "a";
    for (std::size_t i = 1; i < parts; ++i) key += ".a";
    return key;
}

}  // namespace

TEST_CASE("a FIFO in place of the config file is refused at once, not waited on",
          "[e2e][config][bounds]") {
    e2e::Sandbox sandbox;
    sandbox.write_file(kConfig, "");
    const fs::path fifo = sandbox.dir() / kConfig;
    fs::remove(fifo);
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    double seconds = 0;
    SECTION("at the default place") {
        check_usage_error(run_beside_fifo(sandbox, fifo, {"list"}, seconds),
                          {fifo.string(), "not a regular file"});
    }
    SECTION("named by LIFTLOG_CONFIG") {
        sandbox.set_env("LIFTLOG_CONFIG", fifo.string());
        check_usage_error(run_beside_fifo(sandbox, fifo, {"list"}, seconds),
                          {fifo.string(), "not a regular file"});
    }
    CHECK(seconds < 3);
}

TEST_CASE("a config named by --config may be a pipe, a device is capped", "[e2e][config][bounds]") {
    e2e::Sandbox sandbox;
    // The harness's stdin is /dev/null: an empty config.
    const auto from_stdin = sandbox.run({"--config", "/dev/stdin", "list", "deadlift"});
    CHECK(from_stdin.status == 0);
    CHECK(contains(from_stdin.out, "deadlift"));
    // /dev/null is the usual "no config", wherever it is named.
    sandbox.set_env("LIFTLOG_CONFIG", "/dev/null");
    CHECK(sandbox.run({"list", "deadlift"}).status == 0);
    sandbox.set_env("LIFTLOG_CONFIG", "");
    // Endless zeros stop at the size cap.
    check_usage_error(sandbox.run({"--config", "/dev/zero", "list"}),
                      {"/dev/zero", "larger than 1 MiB"});
}

TEST_CASE("a config that is a symlink to /dev/zero is refused quickly", "[e2e][config][bounds]") {
    e2e::Sandbox sandbox;
    sandbox.write_file("config/liftlog/.keep", "");
    fs::create_symlink("/dev/zero", sandbox.dir() / kConfig);
    check_usage_error(sandbox.run({"list"}), {"config.toml", "not a regular file"});
}

TEST_CASE("a config nested past 128 levels is refused before the TOML parser sees it",
          "[e2e][config][bounds]") {
    e2e::Sandbox sandbox;
    const std::string file = (sandbox.dir() / kConfig).string();
    SECTION("a dotted key 100,000 deep (the parser's stack overflowed)") {
        sandbox.write_file(kConfig, "unit = \"kg\"\n" + dotted_key(100'000) + " = 1\n");
        // 128 dots (129 parts) are allowed; the 129th dot, at column 258, is not.
        check_usage_error(sandbox.run({"list"}),
                          {file + ":2:258:", "nested more than 128 deep", "fix the TOML"});
    }
    SECTION("a [table] header as deep") {
        sandbox.write_file(kConfig, "[" + dotted_key(100'000) + "]\n");
        check_usage_error(sandbox.run({"list"}), {file + ":1:259:", "more than 128"});
    }
    SECTION("arrays in arrays") {
        sandbox.write_file(kConfig, "log = " + std::string(100'000, '[') + "\n");
        check_usage_error(sandbox.run({"list"}), {file + ":1:135:", "more than 128"});
    }
    SECTION("inline tables in inline tables") {
        std::string nested;
        for (int i = 0; i < 100'000; ++i) nested += "{a=";
        sandbox.write_file(kConfig, "\n\nlog = " + nested + "\n");
        check_usage_error(sandbox.run({"list"}), {file + ":3:", "more than 128"});
    }
    // Always refused first, so a write cannot go ahead.
    CHECK(sandbox.run({"log", "deadlift", "3x5@100kg", "--today", e2e::kToday}).status == 2);
    CHECK_FALSE(fs::exists(sandbox.log()));
}

TEST_CASE("ordinary configs are not taken for deep ones", "[e2e][config][bounds]") {
    e2e::Sandbox sandbox;
    // Dots in strings, comments and values, quoted keys, and 127 levels of
    // arrays: the parser judges them, and only the unknown key is wrong.
    sandbox.write_file(kConfig, "# a.b.c." + std::string(300, '.') + "\nunit = \"lb\" # x." +
                                    std::string(300, '.') + "\nlog = \"" + std::string(300, '.') +
                                    "/log.jsonl\"\n" + "'" + std::string(300, '.') + "' = 1.5\n");
    auto result = sandbox.run({"list"});
    CHECK(result.status == 2);
    CHECK(contains(result.err, "unknown setting"));
    CHECK_FALSE(contains(result.err, "nested"));
    sandbox.write_file(
        kConfig, "unit = \"lb\"\nx = " + std::string(127, '[') + std::string(127, ']') + "\n");
    result = sandbox.run({"list"});
    CHECK(contains(result.err, "unknown setting 'x'"));
    sandbox.write_file(kConfig, "unit = \"lb\" # the unit\ncolor = \"never\"\n");
    result = sandbox.run({"list", "deadlift"});
    CHECK(result.status == 0);
    CHECK(result.err.empty());
}

TEST_CASE("a FIFO or device named x.json among the definitions is refused at once",
          "[e2e][library][bounds]") {
    e2e::Sandbox sandbox;
    sandbox.write_file("config/liftlog/exercises/.keep", "");
    const fs::path dir = sandbox.dir() / "config/liftlog/exercises";
    SECTION("a FIFO") {
        const fs::path fifo = dir / "x.json";
        REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
        double seconds = 0;
        const auto result = run_beside_fifo(sandbox, fifo, {"list"}, seconds);
        INFO(result.err);
        CHECK(result.status == 1);
        CHECK(e2e::is_single_error(result.err));
        CHECK(contains(result.err, fifo.string() + ": not a regular file"));
        CHECK(seconds < 3);
    }
    SECTION("a symlink to /dev/zero") {
        fs::create_symlink("/dev/zero", dir / "zero.json");
        const auto result = sandbox.run({"list"});
        CHECK(result.status == 1);
        CHECK(e2e::is_single_error(result.err));
        CHECK(contains(result.err, "zero.json: not a regular file"));
    }
}

namespace {

const std::string kStrongHeader =
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
    "Workout Notes,RPE\n";

std::string strong_row(const std::string& name, const std::string& note = "") {
    return "2026-11-02 07:45:00,Push,1h,\"" + name + "\",1,80,5,0,0,\"" + note + "\",,\n";
}

// The import failed at FILE:LINE for `why`, with one error and no log.
void check_refused(const e2e::Sandbox& sandbox, const e2e::RunResult& result,
                   const std::string& where, const std::string& why) {
    INFO(result.err.substr(0, 2000));
    CHECK(result.status == 1);
    CHECK(result.out.empty());
    CHECK(e2e::is_single_error(result.err));
    CHECK(contains(result.err, "liftlog: error: " + where + " " + why));
    CHECK(result.err.size() < 1000);
    CHECK_FALSE(fs::exists(sandbox.log()));
}

}  // namespace

TEST_CASE("import refuses a field over 64 KiB at its line, writing nothing",
          "[e2e][import][bounds]") {
    e2e::Sandbox sandbox;
    SECTION("a 20 MB exercise name (it once slowed every later command)") {
        sandbox.write_file("big.csv", kStrongHeader + strong_row("Row", "ok") +
                                          strong_row("Row " + std::string(20 << 20, 'x')));
        check_refused(sandbox, sandbox.run({"import", "big.csv", "--today", e2e::kToday}),
                      "big.csv:3:", "a field longer than 64 KiB");
    }
    SECTION("one unquoted 64 MiB field after the header") {
        sandbox.write_file("big.csv", kStrongHeader + std::string(64 << 20, 'x'));
        check_refused(sandbox, sandbox.run({"import", "big.csv", "--today", e2e::kToday}),
                      "big.csv:2:", "a field longer than 64 KiB");
    }
    SECTION("a quoted field that starts on line 2 and spans lines") {
        std::string lines;
        for (int i = 0; i < 2000; ++i) lines += std::string(40, 'n') + "\n";
        sandbox.write_file("big.csv", kStrongHeader + strong_row("Row", lines));
        check_refused(sandbox, sandbox.run({"import", "big.csv", "--today", e2e::kToday}),
                      "big.csv:2:", "a field longer than 64 KiB");
    }
}

TEST_CASE("import refuses a row of more than 256 fields, and files not exports at line 1",
          "[e2e][import][bounds]") {
    e2e::Sandbox sandbox;
    SECTION("64 MiB of commas (4.3 GB before)") {
        sandbox.write_file("commas.csv", std::string(64 << 20, ','));
        check_refused(sandbox, sandbox.run({"import", "commas.csv", "--today", e2e::kToday}),
                      "commas.csv:1:", "more than 256 fields in one row");
    }
    SECTION("a data row of 300 fields") {
        sandbox.write_file("wide.csv", kStrongHeader + std::string(299, ',') + "\n");
        check_refused(sandbox, sandbox.run({"import", "wide.csv", "--today", e2e::kToday}),
                      "wide.csv:2:", "more than 256 fields in one row");
    }
    SECTION("64 MiB of one-letter rows (7.4 GB before): the header is judged first") {
        std::string rows;
        rows.reserve(64 << 20);
        while (rows.size() < (64u << 20)) rows += "a\n";
        sandbox.write_file("letters.csv", rows);
        check_refused(sandbox, sandbox.run({"import", "letters.csv", "--today", e2e::kToday}),
                      "letters.csv:1:", "the header does not match");
    }
}

TEST_CASE("import: more than 1,000,000 rows are refused at the row past the limit",
          "[e2e][import][bounds]") {
    e2e::Sandbox sandbox;
    std::string rows = kStrongHeader;
    rows.reserve(3 << 20);
    while (rows.size() < kStrongHeader.size() + 2 * 1'000'001) rows += "a\n";
    sandbox.write_file("rows.csv", rows);
    const auto result = sandbox.run({"import", "rows.csv", "--skip-bad", "--today", e2e::kToday});
    check_refused(sandbox, result, "rows.csv:1000002:", "more than 1000000 rows");
}

TEST_CASE("import still reads quoted multi-line fields across its read buffers",
          "[e2e][import][bounds]") {
    e2e::Sandbox sandbox;
    // Notes of 50 KB (under the limit) with line breaks, CRLFs and doubled
    // quotes, enough of them that fields cross the 64 KiB read buffers.
    std::string note;
    while (note.size() < 50'000) note += "felt \"\"strong\"\"\r\nline two,\n";
    std::string file = kStrongHeader;
    for (int day = 10; day < 20; ++day)
        file += "2026-11-" + std::to_string(day) +
                " 07:45:00,Push,1h,Bench Press (Barbell),1,80,5,"
                "0,0,\"" +
                note + "\",,\n";
    sandbox.write_file("notes.csv", file);
    const auto result = sandbox.run({"import", "notes.csv", "--today", e2e::kToday});
    INFO(result.err);
    REQUIRE(result.status == 0);
    CHECK(contains(result.out, "Added 10 records (10 sets)"));
    const auto lines = e2e::split_lines(sandbox.read_log());
    REQUIRE(lines.size() == 10);
    const std::string stored = e2e::parse_json(lines[9])["note"];
    CHECK(e2e::starts_with(stored, "felt \"strong\"\nline two,\nfelt"));
}

TEST_CASE("import reads an export from a pipe a buffer at a time", "[e2e][import][bounds]") {
    e2e::Sandbox sandbox;
    std::string file = kStrongHeader;
    for (int i = 0; i < 3000; ++i) file += strong_row("Bench Press (Barbell)");
    sandbox.write_file("export.csv", file);
    const fs::path fifo = sandbox.dir() / "pipe.csv";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    std::thread writer([&] {
        const std::string content = e2e::read_file(sandbox.dir() / "export.csv");
        const int fd = ::open(fifo.c_str(), O_WRONLY);
        if (fd < 0) return;
        // Small, uneven writes: rows and fields are split between reads.
        for (std::size_t at = 0; at < content.size(); at += 777) {
            const std::size_t size = std::min<std::size_t>(777, content.size() - at);
            if (::write(fd, content.data() + at, size) < 0) break;
        }
        ::close(fd);
    });
    const auto result = sandbox.run({"import", "pipe.csv", "--today", e2e::kToday});
    writer.join();
    INFO(result.err);
    CHECK(result.status == 0);
    CHECK(contains(result.out, "3000 rows"));
}

TEST_CASE("import --skip-bad: past 1000 bad rows only their lines are kept, all are counted",
          "[e2e][import][bounds]") {
    e2e::Sandbox sandbox;
    std::string file = kStrongHeader + strong_row("Bench Press (Barbell)");
    for (int i = 0; i < 1500; ++i) file += "not-a-date,Push,1h,Row,1,80,5,0,0,,,\n";
    sandbox.write_file("bad.csv", file);
    const auto refused = sandbox.run({"import", "bad.csv", "--today", e2e::kToday});
    CHECK(refused.status == 1);
    CHECK(contains(refused.err, "bad.csv: 1500 rows cannot be read"));
    CHECK(contains(refused.err, "... and 1480 more"));
    const auto skipped =
        sandbox.run({"import", "bad.csv", "--skip-bad", "--today", e2e::kToday, "-O", "json"});
    REQUIRE(skipped.status == 0);
    CHECK(e2e::count_of(skipped.err, "liftlog: warning:") == 1001);
    CHECK(
        contains(skipped.err, "bad.csv: skipped 500 more rows that cannot be read (lines 1003, "));
    const auto json = e2e::parse_json(skipped.out);
    CHECK(json["skipped"]["counts"]["bad"] == 1500);
    CHECK(json["skipped"]["rows"].size() == 1000);
    CHECK(json["added"]["records"] == 1);
}
