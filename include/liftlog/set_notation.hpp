#pragma once
// Set notation, as typed after `liftlog log EXERCISE`:
//   12            one set of 12
//   3x12          three sets of 12
//   12,12,11      three sets
//   12 12 11      the same, as separate arguments
//   3x5@100kg     a load for the sets in that argument (@225lb, @+10kg, @bw)
//   5 5 5 @100kg  a load on its own applies to the sets before it that have none
//   2x5w@60kg     a trailing w marks warm-up sets; d a drop set, f a set to failure
//   5,5,0@100kg   0 reps: an attempt that failed
//   3x8@-20kg     20 kg of assistance (a band, an assisted machine)
//   3x60s, 1:30   timed sets (seconds, or minutes:seconds)
//   3x40m@32kg    distance sets (m, km, yd, ft, mi)
//   3x5@100kg rpe8  an RPE for the sets of the argument before it
//   3x12 pause3s  each rep held 3 s at the top, for the sets of the argument before it
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "liftlog/set.hpp"

namespace liftlog {

inline constexpr int kMaxReps = 500;
inline constexpr int kMaxSetsPerEntry = 100;
inline constexpr std::int64_t kMaxLoadHundredthsKg = 1000 * 100;
inline constexpr std::int64_t kMaxLoadHundredthsLb = 2200 * 100;

struct ParsedSet {
    int reps = 0;
    std::optional<Load> load;  // nullopt when the notation gave none
    bool warmup = false;
    SetType type = SetType::normal;
    std::optional<double> rpe;
    std::optional<int> seconds;
    std::optional<Distance> distance;
    std::optional<int> pause_seconds;
    std::string argument;  // the argument it was written in, for errors
};

inline constexpr int kMaxSeconds = 4 * 3600;
inline constexpr std::int64_t kMaxDistanceHundredthsMetres = 100000 * 100;

// Throws UsageError naming the bad argument and pointing at the bad character.
std::vector<ParsedSet> parse_set_notation(std::span<const std::string> arguments,
                                          Unit default_unit);

// Gives every set its final load: body weight where a bodyweight exercise got
// none; a UsageError showing the right notation where a loaded exercise got none
// or a load that does not fit how the exercise is loaded.
// A set that measures something else than the exercise does (seconds for a
// deadlift, reps for a plank), or a pause on an exercise without
// `pause_at_top`, is a UsageError too.
std::vector<SetEntry> resolve_loads(const std::vector<ParsedSet>& sets, Loading loading,
                                    const std::string& exercise_id, Measure measure = Measure::reps,
                                    bool pause_at_top = false);

}  // namespace liftlog

namespace liftlog {

// The shortest notation that parses back to the same sets: "3x5@100kg",
// "12,12,11@bw", "2x5w@60kg 3x5@100kg".
std::string format_sets(const std::vector<SetEntry>& sets);

}  // namespace liftlog
