// liftlog list: the exercise library, filtered by muscle, equipment or a word.
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <CLI/CLI.hpp>

#include <set>

#include "commands.hpp"
#include "liftlog/error.hpp"
#include "liftlog/text.hpp"
#include "output.hpp"
#include "services.hpp"
#include "style.hpp"

namespace liftlog::cli {

namespace {

struct ListFilters {
    std::string muscle;
    std::string equipment;
    std::string search;
};

bool contains(const std::vector<std::string>& values, const std::string& wanted) {
    return std::find(values.begin(), values.end(), wanted) != values.end();
}

bool matches_search(const Exercise& exercise, const std::string& word) {
    const auto has = [&](const std::string& text) {
        return to_lower(text).find(word) != std::string::npos;
    };
    return has(exercise.id) || has(exercise.name) || has(exercise.description) ||
           std::any_of(exercise.aliases.begin(), exercise.aliases.end(), has);
}

// An unknown filter value is a usage error rather than an empty list, so that
// a typo is not mistaken for "no such exercises".
void require_known(const std::string& option, const std::string& value,
                   const std::set<std::string>& known) {
    if (value.empty() || known.contains(value)) return;
    const std::vector<std::string> names(known.begin(), known.end());
    throw UsageError(fmt::format("{} {}: no exercise uses it{}\nKnown values: {}", option, value,
                                 did_you_mean(closest_matches(value, names)),
                                 fmt::join(names, ", ")));
}

void check_filters(const Library& library, const ListFilters& filters) {
    std::set<std::string> muscles;
    std::set<std::string> equipment;
    for (const auto& [id, exercise] : library.exercises()) {
        muscles.insert(exercise.primary_muscles.begin(), exercise.primary_muscles.end());
        muscles.insert(exercise.secondary_muscles.begin(), exercise.secondary_muscles.end());
        equipment.insert(exercise.equipment.begin(), exercise.equipment.end());
    }
    require_known("--muscle", filters.muscle, muscles);
    require_known("--equipment", filters.equipment, equipment);
}

bool passes(const Exercise& exercise, const ListFilters& filters) {
    if (!filters.muscle.empty() && !contains(exercise.primary_muscles, filters.muscle) &&
        !contains(exercise.secondary_muscles, filters.muscle))
        return false;
    if (!filters.equipment.empty() && !contains(exercise.equipment, filters.equipment))
        return false;
    return filters.search.empty() || matches_search(exercise, to_lower(filters.search));
}

void run_list(const Library& library, ListFilters filters, OutputFormat format, const Style& style,
              std::ostream& out, std::ostream& err) {
    filters.muscle = to_lower(filters.muscle);
    filters.equipment = to_lower(filters.equipment);
    check_filters(library, filters);
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    Table table({"ID", "NAME", "PRIMARY", "SECONDARY", "EQUIPMENT"});
    for (const auto& [id, exercise] : library.exercises()) {
        if (!passes(exercise, filters)) continue;
        list.push_back({{"id", id},
                        {"name", exercise.name},
                        {"aliases", exercise.aliases},
                        {"primary_muscles", exercise.primary_muscles},
                        {"secondary_muscles", exercise.secondary_muscles},
                        {"equipment", exercise.equipment},
                        {"loading", loading_name(exercise.loading)}});
        table.add_row({id, exercise.name,
                       fmt::format("{}", fmt::join(exercise.primary_muscles, ",")),
                       fmt::format("{}", fmt::join(exercise.secondary_muscles, ",")),
                       fmt::format("{}", fmt::join(exercise.equipment, ","))});
    }
    if (format == OutputFormat::json) return print_json(out, list);
    if (table.empty()) {
        err << "No exercise matches; run 'liftlog list' without filters to see them all.\n";
        return;
    }
    table.print(out, style);
}

}  // namespace

void add_list_command(CLI::App& app, Services& services) {
    auto filters = std::make_shared<ListFilters>();
    CLI::App* command = app.add_subcommand("list", "List the exercises in the library");
    command->add_option("-m,--muscle", filters->muscle, "Only exercises that train this muscle");
    command->add_option("-e,--equipment", filters->equipment,
                        "Only exercises that use this equipment");
    command->add_option("search", filters->search,
                        "A word to look for in names, aliases and descriptions");
    command->footer(
        "Examples:\n  liftlog list\n  liftlog list --muscle glutes\n  liftlog list deadlift "
        "--format json");
    command->callback([&services, filters] {
        run_list(services.library(), *filters, services.format(), Style(services.color()),
                 services.out(), services.err());
    });
}

}  // namespace liftlog::cli
