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
// were entered, converted only when asked for.
class ExactVolume {
  public:
    void add(const Load& load, int reps);
    // Rounded to the nearest hundredth of `unit`; the other unit's sum is
    // converted exactly (1 lb = 0.45359237 kg) before the one rounding.
    std::int64_t hundredths_in(Unit unit) const;
    friend bool operator==(const ExactVolume&, const ExactVolume&) = default;

  private:
    __extension__ typedef __int128 Sum;
    Sum kg_hundredths_ = 0;
    Sum lb_hundredths_ = 0;
};

struct PeriodTotals {
    Period period;
    int training_days = 0;          // distinct dates with a record
    int sessions = 0;               // distinct (exercise, date) pairs, as in `progress`
    long long working_sets = 0;     // every set not marked warm-up
    long long reps = 0;             // reps of the working sets
    ExactVolume volume;             // load beyond body weight x reps, working sets only
    long long bodyweight_sets = 0;  // working sets at body weight alone
    long long bodyweight_reps = 0;
    long long warmup_sets = 0;
    // Working sets per primary muscle of the exercise (a set counts once for
    // each primary muscle). Secondary muscles are not counted.
    std::map<std::string, long long> muscle_sets;
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
    // zeros. Empty when there are no records and no bounds.
    std::vector<PeriodTotals> periods(std::optional<Date> from = std::nullopt,
                                      std::optional<Date> to = std::nullopt) const;

  private:
    struct Fold {
        PeriodTotals totals;
        std::set<Date> days;
        std::set<std::pair<Date, std::string>> sessions;
    };
    Fold& fold_for(Date date);

    PeriodKind kind_;
    PrimaryMuscles muscles_;
    std::map<Date, Fold> folds_;  // by period start
};

}  // namespace liftlog
