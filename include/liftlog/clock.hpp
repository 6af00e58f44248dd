#pragma once
// The one clock of an invocation: the moment it runs at, read from the system
// once, and the ids of the records it writes. A run that straddles midnight
// still logs to the day it started on, and tests pin all of it.
#include <functional>
#include <optional>
#include <string>

#include "liftlog/date.hpp"

namespace liftlog {

// A system clock outside these years is taken to be wrong (a dead clock
// battery reads 1970), and liftlog writes nothing stamped by it.
inline constexpr int kEarliestClockYear = 2000;
inline constexpr int kLatestClockYear = 2100;

// No real time zone is further from UTC than 14 hours (Pacific/Kiritimati is
// +14:00); an offset beyond it is a mistyped TZ.
inline constexpr long kLargestUtcOffsetSeconds = 14 * 3600;

struct Moment {
    Date today{};
    std::string timestamp;  // 2026-11-23T11:51:02+01:00
};

class Clock {
  public:
    using IdSource = std::function<std::string()>;

    // The system's local time, read now, and ids from its random source.
    // `tz_variable` is the value of TZ, if set, for the message of a time
    // zone that cannot be right.
    static Clock system(const std::optional<std::string>& tz_variable);

    Clock(Moment moment, IdSource ids) : moment_(std::move(moment)), ids_(std::move(ids)) {}

    // A clock whose reading must stamp no record, for `reason` (an error
    // message naming the clock or TZ and how to set it right).
    static Clock untrusted(Moment moment, std::string reason, IdSource ids);

    // The same clock with the training day pinned (--today); records are still
    // stamped with the real time they were written.
    Clock pinned_to(Date today) const;

    // The training day: --today when it was given, else the clock's date.
    Date today() const { return pinned_today_.value_or(moment_.today); }
    // The date the clock reads, whatever --today says.
    Date clock_date() const { return moment_.today; }

    // The time stamp for a new record. Throws Failure when the clock cannot
    // be trusted, so that no record is ever stamped with a wrong year or an
    // impossible UTC offset.
    const std::string& timestamp() const;
    std::string new_record_id() const { return ids_(); }

  private:
    Moment moment_;
    std::optional<Date> pinned_today_;
    std::string distrust_;  // why the reading cannot stamp a record; empty if it can
    IdSource ids_;
};

// 16 lowercase hex digits from the system's random source.
std::string random_record_id();

}  // namespace liftlog
