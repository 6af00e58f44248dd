#include "liftlog/personal_records.hpp"

#include <iterator>
#include <stdexcept>
#include <tuple>

namespace liftlog {

using namespace record_rules;

namespace {

// A set on offer, without copying its record's id unless it is kept.
struct Candidate {
    const SetEntry& set;
    Date date;
    std::string_view record_id;

    RecordHolder held() const { return {set, date, std::string(record_id)}; }
};

// In place, so that the id's buffer is reused: ids are 16 characters, one
// more than a string holds without allocating.
void overwrite(RecordHolder& entry, const Candidate& candidate) {
    entry.set = candidate.set;
    entry.date = candidate.date;
    entry.record_id.assign(candidate.record_id);
}

Candidate candidate_of(const RecordHolder& entry) {
    return {entry.set, entry.date, entry.record_id};
}

// A candidate offered after every entry already in `standing`: it takes the
// lead only by beating the best (ties keep the entry logged first), else it
// may become the runner-up.
template <class Score>
void offer(Standing& standing, const Candidate& candidate, Score score) {
    const auto value = score(candidate.set);
    if (value > score(standing.best.set)) {
        if (!standing.runner_up) standing.runner_up.emplace();
        std::swap(standing.best, *standing.runner_up);
        overwrite(standing.best, candidate);
    } else if (!standing.runner_up || value > score(standing.runner_up->set)) {
        if (!standing.runner_up) standing.runner_up.emplace();
        overwrite(*standing.runner_up, candidate);
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

void offer_to_reps_table(std::vector<std::optional<Standing>>& table, int reps,
                         const Candidate& candidate) {
    const auto index = static_cast<std::size_t>(reps - 1);
    if (table.size() <= index) table.resize(index + 1);
    offer(table[index], candidate, load_score);
}

// The most-reps table is two parallel arrays, loads heaviest first.
void insert_load(std::vector<Load>& loads, std::vector<Standing>& standings, const Load& load,
                 Standing&& standing) {
    const auto at = std::lower_bound(loads.begin(), loads.end(), load, HeavierLoadFirst{});
    standings.insert(standings.begin() + (at - loads.begin()), std::move(standing));
    loads.insert(at, load);
}

void trim_loads(std::vector<Load>& loads, std::vector<Standing>& standings) {
    if (loads.size() <= PersonalRecords::kTrackedLoads) return;
    loads.resize(PersonalRecords::kTrackedLoads);
    standings.resize(PersonalRecords::kTrackedLoads);
}

// Only the kTrackedLoads heaviest loads have a row: a new load lighter than
// all of a full table's is dropped, a heavier one evicts the lightest.
void offer_at_load(std::vector<Load>& loads, std::vector<Standing>& standings,
                   const Candidate& candidate) {
    const Load& load = candidate.set.load;
    if (const auto at = std::find(loads.begin(), loads.end(), load); at != loads.end()) {
        offer(standings[at - loads.begin()], candidate, reps_score);
        return;
    }
    if (loads.size() >= PersonalRecords::kTrackedLoads && !HeavierLoadFirst{}(load, loads.back()))
        return;
    insert_load(loads, standings, load, Standing{candidate.held(), std::nullopt});
    trim_loads(loads, standings);
}

}  // namespace

bool HeavierLoadFirst::operator()(const Load& a, const Load& b) const {
    // The same order as below, without converting, for the usual case.
    if (a.kind == b.kind && a.unit == b.unit) return a.hundredths > b.hundredths;
    const double a_kg = kilograms(a);
    const double b_kg = kilograms(b);
    if (a_kg != b_kg) return a_kg > b_kg;
    return std::tie(a.kind, a.unit, a.hundredths) < std::tie(b.kind, b.unit, b.hundredths);
}

void PersonalRecords::add(const Record& record) {
    const auto& sets = record.sets;
    const auto offered = [&](std::size_t i) { return Candidate{sets[i], record.date, record.id}; };
    std::optional<std::size_t> most_bodyweight_reps;
    std::optional<std::size_t> best_e1rm;
    std::optional<std::size_t> longest_time;
    std::optional<std::size_t> longest_distance;
    decltype(e1rm_score(sets.front())) best_e1rm_score{};
    for (std::size_t i = 0; i < sets.size(); ++i) {
        const SetEntry& set = sets[i];
        if (is_bodyweight_work(set) &&
            (!most_bodyweight_reps || set.reps > sets[*most_bodyweight_reps].reps))
            most_bodyweight_reps = i;
        if (is_timed_work(set) &&
            (!longest_time || time_score(set) > time_score(sets[*longest_time])))
            longest_time = i;
        if (is_distance_work(set) &&
            (!longest_distance || distance_score(set) > distance_score(sets[*longest_distance])))
            longest_distance = i;
        if (!is_loaded_work(set)) continue;
        if (const auto e1rm = e1rm_score(set);
            estimate_one_rep_max(set) && (!best_e1rm || e1rm > best_e1rm_score)) {
            best_e1rm = i;
            best_e1rm_score = e1rm;
        }
        const auto same_reps = [&](const SetEntry& s) {
            return is_loaded_work(s) && s.reps == set.reps;
        };
        if (set.reps <= kMaxTrackedReps && first_best_of_group(sets, i, same_reps, load_score))
            offer_to_reps_table(heaviest_by_reps_, set.reps, offered(i));
        const auto same_load = [&](const SetEntry& s) {
            return is_loaded_work(s) && s.load == set.load;
        };
        if (first_best_of_group(sets, i, same_load, reps_score))
            offer_at_load(loads_, most_reps_at_, offered(i));
    }
    if (most_bodyweight_reps)
        offer(most_bodyweight_reps_, offered(*most_bodyweight_reps), reps_score);
    if (best_e1rm) offer(best_e1rm_, offered(*best_e1rm), e1rm_score);
    if (longest_time) offer(longest_time_, offered(*longest_time), time_score);
    if (longest_distance) offer(longest_distance_, offered(*longest_distance), distance_score);
}

PersonalRecords::ByLoad PersonalRecords::most_reps_by_load() const {
    ByLoad table;
    for (std::size_t i = 0; i < loads_.size(); ++i) table.emplace(loads_[i], most_reps_at_[i]);
    return table;
}

PersonalRecords::ByReps PersonalRecords::heaviest_by_reps() const {
    ByReps table;
    for (std::size_t i = 0; i < heaviest_by_reps_.size(); ++i)
        if (heaviest_by_reps_[i]) table.emplace(static_cast<int>(i + 1), *heaviest_by_reps_[i]);
    return table;
}

PersonalRecords::ByReps PersonalRecords::heaviest_for_at_least_reps() const {
    ByReps table;
    const Standing* heaviest = nullptr;
    // From the most reps down, so each row carries the heaviest of the rows
    // above it; a row's own entry wins a tie, as the set for exactly these
    // reps is the plainer answer.
    for (std::size_t i = heaviest_by_reps_.size(); i-- > 0;) {
        if (!heaviest_by_reps_[i]) continue;
        const Standing& row = *heaviest_by_reps_[i];
        if (!heaviest || !(load_score(heaviest->best.set) > load_score(row.best.set)))
            heaviest = &row;
        table.emplace(static_cast<int>(i + 1), *heaviest);
    }
    return table;
}

void PersonalRecords::merge(PersonalRecords&& later) {
    if (heaviest_by_reps_.size() < later.heaviest_by_reps_.size())
        heaviest_by_reps_.resize(later.heaviest_by_reps_.size());
    for (std::size_t i = 0; i < later.heaviest_by_reps_.size(); ++i)
        merge_standing(heaviest_by_reps_[i], std::move(later.heaviest_by_reps_[i]), load_score);
    for (std::size_t i = 0; i < later.loads_.size(); ++i) {
        const auto at = std::find(loads_.begin(), loads_.end(), later.loads_[i]);
        if (at != loads_.end())
            merge_standing(most_reps_at_[at - loads_.begin()], std::move(later.most_reps_at_[i]),
                           reps_score);
        else
            insert_load(loads_, most_reps_at_, later.loads_[i], std::move(later.most_reps_at_[i]));
    }
    trim_loads(loads_, most_reps_at_);
    merge_standing(best_e1rm_, std::move(later.best_e1rm_), e1rm_score);
    merge_standing(most_bodyweight_reps_, std::move(later.most_bodyweight_reps_), reps_score);
    merge_standing(longest_time_, std::move(later.longest_time_), time_score);
    merge_standing(longest_distance_, std::move(later.longest_distance_), distance_score);
}

namespace {

// The heaviest load ever and the heaviest of every other log record, from the
// rows by rep count: each earlier record's heaviest set is the best or the
// runner-up of its row (a row's best and runner-up come from two records).
struct Heaviest {
    std::optional<RecordHolder> ever;
    std::optional<RecordHolder> of_others;
};

Heaviest heaviest_loads(const PersonalRecords& records, std::string_view record_id) {
    Heaviest found;
    const auto consider = [](std::optional<RecordHolder>& into, const RecordHolder& holder) {
        if (!into || load_score(holder.set) > load_score(into->set)) into = holder;
    };
    for (const auto& [reps, standing] : records.heaviest_by_reps()) {
        for (const auto* holder :
             {&standing.best, standing.runner_up ? &*standing.runner_up : nullptr}) {
            if (!holder) continue;
            consider(found.ever, *holder);
            if (holder->record_id != record_id) consider(found.of_others, *holder);
        }
    }
    return found;
}

std::optional<NewRecord> heaviest_load_set_by(const PersonalRecords& records,
                                              std::string_view record_id) {
    const Heaviest found = heaviest_loads(records, record_id);
    if (!found.ever || found.ever->record_id != record_id || !found.of_others ||
        !(load_score(found.ever->set) > load_score(found.of_others->set)))
        return std::nullopt;
    return NewRecord{RecordKind::heaviest_load, *found.ever, *found.of_others};
}

}  // namespace

std::optional<RecordHolder> heaviest_of_other_records(const PersonalRecords& records,
                                                      std::string_view record_id) {
    return heaviest_loads(records, record_id).of_others;
}

OneRepMax record_one_rep_max(const RecordHolder& holder) {
    return estimate_one_rep_max(holder.set).value_or(OneRepMax{});
}

std::vector<NewRecord> records_set_by(const PersonalRecords& records, std::string_view record_id) {
    std::vector<NewRecord> found;
    // Strictly better: equalling a record is not a new one.
    const auto beats = [](RecordKind kind, const SetEntry& now, const SetEntry& before) {
        switch (kind) {
            case RecordKind::e1rm:
                // A reliable estimate replaces a flagged one even when it is
                // lower, but only a higher one is announced as a record.
                return e1rm_score(now).second > e1rm_score(before).second;
            case RecordKind::heaviest_load:
            case RecordKind::heaviest_for_reps:
                return load_score(now) > load_score(before);
            case RecordKind::longest_time:
                // Longer only: as long at a heavier load is not announced.
                return now.seconds.value_or(0) > before.seconds.value_or(0);
            case RecordKind::longest_distance:
                return distance_score(now).first > distance_score(before).first;
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
    const auto heaviest = heaviest_load_set_by(records, record_id);
    if (heaviest) found.push_back(*heaviest);
    // The heaviest load ever beating the same set as the heaviest for its
    // reps would say the same thing twice.
    const auto repeats_heaviest = [&](const NewRecord& candidate) {
        return heaviest && candidate.now.set == heaviest->now.set &&
               candidate.previous == heaviest->previous;
    };
    for (const auto& [reps, standing] : records.heaviest_by_reps()) {
        check(RecordKind::heaviest_for_reps, standing);
        if (!found.empty() && found.back().kind == RecordKind::heaviest_for_reps &&
            repeats_heaviest(found.back()))
            found.pop_back();
    }
    for (const auto& [load, standing] : records.most_reps_by_load())
        check(RecordKind::most_reps_at_load, standing);
    if (records.most_bodyweight_reps())
        check(RecordKind::most_reps_bodyweight, *records.most_bodyweight_reps());
    if (records.longest_time()) check(RecordKind::longest_time, *records.longest_time());
    if (records.longest_distance())
        check(RecordKind::longest_distance, *records.longest_distance());
    return found;
}

}  // namespace liftlog
