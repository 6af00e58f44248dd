// liftlog log EXERCISE SETS...: append what you did, then say what comes next.
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <ostream>

#include "advice.hpp"
#include "commands.hpp"
#include "invocation.hpp"
#include "liftlog/describe.hpp"
#include "liftlog/error.hpp"
#include "liftlog/plausibility.hpp"
#include "liftlog/set_notation.hpp"
#include "liftlog/text.hpp"
#include "output.hpp"

namespace liftlog::cli {

namespace {

// --today moves the training day, but not past the clock: like --date, a
// session is logged once it is done.
void refuse_today_after_clock(const Clock& clock) {
    if (clock.today() > clock.clock_date())
        throw UsageError(fmt::format(
            "--today {}: that is after the clock's date ({}); log sessions once they are done, "
            "or set the clock right if it is behind",
            format_date(clock.today()), format_date(clock.clock_date())));
}

Date training_date(const std::string& text, bool given, Date today) {
    if (!given) return today;
    const auto date = parse_date(text);
    if (!date) throw UsageError(fmt::format("--date {}: {}", text, not_a_date_hint(today)));
    if (*date > today)
        throw UsageError(
            fmt::format("--date {}: that is after today ({}); log sessions once "
                        "they are done",
                        text, format_date(today)));
    return *date;
}

void check_optional_fields(const LogArguments& args) {
    if (args.rpe && !valid_rpe(*args.rpe))
        throw UsageError(fmt::format("--rpe {}: must be a number from 1 to 10", *args.rpe));
    if (!is_valid_utf8(args.note))
        throw UsageError("--note: not valid UTF-8 text; check your terminal's encoding");
    if (args.note.size() > kMaxNoteBytes)
        throw UsageError(fmt::format("--note: {} bytes is too long; a note holds at most {} bytes",
                                     args.note.size(), kMaxNoteBytes));
}

// Before the lookup, so that a huge argument is not searched or echoed back.
void check_exercise_argument(const std::string& name) {
    if (name.size() > kMaxExerciseNameBytes)
        throw UsageError(
            fmt::format("EXERCISE: {} bytes is too long; an exercise name holds at most {} bytes",
                        name.size(), kMaxExerciseNameBytes));
}

// Everything is checked before the log is touched, so a refused entry leaves
// the file byte-identical.
Record build_record(const Exercise& exercise, const LogArguments& args, const Settings& settings) {
    Record record;
    // The time stamp first: under a wrong clock the error names the clock,
    // not a date judged by it.
    record.time = settings.clock.timestamp();
    refuse_today_after_clock(settings.clock);
    check_optional_fields(args);
    const Date today = settings.today();
    const auto parsed = parse_set_notation(args.sets, settings.unit.value_or(Unit::kg));
    record.sets = resolve_loads(parsed, exercise.loading, exercise.id, exercise.measure,
                                exercise.pause_at_top);
    record.date = training_date(args.date, args.date_given, today);
    record.exercise = exercise.id;
    record.rpe = args.rpe;
    if (args.note_given) record.note = args.note;
    record.pain = args.pain;
    record.light = args.light;
    record.id = settings.clock.new_record_id();
    return record;
}

// The records the new entry set, and the unit to announce them in: the one
// asked for, else the unit the entry was logged in, so that an entry in pounds
// is not announced in kilograms unasked.
struct Announcement {
    std::vector<NewRecord> records;
    Unit unit = Unit::kg;
};

Announcement new_records(const ExerciseHistory& history, const Record& record,
                         std::optional<Unit> unit) {
    Announcement announcement{records_set_by(history.records(), record.id), Unit::kg};
    const auto loaded = std::find_if(record.sets.begin(), record.sets.end(), [](const SetEntry& s) {
        return s.load.kind != LoadKind::bodyweight;
    });
    announcement.unit = unit.value_or(loaded != record.sets.end() ? loaded->load.unit : Unit::kg);
    return announcement;
}

void print_logged(const Exercise& exercise, const Record& record, const Announcement& announced,
                  const Suggestion& suggestion, const Output& output) {
    const auto& step = exercise.progression.load_step;
    std::ostream& out = output.out();
    if (output.format() == OutputFormat::json) {
        nlohmann::ordered_json records = nlohmann::ordered_json::array();
        for (const auto& found : announced.records)
            records.push_back(new_record_json(found, announced.unit, step));
        nlohmann::ordered_json result = {
            {"record", nlohmann::ordered_json::parse(serialize_record(record))},
            {"records", std::move(records)},
            {"suggestion", suggestion_json(suggestion)}};
        return print_json(out, result);
    }
    out << fmt::format("Logged {} on {}: {}{}{}{} (id {})\n", exercise.id, format_date(record.date),
                       format_sets(record.sets), record.pain ? ", pain" : "",
                       record.light ? ", light day" : "",
                       record.rpe ? fmt::format(", RPE {}", *record.rpe) : "", record.id);
    for (const auto& found : announced.records)
        out << output.style().good("New record:") << ' '
            << describe_new_record(found, announced.unit, step) << '\n';
    print_suggestion(out, suggestion);
}

}  // namespace

namespace {

// Help of the lifter's whole body weight or more would lift them: a slip in
// the amount or the sign, refused before the log is touched.
void refuse_assistance_past_body_weight(const Record& record, Log& log) {
    const auto assisted =
        std::find_if(record.sets.begin(), record.sets.end(),
                     [](const SetEntry& s) { return s.load.kind == LoadKind::assisted; });
    if (assisted == record.sets.end()) return;
    const auto weight = log.body_weights().on_or_before(record.date);
    if (!weight) return;
    for (const auto& set : record.sets) {
        if (set.load.kind != LoadKind::assisted ||
            -added_kilograms(set.load) < body_weight_kilograms(weight->weight))
            continue;
        throw UsageError(fmt::format(
            "assistance of {} is not less than your body weight of {} {} (weighed {}); check "
            "the amount, or write an added load with +, as in @+10kg",
            format_load(set.load).substr(1), format_amount(weight->weight.hundredths),
            unit_name(weight->weight.unit), format_date(weight->date)));
    }
}

}  // namespace

void run_log(const LogArguments& args, const Library& library, Log& log, const Settings& settings,
             const Output& output) {
    check_exercise_argument(args.exercise);
    const Exercise& exercise = library.exercise(args.exercise);
    const Record record = build_record(exercise, args, settings);
    refuse_assistance_past_body_weight(record, log);
    log.append(record);
    const ExerciseHistory history = log.history_after_append(exercise.id);
    // Appended anyway (a real jump is possible), but a slip is easy to undo.
    const auto doubts = implausible_entry_doubts(exercise, record, history.records());
    for (const auto& doubt : doubts)
        output.warn(
            fmt::format("{}; if that is a typing slip, `liftlog undo` removes the entry", doubt));
    const auto sessions = history.recent_sessions();
    const Suggestion next =
        suggest_next_time(exercise, sessions, settings.today(), settings.unit,
                          related_pain_in_log(exercise, library, log, settings.today()));
    Announcement announced = new_records(history, record, settings.unit);
    // A questioned entry is not celebrated: its records stand, but are not announced.
    if (!doubts.empty()) announced.records.clear();
    print_logged(exercise, record, announced, next, output);
}

Runner add_log_command(CLI::App& app) {
    auto args = std::make_shared<LogArguments>();
    CLI::App* command = app.add_subcommand("log", "Append what you did to the log");
    command->add_option("exercise", args->exercise, "Exercise id, name or alias")->required();
    command->add_option("sets", args->sets, "Sets: 12, 3x12, 12,12,11, 3x5@100kg, 3x12@+10kg")
        ->required();
    command->add_option("-d,--date", args->date, "Training day, YYYY-MM-DD (default: today)")
        ->each([args](const std::string&) { args->date_given = true; });
    command->add_option("--rpe", args->rpe, "Rate of perceived exertion, 1-10");
    command->add_option("-n,--note", args->note, "A note to keep with the entry")
        ->each([args](const std::string&) { args->note_given = true; });
    command->add_flag("--pain", args->pain,
                      "Mark pain during or after the session; progression then prescribes rest");
    command->add_flag("--light", args->light,
                      "Mark a light or technique day; progression does not judge it");
    command->footer(
        "Set notation:\n"
        "  12            one set of 12 reps\n"
        "  3x12          three sets of 12\n"
        "  12,12,11      three sets (or as separate arguments: 12 12 11)\n"
        "  3x5@100kg     with a load (@225lb, @+10kg added to bodyweight, @bw)\n"
        "  5 5 5 @100kg  a load on its own applies to the sets before it\n"
        "  2x5w@60kg     a trailing w marks warm-up sets (d a drop set, f to failure)\n"
        "  5,5,0@100kg   0 reps: an attempt that failed\n"
        "  3x8@-20kg     20 kg of assistance\n"
        "  3x5@100kg rpe8  an RPE for the sets before it\n"
        "  3x60s, 1:30   timed sets; 3x40m@32kg distance sets\n"
        "Examples:\n"
        "  liftlog log back-extension 12,12,12\n"
        "  liftlog log deadlift 2x5w@60kg 3x5@100kg --rpe 8\n"
        "  liftlog log back-extension 3x10@+5kg --date 2026-11-20 --note \"slow eccentric\"\n"
        "  liftlog log back-extension 2x10 --pain\n"
        "  liftlog log deadlift 1x10@60kg --light");
    return [args](Invocation& run) {
        run_log(*args, run.library(), run.log(), run.settings(), run.output());
    };
}

}  // namespace liftlog::cli
