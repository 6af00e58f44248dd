// liftlog import FILE: workout history exported by Strong, Hevy, FitNotes or
// StrongLifts, appended to the log in one locked write (docs/import.md).
#include <unistd.h>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ostream>
#include <sstream>

#include "commands.hpp"
#include "invocation.hpp"
#include "liftlog/error.hpp"
#include "liftlog/files.hpp"
#include "liftlog/import.hpp"
#include "liftlog/import_stream.hpp"
#include "liftlog/library_loader.hpp"
#include "liftlog/set_notation.hpp"
#include "liftlog/text.hpp"
#include "output.hpp"

namespace liftlog::cli {

namespace {

namespace fs = std::filesystem;

constexpr std::size_t kMaxFileBytes = std::size_t{256} << 20;
constexpr std::size_t kBadRowsShown = 20;

// Says what was wrong with a file that could not be read whole.
void check_read(const std::string& path, const FileRead& read, const char* what) {
    switch (read.problem) {
        case FileRead::Problem::none:
            return;
        case FileRead::Problem::directory:
            throw UsageError(fmt::format("{}: is a directory; give the {} file", path, what));
        case FileRead::Problem::too_large:
            throw Failure(
                fmt::format("{}: larger than {} MiB; split the export", path, kMaxFileBytes >> 20));
        default:
            throw UsageError(fmt::format("{}: cannot read it: {}; give the {} file", path,
                                         std::strerror(read.error ? read.error : ENOENT), what));
    }
}

std::string read_whole(const std::string& path, const char* what) {
    FileRead read = read_file_bounded(path, kMaxFileBytes, FileKinds::readable_streams);
    check_read(path, read, what);
    return std::move(read.content);
}

// The export is read a buffer at a time and each row parsed as it comes:
// memory follows what the import keeps, not the file's size.
ParsedImport parse_export_file(const std::string& path, const ImportOptions& options) {
    ImportStream stream(options);
    const FileRead read =
        read_file_in_chunks(path, kMaxFileBytes, FileKinds::readable_streams,
                            [&stream](std::string_view chunk) { stream.feed(chunk); });
    check_read(path, read, "exported CSV");
    return stream.finish();
}

// Distinct line numbers: a StrongLifts row can hold several missed sets.
std::string line_list(std::vector<std::size_t> lines) {
    constexpr std::size_t kShown = 10;
    std::sort(lines.begin(), lines.end());
    lines.erase(std::unique(lines.begin(), lines.end()), lines.end());
    if (lines.size() == 1) return fmt::format("line {}", lines[0]);
    std::string text = "lines ";
    for (std::size_t i = 0; i < lines.size() && i < kShown; ++i)
        text += (i == 0 ? "" : ", ") + std::to_string(lines[i]);
    if (lines.size() > kShown) text += fmt::format(" and {} more", lines.size() - kShown);
    return text;
}

// The rows skipped, counted by kind: `rows` and the bad rows kept by line only.
std::map<SkipKind, std::vector<std::size_t>> skipped_by_kind(const std::vector<SkippedRow>& rows,
                                                             const ParsedImport& parsed) {
    std::map<SkipKind, std::vector<std::size_t>> kinds;
    for (const auto& row : rows) kinds[row.kind].push_back(row.line);
    auto& bad = kinds[SkipKind::bad];
    bad.insert(bad.end(), parsed.unlisted_bad_lines.begin(), parsed.unlisted_bad_lines.end());
    if (bad.empty()) kinds.erase(SkipKind::bad);
    return kinds;
}

std::string skip_kind_label(SkipKind kind, std::size_t count) {
    const char* plural = count == 1 ? "" : "s";
    switch (kind) {
        case SkipKind::rest_timer:
            return fmt::format("rest timer row{}", plural);
        case SkipKind::cardio:
            return fmt::format("cardio or timed row{}", plural);
        case SkipKind::missed:
            return fmt::format("missed set{}", plural);
        case SkipKind::no_reps:
            return fmt::format("row{} without reps", plural);
        case SkipKind::bad:
            break;
    }
    return fmt::format("bad row{}", plural);
}

ParsedImport read_export(const ImportArguments& args, const Settings& settings,
                         const Output& output) {
    ImportOptions options;
    if (!args.from.empty()) {
        options.format = parse_import_format(args.from);
        if (!options.format)
            throw UsageError(fmt::format(
                "--from {}: unknown format; use strong, hevy, fitnotes or stronglifts", args.from));
    }
    options.default_unit = settings.unit.value_or(Unit::kg);
    options.today = settings.today();
    ParsedImport parsed;
    try {
        parsed = parse_export_file(args.file, options);
    } catch (const ImportError& error) {
        throw Failure(error.line() == 0
                          ? fmt::format("{}: {}", args.file, error.what())
                          : fmt::format("{}:{}: {}", args.file, error.line(), error.what()));
    }
    const std::size_t bad_rows = parsed.bad_rows();
    if (bad_rows > 0 && !args.skip_bad) {
        std::string message =
            fmt::format("{}: {} row{} cannot be read, so nothing was imported:", args.file,
                        bad_rows, bad_rows == 1 ? "" : "s");
        for (std::size_t i = 0; i < parsed.bad.size() && i < kBadRowsShown; ++i)
            message +=
                fmt::format("\n{}:{}: {}", args.file, parsed.bad[i].line, parsed.bad[i].reason);
        if (bad_rows > kBadRowsShown)
            message += fmt::format("\n... and {} more", bad_rows - kBadRowsShown);
        message += "\nFix the rows and import again, or pass --skip-bad to import the other rows.";
        throw Failure(message);
    }
    for (const auto& row : parsed.bad)
        output.warn(fmt::format("{}:{}: skipped: {}", args.file, row.line, row.reason));
    if (!parsed.unlisted_bad_lines.empty())
        output.warn(fmt::format("{}: skipped {} more rows that cannot be read ({})", args.file,
                                parsed.unlisted_bad_lines.size(),
                                line_list(parsed.unlisted_bad_lines)));
    return parsed;
}

// The user's mapping: --map FILE, else $XDG_CONFIG_HOME/liftlog/import-names.json if present.
std::optional<std::map<std::string, std::string>> user_map(const ImportArguments& args,
                                                           const Library& library,
                                                           const std::optional<fs::path>& config) {
    std::string path = args.map;
    if (path.empty()) {
        if (!config) return std::nullopt;
        const fs::path fallback = config->parent_path() / "import-names.json";
        std::error_code error;
        if (!fs::exists(fallback, error)) return std::nullopt;
        path = fallback.string();
    }
    const std::string text = read_whole(path, "name mapping (JSON)");
    try {
        return parse_name_map(text, library);
    } catch (const ImportError& error) {
        throw Failure(fmt::format("{}: {}", path, error.what()));
    }
}

// The library as it will be once the custom definitions exist: a clash is
// found before anything is written.
void check_customs(const std::vector<fs::path>& definition_dirs,
                   const std::vector<CustomExercise>& customs, const fs::path& dir) {
    auto sources = gather_sources(definition_dirs);
    for (const auto& custom : customs)
        sources.push_back({(dir / (custom.id + ".json")).string(), DefinitionKind::exercise,
                           custom_exercise_json(custom)});
    try {
        Library::build(sources);
    } catch (const DefinitionError& error) {
        throw Failure(
            fmt::format("a custom exercise for an unknown name would not fit the "
                        "library: {}; map the name with --map",
                        error.what()));
    }
}

bool holds_exactly(const fs::path& path, const std::string& content) {
    const FileRead read = read_file_bounded(path, content.size() + 1, FileKinds::regular_only);
    return read.problem == FileRead::Problem::none && read.content == content;
}

// Writes an import's new definitions under the log's lock, next to the
// records that need them, so another import neither sees one half made nor
// takes one away. A definition already there with the same content (left by
// a run cut short, or written by the same import running at once) is used as
// it is; only files this run created are ever removed.
class CustomWriter {
  public:
    CustomWriter(const std::vector<CustomExercise>& customs, fs::path dir)
        : customs_(customs), dir_(std::move(dir)) {}

    UnderLock under_lock() {
        return {[this] { write_all(); }, [this] { remove_created(); }};
    }

  private:
    void write_all() {
        if (customs_.empty()) return;
        try {
            create_private_directories(dir_, "for the custom exercises");
            for (const auto& custom : customs_) write_one(custom);
        } catch (...) {
            remove_created();
            throw;
        }
    }

    void write_one(const CustomExercise& custom) {
        const fs::path path = dir_ / (custom.id + ".json");
        const std::string content = custom_exercise_json(custom);
        if (holds_exactly(path, content)) return;
        try {
            write_file_atomically(path, content, Durability::synced, IfExists::refuse);
            created_.push_back(path);
        } catch (const Failure&) {
            if (holds_exactly(path, content)) return;
            std::error_code error;
            if (!fs::exists(fs::symlink_status(path, error))) throw;
            throw Failure(fmt::format(
                "{} exists already with other content; nothing was imported; move it away or "
                "map the name '{}' with --map",
                path.string(), custom.name));
        }
    }

    void remove_created() noexcept {
        for (const auto& path : created_) ::unlink(path.c_str());
        created_.clear();
    }

    const std::vector<CustomExercise>& customs_;
    fs::path dir_;
    std::vector<fs::path> created_;
};

struct Outcome {
    const ImportArguments& args;
    const ParsedImport& parsed;
    const ImportPlan& plan;
    fs::path log;
    std::optional<fs::path> custom_dir;
};

nlohmann::ordered_json outcome_json(const Outcome& o) {
    using nlohmann::ordered_json;
    ordered_json mapping = ordered_json::array();
    for (const auto& m : o.plan.mapping)
        mapping.push_back({{"name", m.name},
                           {"exercise", m.exercise},
                           {"match", match_kind_name(m.kind)},
                           {"records", m.records},
                           {"sets", m.sets},
                           {"duplicates", m.duplicates},
                           {"replaced", m.replaced}});
    ordered_json counts = ordered_json::object();
    ordered_json rows = ordered_json::array();
    std::vector<SkippedRow> all = o.parsed.skipped;
    all.insert(all.end(), o.parsed.bad.begin(), o.parsed.bad.end());
    std::stable_sort(all.begin(), all.end(),
                     [](const SkippedRow& a, const SkippedRow& b) { return a.line < b.line; });
    for (const auto& [kind, lines] : skipped_by_kind(all, o.parsed))
        counts[std::string(skip_kind_name(kind))] = lines.size();
    for (const auto& row : all)
        rows.push_back({{"line", row.line},
                        {"kind", skip_kind_name(row.kind)},
                        {"exercise", row.exercise},
                        {"reason", row.reason}});
    ordered_json customs = ordered_json::array();
    for (const auto& c : o.plan.customs)
        customs.push_back(
            {{"id", c.id},
             {"name", c.name},
             {"loading", loading_name(c.loading)},
             {"file", o.custom_dir ? ordered_json((*o.custom_dir / (c.id + ".json")).string())
                                   : ordered_json(nullptr)}});
    ordered_json result = {
        {"file", o.args.file},
        {"format", import_format_name(o.parsed.format)},
        {"dry_run", o.args.dry_run},
        {"log", o.log.string()},
        {"assumed_unit", o.parsed.assumed_unit ? ordered_json(unit_name(*o.parsed.assumed_unit))
                                               : ordered_json(nullptr)},
        {"rounded_weights", o.parsed.rounded_weights},
        {"rows", o.parsed.rows},
        {"mapping", mapping},
        {"added", {{"records", o.plan.records.size()}, {"sets", o.plan.sets}}},
        {"duplicates", o.plan.duplicates},
        {"replaced", o.plan.voids.size()},
        {"cleaned", {{"names", o.plan.cleaned_names}, {"notes", o.plan.cleaned_notes}}},
        {"truncated", {{"names", o.plan.truncated_names}, {"notes", o.plan.truncated_notes}}},
        {"skipped", {{"counts", counts}, {"rows", rows}}},
        {"custom_exercises", customs}};
    if (o.args.dry_run) {
        ordered_json records = ordered_json::array();
        for (const auto& record : o.plan.records)
            records.push_back(ordered_json::parse(serialize_record(record)));
        result["records"] = records;
    }
    return result;
}

void print_text(const Outcome& o, std::ostream& out) {
    out << fmt::format("Importing {} ({} export, {} row{})\n", o.args.file,
                       import_format_title(o.parsed.format), o.parsed.rows,
                       o.parsed.rows == 1 ? "" : "s");
    if (o.parsed.assumed_unit)
        out << fmt::format(
            "Weights without a unit in the file were read as {} (--unit or LIFTLOG_UNIT sets "
            "this).\n",
            unit_name(*o.parsed.assumed_unit));
    if (o.parsed.rounded_weights > 0)
        out << fmt::format("{} weight{} with more than two decimals rounded to hundredths.\n",
                           o.parsed.rounded_weights, o.parsed.rounded_weights == 1 ? "" : "s");
    if (!o.plan.mapping.empty()) {
        out << '\n';
        Table table({"NAME IN FILE", "EXERCISE", "MATCH", "RECORDS", "SETS", "ALREADY IN LOG"});
        for (const auto& m : o.plan.mapping)
            table.add_row({m.name, m.exercise, std::string(match_kind_name(m.kind)),
                           std::to_string(m.records), std::to_string(m.sets),
                           std::to_string(m.duplicates)});
        table.print(out);
        out << '\n';
    }
    const auto records = o.plan.records.size();
    const std::string added =
        fmt::format("{} record{} ({} set{})", records, records == 1 ? "" : "s", o.plan.sets,
                    o.plan.sets == 1 ? "" : "s");
    if (o.args.dry_run) {
        out << fmt::format("Would add {} to {}; this was a dry run, nothing was written.\n", added,
                           o.log.string());
        for (const auto& record : o.plan.records)
            out << fmt::format("  {}  {}  {}\n", format_date(record.date), record.exercise,
                               format_sets(record.sets));
    } else {
        out << fmt::format("Added {} to {}.\n", added, o.log.string());
    }
    if (const auto replaced = o.plan.voids.size(); replaced > 0)
        out << fmt::format(
            "{} {} record{} imported earlier for a day and exercise whose sets have changed "
            "since (a day exported before it ended): withdrawn by void records, the new sets "
            "added.\n",
            o.args.dry_run ? "Would replace" : "Replaced", replaced, replaced == 1 ? "" : "s");
    out << fmt::format("Already in the log: {} record{} (not added again).\n", o.plan.duplicates,
                       o.plan.duplicates == 1 ? "" : "s");
    std::vector<SkippedRow> all = o.parsed.skipped;
    all.insert(all.end(), o.parsed.bad.begin(), o.parsed.bad.end());
    if (all.empty() && o.parsed.unlisted_bad_lines.empty()) {
        out << "Skipped rows: none.\n";
    } else {
        out << "Skipped:\n";
        for (const auto& [kind, lines] : skipped_by_kind(all, o.parsed))
            out << fmt::format("  {} {} ({})\n", lines.size(), skip_kind_label(kind, lines.size()),
                               line_list(lines));
    }
    if (!o.plan.customs.empty()) {
        std::vector<std::string> ids;
        for (const auto& c : o.plan.customs) ids.push_back(c.id);
        out << fmt::format("{} custom exercise{} {}: {}{}\n", ids.size(),
                           ids.size() == 1 ? "" : "s",
                           o.args.dry_run ? "would be written" : "written", fmt::join(ids, ", "),
                           o.custom_dir ? fmt::format(" (in {})", o.custom_dir->string()) : "");
    }
}

std::string plural(std::size_t count, const char* noun) {
    return fmt::format("{} {}{}", count, noun, count == 1 ? "" : "s");
}

// One warning for each way text was changed on its way in, with the counts.
void warn_about_changed_text(const std::string& file, const ImportPlan& plan,
                             const Output& output) {
    if (plan.cleaned_names + plan.cleaned_notes > 0)
        output.warn(fmt::format(
            "{}: removed control or invisible characters from {} and {}; see \"Names and "
            "notes\" in docs/import.md",
            file, plural(plan.cleaned_names, "exercise name"), plural(plan.cleaned_notes, "note")));
    if (plan.truncated_names + plan.truncated_notes > 0)
        output.warn(
            fmt::format("{}: cut {} to {} bytes and {} to {} bytes, the longest liftlog "
                        "keeps",
                        file, plural(plan.truncated_names, "exercise name"), kMaxExerciseNameBytes,
                        plural(plan.truncated_notes, "note"), kMaxNoteBytes));
}

}  // namespace

void run_import(const ImportArguments& args, const Library& library, Log& log,
                const Settings& settings, const Output& output) {
    // Before the rows are judged by today: under a wrong clock the error
    // names the clock, not rows "after today".
    const std::string time = settings.clock.timestamp();
    ParsedImport parsed = read_export(args, settings, output);
    const auto& config_dir = settings.user_definitions_dir;
    const auto names = user_map(args, library, config_dir);
    // The size the ids were read at: the append refuses to write if another
    // writer got in between, so two imports of one file cannot both add it.
    const Log::Contents existing = log.ids_present();
    ImportContext context;
    context.library = &library;
    context.user_map = names ? &*names : nullptr;
    context.existing = &existing.ids;
    context.time = time;
    const ImportPlan plan = plan_import(parsed, context);
    parsed.sets.release();  // the records hold all that is needed now
    warn_about_changed_text(args.file, plan, output);

    if (!plan.customs.empty() && !config_dir)
        throw Failure(
            "cannot tell where to write custom exercises: set HOME or XDG_CONFIG_HOME, or map "
            "every name with --map");
    if (!args.dry_run) {
        if (!plan.customs.empty())
            check_customs(settings.definition_dirs, plan.customs, *config_dir);
        CustomWriter customs(plan.customs, config_dir.value_or(fs::path()));
        // The voids that withdraw replaced records, then the records: one write.
        log.append_all({plan.voids, plan.records}, existing.size_read, customs.under_lock());
    }
    const Outcome outcome{args, parsed, plan, log.path(), config_dir};
    if (output.format() == OutputFormat::json)
        print_json(output.out(), outcome_json(outcome));
    else
        print_text(outcome, output.out());
}

Runner add_import_command(CLI::App& app) {
    auto args = std::make_shared<ImportArguments>();
    CLI::App* command = app.add_subcommand(
        "import", "Add workouts exported by Strong, Hevy, FitNotes or StrongLifts to the log");
    command->add_option("file", args->file, "The CSV file the app exported")->required();
    command->add_option(
        "--from", args->from,
        "The app: strong, hevy, fitnotes or stronglifts (default: from the header)");
    command->add_option("--map", args->map,
                        "JSON object of app names to exercise ids (default: "
                        "$XDG_CONFIG_HOME/liftlog/import-names.json)");
    command->add_flag("--skip-bad", args->skip_bad,
                      "Import the readable rows of a file with bad ones, listing those on stderr");
    command->add_flag("--dry-run", args->dry_run,
                      "Show what would be added; write nothing (no log, no custom exercises)");
    command->footer(
        "Examples:\n"
        "  liftlog import strong_workouts.csv --dry-run   see what would be added\n"
        "  liftlog import strong_workouts.csv             add it (running it again adds nothing)\n"
        "  liftlog import hevy.csv --map names.json       your names for the app's exercises\n"
        "  liftlog import FitNotes_Export.csv --skip-bad  import around rows that cannot be read\n"
        "  liftlog import export.csv --from stronglifts --format json\n"
        "Exercise names are matched by name, alias and the apps' \"Name (Equipment)\" style;\n"
        "an unknown name becomes a custom exercise in $XDG_CONFIG_HOME/liftlog/exercises/.\n"
        "Details: docs/import.md");
    return [args](Invocation& run) {
        run_import(*args, run.library(), run.log(), run.settings(), run.output());
    };
}

}  // namespace liftlog::cli
