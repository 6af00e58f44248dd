#pragma once
// An RFC 4180 CSV reader: quoted fields, doubled quotes, separators and line
// breaks inside quotes, CRLF or LF line ends, and a UTF-8 byte order mark.
// Pure: it reads text that the caller has already loaded.
#include <cstddef>
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

// Every record of `text`, fields split at `separator` (',' or ';' usually).
// A leading UTF-8 BOM is ignored; a final line break does not start a record;
// blank lines are skipped. Throws CsvError.
std::vector<CsvRow> parse_csv(std::string_view text, char separator = ',');

// ';' when the first line has more semicolons than commas outside quotes
// (the semicolon export of apps in locales with decimal commas), else ','.
char detect_separator(std::string_view text);

}  // namespace liftlog
