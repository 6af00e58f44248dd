#pragma once
// Personal records (PRs) of one exercise: the heaviest load for each rep count,
// the most reps at each load, the best estimated one-rep max, and the most
// reps at body weight alone. They fold record by record and merge exactly, like
// ExerciseHistory, so a log read in parallel parts gives the same records as a
// read in order. docs/progression.md says what counts as a record.
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "liftlog/date.hpp"
#include "liftlog/one_rep_max.hpp"
#include "liftlog/record.hpp"

namespace liftlog {

// A working set that holds a record, with the day and the log record it came from.
struct RecordHolder {
    SetEntry set;
    Date date{};
    std::string record_id;
    friend bool operator==(const RecordHolder&, const RecordHolder&) = default;
};

// A category's best entry, and the best entry of any earlier log record: what
// the best had to beat. Each log record offers at most one set per category,
// so the runner-up never comes from the same record as the best. Ties keep
// the entry logged first.
struct Standing {
    RecordHolder best;
    std::optional<RecordHolder> runner_up;
    friend bool operator==(const Standing&, const Standing&) = default;
};

// Orders loads heaviest first by weight (across units), then by kind, unit
// and amount, so that two different loads are never equivalent.
struct HeavierLoadFirst {
    bool operator()(const Load& a, const Load& b) const;
};

// Which sets each category admits, and what it compares; the history
// cache's format checks a stored state against the same rules.
namespace record_rules {

// A failed attempt, a timed or a distance set has no reps to hold a record
// by reps; timed and distance sets hold records of their own.
inline bool is_loaded_work(const SetEntry& set) {
    return !set.warmup && set.reps >= 1 && set.load.kind != LoadKind::bodyweight;
}

inline bool is_bodyweight_work(const SetEntry& set) {
    return !set.warmup && set.reps >= 1 && set.load.kind == LoadKind::bodyweight;
}

inline bool is_timed_work(const SetEntry& set) {
    return !set.warmup && set.seconds && *set.seconds > 0;
}

inline bool is_distance_work(const SetEntry& set) {
    return !set.warmup && set.distance && set.distance->hundredths > 0;
}

// added_kilograms, inline here: records compare the load of every set of
// every record, and only need an order that is the same in every part.
inline double kilograms(const Load& load) {
    if (load.kind == LoadKind::bodyweight) return 0.0;
    const double amount = static_cast<double>(load.hundredths) / 100.0;
    const double kg = load.unit == Unit::kg ? amount : amount * kKilogramsPerPound;
    return load.kind == LoadKind::assisted ? -kg : kg;  // less help is heavier
}

// What each category compares. Every score is a function of the set alone, so
// comparisons do not depend on the order sets are folded or merged in. They
// are function objects, not functions, so that the templates below inline them.
inline constexpr auto load_score = [](const SetEntry& set) { return kilograms(set.load); };

inline constexpr auto reps_score = [](const SetEntry& set) { return set.reps; };

// The longest hold, and of two as long the one at the heavier load (less
// assistance counts as heavier): a longer hold at any load is the record.
inline constexpr auto time_score = [](const SetEntry& set) {
    return std::pair{set.seconds.value_or(0), kilograms(set.load)};
};

// The same for distance, compared in metres across units.
inline constexpr auto distance_score = [](const SetEntry& set) {
    return std::pair{set.distance ? to_metres(*set.distance) : 0.0, kilograms(set.load)};
};

// Within Epley's range first, then the estimate: a set of more than
// kEpleyMaxReps reps overestimates widely, so its flagged estimate never
// replaces one from kEpleyMaxReps reps or fewer, however much higher it reads.
inline constexpr auto e1rm_score = [](const SetEntry& set) {
    const auto estimate = estimate_one_rep_max(set);
    if (!estimate) return std::pair{false, 0.0};
    return std::pair{!estimate->beyond_epley_range, estimate->kilograms};
};

}  // namespace record_rules

class PersonalRecords {
  public:
    // Rep counts past this are endurance work; their loads are not tracked.
    static constexpr int kMaxTrackedReps = 100;
    // Only the heaviest loads keep a most-reps record, so a log with many
    // different loads cannot grow the table. Keeping the heaviest N of all
    // loads ever lifted is exact under merging: a load evicted once is lighter
    // than N loads that stay.
    static constexpr std::size_t kTrackedLoads = 32;

    using ByReps = std::map<int, Standing>;
    using ByLoad = std::map<Load, Standing, HeavierLoadFirst>;

    // Folds in the working sets of one training record (not a void record).
    void add(const Record& record);
    // Folds in the records of the part of the log that follows this one.
    void merge(PersonalRecords&& later);

    // Sets with a load beyond body weight (external or added), by rep count:
    // a copy, made from the table the fold keeps.
    ByReps heaviest_by_reps() const;
    // The same rep counts, each with the heaviest load lifted for that many
    // reps or more: 110 kg for 5 reps is also the best for 3, so the table
    // never shows a lighter load for fewer reps. A holder's set keeps the reps
    // it was lifted for.
    ByReps heaviest_for_at_least_reps() const;
    // Most reps at each load; a load is its kind, amount and unit exactly, so
    // 100 kg and 220 lb are different loads. A copy, made from the table the
    // fold keeps.
    ByLoad most_reps_by_load() const;
    const std::optional<Standing>& best_e1rm() const { return best_e1rm_; }
    const std::optional<Standing>& most_bodyweight_reps() const { return most_bodyweight_reps_; }
    // The longest timed working set, and the farthest distance working set.
    const std::optional<Standing>& longest_time() const { return longest_time_; }
    const std::optional<Standing>& longest_distance() const { return longest_distance_; }

    friend bool operator==(const PersonalRecords&, const PersonalRecords&) = default;

  private:
    friend struct HistoryState;  // the history cache's format (history_state.hpp)

    // Indexed by reps - 1, up to the most reps offered: a fold looks a rep
    // count up for every record, and this is faster than a tree.
    std::vector<std::optional<Standing>> heaviest_by_reps_;
    // Parallel arrays, loads heaviest first: a fold looks a load up for every
    // record, and scanning a few loads is faster than a tree.
    std::vector<Load> loads_;
    std::vector<Standing> most_reps_at_;
    std::optional<Standing> best_e1rm_;
    std::optional<Standing> most_bodyweight_reps_;
    std::optional<Standing> longest_time_;
    std::optional<Standing> longest_distance_;
};

// The e1RM of a record-holding set (it has a load beyond body weight).
OneRepMax record_one_rep_max(const RecordHolder& holder);

enum class RecordKind {
    e1rm,
    heaviest_load,  // the heaviest load ever lifted, at any reps
    heaviest_for_reps,
    most_reps_at_load,
    most_reps_bodyweight,
    longest_time,     // the longest timed set
    longest_distance  // the farthest distance set
};

// A record that one log record set by beating an earlier one.
struct NewRecord {
    RecordKind kind{};
    RecordHolder now;
    RecordHolder previous;
};

// The records `record_id` holds in categories that had an earlier best to
// beat. A category's first entry is not a record. In order: e1RM, heaviest
// load ever, heaviest loads by rep count, most reps at loads (heaviest first), body weight, longest
// time, longest distance.
std::vector<NewRecord> records_set_by(const PersonalRecords& records, std::string_view record_id);

// The heaviest loaded working set of any log record but `record_id`: for the
// latest record, the heaviest logged before it.
std::optional<RecordHolder> heaviest_of_other_records(const PersonalRecords& records,
                                                      std::string_view record_id);

}  // namespace liftlog
