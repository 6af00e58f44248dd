#pragma once
// The JSON shapes of liftlog's reports (documented in docs/user-guide.md).
// Pure functions over values; the commands decide where they go.
#include <string>

#include <nlohmann/json.hpp>

#include "liftlog/exercise.hpp"
#include "liftlog/history.hpp"
#include "liftlog/personal_records.hpp"
#include "liftlog/progression.hpp"

namespace liftlog {

nlohmann::ordered_json suggestion_json(const Suggestion& suggestion);
nlohmann::ordered_json session_json(const Session& session);
// sessions, first, last, best_set, e1rm, total_reps, volume (in `unit`),
// total_seconds and total_distance (in metres).
// Loads in JSON are as logged; what reports compute (volume, e1RM) is in `unit`.
// With `body_weights`, bodyweight sets count the body weight of their day in
// the volume, and "bodyweight_e1rm" gives their best e1RM (null when unknown).
nlohmann::ordered_json summary_json(const ExerciseHistory& history, Unit unit,
                                    const BodyWeightTimeline* body_weights = nullptr);
// The e1RM of bodyweight sets with the body weight of their day, as JSON.
nlohmann::ordered_json bodyweight_e1rm_json(const std::optional<BodyweightOneRepMax>& best,
                                            Unit unit);

// An amount in hundredths as an exact JSON number: an integer when whole
// (100), else the shortest decimal that reads back the same (102.5, 1.25).
nlohmann::ordered_json amount_json(std::int64_t hundredths);

// "13 @ bw", "5 @ 100kg", "75s @ bw", "40m @ 32kg", the load in `unit` (see load_in_unit).
std::string format_best_set(const SetEntry& set, Unit unit, const UnitAmounts& load_step);
// "405 s": the seconds of every timed set.
std::string format_total_seconds(long long seconds);
// "220 m", "1500.5 m": a distance in metres, to the centimetre.
std::string format_total_metres(double metres);

// An e1RM in `unit`, to one decimal: it is an estimate, not a load to put on
// the bar, so it is not rounded to the load step.
double one_rep_max_in(const OneRepMax& estimate, Unit unit);
// "122.5 kg".
std::string format_one_rep_max(const OneRepMax& estimate, Unit unit);
// {value, unit, reps, load, date, id, beyond_epley_range}, or null.
nlohmann::ordered_json e1rm_json(const std::optional<Standing>& best_e1rm, Unit unit);
// The record table of `progress EXERCISE`: e1rm, heaviest_by_reps,
// most_reps_by_load (heaviest first), most_reps_bodyweight, longest_time
// (seconds) and longest_distance (metres).
nlohmann::ordered_json records_json(const PersonalRecords& records, Unit unit,
                                    const UnitAmounts& load_step);

// "best e1RM 122.5 kg (5 @ 105kg), was 116.7 kg", "8 reps at 100 kg (was 7)".
std::string describe_new_record(const NewRecord& record, Unit unit, const UnitAmounts& load_step);
// {kind, [value, unit, beyond_epley_range,] reps, load, date, id, previous, text}.
nlohmann::ordered_json new_record_json(const NewRecord& record, Unit unit,
                                       const UnitAmounts& load_step);
std::string_view record_kind_name(RecordKind kind);
// Volume in `unit`, to one decimal: "1234.5 kg".
std::string format_volume(double kilograms, Unit unit);
double kilograms_in(double kilograms, Unit unit);

}  // namespace liftlog
