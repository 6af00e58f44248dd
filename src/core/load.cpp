#include "liftlog/load.hpp"

#include <cmath>

#include <fmt/format.h>

namespace liftlog {

namespace {
double to_kilograms(std::int64_t hundredths, Unit unit) {
    const double amount = static_cast<double>(hundredths) / 100.0;
    return unit == Unit::kg ? amount : amount * kKilogramsPerPound;
}
}  // namespace

std::optional<Unit> parse_unit(std::string_view text) {
    if (text == "kg" || text == "kgs") return Unit::kg;
    if (text == "lb" || text == "lbs") return Unit::lb;
    return std::nullopt;
}

std::string_view unit_name(Unit unit) {
    return unit == Unit::kg ? "kg" : "lb";
}

std::string format_amount(std::int64_t hundredths) {
    const std::int64_t whole = hundredths / 100;
    const std::int64_t fraction = hundredths % 100;
    if (fraction == 0) return fmt::format("{}", whole);
    if (fraction % 10 == 0) return fmt::format("{}.{}", whole, fraction / 10);
    return fmt::format("{}.{:02}", whole, fraction);
}

std::string format_load(const Load& load) {
    switch (load.kind) {
        case LoadKind::bodyweight:
            return "bw";
        case LoadKind::added:
            return fmt::format("+{}{}", format_amount(load.hundredths), unit_name(load.unit));
        case LoadKind::assisted:
            return fmt::format("-{}{}", format_amount(load.hundredths), unit_name(load.unit));
        case LoadKind::external:
            break;
    }
    return fmt::format("{}{}", format_amount(load.hundredths), unit_name(load.unit));
}

std::string describe_load(const Load& load) {
    switch (load.kind) {
        case LoadKind::bodyweight:
            return "bodyweight";
        case LoadKind::added:
            return fmt::format("bodyweight + {} {}", format_amount(load.hundredths),
                               unit_name(load.unit));
        case LoadKind::assisted:
            return fmt::format("bodyweight with {} {} of assistance",
                               format_amount(load.hundredths), unit_name(load.unit));
        case LoadKind::external:
            break;
    }
    return fmt::format("{} {}", format_amount(load.hundredths), unit_name(load.unit));
}

std::optional<std::int64_t> parse_amount(std::string_view text) {
    const auto dot = text.find('.');
    const std::string_view whole = text.substr(0, dot);
    const std::string_view fraction =
        dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
    if (whole.empty() || whole.size() > 6) return std::nullopt;
    if (dot != std::string_view::npos && (fraction.empty() || fraction.size() > 2))
        return std::nullopt;
    std::int64_t value = 0;
    for (char c : whole) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + (c - '0');
    }
    std::int64_t cents = 0;
    for (std::size_t i = 0; i < 2; ++i) {
        const char c = i < fraction.size() ? fraction[i] : '0';
        if (c < '0' || c > '9') return std::nullopt;
        cents = cents * 10 + (c - '0');
    }
    return value * 100 + cents;
}

double added_kilograms(const Load& load) {
    if (load.kind == LoadKind::bodyweight) return 0.0;
    const double kilograms = to_kilograms(load.hundredths, load.unit);
    return load.kind == LoadKind::assisted ? -kilograms : kilograms;
}

bool same_weight(const Load& a, const Load& b) {
    if (a.kind != b.kind) return false;
    if (a.unit == b.unit) return a.hundredths == b.hundredths;
    // Across units, equal within a gram counts as the same weight.
    return std::abs(added_kilograms(a) - added_kilograms(b)) < 0.001;
}

std::int64_t convert_and_round(std::int64_t hundredths, Unit from, Unit to,
                               std::int64_t step_hundredths) {
    double amount = static_cast<double>(hundredths);
    if (from == Unit::lb && to == Unit::kg) amount *= kKilogramsPerPound;
    if (from == Unit::kg && to == Unit::lb) amount /= kKilogramsPerPound;
    if (step_hundredths <= 0) return std::llround(amount);
    const double steps = std::round(amount / static_cast<double>(step_hundredths));
    return static_cast<std::int64_t>(steps) * step_hundredths;
}

}  // namespace liftlog
