#include "liftlog/period_report.hpp"

#include <fmt/format.h>

namespace liftlog {

namespace {

using namespace std::chrono;

Period iso_week_of(Date date) {
    const Date monday = date - days(weekday(date).iso_encoding() - 1);
    // The ISO week-year is the year of the week's Thursday.
    const Date thursday = monday + days(3);
    const year week_year = year_month_day(thursday).year();
    const Date first_day = sys_days(week_year / January / 1);
    const auto week = (thursday - first_day).count() / 7 + 1;
    return {monday, monday + days(6),
            fmt::format("{:04}-W{:02}", static_cast<int>(week_year), week)};
}

Period month_of(Date date) {
    const year_month_day ymd(date);
    const year_month month_of_year = ymd.year() / ymd.month();
    return {sys_days(month_of_year / 1), sys_days(month_of_year / last),
            fmt::format("{:04}-{:02}", static_cast<int>(ymd.year()),
                        static_cast<unsigned>(ymd.month()))};
}

// 1 lb is exactly 0.45359237 kg, so both sums are exact integers in units of
// 1e-10 kg: hundredths of a kg times 1e8, hundredths of a lb times 45359237.
constexpr std::int64_t kKgScale = 100'000'000;
constexpr std::int64_t kLbScale = 45'359'237;

constexpr std::int64_t scale_of(Unit unit) {
    return unit == Unit::kg ? kKgScale : kLbScale;
}

template <typename Sum>
std::int64_t rounded_quotient(Sum dividend, std::int64_t divisor) {
    return static_cast<std::int64_t>((dividend + divisor / 2) /
                                     divisor);  // sums are never negative
}

// Micrometres in a hundredth of each distance unit.
std::int64_t micrometres_per_hundredth(DistanceUnit unit) {
    switch (unit) {
        case DistanceUnit::km:
            return 10'000'000;
        case DistanceUnit::yd:
            return 9'144;
        case DistanceUnit::ft:
            return 3'048;
        case DistanceUnit::mi:
            return 16'093'440;
        case DistanceUnit::m:
            break;
    }
    return 10'000;
}

// Sets that count a time or a distance rather than load x reps.
bool timed_or_distance(const SetEntry& set) {
    return set.seconds.has_value() || set.distance.has_value();
}

bool at_body_weight(const Load& load) {
    return load.kind == LoadKind::bodyweight || load.kind == LoadKind::added ||
           load.kind == LoadKind::assisted;
}

}  // namespace

Period period_of(Date date, PeriodKind kind) {
    return kind == PeriodKind::week ? iso_week_of(date) : month_of(date);
}

void ExactVolume::add(const Load& load, long long reps) {
    if (!carries_volume(load) || reps <= 0) return;
    ten_billionths_kg_ += static_cast<Sum>(load.hundredths) * scale_of(load.unit) * reps;
}

void ExactVolume::add_body_weight(const BodyWeight& body_weight, std::int64_t assistance_hundredths,
                                  Unit assistance_unit, long long reps) {
    const Sum left = static_cast<Sum>(body_weight.hundredths) * scale_of(body_weight.unit) -
                     static_cast<Sum>(assistance_hundredths) * scale_of(assistance_unit);
    if (left <= 0 || reps <= 0) return;
    ten_billionths_kg_ += left * reps;
}

std::int64_t ExactVolume::hundredths_in(Unit unit) const {
    return rounded_quotient(ten_billionths_kg_, scale_of(unit));
}

void ExactDistance::add(const Distance& distance) {
    if (distance.hundredths <= 0) return;
    micrometres_ +=
        static_cast<Sum>(distance.hundredths) * micrometres_per_hundredth(distance.unit);
}

std::int64_t ExactDistance::centimetres() const {
    return rounded_quotient(micrometres_, 10'000);
}

PeriodReport::Fold& PeriodReport::fold_for(Date date) {
    const Period period = period_of(date, kind_);
    auto [at, inserted] = folds_.try_emplace(period.start);
    if (inserted) at->second.totals.period = period;
    return at->second;
}

void PeriodReport::add(const Record& record) {
    Fold& fold = fold_for(record.date);
    PeriodTotals& totals = fold.totals;
    if (fold.days.insert(record.date).second) ++totals.training_days;
    if (fold.sessions.emplace(record.date, record.exercise).second) ++totals.sessions;
    const auto muscles = muscles_.find(record.exercise);
    for (const auto& set : record.sets) {
        if (set.warmup) {
            ++totals.warmup_sets;
            continue;
        }
        ++totals.working_sets;
        totals.reps += set.reps;
        // Sets of reps at body weight alone; a plank's seconds are counted below.
        if (set.load.kind == LoadKind::bodyweight && !timed_or_distance(set)) {
            ++totals.bodyweight_sets;
            totals.bodyweight_reps += set.reps;
        }
        if (timed_or_distance(set)) {
            // Its time or distance is what it counts, not load x reps.
            if (set.seconds) {
                ++totals.timed_sets;
                totals.seconds += *set.seconds;
            }
            if (set.distance) {
                ++totals.distance_sets;
                totals.distance.add(*set.distance);
            }
        } else {
            totals.volume.add(set.load, set.reps);
            // Failed attempts move no body weight.
            if (at_body_weight(set.load) && set.reps >= 1) {
                BodyweightDay& day = fold.bodyweight_days[record.date];
                ++day.sets;
                const std::int64_t assistance =
                    set.load.kind == LoadKind::assisted ? set.load.hundredths : 0;
                day.reps_by_assistance[{set.load.unit, assistance}] += set.reps;
            }
        }
        if (muscles == muscles_.end()) continue;
        for (const auto& muscle : muscles->second) ++totals.muscle_sets[muscle];
    }
}

PeriodTotals PeriodReport::Fold::resolved(const BodyWeightTimeline& body_weights) const {
    PeriodTotals resolved = totals;
    for (const auto& [date, day] : bodyweight_days) {
        const auto weight = body_weights.on_or_before(date);
        if (!weight) {
            resolved.bodyweight_sets_without_body_weight += day.sets;
            continue;
        }
        for (const auto& [assistance, reps] : day.reps_by_assistance)
            resolved.volume.add_body_weight(weight->weight, assistance.second, assistance.first,
                                            reps);
    }
    return resolved;
}

std::vector<PeriodTotals> PeriodReport::periods(std::optional<Date> from, std::optional<Date> to,
                                                const BodyWeightTimeline& body_weights) const {
    if (!from && !folds_.empty()) from = folds_.begin()->first;
    if (!to && !folds_.empty()) to = folds_.rbegin()->second.totals.period.end;
    std::vector<PeriodTotals> list;
    if (!from || !to) return list;
    for (Period period = period_of(*from, kind_); period.start <= *to;
         period = period_of(period.end + std::chrono::days(1), kind_)) {
        const auto fold = folds_.find(period.start);
        if (fold != folds_.end()) {
            list.push_back(fold->second.resolved(body_weights));
        } else {
            list.emplace_back().period = period;  // a period without training: all zeros
        }
    }
    return list;
}

}  // namespace liftlog
