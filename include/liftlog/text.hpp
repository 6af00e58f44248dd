#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace liftlog {

std::string to_lower(std::string_view text);
bool is_valid_utf8(std::string_view text);
// C0 controls, DEL and the C1 controls (U+0080-U+009F).
bool is_control_character(char32_t code_point);
// A control character, or one that reorders or hides text: bidirectional
// embeddings, overrides, isolates and marks (U+061C, U+200E-U+200F,
// U+202A-U+202E, U+2066-U+2069), zero-width and other invisible format
// characters (U+180E, U+200B-U+200D, U+2060-U+2064, U+206A-U+206F, U+FEFF,
// U+FFF9-U+FFFB, the tags U+E0000-U+E007F) and the line and paragraph
// separators U+2028-U+2029.
bool is_hidden_or_control(char32_t code_point);
// The first control character (is_control_character) in `text` that is not
// one of the ASCII characters in `allowed`, if any.
std::optional<char32_t> first_control_character(std::string_view text,
                                                std::string_view allowed = "");

// `text` safe to print on a terminal: valid UTF-8 is kept; newlines, tabs,
// other C0 controls and DEL become \n, \t and \xNN, bytes that are not valid
// UTF-8 \xNN, and C1 controls and the characters that reorder or hide text
// \uNNNN, so input cannot break a line, send escape sequences or disguise
// itself.
std::string escape_for_terminal(std::string_view text);

// The longest start of `text` of at most `max_bytes` that does not split a
// UTF-8 character.
std::string truncate_utf8(std::string_view text, std::size_t max_bytes);

// Free text from another program (an imported name or note) made fit to keep:
// characters that are hidden or control (is_hidden_or_control) and bytes that
// are not UTF-8 are removed, except that in a name tabs and line breaks
// become spaces, and in a note tabs and line feeds stay (as `log --note`
// keeps them), CR goes and U+2028/U+2029 become line feeds. The result is
// then cut to `max_bytes`.
enum class FreeText { name, note };
struct CleanedText {
    std::string text;
    bool removed = false;    // a character was removed or replaced
    bool truncated = false;  // it was longer than max_bytes
};
CleanedText clean_free_text(std::string_view text, std::size_t max_bytes, FreeText kind);

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
