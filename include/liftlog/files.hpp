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

namespace liftlog {

inline constexpr unsigned kPrivateFileMode = 0600;
inline constexpr unsigned kPrivateDirectoryMode = 0700;

// Creates `dir` and each missing directory on the way with kPrivateDirectoryMode;
// directories that exist are left as they are. Throws Failure naming the
// directory that could not be made and what it was `for` ("for the log").
void create_private_directories(const std::filesystem::path& dir, std::string_view purpose);

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

enum class FileKinds { regular_only, readable_streams };

struct FileRead {
    enum class Problem { none, missing, directory, not_regular, unreadable, too_large };
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

// Reads `path` as read_file_bounded does, but hands it to `consume` one
// buffer (kReadChunkBytes at most) at a time instead of keeping it, so a
// file of any size is read in that much memory. The result says what was
// wrong with the file (its content is always empty); an exception from
// `consume` ends the read and goes to the caller.
inline constexpr std::size_t kReadChunkBytes = std::size_t{64} << 10;
FileRead read_file_in_chunks(const std::filesystem::path& path, std::size_t max_bytes,
                             FileKinds kinds, const std::function<void(std::string_view)>& consume);

}  // namespace liftlog
