#pragma once
// The user's config file: defaults that sit below flags and environment
// variables (flag > environment > config > built-in default).
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "liftlog/environment.hpp"

namespace liftlog {

struct Config {
    std::optional<std::filesystem::path> file;  // where it was read from, if anywhere
    std::optional<std::string> unit;
    std::optional<std::filesystem::path> log;
    std::vector<std::filesystem::path> exercise_dirs;
    std::optional<std::string> color;
};

// --config FILE, else $LIFTLOG_CONFIG, else $XDG_CONFIG_HOME/liftlog/config.toml
// (~/.config/liftlog/config.toml). nullopt when no location can be found.
std::optional<std::filesystem::path> config_file_path(const std::string& flag,
                                                      const Environment& env);

// Reads the config. A missing file at the default location is an empty
// config; a missing file that was named explicitly, bad TOML, an unknown key
// or a mistyped value throws UsageError naming FILE:LINE:COLUMN. Relative
// paths are relative to the file's directory; a leading ~/ is $HOME.
Config load_config(const std::filesystem::path& file, bool named_explicitly,
                   const Environment& env);

// Parses config text; `file` is only used for messages and relative paths.
Config parse_config(const std::string& text, const std::filesystem::path& file,
                    const Environment& env);

}  // namespace liftlog
