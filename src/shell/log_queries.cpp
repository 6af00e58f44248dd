#include "liftlog/log_queries.hpp"

#include <algorithm>
#include <bitset>
#include <cstring>
#include <exception>
#include <functional>
#include <system_error>
#include <thread>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>

#include "liftlog/fast_record.hpp"

namespace liftlog {

namespace fs = std::filesystem;

namespace {

// Only a line that names the key "voids" can be a void record, and the key may
// be spelled with JSON escapes ("vo\u0069ds").
bool may_be_void(std::string_view line) {
    return line.find("\"voids\"") != std::string_view::npos ||
           line.find('\\') != std::string_view::npos;
}

}  // namespace

std::set<std::string> read_voided_ids(const fs::path& log) {
    std::set<std::string> voided;
    for_each_line(log, [&](std::size_t, std::string_view line, bool) {
        if (!may_be_void(line)) return;
        try {
            const Record record = parse_record(line);
            if (record.voids) voided.insert(*record.voids);
        } catch (const RecordError&) {
            // Reported, with its line number, by the pass that reads the records.
        }
    });
    return voided;
}

namespace {

// Below this many bytes a part is not worth a thread.
constexpr std::uint64_t kBytesPerPart = 4 << 20;
constexpr std::size_t kMostParts = 8;

std::size_t part_count(const fs::path& log) {
    std::error_code error;
    const std::uintmax_t size = fs::file_size(log, error);
    if (error) return 1;
    const std::size_t cores = std::max(1U, std::thread::hardware_concurrency());
    return std::clamp<std::size_t>(size / kBytesPerPart, 1, std::min(cores, kMostParts));
}

// Runs `work(i)` for every part, on its own thread when there are several, and
// rethrows the first failure.
void run_parts(std::size_t parts, const std::function<void(std::size_t)>& work) {
    if (parts == 1) return work(0);
    std::vector<std::exception_ptr> failures(parts);
    const auto run = [&](std::size_t i) {
        try {
            work(i);
        } catch (...) {
            failures[i] = std::current_exception();
        }
    };
    {
        std::vector<std::jthread> threads;
        for (std::size_t i = 0; i < parts; ++i) {
            try {
                threads.emplace_back(run, i);
            } catch (const std::system_error&) {
                run(i);  // no thread to be had: do this part here
            }
        }
    }
    for (const auto& failure : failures)
        if (failure) std::rethrow_exception(failure);
}

// True for a line that starts the way every non-void record liftlog writes
// does: such a line cannot be a void record, whatever follows.
bool starts_as_training_record(std::string_view line) {
    constexpr std::string_view kStart = R"({"v":1,"id":")";
    if (!line.starts_with(kStart)) return false;
    const auto id_end = line.find('"', kStart.size());
    if (id_end == std::string_view::npos) return false;
    line.remove_prefix(id_end + 1);
    if (!line.starts_with(R"(,"time":")")) return false;
    const auto time_end = line.find('"', 9);
    return time_end != std::string_view::npos &&
           line.substr(time_end + 1).starts_with(R"(,"date":")");
}

struct PartScan {
    std::size_t lines = 0;
    std::vector<std::string> voided;
};

PartScan scan_part(const fs::path& log, LogPart part) {
    PartScan scan;
    scan.lines = for_each_line_in(log, part, 1, [&](std::size_t, std::string_view line, bool) {
        if (starts_as_training_record(line) || !may_be_void(line)) return;
        try {
            const Record record = parse_record(line);
            if (record.voids) scan.voided.push_back(*record.voids);
        } catch (const RecordError&) {
            // Reported, with its line number, when the part is folded.
        }
    });
    return scan;
}

// The ids void records withdraw. Nearly every record is not one of them; a
// filter over a cheap hash of the id turns those away before the set (which
// hashes the whole id) is consulted.
class WithdrawnIds {
  public:
    explicit WithdrawnIds(const std::unordered_set<std::string>& ids) : ids_(ids) {
        for (const auto& id : ids) filter_.set(slot(id));
    }
    bool contains(const std::string& id) const {
        return !ids_.empty() && filter_.test(slot(id)) && ids_.contains(id);
    }

  private:
    static constexpr std::size_t kFilterBits = std::size_t{1} << 16;
    // The last (up to) 8 bytes and the length, mixed: ids differ at the end.
    static std::size_t slot(std::string_view id) {
        std::uint64_t tail = 0;
        const std::size_t length = std::min<std::size_t>(id.size(), sizeof tail);
        std::memcpy(&tail, id.data() + id.size() - length, length);
        const std::uint64_t mixed = (tail ^ id.size()) * 0x9E3779B97F4A7C15ULL;
        return static_cast<std::size_t>(mixed >> 48);
    }
    const std::unordered_set<std::string>& ids_;
    std::bitset<kFilterBits> filter_;
};

struct PartFold {
    Histories histories;
    std::vector<BadLine> bad_lines;  // the first kReportedBadLines + 1
    std::size_t bad_line_count = 0;
    std::optional<Date> last_date;
    bool ends_in_torn_line = false;
};

constexpr std::string_view kTornLine =
    "incomplete last line (an interrupted write); it is ignored and the next entry starts on a "
    "new line";

void note_bad_line(PartFold& fold, std::size_t number, std::string reason) {
    if (++fold.bad_line_count <= kReportedBadLines + 1)
        fold.bad_lines.push_back({number, std::move(reason)});
}

PartFold fold_part(const fs::path& log, LogPart part, std::size_t first_line,
                   const WithdrawnIds& voided, const HistoryQuery& query) {
    PartFold fold;
    Record record;  // reused: lines in the common shape allocate nothing
    const auto on_line = [&](std::size_t number, std::string_view line, bool complete) {
        fold.ends_in_torn_line = !complete;
        try {
            parse_record_into(line, record);
        } catch (const RecordError& error) {
            return note_bad_line(fold, number, complete ? error.what() : std::string(kTornLine));
        }
        if (is_void(record) || record.date > query.today) return;
        if (query.exercise && record.exercise != *query.exercise) return;
        if (voided.contains(record.id)) return;
        fold.histories.try_emplace(record.exercise, query.kept_sessions).first->second.add(record);
        if (!fold.last_date || *fold.last_date < record.date) fold.last_date = record.date;
    };
    for_each_line_in(log, part, first_line, on_line);
    return fold;
}

// Appends a fold of the part that follows what `summary` covers.
void merge_fold(LogSummary& summary, PartFold&& fold) {
    for (auto& [id, history] : fold.histories) {
        const auto [at, inserted] = summary.histories.try_emplace(id, std::move(history));
        if (!inserted) at->second.merge(std::move(history));
    }
    for (auto& bad : fold.bad_lines)
        if (summary.bad_lines.size() <= kReportedBadLines)
            summary.bad_lines.push_back(std::move(bad));
    summary.bad_line_count += fold.bad_line_count;
    if (fold.last_date && (!summary.last_date || *summary.last_date < *fold.last_date))
        summary.last_date = fold.last_date;
    summary.ends_in_torn_line = fold.ends_in_torn_line;
}

}  // namespace

LogSummary summarize_log(const fs::path& log, const HistoryQuery& query, std::size_t part_limit) {
    if (is_stream(log)) {
        const LogSnapshot snapshot(log);  // the passes below each open the file
        return summarize_log(snapshot.path(), query, part_limit);
    }
    LogSummary summary;
    const std::vector<LogPart> parts =
        split_log(log, part_limit == 0 ? part_count(log) : part_limit);
    if (parts.empty()) return summary;
    // First the void records, which may come after the records they withdraw.
    std::vector<PartScan> scans(parts.size());
    run_parts(parts.size(), [&](std::size_t i) { scans[i] = scan_part(log, parts[i]); });
    std::vector<std::size_t> first_lines(parts.size(), 1);
    for (std::size_t i = 0; i < parts.size(); ++i) {
        summary.voided.insert(scans[i].voided.begin(), scans[i].voided.end());
        first_lines[i] = summary.lines + 1;
        summary.lines += scans[i].lines;
    }
    const WithdrawnIds withdrawn(summary.voided);
    std::vector<PartFold> folds(parts.size());
    run_parts(parts.size(), [&](std::size_t i) {
        folds[i] = fold_part(log, parts[i], first_lines[i], withdrawn, query);
    });
    for (auto& fold : folds) merge_fold(summary, std::move(fold));
    return summary;
}

bool extend_summary(LogSummary& summary, const fs::path& log, LogPart part,
                    const HistoryQuery& query) {
    PartScan scan = scan_part(log, part);
    if (!scan.voided.empty()) return false;
    merge_fold(summary,
               fold_part(log, part, summary.lines + 1, WithdrawnIds(summary.voided), query));
    summary.lines += scan.lines;
    return true;
}

void report_bad_lines(const LogSummary& summary, const LineIssueSink& on_issue) {
    std::size_t reported = 0;
    for (const auto& bad : summary.bad_lines) {
        if (reported == kReportedBadLines)
            return on_issue(bad.line, fmt::format("and {} more lines that could not be read; "
                                                  "'liftlog check' lists them all",
                                                  summary.bad_line_count - reported));
        on_issue(bad.line, bad.reason);
        ++reported;
    }
}

Histories read_histories(const fs::path& log, const HistoryQuery& query,
                         const LineIssueSink& on_issue) {
    LogSummary summary = summarize_log(log, query);
    report_bad_lines(summary, on_issue);
    return std::move(summary.histories);
}

}  // namespace liftlog
