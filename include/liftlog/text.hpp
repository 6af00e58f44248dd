#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace liftlog {

std::string to_lower(std::string_view text);
bool is_valid_utf8(std::string_view text);
// `text` safe to print on a terminal: valid UTF-8 is kept; newlines, tabs,
// other control characters and bytes that are not valid UTF-8 become \n, \t
// and \xNN, so input cannot break a line or send escape sequences.
std::string escape_for_terminal(std::string_view text);

std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidates closest to `query` (case-insensitive), best first; empty when
// nothing is close enough to be a plausible typo.
std::vector<std::string> closest_matches(std::string_view query,
                                         std::span<const std::string> candidates,
                                         std::size_t limit = 3);

// ", did you mean 'a' or 'b'?" style hint, or an empty string.
std::string did_you_mean(std::span<const std::string> matches);

// 64-bit FNV-1a: a stable hash for ids and file names (not for security).
std::uint64_t fnv1a64(std::string_view data);

}  // namespace liftlog
