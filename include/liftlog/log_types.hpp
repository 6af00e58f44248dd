#pragma once
// Values that the log's door (log.hpp) and the code behind it share.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>

#include "liftlog/error.hpp"
#include "liftlog/record.hpp"

namespace liftlog {

// What stat says about a file: equal identities mean an unchanged file, as
// far as the file system can tell (make and git rely on the same).
struct FileIdentity {
    std::uint64_t device = 0;
    std::uint64_t inode = 0;
    std::uint64_t size = 0;
    std::int64_t modified_ns = 0;
    std::int64_t changed_ns = 0;
    friend bool operator==(const FileIdentity&, const FileIdentity&) = default;
};

// The log just before and just after an append, both taken under the lock.
struct AppendResult {
    FileIdentity before;
    FileIdentity after;
};

// An append that expected the log at the size it had when it was read, and
// found that another liftlog had written in between: nothing was written.
class LogChangedWhileReading : public Failure {
  public:
    using Failure::Failure;
};

// Work that must be done under the log's lock, next to an append: an
// import's custom definitions, which another import must not see half made
// nor take away. `prepare` runs once the lock is held and the log's size is
// checked, before anything is written; `undo`, still under the lock, only
// when the write failed and the log was put back as it was. Files that
// records in the log need are never undone.
struct UnderLock {
    std::function<void()> prepare;
    std::function<void()> undo;
};

// Called with the 1-based line number, the line without its newline, and
// whether it had one (only the last line of a torn write lacks it).
using LineSink = std::function<void(std::size_t number, std::string_view line, bool complete)>;

// The records that count, one by one (record_status.hpp says which).
using CountedRecordSink = std::function<void(const Record&)>;
using RecordPredicate = std::function<bool(const Record&)>;

// How an interrupted write shows in the log: its last line has no newline.
inline constexpr std::string_view kTornLine = "incomplete last line";
// The same as a report names a line it skipped.
inline constexpr std::string_view kTornLineSkipped =
    "incomplete last line (an interrupted write); it is ignored and the next entry starts on a "
    "new line";

}  // namespace liftlog
