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

    int read_count(const char* what, int max) {
        const std::size_t start = pos_;
        const long long value = read_number(what);
        check_range(start, value, what, max);
        return static_cast<int>(value);
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
    const std::string_view body = reader.rest();
    std::size_t digits = 0;
    while (digits < body.size() &&
           ((body[digits] >= '0' && body[digits] <= '9') || body[digits] == '.'))
        ++digits;
    if (digits == 0)
        reader.fail(start, "expected a load such as 100kg, 225lb, +10kg or bw after '@'");
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
    return added ? Load::added(*amount, *unit) : Load::external(*amount, *unit);
}

// One argument: a set group and an optional "@load", or a load alone.
struct ArgumentSets {
    std::vector<ParsedSet> sets;
    std::optional<Load> load;
};

void read_reps_list(ArgumentReader& reader, std::vector<ParsedSet>& sets) {
    do {
        ParsedSet set;
        set.reps = reader.read_count("reps", kMaxReps);
        set.warmup = reader.accept('w');
        sets.push_back(set);
    } while (reader.accept(','));
}

ArgumentSets read_argument(const std::string& argument, Unit default_unit) {
    ArgumentReader reader(argument);
    ArgumentSets result;
    if (argument.empty()) reader.fail(0, "the argument is empty");
    if (reader.peek() != '@') {
        const std::size_t start = reader.position();
        const long long first = reader.read_number("reps");
        if (reader.accept('x') || reader.accept('X')) {
            reader.check_range(start, first, "sets", kMaxSetsPerEntry);
            const int reps = reader.read_count("reps", kMaxReps);
            const bool warmup = reader.accept('w');
            result.sets.assign(static_cast<std::size_t>(first), ParsedSet{reps, {}, warmup});
        } else {
            reader.check_range(start, first, "reps", kMaxReps);
            ParsedSet set{static_cast<int>(first), {}, reader.accept('w')};
            result.sets.push_back(set);
            if (reader.accept(',')) read_reps_list(reader, result.sets);
        }
    }
    if (reader.accept('@')) {
        result.load = read_load(reader, default_unit);
    } else if (!reader.done()) {
        reader.fail(reader.position(), "expected ',', 'x', 'w' or '@load' here");
    }
    return result;
}

}  // namespace

std::vector<ParsedSet> parse_set_notation(std::span<const std::string> arguments,
                                          Unit default_unit) {
    if (arguments.empty()) throw UsageError(fmt::format("no sets given; {}", kExamples));
    std::vector<ParsedSet> sets;
    std::size_t first_unloaded = 0;
    for (const auto& argument : arguments) {
        auto parsed = read_argument(argument, default_unit);
        for (auto& set : parsed.sets) set.load = parsed.load;
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
        if (sets.size() > static_cast<std::size_t>(kMaxSetsPerEntry))
            throw UsageError(fmt::format("too many sets: at most {} per entry", kMaxSetsPerEntry));
    }
    return sets;
}

std::vector<SetEntry> resolve_loads(const std::vector<ParsedSet>& sets, Loading loading,
                                    const std::string& exercise_id) {
    std::vector<SetEntry> resolved;
    for (const auto& set : sets) {
        if (loading == Loading::external) {
            if (!set.load || set.load->kind != LoadKind::external)
                throw UsageError(fmt::format(
                    "{} is loaded with an external weight; give the load after the sets, "
                    "for example: liftlog log {} 3x5@100kg (or @225lb)",
                    exercise_id, exercise_id));
        } else if (set.load && set.load->kind == LoadKind::external) {
            throw UsageError(fmt::format(
                "{} is a bodyweight exercise; write @bw for body weight alone or @+10kg for "
                "added load, for example: liftlog log {} 3x12@+10kg",
                exercise_id, exercise_id));
        }
        resolved.push_back({set.reps, set.load.value_or(Load::bodyweight()), set.warmup});
    }
    return resolved;
}

}  // namespace liftlog

namespace liftlog {

namespace {

std::string format_same_load_run(std::span<const SetEntry> run) {
    const auto suffix = [](const SetEntry& set) { return set.warmup ? "w" : ""; };
    const bool identical = std::all_of(run.begin(), run.end(), [&](const SetEntry& set) {
        return set.reps == run.front().reps && set.warmup == run.front().warmup;
    });
    std::string text;
    if (identical && run.size() > 1) {
        text = fmt::format("{}x{}{}", run.size(), run.front().reps, suffix(run.front()));
    } else {
        for (const auto& set : run) {
            if (!text.empty()) text += ',';
            text += fmt::format("{}{}", set.reps, suffix(set));
        }
    }
    return text + "@" + format_load(run.front().load);
}

}  // namespace

std::string format_sets(const std::vector<SetEntry>& sets) {
    std::string text;
    std::size_t start = 0;
    while (start < sets.size()) {
        std::size_t end = start + 1;
        while (end < sets.size() && sets[end].load == sets[start].load) ++end;
        if (!text.empty()) text += ' ';
        text += format_same_load_run(std::span<const SetEntry>(sets).subspan(start, end - start));
        start = end;
    }
    return text;
}

}  // namespace liftlog
