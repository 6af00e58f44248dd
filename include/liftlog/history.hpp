#pragma once
// Folding log records into sessions and per-exercise summaries.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "liftlog/record.hpp"

namespace liftlog {

// Everything logged for one exercise on one day, in log order. Two `log` calls
// on the same day are one session.
struct Session {
    Date date{};
    std::vector<SetEntry> sets;
    bool pain = false;
    std::optional<double> rpe;  // the highest given that day
    std::vector<std::string> notes;
    std::vector<std::string> record_ids;  // for `liftlog undo ID`
};

std::vector<SetEntry> working_sets(const Session& session);

// The heavier of two sets: more weight beyond body weight, then more reps.
bool heavier_set(const SetEntry& a, const SetEntry& b);

// One exercise's history, folded record by record. It keeps totals and only
// the most recent sessions, so memory does not grow with the log.
class ExerciseHistory {
  public:
    // Enough for every rule: the last two sessions and a week at up to 7 a week.
    static constexpr std::size_t kRecentSessions = 8;

    void add(const Record& record);

    int session_count() const { return static_cast<int>(dates_.size()); }
    std::optional<Date> first_date() const;
    std::optional<Date> last_date() const;
    const std::optional<SetEntry>& best_set() const { return best_set_; }
    std::optional<Date> best_set_date() const { return best_set_date_; }
    int total_reps() const { return total_reps_; }
    double volume_kg() const { return volume_kg_; }
    // Oldest first.
    std::vector<Session> recent_sessions() const;

  private:
    std::set<Date> dates_;
    std::map<Date, Session> recent_;
    std::optional<SetEntry> best_set_;
    std::optional<Date> best_set_date_;
    int total_reps_ = 0;
    double volume_kg_ = 0.0;
};

// Every record of the given exercises, grouped into full sessions, oldest first.
std::vector<Session> group_sessions(const std::vector<Record>& records);

}  // namespace liftlog
