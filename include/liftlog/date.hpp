#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace liftlog {

using Date = std::chrono::sys_days;

// The log holds years 1900 to 9999: four digits, and no spreadsheet "day zero"
// (1899-12-30/31) or year 1 standing in for a missing date.
inline constexpr int kEarliestYear = 1900;
inline constexpr int kLatestYear = 9999;

// Strict YYYY-MM-DD with a real calendar day in those years; anything else is nullopt.
std::optional<Date> parse_date(std::string_view text);
std::string format_date(Date date);

// "not a date; write it as YYYY-MM-DD, like 2026-11-23" with `example`
// (today's date, where the caller knows it) as the example.
std::string not_a_date_hint(Date example);

// Days from `earlier` to `later` (negative when `later` is before `earlier`).
int days_between(Date earlier, Date later);

}  // namespace liftlog
