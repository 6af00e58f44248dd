#include "liftlog/records.hpp"

#include <iterator>
#include <stdexcept>
#include <tuple>

namespace liftlog {

namespace {

using nlohmann::json;

bool is_loaded_work(const SetEntry& set) {
    return !set.warmup && set.load.kind != LoadKind::bodyweight;
}

bool is_bodyweight_work(const SetEntry& set) {
    return !set.warmup && set.load.kind == LoadKind::bodyweight;
}

// What each category compares. Every score is a function of the set alone, so
// comparisons do not depend on the order sets are folded or merged in.
double load_score(const SetEntry& set) {
    return added_kilograms(set.load);
}

int reps_score(const SetEntry& set) {
    return set.reps;
}

double e1rm_score(const SetEntry& set) {
    const auto estimate = estimate_one_rep_max(set);
    return estimate ? estimate->kilograms : 0.0;
}

// A set on offer, without copying its record's id unless it is kept.
struct Candidate {
    const SetEntry& set;
    Date date;
    std::string_view record_id;

    RecordSet held() const { return {set, date, std::string(record_id)}; }
};

Candidate candidate_of(const RecordSet& entry) {
    return {entry.set, entry.date, entry.record_id};
}

// A candidate offered after every entry already in `standing`: it takes the
// lead only by beating the best (ties keep the entry logged first), else it
// may become the runner-up.
template <class Score>
void offer(Standing& standing, const Candidate& candidate, Score score) {
    const auto value = score(candidate.set);
    if (value > score(standing.best.set)) {
        standing.runner_up = std::move(standing.best);
        standing.best = candidate.held();
    } else if (!standing.runner_up || value > score(standing.runner_up->set)) {
        standing.runner_up = candidate.held();
    }
}

template <class Score>
void offer(std::optional<Standing>& standing, const Candidate& candidate, Score score) {
    if (!standing)
        standing = Standing{candidate.held(), std::nullopt};
    else
        offer(*standing, candidate, score);
}

// The later part's two entries come after all of ours, best first, which is
// the order a sequential fold would have offered them in relative to each other.
template <class Score>
void merge_standing(Standing& into, Standing&& later, Score score) {
    offer(into, candidate_of(later.best), score);
    if (later.runner_up) offer(into, candidate_of(*later.runner_up), score);
}

template <class Score>
void merge_standing(std::optional<Standing>& into, std::optional<Standing>&& later, Score score) {
    if (!later) return;
    if (!into) {
        into = std::move(later);
        return;
    }
    merge_standing(*into, std::move(*later), score);
}

template <class Map, class Score>
void merge_table(Map& into, Map&& later, Score score) {
    for (auto& [key, standing] : later) {
        const auto [at, inserted] = into.try_emplace(key, std::move(standing));
        if (!inserted) merge_standing(at->second, std::move(standing), score);
    }
}

template <class Map, class Score>
void offer_to(Map& table, const typename Map::key_type& key, const Candidate& candidate,
              Score score) {
    if (const auto at = table.find(key); at != table.end())
        offer(at->second, candidate, score);
    else
        table.emplace(key, Standing{candidate.held(), std::nullopt});
}

// Whether sets[i] is the first of its record's best sets among those that
// `same_group` puts with it: a record offers one set per category, so that a
// runner-up always comes from another record.
template <class SameGroup, class Score>
bool first_best_of_group(const std::vector<SetEntry>& sets, std::size_t i, SameGroup same_group,
                         Score score) {
    const auto value = score(sets[i]);
    for (std::size_t j = 0; j < sets.size(); ++j) {
        if (j == i || !same_group(sets[j])) continue;
        const auto other = score(sets[j]);
        if (other > value || (other == value && j < i)) return false;
    }
    return true;
}

// The index of the record's first best set among those `eligible` accepts.
template <class Eligible, class Score>
std::optional<std::size_t> first_best(const std::vector<SetEntry>& sets, Eligible eligible,
                                      Score score) {
    std::optional<std::size_t> best;
    for (std::size_t i = 0; i < sets.size(); ++i)
        if (eligible(sets[i]) && (!best || score(sets[i]) > score(sets[*best]))) best = i;
    return best;
}

}  // namespace

bool HeavierLoadFirst::operator()(const Load& a, const Load& b) const {
    const double a_kg = added_kilograms(a);
    const double b_kg = added_kilograms(b);
    if (a_kg != b_kg) return a_kg > b_kg;
    return std::tie(a.kind, a.unit, a.hundredths) < std::tie(b.kind, b.unit, b.hundredths);
}

void PersonalRecords::add(const Record& record) {
    const auto& sets = record.sets;
    const auto offered = [&](std::size_t i) { return Candidate{sets[i], record.date, record.id}; };
    if (const auto i = first_best(sets, is_bodyweight_work, reps_score))
        offer(most_bodyweight_reps_, offered(*i), reps_score);
    if (const auto i = first_best(sets, is_loaded_work, e1rm_score))
        offer(best_e1rm_, offered(*i), e1rm_score);
    for (std::size_t i = 0; i < sets.size(); ++i) {
        const SetEntry& set = sets[i];
        if (!is_loaded_work(set)) continue;
        const auto same_reps = [&](const SetEntry& s) {
            return is_loaded_work(s) && s.reps == set.reps;
        };
        if (set.reps <= kMaxTrackedReps && first_best_of_group(sets, i, same_reps, load_score))
            offer_to(heaviest_by_reps_, set.reps, offered(i), load_score);
        const auto same_load = [&](const SetEntry& s) {
            return is_loaded_work(s) && s.load == set.load;
        };
        if (!first_best_of_group(sets, i, same_load, reps_score)) continue;
        if (const auto at = most_reps_by_load_.find(set.load); at != most_reps_by_load_.end()) {
            offer(at->second, offered(i), reps_score);
            continue;
        }
        const bool full = most_reps_by_load_.size() >= kTrackedLoads;
        if (full && !HeavierLoadFirst{}(set.load, std::prev(most_reps_by_load_.end())->first))
            continue;  // lighter than every load kept
        most_reps_by_load_.emplace(set.load, Standing{offered(i).held(), std::nullopt});
        if (full) most_reps_by_load_.erase(std::prev(most_reps_by_load_.end()));
    }
}

void PersonalRecords::merge(PersonalRecords&& later) {
    merge_table(heaviest_by_reps_, std::move(later.heaviest_by_reps_), load_score);
    merge_table(most_reps_by_load_, std::move(later.most_reps_by_load_), reps_score);
    while (most_reps_by_load_.size() > kTrackedLoads)
        most_reps_by_load_.erase(std::prev(most_reps_by_load_.end()));
    merge_standing(best_e1rm_, std::move(later.best_e1rm_), e1rm_score);
    merge_standing(most_bodyweight_reps_, std::move(later.most_bodyweight_reps_), reps_score);
}

OneRepMax record_one_rep_max(const RecordSet& holder) {
    return estimate_one_rep_max(holder.set).value_or(OneRepMax{});
}

std::vector<NewRecord> records_set_by(const PersonalRecords& records, std::string_view record_id) {
    std::vector<NewRecord> found;
    // Strictly better: equalling a record is not a new one.
    const auto beats = [](RecordKind kind, const SetEntry& now, const SetEntry& before) {
        switch (kind) {
            case RecordKind::e1rm:
                return e1rm_score(now) > e1rm_score(before);
            case RecordKind::heaviest_for_reps:
                return load_score(now) > load_score(before);
            case RecordKind::most_reps_at_load:
            case RecordKind::most_reps_bodyweight:
                break;
        }
        return reps_score(now) > reps_score(before);
    };
    const auto check = [&](RecordKind kind, const Standing& standing) {
        if (standing.best.record_id == record_id && standing.runner_up &&
            beats(kind, standing.best.set, standing.runner_up->set))
            found.push_back({kind, standing.best, *standing.runner_up});
    };
    if (records.best_e1rm()) check(RecordKind::e1rm, *records.best_e1rm());
    for (const auto& [reps, standing] : records.heaviest_by_reps())
        check(RecordKind::heaviest_for_reps, standing);
    for (const auto& [load, standing] : records.most_reps_by_load())
        check(RecordKind::most_reps_at_load, standing);
    if (records.most_bodyweight_reps())
        check(RecordKind::most_reps_bodyweight, *records.most_bodyweight_reps());
    return found;
}

// The state: each standing is [best] or [best, runner-up], each entry
// [set, "date", "record id"] with the set in the log's JSON shape.
namespace {

json entry_state(const RecordSet& entry) {
    return json::array(
        {json(sets_to_json({entry.set})[0]), format_date(entry.date), entry.record_id});
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

void require(bool condition, const char* what) {
    if (!condition) throw std::invalid_argument(what);
}

RecordSet entry_from_state(const json& state) {
    require(state.is_array() && state.size() == 3, "bad record entry");
    RecordSet entry;
    entry.set = sets_from_json(json::array({state.at(0)})).at(0);
    require(!entry.set.warmup, "a warm-up set holds a record");
    const auto date = parse_date(state.at(1).get<std::string>());
    require(date.has_value(), "bad record date");
    entry.date = *date;
    entry.record_id = state.at(2).get<std::string>();
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

json PersonalRecords::to_state() const {
    return {{"by_reps", table_state(heaviest_by_reps_)},
            {"by_load", table_state(most_reps_by_load_)},
            {"e1rm", optional_standing_state(best_e1rm_)},
            {"bodyweight", optional_standing_state(most_bodyweight_reps_)}};
}

PersonalRecords PersonalRecords::from_state(const json& state) {
    PersonalRecords records;
    for (const auto& standing_json : state.at("by_reps")) {
        const int reps = standing_json.at(0).at(0).at("reps").get<int>();
        require(reps >= 1 && reps <= kMaxTrackedReps, "rep count out of range");
        const auto fits = [reps](const SetEntry& s) { return is_loaded_work(s) && s.reps == reps; };
        require(
            records.heaviest_by_reps_.empty() || records.heaviest_by_reps_.rbegin()->first < reps,
            "rep counts out of order");
        records.heaviest_by_reps_.emplace(reps,
                                          standing_from_state(standing_json, fits, load_score));
    }
    for (const auto& standing_json : state.at("by_load")) {
        const Load load = entry_from_state(standing_json.at(0)).set.load;
        const auto fits = [load](const SetEntry& s) { return is_loaded_work(s) && s.load == load; };
        require(records.most_reps_by_load_.empty() ||
                    HeavierLoadFirst{}(records.most_reps_by_load_.rbegin()->first, load),
                "loads out of order");
        records.most_reps_by_load_.emplace(load,
                                           standing_from_state(standing_json, fits, reps_score));
    }
    require(records.most_reps_by_load_.size() <= kTrackedLoads, "too many loads");
    records.best_e1rm_ = optional_standing_from_state(state.at("e1rm"), is_loaded_work, e1rm_score);
    records.most_bodyweight_reps_ =
        optional_standing_from_state(state.at("bodyweight"), is_bodyweight_work, reps_score);
    return records;
}

}  // namespace liftlog
