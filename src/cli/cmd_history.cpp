// liftlog history: every set in the log, one row per set, in date order, for
// people (a table) and for scripts (CSV, JSON lines, JSON).
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <CLI/CLI.hpp>

#include <ostream>

#include "commands.hpp"
#include "invocation.hpp"
#include "liftlog/describe.hpp"
#include "liftlog/error.hpp"
#include "liftlog/text.hpp"
#include "output.hpp"

namespace liftlog::cli {

namespace {

using nlohmann::ordered_json;

// The stable columns of `history --format csv`, and the keys of its JSON. New
// columns go at the end, so a script that reads them by position keeps working.
const std::vector<std::string> kHistoryColumns = {
    "date",     "exercise",      "set_number", "reps",    "load",         "load_kind", "unit",
    "warmup",   "rpe",           "pain",       "note",    "record_id",    "light",     "seconds",
    "distance", "distance_unit", "set_type",   "set_rpe", "pause_seconds"};
// The columns that hold text from the log rather than numbers or fixed words.
const std::vector<std::string> kHistoryFreeText = {"exercise", "note", "record_id"};

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

// The set's own columns, added in log format 2: time, distance, type, RPE.
std::string seconds_text(const SetEntry& set) {
    return set.seconds ? std::to_string(*set.seconds) : "";
}

std::string distance_text(const SetEntry& set) {
    return set.distance ? format_amount(set.distance->hundredths) : "";
}

std::string distance_unit_text(const SetEntry& set) {
    return set.distance ? std::string(distance_unit_name(set.distance->unit)) : "";
}

std::string set_type_text(const SetEntry& set) {
    return std::string(set_type_name(set.warmup ? SetType::warmup : set.type));
}

// "5", "0", "60s", "40m", with d or f for a drop or failure set, as `log` takes it.
std::string reps_cell(const SetEntry& set) {
    std::string text = set.seconds    ? format_seconds(*set.seconds)
                       : set.distance ? format_distance(*set.distance)
                                      : std::to_string(set.reps);
    if (set.type == SetType::drop) text += 'd';
    if (set.type == SetType::failure) text += 'f';
    if (set.pause_seconds) text += fmt::format(" pause{}s", *set.pause_seconds);
    return text;
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
            record.id,
            record.light ? "true" : "false",
            seconds_text(set),
            distance_text(set),
            distance_unit_text(set),
            set_type_text(set),
            rpe_text(set.rpe),
            set.pause_seconds ? std::to_string(*set.pause_seconds) : ""};
}

ordered_json json_row(const Record& record, std::size_t index) {
    const SetEntry& set = record.sets[index];
    const bool amount = has_amount(set.load);
    return {
        {"date", format_date(record.date)},
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
        {"record_id", record.id},
        {"light", record.light},
        {"seconds", set.seconds ? ordered_json(*set.seconds) : ordered_json(nullptr)},
        {"distance", set.distance ? amount_json(set.distance->hundredths) : ordered_json(nullptr)},
        {"distance_unit", set.distance ? ordered_json(distance_unit_name(set.distance->unit))
                                       : ordered_json(nullptr)},
        {"set_type", set_type_text(set)},
        {"set_rpe", rpe_json(set.rpe)},
        {"pause_seconds",
         set.pause_seconds ? ordered_json(*set.pause_seconds) : ordered_json(nullptr)}};
}

// The table repeats date and exercise on every row; what belongs to the whole
// record (RPE, pain, note, id) is shown on its first set only.
std::vector<std::string> text_row(const Record& record, std::size_t index) {
    const SetEntry& set = record.sets[index];
    const bool first = index == 0;
    return {format_date(record.date),
            record.exercise,
            std::to_string(index + 1),
            reps_cell(set),
            format_load(set.load),
            set.warmup ? "yes" : "",
            set.rpe ? rpe_text(set.rpe)
            : first ? rpe_text(record.rpe)
                    : "",
            first && record.pain ? "yes" : "",
            first ? record.note.value_or("") : "",
            first ? record.id : ""};
}

// Prints each set as it comes, except the table, which needs every row to
// align its columns.
class HistoryPrinter {
  public:
    explicit HistoryPrinter(const Output& output) : format_(output.format()), out_(output.out()) {
        if (format_ == OutputFormat::csv)
            csv_.emplace(out_, kHistoryColumns, kHistoryFreeText, csv_cells(output));
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

}  // namespace

void run_history(const FilterOptions& options, const Library& library, Log& log,
                 const Settings& settings, const Output& output) {
    const RecordFilter filter = resolve_filter(options, library, log, settings.today());
    HistoryPrinter printer(output);
    log.for_each_counted(
        Log::Order::date, [&filter](const Record& record) { return filter.matches(record); },
        [&printer](const Record& record) { printer.add(record); });
    printer.finish();
    if (printer.rows() > 0 || output.format() != OutputFormat::text) return;
    output.hint(options.any() ? "No sets match; run 'liftlog history' without filters to see every "
                                "set."
                              : kEmptyLogHint);
}

Runner add_history_command(CLI::App& app) {
    auto options = std::make_shared<FilterOptions>();
    CLI::App* command = app.add_subcommand(
        "history", "Every set in the log, one row per set, in date order (CSV and JSON too)");
    command->add_option("exercise", options->exercises, "Only these exercises (id, name or alias)")
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    add_filter_options(*command, *options, true);
    command->footer(
        "Examples:\n  liftlog history deadlift --since 2026-11-01\n  liftlog history --muscle "
        "glutes -b 2026-01-01 -e 2026-06-30\n  liftlog history --format csv > sets.csv\n  liftlog "
        "history --format jsonl | jq -s 'map(.reps) | add'");
    return [options](Invocation& run) {
        run_history(*options, run.library(), run.log(), run.settings(), run.output());
    };
}

}  // namespace liftlog::cli
