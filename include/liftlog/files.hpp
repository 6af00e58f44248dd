#pragma once
// Whole files that liftlog writes and reads beside its log: the history
// cache, an import's custom definitions, the definition files, exports and
// the config. The log itself is never written this way: it only grows, one
// locked append at a time (log_file.hpp).
//
// Mode policy: every file liftlog creates is private to the user (0600) and
// every directory it creates is 0700; the umask can only take bits away.
#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace liftlog {

inline constexpr unsigned kPrivateFileMode = 0600;
inline constexpr unsigned kPrivateDirectoryMode = 0700;

// Creates `dir` and each missing directory on the way with exactly
// kPrivateDirectoryMode, whatever the umask; directories that exist are left
// as they are. A symlink on the way is followed only when the user or root
// owns it: one owned by anyone else was planted by them. Throws Failure naming
// the directory that could not be made and what it was `for` ("for the log").
void create_private_directories(const std::filesystem::path& dir, std::string_view purpose);

// A file descriptor, closed when it goes out of scope.
class UniqueFd {
  public:
    UniqueFd() = default;
    explicit UniqueFd(int fd) : fd_(fd) {}
    ~UniqueFd();
    UniqueFd(UniqueFd&& other) noexcept : fd_(other.release()) {}
    UniqueFd& operator=(UniqueFd&& other) noexcept;
    UniqueFd(const UniqueFd&) = delete;
    UniqueFd& operator=(const UniqueFd&) = delete;
    int get() const { return fd_; }
    bool valid() const { return fd_ >= 0; }
    int release() { return std::exchange(fd_, -1); }

  private:
    int fd_ = -1;
};

// A directory that only the user can change, opened without following a
// symlink at its last component, so that the files in it can be reached
// through the descriptor alone (openat, renameat) and nobody who can rename
// things around it can redirect them.
struct PrivateDirectory {
    UniqueFd fd;           // valid when the directory can be trusted
    std::string distrust;  // why it cannot be, and the fix; empty when it could
                           // merely not be made or opened (a read-only disk)
};
// Opens `dir`, made first with create_private_directories when `create` is
// set. Trusted only when it is a directory, not a symlink, owned by the user,
// and neither its group nor others can write it.
PrivateDirectory open_private_directory(const std::filesystem::path& dir, bool create);

enum class IfExists { replace, refuse };
// What the file would cost to lose in a crash: `synced` files hold something
// only they hold (a custom definition), and are flushed to disk with their
// directory before this returns; a `disposable` file can be rebuilt from the
// log (the history cache), so no command waits for the disk on its account.
enum class Durability { synced, disposable };

// Writes `content` to `path` whole or not at all: into a new temporary file
// beside it (created exclusively, so a planted file or symlink is never
// followed), then renamed into place. With IfExists::refuse an existing
// `path` is left alone and the write fails. Throws Failure naming `path`;
// the temporary file is gone either way.
void write_file_atomically(const std::filesystem::path& path, std::string_view content,
                           Durability durability, IfExists if_exists = IfExists::replace);
// The same inside the directory open as `dir_fd`; `path` (that directory and
// `name`) only names the file in messages.
void write_file_atomically_at(int dir_fd, const std::filesystem::path& path, std::string_view name,
                              std::string_view content, Durability durability,
                              IfExists if_exists = IfExists::replace);

// The name every temporary file written for `name` has, with the 16 hex digits
// of `random` in it: unguessable, so nobody can plant a file or symlink there.
std::string temporary_name_for(std::string_view name, std::string_view random);
// Removes the temporary files that runs killed mid-write left in `dir_fd`:
// regular files owned by the user, named as temporary_name_for names them (or
// "NAME.PID.tmp", as older versions of liftlog did) with a `name` that starts
// with `prefix`, and older than `minimum_age_seconds` (a younger one may be
// another run's, still being written).
void remove_orphaned_temporaries(int dir_fd, std::string_view prefix, long minimum_age_seconds);

enum class FileKinds { regular_only, readable_streams };

struct FileRead {
    enum class Problem {
        none,
        missing,
        directory,
        not_regular,
        not_private,
        unreadable,
        too_large
    };
    std::string content;
    Problem problem = Problem::none;
    int error = 0;  // errno, for unreadable
    bool ok() const { return problem == Problem::none; }
};

// The bytes of `path`, at most `max_bytes`. With FileKinds::regular_only the
// file is opened without blocking and anything but a regular file is refused,
// so a FIFO put where a file belongs cannot hang a command; readable_streams
// also reads pipes such as /dev/stdin. Never throws for a bad file: the
// caller says what was wrong, in its own words.
FileRead read_file_bounded(const std::filesystem::path& path, std::size_t max_bytes,
                           FileKinds kinds = FileKinds::regular_only);
// `name` inside the directory open as `dir_fd`, read only when it is a
// regular file (never through a symlink) that the user owns with mode
// kPrivateFileMode exactly; anything else is Problem::not_private.
FileRead read_private_file_at(int dir_fd, std::string_view name, std::size_t max_bytes);

// Reads `path` as read_file_bounded does, but hands it to `consume` one
// buffer (kReadChunkBytes at most) at a time instead of keeping it, so a
// file of any size is read in that much memory. The result says what was
// wrong with the file (its content is always empty); an exception from
// `consume` ends the read and goes to the caller.
inline constexpr std::size_t kReadChunkBytes = std::size_t{64} << 10;
FileRead read_file_in_chunks(const std::filesystem::path& path, std::size_t max_bytes,
                             FileKinds kinds, const std::function<void(std::string_view)>& consume);

}  // namespace liftlog
