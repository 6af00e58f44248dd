#pragma once
// One number per session, for the TREND sparkline and `progress --chart`.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "liftlog/chart.hpp"
#include "liftlog/history.hpp"
#include "liftlog/load.hpp"

namespace liftlog {

enum class TrendMetric {
    top,       // the heaviest working set's weight beyond body weight
    e1rm,      // the highest Epley e1RM of the session's working sets
    volume,    // reps x weight beyond body weight, summed over working sets
    time,      // the longest timed working set, in seconds
    distance,  // the farthest distance working set, in metres
};

std::optional<TrendMetric> parse_trend_metric(std::string_view text);
std::string_view trend_metric_name(TrendMetric metric);
// The metric a chart or sparkline of an exercise draws by default: time for a
// timed exercise, distance for a distance one, else top.
TrendMetric default_trend_metric(Measure measure);
// Whether `metric` can be drawn for an exercise that counts `measure`: top,
// e1rm and volume for reps, time for time, distance for distance.
bool trend_metric_fits(TrendMetric metric, Measure measure);

struct TrendSeries {
    std::string unit;                // "kg" or "lb"; "reps" when counted in reps; "s", "m"
    std::vector<ChartPoint> points;  // one per session that has a value, oldest first
    // e1rm: some point is estimated from more than kEpleyMaxReps reps.
    bool beyond_epley_range = false;
};

// The series of `sessions` (oldest first), loads in `unit`, rounded to hundredths.
// Warm-up sets never count, and a session of warm-ups alone has no value.
// When no working set of these sessions carries weight beyond body weight
// (a bodyweight exercise), `top` is the most reps in a set and `volume` the
// reps of the session, in "reps". `e1rm` has no value for a session without
// weight beyond body weight, since there is nothing to estimate from.
// `time` is the longest timed set in "s", `distance` the farthest in "m"; a
// session without such sets has no value.
TrendSeries trend_series(const std::vector<Session>& sessions, TrendMetric metric, Unit unit);

std::vector<double> trend_values(const TrendSeries& series);

}  // namespace liftlog
