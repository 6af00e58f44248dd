#include "liftlog/progression.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <functional>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace liftlog {

namespace {

constexpr int kPainRestDays = 7;
constexpr int kPainRestDaysMax = 14;

// The sets progression judges: those at the session's working weight. A top
// single or the last step of a ramp says what was possible once, not what every
// set can carry, so it is kept for records but never judged as the working load.
struct TopSets {
    Date date{};
    Load load;  // the working weight
    std::vector<int> reps;
    bool heavier_included = false;       // a ramp: some judged sets were heavier than `load`
    std::optional<SetEntry> top_set;     // a heavier set left out of the judgement
    bool marked_light = false;           // logged with --light
    std::size_t sets_at_load = 0;        // judged sets: at `load`, or the ramp's steps
    std::optional<int> pause_seconds{};  // the longest pause at the top of its working sets

    int fewest() const { return *std::min_element(reps.begin(), reps.end()); }
    int most() const { return *std::max_element(reps.begin(), reps.end()); }
};

// What progression counts in a set: reps, seconds, or whole metres.
int measured(const Exercise& exercise, const SetEntry& set) {
    switch (exercise.measure) {
        case Measure::time:
            return set.seconds.value_or(0);
        case Measure::distance:
            return set.distance ? static_cast<int>(std::lround(to_metres(*set.distance))) : 0;
        case Measure::reps:
            break;
    }
    return set.reps;
}

const Range& target_range(const Exercise& exercise) {
    switch (exercise.measure) {
        case Measure::time:
            return exercise.progression.time_range;
        case Measure::distance:
            return exercise.progression.distance_range;
        case Measure::reps:
            break;
    }
    return exercise.progression.rep_range;
}

int target_step(const Exercise& exercise) {
    switch (exercise.measure) {
        case Measure::time:
            return std::max(1, exercise.progression.time_step);
        case Measure::distance:
            return std::max(1, exercise.progression.distance_step);
        case Measure::reps:
            break;
    }
    return 1;
}

// "12", "45s", "1:30", "40m": one set's target as the notation writes it.
std::string per_set_text(Measure measure, int amount) {
    switch (measure) {
        case Measure::time:
            return format_seconds(amount);
        case Measure::distance:
            return fmt::format("{}m", amount);
        case Measure::reps:
            break;
    }
    return std::to_string(amount);
}

bool lighter_set(const SetEntry& a, const SetEntry& b) {
    return added_kilograms(a.load) < added_kilograms(b.load);
}

// The sets done at each distinct weight, heaviest weight first.
std::vector<std::vector<SetEntry>> by_weight(std::vector<SetEntry> sets) {
    std::stable_sort(sets.begin(), sets.end(),
                     [](const auto& a, const auto& b) { return lighter_set(b, a); });
    std::vector<std::vector<SetEntry>> groups;
    for (const auto& set : sets) {
        if (groups.empty() || !same_weight(groups.back().front().load, set.load))
            groups.emplace_back();
        groups.back().push_back(set);
    }
    return groups;
}

// The working weight is the load that carries the most working sets, up to the
// prescribed number (the heaviest such load on a tie): a top single is left out,
// and so are lighter back-off sets. A ramp, one set per load, is judged at the
// heaviest load that the prescribed number of sets reached or passed.
std::optional<TopSets> top_sets(const Exercise& exercise, const Session& session) {
    const auto sets = working_sets(session);
    if (sets.empty()) return std::nullopt;
    const auto groups = by_weight(sets);
    const std::size_t needed = std::min<std::size_t>(
        static_cast<std::size_t>(std::max(1, exercise.prescription.sets.min)), sets.size());
    const auto carried = [&](const auto& group) { return std::min(group.size(), needed); };
    const auto working =
        std::max_element(groups.begin(), groups.end(),
                         [&](const auto& a, const auto& b) { return carried(a) < carried(b); });
    TopSets top{session.date, working->front().load, {}, false, std::nullopt, session.light};
    if (working->size() == 1 && needed > 1) {
        // A ramp: the `needed` heaviest sets, judged at the lightest of them.
        top.load = groups[needed - 1].front().load;
        for (std::size_t i = needed; i-- > 0;)
            top.reps.push_back(measured(exercise, groups[i].front()));
        top.heavier_included = true;
    } else {
        for (const auto& set : *working) top.reps.push_back(measured(exercise, set));
        if (working != groups.begin()) top.top_set = groups.front().front();
    }
    // A top single is not a set at the working weight: one rep cannot stand in
    // for a set of five.
    top.sets_at_load = top.reps.size();
    for (const auto& set : sets)
        if (set.pause_seconds && (!top.pause_seconds || *set.pause_seconds > *top.pause_seconds))
            top.pause_seconds = set.pause_seconds;
    return top;
}

// Fewer working sets than the prescription's fewest: the reps say nothing
// about whether every set could carry the load, so no weight is added yet.
bool complete(const Exercise& exercise, const TopSets& top) {
    return top.sets_at_load >= static_cast<std::size_t>(exercise.prescription.sets.min);
}

std::string incomplete_text(const Exercise& exercise, const TopSets& top) {
    if (complete(exercise, top)) return "";
    return fmt::format(
        " Only {} working set{} of the {} prescribed: finish all {} before adding "
        "weight.",
        top.sets_at_load, top.sets_at_load == 1 ? "" : "s", exercise.prescription.sets.min,
        exercise.prescription.sets.min);
}

std::string describe(const TopSets& top) {
    std::string text =
        fmt::format("{} you did {} reps at {}{}", format_date(top.date), fmt::join(top.reps, ", "),
                    describe_load(top.load), top.heavier_included ? " or more" : "");
    if (top.top_set)
        text += fmt::format(" (the top set of {} at {} is not judged as the working weight)",
                            top.top_set->reps, describe_load(top.top_set->load));
    return text;
}

int clamp_sets(const Exercise& exercise, std::size_t count) {
    const auto& sets = exercise.prescription.sets;
    return std::clamp(static_cast<int>(count), sets.min, sets.max);
}

// `sets` sets aiming at `target` reps, except that a set which already did more
// keeps its count: raising the weakest set never lowers the strong ones.
NextSession aim_each_set(int sets, const std::vector<int>& done, int target, const Load& load) {
    std::vector<int> per_set;
    for (int i = 0; i < sets; ++i) {
        const auto index = static_cast<std::size_t>(i);
        per_set.push_back(std::max(index < done.size() ? done[index] : target, target));
    }
    const bool all_same = std::all_of(per_set.begin(), per_set.end(),
                                      [&](int reps) { return reps == per_set.front(); });
    const int fewest = *std::min_element(per_set.begin(), per_set.end());
    if (all_same) per_set.clear();
    return {sets, fewest, load, std::move(per_set)};
}

std::string aim_text(const NextSession& next) {
    if (next.reps_per_set.empty()) return fmt::format("{} reps per set", next.reps);
    return fmt::format("{} reps ({} for the weakest, the others no fewer than they did)",
                       fmt::join(next.reps_per_set, ", "), next.reps);
}

// Less help by the increment, and body weight alone once none is left: less
// assistance is the way up, never added load straight from assistance.
Load less_assistance(const Load& load, Unit unit, const Exercise& exercise) {
    const Load current = load_in_unit(load, unit, exercise.progression.load_step);
    const std::int64_t step = exercise.progression.load_step.in(unit);
    const std::int64_t target = current.hundredths - exercise.progression.increment.in(unit);
    std::int64_t rounded = convert_and_round(target, unit, unit, step);
    if (rounded >= current.hundredths) rounded -= step;
    if (rounded <= 0) return Load::bodyweight();
    return Load::assisted(rounded, unit);
}

// About 1/fraction of the help, at least one step more: the assisted side of
// a lighter load.
Load more_assistance(const Load& load, double fraction, Unit unit, const Exercise& exercise) {
    const std::int64_t exact = convert_and_round(load.hundredths, load.unit, unit, 1);
    const std::int64_t step = exercise.progression.load_step.in(unit);
    const auto target =
        static_cast<std::int64_t>(std::llround(static_cast<double>(exact) / fraction));
    std::int64_t rounded = convert_and_round(target, unit, unit, step);
    while (rounded <= exact) rounded += step;
    return Load::assisted(rounded, unit);
}

Load heavier(const Load& load, Unit unit, const Exercise& exercise) {
    if (load.kind == LoadKind::assisted) return less_assistance(load, unit, exercise);
    const Load current = load_in_unit(load, unit, exercise.progression.load_step);
    const std::int64_t step = exercise.progression.load_step.in(unit);
    const std::int64_t target = current.hundredths + exercise.progression.increment.in(unit);
    std::int64_t rounded = convert_and_round(target, unit, unit, step);
    if (rounded <= current.hundredths) rounded += step;
    const LoadKind kind = load.kind == LoadKind::bodyweight ? LoadKind::added : load.kind;
    return {kind, rounded, unit};
}

// `fraction` of the load, rounded to the step and at least one step lighter;
// an added load that would vanish becomes body weight alone.
// The fraction is taken of the exact amount, not of one already rounded to
// the step in another unit: 24 kg is 52.9 lb, and rounding it up to 55 lb
// first would make a lighter load give a heavier result.
Load lighter(const Load& load, double fraction, Unit unit, const Exercise& exercise) {
    if (load.kind == LoadKind::bodyweight) return load;
    if (load.kind == LoadKind::assisted) return more_assistance(load, fraction, unit, exercise);
    const std::int64_t exact = convert_and_round(load.hundredths, load.unit, unit, 1);
    const std::int64_t step = exercise.progression.load_step.in(unit);
    const auto target =
        static_cast<std::int64_t>(std::llround(static_cast<double>(exact) * fraction));
    std::int64_t rounded = convert_and_round(target, unit, unit, step);
    while (rounded >= exact) rounded -= step;
    if (rounded <= 0) {
        if (load.kind == LoadKind::added) return Load::bodyweight();
        rounded = step;  // no lighter load exists on this step
    }
    return {load.kind, rounded, unit};
}

// `load` as the reason should quote it: in the suggestion's unit, like the
// next load, with the load as logged when that is another unit ("60 kg
// (logged as 135 lb)"), so the reason and the next load never disagree.
std::string load_in_reason(const Load& load, Unit unit, const Exercise& exercise) {
    if (load.kind == LoadKind::bodyweight || load.unit == unit) return describe_load(load);
    return fmt::format("{} (logged as {})",
                       describe_load(load_in_unit(load, unit, exercise.progression.load_step)),
                       describe_load(load));
}

// How much `next` really adds to `last`, in `next`'s unit: rounding to the
// load step can make it more or less than the increment (101 kg to 102.5 kg
// is 1.5 kg, not the 2.5 kg increment).
std::string added_text(const Load& last, const Load& next) {
    if (last.kind == LoadKind::assisted) {
        const std::int64_t from = convert_and_round(last.hundredths, last.unit, next.unit, 1);
        const std::int64_t to = next.kind == LoadKind::assisted ? next.hundredths : 0;
        return fmt::format("{} {} of assistance off", format_amount(from - to),
                           unit_name(next.unit));
    }
    const std::int64_t from = last.kind == LoadKind::bodyweight
                                  ? 0
                                  : convert_and_round(last.hundredths, last.unit, next.unit, 1);
    return fmt::format("{} {}", format_amount(next.hundredths - from), unit_name(next.unit));
}

// How much lighter `next` is than `last`, as a whole percentage: a deload of
// small dumbbells or added loads that rounds to the load step can be 25-50%,
// not the 10% aimed at.
double percent_of(const Load& last, const Load& next) {
    return 100.0 * added_kilograms(next) / added_kilograms(last);
}

// Percentages of an added load are of the plate, not of the lifter, so the
// texts name the plate alone.
std::string on_added(const Load& last) {
    return last.kind == LoadKind::added ? " on the added load" : "";
}

std::string worked_load_text(const Load& load) {
    if (load.kind != LoadKind::added) return describe_load(load);
    return fmt::format("added {} {}", format_amount(load.hundredths), unit_name(load.unit));
}

std::string dropped_text(const Load& last, const Load& next) {
    if (next.kind == LoadKind::bodyweight) return "drop the added load";
    if (next.kind == LoadKind::assisted) {
        const std::int64_t from = convert_and_round(last.hundredths, last.unit, next.unit, 1);
        return fmt::format("take {} {} more assistance", format_amount(next.hundredths - from),
                           unit_name(next.unit));
    }
    return fmt::format("drop {:.0f}%", 100.0 - percent_of(last, next));
}

Suggestion start(const Exercise& exercise, const std::optional<Target>& target) {
    const int sets = target ? target->sets : exercise.prescription.sets.min;
    const int reps = target ? target->reps : target_range(exercise).min;
    if (exercise.loading == Loading::bodyweight)
        return {
            Action::start,
            fmt::format("No sessions of {} logged yet: start with {}x{} at bodyweight and build "
                        "up from there.",
                        exercise.name, sets, per_set_text(exercise.measure, reps)),
            {sets, reps, Load::bodyweight(), {}},
            std::nullopt};
    return {Action::start,
            fmt::format("No sessions of {} logged yet: start light with {}x{}, using a load you "
                        "could lift a few more times, and let the log take it from there.",
                        exercise.name, sets, per_set_text(exercise.measure, reps)),
            {sets, reps, std::nullopt, {}},
            std::nullopt};
}

// Whether two loads are the same bar. In one unit they are what was loaded,
// so only equal amounts are. Across units a converted amount never matches
// exactly (225 lb is 102.06 kg), so loads within half the smaller load step of
// each other are the same: no plate could make the difference.
bool same_bar(const Exercise& exercise, const Load& a, const Load& b) {
    if (a.kind != b.kind) return false;
    if (a.unit == b.unit) return a.hundredths == b.hundredths;
    const auto& step = exercise.progression.load_step;
    const double smaller_step_kg = std::min(added_kilograms(Load::external(step.kg, Unit::kg)),
                                            added_kilograms(Load::external(step.lb, Unit::lb)));
    return std::abs(added_kilograms(a) - added_kilograms(b)) < smaller_step_kg / 2;
}

// Below the bottom of the range at the same load in the last two sessions.
bool stalled_twice(const Exercise& exercise, const std::vector<TopSets>& judged) {
    if (judged.size() < 2) return false;
    const auto& last = judged[judged.size() - 1];
    const auto& before = judged[judged.size() - 2];
    const int bottom = exercise.progression.rep_range.min;
    return last.fewest() < bottom && before.fewest() < bottom &&
           same_bar(exercise, last.load, before.load);
}

// The easier ways the exercise lists: its easier alternative, and a variation
// that takes weight off (a band-assisted pull-up).
std::string easier_text(const Exercise& exercise) {
    std::vector<std::string> options;
    if (!exercise.progression.easier_alternative.empty())
        options.push_back(
            fmt::format("{} (an easier alternative)", exercise.progression.easier_alternative));
    for (const auto& variation : exercise.variations) {
        std::string name = variation.name;
        std::transform(name.begin(), name.end(), name.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (name.find("assist") != std::string::npos)
            options.push_back(fmt::format("the {} variation", name));
    }
    if (options.empty()) return "";
    return fmt::format(" Until then, {} can build up to it.", fmt::join(options, " or "));
}

// Below the range twice at bodyweight alone there is no load to take off: a
// target the bottom of the range would not be reachable, so aim one rep past
// the weakest set and point to an easier way to build up.
Suggestion stalled_at_bodyweight(const Exercise& exercise, const std::vector<TopSets>& judged) {
    const auto& last = judged.back();
    const auto& before = judged[judged.size() - 2];
    const int bottom = exercise.progression.rep_range.min;
    const int sets = clamp_sets(exercise, last.reps.size());
    const NextSession next =
        aim_each_set(sets, last.reps, std::min(last.fewest() + 1, bottom), last.load);
    return {Action::keep,
            fmt::format("On {} and {} you stayed under {} reps at bodyweight (fewest {} and {}): "
                        "keep bodyweight and aim for {}, one more than the weakest set, on the "
                        "way to {} reps per set.{}",
                        format_date(before.date), format_date(last.date), bottom, before.fewest(),
                        last.fewest(), aim_text(next), bottom, easier_text(exercise)),
            next, std::nullopt};
}

// "102 kg", or "225 lb and 102 kg (the same bar)" when the two stalled
// sessions were logged in different units, so the reason names both.
std::string stalled_loads_text(const Load& before, const Load& last) {
    if (before == last) return describe_load(last);
    return fmt::format("{} and {} (the same bar)", describe_load(before), describe_load(last));
}

Suggestion deload(const Exercise& exercise, const std::vector<TopSets>& judged, Unit unit) {
    const auto& last = judged.back();
    const int bottom = exercise.progression.rep_range.min;
    const int sets = clamp_sets(exercise, last.reps.size());
    if (last.load.kind == LoadKind::bodyweight) return stalled_at_bodyweight(exercise, judged);
    const Load next = lighter(last.load, 0.9, unit, exercise);
    return {Action::deload,
            fmt::format("On {} and {} you stayed under {} reps at {} (fewest {} and {}): {} to {} "
                        "and build back up from {} reps.",
                        format_date(judged[judged.size() - 2].date), format_date(last.date), bottom,
                        stalled_loads_text(judged[judged.size() - 2].load, last.load),
                        judged[judged.size() - 2].fewest(), last.fewest(),
                        dropped_text(last.load, next), describe_load(next), bottom),
            {sets, bottom, next, {}},
            std::nullopt};
}

// Every judged set at the threshold and at least one past it: the whole
// session is ready for weight, not just a fresh first set.
bool ready_for_weight(const TopSets& last, int threshold) {
    return last.fewest() >= threshold && last.most() > threshold;
}

// Every judged set at the top of the rep range: the load goes up a step (help
// comes off) and the reps start again from the bottom.
Suggestion up_from_the_top(const Exercise& exercise, const TopSets& last, Unit unit) {
    const auto& range = exercise.progression.rep_range;
    const Load next = heavier(last.load, unit, exercise);
    const std::string step =
        last.load.kind == LoadKind::assisted
            ? fmt::format("take {} ({})", added_text(last.load, next), describe_load(next))
            : fmt::format("add {} to {}", added_text(last.load, next), describe_load(next));
    return {Action::add_weight,
            fmt::format("On {}; every set reached the top of the {}-{} rep range, so {} and "
                        "start again from {} reps.",
                        describe(last), range.min, range.max, step, range.min),
            {clamp_sets(exercise, last.reps.size()), range.min, next, {}},
            std::nullopt};
}

// With assistance the help works like a machine's load: once every set
// reaches the top of the rep range, take some help off and start again from
// the bottom, until no help is left.
Suggestion progress_assisted(const Exercise& exercise, const std::vector<TopSets>& judged,
                             Unit unit) {
    const auto& last = judged.back();
    const auto& range = exercise.progression.rep_range;
    const int sets = clamp_sets(exercise, last.reps.size());
    if (last.fewest() >= range.max && complete(exercise, last))
        return up_from_the_top(exercise, last, unit);
    if (stalled_twice(exercise, judged)) return deload(exercise, judged, unit);
    const NextSession next =
        aim_each_set(sets, last.reps, std::min(last.fewest() + 1, range.max),
                     load_in_unit(last.load, unit, exercise.progression.load_step));
    return {Action::add_reps,
            fmt::format("On {}; keep {} and aim for {}: once every set reaches {}, take some "
                        "assistance off.{}",
                        describe(last), load_in_reason(last.load, unit, exercise), aim_text(next),
                        range.max, incomplete_text(exercise, last)),
            next, std::nullopt};
}

Suggestion progress_bodyweight(const Exercise& exercise, const std::vector<TopSets>& judged,
                               Unit unit) {
    const auto& last = judged.back();
    if (last.load.kind == LoadKind::assisted) return progress_assisted(exercise, judged, unit);
    const int threshold = exercise.progression.bodyweight_threshold;
    const int sets = clamp_sets(exercise, last.reps.size());
    if (ready_for_weight(last, threshold) && complete(exercise, last)) {
        const Load next = heavier(last.load, unit, exercise);
        std::string how = exercise.progression.added_load.empty()
                              ? ""
                              : fmt::format(" ({})", exercise.progression.added_load);
        return {Action::add_weight,
                fmt::format("On {}; every set reached {} and {} is past the {}-rep threshold, so "
                            "add {}{} and start again from {} reps.",
                            describe(last), threshold, last.most(), threshold,
                            added_text(last.load, next), how, exercise.progression.rep_range.min),
                {sets, exercise.progression.rep_range.min, next, {}},
                std::nullopt};
    }
    if (stalled_twice(exercise, judged)) return deload(exercise, judged, unit);
    const int target = std::min(last.fewest() + 1, threshold + 1);
    const NextSession next = aim_each_set(
        sets, last.reps, target, load_in_unit(last.load, unit, exercise.progression.load_step));
    return {Action::add_reps,
            fmt::format("On {}; keep {} and aim for {}: once every set reaches {} and one goes "
                        "past it, add weight.{}",
                        describe(last), load_in_reason(last.load, unit, exercise), aim_text(next),
                        threshold, incomplete_text(exercise, last)),
            next, std::nullopt};
}

// Below `reps` at the same load in the last two sessions: a stall repeated.
bool fell_short_twice(const Exercise& exercise, const std::vector<TopSets>& judged, int reps) {
    if (judged.size() < 2) return false;
    const auto& last = judged[judged.size() - 1];
    const auto& before = judged[judged.size() - 2];
    return last.fewest() < reps && before.fewest() < reps &&
           same_bar(exercise, last.load, before.load);
}

// Linear progression, for low-rep lifts: every set aims at the top of the
// range; when all get there the same sets x reps go up by the increment, a
// stall repeats the load, and a second stall in a row takes about 10% off.
Suggestion progress_linear(const Exercise& exercise, const std::vector<TopSets>& judged,
                           Unit unit) {
    const auto& last = judged.back();
    const int reps = exercise.progression.rep_range.max;
    const int sets = clamp_sets(exercise, last.reps.size());
    if (last.fewest() >= reps && complete(exercise, last)) {
        const Load next = heavier(last.load, unit, exercise);
        return {Action::add_weight,
                fmt::format("On {}; every set reached {} reps, so keep {}x{} and add {}: {}.",
                            describe(last), reps, sets, reps, added_text(last.load, next),
                            describe_load(next)),
                {sets, reps, next, {}},
                std::nullopt};
    }
    if (fell_short_twice(exercise, judged, reps)) {
        const auto& before = judged[judged.size() - 2];
        const Load next = lighter(last.load, 0.9, unit, exercise);
        return {
            Action::deload,
            fmt::format("On {} and {} you fell short of {} reps at {} (fewest {} and {}): "
                        "two stalls in a row, so {} to {} and build back up with {}x{}.",
                        format_date(before.date), format_date(last.date), reps,
                        stalled_loads_text(before.load, last.load), before.fewest(), last.fewest(),
                        dropped_text(last.load, next), describe_load(next), sets, reps),
            {sets, reps, next, {}},
            std::nullopt};
    }
    const Load same = load_in_unit(last.load, unit, exercise.progression.load_step);
    const std::string why = last.fewest() >= reps
                                ? fmt::format("only {} of the {} prescribed sets were done",
                                              last.sets_at_load, exercise.prescription.sets.min)
                                : fmt::format("a set fell short of {} reps", reps);
    return {Action::keep,
            fmt::format("On {}; {}, so repeat {}x{} at {} before adding weight.", describe(last),
                        why, sets, reps, load_in_reason(last.load, unit, exercise)),
            {sets, reps, same, {}},
            std::nullopt};
}

// "held 60, 60, 55 s at bodyweight", "carried 40, 40 m at 32 kg".
std::string describe_measured(const Exercise& exercise, const TopSets& top) {
    const bool time = exercise.measure == Measure::time;
    return fmt::format("{} you {} {} {} at {}", format_date(top.date), time ? "held" : "covered",
                       fmt::join(top.reps, ", "), time ? "s" : "m", describe_load(top.load));
}

// Timed holds and carries climb through the exercise's time or distance range
// by its step; once every set reaches the top the load goes up (a plate for a
// hold, the increment for a carry) and the sets start again at the bottom.
Suggestion progress_measured(const Exercise& exercise, const std::vector<TopSets>& judged,
                             Unit unit) {
    const auto& last = judged.back();
    const Range& range = target_range(exercise);
    const Measure measure = exercise.measure;
    const int sets = clamp_sets(exercise, last.reps.size());
    const Load same = load_in_unit(last.load, unit, exercise.progression.load_step);
    const auto text = [&](int amount) { return per_set_text(measure, amount); };
    if (last.fewest() >= range.max && complete(exercise, last)) {
        const Load next = heavier(last.load, unit, exercise);
        const std::string how = exercise.progression.added_load.empty()
                                    ? ""
                                    : fmt::format(" ({})", exercise.progression.added_load);
        return {Action::add_weight,
                fmt::format("On {}; every set reached the top of the {}-{} range, so add {}{} "
                            "and start again from {}.",
                            describe_measured(exercise, last), text(range.min), text(range.max),
                            added_text(last.load, next), how, text(range.min)),
                {sets, range.min, next, {}, measure},
                std::nullopt};
    }
    const bool short_twice = judged.size() >= 2 && last.fewest() < range.min &&
                             judged[judged.size() - 2].fewest() < range.min &&
                             same_bar(exercise, last.load, judged[judged.size() - 2].load);
    if (short_twice && last.load.kind != LoadKind::bodyweight) {
        const Load next = lighter(last.load, 0.9, unit, exercise);
        return {Action::deload,
                fmt::format("On {} and {} a set stayed under {} at {}: {} to {} and build back "
                            "up from {}.",
                            format_date(judged[judged.size() - 2].date), format_date(last.date),
                            text(range.min), describe_load(last.load),
                            dropped_text(last.load, next), describe_load(next), text(range.min)),
                {sets, range.min, next, {}, measure},
                std::nullopt};
    }
    const int target = std::min(last.fewest() + target_step(exercise), range.max);
    NextSession next = aim_each_set(sets, last.reps, target, same);
    next.measure = measure;
    return {
        measure == Measure::time ? Action::add_time : Action::add_distance,
        fmt::format("On {}; stay at {} and aim for {}: when every set reaches {}, add "
                    "weight.{}",
                    describe_measured(exercise, last), load_in_reason(last.load, unit, exercise),
                    next_notation(next), text(range.max), incomplete_text(exercise, last)),
        next, std::nullopt};
}

Suggestion progress_loaded(const Exercise& exercise, const std::vector<TopSets>& judged,
                           Unit unit) {
    if (exercise.progression.scheme == Scheme::linear)
        return progress_linear(exercise, judged, unit);
    const auto& last = judged.back();
    const auto& range = exercise.progression.rep_range;
    const int sets = clamp_sets(exercise, last.reps.size());
    const Load same = load_in_unit(last.load, unit, exercise.progression.load_step);
    if (last.fewest() >= range.max && complete(exercise, last))
        return up_from_the_top(exercise, last, unit);
    if (stalled_twice(exercise, judged)) return deload(exercise, judged, unit);
    if (last.fewest() < range.min) {
        const NextSession next = aim_each_set(sets, last.reps, range.min, same);
        return {Action::keep,
                fmt::format("On {}; a set fell short of {} reps, so stay at {} and aim for {}.",
                            describe(last), range.min, load_in_reason(last.load, unit, exercise),
                            aim_text(next)),
                next, std::nullopt};
    }
    const int target = std::min(last.fewest() + 1, range.max);
    const NextSession next = aim_each_set(sets, last.reps, target, same);
    return {Action::add_reps,
            fmt::format("On {}; stay at {} and aim for {}: when every set reaches {}, add "
                        "weight.{}",
                        describe(last), load_in_reason(last.load, unit, exercise), aim_text(next),
                        range.max, incomplete_text(exercise, last)),
            next, std::nullopt};
}

// The lightest working load of the pain day: the return starts below it, so
// logging more sets that day (heavier or not) can never make the return heavier.
std::optional<Load> lightest_working_load(const Session& session) {
    const auto sets = working_sets(session);
    if (sets.empty()) return std::nullopt;
    return std::min_element(sets.begin(), sets.end(), lighter_set)->load;
}

// Less than the bottom of the prescription in every respect: one set fewer
// than its fewest sets, one rep fewer than the bottom of the range, and about
// 80% of the lightest working load of the pain day. None of it depends on how
// much was logged that day, so more sets never make the return larger.
NextSession pain_return(const Exercise& exercise, const Session& pain_day, Unit unit) {
    const auto lightest = lightest_working_load(pain_day);
    std::optional<Load> load;
    if (lightest) load = lighter(*lightest, 0.8, unit, exercise);
    if (exercise.loading == Loading::bodyweight && !load) load = Load::bodyweight();
    return {std::max(1, exercise.prescription.sets.min - 1),
            std::max(1, target_range(exercise).min - target_step(exercise)),
            load,
            {},
            exercise.measure};
}

std::string return_text(const Exercise& exercise, const NextSession& gentle,
                        const Session& pain_day) {
    const auto lightest = lightest_working_load(pain_day);
    std::string load_text;
    if (gentle.load && lightest && gentle.load->kind == LoadKind::assisted)
        load_text = fmt::format(" at {} (more help than the {} you worked with)",
                                describe_load(*gentle.load), describe_load(*lightest));
    else if (gentle.load && lightest && gentle.load->kind != LoadKind::bodyweight)
        load_text =
            percent_of(*lightest, *gentle.load) < 100.0
                ? fmt::format(" at {} ({:.0f}% of the {} you worked with)",
                              describe_load(*gentle.load), percent_of(*lightest, *gentle.load),
                              lightest->kind == LoadKind::added
                                  ? worked_load_text(*lightest)
                                  : load_in_reason(*lightest, gentle.load->unit, exercise))
                : fmt::format(" at {}, the lightest load the {} step allows",
                              describe_load(*gentle.load),
                              describe_load({LoadKind::external, gentle.load->hundredths,
                                             gentle.load->unit}));
    return fmt::format(
        "{} set{} of {}{}, fewer sets and reps than the {}x{} at the bottom of the "
        "prescription",
        gentle.sets, gentle.sets == 1 ? "" : "s", per_set_text(exercise.measure, gentle.reps),
        load_text, exercise.prescription.sets.min,
        per_set_text(exercise.measure, target_range(exercise).min));
}

// Why the rule still holds when the exercise was trained again inside the rest.
std::string cut_short_text(const Session& pain_day, std::span<const Session> since) {
    if (since.empty()) return "";
    const Date first = since.front().date;
    return fmt::format(
        " You trained it again on {}, {} day{} after the pain: that cut the rest "
        "short, so the pain rule still holds.",
        format_date(first), days_between(pain_day.date, first),
        days_between(pain_day.date, first) == 1 ? "" : "s");
}

// The unit of the pain day's first loaded set, unless one was asked for: sets
// logged after it in the other unit must not change the rounding of the
// return, or logging more could make it heavier.
Unit pain_unit(const Session& pain_day, std::optional<Unit> asked, Unit otherwise) {
    if (asked) return *asked;
    for (const auto& set : working_sets(pain_day))
        if (set.load.kind != LoadKind::bodyweight) return set.load.unit;
    return otherwise;
}

// `since`: the sessions after the pain day, all inside its rest window.
Suggestion after_pain(const Exercise& exercise, const Session& pain_day,
                      std::span<const Session> since, Date today, Unit unit) {
    const NextSession gentle = pain_return(exercise, pain_day, unit);
    const std::string how = return_text(exercise, gentle, pain_day);
    const std::string cut_short = cut_short_text(pain_day, since);
    const Date back_on = pain_day.date + std::chrono::days{kPainRestDays};
    if (today < back_on)
        return {Action::rest,
                fmt::format("You marked pain after {} on {}: take one to two weeks off it "
                            "(back on {} at the earliest, {} at the latest), then return with "
                            "{}, and have your form checked.{}",
                            exercise.name, format_date(pain_day.date), format_date(back_on),
                            format_date(pain_day.date + std::chrono::days{kPainRestDaysMax}), how,
                            cut_short),
                gentle, back_on};
    return {
        Action::deload,
        fmt::format("You marked pain on {}, {} days ago: come back gently with {}, and stop "
                    "if it aches again.{}",
                    format_date(pain_day.date), days_between(pain_day.date, today), how, cut_short),
        gentle, std::nullopt};
}

// The latest pain session whose rule still holds: none of the sessions after
// it came once its rest window was over, since training inside the rest does
// not make the pain go away.
std::optional<std::size_t> pain_in_force(std::span<const Session> sessions) {
    for (std::size_t i = sessions.size(); i-- > 0;) {
        if (!sessions[i].pain) continue;
        const Date back_on = sessions[i].date + std::chrono::days{kPainRestDays};
        const bool returned = sessions.back().date >= back_on;
        if (returned) return std::nullopt;
        return i;
    }
    return std::nullopt;
}

// Pain elsewhere on a guarded muscle: no added weight until its window is over.
Suggestion hold_for_related_pain(const Exercise& exercise, const TopSets& last, Suggestion planned,
                                 const std::optional<RelatedPain>& related, Date today, Unit unit) {
    if (!related || planned.action != Action::add_weight) return planned;
    const Date back_on = related->date + std::chrono::days{kPainRestDays};
    if (today < related->date || today >= back_on) return planned;
    const int sets = clamp_sets(exercise, last.reps.size());
    const NextSession next =
        aim_each_set(sets, last.reps, last.fewest(),
                     load_in_unit(last.load, unit, exercise.progression.load_step));
    return {
        Action::keep,
        fmt::format("You marked pain after {} on {}, which also trains the {}: add no weight "
                    "to {} before {}, so keep {} and repeat {}.",
                    related->exercise_name, format_date(related->date), related->muscle,
                    exercise.name, format_date(back_on), describe_load(last.load), aim_text(next)),
        next, planned.not_before};
}

// The sessions in the 7 days ending today.
std::vector<Date> sessions_this_week(std::span<const Session> sessions, Date today) {
    std::vector<Date> dates;
    for (const auto& session : sessions) {
        const int age = days_between(session.date, today);
        if (age >= 0 && age < 7) dates.push_back(session.date);
    }
    return dates;
}

// The first day from `today` on when fewer than the most sessions a week fall
// in the 7 days ending on it: the day the most-th latest session drops out.
// With more sessions in the week than the most, the oldest dropping out is
// not enough, and `log` would then print a rest for the day it said was due.
Date next_due(const Exercise& exercise, std::span<const Session> sessions, Date today) {
    auto this_week = sessions_this_week(sessions, today);
    const int most = std::max(1, exercise.prescription.per_week.max);
    if (static_cast<int>(this_week.size()) < most) return today;
    std::sort(this_week.begin(), this_week.end(), std::greater<>());
    return this_week[static_cast<std::size_t>(most - 1)] + std::chrono::days{7};
}

// Rest instead when the exercise was already done its most times this week.
Suggestion limit_frequency(const Exercise& exercise, std::span<const Session> sessions, Date today,
                           Suggestion planned) {
    const Date due = next_due(exercise, sessions, today);
    if (due == today) return planned;
    const auto this_week = sessions_this_week(sessions, today);
    const int most = exercise.prescription.per_week.max;
    planned.reason = fmt::format(
        "You trained {} {} time{} in the 7 days to {} (at most {} a week): "
        "rest until {}. Then: {}",
        exercise.name, this_week.size(), this_week.size() == 1 ? "" : "s", format_date(today), most,
        format_date(due), planned.reason);
    planned.action = Action::rest;
    planned.not_before = due;
    return planned;
}

constexpr double kLightDayFraction = 0.85;
// Less than a break (kBreakDays): after a break the lighter comeback is the
// advice itself, not a light day.
constexpr int kLightDayWindowDays = 13;

// A light day is one marked with --light, or one whose working weight is
// under 85% of a working weight judged in the 14 days before it: an easy day
// on purpose, or a day off form, says nothing about what the heavier load can
// carry, so it is not judged and does not lower the next prescription.
bool lighter_than_recent(const TopSets& top, const std::vector<TopSets>& kept) {
    // A share of assistance is no share of the load: without the body weight
    // it cannot be told, so only --light marks an assisted day light.
    if (top.load.kind == LoadKind::assisted) return false;
    return std::any_of(kept.begin(), kept.end(), [&](const TopSets& before) {
        if (before.load.kind == LoadKind::assisted) return false;
        const int age = days_between(before.date, top.date);
        return age > 0 && age <= kLightDayWindowDays &&
               added_kilograms(top.load) < kLightDayFraction * added_kilograms(before.load) - 1e-9;
    });
}

// When every session was marked light there is nothing heavier to go by,
// so they are judged as they are.
std::vector<TopSets> without_light_days(const std::vector<TopSets>& judged) {
    std::vector<TopSets> kept;
    for (const auto& top : judged)
        if (!top.marked_light && !lighter_than_recent(top, kept)) kept.push_back(top);
    return kept.empty() ? judged : kept;
}

std::optional<Date> last_pain_date(std::span<const Session> recent) {
    const auto pain =
        std::find_if(recent.rbegin(), recent.rend(), [](const Session& s) { return s.pain; });
    if (pain == recent.rend()) return std::nullopt;
    return pain->date;
}

// Once the pain rule has ended, the sessions up to the end of its rest window
// are no yardstick (a session that cut the rest short included): the return
// at about 80% starts the line again, so it is not a light day, and the next
// step builds on it, not on the load that hurt.
std::vector<TopSets> since_pain(std::vector<TopSets> judged, std::span<const Session> recent) {
    const auto pain = last_pain_date(recent);
    if (!pain) return judged;
    const Date back_on = *pain + std::chrono::days{kPainRestDays};
    std::vector<TopSets> after;
    for (const auto& top : judged)
        if (top.date >= back_on) after.push_back(top);
    return after.empty() ? judged : after;
}

// The gentle return was below the prescription on purpose: the step after it
// is the prescription's bottom at the return's load, not a stall.
std::optional<Suggestion> build_up_after_return(const Exercise& exercise,
                                                const std::vector<TopSets>& judged,
                                                std::span<const Session> recent, Unit unit) {
    const auto pain = last_pain_date(recent);
    if (!pain || judged.size() != 1) return std::nullopt;
    const TopSets& back = judged.front();
    const Range& range = target_range(exercise);
    if (complete(exercise, back) && back.fewest() >= range.min) return std::nullopt;
    const int sets = exercise.prescription.sets.min;
    const int reps = exercise.progression.scheme == Scheme::linear &&
                             exercise.loading == Loading::external &&
                             exercise.measure == Measure::reps
                         ? range.max
                         : range.min;
    const Load load = load_in_unit(back.load, unit, exercise.progression.load_step);
    NextSession next{sets, reps, load, {}, exercise.measure};
    return Suggestion{Action::keep,
                      fmt::format("On {} you came back gently after the pain of {}: build back "
                                  "up with {} at {}, then progress from there.",
                                  format_date(back.date), format_date(*pain), next_notation(next),
                                  load_in_reason(back.load, unit, exercise)),
                      next, std::nullopt};
}

// Says why the latest session was not judged, when it was a light day.
std::string light_day_text(const TopSets& latest, const std::vector<TopSets>& kept) {
    if (kept.empty() || kept.back().date == latest.date) return "";
    if (latest.marked_light)
        return fmt::format("{} at {} was marked a light day, so it is not judged. ",
                           format_date(latest.date), describe_load(latest.load));
    return fmt::format(
        "{} at {} was a light day (under {:.0f}% of the {} of {}, within {} days), "
        "so it is not judged. ",
        format_date(latest.date), describe_load(latest.load), kLightDayFraction * 100,
        describe_load(kept.back().load), format_date(kept.back().date), kLightDayWindowDays);
}

// A break: this many days or more without the exercise. Coaching sources cut
// about 10% after two to three weeks off and about 20% after more than a
// month (StrongLifts deloads on any resume); two stalls with a break between
// them are not stalls in a row.
constexpr int kBreakDays = 14;
constexpr int kLongBreakDays = 28;

// The sessions since the last break between two of them: what came before a
// break says little about what can be lifted after it.
std::vector<TopSets> since_last_break(const std::vector<TopSets>& judged) {
    auto first = judged.end();
    while (first != judged.begin() &&
           (first == judged.end() || days_between((first - 1)->date, first->date) < kBreakDays))
        --first;
    return {first, judged.end()};
}

// The first session back after a break: lighter by about 10% (two weeks off
// or more) or 20% (four weeks or more), at the sets x reps a fresh start aims at.
// `last`: the last judged session, whose working weight the comeback is cut
// from; `latest`: the last session of all, light days included.
Suggestion after_break(const Exercise& exercise, const TopSets& last, Date latest, Date today,
                       Unit unit) {
    const int days = days_between(latest, today);
    const bool long_break = days >= kLongBreakDays;
    const double fraction = long_break ? 0.8 : 0.9;
    const Load load = lighter(last.load, fraction, unit, exercise);
    const auto& range = target_range(exercise);
    const int reps = exercise.progression.scheme == Scheme::linear &&
                             exercise.loading == Loading::external &&
                             exercise.measure == Measure::reps
                         ? range.max
                         : range.min;
    const int sets = clamp_sets(exercise, last.reps.size());
    std::string load_text = "at bodyweight";
    if (load.kind == LoadKind::assisted)
        load_text = fmt::format("with more help, at {}", describe_load(load));
    else if (load.kind != LoadKind::bodyweight)
        load_text = fmt::format("{:.0f}% lighter{}, at {}", 100.0 - percent_of(last.load, load),
                                on_added(last.load), describe_load(load));
    return {Action::deload,
            fmt::format("Your last {} was {} days ago ({}), a break of {} or more days: come "
                        "back {} with {}x{}, and build up again from there.",
                        exercise.name, days, format_date(latest),
                        long_break ? kLongBreakDays : kBreakDays, load_text, sets,
                        per_set_text(exercise.measure, reps)),
            {sets, reps, load, {}, exercise.measure},
            std::nullopt};
}

Unit unit_for(const std::vector<TopSets>& judged, std::optional<Unit> preferred) {
    if (preferred) return *preferred;
    for (auto it = judged.rbegin(); it != judged.rend(); ++it)
        if (it->load.kind != LoadKind::bodyweight) return it->load.unit;
    return Unit::kg;
}

}  // namespace

std::string_view action_name(Action action) {
    switch (action) {
        case Action::start:
            return "start";
        case Action::add_reps:
            return "add_reps";
        case Action::add_weight:
            return "add_weight";
        case Action::keep:
            return "keep";
        case Action::deload:
            return "deload";
        case Action::rest:
            return "rest";
        case Action::add_time:
            return "add_time";
        case Action::add_distance:
            return "add_distance";
    }
    return "keep";
}

namespace {

// Reps paused at the top are judged as reps; the judged session's pause
// carries over, so the next session is as hard per rep as the one judged.
Suggestion with_pause(const Exercise& exercise, const TopSets& judged, Suggestion suggestion) {
    if (!exercise.pause_at_top || !judged.pause_seconds) return suggestion;
    suggestion.next.pause_seconds = judged.pause_seconds;
    suggestion.reason +=
        fmt::format(" Keep the {} s pause at the top of every rep.", *judged.pause_seconds);
    return suggestion;
}

Suggestion suggest_by_rules(const Exercise& exercise, std::span<const Session> sessions, Date today,
                            std::optional<Unit> unit, const std::optional<Target>& target,
                            const std::optional<RelatedPain>& related) {
    std::vector<TopSets> judged;
    for (const auto& session : sessions)
        if (auto top = top_sets(exercise, session)) judged.push_back(*top);
    const Unit chosen = unit_for(judged, unit);
    // Only the sessions every history keeps, so progress, plan and show agree.
    const auto recent = sessions.last(std::min(sessions.size(), ExerciseHistory::kRecentSessions));
    if (const auto pain = pain_in_force(recent))
        return after_pain(exercise, recent[*pain], recent.subspan(*pain + 1), today,
                          pain_unit(recent[*pain], unit, chosen));
    if (judged.empty()) return start(exercise, target);
    const TopSets latest = judged.back();
    // Light days are found among the kept sessions alone, for the same reason.
    std::erase_if(judged, [&](const TopSets& top) { return top.date < recent.front().date; });
    judged = without_light_days(since_pain(std::move(judged), recent));
    if (days_between(latest.date, today) >= kBreakDays)
        return with_pause(exercise, judged.back(),
                          after_break(exercise, judged.back(), latest.date, today, chosen));
    judged = since_last_break(judged);
    if (auto built = build_up_after_return(exercise, judged, recent, chosen)) {
        built->reason = light_day_text(latest, judged) + built->reason;
        return limit_frequency(exercise, sessions, today,
                               with_pause(exercise, judged.back(), std::move(*built)));
    }
    Suggestion planned =
        exercise.measure != Measure::reps         ? progress_measured(exercise, judged, chosen)
        : exercise.loading == Loading::bodyweight ? progress_bodyweight(exercise, judged, chosen)
                                                  : progress_loaded(exercise, judged, chosen);
    planned =
        hold_for_related_pain(exercise, judged.back(), std::move(planned), related, today, chosen);
    planned.reason = light_day_text(latest, judged) + planned.reason;
    return limit_frequency(exercise, sessions, today,
                           with_pause(exercise, judged.back(), std::move(planned)));
}

}  // namespace

Suggestion suggest(const Exercise& exercise, std::span<const Session> sessions, Date today,
                   std::optional<Unit> unit, const std::optional<Target>& target,
                   const std::optional<RelatedPain>& related) {
    Suggestion suggestion = suggest_by_rules(exercise, sessions, today, unit, target, related);
    suggestion.next.measure = exercise.measure;  // every rule counts what the exercise measures
    return suggestion;
}

Suggestion suggest_next_time(const Exercise& exercise, std::span<const Session> sessions,
                             Date today, std::optional<Unit> unit,
                             const std::optional<RelatedPain>& related) {
    const Date due = next_due(exercise, sessions, today);
    Suggestion next = suggest(exercise, sessions, due, unit, std::nullopt, related);
    if (due > today && !next.not_before) next.not_before = due;
    return next;
}

std::string next_notation(const NextSession& next) {
    std::string notation;
    if (next.reps_per_set.empty()) {
        notation = fmt::format("{}x{}", next.sets, per_set_text(next.measure, next.reps));
    } else {
        for (const int amount : next.reps_per_set) {
            if (!notation.empty()) notation += ',';
            notation += per_set_text(next.measure, amount);
        }
    }
    // Appended piece by piece: `"@" + string` trips a false -Wrestrict in g++ 12 -O3.
    if (next.load) notation.append("@").append(format_load(*next.load));
    if (next.pause_seconds) notation.append(fmt::format(" pause{}s", *next.pause_seconds));
    return notation;
}

}  // namespace liftlog

namespace liftlog {

Suggestion suggest_from(const Exercise& exercise, const ExerciseHistory* history, Date today,
                        std::optional<Unit> unit, const std::optional<Target>& target,
                        const std::optional<RelatedPain>& related) {
    if (history == nullptr) return suggest(exercise, {}, today, unit, target, related);
    const auto sessions = history->recent_sessions();
    return suggest(exercise, sessions, today, unit, target, related);
}

// The seed guide's advice on back aches is about the back, not one machine, so
// pain on one exercise for it holds every exercise that trains it.
constexpr std::string_view kGuardedMuscle = "lower-back";

bool trains_guarded_muscle(const Exercise& exercise) {
    const auto& muscles = exercise.primary_muscles;
    return std::find(muscles.begin(), muscles.end(), kGuardedMuscle) != muscles.end();
}

std::optional<RelatedPain> related_pain(const Exercise& exercise,
                                        const std::map<std::string, Exercise>& exercises,
                                        const Histories& histories, Date today) {
    if (!trains_guarded_muscle(exercise)) return std::nullopt;
    std::optional<RelatedPain> latest;
    for (const auto& [id, history] : histories) {
        const auto other = exercises.find(id);
        if (id == exercise.id || other == exercises.end() || !trains_guarded_muscle(other->second))
            continue;
        for (const auto& session : history.recent_sessions()) {
            const int age = days_between(session.date, today);
            const bool in_window = age >= 0 && age < kPainRestDays;
            if (session.pain && in_window && (!latest || session.date > latest->date))
                latest = RelatedPain{other->second.name, "lower back", session.date};
        }
    }
    return latest;
}

}  // namespace liftlog
