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

void ExerciseHistory::keep_best(const SetEntry& set, Date date) {
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
        if (set.load.kind != LoadKind::bodyweight) {
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

namespace {

using nlohmann::json;

template <class Integer>
std::string integer_text(Integer value) {
    if (value == 0) return "0";
    const bool negative = value < 0;
    std::string digits;
    for (; value != 0; value /= 10)
        digits.insert(digits.begin(), char('0' + std::abs(int(value % 10))));
    return negative ? "-" + digits : digits;
}

template <class Integer>
Integer integer_from_text(const std::string& text) {
    Integer value = 0;
    const bool negative = text.starts_with('-');
    if (text.size() < (negative ? 2U : 1U)) throw std::invalid_argument("empty number");
    for (std::size_t i = negative ? 1 : 0; i < text.size(); ++i) {
        if (text[i] < '0' || text[i] > '9') throw std::invalid_argument("not a number");
        value = value * 10 + (negative ? -(text[i] - '0') : text[i] - '0');
    }
    return value;
}

json session_state(const Session& session) {
    return {{"date", format_date(session.date)},
            {"sets", sets_to_json(session.sets)},
            {"pain", session.pain},
            {"rpe", session.rpe ? json(*session.rpe) : json(nullptr)},
            {"notes", session.notes},
            {"ids", session.record_ids}};
}

Date date_state(const json& value) {
    const auto date = parse_date(value.get<std::string>());
    if (!date) throw std::invalid_argument("bad date");
    return *date;
}

Session session_from_state(const json& state) {
    Session session;
    session.date = date_state(state.at("date"));
    session.sets = sets_from_json(state.at("sets"));
    session.pain = state.at("pain").get<bool>();
    if (!state.at("rpe").is_null()) session.rpe = state.at("rpe").get<double>();
    session.notes = state.at("notes").get<std::vector<std::string>>();
    session.record_ids = state.at("ids").get<std::vector<std::string>>();
    return session;
}

}  // namespace

json ExerciseHistory::to_state() const {
    // Days as differences from the previous one: short, since they are sorted.
    json days = json::array();
    long long previous = 0;
    for (const Date date : dates_) {
        const long long day = date.time_since_epoch().count();
        days.push_back(day - previous);
        previous = day;
    }
    json sessions = json::array();
    for (const auto& [date, session] : recent_) sessions.push_back(session_state(session));
    return {{"kept", kept_sessions_},
            {"days", std::move(days)},
            {"best", best_set_ ? json(sets_to_json({*best_set_})[0]) : json(nullptr)},
            {"best_date", best_set_date_ ? json(format_date(*best_set_date_)) : json(nullptr)},
            {"reps", total_reps_},
            {"kg_volume", integer_text(kg_volume_hundredths_)},
            {"lb_volume", integer_text(lb_volume_hundredths_)},
            {"records", records_.to_state()},
            {"sessions", std::move(sessions)}};
}

namespace {

// State that no fold could have produced (a damaged cache) is refused.
void require(bool condition, const char* what) {
    if (!condition) throw std::invalid_argument(what);
}

}  // namespace

ExerciseHistory ExerciseHistory::from_state(const json& state) {
    const auto kept = state.at("kept").get<std::size_t>();
    require(kept >= 1, "no sessions kept");
    ExerciseHistory history(kept);
    constexpr long long kDaysInRange = 4'000'000;  // more than years 1900 to 9999
    long long day = 0;
    for (const auto& delta_json : state.at("days")) {
        const auto delta = delta_json.get<long long>();
        require(delta > -kDaysInRange && delta < kDaysInRange, "day out of range");
        require(history.dates_.empty() || delta > 0, "days out of order");
        day += delta;
        history.dates_.push_back(Date{std::chrono::days{day}});
    }
    if (!state.at("best").is_null()) {
        history.best_set_ = sets_from_json(json::array({state.at("best")})).at(0);
        history.best_set_date_ = date_state(state.at("best_date"));
    }
    history.total_reps_ = state.at("reps").get<long long>();
    require(history.total_reps_ >= 0, "negative reps");
    const auto volume = [&](const char* key) {
        const auto text = state.at(key).get<std::string>();
        require(text.size() <= 30, "volume out of range");
        return integer_from_text<VolumeSum>(text);
    };
    history.kg_volume_hundredths_ = volume("kg_volume");
    history.lb_volume_hundredths_ = volume("lb_volume");
    history.records_ = PersonalRecords::from_state(state.at("records"));
    for (const auto& session : state.at("sessions")) {
        Session parsed = session_from_state(session);
        const Date date = parsed.date;
        require(history.recent_.emplace(date, std::move(parsed)).second, "a session twice");
    }
    require(history.recent_.size() <= kept, "too many sessions");
    return history;
}

std::vector<Session> ExerciseHistory::recent_sessions() const {
    std::vector<Session> sessions;
    for (const auto& [date, session] : recent_) sessions.push_back(session);
    return sessions;
}

}  // namespace liftlog
