#pragma once
// Field readers for definition files; each throws DefinitionError naming the field.
#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace liftlog {

const nlohmann::json& required_field(const nlohmann::json& object, const char* key);
std::string string_field(const nlohmann::json& object, const char* key);
std::vector<std::string> string_list_field(const nlohmann::json& object, const char* key,
                                           bool non_empty = false);
// Refuses keys outside `known` (a typo would otherwise be silently ignored).
// "$schema" and "$comment" are always allowed, for editors and notes.
void reject_unknown_fields(const nlohmann::json& object, std::span<const std::string> known,
                           const char* where);

int positive_int_field(const nlohmann::json& object, const char* key);

}  // namespace liftlog
