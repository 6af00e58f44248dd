#include "output.hpp"

#include <algorithm>
#include <ostream>

#include <fmt/format.h>

#include "liftlog/text.hpp"

namespace liftlog::cli {

namespace {

// Columns are measured in code points so that accented names line up.
std::size_t display_width(const std::string& text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

}  // namespace

Table::Table(std::vector<std::string> headers) {
    rows_.push_back(std::move(headers));
}

void Table::add_row(std::vector<std::string> cells) {
    for (auto& cell : cells) cell = escape_for_terminal(cell);  // a note must not break its row
    rows_.push_back(std::move(cells));
}

void Table::print(std::ostream& out) const {
    std::vector<std::size_t> widths;
    for (const auto& row : rows_) {
        widths.resize(std::max(widths.size(), row.size()));
        for (std::size_t i = 0; i < row.size(); ++i)
            widths[i] = std::max(widths[i], display_width(row[i]));
    }
    for (const auto& row : rows_) {
        std::string line;
        for (std::size_t i = 0; i < row.size(); ++i) {
            line += row[i];
            if (i + 1 < row.size()) line += std::string(widths[i] - display_width(row[i]) + 2, ' ');
        }
        out << line << '\n';
    }
}

void print_json(std::ostream& out, const nlohmann::ordered_json& value) {
    out << value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

std::string suggestion_summary(const Suggestion& suggestion) {
    const std::string next =
        suggestion.next.load ? next_notation(suggestion.next)
                             : fmt::format("{} with a light load", next_notation(suggestion.next));
    if (suggestion.action == Action::rest && suggestion.not_before)
        return fmt::format("rest until {}, then {}", format_date(*suggestion.not_before), next);
    if (suggestion.not_before)
        return fmt::format("{} {} (from {})", action_name(suggestion.action), next,
                           format_date(*suggestion.not_before));
    return fmt::format("{} {}", action_name(suggestion.action), next);
}

void print_suggestion(std::ostream& out, const Suggestion& suggestion) {
    out << "Next time: " << suggestion_summary(suggestion) << '\n';
    out << "  " << suggestion.reason << '\n';
}

}  // namespace liftlog::cli
