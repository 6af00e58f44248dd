#include "liftlog/history.hpp"

#include <algorithm>

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

}  // namespace

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
    return a.reps > b.reps;
}

void ExerciseHistory::keep_best(const SetEntry& set, Date date) {
    if (set.reps < 1) return;  // a failed attempt, or a timed or distance set
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
        if (carries_volume(set.load)) {
            auto& volume =
                set.load.unit == Unit::kg ? kg_volume_hundredths_ : lb_volume_hundredths_;
            volume += static_cast<VolumeSum>(set.load.hundredths) * set.reps;
        }
        keep_best(set, record.date);
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
    kg_volume_hundredths_ += later.kg_volume_hundredths_;
    lb_volume_hundredths_ += later.lb_volume_hundredths_;
    records_.merge(std::move(later.records_));
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

double ExerciseHistory::volume_kg() const {
    return static_cast<double>(kg_volume_hundredths_) / 100.0 +
           static_cast<double>(lb_volume_hundredths_) / 100.0 * kKilogramsPerPound;
}

std::vector<Session> ExerciseHistory::recent_sessions() const {
    std::vector<Session> sessions;
    for (const auto& [date, session] : recent_) sessions.push_back(session);
    return sessions;
}

}  // namespace liftlog
