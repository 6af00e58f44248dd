#include "liftlog/history_state.hpp"

#include <cstdlib>
#include <stdexcept>

namespace liftlog {

using nlohmann::json;
using namespace record_rules;

namespace {

constexpr long long kDaysInRange = 4'000'000;  // more than years 1900 to 9999

// State that no fold could have produced (a damaged cache) is refused.
void require(bool condition, const char* what) {
    if (!condition) throw std::invalid_argument(what);
}

}  // namespace

namespace {

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
            {"light", session.light},
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
    session.light = state.at("light").get<bool>();
    if (!state.at("rpe").is_null()) session.rpe = state.at("rpe").get<double>();
    session.notes = state.at("notes").get<std::vector<std::string>>();
    session.record_ids = state.at("ids").get<std::vector<std::string>>();
    return session;
}

json bodyweight_days_state(const std::map<Date, BodyweightDay>& days) {
    json state = json::array();
    for (const auto& [date, day] : days)
        state.push_back({format_date(date), day.reps, sets_to_json(day.e1rm_candidates),
                         day.assistance_kg, day.assistance_lb});
    return state;
}

std::map<Date, BodyweightDay> bodyweight_days_from_state(const json& state) {
    std::map<Date, BodyweightDay> days;
    for (const auto& entry : state) {
        BodyweightDay day;
        day.reps = entry.at(1).get<long long>();
        day.e1rm_candidates = sets_from_json(entry.at(2));
        day.assistance_kg = entry.at(3).get<long long>();
        day.assistance_lb = entry.at(4).get<long long>();
        require(day.reps > 0 && !day.e1rm_candidates.empty(), "an empty bodyweight day");
        require(days.emplace(date_state(entry.at(0)), std::move(day)).second,
                "a bodyweight day twice");
    }
    return days;
}

}  // namespace

json HistoryState::of(const ExerciseHistory& history) {
    // Days as differences from the previous one: short, since they are sorted.
    json days = json::array();
    long long previous = 0;
    for (const Date date : history.dates_) {
        const long long day = date.time_since_epoch().count();
        days.push_back(day - previous);
        previous = day;
    }
    json sessions = json::array();
    for (const auto& [date, session] : history.recent_) sessions.push_back(session_state(session));
    return {
        {"kept", history.kept_sessions_},
        {"days", std::move(days)},
        {"best", history.best_set_ ? json(sets_to_json({*history.best_set_})[0]) : json(nullptr)},
        {"best_date",
         history.best_set_date_ ? json(format_date(*history.best_set_date_)) : json(nullptr)},
        {"reps", history.total_reps_},
        {"seconds", history.total_seconds_},
        {"distance", history.distance_hundredths_},
        {"kg_volume", integer_text(history.kg_volume_hundredths_)},
        {"lb_volume", integer_text(history.lb_volume_hundredths_)},
        {"records", of(history.records_)},
        {"bodyweight_days", bodyweight_days_state(history.bodyweight_days_)},
        {"sessions", std::move(sessions)}};
}

ExerciseHistory HistoryState::history_from(const json& state) {
    const auto kept = state.at("kept").get<std::size_t>();
    require(kept >= 1, "no sessions kept");
    ExerciseHistory history(kept);
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
        require(!history.best_set_->failed() && !history.best_set_->warmup,
                "a failed or warm-up best set");
    }
    history.total_reps_ = state.at("reps").get<long long>();
    require(history.total_reps_ >= 0, "negative reps");
    history.total_seconds_ = state.at("seconds").get<long long>();
    require(history.total_seconds_ >= 0, "negative seconds");
    const auto& distance = state.at("distance");
    require(distance.is_array() && distance.size() == history.distance_hundredths_.size(),
            "bad distance totals");
    for (std::size_t i = 0; i < history.distance_hundredths_.size(); ++i) {
        history.distance_hundredths_[i] = distance[i].get<long long>();
        require(history.distance_hundredths_[i] >= 0, "negative distance");
    }
    const auto volume = [&](const char* key) {
        const auto text = state.at(key).get<std::string>();
        require(text.size() <= 30, "volume out of range");
        return integer_from_text<ExerciseHistory::VolumeSum>(text);
    };
    history.kg_volume_hundredths_ = volume("kg_volume");
    history.lb_volume_hundredths_ = volume("lb_volume");
    history.records_ = records_from(state.at("records"));
    history.bodyweight_days_ = bodyweight_days_from_state(state.at("bodyweight_days"));
    for (const auto& session : state.at("sessions")) {
        Session parsed = session_from_state(session);
        const Date date = parsed.date;
        require(history.recent_.emplace(date, std::move(parsed)).second, "a session twice");
    }
    require(history.recent_.size() <= kept, "too many sessions");
    return history;
}

// The state: each standing is [best] or [best, runner-up], each entry
// [reps, kind, hundredths, unit, day, "record id"] with kind 0 for body
// weight, 1 added, 2 external, 3 assisted, unit 0 for kg and 1 for lb, and
// the day counted from 1970-01-01. A timed entry adds its seconds (reps 0),
// a distance entry its distance's hundredths and unit (0 m, 1 km, 2 yd, 3 ft,
// 4 mi; reps 0). Compact, because `progress` reads every
// exercise's records from the cache.
namespace {

json entry_state(const RecordHolder& entry) {
    const Load& load = entry.set.load;
    json state = json::array({entry.set.reps, static_cast<int>(load.kind), load.hundredths,
                              static_cast<int>(load.unit), entry.date.time_since_epoch().count(),
                              entry.record_id});
    if (entry.set.seconds) state.push_back(*entry.set.seconds);
    if (entry.set.distance) {
        state.push_back(entry.set.distance->hundredths);
        state.push_back(static_cast<int>(entry.set.distance->unit));
    }
    return state;
}

json standing_state(const Standing& standing) {
    json state = json::array({entry_state(standing.best)});
    if (standing.runner_up) state.push_back(entry_state(*standing.runner_up));
    return state;
}

json optional_standing_state(const std::optional<Standing>& standing) {
    return standing ? standing_state(*standing) : json(nullptr);
}

template <class Map>
json table_state(const Map& table) {
    json state = json::array();
    for (const auto& [key, standing] : table) state.push_back(standing_state(standing));
    return state;
}

// Held to the log's limits for a set (docs/log-format.md).
Load load_from_state(int kind, std::int64_t hundredths, int unit) {
    require(kind >= 0 && kind <= 3 && unit >= 0 && unit <= 1, "bad load kind or unit");
    if (kind == static_cast<int>(LoadKind::bodyweight)) {
        require(hundredths == 0 && unit == 0, "an amount at body weight");
        return Load::bodyweight();
    }
    require(hundredths > 0 && hundredths <= 1'000'000'000, "load out of range");
    return {static_cast<LoadKind>(kind), hundredths, static_cast<Unit>(unit)};
}

RecordHolder entry_from_state(const json& state) {
    require(state.is_array() && state.size() >= 6 && state.size() <= 8, "bad record entry");
    RecordHolder entry;
    entry.set.reps = state[0].get<int>();
    if (state.size() == 6) {
        require(entry.set.reps >= 1 && entry.set.reps <= 100'000, "reps out of range");
    } else if (state.size() == 7) {
        require(entry.set.reps == 0, "reps in a timed set");
        entry.set.seconds = state[6].get<int>();
        require(*entry.set.seconds >= 1 && *entry.set.seconds <= 86'400, "seconds out of range");
    } else {
        require(entry.set.reps == 0, "reps in a distance set");
        const auto hundredths = state[6].get<std::int64_t>();
        const int unit = state[7].get<int>();
        require(hundredths > 0 && hundredths <= 1'000'000'000, "distance out of range");
        require(unit >= 0 && unit <= static_cast<int>(DistanceUnit::mi), "bad distance unit");
        entry.set.distance = Distance{hundredths, static_cast<DistanceUnit>(unit)};
    }
    entry.set.load =
        load_from_state(state[1].get<int>(), state[2].get<std::int64_t>(), state[3].get<int>());
    const auto day = state[4].get<long long>();
    require(day > -kDaysInRange && day < kDaysInRange, "day out of range");
    entry.date = Date{std::chrono::days{day}};
    entry.record_id = state[5].get<std::string>();
    return entry;
}

// `fits` says whether an entry belongs in the standing; the runner-up must
// not beat the best.
template <class Fits, class Score>
Standing standing_from_state(const json& state, Fits fits, Score score) {
    require(state.is_array() && (state.size() == 1 || state.size() == 2), "bad standing");
    Standing standing{entry_from_state(state.at(0)), std::nullopt};
    require(fits(standing.best.set), "a record in the wrong category");
    if (state.size() == 2) {
        standing.runner_up = entry_from_state(state.at(1));
        require(fits(standing.runner_up->set), "a record in the wrong category");
        require(!(score(standing.runner_up->set) > score(standing.best.set)),
                "a runner-up beats the best");
    }
    return standing;
}

template <class Fits, class Score>
std::optional<Standing> optional_standing_from_state(const json& state, Fits fits, Score score) {
    if (state.is_null()) return std::nullopt;
    return standing_from_state(state, fits, score);
}

}  // namespace

json HistoryState::of(const PersonalRecords& records) {
    return {{"by_reps", table_state(records.heaviest_by_reps())},
            {"by_load", table_state(records.most_reps_by_load())},
            {"e1rm", optional_standing_state(records.best_e1rm_)},
            {"bodyweight", optional_standing_state(records.most_bodyweight_reps_)},
            {"time", optional_standing_state(records.longest_time_)},
            {"distance", optional_standing_state(records.longest_distance_)}};
}

PersonalRecords HistoryState::records_from(const json& state) {
    PersonalRecords records;
    for (const auto& standing_json : state.at("by_reps")) {
        const int reps = standing_json.at(0).at(0).get<int>();
        require(reps >= 1 && reps <= PersonalRecords::kMaxTrackedReps, "rep count out of range");
        const auto fits = [reps](const SetEntry& s) { return is_loaded_work(s) && s.reps == reps; };
        require(records.heaviest_by_reps_.size() < static_cast<std::size_t>(reps),
                "rep counts out of order");
        records.heaviest_by_reps_.resize(static_cast<std::size_t>(reps));
        records.heaviest_by_reps_.back() = standing_from_state(standing_json, fits, load_score);
    }
    for (const auto& standing_json : state.at("by_load")) {
        const Load load = entry_from_state(standing_json.at(0)).set.load;
        const auto fits = [load](const SetEntry& s) { return is_loaded_work(s) && s.load == load; };
        require(records.loads_.empty() || HeavierLoadFirst{}(records.loads_.back(), load),
                "loads out of order");
        records.most_reps_at_.push_back(standing_from_state(standing_json, fits, reps_score));
        records.loads_.push_back(load);
    }
    require(records.loads_.size() <= PersonalRecords::kTrackedLoads, "too many loads");
    records.best_e1rm_ = optional_standing_from_state(state.at("e1rm"), is_loaded_work, e1rm_score);
    records.most_bodyweight_reps_ =
        optional_standing_from_state(state.at("bodyweight"), is_bodyweight_work, reps_score);
    records.longest_time_ =
        optional_standing_from_state(state.at("time"), is_timed_work, time_score);
    records.longest_distance_ =
        optional_standing_from_state(state.at("distance"), is_distance_work, distance_score);
    return records;
}

nlohmann::json history_to_state(const ExerciseHistory& history) {
    return HistoryState::of(history);
}

ExerciseHistory history_from_state(const nlohmann::json& state) {
    return HistoryState::history_from(state);
}

nlohmann::json records_to_state(const PersonalRecords& records) {
    return HistoryState::of(records);
}

PersonalRecords records_from_state(const nlohmann::json& state) {
    return HistoryState::records_from(state);
}

}  // namespace liftlog
