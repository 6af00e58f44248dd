// The RFC 4180 reader behind `liftlog import`.
#include <catch2/catch.hpp>

#include "liftlog/csv.hpp"

using liftlog::CsvError;
using liftlog::CsvRow;
using liftlog::detect_separator;
using liftlog::parse_csv;

namespace {

using Fields = std::vector<std::string>;

std::vector<Fields> fields_of(const std::vector<CsvRow>& rows) {
    std::vector<Fields> all;
    for (const auto& row : rows) all.push_back(row.fields);
    return all;
}

std::vector<std::size_t> lines_of(const std::vector<CsvRow>& rows) {
    std::vector<std::size_t> lines;
    for (const auto& row : rows) lines.push_back(row.line);
    return lines;
}

}  // namespace

TEST_CASE("csv: plain fields, with and without a final newline", "[csv]") {
    CHECK(fields_of(parse_csv("a,b,c\n1,2,3\n")) ==
          std::vector<Fields>{{"a", "b", "c"}, {"1", "2", "3"}});
    CHECK(fields_of(parse_csv("a,b,c\n1,2,3")) ==
          std::vector<Fields>{{"a", "b", "c"}, {"1", "2", "3"}});
    CHECK(parse_csv("").empty());
}

TEST_CASE("csv: empty fields are kept, including trailing ones", "[csv]") {
    CHECK(fields_of(parse_csv("a,,c,\n,,,\n")) ==
          std::vector<Fields>{{"a", "", "c", ""}, {"", "", "", ""}});
}

TEST_CASE("csv: quoted fields hold separators, doubled quotes and line breaks", "[csv]") {
    const auto rows =
        parse_csv("name,note\n\"Press, bench\",\"said \"\"hi\"\"\"\nx,\"two\nlines\"\n");
    CHECK(fields_of(rows) == std::vector<Fields>{{"name", "note"},
                                                 {"Press, bench", "said \"hi\""},
                                                 {"x", "two\nlines"}});
    CHECK(lines_of(rows) == std::vector<std::size_t>{1, 2, 3});
}

TEST_CASE("csv: a record after an embedded line break starts on the right line", "[csv]") {
    const auto rows = parse_csv("h\n\"a\nb\nc\"\nnext\n");
    REQUIRE(rows.size() == 3);
    CHECK(rows[1].fields == Fields{"a\nb\nc"});
    CHECK(rows[2].line == 5);
}

TEST_CASE("csv: CRLF line ends, a BOM, and CRLF inside quotes", "[csv]") {
    const auto rows =
        parse_csv("\xEF\xBB\xBF\"Date\";\"Note\"\r\n\"2026-01-02\";\"a\r\nb\"\r\n", ';');
    CHECK(fields_of(rows) == std::vector<Fields>{{"Date", "Note"}, {"2026-01-02", "a\nb"}});
    CHECK(lines_of(rows) == std::vector<std::size_t>{1, 2});
}

TEST_CASE("csv: blank lines are skipped but counted", "[csv]") {
    const auto rows = parse_csv("a\n\n\nb\n\r\nc\n");
    CHECK(fields_of(rows) == std::vector<Fields>{{"a"}, {"b"}, {"c"}});
    CHECK(lines_of(rows) == std::vector<std::size_t>{1, 4, 6});
}

TEST_CASE("csv: a quoted empty field is a row, not a blank line", "[csv]") {
    CHECK(fields_of(parse_csv("\"\"\n")) == std::vector<Fields>{{""}});
}

TEST_CASE("csv: the separator inside an unquoted field splits it, other quotes are literal",
          "[csv]") {
    CHECK(fields_of(parse_csv("5'10\",x;y\n", ',')) == std::vector<Fields>{{"5'10\"", "x;y"}});
    CHECK(fields_of(parse_csv("a;b,c\n", ';')) == std::vector<Fields>{{"a", "b,c"}});
}

TEST_CASE("csv: an unclosed quote names the line it opened on", "[csv]") {
    try {
        parse_csv("a,b\n1,\"never\nclosed\n");
        FAIL("expected CsvError");
    } catch (const CsvError& error) {
        CHECK(error.line() == 2);
        CHECK(std::string(error.what()).find("never closed") != std::string::npos);
    }
}

TEST_CASE("csv: text after a closing quote is an error on its line", "[csv]") {
    try {
        parse_csv("a\nb\n\"x\"y\n");
        FAIL("expected CsvError");
    } catch (const CsvError& error) {
        CHECK(error.line() == 3);
        CHECK(std::string(error.what()).find("closing quote") != std::string::npos);
    }
}

TEST_CASE("csv: the separator is detected from the header outside quotes", "[csv]") {
    CHECK(detect_separator("Date,Exercise,Reps\n1;2;3;4\n") == ',');
    CHECK(detect_separator("\"Date\";\"Exercise\";\"Weight (kg)\"\r\n") == ';');
    CHECK(detect_separator("\xEF\xBB\xBF\"a,b,c\";d;e\n") == ';');
    CHECK(detect_separator("") == ',');
}

namespace {

// The rows of `text` fed to a CsvReader in chunks of `size` bytes.
std::vector<CsvRow> read_in_chunks(std::string_view text, std::size_t size, char separator = ',') {
    std::vector<CsvRow> rows;
    liftlog::CsvReader reader(separator, [&rows](CsvRow& row) { rows.push_back(std::move(row)); });
    for (std::size_t at = 0; at < text.size(); at += size) reader.feed(text.substr(at, size));
    reader.finish();
    return rows;
}

}  // namespace

TEST_CASE("csv: fed in chunks split anywhere, the reader finds the same rows", "[csv]") {
    // CRLFs inside and outside quotes, doubled quotes, a quoted line break,
    // a blank line and a last row without a line break.
    const std::string text =
        "name,note\r\n\"Press, bench\",\"said \"\"hi\"\"\r\nthen\"\r\n\r\nx,\"\"\"\"\ry,\"a\nb\"";
    const auto whole = parse_csv(text);
    REQUIRE(whole.size() == 4);
    for (std::size_t size = 1; size <= text.size(); ++size) {
        INFO("chunks of " << size);
        const auto rows = read_in_chunks(text, size);
        CHECK(fields_of(rows) == fields_of(whole));
        CHECK(lines_of(rows) == lines_of(whole));
    }
    CHECK(fields_of(whole)[1] == Fields{"Press, bench", "said \"hi\"\nthen"});
    CHECK(lines_of(whole) == std::vector<std::size_t>{1, 2, 5, 6});
}

TEST_CASE("csv: a field over 64 KiB or a row over 256 fields is refused at its line", "[csv]") {
    const std::string limit(liftlog::kMaxCsvFieldBytes, 'x');
    CHECK(parse_csv("a\n" + limit + "\n")[1].fields[0].size() == limit.size());
    try {
        read_in_chunks("a\nb\n\"" + limit + "\n" + limit + "\"\n", 1000);
        FAIL("expected CsvLimitError");
    } catch (const liftlog::CsvLimitError& error) {
        CHECK(error.line() == 3);  // where the quoted field starts
        CHECK(std::string(error.what()).starts_with("a field longer than 64 KiB"));
    }
    CHECK(parse_csv(std::string(255, ',') + "\n")[0].fields.size() == 256);
    try {
        parse_csv("a\n\nb" + std::string(256, ';') + "\n", ';');
        FAIL("expected CsvLimitError");
    } catch (const liftlog::CsvLimitError& error) {
        CHECK(error.line() == 3);
        CHECK(std::string(error.what()).starts_with("more than 256 fields in one row"));
    }
}
