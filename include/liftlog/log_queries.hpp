#pragma once
// Reading the log for reports. Records dated after `today` are left out, so a
// report pinned with --today is the same whenever it is run.
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "liftlog/history.hpp"
#include "liftlog/log_file.hpp"

namespace liftlog {

// Reports name at most this many unreadable lines, then say how many more
// there are; `liftlog check` lists them all.
inline constexpr std::size_t kReportedBadLines = 20;

// The ids that void records withdraw. Only lines that mention "voids" are
// parsed, so this pass costs little more than reading the file.
std::set<std::string> read_voided_ids(const std::filesystem::path& log);

struct HistoryQuery {
    Date today{};
    std::optional<std::string> exercise;  // only this one; every exercise when empty
    std::size_t kept_sessions = ExerciseHistory::kRecentSessions;
};

using Histories = std::map<std::string, ExerciseHistory>;

// Folded histories by exercise id, over the records that count: not void
// records, not withdrawn by one, not dated after the query's `today`. Large
// logs are read in parts on several threads; the result is the same.
Histories read_histories(const std::filesystem::path& log, const HistoryQuery& query,
                         const LineIssueSink& on_issue);

// Every exercise's history, with its recent sessions.
Histories read_histories(const std::filesystem::path& log, Date today,
                         const LineIssueSink& on_issue);

// One exercise's history: recent sessions only, or with kept_sessions =
// ExerciseHistory::kAllSessions, every session.
ExerciseHistory read_exercise_history(const std::filesystem::path& log,
                                      const std::string& exercise_id, Date today,
                                      const LineIssueSink& on_issue,
                                      std::size_t kept_sessions = ExerciseHistory::kRecentSessions);

}  // namespace liftlog
