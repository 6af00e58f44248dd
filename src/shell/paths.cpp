#include "liftlog/paths.hpp"

#include "liftlog/error.hpp"

namespace liftlog {

namespace fs = std::filesystem;

namespace {

// An unset or empty variable counts as absent, as the XDG spec says.
std::optional<std::string> non_empty(const Environment& env, const char* name) {
    auto value = env(name);
    if (value && value->empty()) return std::nullopt;
    return value;
}

std::optional<fs::path> xdg_dir(const Environment& env, const char* variable,
                                const char* home_fallback) {
    if (auto dir = non_empty(env, variable)) return fs::path(*dir);
    if (auto home = non_empty(env, "HOME")) return fs::path(*home) / home_fallback;
    return std::nullopt;
}

}  // namespace

fs::path resolve_log_path(const std::string& flag, const Environment& env,
                          const std::optional<fs::path>& configured) {
    if (!flag.empty()) return flag;
    if (auto path = non_empty(env, "LIFTLOG_LOG")) return *path;
    if (configured) return *configured;
    if (auto data = xdg_dir(env, "XDG_DATA_HOME", ".local/share"))
        return *data / "liftlog" / "log.jsonl";
    throw UsageError(
        "cannot tell where the log lives: set HOME, XDG_DATA_HOME or LIFTLOG_LOG, or "
        "pass --log FILE");
}

std::optional<fs::path> user_definitions_dir(const Environment& env) {
    if (auto config = xdg_dir(env, "XDG_CONFIG_HOME", ".config"))
        return *config / "liftlog" / "exercises";
    return std::nullopt;
}

std::optional<fs::path> cache_dir(const Environment& env) {
    if (auto cache = xdg_dir(env, "XDG_CACHE_HOME", ".cache")) return *cache / "liftlog";
    return std::nullopt;
}

}  // namespace liftlog
