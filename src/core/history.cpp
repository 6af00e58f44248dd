#include "liftlog/history.hpp"

#include <algorithm>

namespace liftlog {

namespace {

void merge_into(Session& session, const Record& record) {
    session.date = record.date;
    session.sets.insert(session.sets.end(), record.sets.begin(), record.sets.end());
    session.pain = session.pain || record.pain;
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

void ExerciseHistory::add(const Record& record) {
    dates_.insert(record.date);
    for (const auto& set : record.sets) {
        if (set.warmup) continue;
        total_reps_ += set.reps;
        volume_kg_ += set.reps * added_kilograms(set.load);
        if (!best_set_ || heavier_set(set, *best_set_)) {
            best_set_ = set;
            best_set_date_ = record.date;
        }
    }
    const bool full = recent_.size() >= kRecentSessions;
    if (full && !recent_.contains(record.date) && record.date < recent_.begin()->first) return;
    merge_into(recent_[record.date], record);
    if (recent_.size() > kRecentSessions) recent_.erase(recent_.begin());
}

std::optional<Date> ExerciseHistory::first_date() const {
    if (dates_.empty()) return std::nullopt;
    return *dates_.begin();
}

std::optional<Date> ExerciseHistory::last_date() const {
    if (dates_.empty()) return std::nullopt;
    return *dates_.rbegin();
}

std::vector<Session> ExerciseHistory::recent_sessions() const {
    std::vector<Session> sessions;
    for (const auto& [date, session] : recent_) sessions.push_back(session);
    return sessions;
}

std::vector<Session> group_sessions(const std::vector<Record>& records) {
    std::map<Date, Session> by_date;
    for (const auto& record : records) merge_into(by_date[record.date], record);
    std::vector<Session> sessions;
    for (auto& [date, session] : by_date) sessions.push_back(std::move(session));
    return sessions;
}

}  // namespace liftlog
