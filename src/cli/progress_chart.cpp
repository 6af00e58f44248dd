#include "progress_chart.hpp"

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <cmath>
#include <ostream>

#include "liftlog/error.hpp"
#include "liftlog/one_rep_max.hpp"
#include "liftlog/trend.hpp"
#include "output.hpp"
#include "services.hpp"
#include "style.hpp"

namespace liftlog::cli {

namespace {

using nlohmann::ordered_json;

// Ten rows of bars, then the x-axis and the dates: fits a 24-line terminal
// with the title and summary.
constexpr int kChartHeight = 12;

std::string metric_title(TrendMetric metric, bool in_reps) {
    switch (metric) {
        case TrendMetric::top:
            return in_reps ? "most reps in a set" : "top set";
        case TrendMetric::e1rm:
            return "estimated 1RM (Epley)";
        case TrendMetric::volume:
            return in_reps ? "reps" : "volume";
    }
    return "top set";
}

std::string with_unit(double value, const std::string& unit) {
    return fmt::format("{} {}", format_chart_value(value), unit);
}

// Cuts `text` to `width` columns, marking the cut, so that no line of the
// chart's output wraps. A line that must be cut loses its colours, which
// keeps every escape sequence whole.
std::string fit_width(const std::string& text, int width, Glyphs glyphs) {
    const auto columns = static_cast<std::size_t>(std::max(width, 1));
    if (visible_width(text) <= columns) return text;
    const std::string mark = glyphs == Glyphs::unicode ? "…" : ".";
    std::string cut;
    std::size_t kept = 0;
    for (char c : strip_styles(text)) {
        const bool starts_code_point = (static_cast<unsigned char>(c) & 0xC0) != 0x80;
        if (starts_code_point && ++kept > columns - 1) break;
        cut += c;
    }
    return cut + mark;
}

// "60 kg -> 100 kg (+40 kg)", the change green when it went up.
std::string change_text(const TrendSeries& series, Glyphs glyphs, const Style& style) {
    const double first = series.points.front().value;
    const double last = series.points.back().value;
    const std::string arrow = glyphs == Glyphs::unicode ? " → " : " -> ";
    const std::string span = with_unit(first, series.unit) + arrow + with_unit(last, series.unit);
    if (last == first) return span + " (no change)";
    const double change = last - first;
    const std::string delta = (change > 0 ? "+" : "-") + with_unit(std::abs(change), series.unit);
    return span + " (" + (change > 0 ? style.good(delta) : delta) + ")";
}

// The dates are on the x-axis already; this says how far the series went.
std::string summary_text(const TrendSeries& series, Glyphs glyphs, const Style& style) {
    const auto& points = series.points;
    if (points.size() == 1) return "1 session: " + with_unit(points[0].value, series.unit);
    return fmt::format("{} sessions: {}", points.size(), change_text(series, glyphs, style));
}

void print_chart_lines(std::ostream& out, const Chart& chart, const Style& style) {
    const std::size_t bar_rows = chart.lines.size() - 2;
    for (std::size_t i = 0; i < chart.lines.size(); ++i) {
        const ChartLine& line = chart.lines[i];
        const std::string body =
            i < bar_rows ? style.accent(line.body) : style.secondary(line.body);
        std::string text = style.secondary(line.label + line.axis) + body;
        if (line.body.empty()) text = style.secondary(line.text());
        out << text << '\n';
    }
}

void print_chart_text(Services& services, const Exercise& exercise, TrendMetric metric,
                      const TrendSeries& series, Glyphs glyphs) {
    const Style style(services.color());
    const int width = services.terminal_width();
    std::ostream& out = services.out();
    const std::string title = fmt::format("{} - {} per session ({})", exercise.name,
                                          metric_title(metric, series.unit == "reps"), series.unit);
    out << style.header(fit_width(title, width, glyphs)) << '\n';
    const Chart chart = render_chart(series.points, series.unit, width, kChartHeight, glyphs);
    print_chart_lines(out, chart, style);
    out << fit_width(summary_text(series, glyphs, style), width, glyphs) << '\n';
    if (series.beyond_epley_range)
        out << style.warning(fit_width(
                   fmt::format("Some estimates come from sets of more than {} reps, where Epley "
                               "is less reliable.",
                               kEpleyMaxReps),
                   width, glyphs))
            << '\n';
    if (chart.points_per_column > 1)
        out << style.secondary(
                   fit_width(fmt::format("Each column is the highest of up to {} sessions.",
                                         chart.points_per_column),
                             width, glyphs))
            << '\n';
}

ordered_json series_json(const Exercise& exercise, TrendMetric metric, const TrendSeries& series) {
    ordered_json points = ordered_json::array();
    for (const auto& point : series.points)
        points.push_back({{"date", format_date(point.date)}, {"value", point.value}});
    return {{"exercise", exercise.id},
            {"name", exercise.name},
            {"chart", trend_metric_name(metric)},
            {"unit", series.unit},
            {"points", points}};
}

void print_series_json(Services& services, const Exercise& exercise, TrendMetric metric,
                       const TrendSeries& series) {
    if (services.format() != OutputFormat::json)
        throw UsageError(fmt::format("--format {}: 'progress --chart' prints text or json",
                                     format_name(services.format())));
    print_json(services.out(), series_json(exercise, metric, series));
}

// Why there is nothing to draw, with what to do about it.
std::string empty_chart_hint(const Exercise& exercise, TrendMetric metric, bool has_sessions) {
    if (!has_sessions)
        return fmt::format("The log has no entries for {0} yet; add one with: liftlog log {0} SETS",
                           exercise.id);
    if (metric == TrendMetric::e1rm)
        return fmt::format(
            "No e1RM to chart: {} has no working sets with weight beyond body weight; try "
            "--chart top",
            exercise.id);
    return fmt::format("{} has only warm-up sets; log working sets to chart them", exercise.id);
}

// `progress --chart deadlift` reads "deadlift" as the chart's value, since
// --chart takes an optional one: take it as the exercise instead.
TrendMetric resolve_metric(const ChartRequest& request, std::string& exercise) {
    if (request.metric.empty()) return TrendMetric::top;
    if (const auto metric = parse_trend_metric(request.metric)) return *metric;
    if (!exercise.empty())
        throw UsageError(
            fmt::format("--chart {}: unknown chart; use top, e1rm or volume", request.metric));
    exercise = request.metric;
    return TrendMetric::top;
}

}  // namespace

bool ChartRequest::asked() const {
    return option != nullptr && option->count() > 0;
}

void add_chart_options(CLI::App& command, ChartRequest& request) {
    request.option =
        command
            .add_option("--chart", request.metric,
                        "Chart the exercise over every session: top (the heaviest set, "
                        "default), e1rm or volume")
            ->expected(0, 1);
    command.add_flag("--ascii", request.ascii,
                     "Draw charts and trends in ASCII (the default when the locale is not UTF-8)");
}

Glyphs chart_glyphs(Services& services, const ChartRequest& request) {
    if (request.ascii || !utf8_locale(services.environment())) return Glyphs::ascii;
    return Glyphs::unicode;
}

std::string trend_cell(const ExerciseHistory& history, Unit unit, Glyphs glyphs) {
    const auto series = trend_series(history.recent_sessions(), TrendMetric::top, unit);
    const std::string line = sparkline(trend_values(series), glyphs);
    return line.empty() ? "-" : line;
}

void run_progress_chart(Services& services, std::string exercise_name, const ChartRequest& request,
                        bool periods_asked) {
    if (periods_asked)
        throw UsageError("--chart draws every session; it does not go with --weekly or --monthly");
    const TrendMetric metric = resolve_metric(request, exercise_name);
    if (exercise_name.empty())
        throw UsageError(
            "--chart needs an exercise; write it as: liftlog progress EXERCISE --chart "
            "[top|e1rm|volume]");
    const Exercise& exercise = services.library().exercise(exercise_name);
    const Unit unit = services.unit().value_or(Unit::kg);
    const auto sessions =
        services.exercise_history(exercise.id, ExerciseHistory::kAllSessions).recent_sessions();
    const TrendSeries series = trend_series(sessions, metric, unit);
    if (services.format() != OutputFormat::text)
        return print_series_json(services, exercise, metric, series);
    if (series.points.empty()) {
        services.err() << empty_chart_hint(exercise, metric, !sessions.empty()) << '\n';
        return;
    }
    print_chart_text(services, exercise, metric, series, chart_glyphs(services, request));
}

}  // namespace liftlog::cli
