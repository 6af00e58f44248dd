#pragma once
// The training log, and the commands' only way into it, in the spirit of
// ninja's BuildLog. Behind this door, and nowhere else: the lock and the
// whole-line appends, a log that is a pipe (read once, into memory), torn
// tails, unreadable lines (reported here, as warnings), void records, and the
// history cache.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "liftlog/history.hpp"
#include "liftlog/history_cache.hpp"
#include "liftlog/import.hpp"
#include "liftlog/log_file.hpp"
#include "liftlog/log_types.hpp"
#include "liftlog/record.hpp"

namespace liftlog {

class PinnedLog;

// Where the log lives, or why that cannot be told (no HOME and no --log). It
// is resolved with the other settings, and a command that never touches the
// log never fails for it.
struct LogLocation {
    std::optional<std::filesystem::path> path;
    std::string unknown_because;  // the usage error to give when there is no path
};

using Warn = std::function<void(const std::string& message)>;

// A hash of `record` as liftlog writes it: equal for copies of one record,
// whatever spacing or key order a copy was written in.
std::uint64_t record_fingerprint(const Record& record);

class Log {
  public:
    // `cache_file` nullopt: no history cache. Records dated after `today`
    // do not count. Unreadable lines go to `warn` as "FILE:LINE: reason".
    Log(LogLocation location, std::optional<std::filesystem::path> cache_file, Date today,
        Warn warn);

    // Throws UsageError, saying how to name a log, when there is none.
    const std::filesystem::path& path() const;

    // Appends `record` as one whole line under the lock; on any failure the
    // file is left as it was.
    void append(const Record& record);
    // Records in one write, only if the log is still `size_read` bytes long,
    // as it was when it was read (else LogChangedWhileReading, nothing
    // written); `under_lock` is done next to the write (an import's custom
    // definitions).
    void append_all(std::span<const Record> records, std::uint64_t size_read,
                    const UnderLock& under_lock = {});
    // As append_all for several runs of records, written in order in the same
    // single write (an import's voids, then its records).
    void append_all(std::initializer_list<std::span<const Record>> batches, std::uint64_t size_read,
                    const UnderLock& under_lock = {});

    // The histories of every exercise, through the cache unless it is off.
    // `body_weights`, when given, receives the body-weight timeline of the same read.
    Histories histories(BodyWeightTimeline* body_weights = nullptr);
    // One exercise's; ExerciseHistory::kAllSessions keeps every session.
    ExerciseHistory history(const std::string& exercise,
                            std::size_t kept_sessions = ExerciseHistory::kRecentSessions,
                            BodyWeightTimeline* body_weights = nullptr);
    // Every body weight logged, one per day (`liftlog weigh`).
    BodyWeightTimeline body_weights();
    // One exercise's right after append(): the cache reads only what was appended.
    ExerciseHistory history_after_append(const std::string& exercise);

    enum class Order { file, date };
    // Each record that counts and that `wanted` accepts, in file order or in
    // date order (same-day records keep their file order), in bounded memory.
    void for_each_counted(Order order, const RecordPredicate& wanted,
                          const CountedRecordSink& on_record);
    // The same in file order, with the body-weight timeline of the same read
    // in `body_weights` (weighings never reach `on_record`): a pipe is read once.
    void for_each_counted(const RecordPredicate& wanted, const CountedRecordSink& on_record,
                          BodyWeightTimeline& body_weights);
    // Whether records of exactly this exercise id count. A log that is a pipe
    // can be read only once, so it has none here.
    bool has_records_of(const std::string& exercise);

    struct Entry {
        Record record;
        bool withdrawn = false;
    };
    struct Matches {
        std::vector<Entry> entries;
        std::uint64_t size_read = 0;  // the log's size just before they were read
    };
    // Training records (whatever their date) whose id starts with `prefix`,
    // in file order; an empty prefix gives the last one not withdrawn.
    Matches entries_with_id_prefix(std::string_view prefix);

    struct Contents {
        LogContents ids;
        std::uint64_t size_read = 0;
    };
    // The ids of every line that parses as a record (a line torn by a crash
    // or damaged does not count, so an import run again writes it anew), the
    // ids that void records withdraw, and the log's size just before they
    // were read.
    Contents ids_present();

    struct Fingerprints {
        // Each id's first copy, as a hash of the record as liftlog writes it,
        // so that a copy elsewhere can be told identical or conflicting.
        std::unordered_map<std::string, std::uint64_t> by_id;
        std::uint64_t size_read = 0;  // the log's size just before they were read
    };
    Fingerprints fingerprints();

    // Every non-empty line of the file as stored, for `check`, which judges
    // each itself.
    void for_each_raw_line(const LineSink& on_line);

    // Another liftlog log (`merge`), line by line, never this one's cache.
    void for_each_line_of_other(const std::filesystem::path& other, const LineSink& on_line);

    // The ways others could change the log (log_exposure). Every command
    // that reads or writes the log warns of them once; a command that takes
    // them reports them itself (`check`), and no warning is given.
    std::vector<LogExposure> take_exposure();

  private:
    // The log, for reading: the first read pins the file it finds, and every
    // later read goes to that file, until an append (which may go to another
    // file, if one was renamed into place) lets go of it.
    const std::filesystem::path& source();
    HistoryCache* cache();
    // Warns of the log's exposure, the first time the log is read or written.
    void warn_of_exposure();
    // Reports an unreadable line as a warning naming FILE:LINE.
    std::function<void(std::size_t line, const std::string& reason)> issues() const;

    LogLocation location_;
    std::optional<HistoryCache> cache_;
    // Whether the ways others could change the log were told (or taken).
    bool exposure_told_ = false;
    Date today_;
    Warn warn_;
    std::optional<AppendResult> last_append_;
    std::shared_ptr<PinnedLog> pin_;
};

}  // namespace liftlog
