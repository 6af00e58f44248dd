#include "services.hpp"

#include <algorithm>
#include <ostream>

#include <fmt/format.h>

#include "liftlog/clock.hpp"
#include "liftlog/error.hpp"
#include "liftlog/history_cache.hpp"
#include "liftlog/library_loader.hpp"

namespace liftlog::cli {

namespace fs = std::filesystem;

namespace {

constexpr std::pair<OutputFormat, std::string_view> kFormatNames[] = {
    {OutputFormat::text, "text"},
    {OutputFormat::json, "json"},
    {OutputFormat::csv, "csv"},
    {OutputFormat::jsonl, "jsonl"},
};

OutputFormat parse_format(const std::string& text) {
    for (const auto& [format, name] : kFormatNames)
        if (name == text) return format;
    return OutputFormat::text;  // CLI11 has already refused anything else
}

std::string format_list(const std::vector<OutputFormat>& formats) {
    std::string list;
    for (std::size_t i = 0; i < formats.size(); ++i) {
        if (i > 0) list += i + 1 == formats.size() ? " or " : ", ";
        list += format_name(formats[i]);
    }
    return list;
}

}  // namespace

std::string_view format_name(OutputFormat format) {
    for (const auto& [candidate, name] : kFormatNames)
        if (candidate == format) return name;
    return "text";
}

Services::Services(const GlobalOptions& options, Environment env, Terminal terminal,
                   std::ostream& out, std::ostream& err)
    : options_(options), env_(std::move(env)), terminal_(terminal), out_(out), err_(err) {}

void Services::declare_formats(const std::string& command, std::vector<OutputFormat> formats) {
    formats_[command] = std::move(formats);
}

void Services::check_options(const std::string& command) {
    config();
    if (!options_.today.empty()) today();
    unit();
    if (command.empty()) return;
    const auto declared = formats_.find(command);
    const std::vector<OutputFormat> formats =
        declared != formats_.end() ? declared->second
                                   : std::vector{OutputFormat::text, OutputFormat::json};
    const OutputFormat asked = format();
    if (std::find(formats.begin(), formats.end(), asked) == formats.end())
        throw UsageError(fmt::format("--format {}: '{}' prints {}; pick one of those",
                                     format_name(asked), command, format_list(formats)));
}

const Config& Services::config() {
    if (!config_) {
        const auto file = config_file_path(options_.config_path, env_);
        const bool named =
            !options_.config_path.empty() || env_("LIFTLOG_CONFIG").value_or("") != "";
        config_ = file ? load_config(*file, named, env_) : Config{};
    }
    return *config_;
}

bool Services::color() {
    if (format() != OutputFormat::text) return false;
    std::string choice = options_.color;
    if (choice.empty() || choice == "auto") {
        if (auto no_color = env_("NO_COLOR"); no_color && !no_color->empty()) return false;
    }
    if (choice.empty()) choice = config().color.value_or("auto");
    if (choice != "auto") return choice == "always";
    return terminal_.stdout_is_terminal && env_("TERM").value_or("") != "dumb";
}

int Services::terminal_width() {
    if (auto columns = env_("COLUMNS")) {
        try {
            const int width = std::stoi(*columns);
            if (width > 0) return width;
        } catch (const std::exception&) {
            // Not a number: fall through to the terminal.
        }
    }
    return terminal_.columns.value_or(80);
}

const Library& Services::library() {
    if (!library_) library_ = load_library(definition_dirs());
    return *library_;
}

std::vector<fs::path> Services::definition_dirs() {
    std::vector<fs::path> dirs;
    if (auto config = user_definitions_dir(env_)) dirs.push_back(*config);
    for (const auto& dir : config().exercise_dirs) dirs.push_back(dir);
    if (!options_.exercises_dir.empty()) {
        std::error_code error;
        if (!fs::is_directory(options_.exercises_dir, error))
            throw UsageError(
                fmt::format("--exercises {}: not a directory; give a directory of "
                            "exercise files (with plans/ for plan files)",
                            options_.exercises_dir));
        dirs.emplace_back(options_.exercises_dir);
    }
    return dirs;
}

fs::path Services::log_path() {
    return resolve_log_path(options_.log_path, env_, config().log);
}

Date Services::today() {
    if (options_.today.empty()) return local_now().today;
    if (auto date = parse_date(options_.today)) return *date;
    throw UsageError(fmt::format("--today {}: not a date; write it as YYYY-MM-DD, like 2026-11-23",
                                 options_.today));
}

std::optional<Unit> Services::unit() {
    std::string text = options_.unit;
    std::string source = "--unit";
    if (text.empty()) {
        if (auto env = env_("LIFTLOG_UNIT"); env && !env->empty()) {
            text = *env;
            source = "LIFTLOG_UNIT";
        }
    }
    if (text.empty() && config().unit) {
        text = *config().unit;
        source = config().file->string() + ": unit =";
    }
    if (text.empty()) return std::nullopt;
    if (auto unit = parse_unit(text)) return unit;
    throw UsageError(fmt::format("{} {}: unknown unit; use kg or lb", source, text));
}

OutputFormat Services::format() const {
    return parse_format(options_.format);
}

LineIssueSink Services::issue_reporter() {
    return [this, log = log_path().string()](std::size_t line, const std::string& reason) {
        err_ << fmt::format("{}:{}: {}\n", log, line, reason);
    };
}

std::optional<fs::path> Services::history_cache_file() {
    if (options_.no_cache) return std::nullopt;
    if (auto off = env_("LIFTLOG_NO_CACHE"); off && !off->empty() && *off != "0")
        return std::nullopt;
    const auto dir = cache_dir(env_);
    if (!dir) return std::nullopt;
    return liftlog::history_cache_file(*dir, log_path());
}

Histories Services::histories(std::optional<std::string> exercise, std::size_t kept_sessions) {
    const HistoryQuery query{today(), std::move(exercise), kept_sessions};
    return read_histories_cached(log_path(), query, issue_reporter(), history_cache_file());
}

namespace {

ExerciseHistory only_history(Histories&& histories, std::size_t kept_sessions) {
    if (histories.empty()) return ExerciseHistory(kept_sessions);
    return std::move(histories.begin()->second);
}

}  // namespace

ExerciseHistory Services::exercise_history(const std::string& exercise, std::size_t kept_sessions) {
    return only_history(histories(exercise, kept_sessions), kept_sessions);
}

ExerciseHistory Services::history_after_append(const std::string& exercise,
                                               const AppendResult& appended) {
    const HistoryQuery query{today(), exercise, ExerciseHistory::kRecentSessions};
    return only_history(read_histories_after_append(log_path(), query, issue_reporter(),
                                                    history_cache_file(), appended),
                        ExerciseHistory::kRecentSessions);
}

}  // namespace liftlog::cli
