#pragma once
// What progression needs from the rest of the log, beyond one exercise's own
// sessions.
#include <optional>

#include "liftlog/library.hpp"
#include "liftlog/log.hpp"
#include "liftlog/progression.hpp"

namespace liftlog::cli {

// Pain on another exercise that holds `exercise` (see related_pain). The
// other histories are read only for an exercise the rule can apply to.
std::optional<RelatedPain> related_pain_in_log(const Exercise& exercise, const Library& library,
                                               Log& log, Date today);

}  // namespace liftlog::cli
