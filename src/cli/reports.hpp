#pragma once
// What `history` and `progress --weekly/--monthly` share: the record filters
// (exercises, muscle, dates), and the hooks cmd_progress.cpp calls for the
// period reports and the overview's CSV.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "liftlog/date.hpp"
#include "liftlog/log_queries.hpp"
#include "liftlog/record.hpp"

namespace CLI {
class App;
}

namespace liftlog::cli {

class Services;

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
RecordFilter resolve_filter(Services& services, const FilterOptions& options);

struct PeriodOptions {
    bool weekly = false;
    bool monthly = false;
    FilterOptions filters;  // positional exercise: progress's own
    bool wanted() const { return weekly || monthly; }
};

// --weekly, --monthly and the filters they take, on `progress`.
void add_period_options(CLI::App& progress, PeriodOptions& options);

// Refuses a --format the chosen kind of progress report does not print, and
// filters given without --weekly or --monthly.
void check_progress_request(Services& services, const std::string& exercise,
                            const PeriodOptions& options);

// progress --weekly / --monthly [EXERCISE]
void run_periods(Services& services, const std::string& exercise, const PeriodOptions& options);

// progress --format csv: the overview table's data.
void print_overview_csv(Services& services, const Histories& histories);

}  // namespace liftlog::cli
