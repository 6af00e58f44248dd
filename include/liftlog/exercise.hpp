#pragma once
// An exercise definition, as read from one exercises/<id>.json file
// (docs/exercise-format.md).
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "liftlog/set.hpp"

namespace liftlog {

struct Range {
    int min = 0;
    int max = 0;
};

struct Variation {
    std::string name;
    std::string description;
};

struct Reference {
    std::string title;
    std::string source;
};

// What an exercise's sets count (Measure, in set.hpp) decides which
// prescription and progression ranges apply.

struct Prescription {
    Range sets;
    Range reps;  // measure reps only
    Range per_week;
    Range seconds{};  // measure time only
    Range metres{};   // measure distance only
};

// Per-unit amounts in hundredths (2.5 kg is 250).
struct UnitAmounts {
    std::int64_t kg = 250;
    std::int64_t lb = 500;
    std::int64_t in(Unit unit) const { return unit == Unit::kg ? kg : lb; }
};

// `load` in `unit`: as it is when already in `unit` (or body weight), else
// converted and rounded to the load step in `unit`.
Load load_in_unit(const Load& load, Unit unit, const UnitAmounts& load_step);

// How a loaded exercise moves up. Double progression adds reps within the
// range before adding weight (right for ranges such as 8-12); linear keeps the
// same sets x reps at the top of the range and adds weight whenever every set
// gets there (low-rep barbell lifts, where going back to the bottom of 3-5
// would trade 40% of the reps for 5% more load).
enum class Scheme { double_progression, linear };

struct ProgressionRules {
    Range rep_range;
    Scheme scheme = Scheme::double_progression;
    int bodyweight_threshold = 12;
    UnitAmounts increment;
    UnitAmounts load_step;
    std::string added_load;  // how to add load to a bodyweight exercise
    // One of the exercise's alternatives that is easier, for a bodyweight
    // exercise stuck below its rep range; empty when none is named.
    std::string easier_alternative;
    // Measure time: seconds per set to climb through, and how many to add a step.
    Range time_range{};
    int time_step = 5;
    // Measure distance: metres per set to climb through, and how many to add a step.
    Range distance_range{};
    int distance_step = 5;
};

struct Exercise {
    std::string id;
    std::string name;
    std::vector<std::string> aliases;
    std::string description;
    std::vector<std::string> primary_muscles;
    std::vector<std::string> secondary_muscles;
    std::vector<std::string> equipment;
    Loading loading = Loading::external;
    Measure measure = Measure::reps;
    // Its reps may be held at the top for a few seconds ("measure":
    // "reps_with_pause"); the pause is logged with `pause3s`.
    bool pause_at_top = false;
    std::vector<std::string> steps;
    std::vector<std::string> tips;
    std::vector<Variation> variations;
    std::vector<std::string> alternatives;
    Prescription prescription;
    ProgressionRules progression;
    std::vector<Reference> references;
    // A definition `liftlog import` wrote for a name the library did not know:
    // only id, name and loading are required (docs/exercise-format.md).
    bool custom = false;
};

// "reps", "reps_with_pause", "time" or "distance", as the definition says it.
std::string_view declared_measure(const Exercise& exercise);

// A definition file that cannot be used; the message says which field and why.
class DefinitionError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

bool is_kebab_case(std::string_view id);

// Throws DefinitionError. Cross-file checks (alternatives exist) live in Library.
Exercise parse_exercise(const nlohmann::json& definition);

nlohmann::ordered_json exercise_to_json(const Exercise& exercise);

std::string_view loading_name(Loading loading);

}  // namespace liftlog
