#include "services.hpp"

#include <ostream>

#include <fmt/format.h>

#include "liftlog/clock.hpp"
#include "liftlog/error.hpp"
#include "liftlog/history_cache.hpp"
#include "liftlog/library_loader.hpp"

namespace liftlog::cli {

namespace fs = std::filesystem;

Services::Services(const GlobalOptions& options, Environment env, std::ostream& out,
                   std::ostream& err)
    : options_(options), env_(std::move(env)), out_(out), err_(err) {}

void Services::check_options() {
    if (!options_.today.empty()) today();
    unit();
}

const Library& Services::library() {
    if (!library_) library_ = load_library(definition_dirs());
    return *library_;
}

std::vector<fs::path> Services::definition_dirs() {
    std::vector<fs::path> dirs;
    if (auto config = user_definitions_dir(env_)) dirs.push_back(*config);
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
    return resolve_log_path(options_.log_path, env_);
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
    if (text.empty()) return std::nullopt;
    if (auto unit = parse_unit(text)) return unit;
    throw UsageError(fmt::format("{} {}: unknown unit; use kg or lb", source, text));
}

OutputFormat Services::format() const {
    return options_.format == "json" ? OutputFormat::json : OutputFormat::text;
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
