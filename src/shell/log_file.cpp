#include "liftlog/log_file.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include <fmt/format.h>

#include "liftlog/error.hpp"

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

[[noreturn]] void fail_write(const fs::path& path, const std::string& what, int error) {
    throw Failure(fmt::format("cannot write to the log {}: {}: {}; the log was left as it was",
                              path.string(), what, std::strerror(error)));
}

// Creates each missing directory on the way with mode 0700 (the log is private;
// the umask can only take bits away from that).
void create_parent_directories(const fs::path& path) {
    const fs::path parent = path.parent_path();
    if (parent.empty() || fs::exists(parent)) return;
    fs::path partial;
    for (const auto& part : parent) {
        partial /= part;
        if (::mkdir(partial.c_str(), 0700) == 0 || errno == EEXIST) continue;
        throw Failure(fmt::format("cannot create the directory {} for the log: {}",
                                  partial.string(), std::strerror(errno)));
    }
}

bool ends_in_torn_line(int fd, const fs::path& path, off_t size) {
    if (size == 0) return false;
    char last = '\n';
    if (::pread(fd, &last, 1, size - 1) != 1) fail_write(path, "cannot read its last byte", errno);
    return last != '\n';
}

// Puts the file back as it was, so a failed append never leaves half a record.
void roll_back(int fd, off_t old_size) {
    if (::ftruncate(fd, old_size) == 0) ::fsync(fd);
}

void write_whole(int fd, const fs::path& path, const std::string& bytes, off_t old_size) {
    const ssize_t written = ::write(fd, bytes.data(), bytes.size());
    const int write_error = errno;
    if (written == static_cast<ssize_t>(bytes.size())) {
        if (::fsync(fd) == 0) return;
        const int sync_error = errno;
        roll_back(fd, old_size);
        fail_write(path, "cannot flush it to disk", sync_error);
    }
    roll_back(fd, old_size);
    if (written < 0) fail_write(path, "write failed", write_error);
    fail_write(path, "only part of the record could be written", ENOSPC);
}

// Owns the buffer POSIX getline grows, so it is freed on every path.
struct LineBuffer {
    char* data = nullptr;
    std::size_t capacity = 0;
    LineBuffer() = default;
    LineBuffer(const LineBuffer&) = delete;
    LineBuffer& operator=(const LineBuffer&) = delete;
    ~LineBuffer() { std::free(data); }
};

}  // namespace

void append_line(const fs::path& path, std::string_view line) {
    create_parent_directories(path);
    // Opened for reading too, to check whether the last line was torn.
    const FileDescriptor fd(::open(path.c_str(), O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0600));
    if (fd.get() < 0) fail_write(path, "cannot open it", errno);
    if (::flock(fd.get(), LOCK_EX) != 0) fail_write(path, "cannot lock it", errno);
    struct stat status {};
    if (::fstat(fd.get(), &status) != 0) fail_write(path, "cannot inspect it", errno);
    std::string bytes;
    bytes.reserve(line.size() + 2);
    if (ends_in_torn_line(fd.get(), path, status.st_size)) bytes += '\n';
    bytes.append(line);
    bytes += '\n';
    write_whole(fd.get(), path, bytes, status.st_size);
}

bool for_each_line(const fs::path& path, const LineSink& on_line) {
    std::error_code ignored;
    if (fs::is_directory(path, ignored))
        throw Failure(
            fmt::format("cannot read the log {}: it is a directory; give a file with "
                        "--log FILE",
                        path.string()));
    std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(path.c_str(), "re"), &std::fclose);
    if (!file) {
        if (errno == ENOENT) return false;
        throw Failure(
            fmt::format("cannot read the log {}: {}", path.string(), std::strerror(errno)));
    }
    LineBuffer buffer;
    std::size_t line_number = 0;
    ssize_t length = 0;
    while ((length = ::getline(&buffer.data, &buffer.capacity, file.get())) >= 0) {
        ++line_number;
        std::string_view line(buffer.data, static_cast<std::size_t>(length));
        const bool complete = line.ends_with('\n');
        if (complete) line.remove_suffix(1);
        if (!line.empty()) on_line(line_number, line, complete);
    }
    if (std::ferror(file.get()))
        throw Failure(
            fmt::format("cannot read the log {}: {}", path.string(), std::strerror(errno)));
    return true;
}

ReadSummary read_log(const fs::path& path, const RecordSink& on_record,
                     const LineIssueSink& on_issue) {
    ReadSummary summary;
    summary.exists = for_each_line(path, [&](std::size_t number, std::string_view line,
                                             bool complete) {
        try {
            on_record(parse_record(line));
            ++summary.records;
        } catch (const RecordError& error) {
            ++summary.bad_lines;
            on_issue(number, complete ? error.what()
                                      : "incomplete last line (an interrupted write); "
                                        "it is ignored and the next entry starts on a new line");
        }
    });
    return summary;
}

}  // namespace liftlog
