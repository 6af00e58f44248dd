// The pictures of `liftlog progress`: `progress EXERCISE --chart
// [top|e1rm|volume]`, sized to the terminal, and the TREND sparkline.
#include <fmt/format.h>

#include <cmath>
#include <ostream>

#include "liftlog/error.hpp"
#include "liftlog/one_rep_max.hpp"
#include "liftlog/text.hpp"
#include "liftlog/trend.hpp"
#include "progress.hpp"

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
        case TrendMetric::time:
            return "longest hold";
        case TrendMetric::distance:
            return "longest distance";
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

void print_chart_text(const Exercise& exercise, TrendMetric metric, const TrendSeries& series,
                      Glyphs glyphs, const Output& output) {
    const Style& style = output.style();
    const int width = output.width();
    std::ostream& out = output.out();
    // Escaped here as well as on the way out: the title is coloured, and the
    // colour codes are the one escape text output lets through.
    const std::string title =
        fmt::format("{} - {} per session ({})", escape_for_terminal(exercise.name),
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

// Why there is nothing to draw, with what to do about it.
std::string empty_chart_hint(const Exercise& exercise, TrendMetric metric, bool has_sessions) {
    if (!has_sessions)
        return fmt::format("The log has no entries for {0} yet; add one with: liftlog log {0} SETS",
                           exercise.id);
    if (metric == TrendMetric::time)
        return fmt::format(
            "{} has no timed working sets to chart; log some like: liftlog log {} "
            "3x60s",
            exercise.id, exercise.id);
    if (metric == TrendMetric::distance)
        return fmt::format(
            "{} has no distance working sets to chart; log some like: liftlog log {} 3x40m",
            exercise.id, exercise.id);
    if (metric == TrendMetric::e1rm)
        return fmt::format(
            "No e1RM to chart: {} has no working sets with weight beyond body weight; try "
            "--chart top",
            exercise.id);
    return fmt::format("{} has only warm-up sets; log working sets to chart them", exercise.id);
}

// The chart drawn for `exercise`: top reads as its own measure for a timed or
// distance exercise; a chart of another measure is refused.
TrendMetric chart_metric(const Exercise& exercise, TrendMetric asked) {
    const Measure measure = exercise.measure;
    if (asked == TrendMetric::top) return default_trend_metric(measure);
    if (trend_metric_fits(asked, measure)) return asked;
    if (measure == Measure::reps)
        throw UsageError(
            fmt::format("--chart {}: {} counts reps, not {}; use --chart top, e1rm or volume",
                        trend_metric_name(asked), exercise.id, trend_metric_name(asked)));
    const bool time = measure == Measure::time;
    throw UsageError(fmt::format("--chart {}: {} is a {} exercise; use --chart {} ({} per session)",
                                 trend_metric_name(asked), exercise.id, time ? "timed" : "distance",
                                 time ? "time" : "distance",
                                 time ? "the longest hold" : "the longest distance"));
}

}  // namespace

std::string trend_cell(const ExerciseHistory& history, Unit unit, Glyphs glyphs, Measure measure) {
    const auto series =
        trend_series(history.recent_sessions(), default_trend_metric(measure), unit);
    const std::string line = sparkline(trend_values(series), glyphs);
    return line.empty() ? "-" : line;
}

void print_chart(const Exercise& exercise, const std::vector<Session>& sessions,
                 const ProgressRequest& request, const Settings& settings, const Output& output) {
    const TrendMetric metric = chart_metric(exercise, request.metric);
    const TrendSeries series = trend_series(sessions, metric, settings.unit.value_or(Unit::kg));
    if (output.format() == OutputFormat::json)
        return print_json(output.out(), series_json(exercise, metric, series));
    if (series.points.empty())
        return output.hint(empty_chart_hint(exercise, metric, !sessions.empty()));
    print_chart_text(exercise, metric, series, request.glyphs, output);
}

}  // namespace liftlog::cli
