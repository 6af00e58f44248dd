#include "liftlog/text.hpp"

#include <algorithm>
#include <numeric>

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

std::string escape_for_terminal(std::string_view text) {
    std::string escaped;
    std::size_t i = 0;
    while (i < text.size()) {
        const auto byte = static_cast<unsigned char>(text[i]);
        const std::size_t length = utf8_sequence_length(byte);
        if (length > 1 && is_valid_utf8(text.substr(i, length)) && i + length <= text.size()) {
            escaped.append(text.substr(i, length));
            i += length;
            continue;
        }
        if (byte == '\n')
            escaped += "\\n";
        else if (byte == '\t')
            escaped += "\\t";
        else if (byte < 0x20 || byte >= 0x7F)
            escaped += fmt::format("\\x{:02x}", byte);
        else
            escaped += static_cast<char>(byte);
        ++i;
    }
    return escaped;
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
