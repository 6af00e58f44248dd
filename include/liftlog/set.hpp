#pragma once
#include <optional>

#include "liftlog/load.hpp"

namespace liftlog {

// How an exercise is loaded: body weight that can take added load, or an
// external weight such as a barbell.
enum class Loading { bodyweight, external };

// One set as stored in the log.
struct SetEntry {
    int reps = 0;
    Load load;
    bool warmup = false;  // warm-up sets never count as working sets
    friend bool operator==(const SetEntry&, const SetEntry&) = default;
};

}  // namespace liftlog
