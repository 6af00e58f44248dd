#pragma once
// Reading the log for reports. Records dated after `today` are left out, so a
// report pinned with --today is the same whenever it is run.
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "liftlog/history.hpp"
#include "liftlog/log_file.hpp"

namespace liftlog {

// The ids that void records withdraw. Only lines that mention "voids" are
// parsed, so this pass costs little more than reading the file.
std::set<std::string> read_voided_ids(const std::filesystem::path& log);

// Every exercise's folded history, by exercise id. Void records and the
// records they withdraw are left out, here and in read_exercise_records.
std::map<std::string, ExerciseHistory> read_histories(const std::filesystem::path& log, Date today,
                                                      const LineIssueSink& on_issue);

// One exercise's folded history, read without keeping its records.
ExerciseHistory read_exercise_history(const std::filesystem::path& log,
                                      const std::string& exercise_id, Date today,
                                      const LineIssueSink& on_issue);

// Every record of one exercise, in log order.
std::vector<Record> read_exercise_records(const std::filesystem::path& log,
                                          const std::string& exercise_id, Date today,
                                          const LineIssueSink& on_issue);

}  // namespace liftlog
