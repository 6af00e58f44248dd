#pragma once
// Settings, resolved once per run: right after the command line is parsed,
// resolve_settings turns flags, environment, config file and built-in
// defaults into one immutable value, with the precedence
// flag > environment > config file > default in that one place. Commands
// receive the values; nothing resolves them again.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "liftlog/chart.hpp"
#include "liftlog/clock.hpp"
#include "liftlog/environment.hpp"
#include "liftlog/load.hpp"
#include "liftlog/log.hpp"
#include "liftlog/terminal.hpp"

namespace liftlog {

enum class OutputFormat { text, json, csv, jsonl };

std::string_view format_name(OutputFormat format);
std::optional<OutputFormat> parse_format(std::string_view text);

// The global options as typed; an empty string was not given.
struct GlobalFlags {
    std::string log_path;
    std::string format = "text";
    std::string unit;
    std::string today;
    std::string exercises_dir;
    std::string color;  // auto, always or never
    std::string config_path;
    bool no_cache = false;
    bool raw_csv = false;
};

// How output looks, decided once for the whole run.
struct Presentation {
    OutputFormat format = OutputFormat::text;
    // ANSI colour on stdout: text output only; --color, else NO_COLOR (never),
    // else the config's color, else auto (a terminal whose TERM is not dumb).
    bool color = false;
    int width = 80;  // $COLUMNS, else the terminal's width, else 80
    // Unicode block elements in a UTF-8 locale, else ASCII.
    Glyphs glyphs = Glyphs::ascii;
    // --raw-csv: CSV cells exactly as the data holds them, without the quote
    // that keeps a spreadsheet from reading free text as a formula.
    bool raw_csv = false;
};

struct Settings {
    LogLocation log;
    std::optional<std::filesystem::path> cache_file;  // nullopt: no history cache
    Clock clock;                                      // today pinned by --today
    std::optional<Unit> unit;                         // nullopt: as entered, kg in reports
    Presentation presentation;
    // Where the user's definitions are read from, in override order.
    std::vector<std::filesystem::path> definition_dirs;
    // $XDG_CONFIG_HOME/liftlog/exercises: where an import writes custom exercises.
    std::optional<std::filesystem::path> user_definitions_dir;

    Date today() const { return clock.today(); }
};

// Throws UsageError for a bad --today, --unit, LIFTLOG_UNIT, --exercises or
// config file. A log that cannot be located is not an error here: the Log
// says so when a command first uses it.
Settings resolve_settings(const GlobalFlags& flags, const Environment& env,
                          const Terminal& terminal, const Clock& clock);

// Whether the locale's character set is UTF-8: the first of LC_ALL, LC_CTYPE
// and LANG that is set and not empty decides, as it does for the C library.
bool utf8_locale(const Environment& env);

}  // namespace liftlog
