#pragma once
// Reading the log for reports. Records dated after `today` are left out, so a
// report pinned with --today is the same whenever it is run.
#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "liftlog/history.hpp"
#include "liftlog/log_file.hpp"

namespace liftlog {

// Reports name at most this many unreadable lines, then say how many more
// there are; `liftlog check` lists them all.
inline constexpr std::size_t kReportedBadLines = 20;

// A record id as 64 bits: liftlog's ids (16 lowercase hex digits) are their
// value, any other id (written by hand) a hash of it.
std::uint64_t record_id_key(std::string_view id);

// Which copy of a record id counts when the id stands on several lines (a log
// concatenated with itself, a sync tool's conflict copy appended): the first
// line that holds it. Empty, and free to ask, for a log whose ids are unique.
class FirstCopies {
  public:
    // `firsts` holds each repeated key with its first line, sorted by key.
    FirstCopies() = default;
    explicit FirstCopies(std::vector<std::pair<std::uint64_t, std::size_t>> firsts)
        : firsts_(std::move(firsts)) {}
    bool counts(std::string_view id, std::size_t line) const {
        if (firsts_.empty()) return true;
        const std::uint64_t key = record_id_key(id);
        const auto it =
            std::lower_bound(firsts_.begin(), firsts_.end(), key,
                             [](const auto& first, std::uint64_t k) { return first.first < k; });
        return it == firsts_.end() || it->first != key || it->second == line;
    }
    std::size_t repeated_ids() const { return firsts_.size(); }

  private:
    // A sorted vector rather than a hash table: no node per id, so a doubled
    // log of a million records costs one sort, not a million allocations.
    std::vector<std::pair<std::uint64_t, std::size_t>> firsts_;
};

// What a cheap first pass learns: the ids that void records withdraw (only
// lines that may be void records are parsed) and which copy of a repeated id
// counts.
struct LogIndex {
    std::unordered_set<std::string> voided;
    FirstCopies copies;
};
LogIndex index_log(const std::filesystem::path& log);

// The ids that void records withdraw, each void counted once.
std::unordered_set<std::string> read_voided_ids(const std::filesystem::path& log);

struct HistoryQuery {
    Date today{};
    std::optional<std::string> exercise;  // only this one; every exercise when empty
    std::size_t kept_sessions = ExerciseHistory::kRecentSessions;
};

struct BadLine {
    std::size_t line = 0;
    std::string reason;
    friend bool operator==(const BadLine&, const BadLine&) = default;
};

// What one read of the log found: the folded histories and what else a report
// needs to say about the file.
struct LogSummary {
    Histories histories;
    BodyWeightTimeline body_weights;         // whatever exercise the query asks for
    std::unordered_set<std::string> voided;  // every id a void record withdraws
    std::vector<BadLine> bad_lines;          // the first kReportedBadLines + 1
    std::size_t bad_line_count = 0;
    std::size_t lines = 0;          // lines read, empty ones included
    std::optional<Date> last_date;  // the latest date among the records folded
    bool ends_in_torn_line = false;
};

// Folds the records that count: not void records, not withdrawn by one, not
// dated after the query's `today`, and of each id only its first copy. Large logs are read in parts
// on several threads; the result is the same. `parts` 0 picks the number of parts from the file's
// size and the cores; tests pass others.
LogSummary summarize_log(const std::filesystem::path& log, const HistoryQuery& query,
                         std::size_t parts = 0);

// Notes one unreadable line: the first kReportedBadLines + 1 are kept, all are counted.
void note_bad_line(std::vector<BadLine>& first, std::size_t& count, std::size_t number,
                   std::string reason);

// Folds `part`, which must start where `summary`'s reading ended, into
// `summary`. Returns false, leaving `summary` unusable, when the part holds a
// void record: it could withdraw a record that is already folded. The part's
// ids are not compared with those before it: it is what `log` just appended,
// a record with a new random id.
bool extend_summary(LogSummary& summary, const std::filesystem::path& log, LogPart part,
                    const HistoryQuery& query);

// Names the first kReportedBadLines bad lines, then says how many more.
void name_bad_lines(const LogSummary& summary, const LineIssueSink& on_issue);

// summarize_log, with the bad lines reported.
// `body_weights`, when given, receives the body-weight timeline of the same read.
Histories read_histories(const std::filesystem::path& log, const HistoryQuery& query,
                         const LineIssueSink& on_issue, BodyWeightTimeline* body_weights = nullptr);

// The records that count (record_status.hpp), one by one, for reports that
// need every record rather than folded histories: wherever a void record
// stands in the file, what it withdraws is left out.

// In log (file) order, in one pass after a cheap pass that collects the void
// records. What the read found (bad lines, voided ids, lines, and the
// body-weight timeline) comes back with empty histories, for name_bad_lines.
// Weighings are not passed to `on_record`. A pipe is first copied to memory.
LogSummary for_each_counted_record(const std::filesystem::path& log, Date today,
                                   const CountedRecordSink& on_record);

// At most this many records are held in memory to put a log in date order.
inline constexpr std::size_t kDateOrderWindow = std::size_t{1} << 16;

// As for_each_counted_record, but in date order; records of the same date keep
// their log order (a stable sort). Only records `wanted` accepts are passed on.
// The summary's body-weight timeline may miss weighings here.
// A log already in date order (the usual case) streams in one pass. Otherwise
// the dates are cut into windows of at most `window` records (a single date is
// never split), and each window takes one more pass: memory stays bounded
// whatever the log's size.
LogSummary for_each_counted_record_by_date(const std::filesystem::path& log, Date today,
                                           const RecordPredicate& wanted,
                                           const CountedRecordSink& on_record,
                                           std::size_t window = kDateOrderWindow);

}  // namespace liftlog
