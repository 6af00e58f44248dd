// Logs that cannot be written or read, a directory where the log should be, a
// missing parent directory: clear messages, nothing lost, private modes.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include "fault_support.hpp"

namespace {

using faults::fs::path;

constexpr uid_t kNobody = 65534;

// Permission bits do not stop root, so as root the binary runs as nobody, who
// owns the sandbox: then only the mode bits decide, as for a normal user.
struct Runner {
    faults::TempDir dir;
    std::optional<uid_t> uid;

    Runner() {
        if (::geteuid() == 0) uid = kNobody;
    }
    path log() const { return dir.path() / "log.jsonl"; }
    // Hands the sandbox to the user the binary runs as.
    void hand_over() const {
        if (!uid) return;
        for (const auto& entry : faults::fs::recursive_directory_iterator(dir.path()))
            REQUIRE(::lchown(entry.path().c_str(), *uid, *uid) == 0);
        REQUIRE(::lchown(dir.path().c_str(), *uid, *uid) == 0);
    }
    faults::Exit run(const std::vector<std::string>& args) const {
        std::vector<std::string> full{"--log", log().string(), "--today", faults::kToday};
        full.insert(full.end(), args.begin(), args.end());
        return faults::run_liftlog(dir.path(), full, {}, uid);
    }
    // False (after a WARN) when running as root and the switch to nobody failed.
    bool usable() const {
        if (!uid) return true;
        const auto probe = faults::run_liftlog(dir.path(), {"--version"}, {}, uid);
        if (probe.status == faults::kCannotSwitchUser) {
            WARN("running as root and cannot switch to uid " << *uid
                                                             << " (no CAP_SETUID?), so permission "
                                                                "checks cannot be tested: skipped");
            return false;
        }
        return true;
    }
};

std::string seed(const path& log) {
    const std::string content =
        faults::record_line("0000000000000001", "2026-11-20", "back-extension", 12) + "\n" +
        faults::record_line("0000000000000002", "2026-11-21", "deadlift", 5) + "\n";
    faults::write_file(log, content);
    return content;
}

bool single_error(const std::string& err) {
    return err.rfind("liftlog: error: ", 0) == 0 && faults::count_of(err, "liftlog: error:") == 1 &&
           faults::count_of(err, "\n") == 1;
}

mode_t mode_of(const path& p) {
    struct stat status {};
    REQUIRE(::stat(p.c_str(), &status) == 0);
    return status.st_mode & 07777;
}

// Sets the process umask for the duration of a test; spawned children inherit it.
struct Umask {
    mode_t saved;
    explicit Umask(mode_t mask) : saved(::umask(mask)) {}
    ~Umask() { ::umask(saved); }
};

}  // namespace

TEST_CASE("a read-only log refuses the append and stays readable", "[faults][permissions]") {
    Runner runner;
    if (!runner.usable()) return;
    const std::string content = seed(runner.log());
    runner.hand_over();
    faults::fs::permissions(runner.log(), faults::fs::perms::owner_read,
                            faults::fs::perm_options::replace);

    const auto result = runner.run({"log", "back-extension", "12"});
    INFO("stderr: " << result.err);
    CHECK(result.status == 1);
    CHECK(single_error(result.err));
    CHECK(faults::contains(result.err, "cannot write to the log " + runner.log().string()));
    CHECK(faults::contains(result.err, "Permission denied"));
    CHECK(faults::read_file(runner.log()) == content);

    const auto report = runner.run({"progress", "--format", "json"});
    CHECK(report.status == 0);
    CHECK(report.err.empty());
    CHECK(faults::contains(report.out, "\"deadlift\""));
}

TEST_CASE("an unreadable log is an error for reports and appends, and is kept",
          "[faults][permissions]") {
    Runner runner;
    if (!runner.usable()) return;
    const std::string content = seed(runner.log());
    runner.hand_over();
    faults::fs::permissions(runner.log(), faults::fs::perms::none,
                            faults::fs::perm_options::replace);

    const auto report = runner.run({"progress"});
    INFO("progress stderr: " << report.err);
    CHECK(report.status == 1);
    CHECK(single_error(report.err));
    CHECK(faults::contains(report.err, "cannot read the log " + runner.log().string()));
    CHECK(faults::contains(report.err, "Permission denied"));

    const auto append = runner.run({"log", "back-extension", "12"});
    INFO("log stderr: " << append.err);
    CHECK(append.status == 1);
    CHECK(single_error(append.err));
    CHECK(faults::contains(append.err, runner.log().string()));
    CHECK(faults::contains(append.err, "Permission denied"));

    faults::fs::permissions(runner.log(), faults::fs::perms::owner_read,
                            faults::fs::perm_options::replace);
    CHECK(faults::read_file(runner.log()) == content);
}

TEST_CASE("a log in a directory that cannot be written is refused", "[faults][permissions]") {
    Runner runner;
    if (!runner.usable()) return;
    const path locked = runner.dir.path() / "locked";
    faults::fs::create_directories(locked);
    runner.hand_over();
    faults::fs::permissions(locked, faults::fs::perms::owner_read | faults::fs::perms::owner_exec,
                            faults::fs::perm_options::replace);
    const auto result = faults::run_liftlog(runner.dir.path(),
                                            {"--log", (locked / "log.jsonl").string(), "--today",
                                             faults::kToday, "log", "back-extension", "12"},
                                            {}, runner.uid);
    INFO("stderr: " << result.err);
    CHECK(result.status == 1);
    CHECK(single_error(result.err));
    CHECK(faults::contains(result.err, (locked / "log.jsonl").string()));
    CHECK(faults::contains(result.err, "Permission denied"));
    CHECK(faults::fs::is_empty(locked));
}

TEST_CASE("a log path that is a directory is refused by log and by reports",
          "[faults][permissions]") {
    faults::TempDir dir;
    const path log = dir.path() / "log.jsonl";
    faults::fs::create_directories(log / "inside");
    faults::write_file(log / "inside" / "keep", "kept");

    const auto append = faults::run_liftlog(
        dir.path(),
        {"--log", log.string(), "--today", faults::kToday, "log", "back-extension", "12"});
    INFO("log stderr: " << append.err);
    CHECK(append.status == 1);
    CHECK(single_error(append.err));
    CHECK(faults::contains(append.err, log.string()));
    CHECK(faults::contains(append.err, "directory"));

    for (const std::string format : {"text", "json"}) {
        const auto report = faults::run_liftlog(
            dir.path(),
            {"--log", log.string(), "--today", faults::kToday, "progress", "--format", format});
        INFO(format << " progress stderr: " << report.err);
        CHECK(report.status == 1);
        CHECK(single_error(report.err));
        CHECK(faults::contains(report.err, log.string()));
        CHECK(faults::contains(report.err, "is a directory"));
    }
    CHECK(faults::read_file(log / "inside" / "keep") == "kept");
}

TEST_CASE("a log whose parent is a file is refused with a clear message", "[faults][permissions]") {
    faults::TempDir dir;
    faults::write_file(dir.path() / "plain", "not a directory");
    const path log = dir.path() / "plain" / "log.jsonl";
    const auto result = faults::run_liftlog(
        dir.path(),
        {"--log", log.string(), "--today", faults::kToday, "log", "back-extension", "12"});
    INFO("stderr: " << result.err);
    CHECK(result.status == 1);
    CHECK(single_error(result.err));
    CHECK(faults::contains(result.err, log.string()));
    CHECK(faults::read_file(dir.path() / "plain") == "not a directory");
}

TEST_CASE("missing parent directories are created with mode 0700", "[faults][permissions]") {
    const Umask umask(022);
    faults::TempDir dir;
    SECTION("given with --log") {
        const path log = dir.path() / "a" / "b" / "c" / "log.jsonl";
        const auto result = faults::run_liftlog(
            dir.path(),
            {"--log", log.string(), "--today", faults::kToday, "log", "back-extension", "12"});
        INFO("stderr: " << result.err);
        REQUIRE(result.status == 0);
        for (const path& created : {dir.path() / "a", dir.path() / "a" / "b", log.parent_path()}) {
            INFO(created.string());
            CHECK(mode_of(created) == 0700);
        }
        CHECK(mode_of(log) == 0600);
    }
    SECTION("the default $XDG_DATA_HOME/liftlog/log.jsonl") {
        const auto result = faults::run_liftlog(
            dir.path(), {"--today", faults::kToday, "log", "back-extension", "12"});
        INFO("stderr: " << result.err);
        REQUIRE(result.status == 0);
        const path log = dir.path() / "data" / "liftlog" / "log.jsonl";
        for (const path& created : {dir.path() / "data", log.parent_path()}) {
            INFO(created.string());
            CHECK(mode_of(created) == 0700);
        }
        CHECK(mode_of(log) == 0600);
    }
}

TEST_CASE("a new log file gets mode 0600 whatever the umask", "[faults][permissions]") {
    const mode_t mask = GENERATE(mode_t{0}, mode_t{022}, mode_t{077});
    INFO("umask " << std::oct << mask);
    const Umask umask(mask);
    faults::TempDir dir;
    const path log = dir.path() / "log.jsonl";
    const auto result = faults::run_liftlog(
        dir.path(),
        {"--log", log.string(), "--today", faults::kToday, "log", "back-extension", "12"});
    REQUIRE(result.status == 0);
    CHECK(mode_of(log) == 0600);
    // An existing log keeps the mode its owner gave it.
    faults::fs::permissions(log,
                            faults::fs::perms::owner_read | faults::fs::perms::owner_write |
                                faults::fs::perms::group_read,
                            faults::fs::perm_options::replace);
    REQUIRE(faults::run_liftlog(dir.path(), {"--log", log.string(), "--today", faults::kToday,
                                             "log", "back-extension", "12"})
                .status == 0);
    CHECK(mode_of(log) == 0640);
    CHECK(faults::read_back(log).records == 2);
}
