// liftlog history: every set in the log, one row per set, in date order, for
// people (a table) and for scripts (CSV, JSON lines, JSON). It also holds the
// record filters that `progress --weekly/--monthly` shares.
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <CLI/CLI.hpp>

#include <ostream>

#include "commands.hpp"
#include "liftlog/error.hpp"
#include "liftlog/text.hpp"
#include "output.hpp"
#include "reports.hpp"
#include "services.hpp"

namespace liftlog::cli {

namespace {

using nlohmann::ordered_json;

Date parse_filter_date(const std::string& option, const std::string& text) {
    if (auto date = parse_date(text)) return *date;
    throw UsageError(
        fmt::format("{} {}: not a date; write it as YYYY-MM-DD, like 2026-11-23", option, text));
}

std::set<std::string> known_muscles(const Library& library) {
    std::set<std::string> muscles;
    for (const auto& [id, exercise] : library.exercises()) {
        muscles.insert(exercise.primary_muscles.begin(), exercise.primary_muscles.end());
        muscles.insert(exercise.secondary_muscles.begin(), exercise.secondary_muscles.end());
    }
    return muscles;
}

bool trains(const Exercise& exercise, const std::string& muscle) {
    const auto has = [&](const std::vector<std::string>& list) {
        return std::find(list.begin(), list.end(), muscle) != list.end();
    };
    return has(exercise.primary_muscles) || has(exercise.secondary_muscles);
}

// The exercises whose primary or secondary muscles include `muscle`.
std::set<std::string> exercises_training(const Library& library, const std::string& typed) {
    const std::string muscle = to_lower(typed);
    const auto muscles = known_muscles(library);
    if (!muscles.contains(muscle)) {
        const std::vector<std::string> names(muscles.begin(), muscles.end());
        throw UsageError(fmt::format(
            "--muscle {}: no exercise in the library trains it{}\nKnown "
            "muscles: {}",
            typed, did_you_mean(closest_matches(muscle, names)), fmt::join(names, ", ")));
    }
    std::set<std::string> ids;
    for (const auto& [id, exercise] : library.exercises())
        if (trains(exercise, muscle)) ids.insert(id);
    return ids;
}

// True when the log holds records of exactly this exercise id.
bool log_has_exercise(Services& services, const std::string& id) {
    const auto log = services.log_path();
    if (is_stream(log)) return false;  // a pipe can be read only once
    const HistoryQuery query{services.today(), id, 0};
    return !summarize_log(log, query).histories.empty();
}

std::string resolve_exercise(Services& services, const std::string& name) {
    if (const Exercise* exercise = services.library().find_exercise(name)) return exercise->id;
    if (log_has_exercise(services, name)) return name;
    return services.library().exercise(name).id;  // throws with "did you mean"
}

std::optional<std::set<std::string>> resolve_exercises(Services& services,
                                                       const FilterOptions& options) {
    std::vector<std::string> names = options.exercises;
    names.insert(names.end(), options.more_exercises.begin(), options.more_exercises.end());
    std::optional<std::set<std::string>> ids;
    if (!names.empty()) {
        ids.emplace();
        for (const auto& name : names) ids->insert(resolve_exercise(services, name));
    }
    if (options.muscle.empty()) return ids;
    const auto training = exercises_training(services.library(), options.muscle);
    if (!ids) return training;
    std::set<std::string> both;  // the filters narrow each other
    for (const auto& id : *ids)
        if (training.contains(id)) both.insert(id);
    return both;
}

}  // namespace

bool FilterOptions::any() const {
    return !exercises.empty() || !more_exercises.empty() || !muscle.empty() || !since.empty() ||
           !until.empty();
}

void add_filter_options(CLI::App& command, FilterOptions& options, bool with_exercise_option) {
    if (with_exercise_option)
        command
            .add_option("-x,--exercise", options.more_exercises,
                        "Only this exercise (id, name or alias); repeat for more")
            ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    command.add_option("-m,--muscle", options.muscle,
                       "Only exercises that train this muscle (primary or secondary)");
    command.add_option("-b,--since", options.since, "Only from this date, YYYY-MM-DD (inclusive)");
    command.add_option("-e,--until", options.until, "Only up to this date, YYYY-MM-DD (inclusive)");
}

bool RecordFilter::matches(const Record& record) const {
    if (since && record.date < *since) return false;
    if (until && record.date > *until) return false;
    return !exercises || exercises->contains(record.exercise);
}

RecordFilter resolve_filter(Services& services, const FilterOptions& options) {
    RecordFilter filter;
    if (!options.since.empty()) filter.since = parse_filter_date("--since", options.since);
    if (!options.until.empty()) filter.until = parse_filter_date("--until", options.until);
    if (filter.since && filter.until && *filter.until < *filter.since)
        throw UsageError(
            fmt::format("--since {} is after --until {}; swap them", options.since, options.until));
    filter.exercises = resolve_exercises(services, options);
    return filter;
}

namespace {

// The stable columns of `history --format csv`, and the keys of its JSON.
const std::vector<std::string> kHistoryColumns = {"date", "exercise",  "set_number", "reps",
                                                  "load", "load_kind", "unit",       "warmup",
                                                  "rpe",  "pain",      "note",       "record_id"};

std::string rpe_text(const std::optional<double>& rpe) {
    return rpe ? fmt::format("{}", *rpe) : "";
}

ordered_json rpe_json(const std::optional<double>& rpe) {
    if (!rpe) return nullptr;
    if (*rpe == static_cast<int>(*rpe)) return static_cast<int>(*rpe);  // 8, not 8.0
    return *rpe;
}

bool has_amount(const Load& load) {
    return load.kind != LoadKind::bodyweight;
}

std::vector<std::string> csv_row(const Record& record, std::size_t index) {
    const SetEntry& set = record.sets[index];
    return {format_date(record.date),
            record.exercise,
            std::to_string(index + 1),
            std::to_string(set.reps),
            has_amount(set.load) ? format_amount(set.load.hundredths) : "",
            std::string(load_kind_name(set.load.kind)),
            has_amount(set.load) ? std::string(unit_name(set.load.unit)) : "",
            set.warmup ? "true" : "false",
            rpe_text(record.rpe),
            record.pain ? "true" : "false",
            record.note.value_or(""),
            record.id};
}

ordered_json json_row(const Record& record, std::size_t index) {
    const SetEntry& set = record.sets[index];
    const bool amount = has_amount(set.load);
    return {{"date", format_date(record.date)},
            {"exercise", record.exercise},
            {"set_number", index + 1},
            {"reps", set.reps},
            {"load", amount ? amount_json(set.load.hundredths) : ordered_json(nullptr)},
            {"load_kind", load_kind_name(set.load.kind)},
            {"unit", amount ? ordered_json(unit_name(set.load.unit)) : ordered_json(nullptr)},
            {"warmup", set.warmup},
            {"rpe", rpe_json(record.rpe)},
            {"pain", record.pain},
            {"note", record.note ? ordered_json(*record.note) : ordered_json(nullptr)},
            {"record_id", record.id}};
}

// The table repeats date and exercise on every row; what belongs to the whole
// record (RPE, pain, note, id) is shown on its first set only.
std::vector<std::string> text_row(const Record& record, std::size_t index) {
    const SetEntry& set = record.sets[index];
    const bool first = index == 0;
    return {format_date(record.date),
            record.exercise,
            std::to_string(index + 1),
            std::to_string(set.reps),
            format_load(set.load),
            set.warmup ? "yes" : "",
            first ? rpe_text(record.rpe) : "",
            first && record.pain ? "yes" : "",
            first ? record.note.value_or("") : "",
            first ? record.id : ""};
}

// Prints each set as it comes, except the table, which needs every row to
// align its columns.
class HistoryPrinter {
  public:
    HistoryPrinter(OutputFormat format, std::ostream& out) : format_(format), out_(out) {
        if (format_ == OutputFormat::csv) csv_.emplace(out_, kHistoryColumns);
        if (format_ == OutputFormat::json) json_.emplace(out_);
    }

    void add(const Record& record) {
        for (std::size_t i = 0; i < record.sets.size(); ++i) {
            ++rows_;
            if (format_ == OutputFormat::csv) csv_->row(csv_row(record, i));
            if (format_ == OutputFormat::jsonl) print_jsonl(out_, json_row(record, i));
            if (format_ == OutputFormat::json) json_->add(json_row(record, i));
            if (format_ == OutputFormat::text) table_.add_row(text_row(record, i));
        }
    }

    void finish() {
        if (json_) json_->finish();
        if (format_ == OutputFormat::text && rows_ > 0) table_.print(out_);
        out_.flush();
    }

    std::size_t rows() const { return rows_; }

  private:
    OutputFormat format_;
    std::ostream& out_;
    std::optional<CsvWriter> csv_;
    std::optional<JsonArrayWriter> json_;
    Table table_{
        {"DATE", "EXERCISE", "SET", "REPS", "LOAD", "WARMUP", "RPE", "PAIN", "NOTE", "ID"}};
    std::size_t rows_ = 0;
};

void run_history(Services& services, const FilterOptions& options) {
    const RecordFilter filter = resolve_filter(services, options);
    HistoryPrinter printer(services.format(), services.out());
    const LogSummary summary = for_each_counted_record_by_date(
        services.log_path(), services.today(),
        [&filter](const Record& record) { return filter.matches(record); },
        [&printer](const Record& record) { printer.add(record); });
    report_bad_lines(summary, services.issue_reporter());
    printer.finish();
    if (printer.rows() > 0 || services.format() != OutputFormat::text) return;
    services.err() << (options.any() ? "No sets match; run 'liftlog history' without filters to "
                                       "see every set.\n"
                                     : "The log has no entries yet; add one with: liftlog log "
                                       "EXERCISE SETS\n");
}

}  // namespace

void add_history_command(CLI::App& app, Services& services) {
    auto options = std::make_shared<FilterOptions>();
    CLI::App* command = app.add_subcommand(
        "history", "Every set in the log, one row per set, in date order (CSV and JSON too)");
    command->add_option("exercise", options->exercises, "Only these exercises (id, name or alias)")
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    add_filter_options(*command, *options, true);
    services.declare_formats("history", {OutputFormat::text, OutputFormat::json, OutputFormat::csv,
                                         OutputFormat::jsonl});
    command->footer(
        "Examples:\n  liftlog history deadlift --since 2026-11-01\n  liftlog history --muscle "
        "glutes -b 2026-01-01 -e 2026-06-30\n  liftlog history --format csv > sets.csv\n  liftlog "
        "history --format jsonl | jq -s 'map(.reps) | add'");
    command->callback([&services, options] { run_history(services, *options); });
}

}  // namespace liftlog::cli
