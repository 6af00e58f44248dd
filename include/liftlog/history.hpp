#pragma once
// Folding log records into sessions and per-exercise summaries.
#include <array>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "liftlog/personal_records.hpp"
#include "liftlog/record.hpp"

namespace liftlog {

// Everything logged for one exercise on one day, in log order. Two `log` calls
// on the same day are one session.
struct Session {
    Date date{};
    std::vector<SetEntry> sets;
    bool pain = false;
    bool light = false;         // every record of the day was marked light
    std::optional<double> rpe;  // the highest given that day
    std::vector<std::string> notes;
    std::vector<std::string> record_ids;  // for `liftlog undo ID`
};

std::vector<SetEntry> working_sets(const Session& session);

// The heavier of two sets: more weight beyond body weight, then more reps,
// then (timed and distance sets) longer held or farther carried.
bool heavier_set(const SetEntry& a, const SetEntry& b);

// A body weight and the day it was weighed.
struct DatedBodyWeight {
    Date date{};
    BodyWeight weight;
    friend bool operator==(const DatedBodyWeight&, const DatedBodyWeight&) = default;
};

double body_weight_kilograms(const BodyWeight& weight);

// Every body weight logged (`liftlog weigh`), one per day: of two records of
// the same day, the later in the log wins. Merging the timeline of the part
// of the log that follows keeps that rule, so parts read in parallel agree.
class BodyWeightTimeline {
  public:
    void add(const Record& record);  // a body-weight record
    void merge(BodyWeightTimeline&& later);
    // The latest body weight weighed on or before `date`.
    std::optional<DatedBodyWeight> on_or_before(Date date) const;
    std::optional<DatedBodyWeight> latest() const;
    const std::map<Date, BodyWeight>& entries() const { return by_date_; }
    bool empty() const { return by_date_.empty(); }
    friend bool operator==(const BodyWeightTimeline&, const BodyWeightTimeline&) = default;

  private:
    std::map<Date, BodyWeight> by_date_;
};

// What a day's bodyweight sets (body weight alone or with an added load) need
// to be counted once the body weight of that day is known: their reps, and
// the sets that could give the day's best e1RM whatever the body weight.
struct BodyweightDay {
    long long reps = 0;
    // Assistance x reps, in hundredths of kg and of lb: taken off the body
    // weight's volume once the body weight is known.
    long long assistance_kg = 0;
    long long assistance_lb = 0;
    std::vector<SetEntry> e1rm_candidates;
    friend bool operator==(const BodyweightDay&, const BodyweightDay&) = default;
};

// The best e1RM of a bodyweight lift counted with the body weight of its day.
struct BodyweightOneRepMax {
    OneRepMax estimate;
    SetEntry set;
    Date date{};
    DatedBodyWeight body_weight;
};

// One exercise's history, folded record by record. It keeps totals and only
// the most recent sessions, so memory does not grow with the log. Two histories
// of consecutive parts of a log merge into exactly the history of the whole,
// which lets parts of a large log be read in parallel.
class ExerciseHistory {
  public:
    // Enough for every rule: the last two sessions and a week at up to 7 a week.
    static constexpr std::size_t kRecentSessions = 8;
    static constexpr std::size_t kAllSessions = static_cast<std::size_t>(-1);

    explicit ExerciseHistory(std::size_t kept_sessions = kRecentSessions)
        : kept_sessions_(kept_sessions) {}

    void add(const Record& record);
    // Folds in the history of the part of the log that follows this one.
    void merge(ExerciseHistory&& later);

    int session_count() const { return static_cast<int>(dates_.size()); }
    std::optional<Date> first_date() const;
    std::optional<Date> last_date() const;
    const std::optional<SetEntry>& best_set() const { return best_set_; }
    std::optional<Date> best_set_date() const { return best_set_date_; }
    long long total_reps() const { return total_reps_; }
    // Seconds of every timed working set, and the distance of every distance
    // working set in metres.
    long long total_seconds() const { return total_seconds_; }
    double total_metres() const;
    bool has_timed_sets() const { return total_seconds_ > 0; }
    bool has_distance_sets() const;
    double volume_kg() const;
    // volume_kg with each bodyweight set counted as (body weight + added
    // load) x reps, with the latest body weight on or before its day; sets of
    // days before any weighing count as in volume_kg.
    double volume_kg(const BodyWeightTimeline& body_weights) const;
    bool has_bodyweight_sets() const { return !bodyweight_days_.empty(); }
    // The best e1RM of the bodyweight sets of days with a known body weight.
    std::optional<BodyweightOneRepMax> best_bodyweight_e1rm(
        const BodyWeightTimeline& body_weights) const;
    // Personal records over the whole history, whatever kept_sessions is.
    const PersonalRecords& records() const { return records_; }
    // Oldest first: the last kept_sessions sessions.
    std::vector<Session> recent_sessions() const;

  private:
    friend struct HistoryState;  // the history cache's format (history_state.hpp)

    void keep_best(const SetEntry& set, Date date);
    void trim_sessions();

    std::size_t kept_sessions_;
    std::vector<Date> dates_;  // sorted, distinct
    std::map<Date, Session> recent_;
    std::optional<SetEntry> best_set_;
    std::optional<Date> best_set_date_;
    long long total_reps_ = 0;
    long long total_seconds_ = 0;
    // Distances summed exactly in hundredths of each unit (DistanceUnit order).
    std::array<long long, 5> distance_hundredths_{};
    // Load x reps summed exactly in hundredths, per unit, so that the total
    // does not depend on the order records are added or merged in.
    // 128 bits: a billion-hundredths load times 100000 reps overflows 64 bits
    // after a few thousand such sets.
    __extension__ typedef __int128 VolumeSum;
    VolumeSum kg_volume_hundredths_ = 0;
    VolumeSum lb_volume_hundredths_ = 0;
    PersonalRecords records_;
    // Every day with bodyweight sets: body-weight numbers are worked out at
    // report time, so a weighing logged later (with an earlier date) counts.
    std::map<Date, BodyweightDay> bodyweight_days_;
};

// Every exercise's history, by exercise id.
using Histories = std::map<std::string, ExerciseHistory>;

}  // namespace liftlog
