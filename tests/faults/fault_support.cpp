#include "fault_support.hpp"

#include <fcntl.h>
#include <grp.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "liftlog/log_file.hpp"
#include "liftlog/record.hpp"

namespace faults {

TempDir::TempDir() {
    std::string pattern = (fs::temp_directory_path() / "liftlog-faults-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    dir_ = pattern;
}

TempDir::~TempDir() {
    std::error_code ignored;
    // Undo any chmod a test made, so that everything can be removed.
    for (auto it = fs::recursive_directory_iterator(dir_, ignored);
         it != fs::recursive_directory_iterator(); it.increment(ignored)) {
        if (it->is_directory(ignored) && !it->is_symlink(ignored))
            fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ignored);
    }
    fs::remove_all(dir_, ignored);
    fs::remove_all(fs::path(dir_.string() + ".out"), ignored);  // see run_liftlog
}

const std::string& binary_for_other_users() {
    static const std::string copy = [] {
        std::string pattern = (fs::temp_directory_path() / "liftlog-faults-bin-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
        const fs::path dir = pattern;
        fs::permissions(dir, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                 fs::perms::others_read | fs::perms::others_exec);
        const fs::path binary = dir / "liftlog";
        fs::copy_file(LIFTLOG_BINARY, binary);
        fs::permissions(binary, fs::perms::owner_all | fs::perms::group_read |
                                    fs::perms::group_exec | fs::perms::others_read |
                                    fs::perms::others_exec);
        static const struct Remover {
            fs::path dir;
            ~Remover() {
                std::error_code ignored;
                fs::remove_all(dir, ignored);
            }
        } remover{dir};
        return binary.string();
    }();
    return copy;
}

std::map<std::string, std::string> clean_env(const fs::path& dir) {
    return {{"HOME", (dir / "home").string()},
            {"XDG_DATA_HOME", (dir / "data").string()},
            {"XDG_CONFIG_HOME", (dir / "config").string()},
            {"TZ", "UTC"},
            {"LC_ALL", "C.UTF-8"},
            {"PATH", "/usr/bin:/bin"}};
}

namespace {

int open_or_throw(const fs::path& path, int flags) {
    const int fd = ::open(path.empty() ? "/dev/null" : path.c_str(), flags | O_CLOEXEC, 0600);
    if (fd < 0) throw std::runtime_error("cannot open " + path.string());
    return fd;
}

}  // namespace

pid_t start(const Spawn& spec) {
    // Everything is prepared before fork: the child only moves descriptors,
    // switches user and execs, which is safe even with other threads running.
    std::vector<std::string> argv_storage = spec.argv;
    std::vector<char*> argv;
    for (auto& arg : argv_storage) argv.push_back(arg.data());
    argv.push_back(nullptr);
    std::vector<std::string> env_storage;
    for (const auto& [name, value] : spec.env)
        if (!value.empty()) env_storage.push_back(name + "=" + value);
    std::vector<char*> envp;
    for (auto& entry : env_storage) envp.push_back(entry.data());
    envp.push_back(nullptr);

    const int in = spec.stdin_fd >= 0 ? spec.stdin_fd : open_or_throw({}, O_RDONLY);
    const int out = spec.stdout_fd >= 0
                        ? spec.stdout_fd
                        : open_or_throw(spec.out_path, O_WRONLY | O_CREAT | O_TRUNC);
    const int err = open_or_throw(spec.err_path, O_WRONLY | O_CREAT | O_TRUNC);
    const std::string cwd = spec.cwd.empty() ? std::string("/") : spec.cwd.string();
    const bool switch_user = spec.uid.has_value();
    const uid_t uid = spec.uid.value_or(0);

    if (!switch_user) {
        // posix_spawn is much cheaper than fork for the hundreds of runs some tests make.
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, in, 0);
        posix_spawn_file_actions_adddup2(&actions, out, 1);
        posix_spawn_file_actions_adddup2(&actions, err, 2);
        posix_spawn_file_actions_addchdir_np(&actions, cwd.c_str());
        pid_t spawned = -1;
        const int failed =
            posix_spawn(&spawned, argv[0], &actions, nullptr, argv.data(), envp.data());
        posix_spawn_file_actions_destroy(&actions);
        if (spec.stdin_fd < 0) ::close(in);
        if (spec.stdout_fd < 0) ::close(out);
        ::close(err);
        if (failed != 0) throw std::runtime_error("cannot start " + spec.argv[0]);
        return spawned;
    }
    const pid_t pid = ::fork();
    if (pid == 0) {
        if (::dup2(in, 0) < 0 || ::dup2(out, 1) < 0 || ::dup2(err, 2) < 0) ::_exit(127);
        if (::chdir(cwd.c_str()) != 0) ::_exit(127);
        if (switch_user) {
            if (::setgroups(0, nullptr) != 0 || ::setgid(uid) != 0 || ::setuid(uid) != 0 ||
                ::geteuid() != uid)
                ::_exit(kCannotSwitchUser);
        }
        ::execve(argv[0], argv.data(), envp.data());
        ::_exit(127);
    }
    if (spec.stdin_fd < 0) ::close(in);
    if (spec.stdout_fd < 0) ::close(out);
    ::close(err);
    if (pid < 0) throw std::runtime_error("fork failed");
    return pid;
}

int wait_for(pid_t pid) {
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

Exit run_liftlog(const fs::path& dir, const std::vector<std::string>& args,
                 const std::map<std::string, std::string>& extra_env, std::optional<uid_t> uid,
                 const std::string& tag) {
    Spawn spec;
    spec.argv = {uid ? binary_for_other_users() : std::string(LIFTLOG_BINARY)};
    spec.argv.insert(spec.argv.end(), args.begin(), args.end());
    spec.env = clean_env(dir);
    for (const auto& [name, value] : extra_env) spec.env[name] = value;
    spec.cwd = dir;
    // Kept outside `dir` so that a test's chmod or chown of it cannot get in the way.
    const fs::path outputs = fs::path(dir.string() + ".out");
    std::error_code ignored;
    fs::create_directories(outputs, ignored);  // several threads may race to create it
    spec.out_path = outputs / (tag + ".stdout");
    spec.err_path = outputs / (tag + ".stderr");
    spec.uid = uid;
    Exit result;
    result.status = wait_for(start(spec));
    result.out = read_file(spec.out_path);
    result.err = read_file(spec.err_path);
    return result;
}

LogContents read_back(const fs::path& log) {
    LogContents contents;
    const auto summary = liftlog::read_log(
        log,
        [&](liftlog::Record&& record) {
            contents.ids.push_back(record.id);
            contents.notes.push_back(record.note.value_or(""));
        },
        [&](std::size_t line, const std::string& reason) {
            contents.issues.emplace_back(line, reason);
        });
    contents.records = summary.records;
    contents.bad_lines = summary.bad_lines;
    return contents;
}

std::string read_file(const fs::path& path) {
    std::ifstream stream(path, std::ios::binary);
    std::ostringstream content;
    content << stream.rdbuf();
    return content.str();
}

void write_file(const fs::path& path, const std::string& content) {
    if (path.has_parent_path()) fs::create_directories(path.parent_path());
    std::ofstream stream(path, std::ios::binary | std::ios::trunc);
    stream << content;
    if (!stream.flush()) throw std::runtime_error("cannot write " + path.string());
}

std::size_t count_of(const std::string& text, const std::string& needle) {
    std::size_t count = 0;
    for (std::size_t at = text.find(needle); at != std::string::npos;
         at = text.find(needle, at + needle.size()))
        ++count;
    return count;
}

bool contains(const std::string& text, const std::string& needle) {
    return text.find(needle) != std::string::npos;
}

std::string record_line(const std::string& id, const std::string& date, const std::string& exercise,
                        int reps, const std::string& extra) {
    return R"({"v":1,"id":")" + id + R"(","time":")" + date + R"(T10:00:00+00:00","date":")" +
           date + R"(","exercise":")" + exercise + R"(","sets":[{"reps":)" + std::to_string(reps) +
           R"(,"load":{"kind":"bw"}}])" + extra + "}";
}

}  // namespace faults
