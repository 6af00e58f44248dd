#pragma once
// The wing of `liftlog progress`, the command people run most. One file per
// view: arguments.cpp (which flags and formats go together), overview.cpp
// (every exercise: text, JSON and CSV), exercise.cpp (one exercise's full
// history), records.cpp (personal records in both), periods.cpp (--weekly
// and --monthly) and chart.cpp (--chart and the TREND sparkline).
#include <iosfwd>
#include <optional>
#include <string>

#include "../output.hpp"
#include "../record_filters.hpp"
#include "liftlog/chart.hpp"
#include "liftlog/history.hpp"
#include "liftlog/library.hpp"
#include "liftlog/log.hpp"
#include "liftlog/settings.hpp"
#include "liftlog/trend.hpp"

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace liftlog::cli {

struct PeriodOptions {
    bool weekly = false;
    bool monthly = false;
    FilterOptions filters;  // the positional exercise is progress's own
    bool wanted() const { return weekly || monthly; }
};

struct ChartRequest {
    std::string metric;                   // as given after --chart; empty for the default
    bool ascii = false;                   // --ascii
    const CLI::Option* option = nullptr;  // --chart, to tell whether it was given
    bool asked() const;
};

struct ProgressArguments {
    std::string exercise;
    bool bodyweight = false;  // --bodyweight: the body-weight trend
    PeriodOptions periods;
    ChartRequest chart;
};

// arguments.cpp: the flags of `progress`, and what a combination of them asks for.
void add_progress_options(CLI::App& command, ProgressArguments& args);

enum class ProgressView { overview, exercise, periods, chart, bodyweight };
struct ProgressRequest {
    ProgressView view = ProgressView::overview;
    std::string exercise;  // as typed; for the chart, `--chart deadlift` names it too
    TrendMetric metric = TrendMetric::top;
    Glyphs glyphs = Glyphs::unicode;
};
// Throws UsageError for flags or a --format that do not go together.
ProgressRequest decide_progress(const ProgressArguments& args, const Presentation& presentation);

// bodyweight.cpp: `progress --bodyweight`, every weighing and its change.
void print_body_weight_trend(const BodyWeightTimeline& body_weights, const Settings& settings,
                             const Output& output);
// The one line that says how bodyweight sets were counted: with the latest
// body weight, or without one and how to add it.
std::string body_weight_note(const BodyWeightTimeline& body_weights, Unit unit);

// overview.cpp
// One exercise's entry in progress's JSON: id, name, the summary and the suggestion.
nlohmann::ordered_json progress_entry_json(const std::string& id, const Exercise* exercise,
                                           const ExerciseHistory& history,
                                           const std::optional<Suggestion>& suggestion, Unit unit,
                                           const BodyWeightTimeline* body_weights = nullptr);
void print_overview(const Histories& histories, const BodyWeightTimeline& body_weights,
                    const Library& library, const Settings& settings, const Output& output,
                    Glyphs glyphs);

// exercise.cpp
// `related`: pain on another exercise that holds this one (progression.hpp).
void print_exercise_progress(const Exercise& exercise, const ExerciseHistory& history,
                             const BodyWeightTimeline& body_weights,
                             const std::optional<RelatedPain>& related, const Settings& settings,
                             const Output& output);

// periods.cpp: totals of the records `filter` accepts, per week or month.
void print_periods(const PeriodOptions& options, const RecordFilter& filter, const Library& library,
                   Log& log, const Settings& settings, const Output& output);

// chart.cpp
void print_chart(const Exercise& exercise, const std::vector<Session>& sessions,
                 const ProgressRequest& request, const Settings& settings, const Output& output);
// The TREND cell: the top set of each recent session as a sparkline (the
// longest hold or distance for a timed or distance exercise), "-" for none.
std::string trend_cell(const ExerciseHistory& history, Unit unit, Glyphs glyphs,
                       Measure measure = Measure::reps);
// The VOLUME cell and the line of `progress EXERCISE`: the volume, or for an
// exercise of timed or distance sets alone, the time held or distance covered.
std::string volume_cell(const ExerciseHistory& history, const BodyWeightTimeline& body_weights,
                        Unit unit);
// ", volume 2160.0 kg", ", total time 405 s", ", total distance 220 m": what
// an exercise's sets add up to (volume with body weight when `body_weights`
// is given), for `progress EXERCISE` and `show`.
std::string totals_text(const ExerciseHistory& history, const BodyWeightTimeline* body_weights,
                        Unit unit);

// records.cpp
// The load step of an exercise, or the usual one (2.5 kg / 5 lb) for an
// exercise the library no longer defines.
UnitAmounts load_step_of(const Exercise* exercise);
// "122.5 kg", "130.0 kg*" when estimated from more than 10 reps, "-" for none.
std::string e1rm_cell(const ExerciseHistory& history, Unit unit);
// The E1RM column: for bodyweight sets with a known body weight, body weight
// plus added load.
std::string e1rm_cell(const ExerciseHistory& history, const BodyWeightTimeline& body_weights,
                      Unit unit);
// Whether the cell is marked with *, so the legend is printed only when needed.
bool marks_beyond_epley(const ExerciseHistory& history);
void print_e1rm_legend(std::ostream& out);
// Best e1RM, heaviest load by rep count, most reps at the heaviest loads and
// at body weight, with dates; loads in `unit`.
void print_records_text(std::ostream& out, const ExerciseHistory& history, Unit unit,
                        const UnitAmounts& load_step);

// "2026-11-23", or `none` for no date.
std::string date_or(const std::optional<Date>& date, const std::string& none);

}  // namespace liftlog::cli
