// Sparklines, bar charts and the per-session series they draw.
#include <catch2/catch.hpp>

#include <algorithm>

#include "liftlog/chart.hpp"
#include "liftlog/trend.hpp"

using namespace liftlog;

namespace {

Date day(const char* text) {
    return *parse_date(text);
}

std::vector<std::string> texts(const Chart& chart) {
    std::vector<std::string> lines;
    for (const auto& line : chart.lines) lines.push_back(line.text());
    return lines;
}

std::size_t code_points(const std::string& text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

std::string repeat(const std::string& piece, std::size_t times) {
    std::string result;
    for (std::size_t i = 0; i < times; ++i) result += piece;
    return result;
}

SetEntry kg(int reps, int kilograms, bool warmup = false) {
    return {reps, Load::external(kilograms * 100, Unit::kg), warmup};
}

SetEntry bw(int reps) {
    return {reps, Load::bodyweight(), false};
}

Session session(const char* date, std::vector<SetEntry> sets) {
    Session result;
    result.date = day(date);
    result.sets = std::move(sets);
    return result;
}

std::vector<double> values(const TrendSeries& series) {
    return trend_values(series);
}

}  // namespace

TEST_CASE("sparkline: one glyph per value, scaled from the lowest to the highest") {
    CHECK(sparkline({1, 2, 3, 4, 5, 6, 7, 8}, Glyphs::unicode) == "▁▂▃▄▅▆▇█");
    CHECK(sparkline({1, 2, 3, 4, 5, 6, 7, 8}, Glyphs::ascii) == "_..--==^");
    CHECK(sparkline({60, 100}, Glyphs::unicode) == "▁█");
    // 50 is 3.5 steps of 7 up: rounds to the fifth glyph.
    CHECK(sparkline({0, 50, 100}, Glyphs::unicode) == "▁▅█");
    CHECK(sparkline({0, 50, 100}, Glyphs::ascii) == "_-^");
    CHECK(sparkline({100, 60}, Glyphs::ascii) == "^_");
}

TEST_CASE("sparkline: flat and single values sit in the middle, no values draw nothing") {
    CHECK(sparkline({100, 100, 100}, Glyphs::unicode) == "▄▄▄");
    CHECK(sparkline({100, 100, 100}, Glyphs::ascii) == "---");
    CHECK(sparkline({42}, Glyphs::unicode) == "▄");
    CHECK(sparkline({42}, Glyphs::ascii) == "-");
    CHECK(sparkline({}, Glyphs::unicode).empty());
}

TEST_CASE("chart values: at most two decimals, no trailing zeros") {
    CHECK(format_chart_value(100) == "100");
    CHECK(format_chart_value(102.5) == "102.5");
    CHECK(format_chart_value(116.666) == "116.67");
    CHECK(format_chart_value(1.25) == "1.25");
    CHECK(format_chart_value(0.001) == "0");
    CHECK(format_chart_value(0) == "0");
}

TEST_CASE("chart: bars in eighths, min and max labels, first and last dates") {
    const std::vector<ChartPoint> points{
        {day("2026-11-01"), 60}, {day("2026-11-08"), 70}, {day("2026-11-15"), 100}};
    const Chart chart = render_chart(points, "kg", 40, 5, Glyphs::unicode);
    // Three points in 32 columns: 10 each. 70 kg is a quarter of the way up
    // two rows above the first: half a row (4 eighths) into the middle row.
    CHECK(texts(chart) == std::vector<std::string>{
                              "100 kg ┤" + std::string(20, ' ') + repeat("█", 10),
                              "       │" + std::string(10, ' ') + repeat("▄", 10) + repeat("█", 10),
                              " 60 kg ┤" + repeat("█", 30),
                              "       └" + repeat("─", 30),
                              "        2026-11-01          2026-11-15",
                          });
    CHECK(chart.points_per_column == 1);
    CHECK(chart.lines[0].label == "100 kg ");
    CHECK(chart.lines[0].axis == "┤");
}

TEST_CASE("chart: ASCII bars fill by half rows, with '.' for less than half") {
    const std::vector<ChartPoint> points{
        {day("2026-11-01"), 60}, {day("2026-11-08"), 65}, {day("2026-11-15"), 100}};
    // 65 kg: a quarter of a row (2 eighths) into the middle row.
    CHECK(texts(render_chart(points, "kg", 40, 5, Glyphs::ascii)) ==
          std::vector<std::string>{
              "100 kg +" + std::string(20, ' ') + std::string(10, '#'),
              "       |" + std::string(10, ' ') + std::string(10, '.') + std::string(10, '#'),
              " 60 kg +" + std::string(30, '#'),
              "       +" + std::string(30, '-'),
              "        2026-11-01          2026-11-15",
          });
}

TEST_CASE("chart: more points than columns share columns, each drawn as its highest") {
    // 12 points in 8 columns: runs of 1, 2, 1, 2, 1, 2, 1, 2 points.
    const std::vector<double> values{10, 10, 90, 50, 10, 20, 90, 10, 10, 50, 90, 10};
    std::vector<ChartPoint> points;
    for (std::size_t i = 0; i < values.size(); ++i)
        points.push_back({day("2026-11-01") + std::chrono::days(i), values[i]});
    const Chart chart = render_chart(points, "kg", 15, 4, Glyphs::unicode);
    // Columns 10 90 50 20 90 10 50 90; with two rows, 20 kg is 1/8 row up.
    CHECK(texts(chart) ==
          std::vector<std::string>{"90 kg ┤ █▄▁█ ▄█", "10 kg ┤████████", "      └────────", ""});
    CHECK(chart.points_per_column == 2);
}

TEST_CASE("chart: a flat series fills the lower half, labelled once") {
    const std::vector<ChartPoint> points{
        {day("2026-11-01"), 100}, {day("2026-11-08"), 100}, {day("2026-11-15"), 100}};
    CHECK(texts(render_chart(points, "kg", 30, 6, Glyphs::unicode)) ==
          std::vector<std::string>{
              "       │",
              "       │",
              "100 kg ┤" + repeat("█", 21),
              "       │" + repeat("█", 21),
              "       └" + repeat("─", 21),
              "        2026-11-01 2026-11-15",
          });
}

TEST_CASE("chart: a single point is one flat bar with one date") {
    const std::vector<ChartPoint> points{{day("2026-11-20"), 42.5}};
    CHECK(texts(render_chart(points, "kg", 24, 5, Glyphs::unicode)) ==
          std::vector<std::string>{
              "        │",
              "42.5 kg ┤" + repeat("█", 15),
              "        │" + repeat("█", 15),
              "        └" + repeat("─", 15),
              "         2026-11-20",
          });
}

TEST_CASE("chart: too narrow for labels and bars, the labels go, no points, no bars") {
    const std::vector<ChartPoint> points{{day("2026-11-01"), 60}, {day("2026-11-15"), 100}};
    CHECK(texts(render_chart(points, "kg", 10, 4, Glyphs::ascii)) ==
          std::vector<std::string>{"|    ####", "|########", "+--------", ""});
    CHECK(texts(render_chart({}, "kg", 20, 4, Glyphs::unicode)) ==
          std::vector<std::string>{"│", "│", "└", ""});
}

TEST_CASE("chart: every size gives exactly `height` lines no wider than `width`") {
    for (int count : {0, 1, 2, 7, 50, 300}) {
        std::vector<ChartPoint> points;
        for (int i = 0; i < count; ++i)
            points.push_back({day("2026-01-01") + std::chrono::days(i), 50.0 + (i * 37) % 101});
        for (int width = 2; width <= 130; width += 3) {
            for (int height : {3, 4, 12, 20}) {
                const Chart chart = render_chart(points, "kg", width, height, Glyphs::unicode);
                REQUIRE(chart.lines.size() == static_cast<std::size_t>(height));
                for (const auto& line : chart.lines) {
                    INFO("count " << count << ", width " << width << ": " << line.text());
                    CHECK(code_points(line.text()) <= static_cast<std::size_t>(width));
                    CHECK((line.body.empty() || line.body.back() != ' '));
                }
            }
        }
    }
}

TEST_CASE("trend: top set per session, warm-ups left out, in the unit asked for") {
    const std::vector<Session> sessions{
        session("2026-11-01", {kg(5, 60, true), kg(5, 100), kg(5, 100), kg(5, 100)}),
        session("2026-11-04", {kg(5, 105), kg(3, 110)}),
        session("2026-11-06", {kg(5, 60, true)}),  // warm-ups only: no value
    };
    const auto top = trend_series(sessions, TrendMetric::top, Unit::kg);
    CHECK(top.unit == "kg");
    CHECK(values(top) == std::vector<double>{100, 110});
    CHECK(top.points[1].date == day("2026-11-04"));
    CHECK(values(trend_series(sessions, TrendMetric::top, Unit::lb)) ==
          std::vector<double>{220.46, 242.51});
}

TEST_CASE("trend: e1RM is the session's best estimate, volume sums working sets") {
    const std::vector<Session> sessions{
        session("2026-11-01", {kg(5, 60, true), kg(5, 100), kg(5, 100), kg(5, 100)}),
        session("2026-11-04", {kg(5, 105), kg(3, 110)}),
    };
    // 5 x 100 kg: 116.67; 5 x 105 kg (122.5) beats 3 x 110 kg (121).
    CHECK(values(trend_series(sessions, TrendMetric::e1rm, Unit::kg)) ==
          std::vector<double>{116.67, 122.5});
    CHECK(values(trend_series(sessions, TrendMetric::volume, Unit::kg)) ==
          std::vector<double>{1500, 855});
    CHECK_FALSE(trend_series(sessions, TrendMetric::e1rm, Unit::kg).beyond_epley_range);
}

TEST_CASE("trend: an e1RM from more than 10 reps is flagged, only when it is the best") {
    // 12 x 60 kg (84) loses to 3 x 100 kg (110): nothing to flag.
    const std::vector<Session> heavier{session("2026-11-01", {kg(12, 60), kg(3, 100)})};
    CHECK_FALSE(trend_series(heavier, TrendMetric::e1rm, Unit::kg).beyond_epley_range);
    const std::vector<Session> lighter{session("2026-11-01", {kg(12, 60), kg(3, 70)})};
    const auto series = trend_series(lighter, TrendMetric::e1rm, Unit::kg);
    CHECK(series.beyond_epley_range);
    CHECK(values(series) == std::vector<double>{84});
}

TEST_CASE("trend: bodyweight exercises count reps, e1RM has nothing to estimate from") {
    const std::vector<Session> sessions{session("2026-11-01", {bw(12), bw(12), bw(11)}),
                                        session("2026-11-03", {bw(13), bw(12)})};
    const auto top = trend_series(sessions, TrendMetric::top, Unit::kg);
    CHECK(top.unit == "reps");
    CHECK(values(top) == std::vector<double>{12, 13});
    CHECK(values(trend_series(sessions, TrendMetric::volume, Unit::kg)) ==
          std::vector<double>{35, 25});
    const auto e1rm = trend_series(sessions, TrendMetric::e1rm, Unit::kg);
    CHECK(e1rm.unit == "kg");
    CHECK(e1rm.points.empty());
}

TEST_CASE("trend: once weight is added, a bodyweight exercise is charted by the weight") {
    const std::vector<Session> sessions{
        session("2026-11-01", {bw(13)}),
        session("2026-11-03", {{8, Load::added(1000, Unit::kg), false}}),
    };
    const auto top = trend_series(sessions, TrendMetric::top, Unit::kg);
    CHECK(top.unit == "kg");
    CHECK(values(top) == std::vector<double>{0, 10});
}

TEST_CASE("trend: metric names") {
    CHECK(parse_trend_metric("top") == TrendMetric::top);
    CHECK(parse_trend_metric("e1rm") == TrendMetric::e1rm);
    CHECK(parse_trend_metric("volume") == TrendMetric::volume);
    CHECK_FALSE(parse_trend_metric("deadlift"));
    CHECK(trend_metric_name(TrendMetric::e1rm) == "e1rm");
}

TEST_CASE("trend: time is the longest hold of a session, distance the farthest carry") {
    SetEntry hold{0, Load::bodyweight(), false};
    const auto timed = [&](int seconds, bool warmup = false) {
        SetEntry set = hold;
        set.seconds = seconds;
        set.warmup = warmup;
        return set;
    };
    const std::vector<Session> planks{
        session("2026-11-01", {timed(90, true), timed(60), timed(55)}),
        session("2026-11-04", {timed(75), timed(70)}),
    };
    const auto time = trend_series(planks, TrendMetric::time, Unit::kg);
    CHECK(time.unit == "s");
    CHECK(values(time) == std::vector<double>{60, 75});
    CHECK(values(trend_series(planks, TrendMetric::distance, Unit::kg)).empty());

    SetEntry walk{0, Load::external(3200, Unit::kg), false};
    walk.distance = Distance{4000, DistanceUnit::m};
    SetEntry yards = walk;
    yards.distance = Distance{5000, DistanceUnit::yd};
    const std::vector<Session> carries{session("2026-11-01", {walk, yards})};
    const auto distance = trend_series(carries, TrendMetric::distance, Unit::kg);
    CHECK(distance.unit == "m");
    CHECK(values(distance) == std::vector<double>{45.72});
}

TEST_CASE("trend: which charts fit which measure") {
    CHECK(default_trend_metric(Measure::time) == TrendMetric::time);
    CHECK(default_trend_metric(Measure::distance) == TrendMetric::distance);
    CHECK(default_trend_metric(Measure::reps) == TrendMetric::top);
    CHECK(trend_metric_fits(TrendMetric::e1rm, Measure::reps));
    CHECK_FALSE(trend_metric_fits(TrendMetric::e1rm, Measure::time));
    CHECK_FALSE(trend_metric_fits(TrendMetric::volume, Measure::distance));
    CHECK_FALSE(trend_metric_fits(TrendMetric::time, Measure::reps));
    CHECK(parse_trend_metric("time") == TrendMetric::time);
    CHECK(trend_metric_name(TrendMetric::distance) == "distance");
}
