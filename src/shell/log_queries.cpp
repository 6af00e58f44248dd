#include "liftlog/log_queries.hpp"

namespace liftlog {

std::set<std::string> read_voided_ids(const std::filesystem::path& log) {
    std::set<std::string> voided;
    for_each_line(log, [&](std::size_t, std::string_view line, bool) {
        if (line.find("\"voids\"") == std::string_view::npos) return;
        try {
            const Record record = parse_record(line);
            if (record.voids) voided.insert(*record.voids);
        } catch (const RecordError&) {
            // Reported, with its line number, by the pass that reads the records.
        }
    });
    return voided;
}

namespace {

bool counts(const Record& record, const std::set<std::string>& voided, Date today) {
    return !is_void(record) && record.date <= today && !voided.contains(record.id);
}

}  // namespace

std::map<std::string, ExerciseHistory> read_histories(const std::filesystem::path& log, Date today,
                                                      const LineIssueSink& on_issue) {
    std::map<std::string, ExerciseHistory> histories;
    const auto voided = read_voided_ids(log);
    read_log(
        log,
        [&](Record&& record) {
            if (counts(record, voided, today)) histories[record.exercise].add(record);
        },
        on_issue);
    return histories;
}

ExerciseHistory read_exercise_history(const std::filesystem::path& log,
                                      const std::string& exercise_id, Date today,
                                      const LineIssueSink& on_issue) {
    ExerciseHistory history;
    const auto voided = read_voided_ids(log);
    read_log(
        log,
        [&](Record&& record) {
            if (record.exercise == exercise_id && counts(record, voided, today))
                history.add(record);
        },
        on_issue);
    return history;
}

std::vector<Record> read_exercise_records(const std::filesystem::path& log,
                                          const std::string& exercise_id, Date today,
                                          const LineIssueSink& on_issue) {
    std::vector<Record> records;
    const auto voided = read_voided_ids(log);
    read_log(
        log,
        [&](Record&& record) {
            if (record.exercise == exercise_id && counts(record, voided, today))
                records.push_back(std::move(record));
        },
        on_issue);
    return records;
}

}  // namespace liftlog
