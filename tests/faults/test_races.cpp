// Races with other processes: two undos at once, and a log replaced by a
// rename while a report reads it.
#include <catch2/catch.hpp>

#include <stdio.h>
#include <unistd.h>

#include <atomic>
#include <map>
#include <set>
#include <thread>

#include "fault_support.hpp"

namespace {

using faults::fs::path;

path default_log(const faults::TempDir& dir) {
    return dir.path() / "data" / "liftlog" / "log.jsonl";
}

// The ids that void records in `log` withdraw, with how often each is named.
std::map<std::string, int> withdrawals(const path& log) {
    std::map<std::string, int> voided;
    for (const auto& line : faults::split_lines(faults::read_file(log))) {
        const auto at = line.find("\"voids\":\"");
        if (at == std::string::npos) continue;
        const auto start = at + 9;
        ++voided[line.substr(start, line.find('"', start) - start)];
    }
    return voided;
}

// A log of `records` squat entries, one a day, with padding in the notes so
// that a report takes a while to read it.
std::string squat_log(int records, const std::string& id_prefix) {
    std::string content;
    const std::string note = std::string(200, 'n');
    for (int i = 0; i < records; ++i) {
        const int day = 1 + i % 28;
        const int month = 1 + (i / 28) % 12;
        const std::string date = std::to_string(2000 + i / 336) + "-" + (month < 10 ? "0" : "") +
                                 std::to_string(month) + "-" + (day < 10 ? "0" : "") +
                                 std::to_string(day);
        content += faults::record_line(id_prefix + std::to_string(i), date, "squat", 5 + i % 3,
                                       ",\"note\":\"" + note + "\"") +
                   "\n";
    }
    return content;
}

}  // namespace

TEST_CASE("two undos at once withdraw two entries, or one fails cleanly",
          "[faults][concurrency][undo]") {
    constexpr int kTrials = 40;
    int same_entry_twice = 0;
    int unclean = 0;
    for (int trial = 0; trial < kTrials; ++trial) {
        faults::TempDir dir;
        std::filesystem::create_directories(default_log(dir).parent_path());
        faults::write_file(default_log(dir), squat_log(20, "entry"));
        std::vector<pid_t> undos;
        for (int i = 0; i < 2; ++i) {
            faults::Spawn spec;
            spec.argv = {LIFTLOG_BINARY, "undo"};
            spec.env = faults::clean_env(dir.path());
            spec.cwd = dir.path();
            spec.err_path = dir.path() / ("undo" + std::to_string(i) + ".err");
            undos.push_back(faults::start(spec));
        }
        int succeeded = 0;
        for (int i = 0; i < 2; ++i) {
            const int status = faults::wait_for(undos[static_cast<std::size_t>(i)]);
            const auto err = faults::read_file(dir.path() / ("undo" + std::to_string(i) + ".err"));
            if (status == 0)
                ++succeeded;
            else if (!faults::contains(err, "another liftlog wrote to the log"))
                ++unclean;
        }
        const auto voided = withdrawals(default_log(dir));
        for (const auto& [id, count] : voided) same_entry_twice += count > 1;
        CHECK(static_cast<int>(voided.size()) == succeeded);
    }
    CHECK(same_entry_twice == 0);
    CHECK(unclean == 0);
}

TEST_CASE("check reports a second void of an entry already withdrawn", "[faults][undo]") {
    faults::TempDir dir;
    std::filesystem::create_directories(default_log(dir).parent_path());
    faults::write_file(
        default_log(dir),
        faults::record_line("aaaa0001", "2026-11-20", "squat", 5) + "\n" +
            R"({"v":1,"id":"bbbb0001","time":"2026-11-21T10:00:00+00:00","voids":"aaaa0001"})"
            "\n"
            R"({"v":1,"id":"bbbb0002","time":"2026-11-21T10:00:01+00:00","voids":"aaaa0001"})"
            "\n");
    const auto check = faults::run_liftlog(dir.path(), {"check", "--today", faults::kToday});
    CHECK(check.status == 1);
    CHECK(faults::contains(check.out, ":3: voids 'aaaa0001' again; line 2 withdrew it already"));
}

TEST_CASE("a report reads one file even when the log is replaced by a rename meanwhile",
          "[faults][rename]") {
    constexpr int kReports = 60;
    faults::TempDir dir;
    const path log = default_log(dir);
    std::filesystem::create_directories(log.parent_path());
    // Two versions of the log: the second withdraws every entry the first
    // holds, so a report that mixed their parts would count records that
    // neither file counts.
    const std::string first = squat_log(20000, "a");
    std::string second = first;
    for (int i = 0; i < 20000; i += 2)
        second += R"({"v":1,"id":"void)" + std::to_string(i) +
                  R"(","time":"2026-11-21T10:00:00+00:00","voids":"a)" + std::to_string(i) +
                  "\"}\n";
    const path first_file = dir.path() / "first.jsonl";
    const path second_file = dir.path() / "second.jsonl";
    faults::write_file(first_file, first);
    faults::write_file(second_file, second);
    const std::map<std::string, std::string> env = {{"LIFTLOG_NO_CACHE", "1"}};
    std::filesystem::copy_file(first_file, log);
    const auto from_first =
        faults::run_liftlog(dir.path(), {"progress", "-O", "json", "--today", faults::kToday}, env);
    std::filesystem::copy_file(second_file, log, std::filesystem::copy_options::overwrite_existing);
    const auto from_second =
        faults::run_liftlog(dir.path(), {"progress", "-O", "json", "--today", faults::kToday}, env);
    REQUIRE(from_first.status == 0);
    REQUIRE(from_second.status == 0);
    REQUIRE(from_first.out != from_second.out);

    std::atomic<bool> done{false};
    std::thread swapper([&] {
        const path staged = dir.path() / "staged.jsonl";
        for (bool use_first = true; !done; use_first = !use_first) {
            ::unlink(staged.c_str());
            if (::link((use_first ? first_file : second_file).c_str(), staged.c_str()) == 0)
                ::rename(staged.c_str(), log.c_str());
            ::usleep(300);
        }
    });
    int mixed = 0;
    for (int i = 0; i < kReports; ++i) {
        const auto report = faults::run_liftlog(
            dir.path(), {"progress", "-O", "json", "--today", faults::kToday}, env);
        if (report.status != 0 || !report.err.empty() ||
            (report.out != from_first.out && report.out != from_second.out))
            ++mixed;
    }
    done = true;
    swapper.join();
    CHECK(mixed == 0);
}
