#include "style.hpp"

#include <algorithm>
#include <cctype>

namespace liftlog::cli {

namespace {

constexpr char kEscape = '\x1b';
constexpr std::string_view kReset = "\x1b[0m";

// The length of the escape sequence starting at `at`: ESC [ parameters, then
// one final byte in @..~. Zero when `at` does not start one.
std::size_t escape_length(std::string_view text, std::size_t at) {
    if (text[at] != kEscape || at + 1 >= text.size() || text[at + 1] != '[') return 0;
    std::size_t end = at + 2;
    while (end < text.size() && (text[end] < '@' || text[end] > '~')) ++end;
    return end < text.size() ? end - at + 1 : text.size() - at;
}

bool is_continuation_byte(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

}  // namespace

// Every code wrap() writes, and the reset.
constexpr std::string_view kStyleCodes[] = {"\x1b[0m",  "\x1b[1m",  "\x1b[2m",
                                            "\x1b[32m", "\x1b[33m", "\x1b[36m"};

std::size_t style_code_length(std::string_view text, std::size_t at) {
    if (text[at] != kEscape) return 0;
    for (const std::string_view code : kStyleCodes)
        if (text.substr(at).starts_with(code)) return code.size();
    return 0;
}

std::string Style::wrap(std::string_view code, std::string_view text) const {
    if (!enabled_ || text.empty()) return std::string(text);
    std::string styled = "\x1b[";
    styled.append(code).append("m").append(text).append(kReset);
    return styled;
}

std::string Style::header(std::string_view text) const {
    return wrap("1", text);
}

std::string Style::good(std::string_view text) const {
    return wrap("32", text);
}

std::string Style::warning(std::string_view text) const {
    return wrap("33", text);
}

std::string Style::secondary(std::string_view text) const {
    return wrap("2", text);
}

std::string Style::accent(std::string_view text) const {
    return wrap("36", text);
}

std::size_t visible_width(std::string_view text) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < text.size();) {
        if (const std::size_t skip = escape_length(text, i)) {
            i += skip;
            continue;
        }
        if (!is_continuation_byte(text[i])) ++width;
        ++i;
    }
    return width;
}

std::string strip_styles(std::string_view text) {
    std::string plain;
    for (std::size_t i = 0; i < text.size();) {
        if (const std::size_t skip = escape_length(text, i)) {
            i += skip;
            continue;
        }
        plain += text[i++];
    }
    return plain;
}

}  // namespace liftlog::cli
