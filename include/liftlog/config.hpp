#pragma once
// The user's config file: defaults that sit below flags and environment
// variables (flag > environment > config > built-in default).
#include <cstddef>
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

// Where the config's path came from. Only a file named on the command line
// may be a pipe (--config /dev/stdin, --config <(...)): a FIFO at the default
// place or in $LIFTLOG_CONFIG would hang every command, so there only a
// regular file is read.
enum class ConfigOrigin { default_location, environment, command_line };

// The most bytes a config may have, and how deeply its keys, tables and
// arrays may nest (liftlog's own settings nest one level).
inline constexpr std::size_t kMaxConfigBytes = std::size_t{1} << 20;
inline constexpr std::size_t kMaxConfigDepth = 128;

// Reads the config. A missing file at the default location is an empty
// config; a missing file that was named explicitly, anything but a regular
// file (or a pipe, from the command line), a file over kMaxConfigBytes, bad
// TOML, an unknown key or a mistyped value throws UsageError naming the file
// (FILE:LINE:COLUMN where it can). Relative paths are relative to the file's
// directory; a leading ~/ is $HOME.
Config load_config(const std::filesystem::path& file, ConfigOrigin origin, const Environment& env);

// Parses config text; `file` is only used for messages and relative paths.
// Text nested deeper than kMaxConfigDepth is refused before the TOML parser
// sees it (it recurses once a level, so 100,000 levels overflow its stack).
Config parse_config(const std::string& text, const std::filesystem::path& file,
                    const Environment& env);

}  // namespace liftlog
