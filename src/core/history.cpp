#include "liftlog/history.hpp"

#include <algorithm>
#include <cmath>

namespace liftlog {

namespace {

void merge_into(Session& session, const Record& record) {
    session.date = record.date;
    session.sets.insert(session.sets.end(), record.sets.begin(), record.sets.end());
    session.pain = session.pain || record.pain;
    // A day is light only when all of it was: back-off sets marked light
    // beside a heavy entry leave the heavy entry to be judged.
    session.light = (session.record_ids.empty() || session.light) && record.light;
    if (record.rpe) session.rpe = std::max(session.rpe.value_or(0.0), *record.rpe);
    if (record.note) session.notes.push_back(*record.note);
    session.record_ids.push_back(record.id);
}

bool is_bodyweight_kind(const Load& load) {
    return load.kind == LoadKind::bodyweight || load.kind == LoadKind::added ||
           load.kind == LoadKind::assisted;
}

void add_assistance(BodyweightDay& day, const SetEntry& set) {
    if (set.load.kind != LoadKind::assisted) return;
    (set.load.unit == Unit::kg ? day.assistance_kg : day.assistance_lb) +=
        set.load.hundredths * set.reps;
}

double assistance_kilograms(const BodyweightDay& day) {
    return static_cast<double>(day.assistance_kg) / 100.0 +
           static_cast<double>(day.assistance_lb) / 100.0 * kKilogramsPerPound;
}

bool within_epley(const SetEntry& set) {
    return set.reps <= kEpleyMaxReps;
}

// `a` gives an e1RM at least as good as `b` whatever the body weight: as much
// added load, as many reps, and on the same side of Epley's range.
bool covers(const SetEntry& a, const SetEntry& b) {
    return within_epley(a) == within_epley(b) &&
           added_kilograms(a.load) >= added_kilograms(b.load) && a.reps >= b.reps;
}

void offer_candidate(std::vector<SetEntry>& candidates, const SetEntry& set) {
    for (const auto& kept : candidates)
        if (covers(kept, set)) return;
    std::erase_if(candidates, [&](const SetEntry& kept) { return covers(set, kept); });
    candidates.push_back(set);
}

void merge_day(BodyweightDay& into, const BodyweightDay& later) {
    into.reps += later.reps;
    into.assistance_kg += later.assistance_kg;
    into.assistance_lb += later.assistance_lb;
    for (const auto& set : later.e1rm_candidates) offer_candidate(into.e1rm_candidates, set);
}

// The set as if lifted at `body_weight` plus its added load, for the e1RM.
SetEntry with_body_weight(const SetEntry& set, const BodyWeight& body_weight) {
    const double added_kg = added_kilograms(set.load);
    const double total_kg = body_weight_kilograms(body_weight) + added_kg;
    SetEntry total = set;
    total.load =
        Load::external(static_cast<std::int64_t>(std::llround(total_kg * 100.0)), Unit::kg);
    return total;
}

}  // namespace

double body_weight_kilograms(const BodyWeight& weight) {
    const double amount = static_cast<double>(weight.hundredths) / 100.0;
    return weight.unit == Unit::kg ? amount : amount * kKilogramsPerPound;
}

void BodyWeightTimeline::add(const Record& record) {
    if (record.body_weight) by_date_[record.date] = *record.body_weight;
}

void BodyWeightTimeline::merge(BodyWeightTimeline&& later) {
    for (auto& [date, weight] : later.by_date_) by_date_[date] = weight;
}

std::optional<DatedBodyWeight> BodyWeightTimeline::on_or_before(Date date) const {
    auto after = by_date_.upper_bound(date);
    if (after == by_date_.begin()) return std::nullopt;
    --after;
    return DatedBodyWeight{after->first, after->second};
}

std::optional<DatedBodyWeight> BodyWeightTimeline::latest() const {
    if (by_date_.empty()) return std::nullopt;
    return DatedBodyWeight{by_date_.rbegin()->first, by_date_.rbegin()->second};
}

std::vector<SetEntry> working_sets(const Session& session) {
    std::vector<SetEntry> sets;
    std::copy_if(session.sets.begin(), session.sets.end(), std::back_inserter(sets),
                 [](const SetEntry& set) { return !set.warmup; });
    return sets;
}

bool heavier_set(const SetEntry& a, const SetEntry& b) {
    const double a_kg = added_kilograms(a.load);
    const double b_kg = added_kilograms(b.load);
    if (a_kg != b_kg) return a_kg > b_kg;
    if (a.reps != b.reps) return a.reps > b.reps;
    if (a.seconds.value_or(0) != b.seconds.value_or(0))
        return a.seconds.value_or(0) > b.seconds.value_or(0);
    const double a_m = a.distance ? to_metres(*a.distance) : 0.0;
    const double b_m = b.distance ? to_metres(*b.distance) : 0.0;
    return a_m > b_m;
}

void ExerciseHistory::keep_best(const SetEntry& set, Date date) {
    if (set.failed()) return;  // a failed attempt is never the best
    if (best_set_ && !heavier_set(set, *best_set_)) return;
    best_set_ = set;
    best_set_date_ = date;
}

void ExerciseHistory::trim_sessions() {
    while (recent_.size() > kept_sessions_) recent_.erase(recent_.begin());
}

void ExerciseHistory::add(const Record& record) {
    // Logs are nearly always in date order, so a date is usually the last one.
    if (dates_.empty() || dates_.back() < record.date) {
        dates_.push_back(record.date);
    } else if (dates_.back() != record.date) {
        const auto at = std::lower_bound(dates_.begin(), dates_.end(), record.date);
        if (*at != record.date) dates_.insert(at, record.date);
    }
    for (const auto& set : record.sets) {
        if (set.warmup) continue;
        total_reps_ += set.reps;
        if (set.seconds) total_seconds_ += *set.seconds;
        if (set.distance)
            distance_hundredths_[static_cast<std::size_t>(set.distance->unit)] +=
                set.distance->hundredths;
        if (carries_volume(set.load)) {
            auto& volume =
                set.load.unit == Unit::kg ? kg_volume_hundredths_ : lb_volume_hundredths_;
            volume += static_cast<VolumeSum>(set.load.hundredths) * set.reps;
        }
        keep_best(set, record.date);
        // Failed attempts and timed sets move no body weight a rep at a time.
        if (is_bodyweight_kind(set.load) && set.reps >= 1) {
            BodyweightDay& day = bodyweight_days_[record.date];
            day.reps += set.reps;
            add_assistance(day, set);
            offer_candidate(day.e1rm_candidates, set);
        }
    }
    records_.add(record);
    const bool full = recent_.size() >= kept_sessions_;
    if (full && record.date < recent_.begin()->first && !recent_.contains(record.date)) return;
    merge_into(recent_[record.date], record);
    trim_sessions();
}

void ExerciseHistory::merge(ExerciseHistory&& later) {
    std::vector<Date> dates;
    dates.reserve(dates_.size() + later.dates_.size());
    std::set_union(dates_.begin(), dates_.end(), later.dates_.begin(), later.dates_.end(),
                   std::back_inserter(dates));
    dates_ = std::move(dates);
    if (later.best_set_) keep_best(*later.best_set_, *later.best_set_date_);
    total_reps_ += later.total_reps_;
    total_seconds_ += later.total_seconds_;
    for (std::size_t i = 0; i < distance_hundredths_.size(); ++i)
        distance_hundredths_[i] += later.distance_hundredths_[i];
    kg_volume_hundredths_ += later.kg_volume_hundredths_;
    lb_volume_hundredths_ += later.lb_volume_hundredths_;
    records_.merge(std::move(later.records_));
    for (const auto& [date, day] : later.bodyweight_days_) merge_day(bodyweight_days_[date], day);
    for (auto& [date, session] : later.recent_) {
        const auto [at, inserted] = recent_.try_emplace(date, std::move(session));
        if (inserted) continue;
        Session& into = at->second;
        const auto append = [](auto& to, auto& from) {
            to.insert(to.end(), std::make_move_iterator(from.begin()),
                      std::make_move_iterator(from.end()));
        };
        append(into.sets, session.sets);
        into.pain = into.pain || session.pain;
        into.light = into.light && session.light;
        if (session.rpe) into.rpe = std::max(into.rpe.value_or(0.0), *session.rpe);
        append(into.notes, session.notes);
        append(into.record_ids, session.record_ids);
    }
    trim_sessions();
}

std::optional<Date> ExerciseHistory::first_date() const {
    if (dates_.empty()) return std::nullopt;
    return dates_.front();
}

std::optional<Date> ExerciseHistory::last_date() const {
    if (dates_.empty()) return std::nullopt;
    return dates_.back();
}

double ExerciseHistory::total_metres() const {
    double metres = 0.0;
    for (std::size_t i = 0; i < distance_hundredths_.size(); ++i)
        metres += to_metres({distance_hundredths_[i], static_cast<DistanceUnit>(i)});
    return metres;
}

bool ExerciseHistory::has_distance_sets() const {
    for (const long long hundredths : distance_hundredths_)
        if (hundredths > 0) return true;
    return false;
}

double ExerciseHistory::volume_kg() const {
    return static_cast<double>(kg_volume_hundredths_) / 100.0 +
           static_cast<double>(lb_volume_hundredths_) / 100.0 * kKilogramsPerPound;
}

double ExerciseHistory::volume_kg(const BodyWeightTimeline& body_weights) const {
    double volume = volume_kg();
    for (const auto& [date, day] : bodyweight_days_)
        if (const auto weight = body_weights.on_or_before(date))
            volume += std::max(
                0.0, body_weight_kilograms(weight->weight) * static_cast<double>(day.reps) -
                         assistance_kilograms(day));
    return volume;
}

std::optional<BodyweightOneRepMax> ExerciseHistory::best_bodyweight_e1rm(
    const BodyWeightTimeline& body_weights) const {
    std::optional<BodyweightOneRepMax> best;
    for (const auto& [date, day] : bodyweight_days_) {
        const auto weight = body_weights.on_or_before(date);
        if (!weight) continue;
        for (const auto& set : day.e1rm_candidates) {
            const auto estimate = estimate_one_rep_max(with_body_weight(set, weight->weight));
            if (!estimate) continue;
            // Within Epley's range first, as for the personal records.
            const auto score = std::pair{!estimate->beyond_epley_range, estimate->kilograms};
            if (best &&
                score <= std::pair{!best->estimate.beyond_epley_range, best->estimate.kilograms})
                continue;
            best = BodyweightOneRepMax{*estimate, set, date, *weight};
        }
    }
    return best;
}

std::vector<Session> ExerciseHistory::recent_sessions() const {
    std::vector<Session> sessions;
    for (const auto& [date, session] : recent_) sessions.push_back(session);
    return sessions;
}

}  // namespace liftlog
