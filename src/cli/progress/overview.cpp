// `liftlog progress`: one row per exercise in the log, as a table, JSON or CSV.
#include <fmt/format.h>

#include <cmath>
#include <ostream>

#include "liftlog/describe.hpp"
#include "liftlog/set_notation.hpp"
#include "progress.hpp"

namespace liftlog::cli {

namespace {

using nlohmann::ordered_json;

// What one exercise of the log says: the library's view (none when the
// library no longer defines it, which gives totals but no suggestion).
struct OverviewRow {
    const std::string& id;
    const Exercise* exercise;
    const ExerciseHistory& history;
    std::optional<Suggestion> suggestion;
};

std::vector<OverviewRow> overview_rows(const Histories& histories, const Library& library,
                                       const Settings& settings) {
    std::vector<OverviewRow> rows;
    for (const auto& [id, history] : histories) {
        const Exercise* exercise = library.find_exercise(id);
        std::optional<Suggestion> suggestion;
        if (exercise)
            suggestion = suggest_from(
                *exercise, &history, settings.today(), settings.unit, std::nullopt,
                related_pain(*exercise, library.exercises(), histories, settings.today()));
        rows.push_back({id, exercise, history, std::move(suggestion)});
    }
    return rows;
}

void print_json_rows(const std::vector<OverviewRow>& rows, const BodyWeightTimeline& body_weights,
                     Unit unit, std::ostream& out) {
    ordered_json list = ordered_json::array();
    for (const auto& row : rows)
        list.push_back(progress_entry_json(row.id, row.exercise, row.history, row.suggestion, unit,
                                           &body_weights));
    print_json(out, list);
}

// "-" for an exercise of timed or distance sets alone, which counts no reps.
std::string reps_cell(const ExerciseHistory& history) {
    if (history.total_reps() == 0 && (history.has_timed_sets() || history.has_distance_sets()))
        return "-";
    return std::to_string(history.total_reps());
}

void print_text_rows(const std::vector<OverviewRow>& rows, const BodyWeightTimeline& body_weights,
                     Unit unit, Glyphs glyphs, const Output& output) {
    Table table(
        {"EXERCISE", "SESSIONS", "LAST", "BEST SET", "E1RM", "REPS", "VOLUME", "TREND", "NEXT"});
    bool beyond_epley = false;
    bool bodyweight_sets = false;
    for (const auto& row : rows) {
        const auto& history = row.history;
        table.add_row(
            {row.id, std::to_string(history.session_count()), date_or(history.last_date(), "-"),
             history.best_set()
                 ? format_best_set(*history.best_set(), unit, load_step_of(row.exercise))
                 : "-",
             e1rm_cell(history, body_weights, unit), reps_cell(history),
             volume_cell(history, body_weights, unit),
             trend_cell(history, unit, glyphs,
                        row.exercise ? row.exercise->measure : Measure::reps),
             row.suggestion ? suggestion_summary(*row.suggestion) : "(not in the library)"});
        beyond_epley = beyond_epley || marks_beyond_epley(history);
        bodyweight_sets = bodyweight_sets || history.has_bodyweight_sets();
    }
    table.print(output.out(), output.style());
    if (beyond_epley) print_e1rm_legend(output.out() << '\n');
    if (bodyweight_sets) output.out() << '\n' << body_weight_note(body_weights, unit) << '\n';
}

// The stable columns of `progress --format csv`.
const std::vector<std::string> kOverviewColumns = {
    "exercise",    "name",           "sessions",  "first",          "last",       "best_reps",
    "best_load",   "best_load_kind", "best_unit", "best_date",      "total_reps", "volume",
    "volume_unit", "next_action",    "next",      "next_not_before"};

// The overview's volume, rounded to hundredths of `unit` (it is summed exactly
// per unit; only the conversion can leave more decimals).
std::string volume_text(const ExerciseHistory& history, const BodyWeightTimeline& body_weights,
                        Unit unit) {
    return format_amount(std::llround(kilograms_in(history.volume_kg(body_weights), unit) * 100.0));
}

std::vector<std::string> best_set_fields(const ExerciseHistory& history) {
    const auto& best = history.best_set();
    if (!best) return {"", "", "", "", ""};
    const bool amount = best->load.kind != LoadKind::bodyweight;
    return {std::to_string(best->reps), amount ? format_amount(best->load.hundredths) : "",
            std::string(load_kind_name(best->load.kind)),
            amount ? std::string(unit_name(best->load.unit)) : "",
            date_or(history.best_set_date(), "")};
}

std::vector<std::string> suggestion_fields(const std::optional<Suggestion>& suggestion) {
    if (!suggestion) return {"", "", ""};
    return {std::string(action_name(suggestion->action)), next_notation(suggestion->next),
            date_or(suggestion->not_before, "")};
}

void print_csv_rows(const std::vector<OverviewRow>& rows, const BodyWeightTimeline& body_weights,
                    Unit unit, const Output& output) {
    CsvWriter csv(output.out(), kOverviewColumns, {"exercise", "name"}, csv_cells(output));
    for (const auto& row : rows) {
        const auto& history = row.history;
        std::vector<std::string> fields = {row.id, row.exercise ? row.exercise->name : row.id,
                                           std::to_string(history.session_count()),
                                           date_or(history.first_date(), ""),
                                           date_or(history.last_date(), "")};
        for (auto& field : best_set_fields(history)) fields.push_back(std::move(field));
        fields.push_back(std::to_string(history.total_reps()));
        fields.push_back(volume_text(history, body_weights, unit));
        fields.push_back(std::string(unit_name(unit)));
        for (auto& field : suggestion_fields(row.suggestion)) fields.push_back(std::move(field));
        csv.row(fields);
    }
}

}  // namespace

std::string date_or(const std::optional<Date>& date, const std::string& none) {
    return date ? format_date(*date) : none;
}

ordered_json progress_entry_json(const std::string& id, const Exercise* exercise,
                                 const ExerciseHistory& history,
                                 const std::optional<Suggestion>& suggestion, Unit unit,
                                 const BodyWeightTimeline* body_weights) {
    ordered_json entry = {{"exercise", id}, {"name", exercise ? exercise->name : id}};
    const ordered_json summary = summary_json(history, unit, body_weights);
    for (const auto& [key, value] : summary.items()) entry[key] = value;
    entry["suggestion"] = suggestion ? suggestion_json(*suggestion) : ordered_json(nullptr);
    return entry;
}

void print_overview(const Histories& histories, const BodyWeightTimeline& body_weights,
                    const Library& library, const Settings& settings, const Output& output,
                    Glyphs glyphs) {
    const Unit unit = settings.unit.value_or(Unit::kg);
    const auto rows = overview_rows(histories, library, settings);
    switch (output.format()) {
        case OutputFormat::csv:
            return print_csv_rows(rows, body_weights, unit, output);
        case OutputFormat::json:
            return print_json_rows(rows, body_weights, unit, output.out());
        default:
            break;
    }
    if (rows.empty()) return output.hint(kEmptyLogHint);
    print_text_rows(rows, body_weights, unit, glyphs, output);
}

}  // namespace liftlog::cli
