#include "liftlog/json_fields.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "liftlog/exercise.hpp"
#include "liftlog/text.hpp"

namespace liftlog {

using nlohmann::json;

const json& required_field(const json& object, const char* key) {
    if (!object.is_object())
        throw DefinitionError(fmt::format("expected an object holding '{}'", key));
    const auto it = object.find(key);
    if (it == object.end()) throw DefinitionError(fmt::format("missing field '{}'", key));
    return *it;
}

std::string string_field(const json& object, const char* key) {
    const json& value = required_field(object, key);
    if (!value.is_string() || value.get<std::string>().empty())
        throw DefinitionError(fmt::format("'{}' must be a non-empty string", key));
    return value.get<std::string>();
}

std::vector<std::string> string_list_field(const json& object, const char* key, bool non_empty) {
    const json& value = required_field(object, key);
    if (!value.is_array())
        throw DefinitionError(fmt::format("'{}' must be an array of strings", key));
    if (non_empty && value.empty())
        throw DefinitionError(fmt::format("'{}' must not be empty", key));
    std::vector<std::string> items;
    for (const auto& item : value) {
        if (!item.is_string() || item.get<std::string>().empty())
            throw DefinitionError(fmt::format("'{}' must hold only non-empty strings", key));
        items.push_back(item.get<std::string>());
    }
    return items;
}

int positive_int_field(const json& object, const char* key) {
    const json& value = required_field(object, key);
    if (!value.is_number_integer() || value.get<long long>() < 1 || value.get<long long>() > 1000)
        throw DefinitionError(fmt::format("'{}' must be a whole number from 1 to 1000", key));
    return value.get<int>();
}

void reject_unknown_fields(const json& object, std::span<const std::string> known,
                           const char* where) {
    if (!object.is_object()) return;
    for (const auto& [key, value] : object.items()) {
        if (key == "$schema" || key == "$comment") continue;
        if (std::find(known.begin(), known.end(), key) != known.end()) continue;
        throw DefinitionError(fmt::format("unknown field '{}' in {}{}", key, where,
                                          did_you_mean(closest_matches(key, known))));
    }
}

}  // namespace liftlog
