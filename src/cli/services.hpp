#pragma once
// What the commands may ask for. Each is resolved on first use, so a command
// that never touches the log never resolves its path, and `list` never reads it.
#include <filesystem>
#include <iosfwd>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "liftlog/config.hpp"
#include "liftlog/date.hpp"
#include "liftlog/history.hpp"
#include "liftlog/library.hpp"
#include "liftlog/load.hpp"
#include "liftlog/log_file.hpp"
#include "liftlog/log_queries.hpp"
#include "liftlog/paths.hpp"
#include "liftlog/terminal.hpp"

namespace liftlog::cli {

enum class OutputFormat { text, json, csv, jsonl };

std::string_view format_name(OutputFormat format);

struct GlobalOptions {
    std::string log_path;
    std::string format = "text";
    std::string unit;
    std::string today;
    std::string exercises_dir;
    std::string color;  // auto, always or never; empty when not given
    std::string config_path;
    bool no_cache = false;
};

class Services {
  public:
    Services(const GlobalOptions& options, Environment env, Terminal terminal, std::ostream& out,
             std::ostream& err);

    // The --format values `command` prints; text and json when not declared.
    void declare_formats(const std::string& command, std::vector<OutputFormat> formats);
    // Throws UsageError for a bad --unit, --today, --format or LIFTLOG_UNIT,
    // or a bad config file, before `command` runs.
    void check_options(const std::string& command);

    const Library& library();
    // Where the user's definitions are read from, in override order.
    std::vector<std::filesystem::path> definition_dirs();
    std::filesystem::path log_path();
    Date today();
    std::optional<Unit> unit();
    OutputFormat format() const;
    // ANSI colour on stdout: text output only; --color, else NO_COLOR (never),
    // else the config's color, else auto (only on a terminal whose TERM is not dumb).
    bool color();
    // Columns for charts: $COLUMNS, else the terminal's width, else 80.
    int terminal_width();
    // The environment liftlog was started with (the locale decides chart glyphs).
    const Environment& environment() const { return env_; }
    const Config& config();
    std::ostream& out() { return out_; }
    std::ostream& err() { return err_; }
    // Reports a skipped log line on stderr as FILE:LINE: reason.
    LineIssueSink issue_reporter();

    // Histories of every exercise, or of one, through the history cache unless
    // it is turned off. kAllSessions (for one exercise) reads the whole log.
    Histories histories(std::optional<std::string> exercise = std::nullopt,
                        std::size_t kept_sessions = ExerciseHistory::kRecentSessions);
    ExerciseHistory exercise_history(const std::string& exercise,
                                     std::size_t kept_sessions = ExerciseHistory::kRecentSessions);
    // One exercise's history right after `liftlog log` appended to it.
    ExerciseHistory history_after_append(const std::string& exercise, const AppendResult& appended);

  private:
    const GlobalOptions& options_;
    Environment env_;
    Terminal terminal_;
    std::ostream& out_;
    std::ostream& err_;
    std::map<std::string, std::vector<OutputFormat>> formats_;
    std::optional<Config> config_;
    std::optional<std::filesystem::path> history_cache_file();

    std::optional<Library> library_;
};

}  // namespace liftlog::cli
