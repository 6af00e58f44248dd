#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace liftlog {

enum class Unit { kg, lb };

inline constexpr double kKilogramsPerPound = 0.45359237;  // exact, by definition

enum class LoadKind {
    bodyweight,  // body weight alone
    added,       // body weight plus an added amount (a plate, a belt)
    external,    // a barbell, dumbbell or machine load
    assisted,    // body weight less an amount of help (a band, a machine's counterweight)
};

// A load exactly as entered. Amounts are kept in hundredths so that 102.5 kg
// stays 102.5 kg through parsing, storage and output.
struct Load {
    LoadKind kind = LoadKind::bodyweight;
    std::int64_t hundredths = 0;
    Unit unit = Unit::kg;

    static Load bodyweight() { return {}; }
    static Load added(std::int64_t hundredths, Unit unit) {
        return {LoadKind::added, hundredths, unit};
    }
    static Load external(std::int64_t hundredths, Unit unit) {
        return {LoadKind::external, hundredths, unit};
    }
    static Load assisted(std::int64_t hundredths, Unit unit) {
        return {LoadKind::assisted, hundredths, unit};
    }
    friend bool operator==(const Load&, const Load&) = default;
};

std::optional<Unit> parse_unit(std::string_view text);
std::string_view unit_name(Unit unit);

// "100", "102.5", "1.25": the amount without trailing zeros.
std::string format_amount(std::int64_t hundredths);
// "bw", "+10kg", "100kg".
std::string format_load(const Load& load);
// "bodyweight", "bodyweight + 10 kg", "100 kg": for sentences.
std::string describe_load(const Load& load);

// Parses "100", "102.5" or "1.25" into hundredths; nullopt for anything else,
// including more than two decimals.
std::optional<std::int64_t> parse_amount(std::string_view text);

// The weight moved beyond body weight, in kilograms (0 for body weight alone,
// less than 0 for assistance, so that less help compares as heavier).
double added_kilograms(const Load& load);

// Whether load x reps is volume: an external or added load. Assistance is
// not; how much body weight it leaves is not known here.
inline bool carries_volume(const Load& load) {
    return load.kind == LoadKind::external || load.kind == LoadKind::added;
}

// True when two loads are the same weight, even if entered in different units.
bool same_weight(const Load& a, const Load& b);

// `hundredths` in `from` converted to `to` and rounded to the nearest multiple
// of `step_hundredths`.
std::int64_t convert_and_round(std::int64_t hundredths, Unit from, Unit to,
                               std::int64_t step_hundredths);

}  // namespace liftlog
