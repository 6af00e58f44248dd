// The config file end to end: where it is found, flag > environment > config >
// default for each setting, and the errors of a config that cannot be used.
#include <catch2/catch.hpp>

#include "harness.hpp"
#include "support.hpp"

using e2e::contains;
using e2e::kToday;
using e2e::parse_json;

namespace fs = std::filesystem;

namespace {

const std::string kConfig = "config/liftlog/config.toml";
constexpr std::string_view kEscape = "\x1b[";

// The unit a load typed without one is stored in, as `log` reports it.
std::string stored_unit(const e2e::Sandbox& sandbox, std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"log",      "deadlift", "3x5@100", "--today",   kToday,
                                     "--format", "json",     "--log",   "unit.jsonl"};
    args.insert(args.end(), extra.begin(), extra.end());
    const auto result = sandbox.run(args);
    REQUIRE(result.status == 0);
    return parse_json(result.out)["record"]["sets"][0]["load"]["unit"].get<std::string>();
}

// Which of the candidate files `log` wrote to.
bool logged_to(const e2e::Sandbox& sandbox, const fs::path& file,
               std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"log", "back-extension", "12", "--today", kToday};
    args.insert(args.end(), extra.begin(), extra.end());
    REQUIRE(sandbox.run(args).status == 0);
    return fs::exists(file) && e2e::split_lines(e2e::read_file(file)).size() == 1;
}

bool list_is_coloured(const e2e::Sandbox& sandbox, std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"list", "deadlift"};
    args.insert(args.end(), extra.begin(), extra.end());
    const auto result = sandbox.run(args);
    REQUIRE(result.status == 0);
    REQUIRE_FALSE(result.out.empty());
    return contains(result.out, kEscape);
}

std::vector<std::string> listed_ids(const e2e::Sandbox& sandbox,
                                    std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"list", "--format", "json"};
    args.insert(args.end(), extra.begin(), extra.end());
    const auto result = sandbox.run(args);
    REQUIRE(result.status == 0);
    std::vector<std::string> ids;
    for (const auto& exercise : parse_json(result.out)) ids.push_back(exercise["id"]);
    return ids;
}

bool has(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// A usage error (exit 2) whose one message contains every piece.
void check_usage_error(const e2e::RunResult& result, const std::vector<std::string>& pieces) {
    CHECK(result.status == 2);
    CHECK(result.out.empty());
    CHECK(e2e::is_single_error(result.err));
    for (const auto& piece : pieces) CHECK(contains(result.err, piece));
}

}  // namespace

TEST_CASE("unit: --unit beats LIFTLOG_UNIT beats the config beats kg", "[e2e][config]") {
    e2e::Sandbox sandbox;
    CHECK(stored_unit(sandbox) == "kg");
    sandbox.write_file(kConfig, "unit = \"lb\"\n");
    CHECK(stored_unit(sandbox) == "lb");
    sandbox.set_env("LIFTLOG_UNIT", "kg");
    CHECK(stored_unit(sandbox) == "kg");
    sandbox.set_env("LIFTLOG_UNIT", "");
    sandbox.write_file(kConfig, "unit = \"kg\"\n");
    sandbox.set_env("LIFTLOG_UNIT", "lb");
    CHECK(stored_unit(sandbox) == "lb");
    CHECK(stored_unit(sandbox, {"--unit", "kg"}) == "kg");
}

TEST_CASE("log path: --log beats LIFTLOG_LOG beats the config beats the XDG path",
          "[e2e][config]") {
    e2e::Sandbox sandbox;
    const auto from_config = sandbox.dir() / "from-config.jsonl";
    const auto from_env = sandbox.dir() / "from-env.jsonl";
    const auto from_flag = sandbox.dir() / "from-flag.jsonl";
    // A relative path in the config is relative to the config file's directory.
    sandbox.write_file(kConfig, "log = \"../../from-config.jsonl\"\n");
    CHECK(logged_to(sandbox, from_config));
    CHECK_FALSE(fs::exists(sandbox.log()));

    sandbox.set_env("LIFTLOG_LOG", from_env.string());
    CHECK(logged_to(sandbox, from_env));
    CHECK(logged_to(sandbox, from_flag, {"--log", from_flag.string()}));
    CHECK(e2e::split_lines(e2e::read_file(from_config)).size() == 1);
    CHECK(e2e::split_lines(e2e::read_file(from_env)).size() == 1);
    CHECK_FALSE(fs::exists(sandbox.log()));
}

TEST_CASE("the config's exercises directories add definitions", "[e2e][config]") {
    e2e::Sandbox sandbox;
    sandbox.write_file("lifts/one/cable-pull-through.json",
                       e2e::exercise_definition("cable-pull-through", "Cable Pull-Through"));
    sandbox.write_file("lifts/two/belt-squat.json",
                       e2e::exercise_definition("belt-squat", "Belt Squat"));
    CHECK_FALSE(has(listed_ids(sandbox), "cable-pull-through"));

    sandbox.write_file(kConfig, "exercises = \"" + (sandbox.dir() / "lifts/one").string() + "\"\n");
    CHECK(has(listed_ids(sandbox), "cable-pull-through"));
    CHECK_FALSE(has(listed_ids(sandbox), "belt-squat"));

    sandbox.write_file(kConfig, "exercises = [\"../../lifts/one\", \"../../lifts/two\"]\n");
    const auto both = listed_ids(sandbox);
    CHECK(has(both, "cable-pull-through"));
    CHECK(has(both, "belt-squat"));
    // Logging and showing a config exercise work like a built-in one.
    CHECK(sandbox.run({"log", "belt-squat", "3x8@60kg", "--today", kToday}).status == 0);
    CHECK(contains(sandbox.run({"show", "belt squat", "--today", kToday}).out, "Belt Squat"));
}

TEST_CASE("a config with ~/ paths finds them under HOME", "[e2e][config]") {
    e2e::Sandbox sandbox;
    sandbox.write_file("home/lifts/belt-squat.json",
                       e2e::exercise_definition("belt-squat", "Belt Squat"));
    sandbox.write_file(kConfig, "log = \"~/training/log.jsonl\"\nexercises = [\"~/lifts\"]\n");
    CHECK(has(listed_ids(sandbox), "belt-squat"));
    CHECK(logged_to(sandbox, sandbox.dir() / "home" / "training" / "log.jsonl"));
    CHECK_FALSE(fs::exists(sandbox.log()));
}

TEST_CASE("colour: --color beats NO_COLOR beats the config's color beats auto", "[e2e][config]") {
    e2e::Sandbox sandbox;
    // Auto: the output is a file, not a terminal.
    CHECK_FALSE(list_is_coloured(sandbox));
    sandbox.write_file(kConfig, "color = \"always\"\n");
    CHECK(list_is_coloured(sandbox));
    sandbox.set_env("NO_COLOR", "1");
    CHECK_FALSE(list_is_coloured(sandbox));
    CHECK(list_is_coloured(sandbox, {"--color", "always"}));
    sandbox.set_env("NO_COLOR", "");
    CHECK_FALSE(list_is_coloured(sandbox, {"--color", "never"}));
    sandbox.write_file(kConfig, "color = \"never\"\n");
    CHECK_FALSE(list_is_coloured(sandbox));
    CHECK(list_is_coloured(sandbox, {"--color", "always"}));
}

TEST_CASE("the config is found at --config, else LIFTLOG_CONFIG, else XDG, else ~/.config",
          "[e2e][config]") {
    e2e::Sandbox sandbox;
    sandbox.write_file("home/.config/liftlog/config.toml", "unit = \"lb\"\n");
    sandbox.set_env("XDG_CONFIG_HOME", "");
    CHECK(stored_unit(sandbox) == "lb");
    sandbox.set_env("XDG_CONFIG_HOME", (sandbox.dir() / "config").string());
    sandbox.write_file(kConfig, "unit = \"kg\"\n");
    CHECK(stored_unit(sandbox) == "kg");
    sandbox.write_file("env.toml", "unit = \"lb\"\n");
    sandbox.set_env("LIFTLOG_CONFIG", (sandbox.dir() / "env.toml").string());
    CHECK(stored_unit(sandbox) == "lb");
    sandbox.write_file("flag.toml", "unit = \"kg\"\n");
    CHECK(stored_unit(sandbox, {"--config", "flag.toml"}) == "kg");
}

TEST_CASE("config errors are usage errors that name FILE:LINE:COLUMN", "[e2e][config]") {
    e2e::Sandbox sandbox;
    const std::string file = (sandbox.dir() / kConfig).string();

    SECTION("an unknown key gets a did-you-mean") {
        sandbox.write_file(kConfig, "unit = \"lb\"\nunti = \"kg\"\n");
        check_usage_error(sandbox.run({"list"}),
                          {file + ":2:", "unknown setting 'unti'", "did you mean 'unit'"});
    }
    SECTION("a value outside the choices lists them") {
        sandbox.write_file(kConfig, "color = \"sometimes\"\n");
        check_usage_error(sandbox.run({"list"}), {file + ":1:", "auto, always, never"});
    }
    SECTION("a value of the wrong type") {
        sandbox.write_file(kConfig, "unit = 5\n");
        check_usage_error(sandbox.run({"list"}), {file + ":1:", "non-empty string"});
    }
    SECTION("TOML that does not parse") {
        sandbox.write_file(kConfig, "unit = \"kg\"\nlog = [\n");
        check_usage_error(sandbox.run({"list"}), {file + ":2:", "fix the TOML"});
        // A bad config never lets a command that writes go ahead.
        CHECK(sandbox.run({"log", "deadlift", "3x5@100kg", "--today", kToday}).status == 2);
        CHECK_FALSE(fs::exists(sandbox.log()));
    }
    SECTION("a named --config that does not exist") {
        check_usage_error(sandbox.run({"--config", "missing.toml", "list"}),
                          {"missing.toml", "cannot read the config file"});
    }
    SECTION("a LIFTLOG_CONFIG that does not exist") {
        sandbox.set_env("LIFTLOG_CONFIG", (sandbox.dir() / "missing.toml").string());
        check_usage_error(sandbox.run({"list"}), {"missing.toml"});
    }
}

TEST_CASE("no config file at the default place is no error", "[e2e][config]") {
    e2e::Sandbox sandbox;
    const auto result = sandbox.run({"list", "deadlift"});
    CHECK(result.status == 0);
    CHECK(result.err.empty());
    CHECK(contains(result.out, "deadlift"));
}
