#pragma once
// `liftlog import`: workout history exported by other apps (Strong, Hevy,
// FitNotes, StrongLifts) turned into log records. Pure functions over text and
// values; the command (src/cli/cmd_import.cpp) reads and writes the files.
// docs/import.md is the user-facing description of every rule here.
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "liftlog/date.hpp"
#include "liftlog/library.hpp"
#include "liftlog/load.hpp"
#include "liftlog/record.hpp"

namespace liftlog {

enum class ImportFormat { strong, hevy, fitnotes, stronglifts };

// "strong", "hevy", "fitnotes", "stronglifts": the --from names.
std::string_view import_format_name(ImportFormat format);
// "Strong", "Hevy", "FitNotes", "StrongLifts": for sentences.
std::string_view import_format_title(ImportFormat format);
std::optional<ImportFormat> parse_import_format(std::string_view name);

// A problem with the file as a whole (not CSV, a header no format matches, a
// required column missing) or with one row. `line` is 1-based; 0 for the file.
class ImportError : public std::runtime_error {
  public:
    ImportError(std::size_t line, const std::string& message)
        : std::runtime_error(message), line_(line) {}
    std::size_t line() const { return line_; }

  private:
    std::size_t line_;
};

// The format whose header this is, or nullopt.
std::optional<ImportFormat> detect_import_format(const std::vector<std::string>& header);

// A decimal number written as text: "102.5", "102,5" (with `decimal_comma`),
// "20.40". More than two decimals are rounded half away from zero to
// hundredths, and `rounded` says so. Never goes through a double. Negative
// numbers, exponents and thousands separators are refused (nullopt).
struct Decimal {
    std::int64_t hundredths = 0;
    bool rounded = false;
};
std::optional<Decimal> parse_decimal(std::string_view text, bool decimal_comma = false);

// Why a row (or, for StrongLifts, one set of a row) was not imported.
enum class SkipKind {
    rest_timer,  // Strong's "Rest Timer" rows: a pause, not a set
    cardio,      // a distance or a time: liftlog's sets hold reps and a load only
    missed,      // 0 reps, or "-" in StrongLifts: an attempted set that failed
    no_reps,     // neither reps nor distance nor time: nothing to log
    bad,         // could not be read (only imported past with --skip-bad)
};
// "rest-timer", "cardio", "missed", "no-reps", "bad".
std::string_view skip_kind_name(SkipKind kind);

struct SkippedRow {
    std::size_t line = 0;
    SkipKind kind = SkipKind::bad;
    std::string exercise;  // the source name, when the row has one
    std::string reason;    // for bad rows: what is wrong and how to fix it
};

// One set as the app exported it, before exercise names are mapped.
struct SourceSet {
    std::size_t line = 0;
    Date date{};
    std::string workout;   // identifies the app's session within the file; may be empty
    std::string exercise;  // the app's exercise name
    // Hundredths of `unit`; nullopt for a blank weight. 0 and blank are both
    // read as body weight alone.
    std::optional<std::int64_t> weight;
    Unit unit = Unit::kg;
    bool unit_stated = true;  // false: the file gave no unit and `unit` was assumed
    int reps = 0;
    std::string type = "normal";  // "normal", "warmup", "drop" or "failure"
    std::optional<double> rpe;
    // Workout, exercise and set notes, in that order, the empty ones left out.
    std::vector<std::string> notes;
};

inline constexpr std::size_t kMaxBadRowsListed = 1000;

struct ParsedImport {
    ImportFormat format = ImportFormat::strong;
    char separator = ',';
    std::size_t rows = 0;  // data rows, the header not counted
    std::vector<SourceSet> sets;
    std::vector<SkippedRow> skipped;  // rows read but not sets (not bad)
    std::vector<SkippedRow> bad;      // rows that could not be read
    // Bad rows past the first kMaxBadRowsListed: only their lines are kept,
    // so a file of a million unreadable rows takes megabytes, not gigabytes.
    std::vector<std::size_t> unlisted_bad_lines;
    std::size_t bad_rows() const { return bad.size() + unlisted_bad_lines.size(); }
    std::optional<Unit> assumed_unit;  // set when some weight had no unit in the file
    std::size_t rounded_weights = 0;   // weights with more than two decimals
};

struct ImportOptions {
    std::optional<ImportFormat> format;  // nullopt: recognised from the header
    Unit default_unit = Unit::kg;        // for weights the file gives no unit for
    Date today{};                        // rows dated later are bad rows
};

// Reads a whole export. Throws ImportError for a file that cannot be read at
// all; problems confined to one row are collected in `bad`.
ParsedImport parse_import(std::string_view text, const ImportOptions& options);

// Exercise names -------------------------------------------------------------

// The app's name lower-cased, trimmed, inner runs of blanks made one space:
// the key of a user mapping.
std::string normalise_source_name(std::string_view name);

// A kebab-case id from a name: "Hammer Strength Row" -> "hammer-strength-row",
// "Fly (Cable)" -> "fly-cable". Non-ASCII text is left out; a name with no
// ASCII letter or digit gets "custom-" and 8 hex digits of its hash.
std::string exercise_slug(std::string_view name);

// The library exercise an app's name stands for, or nullptr (docs/import.md,
// "Exercise names"): the name itself; for "Name (Equipment)" the equipment
// word put before each word of the name ("dumbbell bench press"), then the
// bare name when that exercise uses the equipment; then the name's slug.
const Exercise* match_exercise_name(const Library& library, std::string_view name);

// A user mapping file: a JSON object {"App name": "exercise-id"}. Keys are
// normalised with normalise_source_name; values resolve to library ids (an id,
// name or alias). Throws ImportError (line 0) with "did you mean" hints.
std::map<std::string, std::string> parse_name_map(std::string_view json_text,
                                                  const Library& library);

// Planning the import --------------------------------------------------------

enum class MatchKind {
    library,     // found in the library by name, alias or the equipment rule
    user_map,    // the user's mapping file named it
    custom,      // an existing custom definition (from an earlier import)
    new_custom,  // not known: a custom definition is written for it
};
// "library", "map", "custom", "new custom".
std::string_view match_kind_name(MatchKind kind);

struct NameMapping {
    std::string name;  // the app's name
    std::string exercise;
    MatchKind kind = MatchKind::library;
    std::size_t records = 0;     // new records
    std::size_t sets = 0;        // sets in the new records
    std::size_t duplicates = 0;  // records already in the log
    std::size_t replaced = 0;    // earlier imports of a record, withdrawn for its new sets
};

// A minimal exercise definition for a name the library does not know.
struct CustomExercise {
    std::string id;
    std::string name;
    Loading loading = Loading::external;
    ImportFormat from = ImportFormat::strong;
};

struct ImportPlan {
    std::vector<NameMapping> mapping;     // in order of first appearance
    std::vector<CustomExercise> customs;  // to write, only those with new records
    std::vector<Record> records;          // new records, in source order
    // Void records withdrawing the earlier import of a slot whose sets changed
    // (a day exported mid-session, then again at its end): written with
    // `records`, before them.
    std::vector<Record> voids;
    std::size_t sets = 0;        // sets in `records`
    std::size_t duplicates = 0;  // records whose id is already in the log
    // Names (each counted once) and notes kept otherwise than the file gave
    // them: hidden or control characters removed (clean_free_text), or cut to
    // kMaxExerciseNameBytes and kMaxNoteBytes (docs/import.md, "Names and notes").
    std::size_t cleaned_names = 0;
    std::size_t cleaned_notes = 0;
    std::size_t truncated_names = 0;
    std::size_t truncated_notes = 0;
};

// What the log holds, as an import sees it: only complete lines that parse
// as records count, so a line torn by a crash is imported again.
struct LogContents {
    std::unordered_set<std::string> ids;        // of records and void records
    std::unordered_set<std::string> withdrawn;  // ids that a void record names
};

struct ImportContext {
    const Library* library = nullptr;
    const std::map<std::string, std::string>* user_map = nullptr;  // may be null
    const LogContents* existing = nullptr;                         // may be null
    std::string time;                                              // the records' `time`
};

// Groups sets into records, one per slot (format, date, app workout, app
// exercise name) in source order, cleans names and notes, maps names,
// resolves loads, and leaves out records already in the log. A slot whose
// earlier import holds other sets is replaced: a void for the earlier
// record, then the new one. Pure.
ImportPlan plan_import(const ParsedImport& parsed, const ImportContext& context);

// The record id for a group, 32 hex digits: 16 of a 64-bit FNV-1a hash of its
// slot (format, date, workout, app name), then its content id.
std::string import_record_id(ImportFormat format, const std::vector<const SourceSet*>& group,
                             std::size_t occurrence);
// The id imports wrote before slots had ids (16 hex digits of a hash of the
// slot, the sets (reps, type, weight, stated unit) and `occurrence`, how many
// identical groups came before it in the file): still found as a duplicate.
std::string import_content_id(ImportFormat format, const std::vector<const SourceSet*>& group,
                              std::size_t occurrence);

// The definition file for a custom exercise (docs/exercise-format.md, "custom").
std::string custom_exercise_json(const CustomExercise& custom);

}  // namespace liftlog
