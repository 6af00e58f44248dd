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
        {"muscle_sets", muscle_sets},
        {"bodyweight_sets_without_body_weight", totals.bodyweight_sets_without_body_weight},
        {"timed_sets", totals.timed_sets},
        {"seconds", totals.seconds},
        {"distance_sets", totals.distance_sets},
        {"metres", amount_json(totals.distance.centimetres())}};
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
    // Appended after the muscles, so that no column moves.
    header.insert(header.end(), {"bodyweight_sets_without_body_weight", "timed_sets", "seconds",
                                 "distance_sets", "metres"});
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
        row.insert(row.end(), {std::to_string(totals.bodyweight_sets_without_body_weight),
                               std::to_string(totals.timed_sets), std::to_string(totals.seconds),
                               std::to_string(totals.distance_sets),
                               format_amount(totals.distance.centimetres())});
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

// "3:00", "1:02:03": a period's time, minutes and seconds, hours past an hour.
std::string time_text(long long seconds) {
    if (seconds < 3600) return fmt::format("{}:{:02}", seconds / 60, seconds % 60);
    return fmt::format("{}:{:02}:{:02}", seconds / 3600, seconds / 60 % 60, seconds % 60);
}

long long without_body_weight(const std::vector<PeriodTotals>& periods) {
    long long sets = 0;
    for (const auto& totals : periods) sets += totals.bodyweight_sets_without_body_weight;
    return sets;
}

void print_periods_text(std::ostream& out, const std::vector<PeriodTotals>& periods, Unit unit) {
    // TIME and DISTANCE only when some period has a timed or distance set,
    // so that a log of lifts alone keeps its table as narrow as before.
    const bool timed = std::any_of(periods.begin(), periods.end(), [](const PeriodTotals& totals) {
        return totals.timed_sets > 0;
    });
    const bool distance =
        std::any_of(periods.begin(), periods.end(),
                    [](const PeriodTotals& totals) { return totals.distance_sets > 0; });
    std::vector<std::string> header = {"PERIOD", "START",  "DAYS",    "SESSIONS", "SETS",
                                       "REPS",   "VOLUME", "BW SETS", "BW REPS"};
    if (timed) header.emplace_back("TIME");
    if (distance) header.emplace_back("DISTANCE");
    header.emplace_back("SETS PER MUSCLE");
    Table table(header);
    for (const auto& totals : periods) {
        std::vector<std::string> row = {
            totals.period.label,
            format_date(totals.period.start),
            std::to_string(totals.training_days),
            std::to_string(totals.sessions),
            std::to_string(totals.working_sets),
            std::to_string(totals.reps),
            fmt::format("{} {}", format_amount(totals.volume.hundredths_in(unit)), unit_name(unit)),
            std::to_string(totals.bodyweight_sets),
            std::to_string(totals.bodyweight_reps)};
        if (timed) row.push_back(time_text(totals.seconds));
        if (distance)
            row.push_back(fmt::format("{} m", format_amount(totals.distance.centimetres())));
        row.push_back(muscles_text(totals));
        table.add_row(row);
    }
    table.print(out);
    if (const long long sets = without_body_weight(periods); sets > 0)
        out << fmt::format(
            "\n{} bodyweight {} no body weight on or before {} day, so {} volume counts the "
            "added load alone; log one with: liftlog weigh 80kg --date YYYY-MM-DD\n",
            sets, sets == 1 ? "set has" : "sets have", sets == 1 ? "its" : "their",
            sets == 1 ? "its" : "their");
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
    // Every weighing, whatever the filters: a body weight from before --since
    // still holds on the days after it. Read with the records, as a pipe is
    // read once.
    BodyWeightTimeline body_weights;
    log.for_each_counted([&filter](const Record& record) { return filter.matches(record); },
                         [&report](const Record& record) { report.add(record); }, body_weights);
    // Nothing after today counts, so the periods stop at today's.
    const Date today = settings.today();
    const auto last = filter.until ? std::min(*filter.until, today) : filter.until;
    print_totals(report.periods(filter.since, last, body_weights), muscles,
                 settings.unit.value_or(Unit::kg), output);
}

}  // namespace liftlog::cli
