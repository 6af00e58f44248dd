#include "liftlog/exercise.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "liftlog/describe.hpp"
#include "liftlog/json_fields.hpp"

namespace liftlog {

using nlohmann::json;

namespace {

constexpr long long kLargestCount = 1000;    // reps, sets or sessions a week
constexpr long long kLongestSeconds = 3600;  // an hour-long hold is not a set
constexpr long long kLongestMetres = 10000;  // nor is a carry beyond 10 km

const std::vector<std::string> kExerciseFields = {"id",
                                                  "name",
                                                  "aliases",
                                                  "description",
                                                  "primary_muscles",
                                                  "secondary_muscles",
                                                  "equipment",
                                                  "loading",
                                                  "measure",
                                                  "steps",
                                                  "tips",
                                                  "variations",
                                                  "alternatives",
                                                  "prescription",
                                                  "progression",
                                                  "references",
                                                  "custom"};
const std::vector<std::string> kPrescriptionFields = {"sets", "reps", "seconds", "metres",
                                                      "per_week"};
const std::vector<std::string> kProgressionFields = {
    "rep_range",  "bodyweight_threshold", "increment",    "load_step",
    "added_load", "easier_alternative",   "scheme",       "time_range",
    "time_step",  "distance_range",       "distance_step"};

// The fields that belong to one measure and no other.
struct MeasureFields {
    const char* prescription;  // "reps", "seconds" or "metres"
    const char* range;         // "rep_range", "time_range" or "distance_range"
    const char* step;          // nullptr for reps, which climb one at a time
};

MeasureFields fields_of(Measure measure) {
    switch (measure) {
        case Measure::time:
            return {"seconds", "time_range", "time_step"};
        case Measure::distance:
            return {"metres", "distance_range", "distance_step"};
        case Measure::reps:
            break;
    }
    return {"reps", "rep_range", nullptr};
}

const char* measure_words(Measure measure) {
    switch (measure) {
        case Measure::time:
            return "a timed exercise";
        case Measure::distance:
            return "a distance exercise";
        case Measure::reps:
            break;
    }
    return "an exercise counted in reps";
}

// A field of another measure is refused rather than ignored: a timed exercise
// with a 'rep_range' would otherwise look as if the range were used.
void refuse_other_measures(const json& object, Measure measure) {
    const MeasureFields ours = fields_of(measure);
    for (const Measure other : {Measure::reps, Measure::time, Measure::distance}) {
        if (other == measure) continue;
        const MeasureFields theirs = fields_of(other);
        // Each field of theirs with the one of ours that takes its place.
        const std::pair<const char*, const char*> swaps[] = {
            {theirs.prescription, ours.prescription},
            {theirs.range, ours.range},
            {theirs.step, ours.step != nullptr ? ours.step : ours.range}};
        for (const auto& [key, instead] : swaps)
            if (key != nullptr && object.contains(key))
                throw DefinitionError(fmt::format(
                    "'{}' does not apply to {} (\"measure\": \"{}\"); give '{}' instead", key,
                    measure_words(measure), measure_name(measure), instead));
    }
}

Range range_field(const json& object, const char* key, long long largest = kLargestCount) {
    const json& value = required_field(object, key);
    if (!value.is_array() || value.size() != 2 || !value[0].is_number_integer() ||
        !value[1].is_number_integer())
        throw DefinitionError(fmt::format("'{}' must be [min, max] whole numbers", key));
    // Read wide first: get<int>() would silently wrap 4294967298 to 2.
    const auto min = value[0].get<long long>();
    const auto max = value[1].get<long long>();
    if (min < 1 || min > max || max > largest)
        throw DefinitionError(fmt::format("'{}' must have 1 <= min <= max <= {}", key, largest));
    return {static_cast<int>(min), static_cast<int>(max)};
}

long long largest_of(Measure measure) {
    switch (measure) {
        case Measure::time:
            return kLongestSeconds;
        case Measure::distance:
            return kLongestMetres;
        case Measure::reps:
            break;
    }
    return kLargestCount;
}

// A time or distance range is climbed step by step, so it needs room to climb.
Range climbing_range(const json& rules, Measure measure, Range fallback) {
    const MeasureFields fields = fields_of(measure);
    const Range range = rules.contains(fields.range)
                            ? range_field(rules, fields.range, largest_of(measure))
                            : fallback;
    if (range.min >= range.max)
        throw DefinitionError(fmt::format(
            "'{}' must have min < max (it defaults to the prescription's '{}'): the "
            "progression adds {} from the bottom to the top",
            fields.range, fields.prescription, measure == Measure::time ? "seconds" : "metres"));
    return range;
}

int step_field(const json& rules, const char* key, int largest, const char* unit) {
    const auto it = rules.find(key);
    if (it == rules.end()) return 5;
    if (!it->is_number_integer() || it->get<long long>() < 1 || it->get<long long>() > largest)
        throw DefinitionError(
            fmt::format("'{}' must be a whole number of {} from 1 to {}", key, unit, largest));
    return it->get<int>();
}

// At least 0.01 (one hundredth, the finest load liftlog stores), at most 1000.
std::int64_t amount_hundredths(const json& value, const char* key) {
    const double amount = value.is_number() ? value.get<double>() : 0.0;
    const auto hundredths = std::llround(amount * 100.0);
    if (!value.is_number() || hundredths < 1 || amount > 1000)
        throw DefinitionError(fmt::format("'{}' amounts must be numbers from 0.01 to 1000", key));
    return hundredths;
}

UnitAmounts unit_amounts(const json& object, const char* key, UnitAmounts fallback) {
    const auto it = object.find(key);
    if (it == object.end()) return fallback;
    if (!it->is_object())
        throw DefinitionError(fmt::format("'{}' must be {{\"kg\":.., \"lb\":..}}", key));
    return {amount_hundredths(required_field(*it, "kg"), key),
            amount_hundredths(required_field(*it, "lb"), key)};
}

Loading parse_loading(const json& object) {
    const std::string loading = string_field(object, "loading");
    if (loading == "bodyweight") return Loading::bodyweight;
    if (loading == "external") return Loading::external;
    throw DefinitionError(
        fmt::format("'loading' is '{}'; it must be \"bodyweight\" or \"external\"", loading));
}

std::vector<Variation> parse_variations(const json& object) {
    const json& list = required_field(object, "variations");
    if (!list.is_array()) throw DefinitionError("'variations' must be an array");
    std::vector<Variation> variations;
    for (const auto& item : list)
        variations.push_back({string_field(item, "name"), string_field(item, "description")});
    return variations;
}

std::vector<Reference> parse_references(const json& object) {
    const auto it = object.find("references");
    if (it == object.end()) return {};
    if (!it->is_array()) throw DefinitionError("'references' must be an array");
    std::vector<Reference> references;
    for (const auto& item : *it)
        references.push_back({string_field(item, "title"), string_field(item, "source")});
    return references;
}

// Time and distance climb their own range; the top of it is where load is
// added, so a rep threshold has no meaning there.
void parse_climb(const json& rules, Measure measure, const Prescription& prescription,
                 ProgressionRules& progression) {
    if (rules.contains("bodyweight_threshold"))
        throw DefinitionError(fmt::format(
            "'bodyweight_threshold' does not apply to {}: the top of '{}' is where load is added",
            measure_words(measure), fields_of(measure).range));
    if (measure == Measure::time) {
        progression.time_range = climbing_range(rules, measure, prescription.seconds);
        progression.time_step = step_field(rules, "time_step", 60, "seconds");
    } else {
        progression.distance_range = climbing_range(rules, measure, prescription.metres);
        progression.distance_step = step_field(rules, "distance_step", 100, "metres");
    }
}

ProgressionRules parse_progression(const json& object, const Prescription& prescription,
                                   Measure measure) {
    const json& rules = required_field(object, "progression");
    if (!rules.is_object()) throw DefinitionError("'progression' must be an object");
    reject_unknown_fields(rules, kProgressionFields, "'progression'");
    refuse_other_measures(rules, measure);
    ProgressionRules progression;
    if (measure != Measure::reps) {
        parse_climb(rules, measure, prescription, progression);
    } else {
        progression.rep_range =
            rules.contains("rep_range") ? range_field(rules, "rep_range") : prescription.reps;
    }
    if (const auto it = rules.find("bodyweight_threshold"); it != rules.end()) {
        if (!it->is_number_integer() || it->get<long long>() < 1 ||
            it->get<long long>() > kLargestCount)
            throw DefinitionError("'bodyweight_threshold' must be a positive whole number");
        progression.bodyweight_threshold = it->get<int>();
    }
    progression.increment = unit_amounts(rules, "increment", {});
    progression.load_step = unit_amounts(rules, "load_step", {});
    if (rules.contains("added_load")) progression.added_load = string_field(rules, "added_load");
    if (rules.contains("easier_alternative"))
        progression.easier_alternative = string_field(rules, "easier_alternative");
    if (rules.contains("scheme")) {
        const std::string scheme = string_field(rules, "scheme");
        if (scheme == "linear")
            progression.scheme = Scheme::linear;
        else if (scheme != "double")
            throw DefinitionError(
                fmt::format("'scheme' must be \"double\" or \"linear\", not '{}'", scheme));
    }
    return progression;
}

// What a custom definition without a prescription gets: 3 sets of 8 to 12,
// once or twice a week.
// A custom timed exercise gets 3 sets of 20 to 60 s, a custom distance one 3 sets
// of 20 to 40 m.
const Prescription kCustomPrescription = {{3, 3}, {8, 12}, {1, 2}};

Prescription custom_prescription(Measure measure) {
    Prescription prescription = kCustomPrescription;
    if (measure == Measure::reps) return prescription;
    prescription.reps = {};
    if (measure == Measure::time) prescription.seconds = {20, 60};
    if (measure == Measure::distance) prescription.metres = {20, 40};
    return prescription;
}

Prescription parse_prescription(const json& object, Measure measure) {
    const json& given = required_field(object, "prescription");
    if (!given.is_object()) throw DefinitionError("'prescription' must be an object");
    reject_unknown_fields(given, kPrescriptionFields, "'prescription'");
    refuse_other_measures(given, measure);
    Prescription prescription;
    prescription.sets = range_field(given, "sets");
    if (measure == Measure::reps) prescription.reps = range_field(given, "reps");
    if (measure == Measure::time)
        prescription.seconds = range_field(given, "seconds", kLongestSeconds);
    if (measure == Measure::distance)
        prescription.metres = range_field(given, "metres", kLongestMetres);
    prescription.per_week = range_field(given, "per_week");
    return prescription;
}

// "reps_with_pause" counts reps, each of which may be held at the top.
constexpr std::string_view kRepsWithPause = "reps_with_pause";

Measure parse_measure(const json& object) {
    if (!object.contains("measure")) return Measure::reps;
    const std::string measure = string_field(object, "measure");
    if (measure == kRepsWithPause) return Measure::reps;
    for (const Measure known : {Measure::reps, Measure::time, Measure::distance})
        if (measure == measure_name(known)) return known;
    throw DefinitionError(fmt::format(
        "'measure' is '{}'; it must be \"reps\", \"reps_with_pause\", \"time\" or \"distance\"",
        measure));
}

bool parse_pause_at_top(const json& object) {
    return object.contains("measure") && object.at("measure") == kRepsWithPause;
}

bool parse_custom(const json& definition) {
    const auto it = definition.find("custom");
    if (it == definition.end()) return false;
    if (!it->is_boolean()) throw DefinitionError("'custom' must be true or false");
    return it->get<bool>();
}

}  // namespace

std::string_view declared_measure(const Exercise& exercise) {
    return exercise.pause_at_top ? kRepsWithPause : measure_name(exercise.measure);
}

bool is_kebab_case(std::string_view id) {
    if (id.empty() || id.front() == '-' || id.back() == '-') return false;
    char previous = '\0';
    for (char c : id) {
        const bool allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
        if (!allowed || (c == '-' && previous == '-')) return false;
        previous = c;
    }
    return true;
}

std::string_view loading_name(Loading loading) {
    return loading == Loading::bodyweight ? "bodyweight" : "external";
}

Exercise parse_exercise(const json& definition) {
    if (!definition.is_object()) throw DefinitionError("an exercise must be a JSON object");
    reject_unknown_fields(definition, kExerciseFields, "the exercise");
    Exercise exercise;
    exercise.id = string_field(definition, "id");
    if (!is_kebab_case(exercise.id))
        throw DefinitionError(
            fmt::format("id '{}' must be kebab-case, like back-extension", exercise.id));
    exercise.name = string_field(definition, "name");
    exercise.custom = parse_custom(definition);
    // A custom definition (written by `liftlog import`) needs only id, name and
    // loading; a field it leaves out is empty, or takes kCustomPrescription.
    const auto given = [&](const char* key) {
        return !exercise.custom || definition.contains(key);
    };
    if (given("aliases")) exercise.aliases = string_list_field(definition, "aliases");
    if (given("description")) exercise.description = string_field(definition, "description");
    if (given("primary_muscles"))
        exercise.primary_muscles = string_list_field(definition, "primary_muscles", true);
    if (given("secondary_muscles"))
        exercise.secondary_muscles = string_list_field(definition, "secondary_muscles");
    if (given("equipment")) exercise.equipment = string_list_field(definition, "equipment", true);
    exercise.loading = parse_loading(definition);
    exercise.measure = parse_measure(definition);
    exercise.pause_at_top = parse_pause_at_top(definition);
    if (given("steps")) exercise.steps = string_list_field(definition, "steps", true);
    if (given("tips")) exercise.tips = string_list_field(definition, "tips");
    if (given("variations")) exercise.variations = parse_variations(definition);
    if (given("alternatives"))
        exercise.alternatives = string_list_field(definition, "alternatives");
    exercise.prescription = given("prescription") ? parse_prescription(definition, exercise.measure)
                                                  : custom_prescription(exercise.measure);
    if (given("progression")) {
        exercise.progression =
            parse_progression(definition, exercise.prescription, exercise.measure);
    } else {
        exercise.progression.rep_range = exercise.prescription.reps;
        exercise.progression.time_range = exercise.prescription.seconds;
        exercise.progression.distance_range = exercise.prescription.metres;
    }
    const auto& easier = exercise.progression.easier_alternative;
    const auto& alternatives = exercise.alternatives;
    if (!easier.empty() &&
        std::find(alternatives.begin(), alternatives.end(), easier) == alternatives.end())
        throw DefinitionError(
            fmt::format("'easier_alternative' '{}' is not one of the 'alternatives'", easier));
    exercise.references = parse_references(definition);
    return exercise;
}

nlohmann::ordered_json exercise_to_json(const Exercise& exercise) {
    using nlohmann::ordered_json;
    const auto range = [](const Range& r) { return ordered_json::array({r.min, r.max}); };
    const auto amounts = [](const UnitAmounts& a) {
        return ordered_json{{"kg", amount_json(a.kg)}, {"lb", amount_json(a.lb)}};
    };
    ordered_json variations = ordered_json::array();
    for (const auto& v : exercise.variations)
        variations.push_back({{"name", v.name}, {"description", v.description}});
    ordered_json references = ordered_json::array();
    for (const auto& r : exercise.references)
        references.push_back({{"title", r.title}, {"source", r.source}});
    const auto& rules = exercise.progression;
    ordered_json progression = ordered_json::object();
    // Each measure writes its own fields, as a definition file gives them.
    if (exercise.measure == Measure::time) {
        progression["time_range"] = range(rules.time_range);
        progression["time_step"] = rules.time_step;
    } else if (exercise.measure == Measure::distance) {
        progression["distance_range"] = range(rules.distance_range);
        progression["distance_step"] = rules.distance_step;
    } else {
        progression["rep_range"] = range(rules.rep_range);
    }
    if (exercise.loading == Loading::bodyweight) {
        if (exercise.measure == Measure::reps)
            progression["bodyweight_threshold"] = exercise.progression.bodyweight_threshold;
        progression["added_load"] = exercise.progression.added_load;
        if (!exercise.progression.easier_alternative.empty())
            progression["easier_alternative"] = exercise.progression.easier_alternative;
    }
    // Written only when linear, so definitions that never named it read as before.
    if (exercise.progression.scheme == Scheme::linear) progression["scheme"] = "linear";
    progression["increment"] = amounts(exercise.progression.increment);
    progression["load_step"] = amounts(exercise.progression.load_step);
    const auto& given = exercise.prescription;
    ordered_json prescription = {{"sets", range(given.sets)}};
    const MeasureFields fields = fields_of(exercise.measure);
    prescription[fields.prescription] = range(exercise.measure == Measure::time ? given.seconds
                                              : exercise.measure == Measure::distance ? given.metres
                                                                                      : given.reps);
    prescription["per_week"] = range(given.per_week);
    nlohmann::ordered_json object = {{"id", exercise.id}, {"name", exercise.name}};
    if (exercise.custom) object["custom"] = true;
    const nlohmann::ordered_json rest = {{"aliases", exercise.aliases},
                                         {"description", exercise.description},
                                         {"primary_muscles", exercise.primary_muscles},
                                         {"secondary_muscles", exercise.secondary_muscles},
                                         {"equipment", exercise.equipment},
                                         {"loading", loading_name(exercise.loading)},
                                         {"measure", declared_measure(exercise)},
                                         {"steps", exercise.steps},
                                         {"tips", exercise.tips},
                                         {"variations", variations},
                                         {"alternatives", exercise.alternatives},
                                         {"prescription", prescription},
                                         {"progression", progression},
                                         {"references", references}};
    for (const auto& [key, value] : rest.items()) object[key] = value;
    return object;
}

Load load_in_unit(const Load& load, Unit unit, const UnitAmounts& load_step) {
    if (load.kind == LoadKind::bodyweight || load.unit == unit) return load;
    return {load.kind, convert_and_round(load.hundredths, load.unit, unit, load_step.in(unit)),
            unit};
}

}  // namespace liftlog
