#include "liftlog/describe.hpp"

#include <cmath>

#include <fmt/format.h>

#include "liftlog/set_notation.hpp"

namespace liftlog {

using nlohmann::ordered_json;

namespace {

ordered_json optional_date(const std::optional<Date>& date) {
    return date ? ordered_json(format_date(*date)) : ordered_json(nullptr);
}

double round_to_tenth(double value) {
    return std::round(value * 10.0) / 10.0;
}

ordered_json metres_json(double metres) {
    return amount_json(std::llround(metres * 100.0));
}

// "seconds" of a timed set and "distance" of a distance set, after its reps and load.
void add_measure_fields(ordered_json& object, const SetEntry& set) {
    if (set.seconds) object["seconds"] = *set.seconds;
    if (set.distance)
        object["distance"] = {{"value", amount_json(set.distance->hundredths)},
                              {"unit", distance_unit_name(set.distance->unit)}};
}

}  // namespace

double kilograms_in(double kilograms, Unit unit) {
    return unit == Unit::kg ? kilograms : kilograms / kKilogramsPerPound;
}

ordered_json suggestion_json(const Suggestion& suggestion) {
    const auto& next = suggestion.next;
    return {{"action", action_name(suggestion.action)},
            {"reason", suggestion.reason},
            {"next",
             {{"sets", next.sets},
              {"reps", next.reps},
              {"load", next.load ? load_to_json(*next.load) : ordered_json(nullptr)},
              {"notation", next_notation(next)},
              {"pause_seconds",
               next.pause_seconds ? ordered_json(*next.pause_seconds) : ordered_json(nullptr)}}},
            {"not_before", optional_date(suggestion.not_before)}};
}

ordered_json session_json(const Session& session) {
    ordered_json object = {
        {"date", format_date(session.date)},
        {"sets", sets_to_json(session.sets)},
        {"notation", format_sets(session.sets)},
        {"pain", session.pain},
        {"light", session.light},
        {"rpe", session.rpe ? ordered_json(*session.rpe) : ordered_json(nullptr)},
        {"notes", session.notes},
        {"ids", session.record_ids}};
    return object;
}

ordered_json summary_json(const ExerciseHistory& history, Unit unit,
                          const BodyWeightTimeline* body_weights) {
    ordered_json best = nullptr;
    if (const auto& set = history.best_set()) {
        best = {{"reps", set->reps}, {"load", load_to_json(set->load)}};
        add_measure_fields(best, *set);
        best["date"] = optional_date(history.best_set_date());
    }
    const double volume = body_weights ? history.volume_kg(*body_weights) : history.volume_kg();
    ordered_json summary = {
        {"sessions", history.session_count()},
        {"first", optional_date(history.first_date())},
        {"last", optional_date(history.last_date())},
        {"best_set", best},
        {"e1rm", e1rm_json(history.records().best_e1rm(), unit)},
        {"total_reps", history.total_reps()},
        {"volume",
         {{"value", round_to_tenth(kilograms_in(volume, unit))}, {"unit", unit_name(unit)}}},
        {"total_seconds", history.total_seconds()},
        {"total_distance", {{"value", metres_json(history.total_metres())}, {"unit", "m"}}}};
    if (body_weights && history.has_bodyweight_sets())
        summary["bodyweight_e1rm"] =
            bodyweight_e1rm_json(history.best_bodyweight_e1rm(*body_weights), unit);
    return summary;
}

ordered_json bodyweight_e1rm_json(const std::optional<BodyweightOneRepMax>& best, Unit unit) {
    if (!best) return nullptr;
    return {{"value", one_rep_max_in(best->estimate, unit)},
            {"unit", unit_name(unit)},
            {"reps", best->set.reps},
            {"load", load_to_json(best->set.load)},
            {"date", format_date(best->date)},
            {"body_weight",
             {{"value", static_cast<double>(best->body_weight.weight.hundredths) / 100.0},
              {"unit", unit_name(best->body_weight.weight.unit)},
              {"date", format_date(best->body_weight.date)}}},
            {"beyond_epley_range", best->estimate.beyond_epley_range}};
}

std::string format_volume(double kilograms, Unit unit) {
    return fmt::format("{:.1f} {}", kilograms_in(kilograms, unit), unit_name(unit));
}

std::string format_best_set(const SetEntry& set, Unit unit, const UnitAmounts& load_step) {
    std::string amount = std::to_string(set.reps);
    if (set.seconds)
        amount = format_seconds(*set.seconds);
    else if (set.distance)
        amount = format_distance(*set.distance);
    return fmt::format("{} @ {}", amount, format_load(load_in_unit(set.load, unit, load_step)));
}

std::string format_total_seconds(long long seconds) {
    return fmt::format("{} s", seconds);
}

std::string format_total_metres(double metres) {
    return fmt::format("{} m", format_amount(std::llround(metres * 100.0)));
}

double one_rep_max_in(const OneRepMax& estimate, Unit unit) {
    return round_to_tenth(kilograms_in(estimate.kilograms, unit));
}

std::string format_one_rep_max(const OneRepMax& estimate, Unit unit) {
    return fmt::format("{:.1f} {}", one_rep_max_in(estimate, unit), unit_name(unit));
}

ordered_json amount_json(std::int64_t hundredths) {
    if (hundredths % 100 == 0) return hundredths / 100;
    // 1025 / 100.0 is the double nearest 10.25, which prints as 10.25.
    return static_cast<double>(hundredths) / 100.0;
}

namespace {

// Adds the fields of `from` after those of `into`. `from` is a named
// parameter, not a temporary in a range-for, so it outlives the loop.
void append_fields(ordered_json& into, const ordered_json& from) {
    for (const auto& [key, value] : from.items()) into[key] = value;
}

// The set, day and log record of a record holder.
ordered_json holder_json(const RecordHolder& holder) {
    ordered_json object = {{"reps", holder.set.reps}, {"load", load_to_json(holder.set.load)}};
    add_measure_fields(object, holder.set);
    object["date"] = format_date(holder.date);
    object["id"] = holder.record_id;
    return object;
}

// What a category compares, in `unit`, put before the holder's fields.
ordered_json measured_json(RecordKind kind, const RecordHolder& holder, Unit unit,
                           const UnitAmounts& load_step) {
    ordered_json object = ordered_json::object();
    if (kind == RecordKind::e1rm) {
        const OneRepMax estimate = record_one_rep_max(holder);
        object["value"] = one_rep_max_in(estimate, unit);
        object["unit"] = unit_name(unit);
        object["beyond_epley_range"] = estimate.beyond_epley_range;
    } else if (kind == RecordKind::heaviest_for_reps || kind == RecordKind::heaviest_load) {
        object["value"] = amount_json(load_in_unit(holder.set.load, unit, load_step).hundredths);
        object["unit"] = unit_name(unit);
    } else if (kind == RecordKind::longest_time) {
        object["value"] = holder.set.seconds.value_or(0);
        object["unit"] = "s";
    } else if (kind == RecordKind::longest_distance) {
        object["value"] = metres_json(holder.set.distance ? to_metres(*holder.set.distance) : 0.0);
        object["unit"] = "m";
    }
    append_fields(object, holder_json(holder));
    return object;
}

std::string load_text(const Load& load, Unit unit, const UnitAmounts& load_step) {
    return describe_load(load_in_unit(load, unit, load_step));
}

}  // namespace

ordered_json e1rm_json(const std::optional<Standing>& best_e1rm, Unit unit) {
    if (!best_e1rm) return nullptr;
    const OneRepMax estimate = record_one_rep_max(best_e1rm->best);
    ordered_json object = {{"value", one_rep_max_in(estimate, unit)}, {"unit", unit_name(unit)}};
    append_fields(object, holder_json(best_e1rm->best));
    object["beyond_epley_range"] = estimate.beyond_epley_range;
    return object;
}

ordered_json records_json(const PersonalRecords& records, Unit unit, const UnitAmounts& load_step) {
    ordered_json by_reps = ordered_json::array();
    for (const auto& [reps, standing] : records.heaviest_by_reps())
        by_reps.push_back(
            measured_json(RecordKind::heaviest_for_reps, standing.best, unit, load_step));
    ordered_json by_load = ordered_json::array();
    for (const auto& [load, standing] : records.most_reps_by_load()) {
        ordered_json entry = {
            {"value", amount_json(load_in_unit(load, unit, load_step).hundredths)},
            {"unit", unit_name(unit)}};
        append_fields(entry, holder_json(standing.best));
        by_load.push_back(std::move(entry));
    }
    const auto& bodyweight = records.most_bodyweight_reps();
    return {{"e1rm", e1rm_json(records.best_e1rm(), unit)},
            {"heaviest_by_reps", std::move(by_reps)},
            {"most_reps_by_load", std::move(by_load)},
            {"most_reps_bodyweight", bodyweight ? holder_json(bodyweight->best) : nullptr},
            {"longest_time",
             records.longest_time()
                 ? measured_json(RecordKind::longest_time, records.longest_time()->best, unit, {})
                 : nullptr},
            {"longest_distance", records.longest_distance()
                                     ? measured_json(RecordKind::longest_distance,
                                                     records.longest_distance()->best, unit, {})
                                     : nullptr}};
}

std::string_view record_kind_name(RecordKind kind) {
    switch (kind) {
        case RecordKind::e1rm:
            return "e1rm";
        case RecordKind::heaviest_load:
            return "heaviest_load";
        case RecordKind::heaviest_for_reps:
            return "heaviest_for_reps";
        case RecordKind::most_reps_at_load:
            return "most_reps_at_load";
        case RecordKind::longest_time:
            return "longest_time";
        case RecordKind::longest_distance:
            return "longest_distance";
        case RecordKind::most_reps_bodyweight:
            break;
    }
    return "most_reps_bodyweight";
}

namespace {

// A record and the one it beat are shown exactly, never rounded to the load
// step, so the old value always reads lower: 225 lb is 102.06 kg, not 102.5.
std::string reps_text(int reps) {
    return reps == 1 ? "1 rep" : fmt::format("{} reps", reps);
}

std::string exact_load_text(const Load& load, Unit unit) {
    if (load.kind == LoadKind::bodyweight || load.unit == unit) return describe_load(load);
    const Load converted{load.kind, convert_and_round(load.hundredths, load.unit, unit, 1), unit};
    return fmt::format("{}, logged as {}", describe_load(converted), describe_load(load));
}

// Two estimates that round to the same tenth are told apart by hundredths.
std::pair<std::string, std::string> distinct_estimates(const OneRepMax& now,
                                                       const OneRepMax& before, Unit unit) {
    std::string now_text = format_one_rep_max(now, unit);
    std::string before_text = format_one_rep_max(before, unit);
    if (now_text != before_text) return {now_text, before_text};
    const auto hundredths = [unit](const OneRepMax& estimate) {
        return fmt::format("{:.2f} {}", kilograms_in(estimate.kilograms, unit), unit_name(unit));
    };
    return {hundredths(now), hundredths(before)};
}

}  // namespace

std::string describe_new_record(const NewRecord& record, Unit unit, const UnitAmounts& load_step) {
    const SetEntry& now = record.now.set;
    const SetEntry& before = record.previous.set;
    switch (record.kind) {
        case RecordKind::e1rm: {
            const OneRepMax estimate = record_one_rep_max(record.now);
            const auto [now_text, before_text] =
                distinct_estimates(estimate, record_one_rep_max(record.previous), unit);
            return fmt::format(
                "best e1RM {} ({}), was {}{}", now_text, format_best_set(now, unit, load_step),
                before_text,
                estimate.beyond_epley_range
                    ? fmt::format("; from more than {} reps, a rough estimate", kEpleyMaxReps)
                    : "");
        }
        case RecordKind::heaviest_load:
            return fmt::format("heaviest load ever, {} at {} (was {} at {})", reps_text(now.reps),
                               exact_load_text(now.load, unit), reps_text(before.reps),
                               exact_load_text(before.load, unit));
        case RecordKind::heaviest_for_reps:
            return fmt::format("heaviest {} reps, {} (was {})", now.reps,
                               exact_load_text(now.load, unit), exact_load_text(before.load, unit));
        case RecordKind::most_reps_at_load: {
            const bool converted = now.load.unit != unit;
            return fmt::format(
                "{} reps at {}{} (was {})", now.reps, load_text(now.load, unit, load_step),
                converted ? fmt::format(" (logged as {})", describe_load(now.load)) : "",
                before.reps);
        }
        case RecordKind::longest_time:
            return fmt::format("longest hold {} s at {} (was {} s at {})", now.seconds.value_or(0),
                               exact_load_text(now.load, unit), before.seconds.value_or(0),
                               exact_load_text(before.load, unit));
        case RecordKind::longest_distance:
            return fmt::format(
                "longest distance {} (was {})",
                now.distance ? format_distance(*now.distance) : std::string("-"),
                before.distance ? format_distance(*before.distance) : std::string("-"));
        case RecordKind::most_reps_bodyweight:
            break;
    }
    return fmt::format("{} reps at bodyweight (was {})", now.reps, before.reps);
}

ordered_json new_record_json(const NewRecord& record, Unit unit, const UnitAmounts& load_step) {
    ordered_json object = {{"kind", record_kind_name(record.kind)}};
    append_fields(object, measured_json(record.kind, record.now, unit, load_step));
    object["previous"] = measured_json(record.kind, record.previous, unit, load_step);
    object["text"] = describe_new_record(record, unit, load_step);
    return object;
}

}  // namespace liftlog
