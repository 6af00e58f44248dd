#include "liftlog/config.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <toml++/toml.h>

#include "liftlog/error.hpp"
#include "liftlog/files.hpp"
#include "liftlog/text.hpp"

namespace liftlog {

namespace fs = std::filesystem;

namespace {

const std::vector<std::string> kKnownKeys = {"color", "exercises", "log", "unit"};

std::string where(const fs::path& file, const toml::source_region& source) {
    return fmt::format("{}:{}:{}", file.string(), source.begin.line, source.begin.column);
}

[[noreturn]] void fail(const fs::path& file, const toml::node& node, const std::string& what) {
    throw UsageError(fmt::format("{}: {}", where(file, node.source()), what));
}

fs::path expand_path(const std::string& text, const fs::path& file, const Environment& env) {
    if (text == "~" || text.starts_with("~/")) {
        const auto home = env("HOME");
        if (!home || home->empty())
            throw UsageError(
                fmt::format("{}: '{}' starts with ~ but HOME is not set; write the full path",
                            file.string(), text));
        return fs::path(*home) / text.substr(text.size() > 1 ? 2 : 1);
    }
    const fs::path path(text);
    if (path.is_absolute()) return path;
    return file.parent_path() / path;
}

std::string string_value(const fs::path& file, const std::string& key, const toml::node& node) {
    if (const auto* value = node.as_string(); value && !value->get().empty()) return value->get();
    fail(file, node,
         fmt::format("'{}' must be a non-empty string, like {} = \"{}\"", key, key,
                     key == "unit"    ? "kg"
                     : key == "color" ? "never"
                                      : "..."));
}

std::vector<fs::path> directories(const fs::path& file, const toml::node& node,
                                  const Environment& env) {
    std::vector<fs::path> dirs;
    if (node.is_string()) {
        dirs.push_back(expand_path(string_value(file, "exercises", node), file, env));
        return dirs;
    }
    const auto* list = node.as_array();
    if (list == nullptr)
        fail(file, node,
             "'exercises' must be a directory or a list of them, like "
             "exercises = [\"~/lifts\"]");
    for (const auto& item : *list)
        dirs.push_back(expand_path(string_value(file, "exercises", item), file, env));
    return dirs;
}

void check_choice(const fs::path& file, const toml::node& node, const std::string& key,
                  const std::string& value, const std::vector<std::string>& choices) {
    for (const auto& choice : choices)
        if (value == choice) return;
    fail(file, node,
         fmt::format("{} = \"{}\" is not one of: {}", key, value,
                     fmt::format("{}", fmt::join(choices, ", "))));
}

}  // namespace

std::optional<fs::path> config_file_path(const std::string& flag, const Environment& env) {
    if (!flag.empty()) return fs::path(flag);
    if (auto named = env("LIFTLOG_CONFIG"); named && !named->empty()) return fs::path(*named);
    if (auto config = env("XDG_CONFIG_HOME"); config && !config->empty())
        return fs::path(*config) / "liftlog" / "config.toml";
    if (auto home = env("HOME"); home && !home->empty())
        return fs::path(*home) / ".config" / "liftlog" / "config.toml";
    return std::nullopt;
}

Config parse_config(const std::string& text, const fs::path& file, const Environment& env) {
    toml::table table;
    try {
        table = toml::parse(text, std::string_view(file.string()));
    } catch (const toml::parse_error& error) {
        throw UsageError(fmt::format("{}: {}; fix the TOML or remove the file",
                                     where(file, error.source()), error.description()));
    }
    Config config;
    config.file = file;
    for (const auto& [key, node] : table) {
        const std::string name(key.str());
        if (name == "unit") {
            config.unit = string_value(file, name, node);
            check_choice(file, node, name, *config.unit, {"kg", "lb"});
        } else if (name == "color") {
            config.color = string_value(file, name, node);
            check_choice(file, node, name, *config.color, {"auto", "always", "never"});
        } else if (name == "log") {
            config.log = expand_path(string_value(file, name, node), file, env);
        } else if (name == "exercises") {
            config.exercise_dirs = directories(file, node, env);
        } else {
            fail(file, node,
                 fmt::format("unknown setting '{}'{} (the settings are {})", name,
                             did_you_mean(closest_matches(name, kKnownKeys)),
                             fmt::format("{}", fmt::join(kKnownKeys, ", "))));
        }
    }
    return config;
}

Config load_config(const fs::path& file, bool named_explicitly, const Environment& env) {
    constexpr std::size_t kMostConfigBytes = std::size_t{1} << 20;
    const FileRead read = read_file_bounded(file, kMostConfigBytes, FileKinds::readable_streams);
    if (read.problem == FileRead::Problem::directory)
        throw UsageError(fmt::format("{}: is a directory; name the config file itself, like {}",
                                     file.string(), (file / "config.toml").string()));
    if (read.problem == FileRead::Problem::missing && !named_explicitly) return {};
    if (!read.ok())
        throw UsageError(
            fmt::format("{}: cannot read the config file; check the path and its "
                        "permissions",
                        file.string()));
    return parse_config(read.content, file, env);
}

}  // namespace liftlog
