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

template <typename Sum>
std::int64_t rounded_quotient(Sum dividend, std::int64_t divisor) {
    return static_cast<std::int64_t>((dividend + divisor / 2) /
                                     divisor);  // sums are never negative
}

}  // namespace

Period period_of(Date date, PeriodKind kind) {
    return kind == PeriodKind::week ? iso_week_of(date) : month_of(date);
}

void ExactVolume::add(const Load& load, int reps) {
    if (!carries_volume(load)) return;
    (load.unit == Unit::kg ? kg_hundredths_ : lb_hundredths_) +=
        static_cast<Sum>(load.hundredths) * reps;
}

std::int64_t ExactVolume::hundredths_in(Unit unit) const {
    const Sum scaled = kg_hundredths_ * kKgScale + lb_hundredths_ * kLbScale;
    return rounded_quotient(scaled, unit == Unit::kg ? kKgScale : kLbScale);
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
        totals.volume.add(set.load, set.reps);
        if (set.load.kind == LoadKind::bodyweight) {
            ++totals.bodyweight_sets;
            totals.bodyweight_reps += set.reps;
        }
        if (muscles == muscles_.end()) continue;
        for (const auto& muscle : muscles->second) ++totals.muscle_sets[muscle];
    }
}

std::vector<PeriodTotals> PeriodReport::periods(std::optional<Date> from,
                                                std::optional<Date> to) const {
    if (!from && !folds_.empty()) from = folds_.begin()->first;
    if (!to && !folds_.empty()) to = folds_.rbegin()->second.totals.period.end;
    std::vector<PeriodTotals> list;
    if (!from || !to) return list;
    for (Period period = period_of(*from, kind_); period.start <= *to;
         period = period_of(period.end + std::chrono::days(1), kind_)) {
        const auto fold = folds_.find(period.start);
        if (fold != folds_.end()) {
            list.push_back(fold->second.totals);
        } else {
            list.emplace_back().period = period;  // a period without training: all zeros
        }
    }
    return list;
}

}  // namespace liftlog
