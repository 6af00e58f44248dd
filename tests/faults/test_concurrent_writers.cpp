// Many writers appending to one log at the same moment: every record arrives
// whole, on its own line, exactly once.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <map>
#include <set>
#include <thread>

#include "fault_support.hpp"
#include "liftlog/record.hpp"
#include "writer_note.hpp"

namespace {

using faults::fs::path;

// Checks the raw bytes: every line ends in a newline and parses on its own.
std::vector<liftlog::Record> parse_every_line(const std::string& content) {
    std::vector<liftlog::Record> records;
    REQUIRE_FALSE(content.empty());
    CHECK(content.back() == '\n');
    std::size_t number = 0;
    for (const auto& line : faults::split_lines(content)) {
        ++number;
        INFO("line " << number << ": " << line.substr(0, 200));
        try {
            records.push_back(liftlog::parse_record(line));
        } catch (const liftlog::RecordError& error) {
            FAIL_CHECK("not a whole record: " << error.what());
        }
    }
    return records;
}

}  // namespace

TEST_CASE("8 concurrent writers appending 200 records each lose and mix nothing",
          "[faults][concurrency]") {
    constexpr unsigned long kWriters = 8;
    constexpr unsigned long kRecords = 200;
    constexpr unsigned long kMaxNote = 3000;  // records of varying length, up to ~3 KB
    faults::TempDir dir;
    const path log = dir.path() / "log.jsonl";

    // The writers block until the release pipe closes, then start together.
    int release[2];
    REQUIRE(::pipe2(release, O_CLOEXEC) == 0);
    std::vector<pid_t> writers;
    for (unsigned long w = 0; w < kWriters; ++w) {
        faults::Spawn spec;
        spec.argv = {LIFTLOG_FAULT_WRITER, log.string(), std::to_string(w),
                     std::to_string(kRecords), std::to_string(kMaxNote)};
        spec.stdin_fd = release[0];
        spec.err_path = dir.path() / ("writer" + std::to_string(w) + ".stderr");
        writers.push_back(faults::start(spec));
    }
    ::close(release[0]);
    ::close(release[1]);
    for (unsigned long w = 0; w < kWriters; ++w) {
        INFO("writer " << w << ": "
                       << faults::read_file(dir.path() /
                                            ("writer" + std::to_string(w) + ".stderr")));
        CHECK(faults::wait_for(writers[w]) == 0);
    }

    const auto records = parse_every_line(faults::read_file(log));
    CHECK(records.size() == kWriters * kRecords);
    std::set<std::string> ids;
    std::map<unsigned long, std::vector<unsigned long>> sequence_by_writer;
    for (const auto& record : records) {
        ids.insert(record.id);
        const unsigned long writer = std::stoul(record.id.substr(0, 8), nullptr, 16);
        const unsigned long seq = std::stoul(record.id.substr(8), nullptr, 16);
        INFO("record " << record.id);
        CHECK(record.note == faults::fault_note(writer, seq, kMaxNote));
        sequence_by_writer[writer].push_back(seq);
    }
    CHECK(ids.size() == kWriters * kRecords);
    // Each writer's records are all there, in the order it wrote them.
    CHECK(sequence_by_writer.size() == kWriters);
    for (const auto& [writer, seqs] : sequence_by_writer) {
        INFO("writer " << writer);
        std::vector<unsigned long> expected(kRecords);
        for (unsigned long i = 0; i < kRecords; ++i) expected[i] = i;
        CHECK(seqs == expected);
    }
    const auto back = faults::read_back(log);
    CHECK(back.records == kWriters * kRecords);
    CHECK(back.bad_lines == 0);
    CHECK(back.issues.empty());
}

TEST_CASE("8 concurrent liftlog log processes keep every record", "[faults][concurrency]") {
    constexpr int kWriters = 8;
    constexpr int kRecords = 25;
    faults::TempDir dir;
    const path log = dir.path() / "log.jsonl";

    // Each thread runs the real binary kRecords times in a row; the 8 threads
    // overlap, so up to 8 liftlog processes append at once.
    std::vector<std::vector<int>> statuses(kWriters);
    std::vector<std::string> errors(kWriters);
    std::vector<std::thread> threads;
    for (int w = 0; w < kWriters; ++w) {
        threads.emplace_back([&, w] {
            for (int i = 0; i < kRecords; ++i) {
                const auto result =
                    faults::run_liftlog(dir.path(),
                                        {"--log", log.string(), "--today", faults::kToday, "log",
                                         "back-extension", std::to_string(i % 15 + 1), "--note",
                                         "w" + std::to_string(w) + "r" + std::to_string(i)},
                                        {}, std::nullopt, "writer" + std::to_string(w));
                statuses[w].push_back(result.status);
                if (result.status != 0) errors[w] += result.err;
            }
        });
    }
    for (auto& thread : threads) thread.join();
    for (int w = 0; w < kWriters; ++w) {
        INFO("writer " << w << ": " << errors[w]);
        CHECK(statuses[w] == std::vector<int>(kRecords, 0));
    }

    const auto records = parse_every_line(faults::read_file(log));
    CHECK(records.size() == static_cast<std::size_t>(kWriters * kRecords));
    std::set<std::string> ids;
    std::set<std::string> notes;
    for (const auto& record : records) {
        ids.insert(record.id);
        notes.insert(record.note.value_or(""));
    }
    CHECK(ids.size() == static_cast<std::size_t>(kWriters * kRecords));
    std::set<std::string> expected_notes;
    for (int w = 0; w < kWriters; ++w)
        for (int i = 0; i < kRecords; ++i)
            expected_notes.insert("w" + std::to_string(w) + "r" + std::to_string(i));
    CHECK(notes == expected_notes);

    const auto report = faults::run_liftlog(
        dir.path(),
        {"--log", log.string(), "--today", faults::kToday, "progress", "--format", "json"});
    CHECK(report.status == 0);
    CHECK(report.err.empty());
    CHECK(faults::contains(report.out, "\"back-extension\""));
}
