#pragma once
// What the commands may ask for. Each is resolved on first use, so a command
// that never touches the log never resolves its path, and `list` never reads it.
#include <filesystem>
#include <iosfwd>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "liftlog/date.hpp"
#include "liftlog/history.hpp"
#include "liftlog/library.hpp"
#include "liftlog/load.hpp"
#include "liftlog/log_file.hpp"
#include "liftlog/log_queries.hpp"
#include "liftlog/paths.hpp"

namespace liftlog::cli {

enum class OutputFormat { text, json };

struct GlobalOptions {
    std::string log_path;
    std::string format = "text";
    std::string unit;
    std::string today;
    std::string exercises_dir;
    bool no_cache = false;
};

class Services {
  public:
    Services(const GlobalOptions& options, Environment env, std::ostream& out, std::ostream& err);

    // Throws UsageError for a bad --unit, --today or LIFTLOG_UNIT.
    void check_options();

    const Library& library();
    // Where the user's definitions are read from, in override order.
    std::vector<std::filesystem::path> definition_dirs();
    std::filesystem::path log_path();
    Date today();
    std::optional<Unit> unit();
    OutputFormat format() const;
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
    std::ostream& out_;
    std::ostream& err_;
    std::optional<std::filesystem::path> history_cache_file();

    std::optional<Library> library_;
};

}  // namespace liftlog::cli
