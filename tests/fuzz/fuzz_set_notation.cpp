// libFuzzer target: set notation as typed after `liftlog log EXERCISE`.
// The input is split into arguments on spaces and newlines (empty arguments are
// kept, as a shell can pass them). Whatever parses must resolve and format, and
// the formatted notation must parse back to the same sets.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "liftlog/error.hpp"
#include "liftlog/set_notation.hpp"

namespace {

std::vector<std::string> split_arguments(const std::string& text) {
    std::vector<std::string> arguments(1);
    for (const char c : text) {
        if (c == ' ' || c == '\n')
            arguments.emplace_back();
        else
            arguments.back() += c;
    }
    return arguments;
}

[[noreturn]] void invariant_broken(const char* what, const std::string& input,
                                   const std::string& formatted) {
    std::fprintf(stderr, "fuzz_set_notation: %s\n  input:     '%s'\n  formatted: '%s'\n", what,
                 input.c_str(), formatted.c_str());
    std::abort();
}

void check_round_trip(const std::string& input, const std::vector<liftlog::SetEntry>& sets,
                      liftlog::Loading loading, liftlog::Measure measure, bool pause_at_top) {
    const std::string formatted = liftlog::format_sets(sets);
    if (sets.empty()) return;
    std::vector<liftlog::SetEntry> again;
    try {
        // format_sets always writes the unit, so the default unit must not matter.
        for (const auto unit : {liftlog::Unit::kg, liftlog::Unit::lb}) {
            again = liftlog::resolve_loads(
                liftlog::parse_set_notation(split_arguments(formatted), unit), loading, "x",
                measure, pause_at_top);
            if (again != sets)
                invariant_broken("format_sets does not parse back to the same sets", input,
                                 formatted);
        }
    } catch (const liftlog::UsageError& error) {
        std::fprintf(stderr, "%s\n", error.what());
        invariant_broken("format_sets output is refused", input, formatted);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > 4096) return -1;  // a command line, not a file
    const std::string input(reinterpret_cast<const char*>(data), size);
    const auto arguments = split_arguments(input);
    for (const auto unit : {liftlog::Unit::kg, liftlog::Unit::lb}) {
        std::vector<liftlog::ParsedSet> parsed;
        try {
            parsed = liftlog::parse_set_notation(arguments, unit);
        } catch (const liftlog::UsageError&) {
            continue;
        }
        for (const auto loading : {liftlog::Loading::bodyweight, liftlog::Loading::external})
            for (const auto measure :
                 {liftlog::Measure::reps, liftlog::Measure::time, liftlog::Measure::distance})
                for (const bool pause_at_top : {false, true}) {
                    try {
                        check_round_trip(
                            input,
                            liftlog::resolve_loads(parsed, loading, "x", measure, pause_at_top),
                            loading, measure, pause_at_top);
                    } catch (const liftlog::UsageError&) {
                        // The load, measure or pause does not fit this kind of exercise: expected.
                    }
                }
    }
    return 0;
}
