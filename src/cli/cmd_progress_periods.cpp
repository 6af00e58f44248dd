// liftlog progress --weekly / --monthly: training totals per ISO week or
// calendar month; and the overview's CSV. cmd_progress.cpp calls in here.
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cmath>
#include <ostream>

#include "liftlog/error.hpp"
#include "liftlog/period_report.hpp"
#include "liftlog/progression.hpp"
#include "liftlog/report.hpp"
#include "output.hpp"
#include "reports.hpp"
#include "services.hpp"

namespace liftlog::cli {

namespace {

using nlohmann::ordered_json;

// The primary muscles of every exercise, and every such muscle in order.
PrimaryMuscles primary_muscles(const Library& library) {
    PrimaryMuscles muscles;
    for (const auto& [id, exercise] : library.exercises()) muscles[id] = exercise.primary_muscles;
    return muscles;
}

std::vector<std::string> muscle_columns(const PrimaryMuscles& muscles) {
    std::set<std::string> all;
    for (const auto& [id, list] : muscles) all.insert(list.begin(), list.end());
    return {all.begin(), all.end()};
}

long long sets_of(const PeriodTotals& totals, const std::string& muscle) {
    const auto found = totals.muscle_sets.find(muscle);
    return found == totals.muscle_sets.end() ? 0 : found->second;
}

ordered_json period_json(const PeriodTotals& totals, Unit unit,
                         const std::vector<std::string>& muscles) {
    ordered_json muscle_sets = ordered_json::object();
    for (const auto& muscle : muscles) muscle_sets[muscle] = sets_of(totals, muscle);
    return {
        {"period", totals.period.label},
        {"start", format_date(totals.period.start)},
        {"end", format_date(totals.period.end)},
        {"training_days", totals.training_days},
        {"sessions", totals.sessions},
        {"working_sets", totals.working_sets},
        {"reps", totals.reps},
        {"volume",
         {{"value", amount_json(totals.volume.hundredths_in(unit))}, {"unit", unit_name(unit)}}},
        {"bodyweight_sets", totals.bodyweight_sets},
        {"bodyweight_reps", totals.bodyweight_reps},
        {"warmup_sets", totals.warmup_sets},
        {"muscle_sets", muscle_sets}};
}

// "lower-back" becomes the column sets_lower_back, a name SQL takes unquoted.
std::string muscle_column(const std::string& muscle) {
    std::string column = "sets_" + muscle;
    std::replace(column.begin(), column.end(), '-', '_');
    return column;
}

void print_periods_csv(std::ostream& out, const std::vector<PeriodTotals>& periods, Unit unit,
                       const std::vector<std::string>& muscles) {
    std::vector<std::string> header = {
        "period", "start",  "end",         "training_days",   "sessions",        "working_sets",
        "reps",   "volume", "volume_unit", "bodyweight_sets", "bodyweight_reps", "warmup_sets"};
    for (const auto& muscle : muscles) header.push_back(muscle_column(muscle));
    CsvWriter csv(out, header);
    for (const auto& totals : periods) {
        std::vector<std::string> row = {totals.period.label,
                                        format_date(totals.period.start),
                                        format_date(totals.period.end),
                                        std::to_string(totals.training_days),
                                        std::to_string(totals.sessions),
                                        std::to_string(totals.working_sets),
                                        std::to_string(totals.reps),
                                        format_amount(totals.volume.hundredths_in(unit)),
                                        std::string(unit_name(unit)),
                                        std::to_string(totals.bodyweight_sets),
                                        std::to_string(totals.bodyweight_reps),
                                        std::to_string(totals.warmup_sets)};
        for (const auto& muscle : muscles) row.push_back(std::to_string(sets_of(totals, muscle)));
        csv.row(row);
    }
}

// "back 9, glutes 3": the muscles trained, most sets first.
std::string muscles_text(const PeriodTotals& totals) {
    std::vector<std::pair<std::string, long long>> trained(totals.muscle_sets.begin(),
                                                           totals.muscle_sets.end());
    std::stable_sort(trained.begin(), trained.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    std::string text;
    for (const auto& [muscle, sets] : trained)
        text += fmt::format("{}{} {}", text.empty() ? "" : ", ", muscle, sets);
    return text;
}

void print_periods_text(std::ostream& out, const std::vector<PeriodTotals>& periods, Unit unit) {
    Table table({"PERIOD", "START", "DAYS", "SESSIONS", "SETS", "REPS", "VOLUME", "BW SETS",
                 "BW REPS", "SETS PER MUSCLE"});
    for (const auto& totals : periods)
        table.add_row({totals.period.label, format_date(totals.period.start),
                       std::to_string(totals.training_days), std::to_string(totals.sessions),
                       std::to_string(totals.working_sets), std::to_string(totals.reps),
                       fmt::format("{} {}", format_amount(totals.volume.hundredths_in(unit)),
                                   unit_name(unit)),
                       std::to_string(totals.bodyweight_sets),
                       std::to_string(totals.bodyweight_reps), muscles_text(totals)});
    table.print(out);
}

void print_periods(Services& services, const std::vector<PeriodTotals>& periods,
                   const PrimaryMuscles& muscles) {
    const Unit unit = services.unit().value_or(Unit::kg);
    const auto columns = muscle_columns(muscles);
    std::ostream& out = services.out();
    switch (services.format()) {
        case OutputFormat::csv:
            return print_periods_csv(out, periods, unit, columns);
        case OutputFormat::jsonl:
            for (const auto& totals : periods) print_jsonl(out, period_json(totals, unit, columns));
            return;
        case OutputFormat::json: {
            ordered_json list = ordered_json::array();
            for (const auto& totals : periods) list.push_back(period_json(totals, unit, columns));
            return print_json(out, list);
        }
        case OutputFormat::text:
            break;
    }
    if (periods.empty())
        services.err() << "Nothing to report: no entries match these dates and filters; widen "
                          "--since/--until, or add entries with: liftlog log EXERCISE SETS\n";
    else
        print_periods_text(out, periods, unit);
}

}  // namespace

void add_period_options(CLI::App& progress, PeriodOptions& options) {
    auto* weekly = progress.add_flag("--weekly", options.weekly,
                                     "Totals per ISO week (Monday to Sunday), like 2026-W47");
    auto* monthly =
        progress.add_flag("--monthly", options.monthly, "Totals per calendar month, like 2026-11");
    weekly->excludes(monthly);
    add_filter_options(progress, options.filters, false);
}

void check_progress_request(Services& services, const std::string& exercise,
                            const PeriodOptions& options) {
    if (!options.wanted() && options.filters.any())
        throw UsageError(
            "--muscle, --since and --until go with --weekly or --monthly; for the sets "
            "themselves, use 'liftlog history' with the same filters");
    const OutputFormat format = services.format();
    if (options.wanted() || format == OutputFormat::text || format == OutputFormat::json) return;
    if (format == OutputFormat::csv && exercise.empty()) return;
    throw UsageError(fmt::format(
        "--format {}: 'progress{}' prints {}; 'progress --weekly' and '--monthly' also print "
        "csv and jsonl, and 'liftlog history {}--format {}' lists every set",
        format_name(format), exercise.empty() ? "" : " " + exercise,
        exercise.empty() ? "text, json or csv" : "text or json",
        exercise.empty() ? "" : exercise + " ", format_name(format)));
}

void run_periods(Services& services, const std::string& exercise, const PeriodOptions& options) {
    FilterOptions filters = options.filters;
    if (!exercise.empty()) filters.exercises.push_back(exercise);
    const RecordFilter filter = resolve_filter(services, filters);
    const PrimaryMuscles muscles = primary_muscles(services.library());
    PeriodReport report(options.weekly ? PeriodKind::week : PeriodKind::month, muscles);
    const LogSummary summary =
        for_each_counted_record(services.log_path(), services.today(), [&](const Record& record) {
            if (filter.matches(record)) report.add(record);
        });
    report_bad_lines(summary, services.issue_reporter());
    // Nothing after today counts, so the periods stop at today's.
    const auto last = filter.until ? std::min(*filter.until, services.today()) : filter.until;
    print_periods(services, report.periods(filter.since, last), muscles);
}

namespace {

const std::vector<std::string> kOverviewColumns = {
    "exercise",    "name",           "sessions",  "first",          "last",       "best_reps",
    "best_load",   "best_load_kind", "best_unit", "best_date",      "total_reps", "volume",
    "volume_unit", "next_action",    "next",      "next_not_before"};

std::string_view kind_name(LoadKind kind) {
    return kind == LoadKind::bodyweight ? "bw" : kind == LoadKind::added ? "added" : "external";
}

std::string optional_date(const std::optional<Date>& date) {
    return date ? format_date(*date) : "";
}

// The overview's volume, rounded to hundredths of `unit` (it is summed exactly
// per unit; only the conversion can leave more decimals).
std::string volume_text(const ExerciseHistory& history, Unit unit) {
    return format_amount(std::llround(kilograms_in(history.volume_kg(), unit) * 100.0));
}

std::vector<std::string> best_set_fields(const ExerciseHistory& history) {
    const auto& best = history.best_set();
    if (!best) return {"", "", "", "", ""};
    const bool amount = best->load.kind != LoadKind::bodyweight;
    return {std::to_string(best->reps), amount ? format_amount(best->load.hundredths) : "",
            std::string(kind_name(best->load.kind)),
            amount ? std::string(unit_name(best->load.unit)) : "",
            optional_date(history.best_set_date())};
}

std::vector<std::string> suggestion_fields(const std::optional<Suggestion>& suggestion) {
    if (!suggestion) return {"", "", ""};
    return {std::string(action_name(suggestion->action)), next_notation(suggestion->next),
            optional_date(suggestion->not_before)};
}

}  // namespace

void print_overview_csv(Services& services, const Histories& histories) {
    const Library& library = services.library();
    const Unit unit = services.unit().value_or(Unit::kg);
    CsvWriter csv(services.out(), kOverviewColumns);
    for (const auto& [id, history] : histories) {
        const Exercise* exercise = library.find_exercise(id);
        std::optional<Suggestion> suggestion;
        if (exercise)
            suggestion = suggest_from(*exercise, &history, services.today(), services.unit());
        std::vector<std::string> row = {
            id, exercise ? exercise->name : id, std::to_string(history.session_count()),
            optional_date(history.first_date()), optional_date(history.last_date())};
        for (auto& field : best_set_fields(history)) row.push_back(std::move(field));
        row.push_back(std::to_string(history.total_reps()));
        row.push_back(volume_text(history, unit));
        row.push_back(std::string(unit_name(unit)));
        for (auto& field : suggestion_fields(suggestion)) row.push_back(std::move(field));
        csv.row(row);
    }
}

}  // namespace liftlog::cli
