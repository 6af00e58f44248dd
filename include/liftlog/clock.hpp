#pragma once
// The one clock of an invocation: the moment it runs at, read from the system
// once, and the ids of the records it writes. A run that straddles midnight
// still logs to the day it started on, and tests pin all of it.
#include <functional>
#include <string>

#include "liftlog/date.hpp"

namespace liftlog {

struct Moment {
    Date today{};
    std::string timestamp;  // 2026-11-23T11:51:02+01:00
};

class Clock {
  public:
    using IdSource = std::function<std::string()>;

    // The system's local time, read now, and ids from its random source.
    static Clock system();

    Clock(Moment moment, IdSource ids) : moment_(std::move(moment)), ids_(std::move(ids)) {}

    // The same clock with the training day pinned (--today); records are still
    // stamped with the real time they were written.
    Clock pinned_to(Date today) const;

    Date today() const { return moment_.today; }
    const std::string& timestamp() const { return moment_.timestamp; }
    std::string new_record_id() const { return ids_(); }

  private:
    Moment moment_;
    IdSource ids_;
};

// 16 lowercase hex digits from the system's random source.
std::string random_record_id();

}  // namespace liftlog
