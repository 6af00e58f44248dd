#include "liftlog/log_file.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include <fmt/format.h>

#include "liftlog/error.hpp"
#include "liftlog/files.hpp"
#include "liftlog/record_reader.hpp"

namespace liftlog {

namespace fs = std::filesystem;

namespace {

class FileDescriptor {
  public:
    explicit FileDescriptor(int fd) : fd_(fd) {}
    ~FileDescriptor() {
        if (fd_ >= 0) ::close(fd_);
    }
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    int get() const { return fd_; }

  private:
    int fd_;
};

// A failed append, and whether the log was put back as it was.
class WriteFailed : public Failure {
  public:
    WriteFailed(const std::string& message, bool restored)
        : Failure(message), restored_(restored) {}
    bool restored() const { return restored_; }

  private:
    bool restored_;
};

[[noreturn]] void fail_write(const fs::path& path, const std::string& what, int error) {
    throw WriteFailed(fmt::format("cannot write to the log {}: {}: {}; the log was left as it was",
                                  path.string(), what, std::strerror(error)),
                      true);
}

bool ends_in_torn_line(int fd, const fs::path& path, off_t size) {
    if (size == 0) return false;
    char last = '\n';
    if (::pread(fd, &last, 1, size - 1) != 1) fail_write(path, "cannot read its last byte", errno);
    return last != '\n';
}

// Puts the file back as it was, so a failed append never leaves half a
// record; when the file cannot be cut back (an append-only attribute, a
// failing disk), says exactly what remains instead.
[[noreturn]] void roll_back_and_fail(int fd, const fs::path& path, off_t old_size,
                                     const std::string& what, int error) {
    if (::ftruncate(fd, old_size) == 0) {
        ::fsync(fd);
        fail_write(path, what, error);
    }
    const int truncate_error = errno;
    struct stat status {};
    const bool size_known = ::fstat(fd, &status) == 0;
    if (size_known && status.st_size == old_size) fail_write(path, what, error);
    const std::string remains = size_known ? fmt::format("the last {} bytes (from byte {} on)",
                                                         status.st_size - old_size, old_size)
                                           : fmt::format("the bytes from byte {} on", old_size);
    throw WriteFailed(
        fmt::format("cannot write to the log {}: {}: {}; it could not be put back as it was "
                    "({}): {} are part of this write; run 'liftlog check' to see them (an "
                    "import run again adds only what is missing)",
                    path.string(), what, std::strerror(error), std::strerror(truncate_error),
                    remains),
        false);
}

void write_whole(int fd, const fs::path& path, const std::string& bytes, off_t old_size) {
    const ssize_t written = ::write(fd, bytes.data(), bytes.size());
    const int write_error = errno;
    if (written == static_cast<ssize_t>(bytes.size())) {
        if (::fsync(fd) == 0) return;
        roll_back_and_fail(fd, path, old_size, "cannot flush it to disk", errno);
    }
    if (written < 0) roll_back_and_fail(fd, path, old_size, "write failed", write_error);
    roll_back_and_fail(fd, path, old_size, "only part of the record could be written", ENOSPC);
}

// Lines are found with memchr in 1 MiB reads rather than with getline: the
// reader is the hot path of every report on a large log.
constexpr std::size_t kReadChunk = std::size_t{1} << 20;

[[noreturn]] void fail_read(const fs::path& path, int error) {
    throw Failure(fmt::format("cannot read the log {}: {}", path.string(), std::strerror(error)));
}

// The descriptors of pinned logs, by path as given: parts are read on
// several threads, hence the mutex.
std::mutex pins_mutex;
std::map<std::string, int> pins;

std::optional<int> pinned_fd(const fs::path& path) {
    const std::lock_guard lock(pins_mutex);
    const auto it = pins.find(path.string());
    if (it == pins.end()) return std::nullopt;
    return it->second;
}

// A new descriptor, with its own offset, for the pinned file itself.
int reopen_pinned(int fd) {
    return ::open(fmt::format("/proc/self/fd/{}", fd).c_str(), O_RDONLY | O_CLOEXEC);
}

int open_for_reading(const fs::path& path) {
    const auto pin = pinned_fd(path);
    const int fd = pin ? reopen_pinned(*pin) : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT) return -1;
        fail_read(path, errno);
    }
    struct stat status {};
    if (::fstat(fd, &status) == 0 && S_ISDIR(status.st_mode)) {
        ::close(fd);
        throw Failure(
            fmt::format("cannot read the log {}: it is a directory; give a file with "
                        "--log FILE",
                        path.string()));
    }
    return fd;
}

constexpr std::uint64_t kNoOffset = static_cast<std::uint64_t>(-1);

// pread at `offset`, or read() for kNoOffset; retried when a signal interrupts.
ssize_t read_at(int fd, char* into, std::size_t size, std::uint64_t offset) {
    ssize_t got = 0;
    do
        got = offset == kNoOffset ? ::read(fd, into, size)
                                  : ::pread(fd, into, size, static_cast<off_t>(offset));
    while (got < 0 && errno == EINTR);
    return got;
}

// An existing log is written through a symlink only when the user or root
// made it (a log kept in a synced folder); another user's symlink was planted
// to turn the append against some other file of the user's. A log that was
// not a symlink when looked at is opened with O_NOFOLLOW, so that one
// swapped in meanwhile is refused too.
int open_existing(const fs::path& path, int flags) {
    struct stat link {};
    if (::lstat(path.c_str(), &link) != 0) return -1;
    if (!S_ISLNK(link.st_mode)) return ::open(path.c_str(), flags | O_NOFOLLOW);
    if (link.st_uid != ::geteuid() && link.st_uid != 0)
        throw Failure(fmt::format(
            "cannot write to the log {}: it is a symbolic link that another user (uid {}) "
            "made, so it may lead to any file of yours; nothing was written: remove it, or keep "
            "your log in a directory of your own",
            path.string(), link.st_uid));
    return ::open(path.c_str(), flags);
}

// Opened for reading too, to check whether the last line was torn. A new log
// is created exclusively and then given exactly kPrivateFileMode (the umask
// may have taken bits away); an existing one keeps the mode its owner gave it.
int open_for_append(const fs::path& path) {
    constexpr int kFlags = O_RDWR | O_APPEND | O_CLOEXEC;
    // Tried again when the log vanishes between the two opens.
    for (int attempt = 0; attempt < 3; ++attempt) {
        const int created = ::open(path.c_str(), kFlags | O_CREAT | O_EXCL, kPrivateFileMode);
        if (created >= 0) {
            ::fchmod(created, kPrivateFileMode);
            return created;
        }
        if (errno != EEXIST) return -1;
        const int existing = open_existing(path, kFlags);
        if (existing >= 0 || errno != ENOENT) return existing;
    }
    return -1;
}

FileIdentity identity_of(const struct stat& status) {
    // Unsigned arithmetic: wraps (harmlessly, for an equality test) rather
    // than overflowing for times after 2262.
    const auto nanoseconds = [](const timespec& time) {
        return static_cast<std::int64_t>(static_cast<std::uint64_t>(time.tv_sec) * 1'000'000'000U +
                                         static_cast<std::uint64_t>(time.tv_nsec));
    };
    return {static_cast<std::uint64_t>(status.st_dev), static_cast<std::uint64_t>(status.st_ino),
            static_cast<std::uint64_t>(status.st_size), nanoseconds(status.st_mtim),
            nanoseconds(status.st_ctim)};
}

}  // namespace

PinnedLog::PinnedLog(const fs::path& path) : key_(path.string()) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) return;
    struct stat status {};
    // Pinned only where /proc can open it again (it can on every Linux with
    // /proc mounted); elsewhere reads go by path, as before.
    const int probe = ::fstat(fd, &status) == 0 && S_ISREG(status.st_mode) ? reopen_pinned(fd) : -1;
    if (probe < 0) {
        ::close(fd);
        return;
    }
    ::close(probe);
    const std::lock_guard lock(pins_mutex);
    if (!pins.emplace(key_, fd).second) {
        ::close(fd);  // an outer pin of the same path holds already
        return;
    }
    fd_ = fd;
}

PinnedLog::~PinnedLog() {
    if (fd_ < 0) return;
    const std::lock_guard lock(pins_mutex);
    pins.erase(key_);
    ::close(fd_);
}

namespace {

bool foreign_owner(uid_t owner) {
    return owner != ::geteuid() && owner != 0;  // root can change anything anyway
}

std::string octal_mode(mode_t mode) {
    return fmt::format("{:04o}", mode & 07777);
}

void add_file_exposure(const fs::path& log, std::vector<LogExposure>& found) {
    struct stat link {};
    if (::lstat(log.c_str(), &link) == 0 && S_ISLNK(link.st_mode) && foreign_owner(link.st_uid))
        found.push_back({log,
                         fmt::format("is a symbolic link that another user (uid {}) made, who can "
                                     "point it at another file",
                                     link.st_uid),
                         "keep your log in a directory of your own and give it with --log or "
                         "LIFTLOG_LOG"});
    struct stat file {};
    if (::stat(log.c_str(), &file) != 0 || !S_ISREG(file.st_mode)) return;
    if (foreign_owner(file.st_uid))
        found.push_back(
            {log,
             fmt::format("belongs to another user (uid {}), who can change or empty it",
                         file.st_uid),
             fmt::format("copy it to a file of your own (cp {} NEW) and give that with --log or "
                         "LIFTLOG_LOG",
                         log.string())});
    if ((file.st_mode & (S_IWGRP | S_IWOTH)) != 0)
        found.push_back({log,
                         fmt::format("can be written by other users (mode {}), who can change "
                                     "your history",
                                     octal_mode(file.st_mode)),
                         fmt::format("chmod go-w {}", log.string())});
}

// Whoever can write the directory can rename another file over the log,
// unless the sticky bit keeps them to their own files (as in /tmp).
void add_directory_exposure(const fs::path& log, std::vector<LogExposure>& found) {
    const fs::path dir = log.parent_path().empty() ? fs::path(".") : log.parent_path();
    struct stat status {};
    if (::stat(dir.c_str(), &status) != 0) return;
    if (foreign_owner(status.st_uid))
        found.push_back({dir,
                         fmt::format("holds the log {} and belongs to another user (uid {}), who "
                                     "can replace the log",
                                     log.string(), status.st_uid),
                         "keep your log in a directory of your own and give it with --log or "
                         "LIFTLOG_LOG"});
    else if ((status.st_mode & (S_IWGRP | S_IWOTH)) != 0 && (status.st_mode & S_ISVTX) == 0)
        found.push_back({dir,
                         fmt::format("holds the log {} and can be written by other users (mode "
                                     "{}), who can replace the log",
                                     log.string(), octal_mode(status.st_mode)),
                         fmt::format("chmod go-w {}", dir.string())});
}

}  // namespace

std::vector<LogExposure> log_exposure(const fs::path& log) {
    struct stat status {};
    if (::stat(log.c_str(), &status) != 0 || !S_ISREG(status.st_mode)) return {};
    std::vector<LogExposure> found;
    add_file_exposure(log, found);
    add_directory_exposure(log, found);
    return found;
}

std::optional<FileIdentity> identify_file(const fs::path& path) {
    if (const auto pin = pinned_fd(path)) {
        struct stat status {};
        if (::fstat(*pin, &status) != 0) return std::nullopt;
        return identity_of(status);
    }
    // Stat'ed first, so a FIFO is never opened (that would block, or take a
    // writer's data); then opened, so that a file that cannot be read has no
    // identity and nothing derived from it (the history cache) stands in for it.
    struct stat status {};
    if (::stat(path.c_str(), &status) != 0 || !S_ISREG(status.st_mode)) return std::nullopt;
    const FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC));
    if (fd.get() < 0 || ::fstat(fd.get(), &status) != 0 || !S_ISREG(status.st_mode))
        return std::nullopt;
    return identity_of(status);
}

bool is_stream(const fs::path& path) {
    struct stat status {};
    return ::stat(path.c_str(), &status) == 0 && !S_ISREG(status.st_mode) &&
           !S_ISDIR(status.st_mode);
}

LogSnapshot::LogSnapshot(const fs::path& stream) {
    const int raw_fd = open_for_reading(stream);
    if (raw_fd < 0) return;
    const FileDescriptor in(raw_fd);
    copy_fd_ = ::memfd_create("liftlog-log", MFD_CLOEXEC);
    if (copy_fd_ < 0) fail_read(stream, errno);
    path_ = fmt::format("/proc/self/fd/{}", copy_fd_);
    std::vector<char> buffer(kReadChunk);
    for (;;) {
        ssize_t got = 0;
        do got = ::read(in.get(), buffer.data(), buffer.size());
        while (got < 0 && errno == EINTR);
        if (got < 0) fail_read(stream, errno);
        if (got == 0) break;
        if (::write(copy_fd_, buffer.data(), static_cast<std::size_t>(got)) != got)
            fail_read(stream, errno);
    }
}

LogSnapshot::~LogSnapshot() {
    if (copy_fd_ >= 0) ::close(copy_fd_);
}

AppendResult append_line(const fs::path& path, std::string_view line) {
    return append_lines(path, std::span<const std::string_view>(&line, 1));
}

AppendResult append_lines(const fs::path& path, std::span<const std::string_view> lines,
                          std::optional<std::uint64_t> expected_size, const UnderLock& under_lock) {
    std::size_t size = 1;
    for (const auto line : lines) size += line.size() + 1;
    std::string text;
    text.reserve(size);
    for (const auto line : lines) {
        text.append(line);
        text += '\n';
    }
    return append_text(path, std::move(text), expected_size, under_lock);
}

AppendResult append_text(const fs::path& path, std::string text,
                         std::optional<std::uint64_t> expected_size, const UnderLock& under_lock) {
    create_private_directories(path.parent_path(), "for the log");
    const FileDescriptor fd(open_for_append(path));
    if (fd.get() < 0) fail_write(path, "cannot open it", errno);
    if (::flock(fd.get(), LOCK_EX) != 0) fail_write(path, "cannot lock it", errno);
    struct stat status {};
    if (::fstat(fd.get(), &status) != 0) fail_write(path, "cannot inspect it", errno);
    if (expected_size && static_cast<std::uint64_t>(status.st_size) != *expected_size)
        throw LogChangedWhileReading(
            fmt::format("{}: another liftlog wrote to the log while this one was "
                        "reading it; nothing was written; run the command again",
                        path.string()));
    if (ends_in_torn_line(fd.get(), path, status.st_size)) text.insert(text.begin(), '\n');
    if (under_lock.prepare) under_lock.prepare();
    try {
        write_whole(fd.get(), path, text, status.st_size);
    } catch (const WriteFailed& failed) {
        if (failed.restored() && under_lock.undo) under_lock.undo();
        throw;
    }
    AppendResult result{identity_of(status), {}};
    // The record is written: a failure here only leaves `after` unknown (zero),
    // which matches no file, so no cache is built on it.
    if (::fstat(fd.get(), &status) == 0) result.after = identity_of(status);
    return result;
}

namespace {

// Where the line that holds byte `offset` ends (just past its newline), or the
// end of the file.
std::uint64_t next_line_start(int fd, const fs::path& path, std::uint64_t offset,
                              std::uint64_t size) {
    std::vector<char> block(64 * 1024);
    while (offset < size) {
        const ssize_t got = read_at(fd, block.data(), block.size(), offset);
        if (got < 0) fail_read(path, errno);
        if (got == 0) break;
        if (const void* newline = std::memchr(block.data(), '\n', static_cast<std::size_t>(got)))
            return offset +
                   static_cast<std::uint64_t>(static_cast<const char*>(newline) - block.data()) + 1;
        offset += static_cast<std::uint64_t>(got);
    }
    return size;
}

}  // namespace

std::vector<LogPart> split_log(const fs::path& path, std::size_t parts) {
    const int raw_fd = open_for_reading(path);
    if (raw_fd < 0) return {};
    const FileDescriptor fd(raw_fd);
    struct stat status {};
    if (::fstat(fd.get(), &status) != 0) fail_read(path, errno);
    const auto size = static_cast<std::uint64_t>(status.st_size);
    std::vector<LogPart> split;
    std::uint64_t begin = 0;
    for (std::size_t i = 1; i <= parts && begin < size; ++i) {
        const std::uint64_t end =
            i == parts ? size : next_line_start(fd.get(), path, size / parts * i, size);
        if (end > begin) split.push_back({begin, end});
        begin = std::max(begin, end);
    }
    if (split.empty()) split.push_back({0, 0});
    return split;
}

namespace {

// Streams the lines of `part`, or with `whole_stream` everything read() gives
// until the end (a pipe has no offsets).
std::size_t read_lines(int fd, const fs::path& path, LogPart part, bool whole_stream,
                       std::size_t first_line, const LineSink& on_line) {
    std::vector<char> buffer(kReadChunk);
    std::size_t filled = 0;
    std::size_t line_number = first_line - 1;
    std::uint64_t offset = part.begin;
    for (;;) {
        std::size_t start = 0;
        while (const void* newline = std::memchr(buffer.data() + start, '\n', filled - start)) {
            const auto length = static_cast<std::size_t>(static_cast<const char*>(newline) -
                                                         (buffer.data() + start));
            ++line_number;
            if (length > 0) on_line(line_number, {buffer.data() + start, length}, true);
            start += length + 1;
        }
        // Keep the unfinished line, and make room when it fills the buffer.
        std::memmove(buffer.data(), buffer.data() + start, filled - start);
        filled -= start;
        if (filled == buffer.size()) buffer.resize(buffer.size() * 2);
        const std::size_t room = buffer.size() - filled;
        const std::size_t wanted =
            whole_stream
                ? room
                : static_cast<std::size_t>(std::min<std::uint64_t>(room, part.end - offset));
        if (wanted == 0) break;
        const ssize_t got = whole_stream ? read_at(fd, buffer.data() + filled, wanted, kNoOffset)
                                         : read_at(fd, buffer.data() + filled, wanted, offset);
        if (got < 0) fail_read(path, errno);
        if (got == 0) break;
        filled += static_cast<std::size_t>(got);
        offset += static_cast<std::uint64_t>(got);
    }
    if (filled > 0) on_line(++line_number, {buffer.data(), filled}, false);
    return line_number - (first_line - 1);
}

}  // namespace

std::size_t for_each_line_in(const fs::path& path, LogPart part, std::size_t first_line,
                             const LineSink& on_line) {
    const int raw_fd = open_for_reading(path);
    if (raw_fd < 0) return 0;
    const FileDescriptor fd(raw_fd);
    return read_lines(fd.get(), path, part, false, first_line, on_line);
}

bool for_each_line(const fs::path& path, const LineSink& on_line) {
    // One open, whatever the file is: a pipe can be read only once.
    const int raw_fd = open_for_reading(path);
    if (raw_fd < 0) return false;
    const FileDescriptor fd(raw_fd);
    struct stat status {};
    if (::fstat(fd.get(), &status) != 0) fail_read(path, errno);
    const bool regular = S_ISREG(status.st_mode);
    read_lines(fd.get(), path, {0, static_cast<std::uint64_t>(status.st_size)}, !regular, 1,
               on_line);
    return true;
}

ReadSummary read_log(const fs::path& path, const RecordSink& on_record,
                     const LineIssueSink& on_issue) {
    ReadSummary summary;
    Record record;  // reused, so that lines in the common shape allocate nothing
    summary.exists =
        for_each_line(path, [&](std::size_t number, std::string_view line, bool complete) {
            try {
                parse_record_into(line, record);
                on_record(std::move(record));
                ++summary.records;
            } catch (const RecordError& error) {
                ++summary.bad_lines;
                on_issue(number, complete ? error.what() : std::string(kTornLineSkipped));
            }
        });
    return summary;
}

}  // namespace liftlog
