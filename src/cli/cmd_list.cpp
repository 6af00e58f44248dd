// liftlog list: the exercise library, filtered by muscle, equipment or a word.
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <CLI/CLI.hpp>

#include <set>

#include "commands.hpp"
#include "invocation.hpp"
#include "liftlog/text.hpp"
#include "output.hpp"

namespace liftlog::cli {

namespace {

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

void check_filters(const Library& library, const ListArguments& filters) {
    const std::string why = "no exercise uses it";
    if (!filters.muscle.empty())
        require_known("--muscle", filters.muscle, trained_muscles(library), why, "values");
    if (!filters.equipment.empty())
        require_known("--equipment", filters.equipment, used_equipment(library), why, "values");
}

bool passes(const Exercise& exercise, const ListArguments& filters) {
    if (!filters.muscle.empty() && !trains(exercise, filters.muscle)) return false;
    if (!filters.equipment.empty() && !contains(exercise.equipment, filters.equipment))
        return false;
    return filters.search.empty() || matches_search(exercise, to_lower(filters.search));
}

}  // namespace

void run_list(const ListArguments& args, const Library& library, const Output& output) {
    ListArguments filters = args;
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
                        {"loading", loading_name(exercise.loading)},
                        {"measure", declared_measure(exercise)}});
        table.add_row({id, exercise.name,
                       fmt::format("{}", fmt::join(exercise.primary_muscles, ",")),
                       fmt::format("{}", fmt::join(exercise.secondary_muscles, ",")),
                       fmt::format("{}", fmt::join(exercise.equipment, ","))});
    }
    if (output.format() == OutputFormat::json) return print_json(output.out(), list);
    if (table.empty())
        return output.hint(
            "No exercise matches; run 'liftlog list' without filters to see them all.");
    table.print(output.out(), output.style());
}

Runner add_list_command(CLI::App& app) {
    auto filters = std::make_shared<ListArguments>();
    CLI::App* command = app.add_subcommand("list", "List the exercises in the library");
    command->add_option("-m,--muscle", filters->muscle, "Only exercises that train this muscle");
    command->add_option("-e,--equipment", filters->equipment,
                        "Only exercises that use this equipment");
    command->add_option("search", filters->search,
                        "A word to look for in names, aliases and descriptions");
    command->footer(
        "Examples:\n  liftlog list\n  liftlog list --muscle glutes\n  liftlog list deadlift "
        "--format json");
    return [filters](Invocation& run) { run_list(*filters, run.library(), run.output()); };
}

}  // namespace liftlog::cli
