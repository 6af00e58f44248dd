// `liftlog progress EXERCISE`: every session of one exercise, its personal
// records and what to do next time.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <ostream>

#include "liftlog/describe.hpp"
#include "liftlog/set_notation.hpp"
#include "progress.hpp"

namespace liftlog::cli {

namespace {

using nlohmann::ordered_json;

void print_sessions_text(const Exercise& exercise, const ExerciseHistory& history,
                         const BodyWeightTimeline& body_weights,
                         const std::vector<Session>& sessions, const Suggestion& suggestion,
                         Unit unit, const Output& output) {
    std::ostream& out = output.out();
    out << fmt::format("{} ({}): {} session{}", exercise.name, exercise.id, history.session_count(),
                       history.session_count() == 1 ? "" : "s");
    const UnitAmounts load_step = load_step_of(&exercise);
    if (history.best_set())
        out << ", best set " << format_best_set(*history.best_set(), unit, load_step);
    out << totals_text(history, &body_weights, unit) << '\n';
    if (history.has_bodyweight_sets()) out << body_weight_note(body_weights, unit) << '\n';
    out << '\n';
    Table table({"DATE", "SETS", "RPE", "PAIN", "ID", "NOTE"});
    for (const auto& session : sessions) {
        std::string notes;
        for (const auto& note : session.notes) notes += (notes.empty() ? "" : " | ") + note;
        table.add_row({format_date(session.date), format_sets(session.sets),
                       session.rpe ? fmt::format("{}", *session.rpe) : "",
                       session.pain ? "yes" : "",
                       fmt::format("{}", fmt::join(session.record_ids, ",")), notes});
    }
    table.print(out, output.style());
    print_records_text(out, history, unit, load_step);
    if (const auto best = history.best_bodyweight_e1rm(body_weights))
        out << fmt::format(
            "\nBest e1RM with body weight: {} from {} @ {} on {} (body weight {} {})\n",
            format_one_rep_max(best->estimate, unit), best->set.reps, format_load(best->set.load),
            format_date(best->date), format_amount(best->body_weight.weight.hundredths),
            unit_name(best->body_weight.weight.unit));
    out << '\n';
    print_suggestion(out, suggestion);
}

}  // namespace

void print_exercise_progress(const Exercise& exercise, const ExerciseHistory& history,
                             const BodyWeightTimeline& body_weights,
                             const std::optional<RelatedPain>& related, const Settings& settings,
                             const Output& output) {
    const Unit unit = settings.unit.value_or(Unit::kg);
    const auto sessions = history.recent_sessions();
    const Suggestion suggestion =
        suggest(exercise, sessions, settings.today(), settings.unit, std::nullopt, related);
    if (output.format() == OutputFormat::json) {
        ordered_json entry =
            progress_entry_json(exercise.id, &exercise, history, suggestion, unit, &body_weights);
        ordered_json list = ordered_json::array();
        for (const auto& session : sessions) list.push_back(session_json(session));
        entry["history"] = list;
        entry["records"] = records_json(history.records(), unit, load_step_of(&exercise));
        return print_json(output.out(), ordered_json::array({entry}));
    }
    print_sessions_text(exercise, history, body_weights, sessions, suggestion, unit, output);
}

}  // namespace liftlog::cli
