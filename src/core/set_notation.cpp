#include "liftlog/set_notation.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "liftlog/error.hpp"
#include "liftlog/text.hpp"

namespace liftlog {

namespace {

constexpr const char* kExamples = "examples: 12, 3x12, 12,12,11, 3x5@100kg, 3x12@bw, 3x10@+10kg";

// Reads one argument left to right; every error names the argument and marks
// the character where reading stopped.
class ArgumentReader {
  public:
    explicit ArgumentReader(const std::string& text) : text_(text) {}

    bool done() const { return pos_ >= text_.size(); }
    char peek() const { return done() ? '\0' : text_[pos_]; }
    bool accept(char c) {
        if (peek() != c) return false;
        ++pos_;
        return true;
    }
    std::size_t position() const { return pos_; }
    std::string_view rest() const { return std::string_view(text_).substr(pos_); }
    void skip_to_end() { pos_ = text_.size(); }
    void skip(std::size_t count) { pos_ = std::min(text_.size(), pos_ + count); }

    // Digits, saturating at a million so that huge numbers fail the range check
    // instead of overflowing.
    long long read_number(const char* what) {
        const std::size_t start = pos_;
        long long value = 0;
        while (!done() && peek() >= '0' && peek() <= '9') {
            value = std::min(value * 10 + (peek() - '0'), 1'000'000LL);
            ++pos_;
        }
        if (pos_ == start) fail(start, fmt::format("expected a whole number of {}", what));
        return value;
    }

    void check_range(std::size_t at, long long value, const char* what, int max) const {
        if (value < 1 || value > max) fail(at, fmt::format("{} must be from 1 to {}", what, max));
    }

    [[noreturn]] void fail(std::size_t at, const std::string& problem) const {
        const std::string shown = escape_for_terminal(text_);
        // The caret goes under the character, counted in code points of what is shown.
        const std::string before = escape_for_terminal(text_.substr(0, std::min(at, text_.size())));
        const auto column =
            static_cast<std::size_t>(std::count_if(before.begin(), before.end(), [](char c) {
                return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
            }));
        throw UsageError(fmt::format("bad set notation '{}': {}\n  {}\n  {:>{}}\n{}", shown,
                                     problem, shown, "^", column + 1, kExamples));
    }

  private:
    const std::string& text_;
    std::size_t pos_ = 0;
};

Load read_load(ArgumentReader& reader, Unit default_unit) {
    const std::size_t start = reader.position();
    const std::string_view rest = reader.rest();
    if (rest == "bw" || rest == "BW") {
        reader.skip_to_end();
        return Load::bodyweight();
    }
    const bool added = reader.accept('+');
    const bool assisted = !added && reader.accept('-');
    const std::string_view body = reader.rest();
    std::size_t digits = 0;
    while (digits < body.size() &&
           ((body[digits] >= '0' && body[digits] <= '9') || body[digits] == '.'))
        ++digits;
    if (digits == 0)
        reader.fail(
            start,
            "expected a load such as 100kg, 225lb, +10kg, -20kg (assistance) or bw after '@'");
    const auto amount = parse_amount(body.substr(0, digits));
    if (!amount) reader.fail(reader.position(), "a load is a number with at most two decimals");
    const std::string_view unit_text = body.substr(digits);
    const auto unit = unit_text.empty() ? std::optional<Unit>(default_unit) : parse_unit(unit_text);
    if (!unit)
        reader.fail(reader.position() + digits,
                    fmt::format("unknown unit '{}': use kg or lb", escape_for_terminal(unit_text)));
    const std::int64_t max = *unit == Unit::kg ? kMaxLoadHundredthsKg : kMaxLoadHundredthsLb;
    if (*amount <= 0 || *amount > max)
        reader.fail(start, fmt::format("a load must be more than 0 and at most {} {}",
                                       format_amount(max), unit_name(*unit)));
    reader.skip_to_end();
    if (assisted) return Load::assisted(*amount, *unit);
    return added ? Load::added(*amount, *unit) : Load::external(*amount, *unit);
}

// One argument: a set group and an optional "@load", a load alone, or an RPE
// for the argument before it.
struct ArgumentSets {
    std::vector<ParsedSet> sets;
    std::optional<Load> load;
    std::optional<double> rpe;
    std::optional<int> pause_seconds;
};

// "5", "0", "60s", "1:30", "40m", "1.5km": what one set measured.
void read_measure(ArgumentReader& reader, ParsedSet& set) {
    const std::size_t start = reader.position();
    const std::string_view rest = reader.rest();
    std::size_t digits = 0;
    while (digits < rest.size() &&
           ((rest[digits] >= '0' && rest[digits] <= '9') || rest[digits] == '.'))
        ++digits;
    const std::string_view after = rest.substr(digits);
    for (const char* unit : {"km", "mi", "yd", "ft", "m"}) {
        if (!after.starts_with(unit)) continue;
        const auto amount = parse_amount(rest.substr(0, digits));
        if (!amount || *amount <= 0)
            reader.fail(start, "a distance is a number above 0 with at most two decimals");
        const Distance distance{*amount, *parse_distance_unit(unit)};
        if (to_metres(distance) * 100 > static_cast<double>(kMaxDistanceHundredthsMetres))
            reader.fail(start, "a distance must be at most 100 km");
        set.distance = distance;
        reader.skip(digits + std::string_view(unit).size());
        return;
    }
    const long long first = reader.read_number("reps");
    long long seconds = -1;
    if (reader.accept(':')) {
        const std::size_t at = reader.position();
        const long long rest_seconds = reader.read_number("seconds");
        if (reader.position() - at != 2 || rest_seconds > 59)
            reader.fail(at, "write minutes:seconds with two digits of seconds, as in 1:30");
        seconds = first * 60 + rest_seconds;
    } else if (reader.accept('s')) {
        seconds = first;
    }
    if (seconds >= 0) {
        if (seconds < 1 || seconds > kMaxSeconds)
            reader.fail(start,
                        fmt::format("a timed set must be from 1 to {} seconds", kMaxSeconds));
        set.seconds = static_cast<int>(seconds);
        return;
    }
    if (first > kMaxReps) reader.fail(start, fmt::format("reps must be from 0 to {}", kMaxReps));
    set.reps = static_cast<int>(first);
}

void read_set_type(ArgumentReader& reader, ParsedSet& set) {
    if (reader.accept('w'))
        set.warmup = true;
    else if (reader.accept('d'))
        set.type = SetType::drop;
    else if (reader.accept('f'))
        set.type = SetType::failure;
}

ParsedSet read_set(ArgumentReader& reader) {
    ParsedSet set;
    read_measure(reader, set);
    read_set_type(reader, set);
    return set;
}

// "rpe8", "rpe8.5": the effort of the sets in the argument before it.
std::optional<double> read_rpe_argument(const std::string& argument) {
    if (!argument.starts_with("rpe") && !argument.starts_with("RPE")) return std::nullopt;
    ArgumentReader reader(argument);
    reader.skip(3);
    const auto amount = parse_amount(reader.rest());
    if (!amount || *amount % 50 != 0 || *amount < 100 || *amount > 1000)
        reader.fail(3, "an RPE is from 1 to 10 in steps of 0.5, as in rpe8 or rpe8.5");
    return static_cast<double>(*amount) / 100.0;
}

// "pause3s": every rep of the sets in the argument before it held 3 s at the top.
std::optional<int> read_pause_argument(const std::string& argument) {
    if (!argument.starts_with("pause")) return std::nullopt;
    ArgumentReader reader(argument);
    reader.skip(5);
    const std::size_t start = reader.position();
    const long long seconds = reader.done() ? -1 : reader.read_number("seconds");
    if (seconds < 1 || seconds > kMaxPauseSeconds || !reader.accept('s') || !reader.done())
        reader.fail(
            start, fmt::format("a pause is from 1 to {} seconds, as in pause3s", kMaxPauseSeconds));
    return static_cast<int>(seconds);
}

ArgumentSets read_argument(const std::string& argument, Unit default_unit) {
    ArgumentSets result;
    if (argument.empty()) ArgumentReader(argument).fail(0, "the argument is empty");
    if ((result.rpe = read_rpe_argument(argument))) return result;
    if ((result.pause_seconds = read_pause_argument(argument))) return result;
    if (argument.starts_with("rir") || argument.starts_with("RIR"))
        ArgumentReader(argument).fail(
            0, "write effort as RPE, 10 less the reps in reserve: rir2 is rpe8");
    ArgumentReader reader(argument);
    if (reader.peek() != '@') {
        const std::size_t start = reader.position();
        const long long first = reader.read_number("reps");
        if (reader.accept('x') || reader.accept('X')) {
            reader.check_range(start, first, "sets", kMaxSetsPerEntry);
            const ParsedSet set = read_set(reader);
            result.sets.assign(static_cast<std::size_t>(first), set);
        } else {
            ArgumentReader again(argument);
            result.sets.push_back(read_set(again));
            while (again.accept(',')) result.sets.push_back(read_set(again));
            if (again.accept('@')) {
                result.load = read_load(again, default_unit);
            } else if (!again.done()) {
                again.fail(again.position(), "expected ',', 'x', 'w', 'd', 'f' or '@load' here");
            }
            return result;
        }
    }
    if (reader.accept('@')) {
        result.load = read_load(reader, default_unit);
    } else if (!reader.done()) {
        reader.fail(reader.position(), "expected ',', 'x', 'w', 'd', 'f' or '@load' here");
    }
    return result;
}

}  // namespace

std::vector<ParsedSet> parse_set_notation(std::span<const std::string> arguments,
                                          Unit default_unit) {
    if (arguments.empty()) throw UsageError(fmt::format("no sets given; {}", kExamples));
    std::vector<ParsedSet> sets;
    std::size_t first_unloaded = 0;
    std::size_t previous_begin = 0;  // the sets the argument before this one gave or loaded
    for (const auto& argument : arguments) {
        auto parsed = read_argument(argument, default_unit);
        if (parsed.rpe || parsed.pause_seconds) {
            // Several of them may follow the same sets: 3x12@bw rpe8 pause3s.
            if (previous_begin == sets.size())
                throw UsageError(fmt::format(
                    "'{}' has no sets before it; put it after them, as in {}",
                    escape_for_terminal(argument), parsed.rpe ? "3x5@100kg rpe8" : "3x12 pause3s"));
            const ParsedSet& first = sets[previous_begin];
            if ((parsed.rpe && first.rpe) || (parsed.pause_seconds && first.pause_seconds))
                throw UsageError(fmt::format(
                    "'{}': the sets before it already have {}; give one for each run of sets, "
                    "as in 3x5@100kg rpe8 2x5@90kg rpe7",
                    escape_for_terminal(argument), parsed.rpe ? "an RPE" : "a pause"));
            for (std::size_t i = previous_begin; i < sets.size(); ++i) {
                if (parsed.rpe) sets[i].rpe = parsed.rpe;
                if (parsed.pause_seconds) sets[i].pause_seconds = parsed.pause_seconds;
            }
            continue;
        }
        const std::size_t begin = parsed.sets.empty() ? first_unloaded : sets.size();
        for (auto& set : parsed.sets) {
            set.load = parsed.load;
            set.argument = argument;
        }
        const bool load_alone = parsed.sets.empty();
        sets.insert(sets.end(), parsed.sets.begin(), parsed.sets.end());
        if (load_alone) {
            if (first_unloaded == sets.size())
                throw UsageError(fmt::format(
                    "the load '{}' has no sets before it to apply to; put it after the sets, "
                    "as in 5 5 5 @100kg",
                    argument));
            for (std::size_t i = first_unloaded; i < sets.size(); ++i) sets[i].load = parsed.load;
        }
        if (parsed.load) first_unloaded = sets.size();
        previous_begin = begin;
        if (sets.size() > static_cast<std::size_t>(kMaxSetsPerEntry))
            throw UsageError(fmt::format("too many sets: at most {} per entry", kMaxSetsPerEntry));
    }
    return sets;
}

namespace {

Measure measure_of(const ParsedSet& set) {
    if (set.seconds) return Measure::time;
    if (set.distance) return Measure::distance;
    return Measure::reps;
}

// Sets that `log` takes for an exercise measured and loaded this way.
std::string example_sets(Measure measure, Loading loading) {
    const bool external = loading == Loading::external;
    switch (measure) {
        case Measure::time:
            return external ? "3x60s@20kg" : "3x60s";
        case Measure::distance:
            return external ? "3x40m@32kg" : "3x40m";
        case Measure::reps:
            break;
    }
    return external ? "3x5@100kg" : "3x10";
}

void check_measure(const ParsedSet& set, Measure measure, Loading loading,
                   const std::string& exercise_id) {
    if (measure_of(set) == measure) return;
    throw UsageError(fmt::format("'{}': {} measures {}, not {}; for example: liftlog log {} {}",
                                 escape_for_terminal(set.argument), exercise_id,
                                 measure_name(measure), measure_name(measure_of(set)), exercise_id,
                                 example_sets(measure, loading)));
}

void check_pause(const ParsedSet& set, Measure measure, bool pause_at_top,
                 const std::string& exercise_id) {
    if (!set.pause_seconds) return;
    if (measure != Measure::reps)
        throw UsageError(
            fmt::format("a pause is held at the top of a rep, and {} measures {}; "
                        "leave out pause{}s",
                        exercise_id, measure_name(measure), *set.pause_seconds));
    if (!pause_at_top)
        throw UsageError(fmt::format(
            "{} has no pause at the top; log its reps without pause{}s, or pause them on an "
            "exercise made for it, for example: liftlog log reverse-back-extension 3x12 pause3s",
            exercise_id, *set.pause_seconds));
}

void check_load(const ParsedSet& set, Loading loading, const std::string& exercise_id) {
    if (loading == Loading::external) {
        if (!set.load || set.load->kind != LoadKind::external)
            throw UsageError(
                fmt::format("{} is loaded with an external weight; give the load after the sets, "
                            "for example: liftlog log {} 3x5@100kg (or @225lb)",
                            exercise_id, exercise_id));
    } else if (set.load && set.load->kind == LoadKind::external) {
        throw UsageError(fmt::format(
            "{} is a bodyweight exercise; write @bw for body weight alone, @+10kg for "
            "added load or @-20kg for assistance, for example: liftlog log {} 3x12@+10kg",
            exercise_id, exercise_id));
    }
}

}  // namespace

std::vector<SetEntry> resolve_loads(const std::vector<ParsedSet>& sets, Loading loading,
                                    const std::string& exercise_id, Measure measure,
                                    bool pause_at_top) {
    std::vector<SetEntry> resolved;
    for (const auto& set : sets) {
        check_measure(set, measure, loading, exercise_id);
        check_pause(set, measure, pause_at_top, exercise_id);
        check_load(set, loading, exercise_id);
        SetEntry entry(set.reps, set.load.value_or(Load::bodyweight()), set.warmup);
        entry.type = set.type;
        entry.rpe = set.rpe;
        entry.seconds = set.seconds;
        entry.distance = set.distance;
        entry.pause_seconds = set.pause_seconds;
        resolved.push_back(entry);
    }
    return resolved;
}

}  // namespace liftlog

namespace liftlog {

namespace {

std::string set_suffix(const SetEntry& set) {
    if (set.warmup) return "w";
    if (set.type == SetType::drop) return "d";
    if (set.type == SetType::failure) return "f";
    return "";
}

std::string measure_text(const SetEntry& set) {
    if (set.seconds) return format_seconds(*set.seconds);
    if (set.distance) return format_distance(*set.distance);
    return std::to_string(set.reps);
}

std::string rpe_text(double rpe) {
    return fmt::format(" rpe{}", rpe);
}

bool same_as_first(const SetEntry& set, const SetEntry& first) {
    return measure_text(set) == measure_text(first) && set_suffix(set) == set_suffix(first);
}

std::string format_same_load_run(std::span<const SetEntry> run) {
    const bool identical = std::all_of(run.begin(), run.end(), [&](const SetEntry& set) {
        return same_as_first(set, run.front());
    });
    std::string text;
    if (identical && run.size() > 1) {
        text =
            fmt::format("{}x{}{}", run.size(), measure_text(run.front()), set_suffix(run.front()));
    } else {
        for (const auto& set : run) {
            if (!text.empty()) text += ',';
            text += measure_text(set) + set_suffix(set);
        }
    }
    text += "@" + format_load(run.front().load);
    if (run.front().rpe) text += rpe_text(*run.front().rpe);
    if (run.front().pause_seconds) text += fmt::format(" pause{}s", *run.front().pause_seconds);
    return text;
}

}  // namespace

// Sets are grouped by load, RPE and pause, since an RPE or pause argument
// applies to every set of the argument before it.
std::string format_sets(const std::vector<SetEntry>& sets) {
    std::string text;
    std::size_t start = 0;
    while (start < sets.size()) {
        std::size_t end = start + 1;
        while (end < sets.size() && sets[end].load == sets[start].load &&
               sets[end].rpe == sets[start].rpe &&
               sets[end].pause_seconds == sets[start].pause_seconds)
            ++end;
        if (!text.empty()) text += ' ';
        text += format_same_load_run(std::span<const SetEntry>(sets).subspan(start, end - start));
        start = end;
    }
    return text;
}

}  // namespace liftlog
