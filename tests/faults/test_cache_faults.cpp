// The history cache when it cannot be kept or trusted: a cache directory of
// another user's (one warning, then no cache), a file where the directory should be, a read-only
// directory holding a stale cache, an append that fails half-way, and a log
// the user can no longer read. Every command answers as with --no-cache (same
// stdout, stderr and exit status) and the log is left byte-identical, or one
// record longer after `log`.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <grp.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fault_support.hpp"

namespace {

using faults::fs::path;

constexpr uid_t kNobody = 65534;

const std::vector<std::vector<std::string>> kReports = {
    {"progress"}, {"plan", "back-workout"}, {"show", "deadlift"}, {"show", "back-extension"}};

// A log, its cache under $XDG_CACHE_HOME, and the user liftlog runs as: as
// root, nobody (who owns the sandbox), since mode bits do not stop root.
struct CacheSandbox {
    faults::TempDir dir;
    std::optional<uid_t> uid;

    explicit CacheSandbox(bool as_nobody_when_root = true) {
        if (as_nobody_when_root && ::geteuid() == 0) uid = kNobody;
        faults::write_file(log(),
                           e2e::record_line("0000000000000001", "2026-11-16", "deadlift",
                                            e2e::external_sets(3, 5, 100)) +
                               "\n" +
                               e2e::record_line("0000000000000002", "2026-11-18", "back-extension",
                                                e2e::bodyweight_sets({12, 12, 11}), R"(,"rpe":8)") +
                               "\n" +
                               e2e::record_line("0000000000000003", "2026-11-20", "deadlift",
                                                e2e::external_sets(3, 5, 102)) +
                               "\n");
    }
    path log() const { return dir.path() / "log.jsonl"; }
    path cache_home() const { return dir.path() / "cache"; }
    path cache_dir() const { return cache_home() / "liftlog"; }

    faults::Exit run(const std::vector<std::string>& args, bool with_cache = true,
                     const std::map<std::string, std::string>& extra_env = {}) const {
        std::vector<std::string> full{"--log", log().string(), "--today", faults::kToday};
        if (!with_cache) full.push_back("--no-cache");
        full.insert(full.end(), args.begin(), args.end());
        std::map<std::string, std::string> env{{"XDG_CACHE_HOME", cache_home().string()}};
        env.insert(extra_env.begin(), extra_env.end());
        return faults::run_liftlog(dir.path(), full, env, uid);
    }
    // Hands the sandbox to the user liftlog runs as.
    void hand_over() const {
        if (!uid) return;
        for (const auto& entry : faults::fs::recursive_directory_iterator(dir.path()))
            REQUIRE(::lchown(entry.path().c_str(), *uid, *uid) == 0);
        REQUIRE(::lchown(dir.path().c_str(), *uid, *uid) == 0);
    }
    // False (after a WARN) when running as root and the switch to nobody failed.
    bool usable() const {
        if (!uid) return true;
        if (run({"--version"}).status != faults::kCannotSwitchUser) return true;
        WARN("running as root and cannot switch to uid " << *uid << ": skipped");
        return false;
    }
};

mode_t mode_of(const path& p) {
    struct stat status {};
    REQUIRE(::lstat(p.c_str(), &status) == 0);
    return status.st_mode & 07777;
}

// What a command with the cache must print on stderr: nothing, or (when the
// cache directory belongs to someone else) one warning naming it, after
// which the command runs as without the cache.
struct Expected {
    std::optional<path> distrusted_dir;

    void check(const std::string& err) const {
        if (!distrusted_dir) {
            CHECK(err.empty());
            return;
        }
        CHECK(faults::count_of(err, "liftlog: warning: not using the history cache: " +
                                        distrusted_dir->string() + " belongs to another user") ==
              1);
        CHECK(faults::count_of(err, "\n") == 1);
    }
};

// Every report, in JSON and text, with the cache and without: the same
// answer, exit 0, nothing on stderr but what `expected` allows, and the log
// untouched.
void check_reports(const CacheSandbox& box, const Expected& expected = {}) {
    const std::string before = faults::read_file(box.log());
    for (const std::string format : {"json", "text"}) {
        for (const auto& report : kReports) {
            std::vector<std::string> args{"--format", format};
            args.insert(args.end(), report.begin(), report.end());
            const auto cached = box.run(args);
            const auto uncached = box.run(args, false);
            INFO(format << " " << report.front() << " stderr: " << cached.err);
            CHECK(cached.status == 0);
            expected.check(cached.err);
            CHECK(cached.status == uncached.status);
            CHECK(cached.out == uncached.out);
            CHECK(uncached.err.empty());
        }
    }
    CHECK(faults::read_file(box.log()) == before);
}

// `log` succeeds and appends exactly one record, leaving the rest as it was.
void check_log(const CacheSandbox& box, const std::vector<std::string>& args,
               const Expected& expected = {}) {
    const std::string before = faults::read_file(box.log());
    std::vector<std::string> full{"log"};
    full.insert(full.end(), args.begin(), args.end());
    const auto result = box.run(full);
    INFO("log stderr: " << result.err);
    CHECK(result.status == 0);
    expected.check(result.err);
    CHECK(faults::contains(result.out, "Logged " + args.front()));
    const std::string after = faults::read_file(box.log());
    REQUIRE(after.size() > before.size());
    CHECK(after.substr(0, before.size()) == before);
    const std::string added = after.substr(before.size());
    CHECK(faults::count_of(added, "\n") == 1);
    CHECK(added.back() == '\n');
    CHECK(faults::contains(added, "\"exercise\":\"" + args.front() + "\""));
}

void check_everything(const CacheSandbox& box, const Expected& expected = {}) {
    check_reports(box, expected);
    check_log(box, {"back-extension", "12,12,12"}, expected);
    check_reports(box, expected);
    check_log(box, {"deadlift", "3x5@105kg", "--pain"}, expected);
    check_reports(box, expected);
}

}  // namespace

TEST_CASE("commands work as without the cache when the cache cannot be written",
          "[faults][cache]") {
    CacheSandbox box;
    if (!box.usable()) return;
    SECTION("the cache directory belongs to root, mode 0700") {
        if (!box.uid) {
            WARN("not running as root: a directory owned by another user cannot be made");
            return;
        }
        faults::fs::create_directories(box.cache_dir());
        box.hand_over();
        REQUIRE(::lchown(box.cache_dir().c_str(), 0, 0) == 0);
        faults::fs::permissions(box.cache_dir(), faults::fs::perms::owner_all,
                                faults::fs::perm_options::replace);
        // Not the user's own directory: one warning, then no cache at all.
        check_everything(box, {box.cache_dir()});
        CHECK(faults::fs::is_empty(box.cache_dir()));
        CHECK(mode_of(box.cache_dir()) == 0700);
    }
    SECTION("XDG_CACHE_HOME cannot be written, so the cache directory cannot be made") {
        faults::fs::create_directories(box.cache_home());
        box.hand_over();
        faults::fs::permissions(box.cache_home(),
                                faults::fs::perms::owner_read | faults::fs::perms::owner_exec,
                                faults::fs::perm_options::replace);
        check_everything(box);
        CHECK(faults::fs::is_empty(box.cache_home()));
    }
    SECTION("a file where the cache directory should be") {
        faults::write_file(box.cache_dir(), "not a directory");
        box.hand_over();
        check_everything(box);
        CHECK(faults::read_file(box.cache_dir()) == "not a directory");
    }
    SECTION("a file where XDG_CACHE_HOME should be") {
        faults::write_file(box.cache_home(), "not a directory");
        box.hand_over();
        check_everything(box);
        CHECK(faults::read_file(box.cache_home()) == "not a directory");
    }
}

TEST_CASE("a stale cache in a cache directory that cannot be written is not used",
          "[faults][cache]") {
    CacheSandbox box;
    if (!box.usable()) return;
    if (!box.uid) {
        // liftlog would make its own directory writable again (it sets 0700).
        WARN("not running as root: a directory owned by another user cannot be made");
        return;
    }
    box.hand_over();
    check_reports(box);  // builds the cache, owned by nobody
    std::vector<path> files;
    for (const auto& entry : faults::fs::directory_iterator(box.cache_dir()))
        files.push_back(entry.path());
    REQUIRE(files.size() == 1);
    const std::string stale = faults::read_file(files[0]);
    // The directory now belongs to root: nobody can still read the cache
    // file but cannot replace it.
    REQUIRE(::lchown(box.cache_dir().c_str(), 0, 0) == 0);
    faults::fs::permissions(box.cache_dir(),
                            faults::fs::perms::owner_all | faults::fs::perms::group_read |
                                faults::fs::perms::group_exec | faults::fs::perms::others_read |
                                faults::fs::perms::others_exec,
                            faults::fs::perm_options::replace);
    // Appended by hand: the cache describes an older log from now on.
    faults::write_file(box.log(), faults::read_file(box.log()) +
                                      e2e::record_line("0000000000000004", "2026-11-21", "deadlift",
                                                       e2e::external_sets(3, 5, 110)) +
                                      "\n");
    check_everything(box, {box.cache_dir()});
    CHECK(faults::read_file(files[0]) == stale);
    CHECK(mode_of(box.cache_dir()) == 0755);
}

// Named to match the sanitizer run's exclusion of the tests that LD_PRELOAD
// the write-breaking shim (scripts/dev sanitize): ASan must come first.
TEST_CASE("a write that stops half-way leaves no cache that disagrees with the log",
          "[faults][cache]") {
    const auto variant = GENERATE(as<std::string>{}, "LIFTLOG_SHIM_SHORT_WRITE",
                                  "LIFTLOG_SHIM_ENOSPC", "LIFTLOG_SHIM_FSYNC_EIO");
    INFO(variant);
    const CacheSandbox box(false);
    check_reports(box);  // builds the cache
    const std::string before = faults::read_file(box.log());
    const auto failed = box.run({"log", "deadlift", "3x5@110kg"}, true,
                                {{"LD_PRELOAD", LIFTLOG_FAULT_SHIM}, {variant, "1"}});
    INFO("stderr: " << failed.err);
    CHECK(failed.status == 1);
    CHECK(faults::read_file(box.log()) == before);
    check_everything(box);
}

namespace {

// Runs liftlog as `uid` with primary group `gid` and no other groups.
faults::Exit run_as(const path& dir, uid_t uid, gid_t gid, const std::vector<std::string>& args,
                    const std::map<std::string, std::string>& extra_env) {
    const path outputs = path(dir.string() + ".out");  // removed with `dir`
    faults::fs::create_directories(outputs);
    std::vector<std::string> argv_storage{faults::binary_for_other_users()};
    argv_storage.insert(argv_storage.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& arg : argv_storage) argv.push_back(arg.data());
    argv.push_back(nullptr);
    auto env = faults::clean_env(dir);
    for (const auto& [name, value] : extra_env) env[name] = value;
    std::vector<std::string> env_storage;
    for (const auto& [name, value] : env) env_storage.push_back(name + "=" + value);
    std::vector<char*> envp;
    for (auto& entry : env_storage) envp.push_back(entry.data());
    envp.push_back(nullptr);
    const path out_path = outputs / "as.stdout";
    const path err_path = outputs / "as.stderr";
    const int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    const int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    REQUIRE(out >= 0);
    REQUIRE(err >= 0);
    const pid_t pid = ::fork();
    if (pid == 0) {
        if (::dup2(out, 1) < 0 || ::dup2(err, 2) < 0 || ::chdir(dir.c_str()) != 0) ::_exit(127);
        if (::setgroups(0, nullptr) != 0 || ::setgid(gid) != 0 || ::setuid(uid) != 0)
            ::_exit(faults::kCannotSwitchUser);
        ::execve(argv[0], argv.data(), envp.data());
        ::_exit(127);
    }
    ::close(out);
    ::close(err);
    REQUIRE(pid > 0);
    faults::Exit result;
    result.status = faults::wait_for(pid);
    result.out = faults::read_file(out_path);
    result.err = faults::read_file(err_path);
    return result;
}

}  // namespace

// The log's mode and owner stay as they were, so its identity (device, inode,
// size, times) does not change; only the user's groups do.
TEST_CASE("a log the user can no longer read fails the same with the cache", "[faults][cache]") {
    if (::geteuid() != 0) {
        WARN("not running as root: cannot run liftlog under other groups: skipped");
        return;
    }
    const CacheSandbox box(false);
    const gid_t with_access = kNobody;  // the log's group
    const gid_t without_access = kNobody - 1;
    REQUIRE(::lchown(box.dir.path().c_str(), kNobody, kNobody) == 0);
    REQUIRE(::lchown(box.log().c_str(), 0, with_access) == 0);
    faults::fs::permissions(box.log(),
                            faults::fs::perms::owner_read | faults::fs::perms::owner_write |
                                faults::fs::perms::group_read,
                            faults::fs::perm_options::replace);
    const std::map<std::string, std::string> env{{"XDG_CACHE_HOME", box.cache_home().string()}};
    const auto as = [&](gid_t gid, std::vector<std::string> args) {
        args.insert(args.begin(), {"--log", box.log().string(), "--today", faults::kToday});
        return run_as(box.dir.path(), kNobody, gid, args, env);
    };

    const auto readable = as(with_access, {"progress"});
    if (readable.status == faults::kCannotSwitchUser) {
        WARN("cannot switch to uid " << kNobody << ": skipped");
        return;
    }
    INFO("stderr while the log is readable: " << readable.err);
    REQUIRE(readable.status == 0);
    REQUIRE_FALSE(faults::fs::is_empty(box.cache_dir()));  // the cache was built

    for (const auto& report : kReports) {
        const auto uncached = as(without_access, [&] {
            std::vector<std::string> args{"--no-cache"};
            args.insert(args.end(), report.begin(), report.end());
            return args;
        }());
        const auto cached = as(without_access, report);
        INFO(report.front() << " without the cache: " << uncached.err);
        CHECK(uncached.status == 1);
        CHECK(faults::contains(uncached.err, "Permission denied"));
        CHECK(cached.status == uncached.status);
        CHECK(cached.out == uncached.out);
        CHECK(cached.err == uncached.err);
    }
}
