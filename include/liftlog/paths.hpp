#pragma once
// Where liftlog keeps things, following the XDG base directory layout.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "liftlog/environment.hpp"

namespace liftlog {

// --log FILE, else $LIFTLOG_LOG, else the config file's `log`, else
// $XDG_DATA_HOME/liftlog/log.jsonl, else ~/.local/share/liftlog/log.jsonl.
// Throws UsageError when none can be found.
std::filesystem::path resolve_log_path(const std::string& flag, const Environment& env,
                                       const std::optional<std::filesystem::path>& configured = {});

// $XDG_CONFIG_HOME/liftlog/exercises (else ~/.config/liftlog/exercises), which
// may not exist; std::nullopt when neither variable is set.
std::optional<std::filesystem::path> user_definitions_dir(const Environment& env);

// $XDG_CACHE_HOME/liftlog (else ~/.cache/liftlog); std::nullopt when neither
// variable is set.
std::optional<std::filesystem::path> cache_dir(const Environment& env);

}  // namespace liftlog
