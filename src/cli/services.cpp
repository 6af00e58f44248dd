#include "services.hpp"

#include <ostream>

#include <fmt/format.h>

#include "liftlog/clock.hpp"
#include "liftlog/error.hpp"
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

}  // namespace liftlog::cli
