#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "liftlog/load.hpp"

namespace liftlog {

// How an exercise is loaded: body weight that can take added load, or an
// external weight such as a barbell.
enum class Loading { bodyweight, external };

// What a set was beyond its reps and load. In a SetEntry a warm-up is marked
// by SetEntry::warmup, as the log has always stored it, so its type is normal,
// drop or failure; imports read all four from the apps.
enum class SetType : std::uint8_t {
    normal,
    warmup,
    drop,     // a drop set: the load taken down straight after a set
    failure,  // a set taken to failure on purpose
};

// What an exercise's sets count: repetitions, seconds held, or distance covered.
// Reps that may be paused at the top are reps (Exercise::pause_at_top).
enum class Measure { reps, time, distance };

// "reps", "time", "distance": as exercise files and outputs spell it.
std::string_view measure_name(Measure measure);

enum class DistanceUnit { m, km, yd, ft, mi };

// A distance exactly as entered, in hundredths of its unit.
struct Distance {
    std::int64_t hundredths = 0;
    DistanceUnit unit = DistanceUnit::m;
    friend bool operator==(const Distance&, const Distance&) = default;
};

// The longest pause at the top of a rep that a set may record.
inline constexpr int kMaxPauseSeconds = 60;

// One set as stored in the log.
struct SetEntry {
    SetEntry() = default;
    SetEntry(int reps_done, Load load_used, bool warmup_set = false)
        : reps(reps_done), load(load_used), warmup(warmup_set) {}

    int reps = 0;  // 0 with no time or distance: an attempt that failed
    Load load;
    bool warmup = false;  // warm-up sets never count as working sets
    SetType type = SetType::normal;
    std::optional<double> rpe;         // this set's effort, 1-10
    std::optional<int> seconds;        // a timed set: held or carried this long
    std::optional<Distance> distance;  // a carry or push over this distance
    // Reps held at the top for this many seconds each, on exercises whose reps
    // may carry a pause (Exercise::pause_at_top).
    std::optional<int> pause_seconds;

    bool failed() const { return reps == 0 && !seconds && !distance; }
    bool timed() const { return seconds.has_value(); }
    friend bool operator==(const SetEntry&, const SetEntry&) = default;
};

std::optional<DistanceUnit> parse_distance_unit(std::string_view text);
std::string_view distance_unit_name(DistanceUnit unit);
double to_metres(const Distance& distance);
// "40m", "1.5km".
std::string format_distance(const Distance& distance);
// "60s", "1:30" for 90 seconds and more.
std::string format_seconds(int seconds);
// "normal", "warmup", "drop", "failure": the words the log and import ids use.
std::string_view set_type_name(SetType type);

}  // namespace liftlog
