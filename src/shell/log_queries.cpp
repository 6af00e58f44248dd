#include "liftlog/log_queries.hpp"

namespace liftlog {

std::map<std::string, ExerciseHistory> read_histories(const std::filesystem::path& log, Date today,
                                                      const LineIssueSink& on_issue) {
    std::map<std::string, ExerciseHistory> histories;
    read_log(
        log,
        [&](Record&& record) {
            if (record.date <= today) histories[record.exercise].add(record);
        },
        on_issue);
    return histories;
}

std::vector<Record> read_exercise_records(const std::filesystem::path& log,
                                          const std::string& exercise_id, Date today,
                                          const LineIssueSink& on_issue) {
    std::vector<Record> records;
    read_log(
        log,
        [&](Record&& record) {
            if (record.exercise == exercise_id && record.date <= today)
                records.push_back(std::move(record));
        },
        on_issue);
    return records;
}

}  // namespace liftlog
