#include "advice.hpp"

namespace liftlog::cli {

std::optional<RelatedPain> related_pain_in_log(const Exercise& exercise, const Library& library,
                                               Log& log, Date today) {
    if (!trains_guarded_muscle(exercise)) return std::nullopt;
    return related_pain(exercise, library.exercises(), log.histories(), today);
}

}  // namespace liftlog::cli
