#pragma once
// The log on disk: whole-line appends under a lock, and a streaming reader that
// skips lines it cannot use and says which.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "liftlog/log_types.hpp"
#include "liftlog/record.hpp"

namespace liftlog {

// nullopt when the file does not exist, is not a regular file or cannot be read.
std::optional<FileIdentity> identify_file(const std::filesystem::path& path);

// A way that someone other than the user (and root) could change the log,
// and what the user can do about it.
struct LogExposure {
    std::filesystem::path subject;  // the log, or its directory
    std::string problem;            // "can be written by other users (mode 0666), who ..."
    std::string fix;                // "chmod go-w LOG"
};
// For a log that is a regular file: a symlink to it or the file itself owned
// by another user, a mode that lets group or others write it, or a directory
// holding it that another user owns or others can write without the sticky
// bit (so they could replace the file). Empty for a pipe or a missing log.
std::vector<LogExposure> log_exposure(const std::filesystem::path& log);

// Appends `line` plus a newline with a single write() to the file opened with
// O_APPEND, under an exclusive flock, then fsync. Starts on a fresh line when
// the file ends in a torn line. Creates the file (mode 0600) and its missing
// parent directories (mode 0700). On any failure the file is truncated back
// to its previous length and a Failure is thrown; when even that fails, the
// Failure says how many bytes of the write remain, where, and what to do.
AppendResult append_line(const std::filesystem::path& path, std::string_view line);

// As append_line for several lines at once (liftlog import): one write() of
// all of them, under one lock, so that either every line is added or, on any
// failure, none (the file is truncated back to its previous length).
// With `expected_size`, nothing is written when the file's size under the lock
// differs: what the caller read before taking the lock (the ids an import
// skips as duplicates) is then out of date, and a Failure says to run again.
AppendResult append_lines(const std::filesystem::path& path,
                          std::span<const std::string_view> lines,
                          std::optional<std::uint64_t> expected_size = std::nullopt,
                          const UnderLock& under_lock = {});
// As append_lines for lines already joined, each ending in a newline: an
// import's tens of megabytes are then held once, not twice.
AppendResult append_text(const std::filesystem::path& path, std::string text,
                         std::optional<std::uint64_t> expected_size = std::nullopt,
                         const UnderLock& under_lock = {});

struct ReadSummary {
    bool exists = false;
    std::size_t records = 0;
    std::size_t bad_lines = 0;
};

using RecordSink = std::function<void(Record&&)>;
// Called with the 1-based line number and why that line was skipped.
using LineIssueSink = std::function<void(std::size_t line, const std::string& reason)>;

// Streams the non-empty lines of the log. Returns false when the file does not
// exist; throws Failure when it cannot be read.
bool for_each_line(const std::filesystem::path& path, const LineSink& on_line);

// A run of whole lines of the log: `begin` is the start of a line, `end` the
// start of another or the end of the file.
struct LogPart {
    std::uint64_t begin = 0;
    std::uint64_t end = 0;
};

// True for a path that names something other than a regular file or a
// directory: a pipe, a FIFO, /dev/stdin. Such a log can be read only once.
bool is_stream(const std::filesystem::path& path);

// A copy, in memory, of a log that can be read only once, for readers that
// make several passes. path() names the copy as long as this object lives.
class LogSnapshot {
  public:
    explicit LogSnapshot(const std::filesystem::path& stream);
    ~LogSnapshot();
    LogSnapshot(const LogSnapshot&) = delete;
    LogSnapshot& operator=(const LogSnapshot&) = delete;
    const std::filesystem::path& path() const { return path_; }

  private:
    int copy_fd_ = -1;
    std::filesystem::path path_;
};

// While it lives, every read of `path` through the functions of this file
// (identify_file, split_log, for_each_line_in, for_each_line, read_log) goes
// to the file `path` named when it was made, held open, even if another file
// is renamed into its place meanwhile: one command's reads, in parts and in
// passes, all see one file. Only a regular file is pinned. Appends still go
// to whatever `path` names, and check the size they expect.
class PinnedLog {
  public:
    explicit PinnedLog(const std::filesystem::path& path);
    ~PinnedLog();
    PinnedLog(const PinnedLog&) = delete;
    PinnedLog& operator=(const PinnedLog&) = delete;
    bool pinned() const { return fd_ >= 0; }

  private:
    std::string key_;
    int fd_ = -1;
};

// Splits the log into at most `parts` runs of whole lines of about equal size,
// covering it as it is now. A missing file has no parts.
std::vector<LogPart> split_log(const std::filesystem::path& path, std::size_t parts);

// Streams the non-empty lines of one part, numbering them from `first_line`.
// Returns how many lines the part holds, empty ones included.
std::size_t for_each_line_in(const std::filesystem::path& path, LogPart part,
                             std::size_t first_line, const LineSink& on_line);

// Reads the log line by line without loading it whole. A missing file is an
// empty log; a file that cannot be read throws Failure.
ReadSummary read_log(const std::filesystem::path& path, const RecordSink& on_record,
                     const LineIssueSink& on_issue);

}  // namespace liftlog
