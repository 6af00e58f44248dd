#pragma once
// The history cache's format for a folded history: the whole state of an
// ExerciseHistory, its personal records included, as JSON and back. Reading
// refuses (throws std::exception) any state that no fold could have
// produced, so a damaged cache is rebuilt rather than trusted. Bump
// kHistoryCacheFormat (history_cache.hpp) whenever this changes.
#include <nlohmann/json.hpp>

#include "liftlog/history.hpp"
#include "liftlog/personal_records.hpp"

namespace liftlog {

nlohmann::json history_to_state(const ExerciseHistory& history);
ExerciseHistory history_from_state(const nlohmann::json& state);
nlohmann::json records_to_state(const PersonalRecords& records);
PersonalRecords records_from_state(const nlohmann::json& state);

// The friend of both classes that reads and writes their private state.
struct HistoryState {
    static nlohmann::json of(const ExerciseHistory& history);
    static ExerciseHistory history_from(const nlohmann::json& state);
    static nlohmann::json of(const PersonalRecords& records);
    static PersonalRecords records_from(const nlohmann::json& state);
};

}  // namespace liftlog
