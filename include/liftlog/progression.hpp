#pragma once
// The progression engine: pure functions from an exercise definition, its
// history and today's date to what to do next time, with the reason why.
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "liftlog/exercise.hpp"
#include "liftlog/history.hpp"

namespace liftlog {

// add_time and add_distance are add_reps for a timed hold or a carry.
enum class Action { start, add_reps, add_weight, keep, deload, rest, add_time, add_distance };

std::string_view action_name(Action action);

struct NextSession {
    int sets = 0;
    int reps = 0;              // the fewest reps asked of any set
    std::optional<Load> load;  // nullopt: no history to go on, pick a light load
    // Reps set by set when they differ ("8,8,6"), so no set is asked for fewer
    // reps than it already did; empty when every set is `reps`.
    std::vector<int> reps_per_set;
    // What `reps` counts: seconds for a timed hold, metres for a carry.
    Measure measure = Measure::reps;
    // The pause at the top of each rep that the latest session held, kept on
    // exercises with Exercise::pause_at_top.
    std::optional<int> pause_seconds{};
};

struct Suggestion {
    Action action = Action::start;
    std::string reason;
    NextSession next;
    std::optional<Date> not_before;  // the next session is due on this day, not earlier
};

// A plan's sets x reps for an exercise. It only shapes where a new exercise
// starts: progression always judges the sets actually done.
struct Target {
    int sets = 0;
    int reps = 0;
};

// Pain marked on another exercise that trains a muscle the pain rule guards
// (the lower back): it holds this exercise's load until its rest window ends.
struct RelatedPain {
    std::string exercise_name;
    std::string muscle;
    Date date{};
};

// Whether `exercise` trains a guarded muscle as a primary one, so that pain on
// another exercise can hold it.
bool trains_guarded_muscle(const Exercise& exercise);

// The latest pain, in the rest window before `today`, on another exercise
// sharing a guarded primary muscle with `exercise`; `exercises` by id.
std::optional<RelatedPain> related_pain(const Exercise& exercise,
                                        const std::map<std::string, Exercise>& exercises,
                                        const Histories& histories, Date today);

// `sessions` are this exercise's sessions, oldest first, none after `today`.
// `unit` is the unit suggestions are given in; without it, the unit last used.
// `related`: pain on another exercise that trains the same guarded muscle.
Suggestion suggest(const Exercise& exercise, std::span<const Session> sessions, Date today,
                   std::optional<Unit> unit, const std::optional<Target>& target = std::nullopt,
                   const std::optional<RelatedPain>& related = std::nullopt);

// What to do at the next session, for right after logging one: as suggest(),
// but judged on the first day the exercise is due again, so a frequency rest
// becomes `not_before` on the progression step instead of the action.
Suggestion suggest_next_time(const Exercise& exercise, std::span<const Session> sessions,
                             Date today, std::optional<Unit> unit,
                             const std::optional<RelatedPain>& related = std::nullopt);

// "3x10@+2.5kg", "8,8,6@100kg" or "3x12@bw pause3s": the next session in set
// notation, ready for `liftlog log`.
std::string next_notation(const NextSession& next);

}  // namespace liftlog

namespace liftlog {

// As suggest(), from a folded history (nullptr: nothing logged yet).
Suggestion suggest_from(const Exercise& exercise, const ExerciseHistory* history, Date today,
                        std::optional<Unit> unit,
                        const std::optional<Target>& target = std::nullopt,
                        const std::optional<RelatedPain>& related = std::nullopt);

}  // namespace liftlog
