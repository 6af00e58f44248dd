#pragma once
// Text tables, JSON, JSON lines and CSV printing shared by the commands.
#include <cstdint>
#include <memory>
#include <ostream>
#include <streambuf>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "liftlog/progression.hpp"
#include "liftlog/settings.hpp"
#include "style.hpp"

namespace liftlog::cli {

// Text for a terminal goes through this buffer, which escapes each line
// (escape_for_terminal) on its way to `target`: whatever a command prints,
// a name, note or id from a file cannot send a control sequence. With
// `keep_styles`, the colour codes Style writes pass as they are.
class TerminalSafeBuffer : public std::streambuf {
  public:
    TerminalSafeBuffer(std::streambuf* target, bool keep_styles)
        : target_(target), keep_styles_(keep_styles) {}
    ~TerminalSafeBuffer() override;
    TerminalSafeBuffer(const TerminalSafeBuffer&) = delete;
    TerminalSafeBuffer& operator=(const TerminalSafeBuffer&) = delete;

  protected:
    int_type overflow(int_type c) override;
    std::streamsize xsputn(const char* text, std::streamsize count) override;
    int sync() override;

  private:
    void write_pending();

    std::streambuf* target_;
    bool keep_styles_;
    std::string pending_;  // the line being written, up to its newline
};

// Where a command's output goes, and how it looks: data on stdout, messages
// for people on stderr, in the format and colours the settings decided.
// Text output reaches stdout through a TerminalSafeBuffer; JSON and CSV are
// for programs and keep the data exactly.
class Output {
  public:
    Output(std::ostream& out, std::ostream& err, Presentation presentation);
    ~Output();
    Output(const Output&) = delete;
    Output& operator=(const Output&) = delete;

    std::ostream& out() const { return safe_out_ ? *safe_out_ : out_; }
    std::ostream& err() const { return err_; }
    OutputFormat format() const { return presentation_.format; }
    const Style& style() const { return style_; }
    int width() const { return presentation_.width; }
    Glyphs glyphs() const { return presentation_.glyphs; }
    bool raw_csv() const { return presentation_.raw_csv; }

    // "liftlog: warning: MESSAGE" on stderr, the one format for every warning.
    void warn(std::string_view message) const;
    // A hint for a person on stderr, such as why a report is empty; escaped
    // like every message.
    void hint(std::string_view message) const;

  private:
    std::ostream& out_;
    std::ostream& err_;
    Presentation presentation_;
    Style style_;
    std::unique_ptr<TerminalSafeBuffer> safe_buffer_;
    std::unique_ptr<std::ostream> safe_out_;
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

// Whether a spreadsheet would read `field` as a formula: its first character
// other than spaces is = + - @, a tab, CR or LF.
bool reads_as_formula(std::string_view field);

// A free-text field for a spreadsheet: one that reads as a formula gets a
// single quote in front and is always quoted, so the spreadsheet shows it as
// text (OWASP's advice against CSV injection); any other goes to csv_field.
std::string spreadsheet_safe_field(std::string_view field);

enum class CsvCells {
    guarded,  // free-text columns through spreadsheet_safe_field
    raw,      // every cell as the data holds it (--raw-csv)
};

// The cells the settings asked for (--raw-csv or not).
inline CsvCells csv_cells(const Output& output) {
    return output.raw_csv() ? CsvCells::raw : CsvCells::guarded;
}

// CSV for scripts (RFC 4180): a header row first, then one row per call, each
// ending in "\n". Numbers are passed in already formatted, exactly, and never
// changed; only the columns named in `free_text` (names, notes, ids) are
// guarded against formulas.
class CsvWriter {
  public:
    CsvWriter(std::ostream& out, const std::vector<std::string>& header,
              const std::vector<std::string>& free_text = {}, CsvCells cells = CsvCells::guarded);
    void row(const std::vector<std::string>& fields);

  private:
    std::ostream& out_;
    std::size_t columns_;
    std::vector<bool> guarded_;  // per column
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
