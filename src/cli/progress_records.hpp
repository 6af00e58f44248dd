#pragma once
// The personal-record parts of `liftlog progress`: the E1RM column of the
// overview and the record table of one exercise.
#include <iosfwd>
#include <string>

#include "liftlog/exercise.hpp"
#include "liftlog/history.hpp"

namespace liftlog::cli {

// The load step of an exercise, or the usual one (2.5 kg / 5 lb) for an
// exercise the library no longer defines.
UnitAmounts load_step_of(const Exercise* exercise);

// "122.5 kg", "130.0 kg*" when estimated from more than 10 reps, "-" for none.
std::string e1rm_cell(const ExerciseHistory& history, Unit unit);
// Whether any cell marked with *, so the legend is printed only when needed.
bool marks_beyond_epley(const ExerciseHistory& history);
// The legend for that mark.
void print_e1rm_legend(std::ostream& out);

// Best e1RM, heaviest load by rep count, most reps at the heaviest loads and
// at body weight, with dates; loads in `unit`.
void print_records_text(std::ostream& out, const ExerciseHistory& history, Unit unit,
                        const UnitAmounts& load_step);

}  // namespace liftlog::cli
