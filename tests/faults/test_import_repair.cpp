// An import cut short (killed mid-write, a log truncated by hand, a roll-back
// the disk refuses) is completed exactly by running it again; a day exported
// twice ends with the later export's sets; two imports at once never leave
// records without their custom definitions.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <random>
#include <set>

#include "fault_support.hpp"

namespace {

using faults::fs::path;

const char* kFitNotesHeader =
    "Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time,Comment\n";

std::string two_digits(int value) {
    return (value < 10 ? "0" : "") + std::to_string(value);
}

std::string fitnotes_row(int day_number, const std::string& exercise, std::size_t kg, int reps) {
    const int year = 2012 + day_number / 336;
    const int month = 1 + (day_number % 336) / 28;
    const int day = 1 + day_number % 28;
    return std::to_string(year) + "-" + two_digits(month) + "-" + two_digits(day) + "," + exercise +
           ",Legs," + std::to_string(kg) + ".0,kgs," + std::to_string(reps) + ",,,,\n";
}

// A FitNotes export of `records` slots, one set each, on distinct (day,
// exercise) pairs; the first two names are not in the library, so the import
// writes custom definitions for them.
std::string fitnotes_export(std::size_t records) {
    const std::vector<std::string> names = {
        "Zercher Squat",  "Sled Drag",   "Squat",   "Deadlift",  "Bench Press",
        "Overhead Press", "Barbell Row", "Pull Up", "Leg Press", "Hip Thrust"};
    std::string csv = kFitNotesHeader;
    for (std::size_t i = 0; i < records; ++i)
        csv += fitnotes_row(static_cast<int>(i / names.size()), names[i % names.size()],
                            40 + i % 50, 5);
    return csv;
}

faults::Exit import(const faults::TempDir& dir, const std::string& file,
                    const std::map<std::string, std::string>& env = {}) {
    return faults::run_liftlog(dir.path(), {"import", file, "--today", faults::kToday}, env);
}

path log_of(const faults::TempDir& dir) {
    return dir.path() / "data" / "liftlog" / "log.jsonl";
}

// How often each record id occurs among the log's records.
std::map<std::string, std::size_t> id_counts(const path& log) {
    std::map<std::string, std::size_t> counts;
    for (const auto& id : faults::read_back(log).ids) ++counts[id];
    return counts;
}

// The start of every line of `content` after the first.
std::vector<std::size_t> line_starts(const std::string& content) {
    std::vector<std::size_t> starts;
    for (std::size_t at = content.find('\n'); at != std::string::npos && at + 1 < content.size();
         at = content.find('\n', at + 1))
        starts.push_back(at + 1);
    return starts;
}

// The log an import of `csv` writes into an empty directory, as a reference.
std::string reference_log(const std::string& csv) {
    faults::TempDir dir;
    faults::write_file(dir.path() / "export.csv", csv);
    const auto result = import(dir, "export.csv");
    REQUIRE(result.status == 0);
    return faults::read_file(log_of(dir));
}

void check_every_record_once(const path& log, const std::set<std::string>& expected) {
    const auto counts = id_counts(log);
    std::size_t missing = 0;
    std::size_t doubled = 0;
    for (const auto& id : expected) {
        const auto it = counts.find(id);
        if (it == counts.end())
            ++missing;
        else if (it->second > 1)
            ++doubled;
    }
    CHECK(missing == 0);
    CHECK(doubled == 0);
    CHECK(counts.size() == expected.size());
}

std::set<std::string> ids_in(const std::string& log_content, const path& scratch) {
    faults::write_file(scratch, log_content);
    std::set<std::string> ids;
    for (const auto& id : faults::read_back(scratch).ids) ids.insert(id);
    return ids;
}

}  // namespace

TEST_CASE("an import killed in the middle of its write is completed by running it again",
          "[faults][kill][import]") {
    constexpr std::size_t kRecords = 20000;
    const std::string csv = fitnotes_export(kRecords);
    const std::string reference = reference_log(csv);
    faults::TempDir scratch;
    const auto expected = ids_in(reference, scratch.path() / "reference.jsonl");
    REQUIRE(expected.size() == kRecords);
    const auto starts = line_starts(reference);
    // Cuts inside a record, past its id (where a torn line used to count as
    // imported), on a line boundary, and in the first and last records.
    const std::vector<std::size_t> cuts = {30,
                                           starts[10] + 40,
                                           starts[kRecords / 2],
                                           starts[kRecords / 2] + 60,
                                           starts[kRecords - 2] + 50,
                                           reference.size() - 1};
    for (const std::size_t cut : cuts) {
        INFO("killed after " << cut << " of " << reference.size() << " bytes");
        faults::TempDir dir;
        faults::write_file(dir.path() / "export.csv", csv);
        const auto killed = import(dir, "export.csv",
                                   {{"LD_PRELOAD", LIFTLOG_FAULT_SHIM},
                                    {"LIFTLOG_NO_CACHE", "1"},
                                    {"LIFTLOG_SHIM_KILL_AFTER_BYTES", std::to_string(cut)}});
        REQUIRE(killed.status == 128 + 9);
        CHECK(faults::read_file(log_of(dir)).size() == cut);
        const auto again = import(dir, "export.csv");
        INFO(again.err);
        CHECK(again.status == 0);
        check_every_record_once(log_of(dir), expected);
        // Once complete, a third run adds nothing.
        const auto third = import(dir, "export.csv");
        CHECK(faults::contains(third.out, "Added 0 records"));
    }
}

TEST_CASE("a log cut at any byte of an import is made whole by importing again",
          "[faults][truncate][import]") {
    constexpr std::size_t kRecords = 300;
    constexpr int kCuts = 120;
    const std::string csv = fitnotes_export(kRecords);
    const std::string reference = reference_log(csv);
    faults::TempDir scratch;
    const auto expected = ids_in(reference, scratch.path() / "reference.jsonl");
    const std::uint32_t seed = std::random_device{}();
    INFO("random seed " << seed);
    std::mt19937 random(seed);
    std::uniform_int_distribution<std::size_t> offset(0, reference.size() - 1);
    std::size_t incomplete = 0;
    for (int i = 0; i < kCuts; ++i) {
        const std::size_t cut = offset(random);
        INFO("cut at byte " << cut);
        faults::TempDir dir;
        faults::write_file(dir.path() / "export.csv", csv);
        std::filesystem::create_directories(log_of(dir).parent_path());
        faults::write_file(log_of(dir), reference.substr(0, cut));
        const auto again = import(dir, "export.csv");
        CHECK(again.status == 0);
        const auto counts = id_counts(log_of(dir));
        bool whole = counts.size() == expected.size();
        for (const auto& [id, count] : counts) whole = whole && count == 1 && expected.count(id);
        if (!whole) ++incomplete;
    }
    CHECK(incomplete == 0);
}

TEST_CASE("a day exported mid-session and again at its end keeps only the final sets",
          "[faults][import]") {
    faults::TempDir dir;
    const std::string early = std::string(kFitNotesHeader) + fitnotes_row(0, "Squat", 100, 5) +
                              fitnotes_row(0, "Squat", 100, 5);
    std::string late = early;
    for (int set = 0; set < 3; ++set) late += fitnotes_row(0, "Squat", 100, 5);
    faults::write_file(dir.path() / "early.csv", early);
    faults::write_file(dir.path() / "late.csv", late);
    REQUIRE(import(dir, "early.csv").status == 0);
    const auto second = import(dir, "late.csv");
    INFO(second.out << second.err);
    CHECK(second.status == 0);
    CHECK(faults::contains(second.out, "Replaced 1 record imported earlier"));
    const auto history =
        faults::run_liftlog(dir.path(), {"history", "-O", "jsonl", "--today", faults::kToday});
    REQUIRE(history.status == 0);
    // One line per set: the final five, not the seven of both exports.
    CHECK(faults::count_of(history.out, "\n") == 5U);
    // Either export again changes nothing: the earlier one is withdrawn, the
    // later one in the log.
    CHECK(faults::contains(import(dir, "early.csv").out, "Added 0 records"));
    CHECK(faults::contains(import(dir, "late.csv").out, "Added 0 records"));
    const auto check = faults::run_liftlog(dir.path(), {"check", "--today", faults::kToday});
    CHECK(check.status == 0);
}

TEST_CASE("two imports at once never leave records without their custom definitions",
          "[faults][concurrency][import]") {
    constexpr int kTrials = 30;
    const std::string csv = fitnotes_export(3000);
    std::size_t orphaned = 0;
    std::size_t incomplete = 0;
    for (int trial = 0; trial < kTrials; ++trial) {
        faults::TempDir dir;
        faults::write_file(dir.path() / "export.csv", csv);
        std::vector<pid_t> imports;
        for (int i = 0; i < 2; ++i) {
            faults::Spawn spec;
            spec.argv = {LIFTLOG_BINARY, "import", "export.csv", "--today", faults::kToday};
            spec.env = faults::clean_env(dir.path());
            spec.cwd = dir.path();
            imports.push_back(faults::start(spec));
        }
        int succeeded = 0;
        for (const pid_t pid : imports) succeeded += faults::wait_for(pid) == 0;
        CHECK(succeeded >= 1);
        const auto check = faults::run_liftlog(dir.path(), {"check", "--today", faults::kToday});
        if (faults::contains(check.out, "unknown exercise")) ++orphaned;
        if (id_counts(log_of(dir)).size() != 3000) ++incomplete;
    }
    CHECK(orphaned == 0);
    CHECK(incomplete == 0);
}

TEST_CASE(
    "a write the disk refuses to roll back says what remains, and importing again "
    "completes it",
    "[faults][write][import]") {
    faults::TempDir dir;
    const std::string csv = fitnotes_export(200);
    faults::write_file(dir.path() / "export.csv", csv);
    const auto failed = import(dir, "export.csv",
                               {{"LD_PRELOAD", LIFTLOG_FAULT_SHIM},
                                {"LIFTLOG_NO_CACHE", "1"},
                                {"LIFTLOG_SHIM_ENOSPC", "1"},
                                {"LIFTLOG_SHIM_FTRUNCATE_EPERM", "1"}});
    INFO(failed.err);
    CHECK(failed.status == 1);
    CHECK_FALSE(faults::contains(failed.err, "left as it was"));
    const auto remaining = faults::read_file(log_of(dir)).size();
    REQUIRE(remaining > 0);
    CHECK(faults::contains(failed.err, "could not be put back"));
    CHECK(faults::contains(failed.err, "the last " + std::to_string(remaining) + " bytes"));
    CHECK(faults::contains(failed.err, "liftlog check"));
    const auto again = import(dir, "export.csv");
    CHECK(again.status == 0);
    CHECK(id_counts(log_of(dir)).size() == 200U);
}
