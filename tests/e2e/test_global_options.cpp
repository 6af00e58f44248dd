// Global options: placement, --version/--help, where the log lives, units,
// formats and --today.
#include <catch2/catch.hpp>

#include "harness.hpp"
#include "support.hpp"

using e2e::kToday;
using e2e::parse_json;
using e2e::split_lines;

namespace fs = std::filesystem;

TEST_CASE("version prints the version before or after a command", "[e2e][global]") {
    e2e::Sandbox sandbox;
    for (const auto& args :
         std::vector<std::vector<std::string>>{{"--version"}, {"-V"}, {"list", "--version"}}) {
        const auto result = sandbox.run(args);
        CHECK(result.status == 0);
        CHECK(result.out == "liftlog 0.1.0\n");
        CHECK(result.err.empty());
    }
}

TEST_CASE("help and no arguments print usage on stdout with exit 0", "[e2e][global]") {
    e2e::Sandbox sandbox;
    for (const auto& args : std::vector<std::vector<std::string>>{{}, {"--help"}, {"-h"}}) {
        const auto result = sandbox.run(args);
        CHECK(result.status == 0);
        CHECK(result.err.empty());
        CHECK(e2e::contains(result.out, "Usage: liftlog"));
        for (const char* command : {"list", "show", "plan", "log", "progress"})
            CHECK(e2e::contains(result.out, std::string("\n  ") + command + " "));
        CHECK(e2e::contains(result.out, "--log"));
        CHECK(e2e::contains(result.out, "--today"));
    }
    const auto log_help = sandbox.run({"log", "--help"});
    CHECK(log_help.status == 0);
    CHECK(log_help.err.empty());
    CHECK(e2e::contains(log_help.out, "Usage: liftlog log"));
    CHECK(e2e::contains(log_help.out, "Set notation:"));
    CHECK(e2e::contains(log_help.out, "--pain"));
    // Help never touches the log.
    CHECK_FALSE(fs::exists(sandbox.log()));
}

TEST_CASE("global options work the same before and after the command", "[e2e][global]") {
    e2e::Sandbox sandbox;
    e2e::seed_log(sandbox);
    const std::vector<std::pair<std::vector<std::string>, std::vector<std::string>>> pairs = {
        {{"--format", "json", "--today", kToday, "progress"},
         {"progress", "--format", "json", "--today", kToday}},
        {{"--unit", "lb", "--today", kToday, "show", "deadlift"},
         {"show", "deadlift", "--today", kToday, "--unit", "lb"}},
        {{"--format", "json", "--today", kToday, "plan", "lower-back"},
         {"plan", "lower-back", "--today", kToday, "--format", "json"}},
        {{"--format", "json", "list"}, {"list", "--format", "json"}},
        {{"--today", kToday, "--format", "json", "progress"},
         {"--today", kToday, "progress", "--format", "json"}},
    };
    for (const auto& [before, after] : pairs) {
        const auto a = sandbox.run(before);
        const auto b = sandbox.run(after);
        CHECK(a.status == 0);
        CHECK(a.out == b.out);
        CHECK(a.err == b.err);
        CHECK_FALSE(a.out.empty());
    }
    // And for log, which writes: compare what was stored.
    const auto front = sandbox.run({"--format", "json", "--today", kToday, "--log", "front.jsonl",
                                    "log", "deadlift", "3x5@100kg"});
    const auto back = sandbox.run({"log", "deadlift", "3x5@100kg", "--format", "json", "--today",
                                   kToday, "--log", "back.jsonl"});
    REQUIRE(front.status == 0);
    REQUIRE(back.status == 0);
    auto a = parse_json(front.out);
    auto b = parse_json(back.out);
    CHECK(a["suggestion"] == b["suggestion"]);
    CHECK(a["record"]["sets"] == b["record"]["sets"]);
    CHECK(split_lines(e2e::read_file(sandbox.dir() / "front.jsonl")).size() == 1);
    CHECK(split_lines(e2e::read_file(sandbox.dir() / "back.jsonl")).size() == 1);
}

TEST_CASE("the log is the default XDG path when nothing else is given", "[e2e][global][paths]") {
    e2e::Sandbox sandbox;
    REQUIRE(sandbox.run({"log", "deadlift", "3x5@100kg", "--today", kToday}).status == 0);
    CHECK(split_lines(sandbox.read_log()).size() == 1);
    CHECK(sandbox.log() == sandbox.dir() / "data" / "liftlog" / "log.jsonl");
}

TEST_CASE("without XDG_DATA_HOME the log lives under HOME/.local/share", "[e2e][global][paths]") {
    e2e::Sandbox sandbox;
    sandbox.set_env("XDG_DATA_HOME", "");
    REQUIRE(sandbox.run({"log", "deadlift", "3x5@100kg", "--today", kToday}).status == 0);
    const auto path = sandbox.dir() / "home" / ".local" / "share" / "liftlog" / "log.jsonl";
    CHECK(split_lines(e2e::read_file(path)).size() == 1);
    CHECK_FALSE(fs::exists(sandbox.log()));
    CHECK(parse_json(sandbox.run({"progress", "--today", kToday, "--format", "json"}).out).size() ==
          1);
}

TEST_CASE("LIFTLOG_LOG overrides the default path and --log overrides both",
          "[e2e][global][paths]") {
    e2e::Sandbox sandbox;
    const auto env_path = sandbox.dir() / "env" / "env.jsonl";
    const auto flag_path = sandbox.dir() / "flag.jsonl";
    sandbox.set_env("LIFTLOG_LOG", env_path.string());

    REQUIRE(sandbox.run({"log", "deadlift", "3x5@100kg", "--today", kToday}).status == 0);
    CHECK(split_lines(e2e::read_file(env_path)).size() == 1);
    CHECK_FALSE(fs::exists(sandbox.log()));

    REQUIRE(
        sandbox.run({"log", "back-extension", "12", "--log", flag_path.string(), "--today", kToday})
            .status == 0);
    CHECK(split_lines(e2e::read_file(flag_path)).size() == 1);
    CHECK(split_lines(e2e::read_file(env_path)).size() == 1);
    CHECK_FALSE(fs::exists(sandbox.log()));

    // Reading follows the same order.
    const auto from_env =
        parse_json(sandbox.run({"progress", "--today", kToday, "--format", "json"}).out);
    REQUIRE(from_env.size() == 1);
    CHECK(from_env[0]["exercise"] == "deadlift");
    const auto from_flag = parse_json(
        sandbox
            .run({"progress", "--log", flag_path.string(), "--today", kToday, "--format", "json"})
            .out);
    REQUIRE(from_flag.size() == 1);
    CHECK(from_flag[0]["exercise"] == "back-extension");

    // A relative --log is relative to the working directory.
    REQUIRE(
        sandbox.run({"log", "deadlift", "3x5@100kg", "--log", "relative.jsonl", "--today", kToday})
            .status == 0);
    CHECK(split_lines(e2e::read_file(sandbox.dir() / "relative.jsonl")).size() == 1);
}

TEST_CASE("an empty LIFTLOG_LOG counts as unset", "[e2e][global][paths]") {
    e2e::Sandbox sandbox;
    sandbox.set_env("LIFTLOG_LOG", "");
    REQUIRE(sandbox.run({"log", "deadlift", "3x5@100kg", "--today", kToday}).status == 0);
    CHECK(split_lines(sandbox.read_log()).size() == 1);
}

TEST_CASE("unreadable-line reports name the log file actually used", "[e2e][global][paths]") {
    e2e::Sandbox sandbox;
    const auto env_path = sandbox.dir() / "env.jsonl";
    sandbox.set_env("LIFTLOG_LOG", env_path.string());
    sandbox.write_file("env.jsonl", "garbage\n");
    const auto result = sandbox.run({"progress", "--today", kToday});
    CHECK(result.status == 0);
    CHECK(e2e::starts_with(result.err, "liftlog: warning: " + env_path.string() + ":1: "));
}

TEST_CASE("the --unit lb option reports volumes and suggestions in pounds",
          "[e2e][global][units]") {
    e2e::Sandbox sandbox;
    REQUIRE(sandbox.run({"log", "deadlift", "3x5@100kg", "--today", kToday}).status == 0);
    const auto result =
        sandbox.run({"progress", "--unit", "lb", "--today", kToday, "--format", "json"});
    REQUIRE(result.status == 0);
    const auto entry = parse_json(result.out).at(0);
    CHECK(entry["volume"]["unit"] == "lb");
    CHECK(entry["volume"]["value"].get<double>() == Approx(3306.9).margin(0.05));
    CHECK(entry["suggestion"]["next"]["load"]["unit"] == "lb");
    CHECK(entry["suggestion"]["next"]["load"]["value"].get<double>() > 220.46);
    const auto text = sandbox.run({"progress", "--unit", "lb", "--today", kToday});
    CHECK(e2e::contains(text.out, "3306.9 lb"));
}

TEST_CASE("LIFTLOG_UNIT is the default unit and --unit beats it", "[e2e][global][units]") {
    e2e::Sandbox sandbox;
    sandbox.set_env("LIFTLOG_UNIT", "lb");
    REQUIRE(sandbox.run({"log", "deadlift", "3x5@200", "--today", kToday}).status == 0);
    REQUIRE(sandbox.run({"log", "deadlift", "3x5@90", "--unit", "kg", "--today", kToday}).status ==
            0);
    const auto lines = split_lines(sandbox.read_log());
    REQUIRE(lines.size() == 2);
    CHECK(parse_json(lines[0])["sets"][0]["load"]["unit"] == "lb");
    CHECK(parse_json(lines[1])["sets"][0]["load"]["unit"] == "kg");

    sandbox.set_env("LIFTLOG_UNIT", "stone");
    const auto bad = sandbox.run({"progress", "--today", kToday});
    CHECK(bad.status == 2);
    CHECK(e2e::is_single_error(bad.err));
    CHECK(e2e::contains(bad.err, "LIFTLOG_UNIT stone"));
}

TEST_CASE("suggestions keep the unit last used when no unit is asked for", "[e2e][global][units]") {
    e2e::Sandbox sandbox;
    REQUIRE(sandbox.run({"log", "deadlift", "3x5@225lb", "--today", kToday}).status == 0);
    const auto result =
        sandbox.run({"progress", "deadlift", "--today", kToday, "--format", "json"});
    REQUIRE(result.status == 0);
    const auto next = parse_json(result.out).at(0)["suggestion"]["next"]["load"];
    CHECK(next == parse_json(R"({"kind":"external","value":235,"unit":"lb"})"));
}

TEST_CASE("the --format json option keeps errors on stderr as text", "[e2e][global]") {
    e2e::Sandbox sandbox;
    const auto result = sandbox.run({"show", "nope-nope", "--format", "json"});
    CHECK(result.status == 2);
    CHECK(result.out.empty());
    CHECK(e2e::is_single_error(result.err));
}

TEST_CASE("the --today option sets the default date for log and the day reports are judged on",
          "[e2e][global]") {
    e2e::Sandbox sandbox;
    const auto logged =
        sandbox.run({"log", "deadlift", "3x5@100kg", "--today", "2024-02-29", "--format", "json"});
    REQUIRE(logged.status == 0);
    CHECK(parse_json(logged.out)["record"]["date"] == "2024-02-29");
    const auto before = sandbox.run({"progress", "--today", "2024-02-28", "--format", "json"});
    CHECK(parse_json(before.out) == nlohmann::ordered_json::array());
    const auto plan =
        sandbox.run({"plan", "back-workout", "--today", "2025-01-01", "--format", "json"});
    CHECK(parse_json(plan.out)["date"] == "2025-01-01");
}

TEST_CASE("bad global option values are usage errors for every command", "[e2e][global][errors]") {
    // A typo in a global option must not pass silently, even when the command
    // at hand would not otherwise look at that option.
    e2e::Sandbox sandbox;
    e2e::seed_log(sandbox);
    const std::string before = sandbox.read_log();
    const std::vector<std::vector<std::string>> commands = {{"list"},
                                                            {"plan"},
                                                            {"plan", "back-workout"},
                                                            {"show", "deadlift"},
                                                            {"progress"},
                                                            {"progress", "deadlift"},
                                                            {"log", "deadlift", "3x5@100kg"}};
    const std::vector<std::pair<std::vector<std::string>, std::string>> bad_options = {
        {{"--unit", "stone"}, "--unit stone"},
        {{"--today", "2026-13-01"}, "--today 2026-13-01"},
        {{"--today", "yesterday"}, "--today yesterday"},
        {{"--format", "yaml"}, "--format"},
    };
    for (const auto& command : commands) {
        for (const auto& [option, message] : bad_options) {
            std::vector<std::string> args = command;
            args.insert(args.end(), option.begin(), option.end());
            if (option[0] != "--today") args.insert(args.end(), {"--today", kToday});
            std::string shown;
            for (const auto& arg : args) shown += arg + " ";
            INFO("args: " << shown);
            const auto result = sandbox.run(args);
            CHECK(result.status == 2);
            CHECK(result.out.empty());
            CHECK(e2e::is_single_error(result.err));
            CHECK(e2e::contains(result.err, message));
            CHECK(sandbox.read_log() == before);
        }
    }
}

TEST_CASE("the --exercises option must be a directory", "[e2e][global][errors]") {
    e2e::Sandbox sandbox;
    sandbox.write_file("a-file.json", "{}");
    for (const auto& dir :
         {(sandbox.dir() / "missing").string(), (sandbox.dir() / "a-file.json").string()}) {
        const auto result = sandbox.run({"list", "--exercises", dir});
        CHECK(result.status == 2);
        CHECK(result.out.empty());
        CHECK(e2e::is_single_error(result.err));
        CHECK(e2e::contains(result.err, "--exercises " + dir));
    }
}

TEST_CASE("with no HOME XDG_DATA_HOME or LIFTLOG_LOG the log location is a usage error",
          "[e2e][global][paths]") {
    e2e::Sandbox sandbox;
    sandbox.set_env("HOME", "");
    sandbox.set_env("XDG_DATA_HOME", "");
    const auto result = sandbox.run({"log", "deadlift", "3x5@100kg", "--today", kToday});
    CHECK(result.status == 2);
    CHECK(result.out.empty());
    CHECK(e2e::is_single_error(result.err));
    CHECK(e2e::contains(result.err, "--log FILE"));
    // --log still works without them.
    const auto flagged =
        sandbox.run({"log", "deadlift", "3x5@100kg", "--log", "x.jsonl", "--today", kToday});
    CHECK(flagged.status == 0);
    CHECK(split_lines(e2e::read_file(sandbox.dir() / "x.jsonl")).size() == 1);
}
