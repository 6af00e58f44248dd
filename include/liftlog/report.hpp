#pragma once
// The JSON shapes of liftlog's reports (documented in docs/user-guide.md).
// Pure functions over values; the commands decide where they go.
#include <string>

#include <nlohmann/json.hpp>

#include "liftlog/exercise.hpp"
#include "liftlog/history.hpp"
#include "liftlog/progression.hpp"

namespace liftlog {

nlohmann::ordered_json suggestion_json(const Suggestion& suggestion);
nlohmann::ordered_json session_json(const Session& session);
// sessions, first, last, best_set, total_reps, volume (in `unit`).
nlohmann::ordered_json summary_json(const ExerciseHistory& history, Unit unit);

// "13 @ bw", "5 @ 100kg".
std::string format_best_set(const SetEntry& set);
// Volume in `unit`, to one decimal: "1234.5 kg".
std::string format_volume(double kilograms, Unit unit);
double kilograms_in(double kilograms, Unit unit);

}  // namespace liftlog
