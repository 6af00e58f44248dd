#include "liftlog/text.hpp"

#include <algorithm>
#include <numeric>
#include <optional>

#include <fmt/format.h>

namespace liftlog {

std::string to_lower(std::string_view text) {
    std::string lowered(text);
    std::transform(lowered.begin(), lowered.end(), lowered.begin(), [](unsigned char c) {
        return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    });
    return lowered;
}

namespace {

// Length of the UTF-8 sequence starting with `lead`, or 0 if it cannot start one.
std::size_t utf8_sequence_length(unsigned char lead) {
    if (lead < 0x80) return 1;
    if (lead >= 0xC2 && lead <= 0xDF) return 2;
    if (lead >= 0xE0 && lead <= 0xEF) return 3;
    if (lead >= 0xF0 && lead <= 0xF4) return 4;
    return 0;
}

bool valid_second_byte(unsigned char lead, unsigned char second) {
    // Rejects overlong forms, UTF-16 surrogates and code points past U+10FFFF.
    if (lead == 0xE0) return second >= 0xA0 && second <= 0xBF;
    if (lead == 0xED) return second >= 0x80 && second <= 0x9F;
    if (lead == 0xF0) return second >= 0x90 && second <= 0xBF;
    if (lead == 0xF4) return second >= 0x80 && second <= 0x8F;
    return second >= 0x80 && second <= 0xBF;
}

}  // namespace

bool is_valid_utf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        const std::size_t length = utf8_sequence_length(lead);
        if (length == 0 || i + length > text.size()) return false;
        if (length > 1 && !valid_second_byte(lead, static_cast<unsigned char>(text[i + 1])))
            return false;
        for (std::size_t k = 2; k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if (next < 0x80 || next > 0xBF) return false;
        }
        i += length;
    }
    return true;
}

namespace {

struct CodePoint {
    char32_t value = 0;
    std::size_t length = 1;  // bytes it takes
    bool valid = false;      // false: a byte that starts no valid UTF-8 sequence
};

CodePoint code_point_at(std::string_view text, std::size_t at) {
    const auto lead = static_cast<unsigned char>(text[at]);
    const std::size_t length = utf8_sequence_length(lead);
    if (length == 0 || !is_valid_utf8(text.substr(at, length)) || at + length > text.size())
        return {lead, 1, false};
    if (length == 1) return {lead, 1, true};
    char32_t value = lead & (0xFF >> (length + 1));
    for (std::size_t k = 1; k < length; ++k)
        value = (value << 6) | (static_cast<unsigned char>(text[at + k]) & 0x3F);
    return {value, length, true};
}

bool in(char32_t value, char32_t first, char32_t last) {
    return value >= first && value <= last;
}

}  // namespace

bool is_control_character(char32_t code_point) {
    return code_point < 0x20 || in(code_point, 0x7F, 0x9F);
}

bool is_hidden_or_control(char32_t c) {
    // Bidirectional embeddings, overrides, isolates and marks reorder what
    // follows them; zero-width and tag characters hide text inside a word.
    return is_control_character(c) || c == 0x061C || c == 0x180E || in(c, 0x200B, 0x200F) ||
           in(c, 0x2028, 0x202E) || in(c, 0x2060, 0x2064) || in(c, 0x2066, 0x206F) || c == 0xFEFF ||
           in(c, 0xFFF9, 0xFFFB) || in(c, 0xE0000, 0xE007F);
}

std::optional<char32_t> first_control_character(std::string_view text, std::string_view allowed) {
    for (std::size_t i = 0; i < text.size();) {
        const CodePoint point = code_point_at(text, i);
        const bool is_allowed =
            point.value < 0x80 && allowed.find(static_cast<char>(point.value)) != allowed.npos;
        if (point.valid && is_control_character(point.value) && !is_allowed) return point.value;
        i += point.length;
    }
    return std::nullopt;
}

std::string escape_for_terminal(std::string_view text) {
    std::string escaped;
    escaped.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const CodePoint point = code_point_at(text, i);
        if (!point.valid)
            escaped += fmt::format("\\x{:02x}", static_cast<unsigned>(point.value));
        else if (point.value == '\n')
            escaped += "\\n";
        else if (point.value == '\t')
            escaped += "\\t";
        else if (point.value < 0x80 && is_control_character(point.value))
            escaped += fmt::format("\\x{:02x}", static_cast<unsigned>(point.value));
        else if (is_hidden_or_control(point.value))
            escaped += point.value > 0xFFFF
                           ? fmt::format("\\U{:08x}", static_cast<unsigned>(point.value))
                           : fmt::format("\\u{:04x}", static_cast<unsigned>(point.value));
        else
            escaped.append(text.substr(i, point.length));
        i += point.length;
    }
    return escaped;
}

std::string truncate_utf8(std::string_view text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return std::string(text);
    std::size_t end = max_bytes;
    // Back off continuation bytes, so the cut never splits a character.
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    return std::string(text.substr(0, end));
}

namespace {

// What takes the place of a blank control in `kind`: itself, a space or nothing.
std::optional<std::string_view> blank_replacement(char32_t c, FreeText kind) {
    const bool blank = c == '\n' || c == '\r' || c == '\t' || c == 0x2028 || c == 0x2029;
    if (!blank) return std::nullopt;
    if (kind == FreeText::name) return " ";
    if (c == '\n') return "\n";
    if (c == '\t') return "\t";
    return c == '\r' ? "" : "\n";
}

}  // namespace

CleanedText clean_free_text(std::string_view text, std::size_t max_bytes, FreeText kind) {
    CleanedText cleaned;
    for (std::size_t i = 0; i < text.size();) {
        const CodePoint point = code_point_at(text, i);
        const auto blank = point.valid ? blank_replacement(point.value, kind) : std::nullopt;
        const std::string_view original = text.substr(i, point.length);
        if (blank) {
            cleaned.text.append(*blank);
            cleaned.removed = cleaned.removed || *blank != original;
        } else if (point.valid && !is_hidden_or_control(point.value)) {
            cleaned.text.append(original);
        } else {
            cleaned.removed = true;
        }
        i += point.length;
    }
    if (cleaned.text.size() > max_bytes) {
        cleaned.text = truncate_utf8(cleaned.text, max_bytes);
        cleaned.truncated = true;
    }
    return cleaned;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> previous(b.size() + 1);
    std::iota(previous.begin(), previous.end(), std::size_t{0});
    std::vector<std::size_t> current(b.size() + 1);
    for (std::size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
        }
        std::swap(previous, current);
    }
    return previous[b.size()];
}

std::vector<std::string> closest_matches(std::string_view query,
                                         std::span<const std::string> candidates,
                                         std::size_t limit) {
    const std::string needle = to_lower(query);
    // A typo is a few edits; a third of the word is the most we call plausible.
    const std::size_t allowed = std::max<std::size_t>(2, needle.size() / 3);
    std::vector<std::pair<std::size_t, std::string>> scored;
    for (const auto& candidate : candidates) {
        const std::string lowered = to_lower(candidate);
        std::size_t distance = edit_distance(needle, lowered);
        const bool contains = needle.size() >= 3 && lowered.find(needle) != std::string::npos;
        if (contains) distance = std::min<std::size_t>(distance, 1);
        if (distance <= allowed) scored.emplace_back(distance, candidate);
    }
    std::stable_sort(scored.begin(), scored.end(),
                     [](const auto& x, const auto& y) { return x.first < y.first; });
    std::vector<std::string> matches;
    for (const auto& [distance, candidate] : scored) {
        if (std::find(matches.begin(), matches.end(), candidate) != matches.end()) continue;
        matches.push_back(candidate);
        if (matches.size() == limit) break;
    }
    return matches;
}

std::string did_you_mean(std::span<const std::string> matches) {
    if (matches.empty()) return "";
    std::string hint = "; did you mean ";
    for (std::size_t i = 0; i < matches.size(); ++i) {
        if (i > 0) hint += (i + 1 == matches.size()) ? " or " : ", ";
        hint += "'" + matches[i] + "'";
    }
    return hint + "?";
}

std::uint64_t fnv1a64(std::string_view data) {
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (const char c : data) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001b3ULL;
    }
    return hash;
}

}  // namespace liftlog
