#include "liftlog/library.hpp"

#include <fmt/format.h>

#include "liftlog/error.hpp"
#include "liftlog/text.hpp"

namespace liftlog {

namespace {

std::string normalise(std::string_view name) {
    std::string key = to_lower(name);
    for (char& c : key)
        if (c == ' ' || c == '_') c = '-';
    return key;
}

nlohmann::json parse_json(const DefinitionSource& source) {
    try {
        return nlohmann::json::parse(source.content);
    } catch (const nlohmann::json::exception& error) {  // also out_of_range: 1e999
        throw DefinitionError(fmt::format("{}: not valid JSON: {}", source.origin, error.what()));
    }
}

// The file name without directories and ".json", which must equal the id.
std::string_view file_stem(std::string_view origin) {
    const auto slash = origin.find_last_of("/:");
    std::string_view name = slash == std::string_view::npos ? origin : origin.substr(slash + 1);
    if (name.ends_with(".json")) name.remove_suffix(5);
    return name;
}

}  // namespace

Library Library::build(std::span<const DefinitionSource> sources) {
    Library library;
    for (const auto& source : sources) library.add(source);
    library.check_references_and_index();
    return library;
}

std::vector<std::string> Library::problems(std::span<const DefinitionSource> sources) {
    std::vector<std::string> found;
    std::vector<DefinitionSource> sound;
    for (const auto& source : sources) {
        try {
            Library alone;
            alone.add(source);
            sound.push_back(source);
        } catch (const DefinitionError& error) {
            found.emplace_back(error.what());
        }
    }
    try {
        build(sound);
    } catch (const DefinitionError& error) {
        found.emplace_back(error.what());
    }
    return found;
}

void Library::add(const DefinitionSource& source) {
    const nlohmann::json definition = parse_json(source);
    std::string id;
    try {
        if (source.kind == DefinitionKind::exercise) {
            Exercise exercise = parse_exercise(definition);
            id = exercise.id;
            exercises_[id] = std::move(exercise);
            exercise_origins_[id] = source.origin;
            std::erase(exercise_order_, id);
            exercise_order_.push_back(id);
        } else {
            Plan plan = parse_plan(definition);
            id = plan.id;
            plans_[id] = std::move(plan);
            plan_origins_[id] = source.origin;
        }
    } catch (const DefinitionError& error) {
        throw DefinitionError(fmt::format("{}: {}", source.origin, error.what()));
    }
    if (file_stem(source.origin) != id)
        throw DefinitionError(
            fmt::format("{}: id '{}' does not match the file name; name the file "
                        "{}.json or change the id",
                        source.origin, id, id));
}

void Library::check_references_and_index() {
    for (const auto& [id, exercise] : exercises_) {
        for (const auto& alternative : exercise.alternatives)
            if (!exercises_.contains(alternative))
                throw DefinitionError(fmt::format("{}: alternative '{}' is not a known exercise",
                                                  exercise_origins_.at(id), alternative));
    }
    for (const auto& [id, plan] : plans_) {
        for (const auto& item : plan.items) {
            if (!exercises_.contains(item.exercise))
                throw DefinitionError(fmt::format("{}: exercise '{}' is not a known exercise",
                                                  plan_origins_.at(id), item.exercise));
            for (const auto& alternative : item.alternatives)
                if (!exercises_.contains(alternative))
                    throw DefinitionError(
                        fmt::format("{}: alternative '{}' is not a known exercise",
                                    plan_origins_.at(id), alternative));
        }
    }
    // Every name must lead to one exercise, or lookups would be ambiguous.
    std::map<std::string, std::string> seen;
    for (const auto& id : exercise_order_) {
        const Exercise& exercise = exercises_.at(id);
        std::vector<std::string> names = exercise.aliases;
        names.push_back(id);
        names.push_back(exercise.name);
        for (const auto& name : names) {
            const auto [it, inserted] = seen.emplace(normalise(name), id);
            if (!inserted && it->second != id)
                throw DefinitionError(fmt::format("{}: the name '{}' is also used by exercise '{}'",
                                                  exercise_origins_.at(id), name, it->second));
        }
    }
    lookup_ = std::move(seen);
}

const Exercise* Library::find_exercise(std::string_view query) const {
    const auto it = lookup_.find(normalise(query));
    return it == lookup_.end() ? nullptr : &exercises_.at(it->second);
}

std::vector<std::string> Library::exercise_names() const {
    std::vector<std::string> names;
    for (const auto& [id, exercise] : exercises_) names.push_back(id);
    return names;
}

const Exercise& Library::exercise(std::string_view query) const {
    if (const Exercise* found = find_exercise(query)) return *found;
    const auto names = exercise_names();
    auto matches = closest_matches(normalise(query), names);
    // Quoted escaped: a name typed with a newline must not split the message.
    throw UsageError(fmt::format("unknown exercise '{}'{}\nRun 'liftlog list' to see them all.",
                                 escape_for_terminal(query), did_you_mean(matches)));
}

const Plan& Library::plan(std::string_view id) const {
    if (const auto it = plans_.find(normalise(id)); it != plans_.end()) return it->second;
    std::vector<std::string> names;
    for (const auto& [plan_id, plan] : plans_) names.push_back(plan_id);
    throw UsageError(fmt::format("unknown plan '{}'{}\nRun 'liftlog plan' to see them all.",
                                 escape_for_terminal(id),
                                 did_you_mean(closest_matches(normalise(id), names))));
}

const std::string& Library::origin_of(const std::string& id, DefinitionKind kind) const {
    return kind == DefinitionKind::exercise ? exercise_origins_.at(id) : plan_origins_.at(id);
}

}  // namespace liftlog
