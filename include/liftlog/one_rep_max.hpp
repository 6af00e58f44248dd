#pragma once
// Estimated one-rep max (e1RM) by the Epley formula: load x (1 + reps / 30).
#include <optional>

#include "liftlog/set.hpp"

namespace liftlog {

// Epley is trusted up to this many reps; beyond it an estimate is flagged.
inline constexpr int kEpleyMaxReps = 10;

struct OneRepMax {
    double kilograms = 0.0;           // the estimate, in kg whatever the set's unit
    bool beyond_epley_range = false;  // estimated from more than kEpleyMaxReps reps

    friend bool operator==(const OneRepMax&, const OneRepMax&) = default;
};

// The e1RM of the weight moved beyond body weight; nullopt for a set at body
// weight alone, where there is no load to estimate. One rep is its own max.
std::optional<OneRepMax> estimate_one_rep_max(const SetEntry& set);

}  // namespace liftlog
