// liftlog progress --weekly / --monthly: training totals per ISO week or
// calendar month, as a table, CSV, JSON lines or JSON.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <ostream>

#include "liftlog/describe.hpp"
#include "liftlog/period_report.hpp"
#include "liftlog/progression.hpp"
#include "progress.hpp"

namespace liftlog::cli {

namespace {

using nlohmann::ordered_json;

// Every primary muscle of the library, in order: the columns of the report.
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

void print_totals(const std::vector<PeriodTotals>& periods, const PrimaryMuscles& muscles,
                  Unit unit, const Output& output) {
    const auto columns = muscle_columns(muscles);
    std::ostream& out = output.out();
    switch (output.format()) {
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
        output.hint(
            "Nothing to report: no entries match these dates and filters; widen "
            "--since/--until, or add entries with: liftlog log EXERCISE SETS");
    else
        print_periods_text(out, periods, unit);
}

}  // namespace

void print_periods(const PeriodOptions& options, const RecordFilter& filter, const Library& library,
                   Log& log, const Settings& settings, const Output& output) {
    const PrimaryMuscles muscles = primary_muscles(library);
    PeriodReport report(options.weekly ? PeriodKind::week : PeriodKind::month, muscles);
    log.for_each_counted(
        Log::Order::file, [&filter](const Record& record) { return filter.matches(record); },
        [&report](const Record& record) { report.add(record); });
    // Nothing after today counts, so the periods stop at today's.
    const Date today = settings.today();
    const auto last = filter.until ? std::min(*filter.until, today) : filter.until;
    print_totals(report.periods(filter.since, last), muscles, settings.unit.value_or(Unit::kg),
                 output);
}

}  // namespace liftlog::cli
