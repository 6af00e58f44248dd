// The personal-record parts of `liftlog progress`: the E1RM column of the
// overview and the record table of one exercise.
#include "progress.hpp"

#include <ostream>

#include <fmt/format.h>

#include "liftlog/describe.hpp"

namespace liftlog::cli {

namespace {

// The most-reps table is long in a log with many loads; the heaviest few are
// the ones that say something about strength.
constexpr std::size_t kShownLoads = 5;

constexpr const char* kBeyondEpleyMark = "*";

std::string e1rm_text(const RecordHolder& holder, Unit unit) {
    const OneRepMax estimate = record_one_rep_max(holder);
    return format_one_rep_max(estimate, unit) +
           (estimate.beyond_epley_range ? kBeyondEpleyMark : "");
}

// "100kg", with the load as logged when it was converted: two loads logged in
// different units can round to the same shown load.
std::string load_cell(const Load& load, Unit unit, const UnitAmounts& load_step) {
    const std::string shown = format_load(load_in_unit(load, unit, load_step));
    if (load.unit == unit) return shown;
    return fmt::format("{} (logged {})", shown, format_load(load));
}

void print_heaviest_by_reps(std::ostream& out, const PersonalRecords& records, Unit unit,
                            const UnitAmounts& load_step) {
    if (records.heaviest_by_reps().empty()) return;
    out << "\nHeaviest load by reps:\n";
    Table table({"REPS", "LOAD", "DATE", "ID"});
    // A heavier load for more reps is also the best for fewer; the row then
    // says how many reps it was lifted for.
    for (const auto& [reps, standing] : records.heaviest_for_at_least_reps()) {
        const RecordHolder& best = standing.best;
        std::string load = load_cell(best.set.load, unit, load_step);
        if (best.set.reps != reps) load += fmt::format(" for {} reps", best.set.reps);
        table.add_row({std::to_string(reps), load, format_date(best.date), best.record_id});
    }
    table.print(out);
}

void print_most_reps_by_load(std::ostream& out, const PersonalRecords& records, Unit unit,
                             const UnitAmounts& load_step) {
    if (records.most_reps_by_load().empty()) return;
    out << "\nMost reps at the heaviest loads:\n";
    Table table({"LOAD", "REPS", "DATE", "ID"});
    std::size_t shown = 0;
    for (const auto& [load, standing] : records.most_reps_by_load()) {
        if (shown++ == kShownLoads) break;
        table.add_row({load_cell(load, unit, load_step), std::to_string(standing.best.set.reps),
                       format_date(standing.best.date), standing.best.record_id});
    }
    table.print(out);
}

}  // namespace

UnitAmounts load_step_of(const Exercise* exercise) {
    return exercise ? exercise->progression.load_step : UnitAmounts{};
}

std::string e1rm_cell(const ExerciseHistory& history, Unit unit) {
    const auto& best = history.records().best_e1rm();
    return best ? e1rm_text(best->best, unit) : "-";
}

std::string e1rm_cell(const ExerciseHistory& history, const BodyWeightTimeline& body_weights,
                      Unit unit) {
    const auto with_body_weight = history.best_bodyweight_e1rm(body_weights);
    if (!with_body_weight) return e1rm_cell(history, unit);
    const auto& best = history.records().best_e1rm();
    // A lift with both kinds of sets shows whichever estimate is higher.
    if (best && record_one_rep_max(best->best).kilograms > with_body_weight->estimate.kilograms)
        return e1rm_cell(history, unit);
    return format_one_rep_max(with_body_weight->estimate, unit) +
           (with_body_weight->estimate.beyond_epley_range ? kBeyondEpleyMark : "");
}

bool marks_beyond_epley(const ExerciseHistory& history) {
    const auto& best = history.records().best_e1rm();
    return best && record_one_rep_max(best->best).beyond_epley_range;
}

void print_e1rm_legend(std::ostream& out) {
    out << fmt::format(
        "{} E1RM estimated from a set of more than {} reps, where the Epley formula is "
        "unreliable\n",
        kBeyondEpleyMark, kEpleyMaxReps);
}

void print_records_text(std::ostream& out, const ExerciseHistory& history, Unit unit,
                        const UnitAmounts& load_step) {
    const PersonalRecords& records = history.records();
    if (const auto& best = records.best_e1rm()) {
        const RecordHolder& holder = best->best;
        out << fmt::format("\nBest e1RM: {} from {} @ {} on {}\n", e1rm_text(holder, unit),
                           holder.set.reps, load_cell(holder.set.load, unit, load_step),
                           format_date(holder.date));
        if (record_one_rep_max(holder).beyond_epley_range) print_e1rm_legend(out);
    }
    print_heaviest_by_reps(out, records, unit, load_step);
    print_most_reps_by_load(out, records, unit, load_step);
    if (const auto& bodyweight = records.most_bodyweight_reps())
        out << fmt::format("\nMost reps at bodyweight: {} on {}\n", bodyweight->best.set.reps,
                           format_date(bodyweight->best.date));
    if (const auto& longest = records.longest_time()) {
        const RecordHolder& best = longest->best;
        out << fmt::format("\nLongest hold: {} s at {} on {}\n", best.set.seconds.value_or(0),
                           describe_load(load_in_unit(best.set.load, unit, load_step)),
                           format_date(best.date));
    }
    if (const auto& farthest = records.longest_distance()) {
        const RecordHolder& best = farthest->best;
        out << fmt::format("\nLongest distance: {} at {} on {}\n",
                           best.set.distance ? format_distance(*best.set.distance) : "-",
                           describe_load(load_in_unit(best.set.load, unit, load_step)),
                           format_date(best.date));
    }
}

namespace {

// Whether any set of the history moved a load a rep at a time.
bool lifted(const ExerciseHistory& history, double volume) {
    return history.total_reps() > 0 || volume > 0.0;
}

}  // namespace

std::string volume_cell(const ExerciseHistory& history, const BodyWeightTimeline& body_weights,
                        Unit unit) {
    const double volume = history.volume_kg(body_weights);
    if (!lifted(history, volume)) {
        if (history.has_timed_sets()) return format_total_seconds(history.total_seconds());
        if (history.has_distance_sets()) return format_total_metres(history.total_metres());
    }
    return format_volume(volume, unit);
}

std::string totals_text(const ExerciseHistory& history, const BodyWeightTimeline* body_weights,
                        Unit unit) {
    const double volume = body_weights ? history.volume_kg(*body_weights) : history.volume_kg();
    std::string text;
    const bool timed = history.has_timed_sets();
    const bool distance = history.has_distance_sets();
    if (lifted(history, volume) || (!timed && !distance))
        text += ", volume " + format_volume(volume, unit);
    if (timed) text += ", total time " + format_total_seconds(history.total_seconds());
    if (distance) text += ", total distance " + format_total_metres(history.total_metres());
    return text;
}

}  // namespace liftlog::cli
