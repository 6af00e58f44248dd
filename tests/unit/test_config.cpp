#include <catch2/catch.hpp>

#include <fstream>
#include <map>

#include "liftlog/config.hpp"
#include "liftlog/error.hpp"
#include "temp_dir.hpp"

using namespace liftlog;

namespace {

Environment env_with_home(std::string home) {
    return [home](const char* name) -> std::optional<std::string> {
        if (std::string(name) == "HOME") return home;
        return std::nullopt;
    };
}

std::string usage_error(const std::string& text) {
    try {
        parse_config(text, "/etc/cfg/config.toml", env_with_home("/home/me"));
    } catch (const UsageError& error) {
        return error.what();
    }
    return "no error";
}

}  // namespace

TEST_CASE("config: every setting is read, paths resolved against HOME and the file") {
    const auto config = parse_config(
        "# defaults\nunit = \"lb\"\nlog = \"~/training/log.jsonl\"\n"
        "exercises = [\"lifts\", \"/opt/lifts\"]\ncolor = \"never\"\n",
        "/etc/cfg/config.toml", env_with_home("/home/me"));
    CHECK(config.unit == "lb");
    CHECK(config.log == std::filesystem::path("/home/me/training/log.jsonl"));
    REQUIRE(config.exercise_dirs.size() == 2);
    CHECK(config.exercise_dirs[0] == std::filesystem::path("/etc/cfg/lifts"));
    CHECK(config.exercise_dirs[1] == std::filesystem::path("/opt/lifts"));
    CHECK(config.color == "never");
}

TEST_CASE("config: a single exercise directory may be a string") {
    const auto config =
        parse_config("exercises = \"/opt/lifts\"\n", "/c.toml", env_with_home("/home/me"));
    REQUIRE(config.exercise_dirs.size() == 1);
    CHECK(config.exercise_dirs[0] == std::filesystem::path("/opt/lifts"));
}

TEST_CASE("config: mistakes name the file, line and column and say how to fix them") {
    CHECK(usage_error("units = \"lb\"\n") ==
          "/etc/cfg/config.toml:1:9: unknown setting 'units'; did you mean 'unit'? (the "
          "settings are color, exercises, log, unit)");
    CHECK(usage_error("\nunit = \"stone\"\n")
              .starts_with("/etc/cfg/config.toml:2:8: unit = \"stone\" is not one of: kg, lb"));
    CHECK(usage_error("unit = 3\n").find("'unit' must be a non-empty string") != std::string::npos);
    CHECK(usage_error("exercises = 3\n").find("'exercises' must be a directory or a list") !=
          std::string::npos);
    CHECK(usage_error("unit = \n").starts_with("/etc/cfg/config.toml:1:"));
    CHECK(usage_error("unit = \n").ends_with("fix the TOML or remove the file"));
}

TEST_CASE("config: a missing default file is empty, a named one is an error") {
    TempDir dir;
    const auto missing = dir.path / "nope.toml";
    CHECK_FALSE(
        load_config(missing, ConfigOrigin::default_location, env_with_home("/h")).unit.has_value());
    CHECK_THROWS_AS(load_config(missing, ConfigOrigin::environment, env_with_home("/h")),
                    UsageError);
    CHECK_THROWS_WITH(load_config(dir.path, ConfigOrigin::command_line, env_with_home("/h")),
                      Catch::Contains("is a directory"));
    std::ofstream(dir.path / "c.toml") << "unit = \"kg\"\n";
    CHECK(load_config(dir.path / "c.toml", ConfigOrigin::default_location, env_with_home("/h"))
              .unit == "kg");
}

TEST_CASE("config: the file's location follows flag, LIFTLOG_CONFIG, XDG, HOME") {
    std::map<std::string, std::string> vars{{"HOME", "/home/me"}};
    const Environment env = [&vars](const char* name) -> std::optional<std::string> {
        if (auto it = vars.find(name); it != vars.end()) return it->second;
        return std::nullopt;
    };
    CHECK(config_file_path("", env) ==
          std::filesystem::path("/home/me/.config/liftlog/config.toml"));
    vars["XDG_CONFIG_HOME"] = "/xdg";
    CHECK(config_file_path("", env) == std::filesystem::path("/xdg/liftlog/config.toml"));
    vars["LIFTLOG_CONFIG"] = "/named.toml";
    CHECK(config_file_path("", env) == std::filesystem::path("/named.toml"));
    CHECK(config_file_path("/flag.toml", env) == std::filesystem::path("/flag.toml"));
}

TEST_CASE("config: nesting past 128 levels is refused with its position, before parsing") {
    std::string key = "a";
    for (int i = 0; i < 200; ++i) key += ".a";
    CHECK(usage_error(key + " = 1\n") ==
          "/etc/cfg/config.toml:1:258: keys, tables or arrays nested more than 128 deep; "
          "liftlog's settings do not nest: fix the TOML or remove the file");
    // Brackets and dots add up: 100 arrays, then an inline table whose key has 30 dots.
    std::string mixed = "x = " + std::string(100, '[') + "{";
    for (int i = 0; i < 30; ++i) mixed += "b.";
    CHECK(usage_error(mixed + "b = 1}\n").starts_with("/etc/cfg/config.toml:1:"));
    CHECK(usage_error(mixed + "b = 1}\n").find("more than 128") != std::string::npos);
    // 128 levels are parsed as TOML, and strings and comments are not counted.
    CHECK(usage_error("x = " + std::string(127, '[') + std::string(127, ']') + "\n")
              .find("unknown setting 'x'") != std::string::npos);
    const std::string dots(500, '.');
    CHECK(usage_error("# " + dots + "\nx = \"" + dots + "\"\ny = '" + dots + "'\nz = \"\"\"\n" +
                      dots + "\n\"\"\"\n")
              .find("unknown setting") != std::string::npos);
}
