#include "liftlog/one_rep_max.hpp"

namespace liftlog {

std::optional<OneRepMax> estimate_one_rep_max(const SetEntry& set) {
    // Assistance takes an unknown share of body weight off: no estimate.
    if (set.load.kind == LoadKind::bodyweight || set.load.kind == LoadKind::assisted ||
        set.reps < 1)
        return std::nullopt;
    const double load = added_kilograms(set.load);
    const double estimate = set.reps == 1 ? load : load * (1.0 + set.reps / 30.0);
    return OneRepMax{estimate, set.reps > kEpleyMaxReps};
}

}  // namespace liftlog
