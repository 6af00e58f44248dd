#pragma once
// ANSI colour for text output. A Style made with `enabled = false` returns
// text unchanged, so callers style unconditionally and the settings
// alone decides whether escape codes reach stdout (Presentation::color).
#include <string>
#include <string_view>

namespace liftlog::cli {

class Style {
  public:
    Style() = default;
    explicit Style(bool enabled) : enabled_(enabled) {}

    bool enabled() const { return enabled_; }
    std::string header(std::string_view text) const;     // bold: table headers, titles
    std::string good(std::string_view text) const;       // green: records, progress
    std::string warning(std::string_view text) const;    // yellow: hints worth noticing
    std::string secondary(std::string_view text) const;  // dim: axes, notes
    std::string accent(std::string_view text) const;     // cyan: the bars of a chart

  private:
    std::string wrap(std::string_view code, std::string_view text) const;
    bool enabled_ = false;
};

// Columns `text` takes on a terminal: code points, not counting ANSI escape
// sequences, so that coloured cells line up with plain ones.
std::size_t visible_width(std::string_view text);

// The length of the colour code Style writes that starts at `at` in `text`,
// or 0 when none does: the only escape sequences text output lets through.
std::size_t style_code_length(std::string_view text, std::size_t at);

// Text without its ANSI escape sequences.
std::string strip_styles(std::string_view text);

}  // namespace liftlog::cli
