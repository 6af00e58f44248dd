#include "liftlog/clock.hpp"

#include <ctime>
#include <random>

#include <fmt/format.h>

#include "liftlog/error.hpp"

namespace liftlog {

namespace {

// "+01:00" from seconds east of UTC. The seconds of an old local mean time are
// dropped, as strftime's %z drops them: the log's offsets are hours and minutes.
std::string utc_offset(long seconds_east) {
    const char sign = seconds_east < 0 ? '-' : '+';
    const long magnitude = seconds_east < 0 ? -seconds_east : seconds_east;
    return fmt::format("{}{:02}:{:02}", sign, magnitude / 3600, magnitude % 3600 / 60);
}

long long calendar_year(const std::tm& local) {
    return static_cast<long long>(local.tm_year) + 1900;
}

// A year the log cannot hold becomes its first or last day, so that reports
// under a wildly wrong clock still judge "today" by a date the log can hold
// (the clock is refused before anything is written).
Date nearest_log_day(bool before_the_log) {
    return before_the_log ? Date{std::chrono::year{kEarliestYear} / 1 / 1}
                          : Date{std::chrono::year{kLatestYear} / 12 / 31};
}

Date local_date(const std::tm& local) {
    const long long year = calendar_year(local);
    if (year < kEarliestYear || year > kLatestYear) return nearest_log_day(year < kEarliestYear);
    return Date{std::chrono::year{static_cast<int>(year)} /
                std::chrono::month{static_cast<unsigned>(local.tm_mon + 1)} /
                std::chrono::day{static_cast<unsigned>(local.tm_mday)}};
}

std::string local_timestamp(const std::tm& local) {
    char stamp[48];
    std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%S", &local);
    return stamp + utc_offset(local.tm_gmtoff);
}

std::string wrong_clock(const std::string& reading) {
    return fmt::format(
        "the system clock reads {}, outside the years {} to {}; liftlog stamps every entry "
        "with the time it is written, so it writes nothing until the clock is right (turn on "
        "network time with 'timedatectl set-ntp true', or set the time with 'date -s')",
        reading, kEarliestClockYear, kLatestClockYear);
}

std::string impossible_zone(long seconds_east, const std::optional<std::string>& tz_variable) {
    if (!tz_variable)
        return fmt::format(
            "the system time zone (/etc/localtime) is {} from UTC, beyond the -14:00 to +14:00 "
            "of every real zone; set it with 'timedatectl set-timezone ZONE', or set TZ to a "
            "zone name such as Europe/Berlin",
            utc_offset(seconds_east));
    return fmt::format(
        "TZ={}: that time zone is {} from UTC, beyond the -14:00 to +14:00 of every real zone; "
        "set TZ to a zone name such as Europe/Berlin (the names are under /usr/share/zoneinfo), "
        "or unset it to use the system's zone",
        *tz_variable, utc_offset(seconds_east));
}

}  // namespace

Clock Clock::system(const std::optional<std::string>& tz_variable) {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    if (localtime_r(&now, &local) == nullptr) {
        const Moment nowhere{nearest_log_day(now < 0), {}};
        return untrusted(nowhere, wrong_clock(fmt::format("{} seconds from 1970", now)),
                         random_record_id);
    }
    const Moment moment{local_date(local), local_timestamp(local)};
    const long long year = calendar_year(local);
    if (year < kEarliestClockYear || year > kLatestClockYear)
        return untrusted(moment, wrong_clock(moment.timestamp), random_record_id);
    if (local.tm_gmtoff > kLargestUtcOffsetSeconds || local.tm_gmtoff < -kLargestUtcOffsetSeconds)
        return untrusted(moment, impossible_zone(local.tm_gmtoff, tz_variable), random_record_id);
    return Clock(moment, random_record_id);
}

Clock Clock::untrusted(Moment moment, std::string reason, IdSource ids) {
    Clock clock(std::move(moment), std::move(ids));
    clock.distrust_ = std::move(reason);
    return clock;
}

Clock Clock::pinned_to(Date today) const {
    Clock pinned = *this;
    pinned.pinned_today_ = today;
    return pinned;
}

const std::string& Clock::timestamp() const {
    if (!distrust_.empty()) throw Failure(distrust_);
    return moment_.timestamp;
}

std::string random_record_id() {
    std::random_device source;
    const std::uint64_t high = source();
    const std::uint64_t low = source();
    return fmt::format("{:016x}", (high << 32) | low);
}

}  // namespace liftlog
