#include "liftlog/log.hpp"

#include <fmt/format.h>

#include "liftlog/error.hpp"
#include "liftlog/history_cache.hpp"
#include "liftlog/import.hpp"
#include "liftlog/log_file.hpp"
#include "liftlog/log_queries.hpp"
#include "liftlog/record_reader.hpp"
#include "liftlog/record_status.hpp"

namespace liftlog {

namespace fs = std::filesystem;

namespace {

ExerciseHistory only_history(Histories&& histories, std::size_t kept_sessions) {
    if (histories.empty()) return ExerciseHistory(kept_sessions);
    return std::move(histories.begin()->second);
}

// A log that can be read only once (a pipe) is copied to memory first, for
// the readers that take two passes.
template <typename Read>
auto with_rereadable(const fs::path& log, Read read) {
    if (!is_stream(log)) return read(log);
    const LogSnapshot snapshot(log);
    return read(snapshot.path());
}

}  // namespace

Log::Log(LogLocation location, std::optional<fs::path> cache_file, Date today, Warn warn)
    : location_(std::move(location)), today_(today), warn_(std::move(warn)) {
    if (cache_file) cache_.emplace(std::move(*cache_file), warn_);
}

const fs::path& Log::path() const {
    if (!location_.path) throw UsageError(location_.unknown_because);
    return *location_.path;
}

const fs::path& Log::source() {
    const fs::path& log = path();
    if (!pin_) {
        warn_of_exposure();
        pin_ = std::make_shared<PinnedLog>(log);
    }
    return log;
}

std::vector<LogExposure> Log::take_exposure() {
    exposure_told_ = true;
    return log_exposure(path());
}

void Log::warn_of_exposure() {
    if (exposure_told_) return;
    exposure_told_ = true;
    for (const auto& exposure : log_exposure(path()))
        warn_(fmt::format("{} {}: {}", exposure.subject.string(), exposure.problem, exposure.fix));
}

HistoryCache* Log::cache() {
    return cache_ ? &*cache_ : nullptr;
}

LineIssueSink Log::issues() const {
    return [this](std::size_t line, const std::string& reason) {
        warn_(fmt::format("{}:{}: {}", path().string(), line, reason));
    };
}

void Log::append(const Record& record) {
    pin_.reset();
    last_append_ = append_line(path(), serialize_record(record));
    warn_of_exposure();
}

void Log::append_all(std::span<const Record> records, std::uint64_t size_read,
                     const UnderLock& under_lock) {
    append_all({records}, size_read, under_lock);
}

void Log::append_all(std::initializer_list<std::span<const Record>> batches,
                     std::uint64_t size_read, const UnderLock& under_lock) {
    std::size_t bytes = 1;  // for a newline after a torn last line
    std::size_t count = 0;
    for (const auto batch : batches) count += batch.size();
    if (count == 0) return;
    // Serialised twice (to measure, then to write) so the buffer is allocated once.
    for (const auto batch : batches)
        for (const auto& record : batch) bytes += serialize_record(record).size() + 1;
    std::string text;
    text.reserve(bytes);
    for (const auto batch : batches)
        for (const auto& record : batch) {
            text += serialize_record(record);
            text += '\n';
        }
    pin_.reset();
    last_append_ = append_text(path(), std::move(text), size_read, under_lock);
    warn_of_exposure();
}

Histories Log::histories(BodyWeightTimeline* body_weights) {
    const HistoryQuery query{today_, std::nullopt, ExerciseHistory::kRecentSessions};
    return read_histories_cached(source(), query, issues(), cache(), body_weights);
}

ExerciseHistory Log::history(const std::string& exercise, std::size_t kept_sessions,
                             BodyWeightTimeline* body_weights) {
    const HistoryQuery query{today_, exercise, kept_sessions};
    return only_history(read_histories_cached(source(), query, issues(), cache(), body_weights),
                        kept_sessions);
}

BodyWeightTimeline Log::body_weights() {
    // No exercise has an empty id: the read folds body weights alone, and a
    // cache leaves every exercise's line unparsed.
    const HistoryQuery query{today_, std::string(), ExerciseHistory::kRecentSessions};
    BodyWeightTimeline timeline;
    read_histories_cached(source(), query, issues(), cache(), &timeline);
    return timeline;
}

ExerciseHistory Log::history_after_append(const std::string& exercise) {
    if (!last_append_) return history(exercise);
    const HistoryQuery query{today_, exercise, ExerciseHistory::kRecentSessions};
    return only_history(
        read_histories_after_append(source(), query, issues(), cache(), *last_append_),
        ExerciseHistory::kRecentSessions);
}

void Log::for_each_counted(Order order, const RecordPredicate& wanted,
                           const CountedRecordSink& on_record) {
    const LogSummary summary =
        order == Order::date ? for_each_counted_record_by_date(source(), today_, wanted, on_record)
                             : for_each_counted_record(source(), today_, [&](const Record& record) {
                                   if (wanted(record)) on_record(record);
                               });
    name_bad_lines(summary, issues());
}

void Log::for_each_counted(const RecordPredicate& wanted, const CountedRecordSink& on_record,
                           BodyWeightTimeline& body_weights) {
    LogSummary summary = for_each_counted_record(source(), today_, [&](const Record& record) {
        if (wanted(record)) on_record(record);
    });
    name_bad_lines(summary, issues());
    body_weights = std::move(summary.body_weights);
}

bool Log::has_records_of(const std::string& exercise) {
    if (is_stream(source())) return false;
    const HistoryQuery query{today_, exercise, 0};
    return !summarize_log(source(), query).histories.empty();
}

Log::Matches Log::entries_with_id_prefix(std::string_view prefix) {
    LogSummary notes;
    // Measured first: an append that finds the log longer than this knows
    // its choice of entry may be out of date.
    const auto identity = identify_file(source());
    auto entries = with_rereadable(source(), [&](const fs::path& log) {
        const LogIndex index = index_log(log);
        const WithdrawnIds withdrawn(index.voided);
        std::vector<Entry> matches;
        const auto on_record = [&](Record&& record) {
            const RecordStatus status = record_status(record, Date::max(), withdrawn);
            if (status == RecordStatus::void_record) return;
            const bool is_withdrawn = status == RecordStatus::withdrawn;
            if (prefix.empty()) {
                if (!is_withdrawn) matches.assign(1, Entry{std::move(record), false});
            } else if (record.id.starts_with(prefix)) {
                matches.push_back({std::move(record), is_withdrawn});
            }
        };
        for_each_line(log, [&](std::size_t number, std::string_view line, bool complete) {
            Record record;
            try {
                parse_record_into(line, record);
            } catch (const RecordError& error) {
                return note_bad_line(notes.bad_lines, notes.bad_line_count, number,
                                     complete ? error.what() : std::string(kTornLineSkipped));
            }
            // A second copy of an entry is the same entry: undo sees it once.
            if (index.copies.counts(record.id, number)) on_record(std::move(record));
        });
        return matches;
    });
    name_bad_lines(notes, issues());
    return {std::move(entries), identity ? identity->size : 0};
}

namespace {

// Every line that parses as a record, bad ones skipped. A last line that
// parses although its newline is missing is a whole record (JSON cut short
// never parses); the next append completes it.
template <class OnRecord>
void for_each_parsed_record(const std::filesystem::path& source, OnRecord on_record) {
    Record record;
    for_each_line(source, [&](std::size_t, std::string_view line, bool) {
        try {
            parse_record_into(line, record);
        } catch (const RecordError&) {
            return;
        }
        on_record(record);
    });
}

}  // namespace

Log::Contents Log::ids_present() {
    Contents present;
    const auto identity = identify_file(source());
    present.size_read = identity ? identity->size : 0;
    for_each_parsed_record(source(), [&](Record& record) {
        if (record.voids) present.ids.withdrawn.insert(*record.voids);
        present.ids.ids.insert(std::move(record.id));
    });
    return present;
}

std::uint64_t record_fingerprint(const Record& record) {
    return std::hash<std::string>{}(serialize_record(record));
}

Log::Fingerprints Log::fingerprints() {
    Fingerprints found;
    const auto identity = identify_file(source());
    found.size_read = identity ? identity->size : 0;
    for_each_parsed_record(source(), [&](const Record& record) {
        found.by_id.try_emplace(record.id, record_fingerprint(record));
    });
    return found;
}

void Log::for_each_line_of_other(const fs::path& other, const LineSink& on_line) {
    if (!for_each_line(other, on_line))
        throw UsageError(
            fmt::format("{}: no such file; give a liftlog log to merge", other.string()));
}

void Log::for_each_raw_line(const LineSink& on_line) {
    for_each_line(source(), on_line);
}

}  // namespace liftlog
