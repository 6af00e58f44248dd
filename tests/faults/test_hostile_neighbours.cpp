// Another local user who can write a directory liftlog uses: the history
// cache's directory (planted temporary files and symlinks, a forged cache, a
// directory that is not the user's own), the directories liftlog creates
// (modes whatever the umask, planted symlinks) and a log that someone else can
// write. As root the binary runs as nobody (the victim) and files are given
// to kNeighbour (another user) with lchown; without root these tests skip.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "fault_support.hpp"
#include "liftlog/history_cache.hpp"
#include "liftlog/log_queries.hpp"

namespace {

using faults::fs::path;
namespace fs = faults::fs;

constexpr uid_t kNobody = 65534;
constexpr uid_t kNeighbour = 4242;

const std::string kWarning = "liftlog: warning: ";

// A log owned by the victim in a private directory, its cache under
// $XDG_CACHE_HOME, and every run as the victim.
struct Neighbourhood {
    faults::TempDir dir;
    uid_t victim = kNobody;

    Neighbourhood() {
        faults::write_file(log(), e2e::record_line("0000000000000001", "2026-11-16", "deadlift",
                                                   e2e::external_sets(3, 5, 100)) +
                                      "\n" +
                                      e2e::record_line("0000000000000002", "2026-11-20", "deadlift",
                                                       e2e::external_sets(3, 5, 102)) +
                                      "\n");
        ::chmod(log().c_str(), 0600);
        fs::create_directories(cache_home());
    }
    path log() const { return dir.path() / "log.jsonl"; }
    path cache_home() const { return dir.path() / "cache"; }
    path cache_dir() const { return cache_home() / "liftlog"; }
    path cache_file() const { return liftlog::history_cache_file(cache_dir(), log()); }

    faults::Exit run(std::vector<std::string> args, bool with_cache = true) const {
        std::vector<std::string> full{"--log", log().string(), "--today", faults::kToday};
        if (!with_cache) full.push_back("--no-cache");
        full.insert(full.end(), args.begin(), args.end());
        return faults::run_liftlog(dir.path(), full, {{"XDG_CACHE_HOME", cache_home().string()}},
                                   victim);
    }
    // Gives everything in the sandbox to the victim.
    void hand_over() const {
        for (const auto& entry : fs::recursive_directory_iterator(dir.path()))
            REQUIRE(::lchown(entry.path().c_str(), victim, victim) == 0);
        REQUIRE(::lchown(dir.path().c_str(), victim, victim) == 0);
    }
    // False (after a WARN) unless the suite runs as root and can switch users.
    bool usable() const {
        if (::geteuid() != 0) {
            WARN("not running as root: files of another user cannot be made: skipped");
            return false;
        }
        if (faults::run_liftlog(dir.path(), {"--version"}, {}, victim).status !=
            faults::kCannotSwitchUser)
            return true;
        WARN("running as root and cannot switch to uid " << victim << ": skipped");
        return false;
    }
};

mode_t mode_of(const path& p) {
    struct stat status {};
    REQUIRE(::lstat(p.c_str(), &status) == 0);
    return status.st_mode & 07777;
}

std::size_t entries_in(const path& dir) {
    return static_cast<std::size_t>(
        std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

// A cache that answers for the log as it is now (its path and identity, a
// valid checksum) but holds the histories of `forged_log`: what a neighbour
// who can read the log's metadata and write the cache directory can make.
void forge_cache(const Neighbourhood& box, const path& at, const path& forged_log) {
    const auto identity = liftlog::identify_file(box.log());
    REQUIRE(identity);
    const liftlog::LogSummary forged =
        liftlog::summarize_log(forged_log, {liftlog::Date::max(), std::nullopt});
    const path scratch = box.dir.path() / "forge";
    fs::create_directories(scratch);
    const path made = liftlog::history_cache_file(scratch, box.log());
    liftlog::store_history_cache(made, box.log(), *identity, forged);
    REQUIRE(fs::exists(made));
    fs::rename(made, at);
    fs::remove_all(scratch);
}

// The reports that go through the cache (`progress EXERCISE` never does).
const std::vector<std::vector<std::string>> kReports = {{"--format", "json", "show", "deadlift"},
                                                        {"--format", "json", "progress"},
                                                        {"show", "deadlift"},
                                                        {"plan", "back-workout"}};

std::string joined(const std::vector<std::string>& args) {
    std::string text;
    for (const auto& arg : args) text += (text.empty() ? "" : " ") + arg;
    return text;
}

// How many reports answer differently from the log itself.
int forged_answers(const Neighbourhood& box) {
    int forged = 0;
    for (const auto& report : kReports) {
        const auto cached = box.run(report);
        const auto truth = box.run(report, false);
        INFO(joined(report) << " stderr: " << cached.err);
        CHECK(cached.status == 0);
        if (cached.out != truth.out) ++forged;
    }
    return forged;
}

}  // namespace

TEST_CASE("a forged cache file that is not the user's own private file is never believed",
          "[faults][cache][neighbours]") {
    Neighbourhood box;
    if (!box.usable()) return;
    const path forged_log = box.dir.path() / "forged.jsonl";
    faults::write_file(forged_log, e2e::record_line("00000000000000ff", "2026-11-20", "deadlift",
                                                    e2e::external_sets(3, 5, 300)) +
                                       "\n");
    fs::create_directories(box.cache_dir());
    ::chmod(box.cache_dir().c_str(), 0700);
    box.hand_over();

    SECTION("the user's own file, mode 0600: used (the forgery is a real cache)") {
        forge_cache(box, box.cache_file(), forged_log);
        REQUIRE(::lchown(box.cache_file().c_str(), box.victim, box.victim) == 0);
        ::chmod(box.cache_file().c_str(), 0600);
        // Shows that the reports below would carry a forged answer if it were believed.
        CHECK(forged_answers(box) == static_cast<int>(kReports.size()));
    }
    SECTION("the user's own file, mode 0644") {
        forge_cache(box, box.cache_file(), forged_log);
        REQUIRE(::lchown(box.cache_file().c_str(), box.victim, box.victim) == 0);
        ::chmod(box.cache_file().c_str(), 0644);
        CHECK(forged_answers(box) == 0);
    }
    SECTION("another user's file, mode 0644") {
        forge_cache(box, box.cache_file(), forged_log);
        REQUIRE(::lchown(box.cache_file().c_str(), kNeighbour, kNeighbour) == 0);
        ::chmod(box.cache_file().c_str(), 0644);
        CHECK(forged_answers(box) == 0);
    }
    SECTION("a symlink to a private file of the user's") {
        const path elsewhere = box.dir.path() / "elsewhere.jsonl";
        forge_cache(box, elsewhere, forged_log);
        REQUIRE(::lchown(elsewhere.c_str(), box.victim, box.victim) == 0);
        ::chmod(elsewhere.c_str(), 0600);
        fs::create_symlink(elsewhere, box.cache_file());
        REQUIRE(::lchown(box.cache_file().c_str(), box.victim, box.victim) == 0);
        CHECK(forged_answers(box) == 0);
    }
}

TEST_CASE("a cache directory that is not the user's alone is not used, with one warning",
          "[faults][cache][neighbours]") {
    Neighbourhood box;
    if (!box.usable()) return;
    const path target = box.dir.path() / "target";  // where a symlinked cache leads
    const auto kind = GENERATE(as<std::string>{}, "mode 0777", "mode 0770", "another user's",
                               "a symlink of the user's", "a symlink of another user's");
    INFO(kind);
    fs::create_directories(target);
    ::chmod(target.c_str(), 0755);
    if (kind.starts_with("a symlink"))
        fs::create_symlink(target, box.cache_dir());
    else
        fs::create_directories(box.cache_dir());
    box.hand_over();
    std::string expected_problem = "can be written by other users";
    std::string expected_fix = "chmod go-w " + box.cache_dir().string();
    if (kind == "mode 0777") ::chmod(box.cache_dir().c_str(), 0777);
    if (kind == "mode 0770") ::chmod(box.cache_dir().c_str(), 0770);
    if (kind == "another user's") {
        REQUIRE(::lchown(box.cache_dir().c_str(), kNeighbour, kNeighbour) == 0);
        ::chmod(box.cache_dir().c_str(), 0755);
        expected_problem = "belongs to another user (uid 4242)";
        expected_fix = "remove it";
    }
    if (kind == "a symlink of the user's") {
        expected_problem = "is a symbolic link";
        expected_fix = "rm " + box.cache_dir().string();
    }
    if (kind == "a symlink of another user's") {
        REQUIRE(::lchown(box.cache_dir().c_str(), kNeighbour, kNeighbour) == 0);
        expected_problem = "is a symbolic link that another user (uid 4242) made";
        expected_fix = "remove it";
    }

    for (const auto& report : kReports) {
        const auto cached = box.run(report);
        const auto uncached = box.run(report, false);
        INFO(joined(report) << " stderr: " << cached.err);
        CHECK(cached.status == 0);
        CHECK(cached.out == uncached.out);
        CHECK(faults::count_of(cached.err, kWarning) == 1);
        CHECK(faults::count_of(cached.err, "\n") == 1);
        CHECK(faults::contains(cached.err, box.cache_dir().string()));
        CHECK(faults::contains(cached.err, expected_problem));
        CHECK(faults::contains(cached.err, expected_fix));
        CHECK(uncached.err.empty());
    }
    const auto logged = box.run({"log", "deadlift", "3x5@105kg"});
    INFO("log stderr: " << logged.err);
    CHECK(logged.status == 0);
    CHECK(faults::count_of(logged.err, kWarning) == 1);
    CHECK(faults::read_back(box.log()).records == 3);
    // Nothing was written into the directory, nor through the symlink, and
    // a symlinked directory's mode was not changed.
    CHECK_FALSE(fs::exists(fs::symlink_status(box.cache_file())));
    CHECK(entries_in(target) == 0);
    CHECK(mode_of(target) == 0755);
}

TEST_CASE("a planted symlink at a cache temporary name is never followed",
          "[faults][cache][neighbours]") {
    Neighbourhood box;
    if (!box.usable()) return;
    fs::create_directories(box.cache_dir());
    box.hand_over();
    // A directory others can write, where the neighbour plants a symlink to
    // the victim's log at every name a run with a guessable temporary name
    // could choose (the file's name with a pid, with or without a dot).
    ::chmod(box.cache_dir().c_str(), 0777);
    const std::string name = box.cache_file().filename().string();
    const pid_t highest = 4096;
    for (pid_t pid = 1; pid <= highest; ++pid)
        for (const std::string& planted : {name + "." + std::to_string(pid) + ".tmp",
                                           "." + name + "." + std::to_string(pid) + ".tmp"}) {
            const path link = box.cache_dir() / planted;
            fs::create_symlink(box.log(), link);
            REQUIRE(::lchown(link.c_str(), kNeighbour, kNeighbour) == 0);
        }
    std::string expected = faults::read_file(box.log());
    for (int run = 0; run < 8; ++run) {
        const auto logged = box.run({"log", "deadlift", "3x5@" + std::to_string(110 + run) + "kg"});
        INFO("log stderr: " << logged.err);
        REQUIRE(logged.status == 0);
        const std::string now = faults::read_file(box.log());
        // Exactly one line more each time, and only JSON records in it.
        REQUIRE(now.size() > expected.size());
        CHECK(now.substr(0, expected.size()) == expected);
        CHECK(faults::count_of(now.substr(expected.size()), "\n") == 1);
        CHECK_FALSE(faults::contains(now, "\"cache\":"));
        expected = now;
        CHECK(faults::read_file(box.log()) == expected);
        CHECK(faults::read_back(box.log()).bad_lines == 0);
    }
    CHECK(entries_in(box.cache_dir()) == 2 * static_cast<std::size_t>(highest));
}

TEST_CASE("temporary files that killed runs left in the cache directory are removed",
          "[faults][cache][neighbours]") {
    Neighbourhood box;
    if (!box.usable()) return;
    fs::create_directories(box.cache_dir());
    const std::string name = box.cache_file().filename().string();
    const auto plant = [&](const std::string& file, uid_t owner, bool old) {
        const path at = box.cache_dir() / file;
        faults::write_file(at, "{\"cache\":2");
        ::chmod(at.c_str(), 0600);
        if (old) {
            const timespec two_hours_ago[2] = {{::time(nullptr) - 7200, 0},
                                               {::time(nullptr) - 7200, 0}};
            REQUIRE(::utimensat(AT_FDCWD, at.c_str(), two_hours_ago, 0) == 0);
        }
        return std::make_pair(at, owner);
    };
    std::vector<std::pair<path, uid_t>> orphans;
    // Killed runs of this liftlog leave random names; older ones left pids.
    for (int i = 0; i < 10; ++i)
        orphans.push_back(plant(fmt::format(".{}.{:016x}.tmp", name, 0xabc000 + i), kNobody, true));
    for (int pid = 3100; pid < 3109; ++pid)
        orphans.push_back(plant(fmt::format("{}.{}.tmp", name, pid), kNobody, true));
    const auto fresh = plant(fmt::format(".{}.{:016x}.tmp", name, 0xfff), kNobody, false);
    const auto foreign = plant(fmt::format(".{}.{:016x}.tmp", name, 0xeee), kNeighbour, true);
    const auto unrelated = plant("notes.tmp", kNobody, true);
    box.hand_over();
    for (const auto& planted : {foreign})
        REQUIRE(::lchown(planted.first.c_str(), planted.second, planted.second) == 0);

    const auto report = box.run({"progress"});
    INFO("stderr: " << report.err);
    REQUIRE(report.status == 0);
    CHECK(report.err.empty());
    std::size_t left = 0;
    for (const auto& orphan : orphans) left += fs::exists(orphan.first) ? 1 : 0;
    CHECK(left == 0);
    // Another run's file still being written, a file that is not the
    // user's, and one that is not a temporary file of the cache stay.
    CHECK(fs::exists(fresh.first));
    CHECK(fs::exists(foreign.first));
    CHECK(fs::exists(unrelated.first));
    CHECK(fs::exists(box.cache_file()));
}

TEST_CASE("directories and files liftlog creates are private whatever the umask",
          "[faults][permissions][neighbours]") {
    Neighbourhood box;
    if (!box.usable()) return;
    const mode_t mask = GENERATE(mode_t{0}, mode_t{022}, mode_t{0277});
    INFO("umask " << std::oct << mask);
    box.hand_over();
    const mode_t saved = ::umask(mask);
    const path log = box.dir.path() / "new" / "deeper" / "log.jsonl";
    const path cache_home = box.dir.path() / "fresh-cache";
    const auto result = faults::run_liftlog(
        box.dir.path(),
        {"--log", log.string(), "--today", faults::kToday, "log", "deadlift", "3x5@100kg"},
        {{"XDG_CACHE_HOME", cache_home.string()}}, box.victim);
    ::umask(saved);
    INFO("stderr: " << result.err);
    REQUIRE(result.status == 0);
    CHECK(result.err.empty());
    for (const path& made :
         {box.dir.path() / "new", log.parent_path(), cache_home, cache_home / "liftlog"}) {
        INFO(made.string());
        CHECK(mode_of(made) == 0700);
    }
    CHECK(mode_of(log) == 0600);
    const path cache = liftlog::history_cache_file(cache_home / "liftlog", log);
    REQUIRE(fs::exists(cache));
    CHECK(mode_of(cache) == 0600);
}

namespace {

// A FitNotes export whose one exercise the library does not know, so that
// the import writes a custom definition into $XDG_CONFIG_HOME.
const std::string kExportWithCustomExercise =
    "Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time,Comment\n"
    "2026-11-20,Zercher Squat,Legs,60.0,kgs,5,,,,\n";

}  // namespace

TEST_CASE(
    "an import's custom definitions are private whatever the umask, and never written "
    "through another user's symlink",
    "[faults][permissions][import][neighbours]") {
    Neighbourhood box;
    if (!box.usable()) return;
    faults::write_file(box.dir.path() / "export.csv", kExportWithCustomExercise);
    const path config = box.dir.path() / "config";  // XDG_CONFIG_HOME in clean_env
    const path target = box.dir.path() / "target";
    const auto import = [&] {
        return faults::run_liftlog(box.dir.path(),
                                   {"--log", box.log().string(), "--today", faults::kToday,
                                    "import", "export.csv", "--from", "fitnotes"},
                                   {}, box.victim);
    };
    SECTION("umask 0277 or 000") {
        const mode_t mask = GENERATE(mode_t{0}, mode_t{0277});
        INFO("umask " << std::oct << mask);
        box.hand_over();
        const mode_t saved = ::umask(mask);
        const auto result = import();
        ::umask(saved);
        INFO("stderr: " << result.err);
        REQUIRE(result.status == 0);
        for (const path& made : {config, config / "liftlog", config / "liftlog" / "exercises"}) {
            INFO(made.string());
            CHECK(mode_of(made) == 0700);
        }
        REQUIRE(entries_in(config / "liftlog" / "exercises") == 1);
        for (const auto& entry : fs::directory_iterator(config / "liftlog" / "exercises"))
            CHECK(mode_of(entry.path()) == 0600);
    }
    SECTION("the config directory is another user's symlink") {
        fs::create_directories(target);
        fs::create_directories(config);
        fs::create_symlink(target, config / "liftlog");
        box.hand_over();
        REQUIRE(::lchown((config / "liftlog").c_str(), kNeighbour, kNeighbour) == 0);
        const std::string before = faults::read_file(box.log());
        const auto result = import();
        INFO("stderr: " << result.err);
        CHECK(result.status == 1);
        CHECK(faults::count_of(result.err, "liftlog: error: ") == 1);
        CHECK(faults::contains(
            result.err, (config / "liftlog").string() + " is a symbolic link that another user"));
        CHECK(entries_in(target) == 0);
        CHECK(faults::read_file(box.log()) == before);
    }
}

TEST_CASE("a directory on the way to the log through another user's symlink is refused",
          "[faults][permissions][neighbours]") {
    Neighbourhood box;
    if (!box.usable()) return;
    const path target = box.dir.path() / "target";
    const path link = box.dir.path() / "shared";
    fs::create_directories(target);
    fs::create_symlink(target, link);
    box.hand_over();
    const path log = link / "sub" / "log.jsonl";
    const auto run = [&] {
        return faults::run_liftlog(
            box.dir.path(),
            {"--log", log.string(), "--today", faults::kToday, "log", "deadlift", "3x5@100kg"}, {},
            box.victim);
    };
    SECTION("the user's own symlink is followed") {
        const auto result = run();
        INFO("stderr: " << result.err);
        CHECK(result.status == 0);
        CHECK(faults::read_back(target / "sub" / "log.jsonl").records == 1);
    }
    SECTION("another user's symlink is not") {
        REQUIRE(::lchown(link.c_str(), kNeighbour, kNeighbour) == 0);
        const auto result = run();
        INFO("stderr: " << result.err);
        CHECK(result.status == 1);
        CHECK(faults::count_of(result.err, "liftlog: error: ") == 1);
        CHECK(faults::contains(result.err, link.string() + " is a symbolic link that another "
                                                           "user (uid 4242) made"));
        CHECK(entries_in(target) == 0);
    }
}

TEST_CASE("an append never goes through a symlink that another user made at the log's name",
          "[faults][permissions][neighbours]") {
    Neighbourhood box;
    if (!box.usable()) return;
    // The victim's own file that a neighbour would like the append to land in.
    const path precious = box.dir.path() / "precious.txt";
    faults::write_file(precious, "keep me\n");
    const path link = box.dir.path() / "shared.jsonl";
    fs::create_symlink(precious, link);
    box.hand_over();
    const auto append = [&] {
        return faults::run_liftlog(
            box.dir.path(),
            {"--log", link.string(), "--today", faults::kToday, "log", "deadlift", "3x5@100kg"}, {},
            box.victim);
    };
    SECTION("the user's own symlink is written through") {
        const auto result = append();
        INFO("stderr: " << result.err);
        CHECK(result.status == 0);
        CHECK(faults::contains(faults::read_file(precious), "\"exercise\":\"deadlift\""));
    }
    SECTION("another user's is not") {
        REQUIRE(::lchown(link.c_str(), kNeighbour, kNeighbour) == 0);
        const auto result = append();
        INFO("stderr: " << result.err);
        CHECK(result.status == 1);
        CHECK(faults::count_of(result.err, "liftlog: error: ") == 1);
        CHECK(faults::contains(result.err, "is a symbolic link that another user (uid 4242)"));
        CHECK(faults::read_file(precious) == "keep me\n");
        // A report through it is read, with a warning that says who made it.
        const auto report = faults::run_liftlog(
            box.dir.path(), {"--log", link.string(), "--today", faults::kToday, "progress"}, {},
            box.victim);
        CHECK(faults::count_of(report.err, kWarning + link.string() +
                                               " is a symbolic link that another user") == 1);
    }
}

namespace {

const std::vector<std::vector<std::string>> kLogCommands = {
    {"log", "deadlift", "3x5@105kg"}, {"progress"}, {"history"}, {"show", "deadlift"},
    {"plan", "back-workout"},         {"undo"}};

}  // namespace

TEST_CASE("a log that someone else can write is used with a warning, and check reports it",
          "[faults][permissions][neighbours]") {
    Neighbourhood box;
    if (!box.usable()) return;
    box.hand_over();
    struct Case {
        std::string name;
        std::function<void()> expose;
        path subject;
        std::string problem;
        std::string fix;
    };
    const path log = box.log();
    const path dir = box.dir.path();
    const std::vector<Case> cases = {
        {"mode 0666", [&] { ::chmod(log.c_str(), 0666); }, log,
         "can be written by other users (mode 0666)", "chmod go-w " + log.string()},
        {"mode 0620", [&] { ::chmod(log.c_str(), 0620); }, log,
         "can be written by other users (mode 0620)", "chmod go-w " + log.string()},
        {"another user's, mode 0666",
         [&] {
             REQUIRE(::lchown(log.c_str(), kNeighbour, kNeighbour) == 0);
             ::chmod(log.c_str(), 0666);
         },
         log, "belongs to another user (uid 4242)", "cp " + log.string()},
        {"in a directory others can write", [&] { ::chmod(dir.c_str(), 0777); }, dir,
         "holds the log " + log.string() + " and can be written by other users (mode 0777)",
         "chmod go-w " + dir.string()},
    };
    const auto index = GENERATE(range(0, 4));
    const Case& exposed = cases[static_cast<std::size_t>(index)];
    INFO(exposed.name);
    exposed.expose();

    for (const auto& command : kLogCommands) {
        const auto result = box.run(command);
        INFO(command.front() << " stderr: " << result.err);
        CHECK(result.status == 0);
        CHECK(faults::count_of(result.err,
                               kWarning + exposed.subject.string() + " " + exposed.problem) == 1);
        CHECK(faults::contains(result.err, exposed.fix));
    }
    const auto check = box.run({"check"});
    INFO("check stdout: " << check.out << "\ncheck stderr: " << check.err);
    CHECK(check.status == 1);
    CHECK(faults::contains(check.out, exposed.subject.string() + ": " + exposed.problem));
    CHECK(faults::contains(check.out, "  fix: "));
    CHECK(faults::contains(check.out, exposed.fix));
    CHECK_FALSE(faults::contains(check.err, exposed.problem));
    const auto json = box.run({"--format", "json", "check"});
    CHECK(json.status == 1);
    INFO("check --format json: " << json.out);
    bool listed = false;
    const auto report = nlohmann::json::parse(json.out);
    for (const auto& problem : report.at("problems"))
        listed = listed || (problem.at("file") == exposed.subject.string() &&
                            faults::contains(problem.at("fix").get<std::string>(), exposed.fix));
    CHECK(listed);
}

TEST_CASE("a private log, or one in a sticky shared directory, gets no warning",
          "[faults][permissions][neighbours]") {
    Neighbourhood box;
    if (!box.usable()) return;
    box.hand_over();
    const bool sticky = GENERATE(false, true);
    INFO((sticky ? "a 1777 directory" : "a 0700 directory"));
    if (sticky) ::chmod(box.dir.path().c_str(), 01777);
    for (const auto& command : kLogCommands) {
        const auto result = box.run(command);
        INFO(command.front() << " stderr: " << result.err);
        CHECK(result.status == 0);
        CHECK(result.err.empty());
    }
    const auto check = box.run({"check"});
    INFO("check stdout: " << check.out);
    CHECK(check.status == 0);
}
