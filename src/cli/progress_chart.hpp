#pragma once
// The pictures of `liftlog progress`: the TREND sparkline of the overview and
// `progress EXERCISE --chart [top|e1rm|volume]`.
#include <string>

#include "liftlog/chart.hpp"
#include "liftlog/history.hpp"
#include "liftlog/load.hpp"

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace liftlog::cli {

class Services;

struct ChartRequest {
    std::string metric;                   // as given after --chart; empty for the default
    bool ascii = false;                   // --ascii
    const CLI::Option* option = nullptr;  // --chart, to tell whether it was given

    bool asked() const;
};

// Adds --chart [top|e1rm|volume] and --ascii to `progress`.
void add_chart_options(CLI::App& command, ChartRequest& request);

// ASCII with --ascii or when the locale is not UTF-8; Unicode blocks otherwise.
Glyphs chart_glyphs(Services& services, const ChartRequest& request);

// The TREND cell: the top set of each recent session as a sparkline, "-"
// when there is none.
std::string trend_cell(const ExerciseHistory& history, Unit unit, Glyphs glyphs);

// `progress EXERCISE --chart METRIC`: the chart in text, the series in JSON.
// `progress --chart EXERCISE` means the default chart of EXERCISE. Throws
// UsageError when `periods_asked` (--weekly or --monthly): they do not mix.
void run_progress_chart(Services& services, std::string exercise, const ChartRequest& request,
                        bool periods_asked);

}  // namespace liftlog::cli
