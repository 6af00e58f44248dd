#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace liftlog {

struct PlanItem {
    std::string exercise;
    int sets = 0;
    int reps = 0;
    std::vector<std::string> alternatives;
};

struct Plan {
    std::string id;
    std::string name;
    std::string description;
    std::vector<PlanItem> items;
};

// Throws DefinitionError (see exercise.hpp).
Plan parse_plan(const nlohmann::json& definition);

}  // namespace liftlog
