#include "liftlog/files.hpp"

#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fmt/format.h>

#include "liftlog/clock.hpp"
#include "liftlog/error.hpp"

namespace liftlog {

namespace fs = std::filesystem;

namespace {

bool write_all(int fd, std::string_view content) {
    while (!content.empty()) {
        const ssize_t written = ::write(fd, content.data(), content.size());
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0) return false;
        content.remove_prefix(static_cast<std::size_t>(written));
    }
    return true;
}

void sync_directory(const fs::path& dir) {
    const int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);  // best effort: the rename is done whatever this says
    ::close(fd);
}

int move_into_place(const fs::path& from, const fs::path& to, IfExists if_exists) {
    const unsigned flags = if_exists == IfExists::refuse ? RENAME_NOREPLACE : 0;
    return ::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), flags);
}

[[noreturn]] void fail(const fs::path& path, int error) {
    throw Failure(fmt::format("cannot write {}: {}", path.string(), std::strerror(error)));
}

}  // namespace

void create_private_directories(const fs::path& dir, std::string_view purpose) {
    std::error_code error;
    if (dir.empty() || fs::is_directory(dir, error)) return;
    fs::path partial;
    for (const auto& part : dir) {
        partial /= part;
        if (::mkdir(partial.c_str(), kPrivateDirectoryMode) == 0 || errno == EEXIST) continue;
        throw Failure(fmt::format("cannot create the directory {} {}: {}", partial.string(),
                                  purpose, std::strerror(errno)));
    }
}

void write_file_atomically(const fs::path& path, std::string_view content, Durability durability,
                           IfExists if_exists) {
    const bool synced = durability == Durability::synced;
    const fs::path temporary =
        path.parent_path() /
        fmt::format(".{}.{}.tmp", path.filename().string(), random_record_id());
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                          kPrivateFileMode);
    if (fd < 0) fail(path, errno);
    const bool written = write_all(fd, content) && (!synced || ::fsync(fd) == 0);
    int error = errno;
    ::close(fd);
    if (written && move_into_place(temporary, path, if_exists) == 0) {
        if (synced) sync_directory(path.parent_path());
        return;
    }
    if (written) error = errno;
    ::unlink(temporary.c_str());
    if (error == EEXIST)
        throw Failure(fmt::format("{} exists already; it was left as it was", path.string()));
    fail(path, error);
}

namespace {

// An open file descriptor, closed however the read ends.
class OpenFile {
  public:
    explicit OpenFile(int fd) : fd_(fd) {}
    ~OpenFile() {
        if (fd_ >= 0) ::close(fd_);
    }
    OpenFile(const OpenFile&) = delete;
    OpenFile& operator=(const OpenFile&) = delete;
    int fd() const { return fd_; }

  private:
    int fd_;
};

// Opens `path` for a bounded read, or says why it cannot be read; `status`
// is the file's, for a regular file's size.
int open_for_reading(const fs::path& path, FileKinds kinds, FileRead& read, struct stat& status) {
    const int nonblocking = kinds == FileKinds::regular_only ? O_NONBLOCK : 0;
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | nonblocking);
    if (fd < 0) {
        read.problem = errno == ENOENT ? FileRead::Problem::missing : FileRead::Problem::unreadable;
        read.error = errno;
        return -1;
    }
    if (::fstat(fd, &status) != 0 || S_ISDIR(status.st_mode) ||
        (kinds == FileKinds::regular_only && !S_ISREG(status.st_mode))) {
        read.problem =
            S_ISDIR(status.st_mode) ? FileRead::Problem::directory : FileRead::Problem::not_regular;
        ::close(fd);
        return -1;
    }
    return fd;
}

// read(2) retried after a signal; -1 with `read` saying why on an error.
ssize_t read_some(int fd, char* buffer, std::size_t size, FileRead& read) {
    for (;;) {
        const ssize_t got = ::read(fd, buffer, size);
        if (got >= 0) return got;
        if (errno == EINTR) continue;
        read.problem = FileRead::Problem::unreadable;
        read.error = errno;
        return -1;
    }
}

}  // namespace

FileRead read_file_bounded(const fs::path& path, std::size_t max_bytes, FileKinds kinds) {
    FileRead read;
    struct stat status {};
    const OpenFile file(open_for_reading(path, kinds, read, status));
    if (file.fd() < 0) return read;
    // A regular file is read straight into a string of its size; anything
    // else, or a file that grows meanwhile, in chunks after that.
    std::size_t filled = 0;
    // One byte more than the size, so that the read which finds the end
    // needs no room made for it.
    if (S_ISREG(status.st_mode))
        read.content.resize(
            std::min<std::size_t>(static_cast<std::size_t>(status.st_size) + 1, max_bytes + 1));
    for (;;) {
        if (filled == read.content.size()) read.content.resize(filled + (std::size_t{1} << 16));
        const ssize_t got =
            read_some(file.fd(), read.content.data() + filled, read.content.size() - filled, read);
        if (got <= 0) break;
        filled += static_cast<std::size_t>(got);
        if (filled > max_bytes) {
            read.problem = FileRead::Problem::too_large;
            break;
        }
    }
    read.content.resize(filled);
    if (!read.ok()) read.content.clear();
    return read;
}

FileRead read_file_in_chunks(const fs::path& path, std::size_t max_bytes, FileKinds kinds,
                             const std::function<void(std::string_view)>& consume) {
    FileRead read;
    struct stat status {};
    const OpenFile file(open_for_reading(path, kinds, read, status));
    if (file.fd() < 0) return read;
    std::string buffer(kReadChunkBytes, '\0');
    std::size_t total = 0;
    for (;;) {
        const ssize_t got = read_some(file.fd(), buffer.data(), buffer.size(), read);
        if (got <= 0) break;
        total += static_cast<std::size_t>(got);
        if (total > max_bytes) {
            read.problem = FileRead::Problem::too_large;
            break;
        }
        consume(std::string_view(buffer.data(), static_cast<std::size_t>(got)));
    }
    return read;
}

}  // namespace liftlog
