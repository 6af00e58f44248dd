#include "liftlog/csv.hpp"

namespace liftlog {

namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

std::string_view without_bom(std::string_view text) {
    if (text.starts_with(kByteOrderMark)) text.remove_prefix(kByteOrderMark.size());
    return text;
}

// The reader's state within one field.
enum class State {
    start,     // nothing of the field read yet
    unquoted,  // inside a field that did not start with a quote
    quoted,    // inside quotes
    closed,    // just after the closing quote
};

class Reader {
  public:
    Reader(std::string_view text, char separator) : text_(text), separator_(separator) {}

    std::vector<CsvRow> read() {
        row_.line = 1;
        for (position_ = 0; position_ < text_.size(); ++position_) {
            const char c = text_[position_];
            if (state_ == State::quoted)
                quoted(c);
            else
                outside_quotes(c);
        }
        if (state_ == State::quoted)
            throw CsvError(quote_line_,
                           "a quoted field that starts on this line is never closed; end it "
                           "with \" (and write \"\" for a quote inside a field)");
        const bool nothing_pending =
            state_ == State::start && row_.fields.empty() && field_.empty() && !row_quoted_;
        if (!nothing_pending) end_row();
        return std::move(rows_);
    }

  private:
    char next() const { return position_ + 1 < text_.size() ? text_[position_ + 1] : '\0'; }

    void quoted(char c) {
        if (c == '"') {
            if (next() == '"') {
                field_ += '"';
                ++position_;
            } else {
                state_ = State::closed;
            }
            return;
        }
        if (c == '\r' && next() == '\n') {  // a CRLF inside quotes is kept as one \n
            ++position_;
            c = '\n';
        }
        if (c == '\n' || c == '\r') ++line_;
        field_ += c == '\r' ? '\n' : c;
    }

    void outside_quotes(char c) {
        if (c == separator_) return end_field();
        if (c == '\n' || c == '\r') {
            if (c == '\r' && next() == '\n') ++position_;
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
        field_ += c;
        state_ = State::unquoted;
    }

    void end_field() {
        row_.fields.push_back(std::move(field_));
        field_.clear();
        state_ = State::start;
    }

    void end_row() {
        end_field();
        const bool blank = row_.fields.size() == 1 && row_.fields.front().empty() && !row_quoted_;
        if (!blank) rows_.push_back(std::move(row_));
        row_ = {};
        row_quoted_ = false;
    }

    std::string_view text_;
    char separator_;
    std::size_t position_ = 0;
    std::size_t line_ = 1;
    std::size_t quote_line_ = 1;
    State state_ = State::start;
    std::string field_;
    CsvRow row_;
    bool row_quoted_ = false;  // a row of one quoted empty field ("") is not blank
    std::vector<CsvRow> rows_;
};

}  // namespace

std::vector<CsvRow> parse_csv(std::string_view text, char separator) {
    return Reader(without_bom(text), separator).read();
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
