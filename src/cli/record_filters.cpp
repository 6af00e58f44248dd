#include "record_filters.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <CLI/CLI.hpp>

#include <algorithm>

#include "liftlog/error.hpp"
#include "liftlog/text.hpp"

namespace liftlog::cli {

namespace {

Date parse_filter_date(const std::string& option, const std::string& text, Date today) {
    if (auto date = parse_date(text)) return *date;
    throw UsageError(fmt::format("{} {}: {}", option, text, not_a_date_hint(today)));
}

bool listed(const std::vector<std::string>& list, const std::string& wanted) {
    return std::find(list.begin(), list.end(), wanted) != list.end();
}

// The exercises whose primary or secondary muscles include `typed`.
std::set<std::string> exercises_training(const Library& library, const std::string& typed) {
    const std::string muscle = to_lower(typed);
    require_known("--muscle", typed, trained_muscles(library),
                  "no exercise in the library trains it", "muscles");
    std::set<std::string> ids;
    for (const auto& [id, exercise] : library.exercises())
        if (trains(exercise, muscle)) ids.insert(id);
    return ids;
}

std::string resolve_exercise(const std::string& name, const Library& library, Log& log) {
    if (const Exercise* exercise = library.find_exercise(name)) return exercise->id;
    if (log.has_records_of(name)) return name;
    return library.exercise(name).id;  // throws with "did you mean"
}

std::optional<std::set<std::string>> resolve_exercises(const FilterOptions& options,
                                                       const Library& library, Log& log) {
    std::vector<std::string> names = options.exercises;
    names.insert(names.end(), options.more_exercises.begin(), options.more_exercises.end());
    std::optional<std::set<std::string>> ids;
    if (!names.empty()) {
        ids.emplace();
        for (const auto& name : names) ids->insert(resolve_exercise(name, library, log));
    }
    if (options.muscle.empty()) return ids;
    const auto training = exercises_training(library, options.muscle);
    if (!ids) return training;
    std::set<std::string> both;  // the filters narrow each other
    for (const auto& id : *ids)
        if (training.contains(id)) both.insert(id);
    return both;
}

}  // namespace

bool FilterOptions::any() const {
    return !exercises.empty() || !more_exercises.empty() || !muscle.empty() || !since.empty() ||
           !until.empty();
}

void add_filter_options(CLI::App& command, FilterOptions& options, bool with_exercise_option) {
    if (with_exercise_option)
        command
            .add_option("-x,--exercise", options.more_exercises,
                        "Only this exercise (id, name or alias); repeat for more")
            ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    command.add_option("-m,--muscle", options.muscle,
                       "Only exercises that train this muscle (primary or secondary)");
    command.add_option("-b,--since", options.since, "Only from this date, YYYY-MM-DD (inclusive)");
    command.add_option("-e,--until", options.until, "Only up to this date, YYYY-MM-DD (inclusive)");
}

bool RecordFilter::matches(const Record& record) const {
    if (since && record.date < *since) return false;
    if (until && record.date > *until) return false;
    return !exercises || exercises->contains(record.exercise);
}

RecordFilter resolve_filter(const FilterOptions& options, const Library& library, Log& log,
                            Date today) {
    RecordFilter filter;
    if (!options.since.empty()) filter.since = parse_filter_date("--since", options.since, today);
    if (!options.until.empty()) filter.until = parse_filter_date("--until", options.until, today);
    if (filter.since && filter.until && *filter.until < *filter.since)
        throw UsageError(
            fmt::format("--since {} is after --until {}; swap them", options.since, options.until));
    filter.exercises = resolve_exercises(options, library, log);
    return filter;
}

std::set<std::string> trained_muscles(const Library& library) {
    std::set<std::string> muscles;
    for (const auto& [id, exercise] : library.exercises()) {
        muscles.insert(exercise.primary_muscles.begin(), exercise.primary_muscles.end());
        muscles.insert(exercise.secondary_muscles.begin(), exercise.secondary_muscles.end());
    }
    return muscles;
}

std::set<std::string> used_equipment(const Library& library) {
    std::set<std::string> equipment;
    for (const auto& [id, exercise] : library.exercises())
        equipment.insert(exercise.equipment.begin(), exercise.equipment.end());
    return equipment;
}

bool trains(const Exercise& exercise, const std::string& muscle) {
    return listed(exercise.primary_muscles, muscle) || listed(exercise.secondary_muscles, muscle);
}

PrimaryMuscles primary_muscles(const Library& library) {
    PrimaryMuscles muscles;
    for (const auto& [id, exercise] : library.exercises()) muscles[id] = exercise.primary_muscles;
    return muscles;
}

void require_known(const std::string& option, const std::string& value,
                   const std::set<std::string>& known, const std::string& why,
                   const std::string& noun) {
    const std::string lowered = to_lower(value);
    if (known.contains(lowered)) return;
    const std::vector<std::string> names(known.begin(), known.end());
    throw UsageError(fmt::format("{} {}: {}{}\nKnown {}: {}", option, value, why,
                                 did_you_mean(closest_matches(lowered, names)), noun,
                                 fmt::join(names, ", ")));
}

}  // namespace liftlog::cli
