// liftlog progress [EXERCISE]: history, records and what to do next time.
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <CLI/CLI.hpp>

#include <ostream>

#include "commands.hpp"
#include "liftlog/log_queries.hpp"
#include "liftlog/report.hpp"
#include "liftlog/set_notation.hpp"
#include "output.hpp"
#include "progress_chart.hpp"
#include "progress_records.hpp"
#include "reports.hpp"
#include "services.hpp"
#include "style.hpp"

namespace liftlog::cli {

namespace {

using nlohmann::ordered_json;

std::string optional_date_text(const std::optional<Date>& date) {
    return date ? format_date(*date) : "-";
}

// An exercise in the log that the library no longer defines still gets its
// totals, but no suggestion.
ordered_json progress_entry(const std::string& id, const Exercise* exercise,
                            const ExerciseHistory& history,
                            const std::optional<Suggestion>& suggestion, Unit unit) {
    ordered_json entry = {{"exercise", id}, {"name", exercise ? exercise->name : id}};
    const ordered_json summary = summary_json(history, unit);
    for (const auto& [key, value] : summary.items()) entry[key] = value;
    entry["suggestion"] = suggestion ? suggestion_json(*suggestion) : ordered_json(nullptr);
    return entry;
}

void run_overview(Services& services, Glyphs glyphs) {
    const Library& library = services.library();
    const Date today = services.today();
    const Unit unit = services.unit().value_or(Unit::kg);
    const auto histories = services.histories();
    if (services.format() == OutputFormat::csv) return print_overview_csv(services, histories);
    ordered_json list = ordered_json::array();
    Table table(
        {"EXERCISE", "SESSIONS", "LAST", "BEST SET", "E1RM", "REPS", "VOLUME", "TREND", "NEXT"});
    bool beyond_epley = false;
    for (const auto& [id, history] : histories) {
        const Exercise* exercise = library.find_exercise(id);
        std::optional<Suggestion> suggestion;
        if (exercise) suggestion = suggest_from(*exercise, &history, today, services.unit());
        list.push_back(progress_entry(id, exercise, history, suggestion, unit));
        table.add_row(
            {id, std::to_string(history.session_count()), optional_date_text(history.last_date()),
             history.best_set()
                 ? format_best_set(*history.best_set(), unit, load_step_of(exercise))
                 : "-",
             e1rm_cell(history, unit), std::to_string(history.total_reps()),
             format_volume(history.volume_kg(), unit), trend_cell(history, unit, glyphs),
             suggestion ? suggestion_summary(*suggestion) : "(not in the library)"});
        beyond_epley = beyond_epley || marks_beyond_epley(history);
    }
    if (services.format() == OutputFormat::json) return print_json(services.out(), list);
    if (histories.empty()) {
        services.err() << "The log has no entries yet; add one with: liftlog log EXERCISE SETS\n";
        return;
    }
    table.print(services.out(), Style(services.color()));
    if (beyond_epley) print_e1rm_legend(services.out() << '\n');
}

void print_sessions_text(const Exercise& exercise, const ExerciseHistory& history,
                         const std::vector<Session>& sessions, const Suggestion& suggestion,
                         Unit unit, const Style& style, std::ostream& out) {
    out << fmt::format("{} ({}): {} session{}", exercise.name, exercise.id, history.session_count(),
                       history.session_count() == 1 ? "" : "s");
    const UnitAmounts load_step = load_step_of(&exercise);
    if (history.best_set())
        out << ", best set " << format_best_set(*history.best_set(), unit, load_step);
    out << fmt::format(", volume {}\n\n", format_volume(history.volume_kg(), unit));
    Table table({"DATE", "SETS", "RPE", "PAIN", "ID", "NOTE"});
    for (const auto& session : sessions) {
        std::string notes;
        for (const auto& note : session.notes) notes += (notes.empty() ? "" : " | ") + note;
        table.add_row({format_date(session.date), format_sets(session.sets),
                       session.rpe ? fmt::format("{}", *session.rpe) : "",
                       session.pain ? "yes" : "",
                       fmt::format("{}", fmt::join(session.record_ids, ",")), notes});
    }
    table.print(out, style);
    print_records_text(out, history, unit, load_step);
    out << '\n';
    print_suggestion(out, suggestion);
}

void run_exercise(Services& services, const std::string& name) {
    const Exercise& exercise = services.library().exercise(name);
    const Date today = services.today();
    const Unit unit = services.unit().value_or(Unit::kg);
    const ExerciseHistory history =
        services.exercise_history(exercise.id, ExerciseHistory::kAllSessions);
    const auto sessions = history.recent_sessions();
    const Suggestion suggestion = suggest(exercise, sessions, today, services.unit());
    if (services.format() == OutputFormat::json) {
        ordered_json entry = progress_entry(exercise.id, &exercise, history, suggestion, unit);
        ordered_json list = ordered_json::array();
        for (const auto& session : sessions) list.push_back(session_json(session));
        entry["history"] = list;
        entry["records"] = records_json(history.records(), unit, load_step_of(&exercise));
        return print_json(services.out(), ordered_json::array({entry}));
    }
    print_sessions_text(exercise, history, sessions, suggestion, unit, Style(services.color()),
                        services.out());
}

}  // namespace

void add_progress_command(CLI::App& app, Services& services) {
    auto name = std::make_shared<std::string>();
    CLI::App* command =
        app.add_subcommand("progress", "Per-exercise records and what to do next time");
    command->add_option("exercise", *name, "Show this exercise's full history");
    auto periods = std::make_shared<PeriodOptions>();
    add_period_options(*command, *periods);
    auto chart = std::make_shared<ChartRequest>();
    add_chart_options(*command, *chart);
    services.declare_formats("progress", {OutputFormat::text, OutputFormat::json, OutputFormat::csv,
                                          OutputFormat::jsonl});
    command->footer(
        "Examples:\n  liftlog progress\n  liftlog progress back-extension\n  liftlog progress "
        "deadlift --chart e1rm\n  liftlog progress --format json | jq '.[].suggestion.action'");
    command->callback([&services, name, periods, chart] {
        check_progress_request(services, *name, *periods);
        if (chart->asked()) return run_progress_chart(services, *name, *chart, periods->wanted());
        if (periods->wanted()) return run_periods(services, *name, *periods);
        if (name->empty()) return run_overview(services, chart_glyphs(services, *chart));
        run_exercise(services, *name);
    });
}

}  // namespace liftlog::cli
