#include "liftlog/report.hpp"

#include <cmath>

#include <fmt/format.h>

#include "liftlog/set_notation.hpp"

namespace liftlog {

using nlohmann::ordered_json;

namespace {

ordered_json optional_date(const std::optional<Date>& date) {
    return date ? ordered_json(format_date(*date)) : ordered_json(nullptr);
}

double round_to_tenth(double value) {
    return std::round(value * 10.0) / 10.0;
}

}  // namespace

double kilograms_in(double kilograms, Unit unit) {
    return unit == Unit::kg ? kilograms : kilograms / 0.45359237;
}

ordered_json suggestion_json(const Suggestion& suggestion) {
    const auto& next = suggestion.next;
    return {{"action", action_name(suggestion.action)},
            {"reason", suggestion.reason},
            {"next",
             {{"sets", next.sets},
              {"reps", next.reps},
              {"load", next.load ? load_to_json(*next.load) : ordered_json(nullptr)},
              {"notation", next_notation(next)}}},
            {"not_before", optional_date(suggestion.not_before)}};
}

ordered_json session_json(const Session& session) {
    ordered_json object = {
        {"date", format_date(session.date)},
        {"sets", sets_to_json(session.sets)},
        {"notation", format_sets(session.sets)},
        {"pain", session.pain},
        {"rpe", session.rpe ? ordered_json(*session.rpe) : ordered_json(nullptr)},
        {"notes", session.notes},
        {"ids", session.record_ids}};
    return object;
}

ordered_json summary_json(const ExerciseHistory& history, Unit unit) {
    ordered_json best = nullptr;
    if (const auto& set = history.best_set())
        best = {{"reps", set->reps},
                {"load", load_to_json(set->load)},
                {"date", optional_date(history.best_set_date())}};
    return {{"sessions", history.session_count()},
            {"first", optional_date(history.first_date())},
            {"last", optional_date(history.last_date())},
            {"best_set", best},
            {"total_reps", history.total_reps()},
            {"volume",
             {{"value", round_to_tenth(kilograms_in(history.volume_kg(), unit))},
              {"unit", unit_name(unit)}}}};
}

std::string format_best_set(const SetEntry& set) {
    return fmt::format("{} @ {}", set.reps, format_load(set.load));
}

std::string format_volume(double kilograms, Unit unit) {
    return fmt::format("{:.1f} {}", kilograms_in(kilograms, unit), unit_name(unit));
}

}  // namespace liftlog
