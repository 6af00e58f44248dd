#pragma once
// Shared by the fault tests: running processes with a chosen environment (and,
// when the suite runs as root, as an unprivileged user), reading a log back
// through liftlog::read_log, and building log lines.
#include <sys/types.h>

#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "../e2e/support.hpp"

namespace faults {

namespace fs = std::filesystem;

// The date every fault test pins with --today.
inline const std::string kToday = "2026-11-23";

// A fresh temporary directory, removed with everything in it afterwards.
class TempDir {
  public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const fs::path& path() const { return dir_; }

  private:
    fs::path dir_;
};

// The environment the e2e harness gives the binary, rooted in `dir`.
std::map<std::string, std::string> clean_env(const fs::path& dir);

struct Exit {
    int status = -1;  // exit status, or 128 + signal
    std::string out;
    std::string err;
};

struct Spawn {
    std::vector<std::string> argv;  // argv[0] is the program path
    std::map<std::string, std::string> env;
    fs::path cwd;
    fs::path out_path;         // empty: /dev/null
    fs::path err_path;         // empty: /dev/null
    int stdin_fd = -1;         // -1: /dev/null
    int stdout_fd = -1;        // when >= 0, used instead of out_path
    std::optional<uid_t> uid;  // run as this user (and its gid) when set
};

// Starts a process and returns its pid. Throws std::runtime_error if it cannot.
pid_t start(const Spawn& spec);
// Waits for `pid` and returns its exit status, or 128 + the signal.
int wait_for(pid_t pid);

// Runs the liftlog binary with `args` in `dir` and the clean environment plus
// `extra_env`; captures stdout and stderr in files under `dir`.
Exit run_liftlog(const fs::path& dir, const std::vector<std::string>& args,
                 const std::map<std::string, std::string>& extra_env = {},
                 std::optional<uid_t> uid = std::nullopt, const std::string& tag = "run");

// The status a child uses when it could not drop to the requested user.
inline constexpr int kCannotSwitchUser = 125;

// The liftlog binary where another user can run it: the build may sit in a
// private directory (a clone in a 0700 home), so it is copied once into a
// world-readable temporary directory, removed when the tests exit.
const std::string& binary_for_other_users();

// What liftlog::read_log made of a file, with every issue it reported.
struct LogContents {
    std::size_t records = 0;
    std::size_t bad_lines = 0;
    std::vector<std::string> ids;
    std::vector<std::string> notes;  // "" for records without a note
    std::vector<std::pair<std::size_t, std::string>> issues;
};
LogContents read_back(const fs::path& log);

std::string read_file(const fs::path& path);
void write_file(const fs::path& path, const std::string& content);
using e2e::split_lines;  // a torn tail is its own entry
std::size_t count_of(const std::string& text, const std::string& needle);
bool contains(const std::string& text, const std::string& needle);

// One valid log line (no newline) for `exercise` on `date` with one set of
// `reps` at bodyweight; `extra` is spliced in before the closing brace.
std::string record_line(const std::string& id, const std::string& date, const std::string& exercise,
                        int reps, const std::string& extra = "");

}  // namespace faults
