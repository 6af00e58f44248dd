#include "liftlog/files.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <functional>

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

int move_into_place(int dir_fd, const std::string& from, std::string_view to, IfExists if_exists) {
    const unsigned flags = if_exists == IfExists::refuse ? RENAME_NOREPLACE : 0;
    return ::renameat2(dir_fd, from.c_str(), dir_fd, std::string(to).c_str(), flags);
}

bool owned_by_user(const struct stat& status) {
    return status.st_uid == ::geteuid();
}

bool others_can_write(const struct stat& status) {
    return (status.st_mode & (S_IWGRP | S_IWOTH)) != 0;
}

// Exactly 0700 for a directory this run made: mkdir's mode passes through the
// umask, which could take away the user's own bits too (so the directory may
// not even be readable yet). Never through a symlink, in case someone
// replaced the directory in the meantime.
void make_exactly_private(const fs::path& dir) {
    ::fchmodat(AT_FDCWD, dir.c_str(), kPrivateDirectoryMode, AT_SYMLINK_NOFOLLOW);
}

// Thrown for a symlink planted on the way to a directory liftlog writes.
class PlantedSymlink : public Failure {
  public:
    using Failure::Failure;
};

// A symlink that another user (not root, who owns the system's own links)
// made on the way to a directory liftlog writes was planted to redirect it.
void refuse_foreign_symlink(const fs::path& partial, const fs::path& dir,
                            std::string_view purpose) {
    struct stat status {};
    if (::lstat(partial.c_str(), &status) != 0 || !S_ISLNK(status.st_mode)) return;
    if (owned_by_user(status) || status.st_uid == 0) return;
    throw PlantedSymlink(fmt::format(
        "cannot use the directory {}{}: {} is a symbolic link that another user (uid {}) "
        "made, so it may lead anywhere; liftlog does not follow it: remove it, or choose a "
        "directory of your own",
        dir.string(), purpose.empty() ? "" : " " + std::string(purpose), partial.string(),
        status.st_uid));
}

std::string octal_mode(const struct stat& status) {
    return fmt::format("{:04o}", status.st_mode & 07777);
}

// Why a directory that could not be opened as one is not trusted: a symlink,
// or a directory of someone else's that this user may not enter. Empty when
// it is neither (missing, a file, a disk error): then nothing is wrong that
// the user should be warned about.
std::string distrust_of_unopened(const fs::path& dir) {
    struct stat status {};
    if (::lstat(dir.c_str(), &status) != 0) return "";
    if (S_ISLNK(status.st_mode))
        return fmt::format(
            "{} is a symbolic link{}, so it may lead anywhere; remove it (rm {}) and liftlog "
            "makes a private directory there",
            dir.string(),
            owned_by_user(status) ? ""
                                  : fmt::format(" that another user (uid {}) made", status.st_uid),
            dir.string());
    if (S_ISDIR(status.st_mode) && !owned_by_user(status))
        return fmt::format(
            "{} belongs to another user (uid {}); remove it (or have its owner remove it) and "
            "liftlog makes a private directory there",
            dir.string(), status.st_uid);
    return "";
}

std::string distrust_of(const fs::path& dir, const struct stat& status) {
    if (!owned_by_user(status))
        return fmt::format(
            "{} belongs to another user (uid {}), who could change what is in it; remove it "
            "(or have its owner remove it) and liftlog makes a private directory there",
            dir.string(), status.st_uid);
    if (others_can_write(status))
        return fmt::format(
            "{} can be written by other users (mode {}), who could plant files in it; make it "
            "private with: chmod go-w {}",
            dir.string(), octal_mode(status), dir.string());
    return "";
}

bool all_of_class(std::string_view text, int (*in_class)(int)) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [in_class](char c) {
        return in_class(static_cast<unsigned char>(c)) != 0;
    });
}

// Whether `entry` is a temporary file for a NAME that starts with `prefix`:
// ".NAME.HEX.tmp" (16 hex digits) as temporary_name_for names them, or
// "NAME.PID.tmp" as liftlog named them before its names were random.
bool is_temporary_name(std::string_view entry, std::string_view prefix) {
    constexpr std::string_view kSuffix = ".tmp";
    constexpr std::size_t kRandomDigits = 16;
    if (!entry.ends_with(kSuffix)) return false;
    const bool hidden = entry.starts_with('.');
    if (hidden) entry.remove_prefix(1);
    entry.remove_suffix(kSuffix.size());
    const auto dot = entry.rfind('.');
    if (dot == std::string_view::npos) return false;
    const std::string_view tag = entry.substr(dot + 1);
    const bool tagged = hidden ? tag.size() == kRandomDigits && all_of_class(tag, std::isxdigit)
                               : all_of_class(tag, std::isdigit);
    return tagged && entry.substr(0, dot).starts_with(prefix);
}

[[noreturn]] void fail(const fs::path& path, int error) {
    throw Failure(fmt::format("cannot write {}: {}", path.string(), std::strerror(error)));
}

}  // namespace

UniqueFd::~UniqueFd() {
    if (fd_ >= 0) ::close(fd_);
}

UniqueFd& UniqueFd::operator=(UniqueFd&& other) noexcept {
    if (this != &other) {
        if (fd_ >= 0) ::close(fd_);
        fd_ = other.release();
    }
    return *this;
}

void create_private_directories(const fs::path& dir, std::string_view purpose) {
    if (dir.empty()) return;
    fs::path partial;
    for (const auto& part : dir) {
        partial /= part;
        if (::mkdir(partial.c_str(), kPrivateDirectoryMode) == 0) {
            make_exactly_private(partial);
            continue;
        }
        const int error = errno;
        std::error_code ignored;
        // A directory that exists may still give EACCES (a parent this user
        // cannot write, such as /home), rather than EEXIST.
        if (error == EEXIST || fs::is_directory(partial, ignored)) {
            refuse_foreign_symlink(partial, dir, purpose);
            continue;
        }
        errno = error;
        throw Failure(fmt::format("cannot create the directory {} {}: {}", partial.string(),
                                  purpose, std::strerror(errno)));
    }
}

PrivateDirectory open_private_directory(const fs::path& dir, bool create) {
    if (create) {
        try {
            create_private_directories(dir, "");
        } catch (const PlantedSymlink& planted) {
            return {UniqueFd(), planted.what()};
        } catch (const Failure&) {
            // Not made: told apart below from a directory that is there.
        }
    }
    UniqueFd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!fd.valid()) return {UniqueFd(), distrust_of_unopened(dir)};
    struct stat status {};
    if (::fstat(fd.get(), &status) != 0) return {UniqueFd(), ""};
    std::string distrust = distrust_of(dir, status);
    if (!distrust.empty()) return {UniqueFd(), std::move(distrust)};
    return {std::move(fd), ""};
}

std::string temporary_name_for(std::string_view name, std::string_view random) {
    return fmt::format(".{}.{}.tmp", name, random);
}

void write_file_atomically(const fs::path& path, std::string_view content, Durability durability,
                           IfExists if_exists) {
    const fs::path parent = path.parent_path();
    const UniqueFd dir(
        ::open(parent.empty() ? "." : parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!dir.valid()) fail(path, errno);
    write_file_atomically_at(dir.get(), path, path.filename().string(), content, durability,
                             if_exists);
}

void write_file_atomically_at(int dir_fd, const fs::path& path, std::string_view name,
                              std::string_view content, Durability durability, IfExists if_exists) {
    const bool synced = durability == Durability::synced;
    const std::string temporary = temporary_name_for(name, random_record_id());
    const UniqueFd fd(::openat(dir_fd, temporary.c_str(),
                               O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                               kPrivateFileMode));
    if (!fd.valid()) fail(path, errno);
    // The umask may have taken bits away; the mode is exactly 0600 all the same.
    const bool written = ::fchmod(fd.get(), kPrivateFileMode) == 0 &&
                         write_all(fd.get(), content) && (!synced || ::fsync(fd.get()) == 0);
    int error = errno;
    if (written && move_into_place(dir_fd, temporary, name, if_exists) == 0) {
        if (synced) ::fsync(dir_fd);  // best effort: the rename is done whatever this says
        return;
    }
    if (written) error = errno;
    ::unlinkat(dir_fd, temporary.c_str(), 0);
    if (error == EEXIST)
        throw Failure(fmt::format("{} exists already; it was left as it was", path.string()));
    fail(path, error);
}

void remove_orphaned_temporaries(int dir_fd, std::string_view prefix, long minimum_age_seconds) {
    const int listing_fd = ::dup(dir_fd);  // closedir closes it, not the caller's
    if (listing_fd < 0) return;
    DIR* listing = ::fdopendir(listing_fd);
    if (!listing) {
        ::close(listing_fd);
        return;
    }
    ::rewinddir(listing);
    timespec now{};
    ::clock_gettime(CLOCK_REALTIME, &now);
    while (const dirent* entry = ::readdir(listing)) {
        if (!is_temporary_name(entry->d_name, prefix)) continue;
        struct stat status {};
        if (::fstatat(dir_fd, entry->d_name, &status, AT_SYMLINK_NOFOLLOW) != 0) continue;
        if (!S_ISREG(status.st_mode) || !owned_by_user(status)) continue;
        if (now.tv_sec - status.st_mtim.tv_sec < minimum_age_seconds) continue;
        ::unlinkat(dir_fd, entry->d_name, 0);
    }
    ::closedir(listing);
}

namespace {

FileRead failed_open() {
    FileRead read;
    read.problem = errno == ENOENT ? FileRead::Problem::missing : FileRead::Problem::unreadable;
    read.error = errno;
    return read;
}

FileRead failed_stat(int error) {
    FileRead read;
    read.problem = FileRead::Problem::unreadable;
    read.error = error;
    return read;
}

// What `kinds` refuses in a file of this `status`, or Problem::none.
FileRead::Problem kind_problem(const struct stat& status, FileKinds kinds) {
    if (S_ISDIR(status.st_mode)) return FileRead::Problem::directory;
    if (kinds == FileKinds::regular_only && !S_ISREG(status.st_mode))
        return FileRead::Problem::not_regular;
    return FileRead::Problem::none;
}

// read(2) retried after a signal; -1, with `read` saying why, on an error.
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

// `path` opened for a bounded read, without blocking for regular_only so a
// FIFO cannot hang; an invalid descriptor, with `read` saying why, otherwise.
UniqueFd open_for_bounded_read(const fs::path& path, FileKinds kinds, struct stat& status,
                               FileRead& read) {
    const int nonblocking = kinds == FileKinds::regular_only ? O_NONBLOCK : 0;
    UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | nonblocking));
    if (!fd.valid()) {
        read = failed_open();
        return fd;
    }
    if (::fstat(fd.get(), &status) != 0) {
        read = failed_stat(errno);
        return UniqueFd();
    }
    return fd;
}

// Reads the open `fd` (closing it) into `read`, refusing what `kinds` does not
// allow.
FileRead read_open_file(UniqueFd fd, const struct stat& status, std::size_t max_bytes,
                        FileKinds kinds) {
    FileRead read;
    read.problem = kind_problem(status, kinds);
    if (!read.ok()) return read;
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
            read_some(fd.get(), read.content.data() + filled, read.content.size() - filled, read);
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

}  // namespace

FileRead read_file_bounded(const fs::path& path, std::size_t max_bytes, FileKinds kinds) {
    FileRead read;
    struct stat status {};
    UniqueFd fd = open_for_bounded_read(path, kinds, status, read);
    if (!fd.valid()) return read;
    return read_open_file(std::move(fd), status, max_bytes, kinds);
}

FileRead read_file_in_chunks(const fs::path& path, std::size_t max_bytes, FileKinds kinds,
                             const std::function<void(std::string_view)>& consume) {
    FileRead read;
    struct stat status {};
    const UniqueFd fd = open_for_bounded_read(path, kinds, status, read);
    if (!fd.valid()) return read;
    read.problem = kind_problem(status, kinds);
    if (!read.ok()) return read;
    std::string buffer(kReadChunkBytes, '\0');
    std::size_t total = 0;
    for (;;) {
        const ssize_t got = read_some(fd.get(), buffer.data(), buffer.size(), read);
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

FileRead read_private_file_at(int dir_fd, std::string_view name, std::size_t max_bytes) {
    UniqueFd fd(::openat(dir_fd, std::string(name).c_str(),
                         O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
    if (!fd.valid()) {
        if (errno != ELOOP) return failed_open();
        FileRead symlink;
        symlink.problem = FileRead::Problem::not_private;
        return symlink;
    }
    struct stat status {};
    if (::fstat(fd.get(), &status) != 0) return failed_stat(errno);
    if (S_ISREG(status.st_mode) &&
        (!owned_by_user(status) || (status.st_mode & 07777) != kPrivateFileMode)) {
        FileRead foreign;
        foreign.problem = FileRead::Problem::not_private;
        return foreign;
    }
    return read_open_file(std::move(fd), status, max_bytes, FileKinds::regular_only);
}

}  // namespace liftlog
