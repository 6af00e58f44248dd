#include "liftlog/chart.hpp"

#include <algorithm>
#include <cmath>
#include <span>

#include <fmt/format.h>

namespace liftlog {

namespace {

constexpr std::string_view kUnicodeSparks[] = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
constexpr std::string_view kAsciiSparks[] = {"_", ".", "-", "=", "^"};
// A partly filled cell by eighths (index 0 is empty, 8 full).
constexpr std::string_view kUnicodeCells[] = {" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
constexpr int kEighths = 8;
// Narrower than this, the bars need the columns more than the labels do.
constexpr std::size_t kMinBarColumns = 8;
constexpr std::size_t kDateWidth = 10;  // YYYY-MM-DD

struct Range {
    double low = 0.0;
    double high = 0.0;
    bool flat() const { return !(high > low); }
};

Range range_of(const std::vector<double>& values) {
    const auto [low, high] = std::minmax_element(values.begin(), values.end());
    return {*low, *high};
}

std::size_t code_points(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

std::string repeat(std::string_view piece, std::size_t times) {
    std::string result;
    for (std::size_t i = 0; i < times; ++i) result += piece;
    return result;
}

std::string trim_right(std::string text) {
    text.erase(text.find_last_not_of(' ') + 1);
    return text;
}

// The nearest of `levels` steps from low (0) to high (levels - 1); the middle
// step for a flat range, where no value is higher than another.
std::size_t spark_level(double value, Range range, std::size_t levels) {
    if (range.flat()) return (levels - 1) / 2;
    const double scaled = (value - range.low) / (range.high - range.low);
    return static_cast<std::size_t>(std::lround(scaled * static_cast<double>(levels - 1)));
}

// What is drawn: one value per column group, and how wide each group is.
struct Columns {
    std::vector<double> values;
    std::size_t width_each = 1;
    std::size_t points_per_column = 1;

    std::size_t used() const { return values.size() * width_each; }
};

// With more points than columns, points are split into `available` runs of
// consecutive points, and each run is drawn as its highest value.
Columns fit_columns(const std::vector<ChartPoint>& points, std::size_t available) {
    Columns columns;
    const std::size_t count = points.size();
    if (count == 0) return columns;
    if (count <= available) {
        for (const auto& point : points) columns.values.push_back(point.value);
        columns.width_each = available / count;
        return columns;
    }
    for (std::size_t column = 0; column < available; ++column) {
        const auto begin = points.begin() + static_cast<std::ptrdiff_t>(column * count / available);
        const auto end =
            points.begin() + static_cast<std::ptrdiff_t>((column + 1) * count / available);
        const auto best = std::max_element(
            begin, end, [](const auto& a, const auto& b) { return a.value < b.value; });
        columns.values.push_back(best->value);
    }
    columns.points_per_column = (count + available - 1) / available;
    return columns;
}

// Bar height in eighths of a row: the lowest value one full row, the highest
// every row. A flat series has nothing to compare, so it sits at half height.
int bar_eighths(double value, Range range, int rows) {
    if (range.flat()) return (rows + 1) / 2 * kEighths;
    const double scaled = (value - range.low) / (range.high - range.low);
    return kEighths + static_cast<int>(std::lround(scaled * (rows - 1) * kEighths));
}

std::string_view bar_cell(int fill_eighths, Glyphs glyphs) {
    const int fill = std::clamp(fill_eighths, 0, kEighths);
    if (glyphs == Glyphs::unicode) return kUnicodeCells[fill];
    if (fill >= kEighths / 2) return "#";
    return fill > 0 ? "." : " ";
}

std::string value_label(double value, std::string_view unit) {
    if (unit.empty()) return format_chart_value(value);
    return fmt::format("{} {}", format_chart_value(value), unit);
}

// Every label a chart of these points could show fits this width, as each
// column shows one of the points' values.
std::size_t label_width(const std::vector<ChartPoint>& points, std::string_view unit) {
    std::size_t width = 0;
    for (const auto& point : points)
        width = std::max(width, code_points(value_label(point.value, unit)));
    return width;
}

// The y-axis label of each bar row (top first); empty for unlabelled rows.
std::vector<std::string> row_labels(Range range, int rows, std::string_view unit) {
    std::vector<std::string> labels(static_cast<std::size_t>(rows));
    if (range.flat()) {
        labels[static_cast<std::size_t>(rows - (rows + 1) / 2)] = value_label(range.low, unit);
        return labels;
    }
    labels.back() = value_label(range.low, unit);
    labels.front() = value_label(range.high, unit);
    return labels;
}

std::string bar_row(const Columns& columns, Range range, int rows, int row_from_bottom,
                    Glyphs glyphs) {
    std::string body;
    for (double value : columns.values) {
        const int fill = bar_eighths(value, range, rows) - row_from_bottom * kEighths;
        body += repeat(bar_cell(fill, glyphs), columns.width_each);
    }
    return trim_right(std::move(body));
}

// The first date under the first bar and the last date ending under the last
// bar (or at the end of the plot when the bars are too narrow for both).
std::string date_row(const std::vector<ChartPoint>& points, std::size_t used,
                     std::size_t available) {
    if (points.empty() || available < kDateWidth) return {};
    const std::string first = format_date(points.front().date);
    const std::string last = format_date(points.back().date);
    const std::size_t both = 2 * kDateWidth + 1;
    const std::size_t end = used >= both ? used : available;
    if (first == last || end < both) return first;
    return first + std::string(end - 2 * kDateWidth, ' ') + last;
}

}  // namespace

std::string ChartLine::text() const {
    return trim_right(label + axis + body);
}

std::string format_chart_value(double value) {
    std::string text = fmt::format("{:.2f}", value);
    text.erase(text.find_last_not_of('0') + 1);
    if (text.back() == '.') text.pop_back();
    return text == "-0" ? "0" : text;
}

std::string sparkline(const std::vector<double>& values, Glyphs glyphs) {
    if (values.empty()) return {};
    const std::span<const std::string_view> levels =
        glyphs == Glyphs::unicode ? std::span<const std::string_view>(kUnicodeSparks)
                                  : std::span<const std::string_view>(kAsciiSparks);
    const Range range = range_of(values);
    std::string line;
    for (double value : values) line += levels[spark_level(value, range, levels.size())];
    return line;
}

Chart render_chart(const std::vector<ChartPoint>& points, std::string_view unit, int width,
                   int height, Glyphs glyphs) {
    const auto total_width = static_cast<std::size_t>(std::max(width, 2));
    const int rows = std::max(height, 3) - 2;
    std::size_t labels = points.empty() ? 0 : label_width(points, unit);
    if (labels > 0 && total_width < labels + 2 + kMinBarColumns) labels = 0;
    const std::size_t label_column = labels > 0 ? labels + 1 : 0;
    const std::size_t available = total_width - label_column - 1;

    const Columns columns = fit_columns(points, available);
    const Range range = columns.values.empty() ? Range{} : range_of(columns.values);
    const auto texts = labels > 0 ? row_labels(range, rows, unit)
                                  : std::vector<std::string>(static_cast<std::size_t>(rows));
    const bool unicode = glyphs == Glyphs::unicode;

    Chart chart;
    chart.points_per_column = columns.points_per_column;
    for (int row = 0; row < rows; ++row) {
        const std::string& text = texts[static_cast<std::size_t>(row)];
        ChartLine line;
        line.label = text.empty() ? std::string(label_column, ' ')
                                  : std::string(labels - code_points(text), ' ') + text + ' ';
        line.axis = text.empty() ? (unicode ? "│" : "|") : (unicode ? "┤" : "+");
        line.body = bar_row(columns, range, rows, rows - 1 - row, glyphs);
        chart.lines.push_back(std::move(line));
    }
    const std::string dates = date_row(points, columns.used(), available);
    const std::size_t rule = std::max(columns.used(), dates.size());
    chart.lines.push_back(ChartLine{std::string(label_column, ' '), unicode ? "└" : "+",
                                    repeat(unicode ? "─" : "-", rule)});
    chart.lines.push_back(ChartLine{std::string(label_column, ' '), " ", dates});
    return chart;
}

}  // namespace liftlog
