// The flags of `liftlog progress`, and the one function that decides what a
// combination of them asks for, refusing those that do not go together.
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "liftlog/error.hpp"
#include "progress.hpp"

namespace liftlog::cli {

namespace {

void add_period_options(CLI::App& progress, PeriodOptions& options) {
    auto* weekly = progress.add_flag("--weekly", options.weekly,
                                     "Totals per ISO week (Monday to Sunday), like 2026-W47");
    auto* monthly =
        progress.add_flag("--monthly", options.monthly, "Totals per calendar month, like 2026-11");
    weekly->excludes(monthly);
    add_filter_options(progress, options.filters, false);
}

void add_chart_options(CLI::App& command, ChartRequest& request) {
    request.option =
        command
            .add_option("--chart", request.metric,
                        "Chart the exercise over every session: top (the heaviest set, "
                        "default), e1rm or volume; time (the longest hold) for timed exercises, "
                        "distance for distance ones")
            ->expected(0, 1);
    command.add_flag("--ascii", request.ascii,
                     "Draw charts and trends in ASCII (the default when the locale is not UTF-8)");
}

// The overview prints csv too; one exercise prints text or json; the period
// reports print every format.
void check_format(const ProgressArguments& args, OutputFormat format) {
    if (args.bodyweight) {
        if (format == OutputFormat::jsonl)
            throw UsageError("--format jsonl: 'progress --bodyweight' prints text, json or csv");
        return;
    }
    if (args.periods.wanted() || format == OutputFormat::text || format == OutputFormat::json)
        return;
    const std::string& exercise = args.exercise;
    if (format == OutputFormat::csv && exercise.empty()) return;
    throw UsageError(fmt::format(
        "--format {}: 'progress{}' prints {}; 'progress --weekly' and '--monthly' also print "
        "csv and jsonl, and 'liftlog history {}--format {}' lists every set",
        format_name(format), exercise.empty() ? "" : " " + exercise,
        exercise.empty() ? "text, json or csv" : "text or json",
        exercise.empty() ? "" : exercise + " ", format_name(format)));
}

// `progress --chart deadlift` reads "deadlift" as the chart's value, since
// --chart takes an optional one: take it as the exercise instead.
ProgressRequest chart_request(const ProgressArguments& args, OutputFormat format) {
    if (args.periods.wanted())
        throw UsageError("--chart draws every session; it does not go with --weekly or --monthly");
    ProgressRequest request{ProgressView::chart, args.exercise, TrendMetric::top, Glyphs::unicode};
    const std::string& metric = args.chart.metric;
    if (const auto parsed = parse_trend_metric(metric); !metric.empty() && parsed) {
        request.metric = *parsed;
    } else if (!metric.empty() && !args.exercise.empty()) {
        throw UsageError(fmt::format(
            "--chart {}: unknown chart; use top, e1rm, volume, time or distance", metric));
    } else if (!metric.empty()) {
        request.exercise = metric;
    }
    if (request.exercise.empty())
        throw UsageError(
            "--chart needs an exercise; write it as: liftlog progress EXERCISE --chart "
            "[top|e1rm|volume|time|distance]");
    if (format != OutputFormat::text && format != OutputFormat::json)
        throw UsageError(fmt::format("--format {}: 'progress --chart' prints text or json",
                                     format_name(format)));
    return request;
}

}  // namespace

bool ChartRequest::asked() const {
    return option != nullptr && option->count() > 0;
}

void add_progress_options(CLI::App& command, ProgressArguments& args) {
    command.add_option("exercise", args.exercise, "Show this exercise's full history");
    add_period_options(command, args.periods);
    add_chart_options(command, args.chart);
    command.add_flag("--bodyweight", args.bodyweight,
                     "Show the body-weight trend: every weighing and its change");
}

ProgressRequest decide_progress(const ProgressArguments& args, const Presentation& presentation) {
    if (!args.periods.wanted() && args.periods.filters.any())
        throw UsageError(
            "--muscle, --since and --until go with --weekly or --monthly; for the sets "
            "themselves, use 'liftlog history' with the same filters");
    check_format(args, presentation.format);
    if (args.bodyweight) {
        if (!args.exercise.empty() || args.periods.wanted() || args.chart.asked())
            throw UsageError(
                "--bodyweight shows the body-weight trend alone; it does not go with an "
                "exercise, --weekly, --monthly or --chart");
        return {ProgressView::bodyweight, "", TrendMetric::top, presentation.glyphs};
    }
    ProgressRequest request{ProgressView::overview, args.exercise, TrendMetric::top,
                            Glyphs::unicode};
    if (args.chart.asked())
        request = chart_request(args, presentation.format);
    else if (args.periods.wanted())
        request.view = ProgressView::periods;
    else if (!args.exercise.empty())
        request.view = ProgressView::exercise;
    request.glyphs = args.chart.ascii ? Glyphs::ascii : presentation.glyphs;
    return request;
}

}  // namespace liftlog::cli
