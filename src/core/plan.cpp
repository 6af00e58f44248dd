#include "liftlog/plan.hpp"

#include <fmt/format.h>

#include "liftlog/exercise.hpp"
#include "liftlog/json_fields.hpp"

namespace liftlog {

using nlohmann::json;

namespace {
const std::vector<std::string> kPlanFields = {"id", "name", "description", "items"};
const std::vector<std::string> kItemFields = {"exercise", "sets", "reps", "alternatives"};
}  // namespace

Plan parse_plan(const json& definition) {
    if (!definition.is_object()) throw DefinitionError("a plan must be a JSON object");
    reject_unknown_fields(definition, kPlanFields, "the plan");
    Plan plan;
    plan.id = string_field(definition, "id");
    if (!is_kebab_case(plan.id))
        throw DefinitionError(
            fmt::format("id '{}' must be kebab-case, like back-workout", plan.id));
    plan.name = string_field(definition, "name");
    if (definition.contains("description"))
        plan.description = string_field(definition, "description");
    const json& items = required_field(definition, "items");
    if (!items.is_array() || items.empty())
        throw DefinitionError("'items' must be a non-empty array");
    for (const auto& item : items) {
        reject_unknown_fields(item, kItemFields, "a plan item");
        PlanItem entry;
        entry.exercise = string_field(item, "exercise");
        entry.sets = positive_int_field(item, "sets");
        entry.reps = positive_int_field(item, "reps");
        if (item.contains("alternatives"))
            entry.alternatives = string_list_field(item, "alternatives");
        plan.items.push_back(std::move(entry));
    }
    return plan;
}

}  // namespace liftlog
