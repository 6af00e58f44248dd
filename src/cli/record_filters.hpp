#pragma once
// Which exercises and records a command covers: the filters that `list`,
// `history` and `progress --weekly/--monthly` share, and the library's
// muscles they are checked against.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "liftlog/date.hpp"
#include "liftlog/library.hpp"
#include "liftlog/log.hpp"
#include "liftlog/period_report.hpp"
#include "liftlog/record.hpp"

namespace CLI {
class App;
}

namespace liftlog::cli {

struct FilterOptions {
    std::vector<std::string> exercises;       // positional: ids, names or aliases
    std::vector<std::string> more_exercises;  // --exercise, repeatable
    std::string muscle;
    std::string since;
    std::string until;
    bool any() const;
};

// --exercise (when asked for), --muscle, -b/--since, -e/--until.
void add_filter_options(CLI::App& command, FilterOptions& options, bool with_exercise_option);

// Which records a report covers, with every name resolved.
struct RecordFilter {
    std::optional<std::set<std::string>> exercises;  // only these ids
    std::optional<Date> since;                       // inclusive
    std::optional<Date> until;                       // inclusive
    bool matches(const Record& record) const;
};

// Names go through the library ("did you mean"); an id the library does not
// define is accepted when the log has records of it. Throws UsageError.
RecordFilter resolve_filter(const FilterOptions& options, const Library& library, Log& log,
                            Date today);

// Every muscle some exercise trains, primary or secondary.
std::set<std::string> trained_muscles(const Library& library);
// Every piece of equipment some exercise uses.
std::set<std::string> used_equipment(const Library& library);
bool trains(const Exercise& exercise, const std::string& muscle);
// The primary muscles of every exercise, for the period reports.
PrimaryMuscles primary_muscles(const Library& library);

// An unknown filter value is a usage error rather than an empty list, so that
// a typo is not mistaken for "none match": "OPTION VALUE: WHY, did you mean
// ...\nKnown NOUN: ...".
void require_known(const std::string& option, const std::string& value,
                   const std::set<std::string>& known, const std::string& why,
                   const std::string& noun);

}  // namespace liftlog::cli
