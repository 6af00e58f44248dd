#include "liftlog/log_queries.hpp"

#include <algorithm>
#include <cstring>
#include <exception>
#include <functional>
#include <map>
#include <system_error>
#include <thread>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>

#include "liftlog/record_reader.hpp"
#include "liftlog/record_status.hpp"

namespace liftlog {

namespace fs = std::filesystem;

namespace {}  // namespace

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

// For a line that starts the way every non-void record liftlog writes does,
// where its date's value starts; npos for any other line. Such a line cannot
// be a void record, whatever follows.
std::size_t training_record_date_at(std::string_view line) {
    constexpr auto npos = std::string_view::npos;
    constexpr std::string_view kStart = R"({"v":1,"id":")";
    constexpr std::string_view kTime = R"(,"time":")";
    constexpr std::string_view kDate = R"(,"date":")";
    if (!line.starts_with(kStart)) return npos;
    const auto id_end = line.find('"', kStart.size());
    if (id_end == npos || !line.substr(id_end + 1).starts_with(kTime)) return npos;
    const auto time_end = line.find('"', id_end + 1 + kTime.size());
    if (time_end == npos || !line.substr(time_end + 1).starts_with(kDate)) return npos;
    return time_end + 1 + kDate.size();
}

bool starts_as_training_record(std::string_view line) {
    return training_record_date_at(line) != std::string_view::npos;
}

// Where one id stands: its line within the part.
struct IdAt {
    std::uint64_t key = 0;
    std::size_t line = 0;
};

struct VoidAt {
    std::string target;
    std::string id;
    std::size_t line = 0;
};

struct PartScan {
    std::size_t lines = 0;
    std::vector<IdAt> ids;  // in line order
    std::vector<VoidAt> voids;
};

// The id of a line that starts the way liftlog writes every record.
std::optional<std::string_view> written_record_id(std::string_view line) {
    constexpr std::string_view kStart = R"({"v":1,"id":")";
    if (!line.starts_with(kStart)) return std::nullopt;
    const auto end = line.find('"', kStart.size());
    if (end == std::string_view::npos) return std::nullopt;
    return line.substr(kStart.size(), end - kStart.size());
}

PartScan scan_part(const fs::path& log, LogPart part) {
    PartScan scan;
    scan.lines =
        for_each_line_in(log, part, 1, [&](std::size_t number, std::string_view line, bool) {
            // A line liftlog wrote is taken for its id unparsed, which keeps this
            // pass cheap; only other lines are parsed for theirs.
            if (starts_as_training_record(line))
                if (const auto id = written_record_id(line))
                    return scan.ids.push_back({record_id_key(*id), number});
            try {
                const Record record = parse_record(line);
                scan.ids.push_back({record_id_key(record.id), number});
                if (record.voids) scan.voids.push_back({*record.voids, record.id, number});
            } catch (const RecordError&) {
                // Reported, with its line number, when the part is folded.
            }
        });
    return scan;
}

// Whether any key stands on more than one line. Sorting a copy of the keys
// is cheap next to reading the lines, and needs no table that grows with the log.
bool has_repeated_keys(const std::vector<PartScan>& scans) {
    std::vector<std::uint64_t> keys;
    std::size_t count = 0;
    for (const auto& scan : scans) count += scan.ids.size();
    keys.reserve(count);
    for (const auto& scan : scans)
        for (const auto& at : scan.ids) keys.push_back(at.key);
    std::sort(keys.begin(), keys.end());
    return std::adjacent_find(keys.begin(), keys.end()) != keys.end();
}

// Each repeated key with the first line that holds it.
FirstCopies first_copies(const std::vector<PartScan>& scans,
                         const std::vector<std::size_t>& first_lines) {
    std::vector<std::pair<std::uint64_t, std::size_t>> all;
    for (std::size_t i = 0; i < scans.size(); ++i)
        for (const auto& at : scans[i].ids) all.emplace_back(at.key, first_lines[i] + at.line - 1);
    std::sort(all.begin(), all.end());  // by key, then line: the first copy leads its run
    std::vector<std::pair<std::uint64_t, std::size_t>> firsts;
    for (std::size_t i = 0; i < all.size();) {
        std::size_t end = i + 1;
        while (end < all.size() && all[end].first == all[i].first) ++end;
        if (end - i > 1) firsts.push_back(all[i]);
        i = end;
    }
    return FirstCopies(std::move(firsts));
}

// The index of a log read in `scans`, whose parts start at `first_lines`.
LogIndex index_from_scans(const std::vector<PartScan>& scans,
                          const std::vector<std::size_t>& first_lines) {
    LogIndex index;
    if (has_repeated_keys(scans)) index.copies = first_copies(scans, first_lines);
    for (std::size_t i = 0; i < scans.size(); ++i)
        for (const auto& void_at : scans[i].voids)
            if (index.copies.counts(void_at.id, first_lines[i] + void_at.line - 1))
                index.voided.insert(void_at.target);
    return index;
}

struct PartFold {
    Histories histories;
    BodyWeightTimeline body_weights;
    std::vector<BadLine> bad_lines;  // the first kReportedBadLines + 1
    std::size_t bad_line_count = 0;
    std::optional<Date> last_date;
    bool ends_in_torn_line = false;
};

PartFold fold_part(const fs::path& log, LogPart part, std::size_t first_line,
                   const WithdrawnIds& voided, const FirstCopies& copies,
                   const HistoryQuery& query) {
    PartFold fold;
    Record record;  // reused: lines in the common shape allocate nothing
    const auto on_line = [&](std::size_t number, std::string_view line, bool complete) {
        fold.ends_in_torn_line = !complete;
        try {
            parse_record_into(line, record);
        } catch (const RecordError& error) {
            return note_bad_line(fold.bad_lines, fold.bad_line_count, number,
                                 complete ? error.what() : std::string(kTornLineSkipped));
        }
        if (!copies.counts(record.id, number)) return;
        if (!record_counts(record, query.today, voided)) return;
        if (is_body_weight(record)) {
            fold.body_weights.add(record);
        } else {
            if (query.exercise && record.exercise != *query.exercise) return;
            fold.histories.try_emplace(record.exercise, query.kept_sessions)
                .first->second.add(record);
        }
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
    summary.body_weights.merge(std::move(fold.body_weights));
    for (auto& bad : fold.bad_lines)
        if (summary.bad_lines.size() <= kReportedBadLines)
            summary.bad_lines.push_back(std::move(bad));
    summary.bad_line_count += fold.bad_line_count;
    if (fold.last_date && (!summary.last_date || *summary.last_date < *fold.last_date))
        summary.last_date = fold.last_date;
    summary.ends_in_torn_line = fold.ends_in_torn_line;
}

}  // namespace

void note_bad_line(std::vector<BadLine>& first, std::size_t& count, std::size_t number,
                   std::string reason) {
    if (++count <= kReportedBadLines + 1) first.push_back({number, std::move(reason)});
}

std::uint64_t record_id_key(std::string_view id) {
    std::uint64_t value = 0;
    if (id.size() == 16) {
        for (const char c : id) {
            if (c >= '0' && c <= '9')
                value = value << 4 | static_cast<std::uint64_t>(c - '0');
            else if (c >= 'a' && c <= 'f')
                value = value << 4 | static_cast<std::uint64_t>(c - 'a' + 10);
            else
                return std::hash<std::string_view>{}(id);
        }
        return value;
    }
    return std::hash<std::string_view>{}(id);
}

LogIndex index_log(const fs::path& log) {
    const std::vector<LogPart> parts = split_log(log, 1);
    std::vector<PartScan> scans;
    for (const LogPart part : parts) scans.push_back(scan_part(log, part));
    return index_from_scans(scans, std::vector<std::size_t>(scans.size(), 1));
}

std::unordered_set<std::string> read_voided_ids(const fs::path& log) {
    return index_log(log).voided;
}

LogSummary summarize_log(const fs::path& log, const HistoryQuery& query, std::size_t part_limit) {
    if (is_stream(log)) {
        const LogSnapshot snapshot(log);  // the passes below each open the file
        return summarize_log(snapshot.path(), query, part_limit);
    }
    LogSummary summary;
    const std::vector<LogPart> parts =
        split_log(log, part_limit == 0 ? part_count(log) : part_limit);
    if (parts.empty()) return summary;
    // First the void records, which may come after the records they withdraw,
    // and the ids that stand on several lines.
    std::vector<PartScan> scans(parts.size());
    run_parts(parts.size(), [&](std::size_t i) { scans[i] = scan_part(log, parts[i]); });
    std::vector<std::size_t> first_lines(parts.size(), 1);
    for (std::size_t i = 0; i < parts.size(); ++i) {
        first_lines[i] = summary.lines + 1;
        summary.lines += scans[i].lines;
    }
    LogIndex index = index_from_scans(scans, first_lines);
    scans.clear();
    summary.voided = std::move(index.voided);
    const WithdrawnIds withdrawn(summary.voided);
    std::vector<PartFold> folds(parts.size());
    run_parts(parts.size(), [&](std::size_t i) {
        folds[i] = fold_part(log, parts[i], first_lines[i], withdrawn, index.copies, query);
    });
    for (auto& fold : folds) merge_fold(summary, std::move(fold));
    return summary;
}

bool extend_summary(LogSummary& summary, const fs::path& log, LogPart part,
                    const HistoryQuery& query) {
    PartScan scan = scan_part(log, part);
    if (!scan.voids.empty()) return false;
    merge_fold(summary, fold_part(log, part, summary.lines + 1, WithdrawnIds(summary.voided),
                                  FirstCopies(), query));
    summary.lines += scan.lines;
    return true;
}

void name_bad_lines(const LogSummary& summary, const LineIssueSink& on_issue) {
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
                         const LineIssueSink& on_issue, BodyWeightTimeline* body_weights) {
    LogSummary summary = summarize_log(log, query);
    name_bad_lines(summary, on_issue);
    if (body_weights) *body_weights = std::move(summary.body_weights);
    return std::move(summary.histories);
}

namespace {

// The date of a line in liftlog's own shape, read without parsing the line.
std::optional<Date> training_record_date(std::string_view line) {
    const auto at = training_record_date_at(line);
    if (at == std::string_view::npos || line.size() <= at + 10 || line[at + 10] != '"')
        return std::nullopt;
    return parse_date(line.substr(at, 10));
}

// One pass over the records that count, in log order. `notes` (the first pass
// only) collects the bad lines; `skip` may turn a line away unparsed.
void read_counted_records(const fs::path& log, Date today, const WithdrawnIds& withdrawn,
                          const FirstCopies& copies, LogSummary* notes,
                          const std::function<bool(std::string_view)>& skip,
                          const CountedRecordSink& on_record) {
    Record record;  // reused: lines in the common shape allocate nothing
    for_each_line(log, [&](std::size_t number, std::string_view line, bool complete) {
        if (notes) {
            notes->lines = number;
            notes->ends_in_torn_line = !complete;
        } else if (skip && skip(line)) {
            return;
        }
        try {
            parse_record_into(line, record);
        } catch (const RecordError& error) {
            if (notes)
                note_bad_line(notes->bad_lines, notes->bad_line_count, number,
                              complete ? error.what() : std::string(kTornLineSkipped));
            return;
        }
        if (!copies.counts(record.id, number)) return;
        if (!record_counts(record, today, withdrawn)) return;
        // Body weights reach reports through the summary's timeline.
        if (is_body_weight(record)) {
            if (notes) notes->body_weights.add(record);
            return;
        }
        if (notes && (!notes->last_date || *notes->last_date < record.date))
            notes->last_date = record.date;
        on_record(record);
    });
}

// What the first pass of a date-ordered read learns: the void records, how
// many records each date has, and whether the dates already come in order.
struct DateCensus {
    std::map<Date, std::size_t> records_per_date;  // every record line, withdrawn or not
    bool in_date_order = true;
};

DateCensus take_date_census(const fs::path& log, Date today) {
    DateCensus census;
    std::optional<Date> previous;
    const auto count = [&](Date date) {
        if (date > today) return;
        if (previous && date < *previous) census.in_date_order = false;
        previous = date;
        ++census.records_per_date[date];
    };
    for_each_line(log, [&](std::size_t, std::string_view line, bool) {
        if (const auto date = training_record_date(line)) return count(*date);
        try {
            const Record record = parse_record(line);
            if (!record.voids) count(record.date);
        } catch (const RecordError&) {
            // Reported, with its line number, by the first pass over the records.
        }
    });
    return census;
}

// Runs of consecutive dates holding at most `limit` records each, or one date
// when that date alone holds more.
std::vector<std::pair<Date, Date>> date_windows(const std::map<Date, std::size_t>& counts,
                                                std::size_t limit) {
    std::vector<std::pair<Date, Date>> windows;
    std::size_t held = 0;
    for (const auto& [date, count] : counts) {
        if (windows.empty() || (held > 0 && held + count > limit)) {
            windows.emplace_back(date, date);
            held = 0;
        }
        windows.back().second = date;
        held += count;
    }
    return windows;
}

}  // namespace

LogSummary for_each_counted_record(const fs::path& log, Date today,
                                   const CountedRecordSink& on_record) {
    if (is_stream(log)) {
        const LogSnapshot snapshot(log);  // read twice: the void records first
        return for_each_counted_record(snapshot.path(), today, on_record);
    }
    LogSummary summary;
    LogIndex index = index_log(log);
    summary.voided = std::move(index.voided);
    const WithdrawnIds withdrawn(summary.voided);
    read_counted_records(log, today, withdrawn, index.copies, &summary, nullptr, on_record);
    return summary;
}

LogSummary for_each_counted_record_by_date(const fs::path& log, Date today,
                                           const RecordPredicate& wanted,
                                           const CountedRecordSink& on_record, std::size_t window) {
    if (is_stream(log)) {
        const LogSnapshot snapshot(log);
        return for_each_counted_record_by_date(snapshot.path(), today, wanted, on_record, window);
    }
    DateCensus census = take_date_census(log, today);
    LogIndex index = index_log(log);
    LogSummary summary;
    summary.voided = std::move(index.voided);
    const WithdrawnIds withdrawn(summary.voided);
    if (census.in_date_order) {
        read_counted_records(log, today, withdrawn, index.copies, &summary, nullptr,
                             [&](const Record& record) {
                                 if (wanted(record)) on_record(record);
                             });
        return summary;
    }
    bool first_pass = true;
    for (const auto& bounds : date_windows(census.records_per_date, window)) {
        // Plain copies: clang 14 (the fuzz build) cannot capture structured bindings.
        const Date first = bounds.first;
        const Date last = bounds.second;
        const auto outside = [first, last](std::string_view line) {
            const auto date = training_record_date(line);
            return date && (*date < first || *date > last);
        };
        std::vector<Record> held;
        read_counted_records(log, today, withdrawn, index.copies, first_pass ? &summary : nullptr,
                             outside, [&](const Record& record) {
                                 if (record.date < first || record.date > last) return;
                                 if (wanted(record)) held.push_back(record);
                             });
        first_pass = false;
        std::stable_sort(held.begin(), held.end(),
                         [](const Record& a, const Record& b) { return a.date < b.date; });
        for (const Record& record : held) on_record(record);
    }
    return summary;
}

}  // namespace liftlog
