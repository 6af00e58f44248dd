// A writer killed with SIGKILL at random moments: what was acknowledged stays,
// at most the record in flight is lost, and the next append starts on a fresh
// line even when the kill left a torn one.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <map>
#include <random>
#include <thread>

#include "fault_support.hpp"
#include "liftlog/record.hpp"
#include "writer_note.hpp"

namespace {

using faults::fs::path;

// Reads every acknowledgement ("SEQ\n") until the writer's end of the pipe closes.
unsigned long acknowledged(int fd) {
    std::string text;
    char buffer[4096];
    ssize_t got = 0;
    while ((got = ::read(fd, buffer, sizeof buffer)) > 0)
        text.append(buffer, static_cast<std::size_t>(got));
    return static_cast<unsigned long>(faults::count_of(text, "\n"));
}

struct Parsed {
    std::map<unsigned long, std::vector<unsigned long>> seqs_by_writer;
    std::size_t bad_lines = 0;
    std::size_t records = 0;
};

// Reads the log back the way liftlog does, checking each record's contents.
Parsed parse_log(const path& log, unsigned long max_note) {
    Parsed parsed;
    const auto contents = faults::read_back(log);
    parsed.bad_lines = contents.bad_lines;
    parsed.records = contents.records;
    for (std::size_t i = 0; i < contents.ids.size(); ++i) {
        const std::string& id = contents.ids[i];
        if (id.size() != 16) continue;  // the final record written by the binary
        const unsigned long writer = std::stoul(id.substr(0, 8), nullptr, 16);
        const unsigned long seq = std::stoul(id.substr(8), nullptr, 16);
        INFO("record " << id);
        CHECK(contents.notes[i] == faults::fault_note(writer, seq, max_note));
        parsed.seqs_by_writer[writer].push_back(seq);
    }
    return parsed;
}

}  // namespace

TEST_CASE("a writer killed at random moments loses at most the record in flight",
          "[faults][kill]") {
    constexpr int kKills = 60;
    // Records up to 64 KB, so that a write spans many pages and a kill can land
    // in the middle of one.
    constexpr unsigned long kMaxNote = 64 * 1024;
    const std::uint32_t seed = std::random_device{}();
    INFO("random seed " << seed);
    std::mt19937 random(seed);
    std::uniform_int_distribution<int> delay_us(0, 25000);

    faults::TempDir dir;
    const path log = dir.path() / "log.jsonl";
    std::size_t expected_bad_lines = 0;
    std::size_t torn_by_kill = 0;
    std::size_t torn_by_hand = 0;
    std::size_t expected_records = 0;
    std::map<unsigned long, std::size_t> survived;  // records per earlier writer

    for (int kill = 0; kill < kKills; ++kill) {
        INFO("kill " << kill);
        const unsigned long writer = static_cast<unsigned long>(kill);
        int acks[2];
        REQUIRE(::pipe2(acks, O_CLOEXEC) == 0);
        faults::Spawn spec;
        spec.argv = {LIFTLOG_FAULT_WRITER, log.string(), std::to_string(writer), "0",
                     std::to_string(kMaxNote)};
        spec.stdout_fd = acks[1];
        const pid_t pid = faults::start(spec);
        ::close(acks[1]);
        std::this_thread::sleep_for(std::chrono::microseconds(delay_us(random)));
        REQUIRE(::kill(pid, SIGKILL) == 0);
        CHECK(faults::wait_for(pid) == 128 + SIGKILL);
        const unsigned long acked = acknowledged(acks[0]);
        ::close(acks[0]);

        const std::string content = faults::read_file(log);
        const bool torn = !content.empty() && content.back() != '\n';
        if (torn) ++torn_by_kill;

        Parsed parsed = parse_log(log, kMaxNote);
        const auto& seqs = parsed.seqs_by_writer[writer];
        // Every acknowledged record is there, whole; at most one more follows.
        CHECK(seqs.size() >= acked);
        CHECK(seqs.size() <= acked + 1);
        for (std::size_t i = 0; i < seqs.size(); ++i) CHECK(seqs[i] == i);
        // Earlier writers' records are untouched.
        for (const auto& [earlier, count] : survived) {
            INFO("writer " << earlier);
            CHECK(parsed.seqs_by_writer[earlier].size() == count);
        }
        survived[writer] = seqs.size();
        expected_records += seqs.size();
        CHECK(parsed.records == expected_records);
        // A torn tail from this kill is at most one more bad line.
        CHECK(parsed.bad_lines >= expected_bad_lines);
        CHECK(parsed.bad_lines <= expected_bad_lines + 1);
        expected_bad_lines = parsed.bad_lines;
        if (torn) CHECK(parsed.bad_lines > 0);

        // Every fifth round, also leave a torn line by hand (half a record, as
        // a power cut would), so the fresh-line rule is exercised even when no
        // kill happened to land mid-write.
        if (kill % 5 == 4 && !torn) {
            const std::string half =
                faults::record_line("ffffffff" + std::to_string(10000000 + kill), faults::kToday,
                                    "back-extension", 12)
                    .substr(0, 40);
            std::FILE* file = std::fopen(log.c_str(), "ab");
            REQUIRE(file != nullptr);
            std::fwrite(half.data(), 1, half.size(), file);
            std::fclose(file);
            ++torn_by_hand;
            ++expected_bad_lines;
        }
    }

    // Earlier records stay exactly as written: re-reading gives the same counts
    // as the running totals.
    const Parsed before = parse_log(log, kMaxNote);
    CHECK(before.records == expected_records);
    CHECK(before.bad_lines == expected_bad_lines);

    // The next append, by the real binary, starts on a fresh line and is whole.
    faults::TempDir home;
    const auto result =
        faults::run_liftlog(home.path(), {"--log", log.string(), "--today", faults::kToday, "log",
                                          "back-extension", "12", "--note", "after the kills"});
    CHECK(result.status == 0);
    const std::string content = faults::read_file(log);
    REQUIRE_FALSE(content.empty());
    CHECK(content.back() == '\n');
    const auto lines = faults::split_lines(content);
    REQUIRE_FALSE(lines.empty());
    const auto last = liftlog::parse_record(lines.back());
    CHECK(last.note == "after the kills");
    const auto after = faults::read_back(log);
    CHECK(after.records == expected_records + 1);
    CHECK(after.bad_lines == expected_bad_lines);
    // Every bad line is a torn fragment, reported as such, never a good record.
    for (const auto& [line, reason] : after.issues) {
        INFO("line " << line << ": " << reason);
        CHECK(line < lines.size());
    }
    WARN(kKills << " kills; " << torn_by_kill << " left a torn line, " << torn_by_hand
                << " torn lines added by hand; " << expected_records << " records survived");
}
