#pragma once
// Training totals per ISO week or calendar month, folded record by record, so
// that memory grows with the number of periods, not with the log.
// docs/user-guide.md ("progress --weekly / --monthly") documents every field.
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "liftlog/history.hpp"
#include "liftlog/record.hpp"

namespace liftlog {

enum class PeriodKind { week, month };

// A period's first and last day (both included) and its label: an ISO 8601
// week, Monday to Sunday, named by its ISO week-year (2026-W47, 2027-W01 for
// 2026-12-28), or a calendar month (2026-11).
struct Period {
    Date start{};
    Date end{};
    std::string label;
    friend bool operator==(const Period&, const Period&) = default;
};

Period period_of(Date date, PeriodKind kind);

// Load x reps summed exactly: integer hundredths per unit in which the sets
// were entered, converted only when asked for. Inside, both units are held as
// one exact sum of 1e-10 kg (1 lb = 0.45359237 kg exactly).
class ExactVolume {
  public:
    // Nothing for a load that carries no volume (body weight alone, assistance).
    void add(const Load& load, long long reps);
    // (body weight - assistance) x reps, or nothing when the assistance is the
    // whole body weight or more; 0 assistance for body weight alone.
    void add_body_weight(const BodyWeight& body_weight, std::int64_t assistance_hundredths,
                         Unit assistance_unit, long long reps);
    // Rounded to the nearest hundredth of `unit`: one rounding, at the end.
    std::int64_t hundredths_in(Unit unit) const;
    friend bool operator==(const ExactVolume&, const ExactVolume&) = default;

  private:
    __extension__ typedef __int128 Sum;
    Sum ten_billionths_kg_ = 0;
};

// Distances summed exactly, whatever their unit: integer micrometres (every
// unit's hundredth is a whole number of them: 1 yd = 0.9144 m, 1 mi = 1609.344 m).
class ExactDistance {
  public:
    void add(const Distance& distance);
    // Rounded to the nearest hundredth of a metre.
    std::int64_t centimetres() const;
    friend bool operator==(const ExactDistance&, const ExactDistance&) = default;

  private:
    __extension__ typedef __int128 Sum;
    Sum micrometres_ = 0;
};

struct PeriodTotals {
    Period period;
    int training_days = 0;       // distinct dates with a record
    int sessions = 0;            // distinct (exercise, date) pairs, as in `progress`
    long long working_sets = 0;  // every set not marked warm-up, failed attempts,
                                 // timed and distance sets included
    long long reps = 0;          // reps of the working sets
    // Load x reps of the working sets. Sets with reps at body weight (alone,
    // with an added load, or assisted) on a day with a known body weight
    // count (body weight + added load) x reps or (body weight - assistance)
    // x reps, never below 0; without one, the added load alone. Timed and
    // distance sets add no load x reps: they count in seconds and metres.
    ExactVolume volume;
    long long bodyweight_sets = 0;  // working sets at body weight alone
    long long bodyweight_reps = 0;
    long long warmup_sets = 0;
    // Working sets per primary muscle of the exercise (a set counts once for
    // each primary muscle). Secondary muscles are not counted.
    std::map<std::string, long long> muscle_sets;
    // Working sets with reps at body weight (alone, added or assisted) on a
    // day with no body weight weighed on or before it: counted in `volume`
    // by their added load alone.
    long long bodyweight_sets_without_body_weight = 0;
    long long timed_sets = 0;     // working sets held or carried for a time
    long long seconds = 0;        // their seconds
    long long distance_sets = 0;  // working sets over a distance
    ExactDistance distance;       // their distance
};

// Exercise id -> its primary muscles (from the library). Exercises missing
// from it count towards no muscle.
using PrimaryMuscles = std::map<std::string, std::vector<std::string>>;

class PeriodReport {
  public:
    PeriodReport(PeriodKind kind, PrimaryMuscles muscles)
        : kind_(kind), muscles_(std::move(muscles)) {}

    // The caller decides which records count (withdrawn, future, filtered).
    void add(const Record& record);

    // One entry per period, oldest first, from the period of `from` (else the
    // first period with a record) to the period of `to` (else the last one
    // with a record); periods without records in between are included with
    // zeros. Empty when there are no records and no bounds. Bodyweight sets
    // count the latest body weight of `body_weights` on or before their day,
    // looked up here, so a weighing logged after them with an earlier date
    // counts as well.
    std::vector<PeriodTotals> periods(std::optional<Date> from = std::nullopt,
                                      std::optional<Date> to = std::nullopt,
                                      const BodyWeightTimeline& body_weights = {}) const;

  private:
    // A day's sets with reps at body weight, kept until the body weight of
    // the day is known: their count, and their reps per amount of assistance
    // (0 for body weight alone or with an added load, whose added load x reps
    // is already in the volume).
    struct BodyweightDay {
        long long sets = 0;
        std::map<std::pair<Unit, std::int64_t>, long long> reps_by_assistance;
    };
    struct Fold {
        PeriodTotals totals;
        std::map<Date, BodyweightDay> bodyweight_days;
        std::set<Date> days;
        std::set<std::pair<Date, std::string>> sessions;
        // The totals with each bodyweight day counted at its body weight.
        PeriodTotals resolved(const BodyWeightTimeline& body_weights) const;
    };
    Fold& fold_for(Date date);

    PeriodKind kind_;
    PrimaryMuscles muscles_;
    std::map<Date, Fold> folds_;  // by period start
};

}  // namespace liftlog
