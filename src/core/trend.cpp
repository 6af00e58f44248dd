#include "liftlog/trend.hpp"

#include <algorithm>
#include <cmath>

#include "liftlog/describe.hpp"
#include "liftlog/one_rep_max.hpp"

namespace liftlog {

namespace {

constexpr std::pair<TrendMetric, std::string_view> kMetricNames[] = {
    {TrendMetric::top, "top"},           {TrendMetric::e1rm, "e1rm"},
    {TrendMetric::volume, "volume"},     {TrendMetric::time, "time"},
    {TrendMetric::distance, "distance"},
};

double to_hundredths(double value) {
    return std::round(value * 100.0) / 100.0;
}

bool carries_weight(const SetEntry& set) {
    return carries_volume(set.load) && set.reps >= 1;
}

bool any_weight(const std::vector<Session>& sessions) {
    return std::any_of(sessions.begin(), sessions.end(), [](const Session& session) {
        return std::any_of(session.sets.begin(), session.sets.end(),
                           [](const SetEntry& set) { return !set.warmup && carries_weight(set); });
    });
}

std::optional<double> top_set(const std::vector<SetEntry>& sets, bool in_reps, Unit unit) {
    if (sets.empty()) return std::nullopt;
    const SetEntry& top = *std::max_element(
        sets.begin(), sets.end(), [](const auto& a, const auto& b) { return heavier_set(b, a); });
    if (in_reps) return top.reps;
    return kilograms_in(added_kilograms(top.load), unit);
}

std::optional<OneRepMax> best_e1rm(const std::vector<SetEntry>& sets) {
    std::optional<OneRepMax> best;
    for (const auto& set : sets)
        if (const auto estimate = estimate_one_rep_max(set))
            if (!best || estimate->kilograms > best->kilograms) best = estimate;
    return best;
}

std::optional<double> volume(const std::vector<SetEntry>& sets, bool in_reps, Unit unit) {
    if (sets.empty()) return std::nullopt;
    double total = 0.0;
    for (const auto& set : sets)
        total += in_reps ? set.reps : set.reps * kilograms_in(added_kilograms(set.load), unit);
    return total;
}

std::optional<double> longest_time(const std::vector<SetEntry>& sets) {
    std::optional<double> longest;
    for (const auto& set : sets)
        if (set.seconds) longest = std::max(longest.value_or(0.0), double(*set.seconds));
    return longest;
}

std::optional<double> farthest_distance(const std::vector<SetEntry>& sets) {
    std::optional<double> farthest;
    for (const auto& set : sets)
        if (set.distance) farthest = std::max(farthest.value_or(0.0), to_metres(*set.distance));
    return farthest;
}

std::optional<double> session_value(const Session& session, TrendMetric metric, bool in_reps,
                                    Unit unit, bool& beyond_epley_range) {
    const auto sets = working_sets(session);
    switch (metric) {
        case TrendMetric::top:
            return top_set(sets, in_reps, unit);
        case TrendMetric::e1rm: {
            const auto best = best_e1rm(sets);
            if (!best) return std::nullopt;
            beyond_epley_range = beyond_epley_range || best->beyond_epley_range;
            return kilograms_in(best->kilograms, unit);
        }
        case TrendMetric::volume:
            return volume(sets, in_reps, unit);
        case TrendMetric::time:
            return longest_time(sets);
        case TrendMetric::distance:
            return farthest_distance(sets);
    }
    return std::nullopt;
}

}  // namespace

std::optional<TrendMetric> parse_trend_metric(std::string_view text) {
    for (const auto& [metric, name] : kMetricNames)
        if (name == text) return metric;
    return std::nullopt;
}

std::string_view trend_metric_name(TrendMetric metric) {
    for (const auto& [candidate, name] : kMetricNames)
        if (candidate == metric) return name;
    return "top";
}

TrendMetric default_trend_metric(Measure measure) {
    switch (measure) {
        case Measure::time:
            return TrendMetric::time;
        case Measure::distance:
            return TrendMetric::distance;
        case Measure::reps:
            break;
    }
    return TrendMetric::top;
}

bool trend_metric_fits(TrendMetric metric, Measure measure) {
    switch (metric) {
        case TrendMetric::time:
            return measure == Measure::time;
        case TrendMetric::distance:
            return measure == Measure::distance;
        case TrendMetric::top:
        case TrendMetric::e1rm:
        case TrendMetric::volume:
            break;
    }
    return measure == Measure::reps;
}

TrendSeries trend_series(const std::vector<Session>& sessions, TrendMetric metric, Unit unit) {
    const bool in_reps = metric != TrendMetric::e1rm && !any_weight(sessions);
    std::string series_unit = in_reps ? "reps" : std::string(unit_name(unit));
    if (metric == TrendMetric::time) series_unit = "s";
    if (metric == TrendMetric::distance) series_unit = "m";
    TrendSeries series{series_unit, {}};
    for (const auto& session : sessions)
        if (const auto value =
                session_value(session, metric, in_reps, unit, series.beyond_epley_range))
            series.points.push_back({session.date, to_hundredths(*value)});
    return series;
}

std::vector<double> trend_values(const TrendSeries& series) {
    std::vector<double> values;
    for (const auto& point : series.points) values.push_back(point.value);
    return values;
}

}  // namespace liftlog
