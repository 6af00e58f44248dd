#pragma once
// `liftlog import`: workout history exported by other apps (Strong, Hevy,
// FitNotes, StrongLifts) turned into log records. Pure functions over text and
// values; the command (src/cli/cmd_import.cpp) reads and writes the files.
// docs/import.md is the user-facing description of every rule here.
#include <array>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <span>
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

// Text that many sets share (an exercise name, a workout, a note), held once
// per import by a TextPool: a large export repeats the same few names
// hundreds of thousands of times, and a set then costs a pointer for each.
class SharedText {
  public:
    SharedText() = default;
    const std::string& str() const { return text_ ? *text_ : nothing(); }
    operator const std::string&() const { return str(); }  // NOLINT: reads as the text
    operator std::string_view() const { return str(); }    // NOLINT
    bool empty() const { return str().empty(); }
    friend bool operator==(const SharedText& a, const SharedText& b) {
        return a.text_ == b.text_ || a.str() == b.str();
    }
    friend bool operator==(const SharedText& a, std::string_view b) { return a.str() == b; }
    friend auto operator<=>(const SharedText& a, const SharedText& b) {
        return a.str() <=> b.str();
    }
    friend auto operator<=>(const SharedText& a, std::string_view b) { return a.str() <=> b; }

  private:
    friend class TextPool;
    explicit SharedText(const std::string* text) : text_(text) {}
    static const std::string& nothing() {
        static const std::string none;
        return none;
    }
    const std::string* text_ = nullptr;
};

// Gives equal texts one SharedText, valid while the pool lives.
class TextPool {
  public:
    SharedText text(std::string_view text);

  private:
    std::set<std::string, std::less<>> texts_;
};

// A set's notes: the workout's, then the exercise's or the set's, the empty
// ones left out. No app gives more than two; a third is joined to the second.
class SetNotes {
  public:
    void add(TextPool& pool, std::string_view note);
    std::size_t size() const { return notes_[1].empty() ? (notes_[0].empty() ? 0 : 1) : 2; }
    bool empty() const { return size() == 0; }
    const SharedText* begin() const { return notes_.data(); }
    const SharedText* end() const { return notes_.data() + size(); }
    const SharedText& front() const { return notes_[0]; }

  private:
    std::array<SharedText, 2> notes_;
};

// One set as the app exported it, before exercise names are mapped.
struct SourceSet {
    std::size_t line = 0;
    SharedText workout;   // identifies the app's session within the file; may be empty
    SharedText exercise;  // the app's exercise name
    // Hundredths of `unit`; nullopt for a blank weight. 0 and blank are both
    // read as body weight alone.
    std::optional<std::int64_t> weight;
    std::optional<double> rpe;
    SetNotes notes;  // workout, exercise and set notes, in that order
    Date date{};
    int reps = 0;
    Unit unit = Unit::kg;
    bool unit_stated = true;  // false: the file gave no unit and `unit` was assumed
    SetType type = SetType::normal;
};

// The sets of an import, in file order, stored in fixed-size chunks: growing
// never copies the sets read so far, so a large export needs no second copy
// of them at any moment, and a pointer to a set stays valid.
class SourceSets {
  public:
    static constexpr std::size_t kChunk = 4096;

    void push_back(SourceSet set);
    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    const SourceSet& operator[](std::size_t i) const { return chunks_[i / kChunk][i % kChunk]; }
    SourceSet& operator[](std::size_t i) { return chunks_[i / kChunk][i % kChunk]; }
    const SourceSet& back() const { return (*this)[size_ - 1]; }
    // Forgets the sets from index `n` on (those of a row that turned out bad).
    void drop_from(std::size_t n);
    // Frees every set, once the records are made.
    void release();

    class const_iterator {
      public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = SourceSet;
        using difference_type = std::ptrdiff_t;
        using pointer = const SourceSet*;
        using reference = const SourceSet&;
        const_iterator() = default;
        const_iterator(const SourceSets* sets, std::size_t index) : sets_(sets), index_(index) {}
        reference operator*() const { return (*sets_)[index_]; }
        pointer operator->() const { return &(*sets_)[index_]; }
        const_iterator& operator++() {
            ++index_;
            return *this;
        }
        const_iterator operator++(int) {
            auto before = *this;
            ++index_;
            return before;
        }
        bool operator==(const const_iterator& other) const { return index_ == other.index_; }

      private:
        const SourceSets* sets_ = nullptr;
        std::size_t index_ = 0;
    };
    const_iterator begin() const { return {this, 0}; }
    const_iterator end() const { return {this, size_}; }

  private:
    std::vector<std::unique_ptr<SourceSet[]>> chunks_;
    std::size_t size_ = 0;
};

// The sets of one record, in file order.
using SetGroup = std::span<const SourceSet* const>;

inline constexpr std::size_t kMaxBadRowsListed = 1000;

struct ParsedImport {
    ImportFormat format = ImportFormat::strong;
    char separator = ',';
    std::size_t rows = 0;  // data rows, the header not counted
    // The names, workouts and notes the sets point to; shared, so a copy of
    // the ParsedImport points into the same texts.
    std::shared_ptr<TextPool> texts = std::make_shared<TextPool>();
    SourceSets sets;
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
std::string import_record_id(ImportFormat format, SetGroup group, std::size_t occurrence);
// The id imports wrote before slots had ids (16 hex digits of a hash of the
// slot, the sets (reps, type, weight, stated unit) and `occurrence`, how many
// identical groups came before it in the file): still found as a duplicate.
std::string import_content_id(ImportFormat format, SetGroup group, std::size_t occurrence);

// The definition file for a custom exercise (docs/exercise-format.md, "custom").
std::string custom_exercise_json(const CustomExercise& custom);

}  // namespace liftlog
