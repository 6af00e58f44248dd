#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "liftlog/error.hpp"
#include "liftlog/log_file.hpp"

#include "temp_dir.hpp"

using namespace liftlog;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& path) {
    std::ifstream stream(path, std::ios::binary);
    std::ostringstream content;
    content << stream.rdbuf();
    return content.str();
}

void write(const fs::path& path, const std::string& content) {
    std::ofstream(path, std::ios::binary) << content;
}

std::string record_line(const std::string& id, int reps) {
    Record record;
    record.id = id;
    record.time = "2026-11-23T08:00:00+00:00";
    record.date = *parse_date("2026-11-23");
    record.exercise = "back-extension";
    record.sets = {{reps, Load::bodyweight(), false}};
    return serialize_record(record);
}

struct Collected {
    std::vector<std::string> ids;
    std::vector<std::pair<std::size_t, std::string>> issues;
    ReadSummary summary;
};

Collected collect(const fs::path& path) {
    Collected collected;
    collected.summary = read_log(
        path, [&](Record&& record) { collected.ids.push_back(record.id); },
        [&](std::size_t line, const std::string& reason) {
            collected.issues.emplace_back(line, reason);
        });
    return collected;
}

}  // namespace

TEST_CASE("appending creates the file and its directories with private modes", "[log]") {
    TempDir dir;
    const fs::path log = dir.path / "a" / "b" / "log.jsonl";
    append_line(log, record_line("one", 12));
    CHECK(slurp(log) == record_line("one", 12) + "\n");
    struct stat file_status {};
    struct stat dir_status {};
    REQUIRE(::stat(log.c_str(), &file_status) == 0);
    REQUIRE(::stat(log.parent_path().c_str(), &dir_status) == 0);
    CHECK((file_status.st_mode & 0777) == 0600);
    CHECK((dir_status.st_mode & 0777) == 0700);
}

TEST_CASE("appending keeps what was there and adds one whole line", "[log]") {
    TempDir dir;
    const fs::path log = dir.path / "log.jsonl";
    append_line(log, record_line("one", 12));
    append_line(log, record_line("two", 13));
    CHECK(slurp(log) == record_line("one", 12) + "\n" + record_line("two", 13) + "\n");
}

TEST_CASE("several lines go in together, or none when the log grew since it was read", "[log]") {
    TempDir dir;
    const fs::path log = dir.path / "log.jsonl";
    append_line(log, record_line("one", 12));
    const std::string before = slurp(log);
    const std::string two = record_line("two", 13);
    const std::string three = record_line("three", 14);
    const std::vector<std::string_view> lines{two, three};
    CHECK_THROWS_WITH(append_lines(log, lines, before.size() - 1),
                      Catch::Contains("another liftlog wrote to the log"));
    CHECK(slurp(log) == before);
    append_lines(log, lines, before.size());
    CHECK(slurp(log) == before + two + "\n" + three + "\n");
}

TEST_CASE("after a torn last line the next record starts on a fresh line", "[log]") {
    TempDir dir;
    const fs::path log = dir.path / "log.jsonl";
    const std::string good = record_line("one", 12) + "\n";
    const std::string torn = record_line("two", 13).substr(0, 30);
    write(log, good + torn);
    append_line(log, record_line("three", 10));
    CHECK(slurp(log) == good + torn + "\n" + record_line("three", 10) + "\n");
    const auto collected = collect(log);
    CHECK(collected.ids == std::vector<std::string>{"one", "three"});
    REQUIRE(collected.issues.size() == 1);
    CHECK(collected.issues[0].first == 2);
}

TEST_CASE("the reader reports a torn tail once and keeps every complete record", "[log]") {
    TempDir dir;
    const fs::path log = dir.path / "log.jsonl";
    const std::string full =
        record_line("a", 10) + "\n" + record_line("b", 11) + "\n" + record_line("c", 12) + "\n";
    // Every prefix of the log: each complete record is read, and a cut inside a
    // record is reported once. A record cut just before its newline is whole.
    for (std::size_t length = 0; length <= full.size(); ++length) {
        const std::string prefix = full.substr(0, length);
        write(log, prefix);
        const auto collected = collect(log);
        std::size_t complete = 0;
        for (char c : prefix) complete += c == '\n' ? 1 : 0;
        const bool cut_before_newline = length < full.size() && full[length] == '\n';
        if (cut_before_newline) ++complete;
        const bool torn = !prefix.empty() && prefix.back() != '\n' && !cut_before_newline;
        INFO("prefix length " << length);
        CHECK(collected.ids.size() == complete);
        REQUIRE(collected.issues.size() == (torn ? 1u : 0u));
        if (torn) CHECK_THAT(collected.issues[0].second, Catch::Contains("incomplete last line"));
    }
}

TEST_CASE("bad lines are skipped with their line numbers", "[log]") {
    TempDir dir;
    const fs::path log = dir.path / "log.jsonl";
    write(log, record_line("a", 10) + "\ngarbage\n\n{\"v\":9}\n" + record_line("b", 11) + "\n");
    const auto collected = collect(log);
    CHECK(collected.ids == std::vector<std::string>{"a", "b"});
    REQUIRE(collected.issues.size() == 2);
    CHECK(collected.issues[0].first == 2);
    CHECK(collected.issues[1].first == 4);
    CHECK(collected.summary.records == 2);
    CHECK(collected.summary.bad_lines == 2);
}

TEST_CASE("a missing log is empty, a directory is an error", "[log]") {
    TempDir dir;
    const auto missing = collect(dir.path / "none.jsonl");
    CHECK_FALSE(missing.summary.exists);
    CHECK(missing.ids.empty());
    CHECK_THROWS_WITH(collect(dir.path), Catch::Contains("is a directory"));
    CHECK_THROWS_AS(append_line(dir.path, "x"), Failure);
}

TEST_CASE("a failed append leaves the log byte-identical", "[log]") {
    if (!fs::exists("/dev/full")) return;
    // /dev/full accepts the open and fails every write with ENOSPC.
    CHECK_THROWS_WITH(append_line("/dev/full", record_line("x", 1)),
                      Catch::Contains("left as it was"));
}
