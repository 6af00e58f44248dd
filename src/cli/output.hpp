#pragma once
// Text tables, JSON, JSON lines and CSV printing shared by the commands.
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "liftlog/progression.hpp"
#include "liftlog/settings.hpp"
#include "style.hpp"

namespace liftlog::cli {

// Where a command's output goes, and how it looks: data on stdout, messages
// for people on stderr, in the format and colours the settings decided.
class Output {
  public:
    Output(std::ostream& out, std::ostream& err, Presentation presentation)
        : out_(out), err_(err), presentation_(presentation), style_(presentation.color) {}

    std::ostream& out() const { return out_; }
    std::ostream& err() const { return err_; }
    OutputFormat format() const { return presentation_.format; }
    const Style& style() const { return style_; }
    int width() const { return presentation_.width; }
    Glyphs glyphs() const { return presentation_.glyphs; }

    // "liftlog: warning: MESSAGE" on stderr, the one format for every warning.
    void warn(std::string_view message) const;
    // A hint for a person on stderr, such as why a report is empty.
    void hint(std::string_view message) const;

  private:
    std::ostream& out_;
    std::ostream& err_;
    Presentation presentation_;
    Style style_;
};

// What a report over an empty log says.
inline constexpr std::string_view kEmptyLogHint =
    "The log has no entries yet; add one with: liftlog log EXERCISE SETS";

// Left-aligned columns separated by two spaces; headers in capitals.
class Table {
  public:
    explicit Table(std::vector<std::string> headers);
    void add_row(std::vector<std::string> cells);
    void print(std::ostream& out) const;
    // The header row in bold when `style` is on; columns line up either way.
    void print(std::ostream& out, const Style& style) const;
    bool empty() const { return rows_.size() <= 1; }  // the header is not a row

  private:
    std::vector<std::vector<std::string>> rows_;
};

void print_json(std::ostream& out, const nlohmann::ordered_json& value);

// One field as RFC 4180 wants it: quoted when it holds a comma, a quote, CR or
// LF, with quotes doubled; as it is otherwise.
std::string csv_field(std::string_view field);

// CSV for scripts (RFC 4180): a header row first, then one row per call, each
// ending in "\n". Numbers are passed in already formatted, exactly.
class CsvWriter {
  public:
    CsvWriter(std::ostream& out, const std::vector<std::string>& header);
    void row(const std::vector<std::string>& fields);

  private:
    std::ostream& out_;
    std::size_t columns_;
};

// JSON lines: one compact object per line.
void print_jsonl(std::ostream& out, const nlohmann::ordered_json& value);

// A JSON array written one element at a time, so that a long report need not
// be held in memory: "[", one compact element per line, "]".
class JsonArrayWriter {
  public:
    explicit JsonArrayWriter(std::ostream& out);
    void add(const nlohmann::ordered_json& element);
    void finish();

  private:
    std::ostream& out_;
    bool empty_ = true;
};

// "add_weight 3x10@+2.5kg", "rest until 2026-11-30, then 3x5@105kg".
std::string suggestion_summary(const Suggestion& suggestion);

// "Next time: ..." and the reason, indented, for the text outputs.
void print_suggestion(std::ostream& out, const Suggestion& suggestion);

}  // namespace liftlog::cli
