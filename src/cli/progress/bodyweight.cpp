// `liftlog progress --bodyweight`: every weighing, with its change since the
// one before, in the report's unit.
#include <fmt/format.h>

#include <cmath>
#include <ostream>

#include "liftlog/describe.hpp"
#include "progress.hpp"

namespace liftlog::cli {

namespace {

using nlohmann::ordered_json;

// Rounded to hundredths of `unit`, as the weight was typed.
double weight_in(const BodyWeight& weight, Unit unit) {
    return std::round(kilograms_in(body_weight_kilograms(weight), unit) * 100.0) / 100.0;
}

std::string amount_text(double amount) {
    return format_amount(std::llround(amount * 100.0));
}

std::string change_text(double change) {
    const long long hundredths = std::llround(change * 100.0);
    if (hundredths == 0) return "0";
    return (hundredths > 0 ? "+" : "-") + format_amount(std::llabs(hundredths));
}

struct TrendRow {
    Date date{};
    double weight = 0.0;
    std::optional<double> change;  // none for the first weighing
};

std::vector<TrendRow> trend_rows(const BodyWeightTimeline& body_weights, Unit unit) {
    std::vector<TrendRow> rows;
    for (const auto& [date, weight] : body_weights.entries()) {
        const double shown = weight_in(weight, unit);
        std::optional<double> change;
        if (!rows.empty()) change = shown - rows.back().weight;
        rows.push_back({date, shown, change});
    }
    return rows;
}

}  // namespace

std::string body_weight_note(const BodyWeightTimeline& body_weights, Unit unit) {
    const auto latest = body_weights.latest();
    if (!latest)
        return "No body weight logged: bodyweight sets add no volume and their e1RM counts the "
               "added load alone; `liftlog weigh 80kg` adds one";
    return fmt::format(
        "Bodyweight sets count the latest body weight on or before each session in volume and "
        "e1RM (sessions before the first weighing count the added load alone); the latest is "
        "{} {} from {}",
        amount_text(weight_in(latest->weight, unit)), unit_name(unit), format_date(latest->date));
}

void print_body_weight_trend(const BodyWeightTimeline& body_weights, const Settings& settings,
                             const Output& output) {
    const Unit unit = settings.unit.value_or(Unit::kg);
    const auto rows = trend_rows(body_weights, unit);
    if (output.format() == OutputFormat::json) {
        ordered_json list = ordered_json::array();
        for (const auto& row : rows)
            list.push_back({{"date", format_date(row.date)},
                            {"value", row.weight},
                            {"unit", unit_name(unit)},
                            {"change", row.change ? ordered_json(*row.change) : ordered_json()}});
        return print_json(output.out(), list);
    }
    if (output.format() == OutputFormat::csv) {
        CsvWriter csv(output.out(), {"date", "weight", "unit", "change"}, {}, csv_cells(output));
        for (const auto& row : rows)
            csv.row({format_date(row.date), amount_text(row.weight), std::string(unit_name(unit)),
                     row.change ? change_text(*row.change) : ""});
        return;
    }
    if (rows.empty())
        return output.hint("No body weight logged yet; `liftlog weigh 80kg` adds one");
    Table table({"DATE", "WEIGHT", "CHANGE"});
    for (const auto& row : rows)
        table.add_row({format_date(row.date),
                       fmt::format("{} {}", amount_text(row.weight), unit_name(unit)),
                       row.change ? change_text(*row.change) : "-"});
    table.print(output.out(), output.style());
    const double total = rows.back().weight - rows.front().weight;
    if (rows.size() > 1)
        output.out() << fmt::format("\n{} {} since {}\n", change_text(total), unit_name(unit),
                                    format_date(rows.front().date));
}

}  // namespace liftlog::cli
