#include "liftlog/settings.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "liftlog/config.hpp"
#include "liftlog/error.hpp"
#include "liftlog/history_cache.hpp"
#include "liftlog/paths.hpp"
#include "liftlog/text.hpp"

namespace liftlog {

namespace fs = std::filesystem;

namespace {

constexpr std::pair<OutputFormat, std::string_view> kFormatNames[] = {
    {OutputFormat::text, "text"},
    {OutputFormat::json, "json"},
    {OutputFormat::csv, "csv"},
    {OutputFormat::jsonl, "jsonl"},
};

std::optional<std::string> non_empty(const Environment& env, const char* name) {
    auto value = env(name);
    if (value && value->empty()) return std::nullopt;
    return value;
}

Config read_config(const GlobalFlags& flags, const Environment& env) {
    const auto file = config_file_path(flags.config_path, env);
    const ConfigOrigin origin = !flags.config_path.empty()         ? ConfigOrigin::command_line
                                : non_empty(env, "LIFTLOG_CONFIG") ? ConfigOrigin::environment
                                                                   : ConfigOrigin::default_location;
    return file ? load_config(*file, origin, env) : Config{};
}

Clock pin_today(const GlobalFlags& flags, const Clock& clock) {
    if (flags.today.empty()) return clock;
    if (auto date = parse_date(flags.today)) return clock.pinned_to(*date);
    throw UsageError(fmt::format("--today {}: {}", flags.today, not_a_date_hint(clock.today())));
}

std::optional<Unit> resolve_unit(const GlobalFlags& flags, const Environment& env,
                                 const Config& config) {
    std::string text = flags.unit;
    std::string source = "--unit";
    if (text.empty()) {
        if (auto from_env = non_empty(env, "LIFTLOG_UNIT")) {
            text = *from_env;
            source = "LIFTLOG_UNIT";
        }
    }
    if (text.empty() && config.unit) {
        text = *config.unit;
        source = config.file->string() + ": unit =";
    }
    if (text.empty()) return std::nullopt;
    if (auto unit = parse_unit(text)) return unit;
    throw UsageError(fmt::format("{} {}: unknown unit; use kg or lb", source, text));
}

std::vector<fs::path> definition_dirs(const GlobalFlags& flags, const Environment& env,
                                      const Config& config) {
    std::vector<fs::path> dirs;
    if (auto user = user_definitions_dir(env)) dirs.push_back(*user);
    for (const auto& dir : config.exercise_dirs) dirs.push_back(dir);
    if (flags.exercises_dir.empty()) return dirs;
    std::error_code error;
    if (!fs::is_directory(flags.exercises_dir, error))
        throw UsageError(
            fmt::format("--exercises {}: not a directory; give a directory of "
                        "exercise files (with plans/ for plan files)",
                        flags.exercises_dir));
    dirs.emplace_back(flags.exercises_dir);
    return dirs;
}

LogLocation locate_log(const GlobalFlags& flags, const Environment& env, const Config& config) {
    try {
        return {resolve_log_path(flags.log_path, env, config.log), {}};
    } catch (const UsageError& error) {
        return {std::nullopt, error.what()};
    }
}

std::optional<fs::path> cache_file_for(const GlobalFlags& flags, const Environment& env,
                                       const LogLocation& log) {
    if (flags.no_cache || !log.path) return std::nullopt;
    if (auto off = non_empty(env, "LIFTLOG_NO_CACHE"); off && *off != "0") return std::nullopt;
    const auto dir = cache_dir(env);
    if (!dir) return std::nullopt;
    return history_cache_file(*dir, *log.path);
}

bool use_color(const GlobalFlags& flags, const Environment& env, const Terminal& terminal,
               const Config& config, OutputFormat format) {
    if (format != OutputFormat::text) return false;
    std::string choice = flags.color;
    if ((choice.empty() || choice == "auto") && non_empty(env, "NO_COLOR")) return false;
    if (choice.empty()) choice = config.color.value_or("auto");
    if (choice != "auto") return choice == "always";
    return terminal.stdout_is_terminal && env("TERM").value_or("") != "dumb";
}

// Wider than any screen: charts and tables are laid out at this width, so a
// huge COLUMNS (2147483647) must not size their buffers.
constexpr int kMaxColumns = 1000;

// $COLUMNS when it is a whole number from 1 to kMaxColumns (larger is read
// as kMaxColumns), else the terminal's width, else 80.
int columns(const Environment& env, const Terminal& terminal) {
    const auto all_digits = [](const std::string& text) {
        return !text.empty() &&
               std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (auto text = env("COLUMNS"); text && all_digits(*text)) {
        const auto digits = text->find_first_not_of('0');
        if (digits != std::string::npos)
            return text->size() - digits > 4 ? kMaxColumns
                                             : std::min(std::stoi(*text), kMaxColumns);
    }
    return std::clamp(terminal.columns.value_or(80), 1, kMaxColumns);
}

}  // namespace

std::string_view format_name(OutputFormat format) {
    for (const auto& [candidate, name] : kFormatNames)
        if (candidate == format) return name;
    return "text";
}

std::optional<OutputFormat> parse_format(std::string_view text) {
    for (const auto& [format, name] : kFormatNames)
        if (name == text) return format;
    return std::nullopt;
}

bool utf8_locale(const Environment& env) {
    for (const char* name : {"LC_ALL", "LC_CTYPE", "LANG"}) {
        const auto value = non_empty(env, name);
        if (!value) continue;
        const std::string locale = to_lower(*value);
        return locale.find("utf-8") != std::string::npos ||
               locale.find("utf8") != std::string::npos;
    }
    return false;
}

Settings resolve_settings(const GlobalFlags& flags, const Environment& env,
                          const Terminal& terminal, const Clock& clock) {
    const Config config = read_config(flags, env);
    Clock pinned = pin_today(flags, clock);
    const auto unit = resolve_unit(flags, env, config);
    // CLI11 has refused any other format.
    const OutputFormat format = parse_format(flags.format).value_or(OutputFormat::text);
    auto dirs = definition_dirs(flags, env, config);
    LogLocation log = locate_log(flags, env, config);
    auto cache_file = cache_file_for(flags, env, log);
    if (flags.raw_csv && format != OutputFormat::csv)
        throw UsageError(
            fmt::format("--raw-csv: only changes CSV; add --format csv, or leave "
                        "--raw-csv out for {} output",
                        format_name(format)));
    const Presentation presentation{
        format, use_color(flags, env, terminal, config, format), columns(env, terminal),
        utf8_locale(env) ? Glyphs::unicode : Glyphs::ascii, flags.raw_csv};
    return Settings{std::move(log), std::move(cache_file), std::move(pinned),        unit,
                    presentation,   std::move(dirs),       user_definitions_dir(env)};
}

}  // namespace liftlog
