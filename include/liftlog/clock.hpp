#pragma once
#include <string>

#include "liftlog/date.hpp"

namespace liftlog {

struct LocalNow {
    Date today{};
    std::string timestamp;  // 2026-11-23T11:51:02+01:00
};

LocalNow local_now();

// 16 lowercase hex digits from the system's random source.
std::string make_record_id();

}  // namespace liftlog
