#pragma once
// Values that the log's door (log.hpp) and the code behind it share.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>

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
