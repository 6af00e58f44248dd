#pragma once
// Whether a new entry looks like a typing slip: far heavier than anything
// logged before, or far more sets than the exercise prescribes. `log` still
// appends it (a real jump is possible) but says so, and how to take it back.
// docs/progression.md gives the thresholds.
#include <string>
#include <vector>

#include "liftlog/exercise.hpp"
#include "liftlog/personal_records.hpp"
#include "liftlog/record.hpp"

namespace liftlog {

// A load more than this many times the heaviest logged before is questioned.
inline constexpr double kImplausibleLoadFactor = 1.5;
// More working sets than this many times the prescription's most is questioned.
inline constexpr int kImplausibleSetsFactor = 2;

// One sentence per doubt about `record`, judged against `records` (which
// already hold it, as the records after appending do). Empty when plausible.
std::vector<std::string> implausible_entry_doubts(const Exercise& exercise, const Record& record,
                                                  const PersonalRecords& records);

}  // namespace liftlog
