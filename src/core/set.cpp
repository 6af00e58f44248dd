#include "liftlog/set.hpp"

#include <fmt/format.h>

namespace liftlog {

namespace {

struct DistanceUnitName {
    DistanceUnit unit;
    std::string_view name;
    double metres;
};

constexpr DistanceUnitName kDistanceUnits[] = {{DistanceUnit::m, "m", 1.0},
                                               {DistanceUnit::km, "km", 1000.0},
                                               {DistanceUnit::yd, "yd", 0.9144},
                                               {DistanceUnit::ft, "ft", 0.3048},
                                               {DistanceUnit::mi, "mi", 1609.344}};

const DistanceUnitName& entry_of(DistanceUnit unit) {
    for (const auto& entry : kDistanceUnits)
        if (entry.unit == unit) return entry;
    return kDistanceUnits[0];
}

}  // namespace

std::optional<DistanceUnit> parse_distance_unit(std::string_view text) {
    for (const auto& entry : kDistanceUnits)
        if (entry.name == text) return entry.unit;
    return std::nullopt;
}

std::string_view distance_unit_name(DistanceUnit unit) {
    return entry_of(unit).name;
}

double to_metres(const Distance& distance) {
    return static_cast<double>(distance.hundredths) / 100.0 * entry_of(distance.unit).metres;
}

std::string format_distance(const Distance& distance) {
    return fmt::format("{}{}", format_amount(distance.hundredths),
                       distance_unit_name(distance.unit));
}

std::string format_seconds(int seconds) {
    if (seconds < 90) return fmt::format("{}s", seconds);
    return fmt::format("{}:{:02}", seconds / 60, seconds % 60);
}

std::string_view measure_name(Measure measure) {
    switch (measure) {
        case Measure::time:
            return "time";
        case Measure::distance:
            return "distance";
        case Measure::reps:
            break;
    }
    return "reps";
}

std::string_view set_type_name(SetType type) {
    switch (type) {
        case SetType::warmup:
            return "warmup";
        case SetType::drop:
            return "drop";
        case SetType::failure:
            return "failure";
        case SetType::normal:
            break;
    }
    return "normal";
}

}  // namespace liftlog
