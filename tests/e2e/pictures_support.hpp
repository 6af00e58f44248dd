#pragma once
// A log with a visible trend, and text checks shared by the tests of charts,
// sparklines and colour (test_pictures.cpp, test_terminal.cpp).
#include <algorithm>
#include <string>
#include <vector>

#include "support.hpp"

namespace pictures {

// Deadlift: nine weekly sessions of 3x5, 50 kg up to 100 kg (the last eight
// are what the overview keeps). Back extension: three sessions at body weight
// whose best sets are 10, 12 and 13 reps.
inline void seed_trend_log(const e2e::Sandbox& sandbox) {
    const std::vector<std::pair<std::string, int>> deadlifts{
        {"2026-09-24", 50}, {"2026-10-01", 60},  {"2026-10-08", 70},
        {"2026-10-15", 80}, {"2026-10-22", 80},  {"2026-10-29", 90},
        {"2026-11-05", 95}, {"2026-11-12", 100}, {"2026-11-19", 100}};
    std::string log;
    int id = 1;
    for (const auto& [date, kg] : deadlifts)
        log += e2e::record_line("00000000000000" + std::to_string(10 + id++), date, "deadlift",
                                e2e::external_sets(3, 5, kg)) +
               "\n";
    log += e2e::record_line("0000000000000031", "2026-10-02", "back-extension",
                            e2e::bodyweight_sets({10, 10, 10})) +
           "\n";
    log += e2e::record_line("0000000000000032", "2026-10-09", "back-extension",
                            e2e::bodyweight_sets({12, 11, 10})) +
           "\n";
    log += e2e::record_line("0000000000000033", "2026-10-16", "back-extension",
                            e2e::bodyweight_sets({13, 12, 12})) +
           "\n";
    sandbox.write_file("data/liftlog/log.jsonl", log);
}

inline bool has_escape(const std::string& text) {
    return text.find('\x1b') != std::string::npos;
}

inline bool is_ascii(const std::string& text) {
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// Text without ANSI escape sequences (ESC [ ... final byte).
inline std::string strip_escapes(const std::string& text) {
    std::string plain;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\x1b' && i + 1 < text.size() && text[i + 1] == '[') {
            i += 2;
            while (i < text.size() && (text[i] < '@' || text[i] > '~')) ++i;
            continue;
        }
        plain += text[i];
    }
    return plain;
}

// Columns a line takes: code points of the text without escape sequences.
inline std::size_t columns(const std::string& line) {
    const std::string plain = strip_escapes(line);
    return static_cast<std::size_t>(std::count_if(plain.begin(), plain.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

inline std::size_t widest_line(const std::string& text) {
    std::size_t widest = 0;
    for (const auto& line : e2e::split_lines(text)) widest = std::max(widest, columns(line));
    return widest;
}

// The x-axis of a chart: its line that has the corner.
inline std::string axis_line(const std::string& text) {
    for (const auto& line : e2e::split_lines(text)) {
        const std::string plain = strip_escapes(line);
        if (plain.find("└") != std::string::npos) return plain;
    }
    return {};
}

}  // namespace pictures
