#include "liftlog/date.hpp"

#include <fmt/format.h>

namespace liftlog {

namespace {

std::optional<int> parse_digits(std::string_view text) {
    int value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

}  // namespace

std::optional<Date> parse_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    const auto year = parse_digits(text.substr(0, 4));
    const auto month = parse_digits(text.substr(5, 2));
    const auto day = parse_digits(text.substr(8, 2));
    if (!year || !month || !day || *year < kEarliestYear) return std::nullopt;
    const std::chrono::year_month_day ymd{std::chrono::year{*year},
                                          std::chrono::month{static_cast<unsigned>(*month)},
                                          std::chrono::day{static_cast<unsigned>(*day)}};
    if (!ymd.ok()) return std::nullopt;
    return Date{ymd};
}

std::string format_date(Date date) {
    const std::chrono::year_month_day ymd{date};
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                       static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

int days_between(Date earlier, Date later) {
    return static_cast<int>((later - earlier).count());
}

std::string not_a_date_hint(Date example) {
    return "not a date; write it as YYYY-MM-DD, like " + format_date(example);
}

}  // namespace liftlog
