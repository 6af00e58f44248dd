// liftlog show EXERCISE: everything about one exercise, with your history.
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <CLI/CLI.hpp>

#include <ostream>

#include "advice.hpp"
#include "commands.hpp"
#include "invocation.hpp"
#include "liftlog/describe.hpp"
#include "output.hpp"
#include "progress/progress.hpp"

namespace liftlog::cli {

namespace {

// The log's view of one exercise, when it has any entries.
struct ExerciseRecord {
    ExerciseHistory history;
    BodyWeightTimeline body_weights;  // bodyweight sets count the body weight of their day
    Suggestion suggestion;
};

std::string range_text(const Range& range) {
    return range.min == range.max ? fmt::format("{}", range.min)
                                  : fmt::format("{}-{}", range.min, range.max);
}

// What one set asks for, such as "10-12 reps", "20-60 s" or "20-40 m".
std::string per_set_text(const Exercise& exercise) {
    const auto& p = exercise.prescription;
    switch (exercise.measure) {
        case Measure::time:
            return range_text(p.seconds) + " s";
        case Measure::distance:
            return range_text(p.metres) + " m";
        case Measure::reps:
            break;
    }
    if (exercise.pause_at_top) return range_text(p.reps) + " reps, each may be held at the top";
    return range_text(p.reps) + " reps";
}

// Time and distance climb their range by a step, then add load at its top.
std::string climbing_progression_text(const Exercise& exercise) {
    const auto& rules = exercise.progression;
    const bool time = exercise.measure == Measure::time;
    const Range& range = time ? rules.time_range : rules.distance_range;
    const char* unit = time ? "s" : "m";
    std::string text = fmt::format(
        "{}-{} {}, {} {} more at a time; when every set reaches {} {}, add {} kg / {} lb",
        range.min, range.max, unit, time ? rules.time_step : rules.distance_step, unit, range.max,
        unit, format_amount(rules.increment.kg), format_amount(rules.increment.lb));
    if (exercise.loading == Loading::bodyweight && !rules.added_load.empty())
        text += ": " + rules.added_load;
    return text;
}

void print_list(std::ostream& out, const char* title, const std::vector<std::string>& items,
                bool numbered) {
    if (items.empty()) return;
    out << '\n' << title << ":\n";
    for (std::size_t i = 0; i < items.size(); ++i)
        out << (numbered ? fmt::format("  {}. ", i + 1) : std::string("  - ")) << items[i] << '\n';
}

void print_facts(std::ostream& out, const Exercise& exercise) {
    const auto& p = exercise.prescription;
    out << fmt::format("{} ({})\n", exercise.name, exercise.id);
    if (!exercise.aliases.empty())
        out << fmt::format("Also called: {}\n", fmt::join(exercise.aliases, ", "));
    // A custom exercise (from an import) may have only a name.
    if (!exercise.description.empty()) out << '\n' << exercise.description << '\n';
    out << '\n';
    if (!exercise.primary_muscles.empty())
        out << fmt::format("Primary muscles:    {}\n", fmt::join(exercise.primary_muscles, ", "));
    if (!exercise.secondary_muscles.empty())
        out << fmt::format("Secondary muscles:  {}\n", fmt::join(exercise.secondary_muscles, ", "));
    if (!exercise.equipment.empty())
        out << fmt::format("Equipment:          {}\n", fmt::join(exercise.equipment, ", "));
    out << fmt::format("Loading:            {}\n", loading_name(exercise.loading));
    if (exercise.custom)
        out << "Custom:             yes; add muscles, equipment and steps in its definition file\n";
    out << fmt::format("Prescription:       {} sets of {}, {} times a week\n", range_text(p.sets),
                       per_set_text(exercise), range_text(p.per_week));
    if (exercise.measure != Measure::reps)
        out << fmt::format("Progression:        {}\n", climbing_progression_text(exercise));
    else if (exercise.loading == Loading::bodyweight)
        out << fmt::format(
            "Progression:        past {} reps at bodyweight, add {} kg / {} lb: {}\n",
            exercise.progression.bodyweight_threshold,
            format_amount(exercise.progression.increment.kg),
            format_amount(exercise.progression.increment.lb), exercise.progression.added_load);
    else
        out << fmt::format(
            "Progression:        {} reps; when every set reaches {}, add {} kg / {} lb\n",
            range_text(exercise.progression.rep_range), exercise.progression.rep_range.max,
            format_amount(exercise.progression.increment.kg),
            format_amount(exercise.progression.increment.lb));
}

void print_details(std::ostream& out, const Exercise& exercise) {
    print_list(out, "Steps", exercise.steps, true);
    print_list(out, "Tips", exercise.tips, false);
    std::vector<std::string> variations;
    for (const auto& v : exercise.variations) variations.push_back(v.name + ": " + v.description);
    print_list(out, "Variations", variations, false);
    print_list(out, "Alternatives", exercise.alternatives, false);
    std::vector<std::string> references;
    for (const auto& r : exercise.references) references.push_back(r.title + " (" + r.source + ")");
    print_list(out, "References", references, false);
}

void print_history(std::ostream& out, const ExerciseRecord& record, Unit unit,
                   const UnitAmounts& load_step) {
    const auto& history = record.history;
    out << fmt::format("\nYour history: {} session{}, {} to {}", history.session_count(),
                       history.session_count() == 1 ? "" : "s", format_date(*history.first_date()),
                       format_date(*history.last_date()));
    if (history.best_set())
        out << ", best set " << format_best_set(*history.best_set(), unit, load_step);
    out << totals_text(history, &record.body_weights, unit) << '\n';
    if (history.has_bodyweight_sets()) out << body_weight_note(record.body_weights, unit) << '\n';
    print_suggestion(out, record.suggestion);
}

void print_show(const Exercise& exercise, const std::optional<ExerciseRecord>& record, Unit unit,
                const Output& output) {
    std::ostream& out = output.out();
    if (output.format() == OutputFormat::json) {
        auto object = exercise_to_json(exercise);
        object["history"] = record ? summary_json(record->history, unit, &record->body_weights)
                                   : nlohmann::ordered_json(nullptr);
        object["suggestion"] =
            record ? suggestion_json(record->suggestion) : nlohmann::ordered_json(nullptr);
        return print_json(out, object);
    }
    print_facts(out, exercise);
    print_details(out, exercise);
    if (record) print_history(out, *record, unit, exercise.progression.load_step);
}

std::optional<ExerciseRecord> read_record(const Exercise& exercise, const Library& library,
                                          Log& log, const Settings& settings) {
    BodyWeightTimeline body_weights;
    ExerciseHistory history =
        log.history(exercise.id, ExerciseHistory::kRecentSessions, &body_weights);
    if (history.session_count() == 0) return std::nullopt;
    const auto sessions = history.recent_sessions();
    const auto related = related_pain_in_log(exercise, library, log, settings.today());
    return ExerciseRecord{
        history, std::move(body_weights),
        suggest(exercise, sessions, settings.today(), settings.unit, std::nullopt, related)};
}

}  // namespace

void run_show(const std::string& name, const Library& library, Log& log, const Settings& settings,
              const Output& output) {
    const Exercise& exercise = library.exercise(name);
    const auto record = read_record(exercise, library, log, settings);
    print_show(exercise, record, settings.unit.value_or(Unit::kg), output);
}

Runner add_show_command(CLI::App& app) {
    auto name = std::make_shared<std::string>();
    CLI::App* command =
        app.add_subcommand("show", "Show one exercise: how to do it, and your history");
    command->add_option("exercise", *name, "Exercise id, name or alias (any case)")->required();
    command->footer(
        "Examples:\n  liftlog show back-extension\n  liftlog show \"reverse hyper\"\n  liftlog "
        "show rdl --format json");
    return [name](Invocation& run) {
        run_show(*name, run.library(), run.log(), run.settings(), run.output());
    };
}

}  // namespace liftlog::cli
