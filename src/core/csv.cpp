#include "liftlog/csv.hpp"

#include <fmt/format.h>

namespace liftlog {

namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

}  // namespace

CsvReader::CsvReader(char separator, RowHandler on_row)
    : separator_(separator), on_row_(std::move(on_row)) {
    row_.line = 1;
}

void CsvReader::feed(std::string_view chunk) {
    for (const char c : chunk) take(c);
}

void CsvReader::finish() {
    if (state_ == State::quoted)
        throw CsvError(quote_line_,
                       "a quoted field that starts on this line is never closed; end it "
                       "with \" (and write \"\" for a quote inside a field)");
    if (state_ == State::quote_in_quotes) state_ = State::closed;
    const bool nothing_pending =
        state_ == State::start && row_.fields.empty() && field_.empty() && !row_quoted_;
    if (!nothing_pending) end_row();
}

// One character at a time, so that a chunk may end anywhere: what a quote
// or a CR means is settled by the character after it, in `state_` and
// `after_cr_` until that one comes.
void CsvReader::take(char c) {
    if (after_cr_) {
        after_cr_ = false;
        if (c == '\n') return;
    }
    switch (state_) {
        case State::quoted:
            if (c == '"') {
                state_ = State::quote_in_quotes;
                return;
            }
            if (c == '\n' || c == '\r') {  // a CRLF inside quotes is kept as one \n
                ++line_;
                after_cr_ = c == '\r';
                return append('\n');
            }
            return append(c);
        case State::quote_in_quotes:
            if (c == '"') {  // a doubled quote
                state_ = State::quoted;
                return append('"');
            }
            state_ = State::closed;
            return outside_quotes(c);
        default:
            return outside_quotes(c);
    }
}

void CsvReader::outside_quotes(char c) {
    if (c == separator_) return end_field();
    if (c == '\n' || c == '\r') {
        after_cr_ = c == '\r';
        end_row();
        ++line_;
        row_.line = line_;
        return;
    }
    if (state_ == State::start && c == '"') {
        state_ = State::quoted;
        quote_line_ = line_;
        row_quoted_ = true;
        return;
    }
    if (state_ == State::closed)
        throw CsvError(line_,
                       "text after the closing quote of a field; put the whole field in "
                       "quotes and write \"\" for a quote inside it");
    // A quote inside an unquoted field (5'10") is taken literally.
    append(c);
    state_ = State::unquoted;
}

void CsvReader::append(char c) {
    if (field_.size() >= kMaxCsvFieldBytes) {
        const bool quoted = state_ == State::quoted || state_ == State::quote_in_quotes;
        throw CsvLimitError(quoted ? quote_line_ : line_,
                            fmt::format("a field longer than {} KiB, which no export holds, so "
                                        "nothing was imported; check that this is the file the "
                                        "app exported",
                                        kMaxCsvFieldBytes >> 10));
    }
    field_ += c;
}

void CsvReader::end_field() {
    if (row_.fields.size() >= kMaxCsvFields)
        throw CsvLimitError(row_.line,
                            fmt::format("more than {} fields in one row, which no export has, so "
                                        "nothing was imported; check that this is the file the "
                                        "app exported",
                                        kMaxCsvFields));
    row_.fields.push_back(std::move(field_));
    field_.clear();
    state_ = State::start;
}

void CsvReader::end_row() {
    end_field();
    const bool blank = row_.fields.size() == 1 && row_.fields.front().empty() && !row_quoted_;
    if (!blank) on_row_(row_);
    row_ = {};
    row_quoted_ = false;
}

std::vector<CsvRow> parse_csv(std::string_view text, char separator) {
    std::vector<CsvRow> rows;
    CsvReader reader(separator, [&rows](CsvRow& row) { rows.push_back(std::move(row)); });
    reader.feed(without_bom(text));
    reader.finish();
    return rows;
}

std::string_view without_bom(std::string_view text) {
    if (text.starts_with(kByteOrderMark)) text.remove_prefix(kByteOrderMark.size());
    return text;
}

char detect_separator(std::string_view text) {
    text = without_bom(text);
    std::size_t commas = 0;
    std::size_t semicolons = 0;
    bool in_quotes = false;
    for (const char c : text) {
        if (c == '"') in_quotes = !in_quotes;  // a doubled quote toggles twice
        if (in_quotes) continue;
        if (c == '\n' || c == '\r') break;
        if (c == ',') ++commas;
        if (c == ';') ++semicolons;
    }
    return semicolons > commas ? ';' : ',';
}

}  // namespace liftlog
