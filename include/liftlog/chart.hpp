#pragma once
// Pictures of a series in characters: a one-line sparkline and a bar chart
// with axes. Pure functions of their arguments; no terminal is consulted.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "liftlog/date.hpp"

namespace liftlog {

enum class Glyphs {
    unicode,  // block elements U+2581..U+2588
    ascii,    // for terminals and locales that cannot show them
};

// One character per value, scaled from the lowest value (the lowest glyph) to
// the highest (the highest glyph), rounding to the nearest of the 8 Unicode
// glyphs ▁▂▃▄▅▆▇█ or the 5 ASCII ones _.-=^. A flat series, a single value
// included, is drawn at the middle glyph (▄ or -). Empty for no values.
std::string sparkline(const std::vector<double>& values, Glyphs glyphs);

struct ChartPoint {
    Date date{};
    double value = 0.0;
};

// One line of a chart, in three parts so that the caller can colour each.
// Bodies never end in a space.
struct ChartLine {
    std::string label;  // a y-axis label right-aligned in the label column, or spaces
    std::string axis;   // the y-axis: ┤ (labelled row), │, └ (corner), or a space
    std::string body;   // bars, the x-axis rule, or the first and last dates

    std::string text() const;  // the three parts, without trailing spaces
};

struct Chart {
    std::vector<ChartLine> lines;
    // How many points share a column (1 when every point has its own).
    std::size_t points_per_column = 1;
};

// A bar chart of `points` (oldest first) in at most `width` columns and exactly
// `height` lines: height - 2 rows of bars, the x-axis, and the first and last
// dates. The y-axis is labelled with the highest value drawn (top row) and the
// lowest (bottom row), each followed by `unit`.
//
// Bars: the lowest value fills the bottom row, the highest fills every row,
// and values between are scaled linearly in eighths of a row (Unicode) or half
// rows (ASCII, '#' and '.'). A flat series fills the lower half.
// Columns: with no more points than columns, each point gets an equal number
// of whole columns (left-aligned; the rest of the width stays empty). With
// more points than columns, consecutive points share a column and the column
// shows the highest of them (the best of that stretch of sessions).
// When the width leaves fewer than 8 columns for bars, the labels are dropped.
// Width is raised to 2 and height to 3 if smaller.
Chart render_chart(const std::vector<ChartPoint>& points, std::string_view unit, int width,
                   int height, Glyphs glyphs);

// "100", "102.5", "116.67": at most two decimals, without trailing zeros.
std::string format_chart_value(double value);

}  // namespace liftlog
