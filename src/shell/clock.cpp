#include "liftlog/clock.hpp"

#include <ctime>
#include <random>

#include <fmt/format.h>

namespace liftlog {

namespace {

Moment local_moment() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char stamp[32];
    char offset[8];
    std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%S", &local);
    std::strftime(offset, sizeof offset, "%z", &local);  // "+0100"
    const std::string zone(offset);
    const std::string with_colon =
        zone.size() == 5 ? zone.substr(0, 3) + ":" + zone.substr(3) : "+00:00";
    const std::chrono::year_month_day ymd{
        std::chrono::year{local.tm_year + 1900},
        std::chrono::month{static_cast<unsigned>(local.tm_mon + 1)},
        std::chrono::day{static_cast<unsigned>(local.tm_mday)}};
    return {Date{ymd}, std::string(stamp) + with_colon};
}

}  // namespace

Clock Clock::system() {
    return Clock(local_moment(), random_record_id);
}

Clock Clock::pinned_to(Date today) const {
    Clock pinned = *this;
    pinned.moment_.today = today;
    return pinned;
}

std::string random_record_id() {
    std::random_device source;
    const std::uint64_t high = source();
    const std::uint64_t low = source();
    return fmt::format("{:016x}", (high << 32) | low);
}

}  // namespace liftlog
