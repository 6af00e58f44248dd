// Every command's run function called in-process: a pinned clock, settings
// resolved from a made-up environment, output into string streams, and the
// log's bytes checked after each.
#include <fmt/format.h>
#include <CLI/CLI.hpp>
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <sstream>

#include "../unit/temp_dir.hpp"
#include "app.hpp"
#include "commands.hpp"
#include "liftlog/error.hpp"
#include "liftlog/library_loader.hpp"

using namespace liftlog;
using namespace liftlog::cli;
namespace fs = std::filesystem;

namespace {

const Date kToday = *parse_date("2026-11-23");
const std::string kNow = "2026-11-23T10:00:00+00:00";

// Ids 0000000000000001, 0000000000000002, ... in the order records are made.
Clock pinned_clock() {
    auto next = std::make_shared<int>(0);
    return Clock(Moment{kToday, kNow},
                 [next]() -> std::string { return fmt::format("{:016x}", ++*next); });
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

// One command's world: a fresh directory holding the log, the user's
// config and cache, and the streams a command writes to.
class World {
  public:
    explicit World(const std::string& format = "text") {
        vars_ = {{"HOME", (dir_.path / "home").string()}};
        GlobalFlags flags;
        flags.log_path = log_file().string();
        flags.format = format;
        const Environment env = [this](const char* name) -> std::optional<std::string> {
            const auto found = vars_.find(name);
            if (found == vars_.end()) return std::nullopt;
            return found->second;
        };
        settings_.emplace(resolve_settings(flags, env, Terminal{}, pinned_clock()));
        output_.emplace(out_, err_, settings_->presentation);
        log_.emplace(settings_->log, settings_->cache_file, kToday,
                     [this](const std::string& message) { output_->warn(message); });
    }

    fs::path log_file() const { return dir_.path / "log.jsonl"; }
    std::string log_bytes() const { return read_file(log_file()); }
    const fs::path& dir() const { return dir_.path; }
    const Library& library() {
        if (!library_) library_ = load_library(settings_->definition_dirs);
        return *library_;
    }
    Log& log() { return *log_; }
    const Settings& settings() const { return *settings_; }
    const Output& output() const { return *output_; }
    std::string out() const { return out_.str(); }
    std::string err() const { return err_.str(); }
    void clear_output() {
        out_.str("");
        err_.str("");
    }

    void log_sets(const std::string& exercise, std::vector<std::string> sets) {
        LogArguments args;
        args.exercise = exercise;
        args.sets = std::move(sets);
        run_log(args, library(), log(), settings(), output());
    }

  private:
    TempDir dir_;
    std::map<std::string, std::string> vars_;
    std::ostringstream out_;
    std::ostringstream err_;
    std::optional<Settings> settings_;
    std::optional<Output> output_;
    std::optional<Log> log_;
    std::optional<Library> library_;
};

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("run_log appends one record stamped by the clock, and says what is next",
          "[commands][log]") {
    World world;
    world.log_sets("back-extension", {"12,12,12"});
    const auto lines = lines_of(world.log_bytes());
    REQUIRE(lines.size() == 1);
    const Record record = parse_record(lines[0]);
    CHECK(record.id == "0000000000000001");
    CHECK(record.time == kNow);
    CHECK(record.date == kToday);
    CHECK(world.log_bytes() == serialize_record(record) + "\n");
    CHECK(contains(world.out(),
                   "Logged back-extension on 2026-11-23: 3x12@bw (id 0000000000000001)"));
    CHECK(contains(world.out(), "Next time: "));
    CHECK(world.err().empty());
}

TEST_CASE("run_log refuses bad notation and leaves the log untouched", "[commands][log]") {
    World world;
    LogArguments args;
    args.exercise = "deadlift";
    args.sets = {"3x"};
    CHECK_THROWS_AS(run_log(args, world.library(), world.log(), world.settings(), world.output()),
                    UsageError);
    CHECK_FALSE(fs::exists(world.log_file()));
    CHECK(world.out().empty());
}

TEST_CASE("run_list prints the library and never touches the log", "[commands][list]") {
    World world;
    ListArguments args;
    args.search = "deadlift";
    run_list(args, world.library(), world.output());
    CHECK(contains(world.out(), "romanian-deadlift"));
    CHECK_FALSE(contains(world.out(), "back-extension  "));
    CHECK_FALSE(fs::exists(world.log_file()));
}

TEST_CASE("run_show gives the facts and the history", "[commands][show]") {
    World world;
    world.log_sets("deadlift", {"3x5@100kg"});
    world.clear_output();
    run_show("deadlift", world.library(), world.log(), world.settings(), world.output());
    CHECK(contains(world.out(), "Your history: 1 session, 2026-11-23 to 2026-11-23"));
    CHECK(lines_of(world.log_bytes()).size() == 1);
}

TEST_CASE("run_plan and run_plan_list", "[commands][plan]") {
    World world;
    run_plan_list(world.library(), world.output());
    CHECK(contains(world.out(), "back-workout"));
    world.clear_output();
    run_plan("back-workout", world.library(), world.log(), world.settings(), world.output());
    CHECK(contains(world.out(), "(back-workout) for 2026-11-23"));
    CHECK_FALSE(fs::exists(world.log_file()));
}

TEST_CASE("run_progress: overview, one exercise, periods", "[commands][progress]") {
    World world;
    world.log_sets("back-extension", {"12,12,12"});
    world.clear_output();
    ProgressArguments args;
    run_progress(args, world.library(), world.log(), world.settings(), world.output());
    CHECK(contains(world.out(), "back-extension  1 "));
    world.clear_output();
    args.exercise = "back-extension";
    run_progress(args, world.library(), world.log(), world.settings(), world.output());
    CHECK(contains(world.out(), "0000000000000001"));
    world.clear_output();
    args.periods.weekly = true;
    run_progress(args, world.library(), world.log(), world.settings(), world.output());
    CHECK(contains(world.out(), "2026-W48"));
}

TEST_CASE("run_history lists every set as JSON lines", "[commands][history]") {
    World world("jsonl");
    world.log_sets("deadlift", {"2x5@100kg"});
    world.clear_output();
    run_history(FilterOptions{}, world.library(), world.log(), world.settings(), world.output());
    const auto rows = lines_of(world.out());
    REQUIRE(rows.size() == 2);
    CHECK(contains(rows[1], R"("set_number":2)"));
    CHECK(contains(rows[1], R"("record_id":"0000000000000001")"));
}

TEST_CASE("run_undo appends a void record with the clock's next id", "[commands][undo]") {
    World world;
    world.log_sets("deadlift", {"3x5@100kg"});
    const std::string before = world.log_bytes();
    world.clear_output();
    run_undo("", world.log(), world.settings(), world.output());
    const std::string after = world.log_bytes();
    REQUIRE(after.starts_with(before));
    const Record undo = parse_record(lines_of(after).back());
    CHECK(undo.id == "0000000000000002");
    CHECK(undo.voids == "0000000000000001");
    CHECK(contains(world.out(), "Undid deadlift on 2026-11-23"));
    CHECK_THROWS_AS(run_undo("", world.log(), world.settings(), world.output()), Failure);
    CHECK(world.log_bytes() == after);
}

TEST_CASE("run_check finds nothing wrong in a fresh log, and a torn line", "[commands][check]") {
    World world;
    world.log_sets("deadlift", {"3x5@100kg"});
    world.clear_output();
    CHECK(run_check(world.log(), world.settings(), world.output()) == 0);
    CHECK(contains(world.out(), "0 problems; 1 log entries"));
    std::ofstream(world.log_file(), std::ios::app) << R"({"v":1,"id":)";
    world.clear_output();
    CHECK(run_check(world.log(), world.settings(), world.output()) == 1);
    CHECK(contains(world.out(), ":2: incomplete last line"));
}

TEST_CASE("run_import adds an export once", "[commands][import]") {
    World world;
    ImportArguments args;
    args.file = (fs::path(LIFTLOG_SOURCE_DIR) / "tests/data/imports/hevy-kg.csv").string();
    run_import(args, world.library(), world.log(), world.settings(), world.output());
    CHECK(contains(world.out(), "Added "));
    const std::string log = world.log_bytes();
    CHECK_FALSE(log.empty());
    world.clear_output();
    run_import(args, world.library(), world.log(), world.settings(), world.output());
    CHECK(contains(world.out(), "Added 0 records (0 sets)"));
    CHECK(world.log_bytes() == log);
}

TEST_CASE("run_completion_ids and run_completion_script", "[commands][completion]") {
    World world;
    run_completion_ids("plans", world.library(), world.output());
    CHECK(contains(world.out(), "back-workout\n"));
    world.clear_output();
    CLI::App root("test", "liftlog");
    add_list_command(root);
    run_completion_script("bash", root, world.output());
    CHECK(contains(world.out(), "list"));
}

TEST_CASE("cli::run with a pinned clock: one reading of the clock for the whole run",
          "[commands][app]") {
    TempDir dir;
    const std::string log = (dir.path / "log.jsonl").string();
    const std::vector<const char*> argv = {"liftlog",   "log",   "deadlift",
                                           "3x5@100kg", "--log", log.c_str()};
    std::ostringstream out;
    std::ostringstream err;
    const Environment env = [&dir](const char* name) -> std::optional<std::string> {
        if (std::string(name) == "HOME") return (dir.path / "home").string();
        return std::nullopt;
    };
    const int status = cli::run(static_cast<int>(argv.size()), argv.data(), out, err, env,
                                Terminal{}, pinned_clock());
    CHECK(status == 0);
    CHECK(err.str().empty());
    CHECK(contains(out.str(), "Logged deadlift on 2026-11-23"));
    const Record record = parse_record(lines_of(read_file(log)).at(0));
    CHECK(record.time == kNow);
    CHECK(record.id == "0000000000000001");
}
