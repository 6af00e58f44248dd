// liftlog plan [PLAN]: the plans, or today's prescription for one of them.
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <CLI/CLI.hpp>

#include <ostream>

#include "commands.hpp"
#include "invocation.hpp"
#include "liftlog/describe.hpp"
#include "output.hpp"

namespace liftlog::cli {

namespace {

using nlohmann::ordered_json;

}  // namespace

void run_plan_list(const Library& library, const Output& output) {
    ordered_json list = ordered_json::array();
    Table table({"PLAN", "NAME", "EXERCISES"});
    for (const auto& [id, plan] : library.plans()) {
        std::vector<std::string> exercises;
        for (const auto& item : plan.items) exercises.push_back(item.exercise);
        list.push_back({{"id", id},
                        {"name", plan.name},
                        {"description", plan.description},
                        {"exercises", exercises}});
        table.add_row({id, plan.name, fmt::format("{}", fmt::join(exercises, ", "))});
    }
    if (output.format() == OutputFormat::json) return print_json(output.out(), list);
    table.print(output.out(), output.style());
}

namespace {

struct PlannedItem {
    const PlanItem* item;
    const Exercise* exercise;
    Suggestion suggestion;
};

// The plan's sets x reps, as a notation without a load.
std::string target_notation(const PlanItem& item) {
    return fmt::format("{}x{}", item.sets, item.reps);
}

// Whether the engine asks for the plan's own sets x reps. After a pain day, a
// stall or an added weight it may not, and the plan's target would then
// mislead if printed as what to do.
bool follows_plan(const PlanItem& item, const NextSession& next) {
    return next.sets == item.sets && next.reps == item.reps && next.reps_per_set.empty();
}

// What the engine prescribes, ready to paste into `log` when it has a load;
// with none yet (a first session) the sets x reps and a reminder to go light.
std::string next_cell(const Suggestion& suggestion) {
    std::string cell = next_notation(suggestion.next);
    if (!suggestion.next.load) cell += " light";
    if (suggestion.action == Action::rest && suggestion.not_before)
        cell += fmt::format(" (rest until {})", format_date(*suggestion.not_before));
    return cell;
}

void print_plan_text(const Plan& plan, Date today, const std::vector<PlannedItem>& items,
                     const Style& style, std::ostream& out) {
    out << fmt::format("{} ({}) for {}\n", plan.name, plan.id, format_date(today));
    if (!plan.description.empty()) out << plan.description << '\n';
    out << '\n';
    Table table({"EXERCISE", "NEXT", "PLAN", "ACTION", "OR"});
    for (const auto& planned : items) {
        const bool same = follows_plan(*planned.item, planned.suggestion.next);
        table.add_row({planned.exercise->id, next_cell(planned.suggestion),
                       same ? "=" : target_notation(*planned.item),
                       std::string(action_name(planned.suggestion.action)),
                       fmt::format("{}", fmt::join(planned.item->alternatives, ", "))});
    }
    table.print(out, style);
    out << "\nNEXT is what to log next time; PLAN is the plan's target when it differs.\n";
    out << "\nWhy:\n";
    for (const auto& planned : items)
        out << fmt::format("  {}: {}\n", planned.exercise->id, planned.suggestion.reason);
}

ordered_json plan_json(const Plan& plan, Date today, const std::vector<PlannedItem>& items) {
    ordered_json list = ordered_json::array();
    for (const auto& planned : items)
        list.push_back({{"exercise", planned.exercise->id},
                        {"name", planned.exercise->name},
                        {"sets", planned.item->sets},
                        {"reps", planned.item->reps},
                        {"alternatives", planned.item->alternatives},
                        {"follows_plan", follows_plan(*planned.item, planned.suggestion.next)},
                        {"suggestion", suggestion_json(planned.suggestion)}});
    return {{"plan", {{"id", plan.id}, {"name", plan.name}, {"description", plan.description}}},
            {"date", format_date(today)},
            {"items", list}};
}

}  // namespace

void run_plan(const std::string& plan_id, const Library& library, Log& log,
              const Settings& settings, const Output& output) {
    const Plan& plan = library.plan(plan_id);
    const Date today = settings.today();
    const auto histories = log.histories();
    std::vector<PlannedItem> items;
    for (const auto& item : plan.items) {
        const Exercise& exercise = library.exercises().at(item.exercise);
        const auto found = histories.find(exercise.id);
        const ExerciseHistory* history = found == histories.end() ? nullptr : &found->second;
        const Target target{item.sets, item.reps};
        items.push_back(
            {&item, &exercise,
             suggest_from(exercise, history, today, settings.unit, target,
                          related_pain(exercise, library.exercises(), histories, today))});
    }
    if (output.format() == OutputFormat::json)
        return print_json(output.out(), plan_json(plan, today, items));
    print_plan_text(plan, today, items, output.style(), output.out());
}

Runner add_plan_command(CLI::App& app) {
    auto plan_id = std::make_shared<std::string>();
    CLI::App* command =
        app.add_subcommand("plan", "List the workout plans, or show today's prescription for one");
    command->add_option("plan", *plan_id, "Plan id, such as back-workout");
    command->footer(
        "Examples:\n  liftlog plan\n  liftlog plan back-workout\n  liftlog plan lower-back --today "
        "2026-11-23 --format json");
    return [plan_id](Invocation& run) {
        if (plan_id->empty()) return run_plan_list(run.library(), run.output());
        run_plan(*plan_id, run.library(), run.log(), run.settings(), run.output());
    };
}

}  // namespace liftlog::cli
