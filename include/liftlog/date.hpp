#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace liftlog {

using Date = std::chrono::sys_days;

// Strict YYYY-MM-DD with a real calendar day; anything else is nullopt.
std::optional<Date> parse_date(std::string_view text);
std::string format_date(Date date);

// Days from `earlier` to `later` (negative when `later` is before `earlier`).
int days_between(Date earlier, Date later);

}  // namespace liftlog
