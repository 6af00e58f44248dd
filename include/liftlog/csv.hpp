#pragma once
// An RFC 4180 CSV reader: quoted fields, doubled quotes, separators and line
// breaks inside quotes, CRLF or LF line ends, and a UTF-8 byte order mark.
// Pure: it reads text that the caller hands it, whole or a chunk at a time.
#include <cstddef>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace liftlog {

// One record of the file and the physical line it starts on (1-based), for
// FILE:LINE messages; a quoted line break makes a record span several lines.
struct CsvRow {
    std::size_t line = 0;
    std::vector<std::string> fields;
};

// A file that is not CSV at `line`: an unclosed quote, text after a closing quote.
class CsvError : public std::runtime_error {
  public:
    CsvError(std::size_t line, const std::string& message)
        : std::runtime_error(message), line_(line) {}
    std::size_t line() const { return line_; }

  private:
    std::size_t line_;
};

// CSV that is well formed but holds a field or a row larger than any export
// has: refused, so that hostile input cannot take memory without bound.
class CsvLimitError : public CsvError {
  public:
    using CsvError::CsvError;
};

// The largest field and the most fields in a row the reader accepts. An
// export's longest field is a note of a few kilobytes; its widest row (a
// StrongLifts export) has a few dozen columns.
inline constexpr std::size_t kMaxCsvFieldBytes = std::size_t{64} << 10;
inline constexpr std::size_t kMaxCsvFields = 256;

// Reads CSV a chunk at a time and hands each record to `on_row` as soon as it
// ends, so only one record is held at once. The chunks may split the text
// anywhere, even inside a CRLF or a doubled quote. Blank lines are skipped; a
// final line break does not start a record. Throws CsvError, and
// CsvLimitError (naming the line the field or record starts on) for a field
// over kMaxCsvFieldBytes or a record of more than kMaxCsvFields fields.
class CsvReader {
  public:
    using RowHandler = std::function<void(CsvRow&)>;
    CsvReader(char separator, RowHandler on_row);

    void feed(std::string_view chunk);
    // The end of the text: the last record, if it has no line break after it.
    void finish();

  private:
    enum class State { start, unquoted, quoted, quote_in_quotes, closed };
    void take(char c);
    void outside_quotes(char c);
    void append(char c);
    void end_field();
    void end_row();

    char separator_;
    RowHandler on_row_;
    State state_ = State::start;
    bool after_cr_ = false;  // a CR just ended a line; an LF right after it is the same end
    std::size_t line_ = 1;
    std::size_t quote_line_ = 1;
    std::string field_;
    CsvRow row_;
    bool row_quoted_ = false;  // a row of one quoted empty field ("") is not blank
};

// Every record of `text`, fields split at `separator` (',' or ';' usually).
// A leading UTF-8 BOM is ignored. Throws CsvError as CsvReader does.
std::vector<CsvRow> parse_csv(std::string_view text, char separator = ',');

// The text without a leading UTF-8 byte order mark.
std::string_view without_bom(std::string_view text);

// ';' when the first line has more semicolons than commas outside quotes
// (the semicolon export of apps in locales with decimal commas), else ','.
char detect_separator(std::string_view text);

}  // namespace liftlog
