#include "liftlog/record.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include <fmt/format.h>

#include "liftlog/text.hpp"

namespace liftlog {

using nlohmann::json;

namespace {

const std::set<std::string, std::less<>> kKnownFields = {
    "v",   "id",   "time", "date",  "exercise", "sets",
    "rpe", "note", "pain", "light", "voids",    "bodyweight"};

// Reasons end up on a terminal: keep them to one short line of printable
// ASCII, whatever bytes the bad line held.
std::string printable_reason(std::string_view reason) {
    constexpr std::size_t kLongest = 160;
    std::string shown = escape_for_terminal(reason.substr(0, kLongest));
    if (reason.size() > kLongest) shown += "...";
    return shown;
}

[[noreturn]] void bad(const std::string& reason) {
    throw RecordError(printable_reason(reason));
}

// nlohmann's message without its "[json.exception...] parse error at line 1,"
// preamble: a record is one line, so the byte offset is what helps.
std::string json_error_reason(const json::exception& error) {
    std::string detail = error.what();
    if (const auto colon = detail.find(": "); colon != std::string::npos)
        detail = detail.substr(colon + 2);
    // The parser quotes the text it choked on, which may be megabytes long.
    if (const auto quote = detail.find("; last read"); quote != std::string::npos)
        detail.resize(quote);
    if (const auto* parse = dynamic_cast<const json::parse_error*>(&error))
        return fmt::format("not valid JSON at byte {}: {}", parse->byte, detail);
    return fmt::format("not valid JSON: {}", detail);
}

const json& require(const json& object, const char* key, const char* where) {
    const auto it = object.find(key);
    if (it == object.end()) bad(fmt::format("{}: missing field '{}'", where, key));
    return *it;
}

std::string require_string(const json& object, const char* key, const char* where) {
    const json& value = require(object, key, where);
    if (!value.is_string()) bad(fmt::format("{}: '{}' must be a string", where, key));
    return value.get<std::string>();
}

std::int64_t parse_load_value(const json& value) {
    if (!value.is_number()) bad("load 'value' must be a number");
    const double amount = value.get<double>();
    const double hundredths = std::round(amount * 100.0);
    if (!std::isfinite(amount) || amount <= 0 || std::abs(amount * 100.0 - hundredths) > 1e-6 ||
        hundredths > 1e9)
        bad("load 'value' must be a positive number with at most two decimals");
    return static_cast<std::int64_t>(hundredths);
}

Load parse_load(const json& object) {
    if (!object.is_object()) bad("a set's 'load' must be an object");
    const std::string kind = require_string(object, "kind", "load");
    if (kind == "bw") return Load::bodyweight();
    if (kind != "added" && kind != "external" && kind != "assisted")
        bad(fmt::format("unknown load kind '{}'; expected bw, added, assisted or external", kind));
    const auto unit = parse_unit(require_string(object, "unit", "load"));
    if (!unit) bad("load 'unit' must be kg or lb");
    const std::int64_t hundredths = parse_load_value(require(object, "value", "load"));
    if (kind == "assisted") return Load::assisted(hundredths, *unit);
    return kind == "added" ? Load::added(hundredths, *unit) : Load::external(hundredths, *unit);
}

Distance parse_distance(const json& object) {
    if (!object.is_object()) bad("a set's 'distance' must be an object");
    const auto unit = parse_distance_unit(require_string(object, "unit", "distance"));
    if (!unit) bad("distance 'unit' must be m, km, yd, ft or mi");
    return {parse_load_value(require(object, "value", "distance")), *unit};
}

void parse_set_measure(const json& object, SetEntry& set) {
    if (const auto it = object.find("seconds"); it != object.end()) {
        if (!it->is_number_integer() || it->get<long long>() < 1 || it->get<long long>() > 86400)
            bad("set 'seconds' must be a whole number from 1 to 86400");
        set.seconds = it->get<int>();
    }
    if (const auto it = object.find("distance"); it != object.end()) {
        if (set.seconds) bad("a set has 'seconds' or 'distance', not both");
        set.distance = parse_distance(*it);
    }
    const auto reps = object.find("reps");
    if (reps == object.end()) {
        if (!set.seconds && !set.distance) bad("set: missing field 'reps'");
        return;
    }
    if (set.seconds || set.distance) bad("a timed or distance set has no 'reps'");
    if (!reps->is_number_integer() || reps->get<long long>() < 0 || reps->get<long long>() > 100000)
        bad("set 'reps' must be a whole number from 0 (a failed attempt) up");
    set.reps = reps->get<int>();
}

SetType parse_set_type(const json& value) {
    if (!value.is_string()) bad("set 'type' must be a string");
    if (value == "drop") return SetType::drop;
    if (value == "failure") return SetType::failure;
    bad("set 'type' must be drop or failure");
}

SetEntry parse_set(const json& object) {
    if (!object.is_object()) bad("each set must be an object");
    SetEntry set;
    parse_set_measure(object, set);
    set.load = parse_load(require(object, "load", "set"));
    if (const auto it = object.find("warmup"); it != object.end()) {
        if (!it->is_boolean()) bad("set 'warmup' must be true or false");
        set.warmup = it->get<bool>();
    }
    if (const auto it = object.find("type"); it != object.end()) set.type = parse_set_type(*it);
    if (const auto it = object.find("rpe"); it != object.end()) {
        if (!it->is_number() || !valid_rpe(it->get<double>()))
            bad("set 'rpe' must be a number from 1 to 10");
        set.rpe = it->get<double>();
    }
    if (const auto it = object.find("pause"); it != object.end()) {
        if (!it->is_number_integer() || it->get<long long>() < 1 ||
            it->get<long long>() > kMaxPauseSeconds)
            bad(fmt::format("set 'pause' must be a whole number of seconds from 1 to {}",
                            kMaxPauseSeconds));
        if (set.seconds || set.distance) bad("a timed or distance set has no 'pause'");
        set.pause_seconds = it->get<int>();
    }
    return set;
}

void parse_optional_fields(const json& object, Record& record) {
    if (const auto it = object.find("rpe"); it != object.end()) {
        if (!it->is_number() || !valid_rpe(it->get<double>()))
            bad("'rpe' must be a number from 1 to 10");
        record.rpe = it->get<double>();
    }
    if (const auto it = object.find("note"); it != object.end()) {
        if (!it->is_string()) bad("'note' must be a string");
        record.note = it->get<std::string>();
    }
    if (const auto it = object.find("pain"); it != object.end()) {
        if (!it->is_boolean()) bad("'pain' must be true or false");
        record.pain = it->get<bool>();
    }
    if (const auto it = object.find("light"); it != object.end()) {
        if (!it->is_boolean()) bad("'light' must be true or false");
        record.light = it->get<bool>();
    }
    for (const auto& [key, value] : object.items())
        if (!kKnownFields.contains(key)) record.unknown_fields[key] = value;
}

// A void record withdraws an earlier record; it carries no training data.
Record parse_void_fields(const json& object, Record record) {
    record.voids = require_string(object, "voids", "record");
    if (record.voids->empty()) bad("'voids' must name the id of a record");
    for (const char* field : {"date", "exercise", "sets"})
        if (object.contains(field)) bad(fmt::format("a void record cannot have '{}'", field));
    parse_optional_fields(object, record);
    return record;
}

// A body-weight record: a date, a weight and perhaps a note; no training data.
Record parse_body_weight_fields(const json& object, Record record) {
    const auto date = parse_date(require_string(object, "date", "record"));
    if (!date) bad("'date' must be a calendar date written YYYY-MM-DD");
    record.date = *date;
    const json& weight = require(object, "bodyweight", "record");
    if (!weight.is_object()) bad("'bodyweight' must be an object");
    const auto unit = parse_unit(require_string(weight, "unit", "bodyweight"));
    if (!unit) bad("bodyweight 'unit' must be kg or lb");
    record.body_weight =
        BodyWeight{parse_load_value(require(weight, "value", "bodyweight")), *unit};
    for (const char* field : {"exercise", "sets", "voids", "rpe", "pain", "light"})
        if (object.contains(field))
            bad(fmt::format("a body-weight record cannot have '{}'", field));
    parse_optional_fields(object, record);
    return record;
}

nlohmann::ordered_json amount_to_json(std::int64_t hundredths) {
    // Whole amounts are written as integers so 100 stays "100", not "100.0".
    if (hundredths % 100 == 0) return hundredths / 100;
    return static_cast<double>(hundredths) / 100.0;
}

}  // namespace

nlohmann::ordered_json load_to_json(const Load& load) {
    nlohmann::ordered_json object = {{"kind", load_kind_name(load.kind)}};
    if (load.kind == LoadKind::bodyweight) return object;
    object["value"] = amount_to_json(load.hundredths);
    object["unit"] = unit_name(load.unit);
    return object;
}

nlohmann::ordered_json sets_to_json(const std::vector<SetEntry>& sets) {
    auto list = nlohmann::ordered_json::array();
    for (const auto& set : sets) {
        nlohmann::ordered_json entry;
        if (set.seconds)
            entry["seconds"] = *set.seconds;
        else if (set.distance)
            entry["distance"] = distance_to_json(*set.distance);
        else
            entry["reps"] = set.reps;
        entry["load"] = load_to_json(set.load);
        if (set.warmup) entry["warmup"] = true;
        if (set.type != SetType::normal) entry["type"] = set_type_name(set.type);
        if (set.rpe) entry["rpe"] = *set.rpe;
        if (set.pause_seconds) entry["pause"] = *set.pause_seconds;
        list.push_back(std::move(entry));
    }
    return list;
}

nlohmann::ordered_json distance_to_json(const Distance& distance) {
    nlohmann::ordered_json object;
    object["value"] = amount_to_json(distance.hundredths);
    object["unit"] = distance_unit_name(distance.unit);
    return object;
}

namespace {

bool needs_version_2(const SetEntry& set) {
    return set.failed() || set.load.kind == LoadKind::assisted || set.seconds || set.distance ||
           set.rpe || set.type != SetType::normal || set.pause_seconds;
}

}  // namespace

int required_version(const Record& record) {
    const bool newer = is_body_weight(record) ||
                       std::any_of(record.sets.begin(), record.sets.end(), needs_version_2);
    return newer ? 2 : kFirstLogFormatVersion;
}

std::vector<SetEntry> sets_from_json(const json& sets) {
    if (!sets.is_array()) bad("'sets' must be an array");
    std::vector<SetEntry> parsed;
    for (const auto& set : sets) parsed.push_back(parse_set(set));
    return parsed;
}

bool valid_rpe(double rpe) {
    return std::isfinite(rpe) && rpe >= 1.0 && rpe <= 10.0;
}

std::string serialize_record(const Record& record) {
    // Key order is fixed by ordered_json so that lines read well with grep.
    nlohmann::ordered_json line;
    // Version 1 is the default: raised to what the record needs. Any other
    // value is written as set.
    line["v"] =
        record.version == kFirstLogFormatVersion ? required_version(record) : record.version;
    line["id"] = record.id;
    line["time"] = record.time;
    if (record.voids) {
        line["voids"] = *record.voids;
        if (record.note) line["note"] = *record.note;
        return line.dump(-1, ' ', false, json::error_handler_t::strict);
    }
    line["date"] = format_date(record.date);
    if (record.body_weight) {
        line["bodyweight"] = {{"value", amount_to_json(record.body_weight->hundredths)},
                              {"unit", unit_name(record.body_weight->unit)}};
        if (record.note) line["note"] = *record.note;
        for (const auto& [key, value] : record.unknown_fields.items())
            if (!line.contains(key)) line[key] = value;
        return line.dump(-1, ' ', false, json::error_handler_t::strict);
    }
    line["exercise"] = record.exercise;
    line["sets"] = sets_to_json(record.sets);
    if (record.rpe) line["rpe"] = *record.rpe;
    if (record.note) line["note"] = *record.note;
    if (record.pain) line["pain"] = true;
    if (record.light) line["light"] = true;
    for (const auto& [key, value] : record.unknown_fields.items())
        if (!line.contains(key)) line[key] = value;
    return line.dump(-1, ' ', false, json::error_handler_t::strict);
}

Record parse_record(std::string_view line) {
    json object;
    try {
        object = json::parse(line);
    } catch (const json::exception& error) {  // parse_error, or out_of_range for 1e999
        bad(json_error_reason(error));
    }
    if (!object.is_object()) bad("a record must be a JSON object");
    const json& version = require(object, "v", "record");
    if (!version.is_number_integer() || version.get<long long>() < 1)
        bad("'v' must be a positive whole number");
    if (version.get<long long>() > kLogFormatVersion)
        bad(fmt::format("format version {} is newer than this liftlog reads ({}); upgrade liftlog",
                        version.get<long long>(), kLogFormatVersion));
    Record record;
    record.id = require_string(object, "id", "record");
    record.time = require_string(object, "time", "record");
    if (object.contains("voids")) return parse_void_fields(object, std::move(record));
    if (object.contains("bodyweight")) return parse_body_weight_fields(object, std::move(record));
    const auto date = parse_date(require_string(object, "date", "record"));
    if (!date) bad("'date' must be a calendar date written YYYY-MM-DD");
    record.date = *date;
    record.exercise = require_string(object, "exercise", "record");
    const json& sets = require(object, "sets", "record");
    if (!sets.is_array() || sets.empty()) bad("'sets' must be a non-empty array");
    for (const auto& set : sets) record.sets.push_back(parse_set(set));
    parse_optional_fields(object, record);
    return record;
}

std::string_view load_kind_name(LoadKind kind) {
    switch (kind) {
        case LoadKind::bodyweight:
            return "bw";
        case LoadKind::added:
            return "added";
        case LoadKind::assisted:
            return "assisted";
        case LoadKind::external:
            break;
    }
    return "external";
}

}  // namespace liftlog
