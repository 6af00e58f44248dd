// Reading the four export formats into SourceSets (docs/import.md, "Formats").
#include <algorithm>
#include <chrono>
#include <functional>

#include <fmt/format.h>

#include "liftlog/csv.hpp"
#include "liftlog/import.hpp"
#include "liftlog/import_stream.hpp"
#include "liftlog/set_notation.hpp"
#include "liftlog/text.hpp"

namespace liftlog {

namespace {

std::string_view trim(std::string_view text) {
    const auto blank = [](char c) { return c == ' ' || c == '\t'; };
    while (!text.empty() && blank(text.front())) text.remove_prefix(1);
    while (!text.empty() && blank(text.back())) text.remove_suffix(1);
    return text;
}

std::string header_key(std::string_view name) {
    return to_lower(trim(name));
}

// The header's columns by lower-cased name.
class Columns {
  public:
    explicit Columns(const std::vector<std::string>& header) {
        for (std::size_t i = 0; i < header.size(); ++i) names_.push_back(header_key(header[i]));
    }
    std::optional<std::size_t> find(std::string_view name) const {
        for (std::size_t i = 0; i < names_.size(); ++i)
            if (names_[i] == name) return i;
        return std::nullopt;
    }
    // The first column whose name starts with `prefix`.
    std::optional<std::size_t> find_prefix(std::string_view prefix) const {
        for (std::size_t i = 0; i < names_.size(); ++i)
            if (names_[i].starts_with(prefix)) return i;
        return std::nullopt;
    }
    const std::string& name(std::size_t index) const { return names_[index]; }
    std::size_t size() const { return names_.size(); }
    bool has(std::string_view name) const { return find(name).has_value(); }

  private:
    std::vector<std::string> names_;
};

std::string_view field(const CsvRow& row, std::optional<std::size_t> column) {
    if (!column || *column >= row.fields.size()) return {};
    return trim(row.fields[*column]);
}

[[noreturn]] void row_error(const CsvRow& row, const std::string& message) {
    throw ImportError(row.line, message);
}

// A column the format cannot do without.
std::size_t required_column(const Columns& columns, std::string_view name, ImportFormat format) {
    if (auto index = columns.find(name)) return *index;
    throw ImportError(1, fmt::format("the header has no '{}' column, which a {} export has; "
                                     "check that this is an unchanged export",
                                     name, import_format_title(format)));
}

std::optional<Date> make_date(int year, unsigned month, unsigned day) {
    // The same years the log reader accepts, so no imported line is unreadable.
    if (year < kEarliestYear || year > kLatestYear) return std::nullopt;
    const std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{month},
                                          std::chrono::day{day}};
    if (!ymd.ok()) return std::nullopt;
    return std::chrono::sys_days(ymd);
}

bool all_digits(std::string_view text) {
    return !text.empty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int to_int(std::string_view digits) {
    int value = 0;
    for (const char c : digits) value = value * 10 + (c - '0');
    return value;
}

// The rest of a date field after the day: nothing, or a time of day.
bool time_suffix(std::string_view rest) {
    if (rest.empty()) return true;
    if (rest.front() != ' ' && rest.front() != 'T' && rest.front() != ',') return false;
    rest.remove_prefix(1);
    rest = trim(rest);
    return !rest.empty() && rest.front() >= '0' && rest.front() <= '9';
}

// 2023-01-15, 2023-01-15 08:30:00, 2023-01-15T08:30:00Z, 2026/08/11 or
// "22 Dec 2025, 08:00".
std::optional<Date> parse_export_date(std::string_view text) {
    text = trim(text);
    if (text.size() >= 10 && (text[4] == '-' || text[4] == '/') && text[7] == text[4]) {
        const auto year = text.substr(0, 4);
        const auto month = text.substr(5, 2);
        const auto day = text.substr(8, 2);
        if (!all_digits(year) || !all_digits(month) || !all_digits(day) ||
            !time_suffix(text.substr(10)))
            return std::nullopt;
        return make_date(to_int(year), static_cast<unsigned>(to_int(month)),
                         static_cast<unsigned>(to_int(day)));
    }
    // "22 Dec 2025, 08:00" (Hevy)
    static const std::vector<std::string_view> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                          "jul", "aug", "sep", "oct", "nov", "dec"};
    const auto space = text.find(' ');
    if (space == std::string_view::npos || space > 2 || !all_digits(text.substr(0, space)))
        return std::nullopt;
    const int day = to_int(text.substr(0, space));
    auto rest = text.substr(space + 1);
    const auto month_end = rest.find(' ');
    if (month_end == std::string_view::npos) return std::nullopt;
    const std::string month_name = to_lower(rest.substr(0, month_end));
    // "Dec" or "December": the first three letters name the month.
    const auto month = std::find_if(kMonths.begin(), kMonths.end(), [&](std::string_view m) {
        return month_name.size() >= 3 && std::string_view(month_name).substr(0, 3) == m;
    });
    if (month == kMonths.end()) return std::nullopt;
    rest = rest.substr(month_end + 1);
    if (rest.size() < 4 || !all_digits(rest.substr(0, 4)) || !time_suffix(rest.substr(4)))
        return std::nullopt;
    return make_date(to_int(rest.substr(0, 4)), static_cast<unsigned>(month - kMonths.begin() + 1),
                     static_cast<unsigned>(day));
}

// Blank, or a number or duration that is zero ("0", "0.0", "0:00:00").
bool zero_or_blank(std::string_view text) {
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return c == '0' || c == '.' || c == ',' || c == ':'; });
}

// What every format's row reads into before it becomes a set or a skip.
class RowReader {
  public:
    RowReader(ParsedImport& out, const ImportOptions& options, bool decimal_comma)
        : out_(out), options_(options), decimal_comma_(decimal_comma) {}

    Date date(const CsvRow& row, std::string_view text, std::string_view example) const {
        if (text.empty())
            row_error(row, fmt::format("the date is empty; write it like {}", example));
        const auto date = parse_export_date(text);
        if (!date)
            row_error(row, fmt::format("'{}' is not a date; write it like {}", text, example));
        if (*date > options_.today)
            row_error(row, fmt::format("the date {} is after today ({}); correct the date, or "
                                       "pass --today if your clock is wrong",
                                       format_date(*date), format_date(options_.today)));
        return *date;
    }

    // nullopt for a blank weight.
    std::optional<std::int64_t> weight(const CsvRow& row, std::string_view text, Unit unit) {
        if (text.empty()) return std::nullopt;
        const bool negative = text.front() == '-' && text.size() > 1;
        const auto value = parse_decimal(negative ? text.substr(1) : text, decimal_comma_);
        if (!value)
            row_error(row, fmt::format("the weight '{}' is not a number; write it like {}", text,
                                       decimal_comma_ ? "102,5" : "102.5"));
        if (negative && value->hundredths != 0)
            row_error(row, fmt::format("the weight {} is negative (an assisted exercise?); liftlog "
                                       "stores added or external load only: change it to 0 for "
                                       "body weight, or leave the row out with --skip-bad",
                                       text));
        const std::int64_t max = unit == Unit::kg ? kMaxLoadHundredthsKg : kMaxLoadHundredthsLb;
        if (value->hundredths > max)
            row_error(row, fmt::format("the weight {} {} is more than liftlog accepts ({} {})",
                                       text, unit_name(unit), format_amount(max), unit_name(unit)));
        if (value->rounded) ++out_.rounded_weights;
        return value->hundredths;
    }

    // nullopt for blank reps; 0 for a missed set.
    std::optional<int> reps(const CsvRow& row, std::string_view text) const {
        if (text.empty()) return std::nullopt;
        const auto value = parse_decimal(text, decimal_comma_);
        if (!value || value->hundredths % 100 != 0)
            row_error(row,
                      fmt::format("the reps '{}' are not a whole number; write them like 8", text));
        if (value->hundredths / 100 > kMaxReps)
            row_error(row,
                      fmt::format("{} reps is more than liftlog accepts ({})", text, kMaxReps));
        return static_cast<int>(value->hundredths / 100);
    }

    std::optional<double> rpe(const CsvRow& row, std::string_view text) const {
        if (text.empty()) return std::nullopt;
        const auto value = parse_decimal(text, decimal_comma_);
        const double rpe = value ? static_cast<double>(value->hundredths) / 100.0 : 0.0;
        if (!value || !valid_rpe(rpe))
            row_error(row, fmt::format("the RPE '{}' is not a number from 1 to 10; correct it or "
                                       "leave it empty",
                                       text));
        return rpe;
    }

    // A row with its fields read: a set, or a skip for reasons of its own.
    void add(SourceSet set, std::optional<int> reps, bool distance_or_time) {
        if (distance_or_time)
            return skip(
                set, SkipKind::cardio,
                "a distance or a time (cardio or a timed hold); liftlog logs reps and load");
        if (!reps) return skip(set, SkipKind::no_reps, "no reps, distance or time");
        if (*reps == 0) return skip(set, SkipKind::missed, "0 reps: a missed set");
        set.reps = *reps;
        out_.sets.push_back(std::move(set));
    }

    void skip(const SourceSet& set, SkipKind kind, std::string reason) {
        out_.skipped.push_back({set.line, kind, set.exercise.str(), std::move(reason)});
    }

    void assume_unit() { out_.assumed_unit = options_.default_unit; }

    // Names and workouts repeat on every row: each distinct text is kept once.
    SharedText text(std::string_view text) { return out_.texts->text(text); }
    template <typename... Args>
    SharedText text_of(fmt::format_string<Args...> format, Args&&... args) {
        return out_.texts->text(fmt::format(format, std::forward<Args>(args)...));
    }
    void add_note(SetNotes& notes, std::string_view note) { notes.add(*out_.texts, trim(note)); }

  private:
    ParsedImport& out_;
    const ImportOptions& options_;
    bool decimal_comma_;
};

std::optional<Unit> unit_from_text(std::string_view text) {
    const std::string unit = to_lower(trim(text));
    if (unit == "kg" || unit == "kgs") return Unit::kg;
    if (unit == "lb" || unit == "lbs") return Unit::lb;
    return std::nullopt;
}

// "weight (kg)" -> kg; "weight" -> nullopt.
std::optional<Unit> unit_in_parentheses(std::string_view header) {
    const auto open = header.rfind('(');
    const auto close = header.rfind(')');
    if (open == std::string_view::npos || close == std::string_view::npos || close < open)
        return std::nullopt;
    return unit_from_text(header.substr(open + 1, close - open - 1));
}

// ---------------------------------------------------------------- Strong

class StrongFormat {
  public:
    StrongFormat(const Columns& columns, RowReader& reader, Unit default_unit) : reader_(reader) {
        const auto format = ImportFormat::strong;
        date_ = required_column(columns, "date", format);
        exercise_ = required_column(columns, "exercise name", format);
        set_order_ = required_column(columns, "set order", format);
        reps_ = required_column(columns, "reps", format);
        workout_ = columns.find("workout name");
        weight_ = columns.find_prefix("weight");
        if (weight_ && columns.name(*weight_) == "weight unit") weight_ = columns.find("weight");
        if (!weight_) required_column(columns, "weight", format);
        weight_unit_column_ = columns.find("weight unit");
        distance_ = columns.find_prefix("distance");
        if (distance_ && columns.name(*distance_) == "distance unit")
            distance_ = columns.find("distance");
        seconds_ = columns.find("seconds");
        notes_ = columns.find("notes");
        workout_notes_ = columns.find("workout notes");
        rpe_ = columns.find("rpe");
        if (const auto unit = unit_in_parentheses(columns.name(*weight_))) {
            unit_ = *unit;
        } else {
            unit_ = default_unit;
            unit_stated_ = false;
        }
    }

    void read(const CsvRow& row) {
        SourceSet set;
        set.line = row.line;
        set.exercise = reader_.text(field(row, exercise_));
        const std::string order = to_lower(field(row, set_order_));
        if (order == "rest timer")
            return reader_.skip(set, SkipKind::rest_timer, "a rest timer, not a set");
        set.date = reader_.date(row, field(row, date_), "2023-01-15 08:30:00");
        if (set.exercise.empty()) row_error(row, "the exercise name is empty; fill it in");
        set.workout = reader_.text_of("{}\x1f{}", field(row, date_), field(row, workout_));
        if (order == "w")
            set.type = SetType::warmup;
        else if (order == "d")
            set.type = SetType::drop;
        else if (order == "f")
            set.type = SetType::failure;
        else if (!all_digits(order))
            row_error(row, fmt::format("unknown Set Order '{}'; Strong writes a number, W "
                                       "(warm-up), D (drop set), F (failure) or Rest Timer",
                                       field(row, set_order_)));
        set.unit = unit_;
        set.unit_stated = unit_stated_;
        if (weight_unit_column_) {
            const auto text = field(row, weight_unit_column_);
            if (auto unit = unit_from_text(text)) {
                set.unit = *unit;
                set.unit_stated = true;
            } else if (!text.empty()) {
                row_error(row, fmt::format("unknown weight unit '{}'; expected kg or lbs", text));
            }
        }
        set.weight = reader_.weight(row, field(row, weight_), set.unit);
        if (!set.unit_stated && set.weight && *set.weight > 0) reader_.assume_unit();
        const auto reps = reader_.reps(row, field(row, reps_));
        set.rpe = reader_.rpe(row, field(row, rpe_));
        reader_.add_note(set.notes, field(row, workout_notes_));
        reader_.add_note(set.notes, field(row, notes_));
        const bool timed =
            !zero_or_blank(field(row, distance_)) || !zero_or_blank(field(row, seconds_));
        reader_.add(std::move(set), reps, timed);
    }

  private:
    RowReader& reader_;
    std::size_t date_ = 0, exercise_ = 0, set_order_ = 0, reps_ = 0;
    std::optional<std::size_t> workout_, weight_, weight_unit_column_, distance_, seconds_, notes_,
        workout_notes_, rpe_;
    Unit unit_ = Unit::kg;
    bool unit_stated_ = true;
};

// ---------------------------------------------------------------- Hevy

class HevyFormat {
  public:
    HevyFormat(const Columns& columns, RowReader& reader) : reader_(reader) {
        const auto format = ImportFormat::hevy;
        title_ = columns.find("title");
        start_ = required_column(columns, "start_time", format);
        exercise_ = required_column(columns, "exercise_title", format);
        set_type_ = columns.find("set_type");
        reps_ = required_column(columns, "reps", format);
        if (auto kg = columns.find("weight_kg")) {
            weight_ = *kg;
            unit_ = Unit::kg;
        } else if (auto lbs = columns.find("weight_lbs")) {
            weight_ = *lbs;
            unit_ = Unit::lb;
        } else {
            required_column(columns, "weight_kg", format);
        }
        distance_ = columns.find_prefix("distance_");
        duration_ = columns.find("duration_seconds");
        description_ = columns.find("description");
        exercise_notes_ = columns.find("exercise_notes");
        rpe_ = columns.find("rpe");
    }

    void read(const CsvRow& row) {
        SourceSet set;
        set.line = row.line;
        set.exercise = reader_.text(field(row, exercise_));
        set.date = reader_.date(row, field(row, start_), "22 Dec 2025, 08:00");
        if (set.exercise.empty()) row_error(row, "the exercise_title is empty; fill it in");
        set.workout = reader_.text_of("{}\x1f{}", field(row, start_), field(row, title_));
        const std::string type = to_lower(field(row, set_type_));
        if (type == "warmup")
            set.type = SetType::warmup;
        else if (type == "dropset")
            set.type = SetType::drop;
        else if (type == "failure")
            set.type = SetType::failure;
        else if (type != "normal" && !type.empty())
            row_error(row, fmt::format("unknown set_type '{}'; Hevy writes normal, warmup, "
                                       "dropset or failure",
                                       field(row, set_type_)));
        set.unit = unit_;
        set.weight = reader_.weight(row, field(row, weight_), unit_);
        const auto reps = reader_.reps(row, field(row, reps_));
        set.rpe = reader_.rpe(row, field(row, rpe_));
        reader_.add_note(set.notes, field(row, description_));
        reader_.add_note(set.notes, field(row, exercise_notes_));
        const bool timed =
            !zero_or_blank(field(row, distance_)) || !zero_or_blank(field(row, duration_));
        reader_.add(std::move(set), reps, timed);
    }

  private:
    RowReader& reader_;
    std::size_t start_ = 0, exercise_ = 0, reps_ = 0, weight_ = 0;
    std::optional<std::size_t> title_, set_type_, distance_, duration_, description_,
        exercise_notes_, rpe_;
    Unit unit_ = Unit::kg;
};

// ---------------------------------------------------------------- FitNotes

class FitNotesFormat {
  public:
    FitNotesFormat(const Columns& columns, RowReader& reader, Unit default_unit)
        : reader_(reader), default_unit_(default_unit) {
        const auto format = ImportFormat::fitnotes;
        date_ = required_column(columns, "date", format);
        exercise_ = required_column(columns, "exercise", format);
        weight_ = required_column(columns, "weight", format);
        unit_ = required_column(columns, "weight unit", format);
        reps_ = required_column(columns, "reps", format);
        distance_ = columns.find("distance");
        time_ = columns.find("time");
        comment_ = columns.find("comment");
    }

    void read(const CsvRow& row) {
        SourceSet set;
        set.line = row.line;
        set.exercise = reader_.text(field(row, exercise_));
        set.date = reader_.date(row, field(row, date_), "2026-08-04");
        if (set.exercise.empty()) row_error(row, "the exercise is empty; fill it in");
        const auto unit_text = field(row, unit_);
        if (auto unit = unit_from_text(unit_text)) {
            set.unit = *unit;
        } else if (unit_text.empty()) {
            set.unit = default_unit_;
            set.unit_stated = false;
        } else {
            row_error(row, fmt::format("unknown weight unit '{}'; FitNotes writes kgs or lbs",
                                       unit_text));
        }
        set.weight = reader_.weight(row, field(row, weight_), set.unit);
        const auto reps = reader_.reps(row, field(row, reps_));
        reader_.add_note(set.notes, field(row, comment_));
        const bool timed =
            !zero_or_blank(field(row, distance_)) || !zero_or_blank(field(row, time_));
        if (!set.unit_stated && set.weight && *set.weight > 0 && !timed) reader_.assume_unit();
        reader_.add(std::move(set), reps, timed);
    }

  private:
    RowReader& reader_;
    Unit default_unit_;
    std::size_t date_ = 0, exercise_ = 0, weight_ = 0, unit_ = 0, reps_ = 0;
    std::optional<std::size_t> distance_, time_, comment_;
};

// ---------------------------------------------------------------- StrongLifts

class StrongLiftsFormat {
  public:
    StrongLiftsFormat(const Columns& columns, RowReader& reader) : reader_(reader) {
        const auto format = ImportFormat::stronglifts;
        date_ = columns.find_prefix("date");
        if (!date_) required_column(columns, "date (yyyy/mm/dd)", format);
        exercise_ = required_column(columns, "exercise", format);
        workout_ = columns.find("workout");
        workout_name_ = columns.find("workout name");
        notes_ = columns.find("notes");
        for (int n = 1;; ++n) {
            const auto reps = columns.find(fmt::format("set {} (reps)", n));
            if (!reps) break;
            Column column{*reps, std::nullopt, Unit::kg};
            for (const auto* unit : {"kg", "lb", "lbs"})
                if (auto weight = columns.find(fmt::format("set {} ({})", n, unit))) {
                    column.weight = weight;
                    column.unit = *unit_from_text(unit);
                }
            sets_.push_back(column);
        }
        if (sets_.empty()) required_column(columns, "set 1 (reps)", format);
    }

    void read(const CsvRow& row) {
        SourceSet common;
        common.line = row.line;
        common.exercise = reader_.text(field(row, exercise_));
        common.date = reader_.date(row, field(row, date_), "2026/08/11");
        if (common.exercise.empty()) row_error(row, "the exercise is empty; fill it in");
        common.workout =
            reader_.text_of("{}\x1f{}", field(row, workout_), field(row, workout_name_));
        reader_.add_note(common.notes, field(row, notes_));
        // Every set is read before any is kept, so a bad row adds nothing.
        std::vector<std::pair<SourceSet, std::optional<int>>> sets;
        for (std::size_t i = 0; i < sets_.size(); ++i) {
            const auto reps_text = field(row, sets_[i].reps);
            const auto weight_text = field(row, sets_[i].weight);
            if (reps_text.empty() && weight_text.empty()) continue;
            SourceSet set = common;
            set.unit = sets_[i].unit;
            set.weight = reader_.weight(row, weight_text, set.unit);
            const auto reps =
                reps_text == "-" ? std::optional<int>(0) : reader_.reps(row, reps_text);
            sets.emplace_back(std::move(set), reps.value_or(0));
        }
        for (std::size_t i = 0; i < sets.size(); ++i) {
            auto& [set, reps] = sets[i];
            if (reps == 0) {
                reader_.skip(set, SkipKind::missed,
                             fmt::format("set {}: a missed set (- or 0 reps)", i + 1));
                continue;
            }
            reader_.add(std::move(set), reps, false);
        }
    }

  private:
    struct Column {
        std::size_t reps;
        std::optional<std::size_t> weight;
        Unit unit;
    };
    RowReader& reader_;
    std::optional<std::size_t> date_, workout_, workout_name_, notes_;
    std::size_t exercise_ = 0;
    std::vector<Column> sets_;
};

}  // namespace

std::string_view import_format_name(ImportFormat format) {
    switch (format) {
        case ImportFormat::strong:
            return "strong";
        case ImportFormat::hevy:
            return "hevy";
        case ImportFormat::fitnotes:
            return "fitnotes";
        case ImportFormat::stronglifts:
            break;
    }
    return "stronglifts";
}

std::string_view import_format_title(ImportFormat format) {
    switch (format) {
        case ImportFormat::strong:
            return "Strong";
        case ImportFormat::hevy:
            return "Hevy";
        case ImportFormat::fitnotes:
            return "FitNotes";
        case ImportFormat::stronglifts:
            break;
    }
    return "StrongLifts";
}

std::optional<ImportFormat> parse_import_format(std::string_view name) {
    for (const auto format : {ImportFormat::strong, ImportFormat::hevy, ImportFormat::fitnotes,
                              ImportFormat::stronglifts})
        if (to_lower(name) == import_format_name(format)) return format;
    return std::nullopt;
}

std::string_view skip_kind_name(SkipKind kind) {
    switch (kind) {
        case SkipKind::rest_timer:
            return "rest-timer";
        case SkipKind::cardio:
            return "cardio";
        case SkipKind::missed:
            return "missed";
        case SkipKind::no_reps:
            return "no-reps";
        case SkipKind::bad:
            break;
    }
    return "bad";
}

std::optional<ImportFormat> detect_import_format(const std::vector<std::string>& header) {
    const Columns columns(header);
    if (columns.has("exercise name") && columns.has("set order")) return ImportFormat::strong;
    if (columns.has("exercise_title") && columns.has("start_time")) return ImportFormat::hevy;
    if (columns.has("exercise") && columns.has("weight unit") && columns.has("reps"))
        return ImportFormat::fitnotes;
    if (columns.has("exercise") && columns.has("set 1 (reps)")) return ImportFormat::stronglifts;
    return std::nullopt;
}

std::optional<Decimal> parse_decimal(std::string_view text, bool decimal_comma) {
    std::size_t mark = std::string_view::npos;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c >= '0' && c <= '9') continue;
        if ((c == '.' || (decimal_comma && c == ',')) && mark == std::string_view::npos) {
            mark = i;
            continue;
        }
        return std::nullopt;
    }
    const auto whole = text.substr(0, mark);
    const auto fraction =
        mark == std::string_view::npos ? std::string_view() : text.substr(mark + 1);
    if (whole.empty() && fraction.empty()) return std::nullopt;
    // Leading zeros are dropped before the length check so "0000000000012" fits.
    std::string_view digits = whole;
    while (digits.size() > 1 && digits.front() == '0') digits.remove_prefix(1);
    if (digits.size() > 12) return std::nullopt;
    Decimal value;
    for (const char c : digits) value.hundredths = value.hundredths * 10 + (c - '0');
    value.hundredths *= 100;
    if (fraction.size() >= 1) value.hundredths += (fraction[0] - '0') * 10;
    if (fraction.size() >= 2) value.hundredths += fraction[1] - '0';
    if (fraction.size() > 2) {
        // Half away from zero on the third decimal; any later digit is below it.
        if (fraction[2] >= '5') ++value.hundredths;
        value.rounded = fraction.find_first_not_of('0', 2) != std::string_view::npos;
    }
    return value;
}

// The state of one import between chunks: the start of the file until its
// first line is whole (the separator is judged from it), then the CSV
// reader, and the format's reader once the header has been read.
struct ImportStream::State {
    explicit State(const ImportOptions& import_options) : options(import_options) {}

    ImportOptions options;
    ParsedImport out;
    std::string head;
    std::size_t head_scanned = 0;
    bool head_in_quotes = false;
    std::optional<CsvReader> csv;
    std::optional<RowReader> reader;
    std::optional<StrongFormat> strong;
    std::optional<HevyFormat> hevy;
    std::optional<FitNotesFormat> fitnotes;
    std::optional<StrongLiftsFormat> stronglifts;
    std::function<void(const CsvRow&)> read_row;

    void feed(std::string_view chunk) {
        if (csv) return read_csv([&] { csv->feed(chunk); });
        head.append(chunk);
        if (head_is_whole()) start();
    }

    ParsedImport finish() {
        if (!csv) start();
        read_csv([&] { csv->finish(); });
        if (!read_row)
            throw ImportError(0, "the file is empty; export your workouts from the app again");
        return std::move(out);
    }

  private:
    // The first line has ended outside quotes, or is longer than a header
    // can be (the CSV reader then refuses its field or its row). Only the
    // bytes added since the last call are looked at, however small the chunks.
    bool head_is_whole() {
        for (; head_scanned < head.size(); ++head_scanned) {
            const char c = head[head_scanned];
            if (c == '"') head_in_quotes = !head_in_quotes;
            if (!head_in_quotes && (c == '\n' || c == '\r')) return true;
        }
        return head.size() > kMaxCsvFieldBytes;
    }

    void start() {
        out.separator = detect_separator(head);
        csv.emplace(out.separator, [this](CsvRow& row) { take_row(row); });
        const std::string text = std::move(head);
        head = std::string();
        read_csv([&] { csv->feed(without_bom(text)); });
    }

    template <typename Read>
    void read_csv(Read read) {
        try {
            read();
        } catch (const CsvLimitError& error) {
            throw ImportError(error.line(), error.what());
        } catch (const CsvError& error) {
            throw ImportError(error.line(), fmt::format("not a CSV file here: {}", error.what()));
        }
    }

    void take_row(const CsvRow& row) {
        for (const auto& value : row.fields)
            if (!is_valid_utf8(value))
                throw ImportError(row.line,
                                  "not UTF-8 text; export the file again as UTF-8 (the apps' "
                                  "default)");
        if (!read_row) return read_header(row.fields);
        if (out.rows == kMaxImportRows)
            throw ImportError(
                row.line,
                fmt::format("more than {} rows, more than liftlog imports at once, so nothing "
                            "was imported; split the export into smaller files, each starting "
                            "with the header line",
                            kMaxImportRows));
        read_data_row(row);
    }

    void read_header(const std::vector<std::string>& header) {
        const auto detected = detect_import_format(header);
        if (!options.format && !detected)
            throw ImportError(1,
                              "the header does not match a Strong, Hevy, FitNotes or StrongLifts "
                              "export; name the format with --from, or export the file again");
        out.format = options.format.value_or(detected.value_or(ImportFormat::strong));
        const Columns columns(header);
        // Decimal commas go with the semicolon-separated export.
        reader.emplace(out, options, out.separator == ';');
        switch (out.format) {
            case ImportFormat::strong:
                strong.emplace(columns, *reader, options.default_unit);
                read_row = [this](const CsvRow& row) { strong->read(row); };
                break;
            case ImportFormat::hevy:
                hevy.emplace(columns, *reader);
                read_row = [this](const CsvRow& row) { hevy->read(row); };
                break;
            case ImportFormat::fitnotes:
                fitnotes.emplace(columns, *reader, options.default_unit);
                read_row = [this](const CsvRow& row) { fitnotes->read(row); };
                break;
            case ImportFormat::stronglifts:
                stronglifts.emplace(columns, *reader);
                read_row = [this](const CsvRow& row) { stronglifts->read(row); };
                break;
        }
    }

    void read_data_row(const CsvRow& row) {
        ++out.rows;
        const std::size_t sets_before = out.sets.size();
        const std::size_t skipped_before = out.skipped.size();
        const std::size_t rounded_before = out.rounded_weights;
        try {
            read_row(row);
        } catch (const ImportError& error) {
            // A bad row contributes nothing, not even the sets read before the problem.
            out.sets.drop_from(sets_before);
            out.skipped.resize(skipped_before);
            out.rounded_weights = rounded_before;
            if (out.bad.size() < kMaxBadRowsListed)
                out.bad.push_back({error.line(), SkipKind::bad, std::string(), error.what()});
            else
                out.unlisted_bad_lines.push_back(error.line());
        }
    }
};

ImportStream::ImportStream(const ImportOptions& options)
    : state_(std::make_unique<State>(options)) {}

ImportStream::~ImportStream() = default;

void ImportStream::feed(std::string_view chunk) {
    state_->feed(chunk);
}

ParsedImport ImportStream::finish() {
    return state_->finish();
}

ParsedImport parse_import(std::string_view text, const ImportOptions& options) {
    ImportStream stream(options);
    stream.feed(text);
    return stream.finish();
}

}  // namespace liftlog
