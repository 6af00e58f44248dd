// liftlog progress [EXERCISE]: history, records and what to do next time;
// --weekly/--monthly totals; --chart of one exercise. This file only
// dispatches: each view lives in its own file of this folder.
#include <CLI/CLI.hpp>

#include "../advice.hpp"
#include "../commands.hpp"
#include "../invocation.hpp"
#include "progress.hpp"

namespace liftlog::cli {

void run_progress(const ProgressArguments& args, const Library& library, Log& log,
                  const Settings& settings, const Output& output) {
    const ProgressRequest request = decide_progress(args, settings.presentation);
    switch (request.view) {
        case ProgressView::overview: {
            BodyWeightTimeline body_weights;
            const Histories histories = log.histories(&body_weights);
            return print_overview(histories, body_weights, library, settings, output,
                                  request.glyphs);
        }
        case ProgressView::exercise: {
            const Exercise& exercise = library.exercise(request.exercise);
            BodyWeightTimeline body_weights;
            const ExerciseHistory history =
                log.history(exercise.id, ExerciseHistory::kAllSessions, &body_weights);
            return print_exercise_progress(
                exercise, history, body_weights,
                related_pain_in_log(exercise, library, log, settings.today()), settings, output);
        }
        case ProgressView::bodyweight:
            return print_body_weight_trend(log.body_weights(), settings, output);
        case ProgressView::periods: {
            FilterOptions filters = args.periods.filters;
            if (!args.exercise.empty()) filters.exercises.push_back(args.exercise);
            const RecordFilter filter = resolve_filter(filters, library, log, settings.today());
            return print_periods(args.periods, filter, library, log, settings, output);
        }
        case ProgressView::chart: {
            const Exercise& exercise = library.exercise(request.exercise);
            const auto history = log.history(exercise.id, ExerciseHistory::kAllSessions);
            return print_chart(exercise, history.recent_sessions(), request, settings, output);
        }
    }
}

Runner add_progress_command(CLI::App& app) {
    auto args = std::make_shared<ProgressArguments>();
    CLI::App* command =
        app.add_subcommand("progress", "Per-exercise records and what to do next time");
    add_progress_options(*command, *args);
    command->footer(
        "Examples:\n  liftlog progress\n  liftlog progress back-extension\n  liftlog progress "
        "deadlift --chart e1rm\n  liftlog progress --bodyweight\n  liftlog progress --format json "
        "| jq '.[].suggestion.action'");
    return [args](Invocation& run) {
        run_progress(*args, run.library(), run.log(), run.settings(), run.output());
    };
}

}  // namespace liftlog::cli
