#pragma once
// Reading the log for reports. Records dated after `today` are left out, so a
// report pinned with --today is the same whenever it is run.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "liftlog/history.hpp"
#include "liftlog/log_file.hpp"

namespace liftlog {

// Every exercise's folded history, by exercise id.
std::map<std::string, ExerciseHistory> read_histories(const std::filesystem::path& log, Date today,
                                                      const LineIssueSink& on_issue);

// Every record of one exercise, in log order.
std::vector<Record> read_exercise_records(const std::filesystem::path& log,
                                          const std::string& exercise_id, Date today,
                                          const LineIssueSink& on_issue);

}  // namespace liftlog
