#include "liftlog/record_reader.hpp"

#include <charconv>
#include <cstring>

namespace liftlog {

namespace {

constexpr std::int64_t kMostHundredths = 1'000'000'000;  // parse_record's limit
constexpr int kMostReps = 100'000;

// Walks a line left to right. Every read either consumes exactly what the
// canonical shape has at that point or fails, and a failure declines the line.
class Cursor {
  public:
    explicit Cursor(std::string_view text) : at_(text.data()), end_(text.data() + text.size()) {}

    bool at_end() const { return at_ == end_; }

    // A template so that each comparison has a constant length and compiles to
    // a few loads instead of a call to memcmp.
    template <std::size_t N>
    bool literal(const char (&expected)[N]) {
        constexpr std::size_t length = N - 1;
        if (static_cast<std::size_t>(end_ - at_) < length ||
            std::memcmp(at_, expected, length) != 0)
            return false;
        at_ += length;
        return true;
    }

    // The rest of a string whose opening quote was consumed, up to and
    // including its closing quote. Only printable ASCII without escapes is
    // plain; anything else (escapes, UTF-8, control bytes) is declined.
    bool plain_string(std::string_view& out) {
        const char* start = at_;
        for (; at_ != end_; ++at_) {
            const unsigned char c = static_cast<unsigned char>(*at_);
            if (c == '"') {
                out = std::string_view(start, static_cast<std::size_t>(at_ - start));
                ++at_;
                return true;
            }
            if (c < 0x20 || c > 0x7e || c == '\\') return false;
        }
        return false;
    }

    // A JSON integer part: "0" or a digit string without a leading zero.
    bool integer_digits(std::string_view& out) {
        const char* start = at_;
        while (at_ != end_ && *at_ >= '0' && *at_ <= '9') ++at_;
        out = std::string_view(start, static_cast<std::size_t>(at_ - start));
        return !out.empty() && (out.size() == 1 || out[0] != '0');
    }

    // Digits after a decimal point, if there is one.
    bool fraction_digits(std::string_view& out) {
        out = {};
        if (at_ == end_ || *at_ != '.') return true;
        const char* start = ++at_;
        while (at_ != end_ && *at_ >= '0' && *at_ <= '9') ++at_;
        out = std::string_view(start, static_cast<std::size_t>(at_ - start));
        return !out.empty();
    }

    const char* position() const { return at_; }

  private:
    const char* at_;
    const char* end_;
};

std::int64_t digits_value(std::string_view digits) {
    std::int64_t value = 0;
    for (char c : digits) value = value * 10 + (c - '0');
    return value;
}

bool read_reps(Cursor& cursor, int& reps) {
    std::string_view digits;
    if (!cursor.integer_digits(digits) || digits.size() > 6) return false;
    const std::int64_t value = digits_value(digits);
    if (value < 0 || value > kMostReps) return false;  // 0: an attempt that failed
    reps = static_cast<int>(value);
    return true;
}

bool read_seconds(Cursor& cursor, std::optional<int>& seconds) {
    std::string_view digits;
    if (!cursor.integer_digits(digits) || digits.size() > 5) return false;
    const std::int64_t value = digits_value(digits);
    if (value < 1 || value > 86400) return false;
    seconds = static_cast<int>(value);
    return true;
}

// Only reps carry a pause, as parse_record insists.
bool read_pause(Cursor& cursor, SetEntry& set) {
    std::string_view digits;
    if (set.seconds || set.distance) return false;
    if (!cursor.integer_digits(digits) || digits.size() > 2) return false;
    const std::int64_t value = digits_value(digits);
    if (value < 1 || value > kMaxPauseSeconds) return false;
    set.pause_seconds = static_cast<int>(value);
    return true;
}

// An amount with at most two decimals, exactly as parse_record would round it.
bool read_amount(Cursor& cursor, std::int64_t& hundredths) {
    std::string_view whole;
    std::string_view fraction;
    if (!cursor.integer_digits(whole) || whole.size() > 8) return false;
    if (!cursor.fraction_digits(fraction) || fraction.size() > 2) return false;
    hundredths =
        digits_value(whole) * 100 + digits_value(fraction) * (fraction.size() == 1 ? 10 : 1);
    return hundredths > 0 && hundredths <= kMostHundredths;
}

bool read_rpe(Cursor& cursor, double& rpe) {
    const char* start = cursor.position();
    std::string_view whole;
    std::string_view fraction;
    if (!cursor.integer_digits(whole) || whole.size() > 2) return false;
    if (!cursor.fraction_digits(fraction) || fraction.size() > 15) return false;
    const auto [end, error] = std::from_chars(start, cursor.position(), rpe);
    return error == std::errc{} && end == cursor.position() && valid_rpe(rpe);
}

bool read_load(Cursor& cursor, Load& load) {
    if (cursor.literal(R"({"kind":"bw"})")) {
        load = Load::bodyweight();
        return true;
    }
    if (cursor.literal(R"({"kind":"added","value":)"))
        load.kind = LoadKind::added;
    else if (cursor.literal(R"({"kind":"external","value":)"))
        load.kind = LoadKind::external;
    else if (cursor.literal(R"({"kind":"assisted","value":)"))
        load.kind = LoadKind::assisted;
    else
        return false;
    if (!read_amount(cursor, load.hundredths)) return false;
    if (cursor.literal(R"(,"unit":"kg"})"))
        load.unit = Unit::kg;
    else if (cursor.literal(R"(,"unit":"lb"})"))
        load.unit = Unit::lb;
    else
        return false;
    return true;
}

bool read_distance(Cursor& cursor, std::optional<Distance>& distance) {
    Distance read;
    if (!cursor.literal(R"({"value":)") || !read_amount(cursor, read.hundredths)) return false;
    if (cursor.literal(R"(,"unit":"m"})"))
        read.unit = DistanceUnit::m;
    else if (cursor.literal(R"(,"unit":"km"})"))
        read.unit = DistanceUnit::km;
    else if (cursor.literal(R"(,"unit":"yd"})"))
        read.unit = DistanceUnit::yd;
    else if (cursor.literal(R"(,"unit":"ft"})"))
        read.unit = DistanceUnit::ft;
    else if (cursor.literal(R"(,"unit":"mi"})"))
        read.unit = DistanceUnit::mi;
    else
        return false;
    distance = read;
    return true;
}

// What the set measured: reps, seconds or a distance, one of them.
bool read_measure(Cursor& cursor, SetEntry& set) {
    if (cursor.literal(R"({"reps":)")) return read_reps(cursor, set.reps);
    if (cursor.literal(R"({"seconds":)")) return read_seconds(cursor, set.seconds);
    return cursor.literal(R"({"distance":)") && read_distance(cursor, set.distance);
}

bool read_set(Cursor& cursor, SetEntry& set) {
    set = SetEntry{};
    if (!read_measure(cursor, set)) return false;
    if (!cursor.literal(R"(,"load":)") || !read_load(cursor, set.load)) return false;
    set.warmup = cursor.literal(R"(,"warmup":true)");
    if (cursor.literal(R"(,"type":"drop")"))
        set.type = SetType::drop;
    else if (cursor.literal(R"(,"type":"failure")"))
        set.type = SetType::failure;
    if (cursor.literal(R"(,"rpe":)") && !read_rpe(cursor, set.rpe.emplace())) return false;
    if (cursor.literal(R"(,"pause":)") && !read_pause(cursor, set)) return false;
    return cursor.literal("}");
}

bool read_sets(Cursor& cursor, std::vector<SetEntry>& sets) {
    sets.clear();
    if (!cursor.literal("[")) return false;
    do {
        if (!read_set(cursor, sets.emplace_back())) return false;
    } while (cursor.literal(","));
    return cursor.literal("]");
}

bool read_note_and_end(Cursor& cursor, Record& out) {
    std::string_view note;
    if (cursor.literal(R"(,"note":")")) {
        if (!cursor.plain_string(note)) return false;
        out.note.emplace(note);
    }
    out.pain = cursor.literal(R"(,"pain":true)");
    out.light = cursor.literal(R"(,"light":true)");
    return cursor.literal("}") && cursor.at_end();
}

bool read_void_rest(Cursor& cursor, Record& out) {
    std::string_view voids;
    if (!cursor.plain_string(voids) || voids.empty()) return false;
    out.voids.emplace(voids);
    std::string_view note;
    if (cursor.literal(R"(,"note":")")) {
        if (!cursor.plain_string(note)) return false;
        out.note.emplace(note);
    }
    return cursor.literal("}") && cursor.at_end();
}

bool read_training_rest(Cursor& cursor, Record& out) {
    std::string_view date;
    std::string_view exercise;
    if (!cursor.plain_string(date)) return false;
    const auto parsed = parse_date(date);
    if (!parsed) return false;
    out.date = *parsed;
    if (!cursor.literal(R"(,"exercise":")") || !cursor.plain_string(exercise)) return false;
    out.exercise.assign(exercise);
    if (!cursor.literal(R"(,"sets":)") || !read_sets(cursor, out.sets)) return false;
    if (cursor.literal(R"(,"rpe":)")) {
        if (!read_rpe(cursor, out.rpe.emplace())) return false;
    }
    return read_note_and_end(cursor, out);
}

void reset_optional_fields(Record& out) {
    out.version = kFirstLogFormatVersion;
    out.rpe.reset();
    out.note.reset();
    out.pain = false;
    out.light = false;
    out.voids.reset();
    out.body_weight.reset();  // body-weight records are version 2: the full parser reads them
    if (!out.unknown_fields.is_object() || !out.unknown_fields.empty())
        out.unknown_fields = nlohmann::json::object();
}

}  // namespace

bool parse_canonical_record(std::string_view line, Record& out) {
    Cursor cursor(line);
    std::string_view id;
    std::string_view time;
    if (!cursor.literal(R"({"v":1,"id":")") && !cursor.literal(R"({"v":2,"id":")")) return false;
    if (!cursor.plain_string(id)) return false;
    if (!cursor.literal(R"(,"time":")") || !cursor.plain_string(time)) return false;
    reset_optional_fields(out);
    out.id.assign(id);
    out.time.assign(time);
    if (cursor.literal(R"(,"voids":")")) {
        out.date = Date{};
        out.exercise.clear();
        out.sets.clear();
        return read_void_rest(cursor, out);
    }
    return cursor.literal(R"(,"date":")") && read_training_rest(cursor, out);
}

void parse_record_into(std::string_view line, Record& out) {
    if (!parse_canonical_record(line, out)) out = parse_record(line);
}

}  // namespace liftlog
