#include "liftlog/diagnostics.hpp"

#include <algorithm>

#include "liftlog/text.hpp"

namespace liftlog {

namespace {

std::string escaped_lines(std::string_view message) {
    std::string safe;
    std::size_t start = 0;
    while (start <= message.size()) {
        const auto end = std::min(message.find('\n', start), message.size());
        if (start > 0) safe += '\n';
        safe += escape_for_terminal(message.substr(start, end - start));
        start = end + 1;
    }
    return safe;
}

}  // namespace

std::string error_text(std::string_view message) {
    return "liftlog: error: " + escaped_lines(message) + '\n';
}

std::string warning_text(std::string_view message) {
    return "liftlog: warning: " + escaped_lines(message) + '\n';
}

std::string hint_text(std::string_view message) {
    return escaped_lines(message) + '\n';
}

}  // namespace liftlog
