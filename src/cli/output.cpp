#include "output.hpp"

#include <algorithm>
#include <ostream>

#include <fmt/format.h>

#include "liftlog/diagnostics.hpp"
#include "liftlog/text.hpp"
#include "style.hpp"

namespace liftlog::cli {

namespace {

// Columns are measured in code points, without colour codes, so that accented
// names and coloured cells line up.
std::size_t display_width(const std::string& text) {
    return visible_width(text);
}

}  // namespace

TerminalSafeBuffer::~TerminalSafeBuffer() {
    write_pending();
}

TerminalSafeBuffer::int_type TerminalSafeBuffer::overflow(int_type c) {
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    const char byte = traits_type::to_char_type(c);
    xsputn(&byte, 1);
    return c;
}

std::streamsize TerminalSafeBuffer::xsputn(const char* text, std::streamsize count) {
    const std::string_view written(text, static_cast<std::size_t>(count));
    std::size_t start = 0;
    for (auto newline = written.find('\n'); newline != std::string_view::npos;
         newline = written.find('\n', start)) {
        pending_.append(written.substr(start, newline - start));
        write_pending();
        target_->sputc('\n');
        start = newline + 1;
    }
    pending_.append(written.substr(start));
    return count;
}

int TerminalSafeBuffer::sync() {
    write_pending();
    return target_->pubsync();
}

void TerminalSafeBuffer::write_pending() {
    std::string safe;
    std::size_t start = 0;
    // Only Style's own codes are kept: any other escape, from wherever it
    // came, is shown as text.
    for (std::size_t i = 0; keep_styles_ && i < pending_.size(); ++i) {
        const std::size_t length = style_code_length(pending_, i);
        if (length == 0) continue;
        safe += escape_for_terminal(std::string_view(pending_).substr(start, i - start));
        safe.append(pending_, i, length);
        i += length - 1;
        start = i + 1;
    }
    safe += escape_for_terminal(std::string_view(pending_).substr(start));
    target_->sputn(safe.data(), static_cast<std::streamsize>(safe.size()));
    pending_.clear();
}

Output::Output(std::ostream& out, std::ostream& err, Presentation presentation)
    : out_(out), err_(err), presentation_(presentation), style_(presentation.color) {
    if (presentation.format != OutputFormat::text) return;
    safe_buffer_ = std::make_unique<TerminalSafeBuffer>(out.rdbuf(), presentation.color);
    safe_out_ = std::make_unique<std::ostream>(safe_buffer_.get());
}

Output::~Output() {
    if (safe_out_) safe_out_->flush();
}

void Output::warn(std::string_view message) const {
    err_ << warning_text(message);
}

void Output::hint(std::string_view message) const {
    err_ << hint_text(message);
}

Table::Table(std::vector<std::string> headers) {
    rows_.push_back(std::move(headers));
}

void Table::add_row(std::vector<std::string> cells) {
    for (auto& cell : cells) cell = escape_for_terminal(cell);  // a note must not break its row
    rows_.push_back(std::move(cells));
}

void Table::print(std::ostream& out) const {
    print(out, Style());
}

void Table::print(std::ostream& out, const Style& style) const {
    std::vector<std::size_t> widths;
    for (const auto& row : rows_) {
        widths.resize(std::max(widths.size(), row.size()));
        for (std::size_t i = 0; i < row.size(); ++i)
            widths[i] = std::max(widths[i], display_width(row[i]));
    }
    for (const auto& row : rows_) {
        std::string line;
        for (std::size_t i = 0; i < row.size(); ++i) {
            line += row[i];
            if (i + 1 < row.size()) line += std::string(widths[i] - display_width(row[i]) + 2, ' ');
        }
        out << (&row == &rows_.front() ? style.header(line) : line) << '\n';
    }
}

void print_json(std::ostream& out, const nlohmann::ordered_json& value) {
    out << value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

std::string csv_field(std::string_view field) {
    if (field.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(field);
    std::string quoted = "\"";
    for (char c : field) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + '"';
}

bool reads_as_formula(std::string_view field) {
    const auto first = field.find_first_not_of(' ');
    if (first == std::string_view::npos) return false;
    return std::string_view("=+-@\t\r\n").find(field[first]) != std::string_view::npos;
}

std::string spreadsheet_safe_field(std::string_view field) {
    if (!reads_as_formula(field)) return csv_field(field);
    std::string quoted = "\"'";
    for (char c : field) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + '"';
}

CsvWriter::CsvWriter(std::ostream& out, const std::vector<std::string>& header,
                     const std::vector<std::string>& free_text, CsvCells cells)
    : out_(out), columns_(header.size()), guarded_(header.size(), false) {
    if (cells == CsvCells::guarded)
        for (std::size_t i = 0; i < columns_; ++i)
            guarded_[i] =
                std::find(free_text.begin(), free_text.end(), header[i]) != free_text.end();
    row(header);
}

void CsvWriter::row(const std::vector<std::string>& fields) {
    // Every row has the header's width, or the file is not a table.
    std::string line;
    for (std::size_t i = 0; i < columns_; ++i) {
        if (i > 0) line += ',';
        if (i >= fields.size()) continue;
        line += guarded_[i] ? spreadsheet_safe_field(fields[i]) : csv_field(fields[i]);
    }
    line += '\n';
    out_ << line;
}

namespace {

std::string compact_json(const nlohmann::ordered_json& value) {
    // A note that is not valid UTF-8 is replaced rather than failing the report.
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

void print_jsonl(std::ostream& out, const nlohmann::ordered_json& value) {
    out << compact_json(value) << '\n';
}

JsonArrayWriter::JsonArrayWriter(std::ostream& out) : out_(out) {
    out_ << '[';
}

void JsonArrayWriter::add(const nlohmann::ordered_json& element) {
    out_ << (empty_ ? "\n  " : ",\n  ") << compact_json(element);
    empty_ = false;
}

void JsonArrayWriter::finish() {
    out_ << (empty_ ? "]\n" : "\n]\n");
}

std::string suggestion_summary(const Suggestion& suggestion) {
    const std::string next =
        suggestion.next.load ? next_notation(suggestion.next)
                             : fmt::format("{} with a light load", next_notation(suggestion.next));
    if (suggestion.action == Action::rest && suggestion.not_before)
        return fmt::format("rest until {}, then {}", format_date(*suggestion.not_before), next);
    if (suggestion.not_before)
        return fmt::format("{} {} (from {})", action_name(suggestion.action), next,
                           format_date(*suggestion.not_before));
    return fmt::format("{} {}", action_name(suggestion.action), next);
}

void print_suggestion(std::ostream& out, const Suggestion& suggestion) {
    out << "Next time: " << suggestion_summary(suggestion) << '\n';
    out << "  " << suggestion.reason << '\n';
}

}  // namespace liftlog::cli
