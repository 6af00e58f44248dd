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

namespace {

// Definition text is shown on terminals; a control character in it is a
// mistake or an attack, and refusing it names the field to fix.
void refuse_control_characters(const std::string& text, const char* key) {
    if (const auto control = first_control_character(text))
        throw DefinitionError(fmt::format(
            "'{}' holds the control character U+{:04X}; remove it (text in a definition is "
            "printed on terminals, where it could run commands)",
            key, static_cast<unsigned>(*control)));
}

}  // namespace

std::string string_field(const json& object, const char* key) {
    const json& value = required_field(object, key);
    if (!value.is_string() || value.get<std::string>().empty())
        throw DefinitionError(fmt::format("'{}' must be a non-empty string", key));
    refuse_control_characters(value.get_ref<const std::string&>(), key);
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
        refuse_control_characters(item.get_ref<const std::string&>(), key);
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
