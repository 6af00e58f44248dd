#include "liftlog/progression.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace liftlog {

namespace {

constexpr int kPainRestDays = 7;
constexpr int kPainRestDaysMax = 14;

// The working sets done at the heaviest load of a session: the ones progression
// judges, since lighter back-off sets say little about what was possible.
struct TopSets {
    Date date{};
    Load load;
    std::vector<int> reps;

    int fewest() const { return *std::min_element(reps.begin(), reps.end()); }
    int most() const { return *std::max_element(reps.begin(), reps.end()); }
};

std::optional<TopSets> top_sets(const Session& session) {
    const auto sets = working_sets(session);
    if (sets.empty()) return std::nullopt;
    const auto heaviest =
        std::max_element(sets.begin(), sets.end(), [](const auto& a, const auto& b) {
            return added_kilograms(a.load) < added_kilograms(b.load);
        });
    TopSets top{session.date, heaviest->load, {}};
    for (const auto& set : sets)
        if (same_weight(set.load, top.load)) top.reps.push_back(set.reps);
    return top;
}

std::string describe(const TopSets& top) {
    return fmt::format("{} you did {} reps at {}", format_date(top.date), fmt::join(top.reps, ", "),
                       describe_load(top.load));
}

int clamp_sets(const Exercise& exercise, std::size_t count) {
    const auto& sets = exercise.prescription.sets;
    return std::clamp(static_cast<int>(count), sets.min, sets.max);
}

Load heavier(const Load& load, Unit unit, const Exercise& exercise) {
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
Load lighter(const Load& load, double fraction, Unit unit, const Exercise& exercise) {
    if (load.kind == LoadKind::bodyweight) return load;
    const Load current = load_in_unit(load, unit, exercise.progression.load_step);
    const std::int64_t step = exercise.progression.load_step.in(unit);
    const auto target =
        static_cast<std::int64_t>(std::llround(static_cast<double>(current.hundredths) * fraction));
    std::int64_t rounded = convert_and_round(target, unit, unit, step);
    if (rounded >= current.hundredths) rounded = current.hundredths - step;
    if (rounded <= 0) {
        if (load.kind == LoadKind::added) return Load::bodyweight();
        rounded = step;
    }
    return {load.kind, rounded, unit};
}

std::string increment_text(const Exercise& exercise, Unit unit) {
    return fmt::format("{} {}", format_amount(exercise.progression.increment.in(unit)),
                       unit_name(unit));
}

Suggestion start(const Exercise& exercise, const std::optional<Target>& target) {
    const int sets = target ? target->sets : exercise.prescription.sets.min;
    const int reps = target ? target->reps : exercise.progression.rep_range.min;
    if (exercise.loading == Loading::bodyweight)
        return {
            Action::start,
            fmt::format("No sessions of {} logged yet: start with {}x{} at bodyweight and build "
                        "up from there.",
                        exercise.name, sets, reps),
            {sets, reps, Load::bodyweight()},
            std::nullopt};
    return {Action::start,
            fmt::format("No sessions of {} logged yet: start light with {}x{}, using a load you "
                        "could lift a few more times, and let the log take it from there.",
                        exercise.name, sets, reps),
            {sets, reps, std::nullopt},
            std::nullopt};
}

// Below the bottom of the range at the same load in the last two sessions.
bool stalled_twice(const Exercise& exercise, const std::vector<TopSets>& judged) {
    if (judged.size() < 2) return false;
    const auto& last = judged[judged.size() - 1];
    const auto& before = judged[judged.size() - 2];
    const int bottom = exercise.progression.rep_range.min;
    return last.fewest() < bottom && before.fewest() < bottom &&
           same_weight(last.load, before.load);
}

Suggestion deload(const Exercise& exercise, const std::vector<TopSets>& judged, Unit unit) {
    const auto& last = judged.back();
    const int bottom = exercise.progression.rep_range.min;
    const int sets = clamp_sets(exercise, last.reps.size());
    if (last.load.kind == LoadKind::bodyweight)
        return {Action::keep,
                fmt::format("On {} and the session before, you stayed under {} reps at bodyweight: "
                            "keep bodyweight and aim for {} reps per set.",
                            format_date(last.date), bottom, bottom),
                {sets, bottom, last.load},
                std::nullopt};
    const Load next = lighter(last.load, 0.9, unit, exercise);
    return {
        Action::deload,
        fmt::format("On {} and {} you stayed under {} reps at {} (fewest {} and {}): drop about "
                    "10% to {} and build back up from {} reps.",
                    format_date(judged[judged.size() - 2].date), format_date(last.date), bottom,
                    describe_load(last.load), judged[judged.size() - 2].fewest(), last.fewest(),
                    describe_load(next), bottom),
        {sets, bottom, next},
        std::nullopt};
}

Suggestion progress_bodyweight(const Exercise& exercise, const std::vector<TopSets>& judged,
                               Unit unit) {
    const auto& last = judged.back();
    const int threshold = exercise.progression.bodyweight_threshold;
    const int sets = clamp_sets(exercise, last.reps.size());
    if (last.most() > threshold) {
        const Load next = heavier(last.load, unit, exercise);
        std::string how = exercise.progression.added_load.empty()
                              ? ""
                              : fmt::format(" ({})", exercise.progression.added_load);
        return {Action::add_weight,
                fmt::format("On {}; {} is past the {}-rep threshold, so add {}{} and start again "
                            "from {} reps.",
                            describe(last), last.most(), threshold, increment_text(exercise, unit),
                            how, exercise.progression.rep_range.min),
                {sets, exercise.progression.rep_range.min, next},
                std::nullopt};
    }
    if (stalled_twice(exercise, judged)) return deload(exercise, judged, unit);
    const int target = std::min(last.fewest() + 1, threshold + 1);
    return {Action::add_reps,
            fmt::format("On {}; keep {} and aim for {} reps per set: once a set goes past {}, "
                        "add weight.",
                        describe(last), describe_load(last.load), target, threshold),
            {sets, target, load_in_unit(last.load, unit, exercise.progression.load_step)},
            std::nullopt};
}

Suggestion progress_loaded(const Exercise& exercise, const std::vector<TopSets>& judged,
                           Unit unit) {
    const auto& last = judged.back();
    const auto& range = exercise.progression.rep_range;
    const int sets = clamp_sets(exercise, last.reps.size());
    if (last.fewest() >= range.max) {
        const Load next = heavier(last.load, unit, exercise);
        return {Action::add_weight,
                fmt::format("On {}; every set reached the top of the {}-{} rep range, so add {} "
                            "to {} and start again from {} reps.",
                            describe(last), range.min, range.max, increment_text(exercise, unit),
                            describe_load(next), range.min),
                {sets, range.min, next},
                std::nullopt};
    }
    if (stalled_twice(exercise, judged)) return deload(exercise, judged, unit);
    if (last.fewest() < range.min)
        return {Action::keep,
                fmt::format("On {}; a set fell short of {} reps, so stay at {} and aim for {} "
                            "reps per set.",
                            describe(last), range.min, describe_load(last.load), range.min),
                {sets, range.min, load_in_unit(last.load, unit, exercise.progression.load_step)},
                std::nullopt};
    const int target = std::min(last.fewest() + 1, range.max);
    return {Action::add_reps,
            fmt::format("On {}; stay at {} and aim for {} reps per set: when every set reaches "
                        "{}, add weight.",
                        describe(last), describe_load(last.load), target, range.max),
            {sets, target, load_in_unit(last.load, unit, exercise.progression.load_step)},
            std::nullopt};
}

Suggestion after_pain(const Exercise& exercise, const Session& latest, const TopSets* top,
                      Date today, Unit unit) {
    const int sets_done = top ? static_cast<int>(top->reps.size()) : exercise.prescription.sets.min;
    NextSession gentle{
        std::max(1, sets_done - 1), exercise.progression.rep_range.min,
        top ? std::optional<Load>(lighter(top->load, 0.8, unit, exercise)) : std::nullopt};
    if (exercise.loading == Loading::bodyweight && !gentle.load) gentle.load = Load::bodyweight();
    const Date back_on = latest.date + std::chrono::days{kPainRestDays};
    if (today < back_on)
        return {Action::rest,
                fmt::format("You marked pain after {} on {}: take one to two weeks off it "
                            "(back on {} at the earliest, {} at the latest), then return with "
                            "fewer sets and less load, and have your form checked.",
                            exercise.name, format_date(latest.date), format_date(back_on),
                            format_date(latest.date + std::chrono::days{kPainRestDaysMax})),
                gentle, back_on};
    return {Action::deload,
            fmt::format("You marked pain on {}, {} days ago: come back gently with fewer sets "
                        "and less load, and stop if it aches again.",
                        format_date(latest.date), days_between(latest.date, today)),
            gentle, std::nullopt};
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
// in the 7 days before it.
Date next_due(const Exercise& exercise, std::span<const Session> sessions, Date today) {
    const auto this_week = sessions_this_week(sessions, today);
    if (static_cast<int>(this_week.size()) < exercise.prescription.per_week.max) return today;
    return *std::min_element(this_week.begin(), this_week.end()) + std::chrono::days{7};
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
    }
    return "keep";
}

Suggestion suggest(const Exercise& exercise, std::span<const Session> sessions, Date today,
                   std::optional<Unit> unit, const std::optional<Target>& target) {
    std::vector<TopSets> judged;
    for (const auto& session : sessions)
        if (auto top = top_sets(session)) judged.push_back(*top);
    const Unit chosen = unit_for(judged, unit);
    if (!sessions.empty() && sessions.back().pain) {
        const auto top = top_sets(sessions.back());
        return after_pain(exercise, sessions.back(), top ? &*top : nullptr, today, chosen);
    }
    if (judged.empty()) return start(exercise, target);
    Suggestion planned = exercise.loading == Loading::bodyweight
                             ? progress_bodyweight(exercise, judged, chosen)
                             : progress_loaded(exercise, judged, chosen);
    return limit_frequency(exercise, sessions, today, std::move(planned));
}

Suggestion suggest_next_time(const Exercise& exercise, std::span<const Session> sessions,
                             Date today, std::optional<Unit> unit) {
    const Date due = next_due(exercise, sessions, today);
    Suggestion next = suggest(exercise, sessions, due, unit);
    if (due > today && !next.not_before) next.not_before = due;
    return next;
}

std::string next_notation(const NextSession& next) {
    std::string notation = fmt::format("{}x{}", next.sets, next.reps);
    // Appended piece by piece: `"@" + string` trips a false -Wrestrict in g++ 12 -O3.
    if (next.load) notation.append("@").append(format_load(*next.load));
    return notation;
}

}  // namespace liftlog

namespace liftlog {

Suggestion suggest_from(const Exercise& exercise, const ExerciseHistory* history, Date today,
                        std::optional<Unit> unit, const std::optional<Target>& target) {
    if (history == nullptr) return suggest(exercise, {}, today, unit, target);
    const auto sessions = history->recent_sessions();
    return suggest(exercise, sessions, today, unit, target);
}

}  // namespace liftlog
