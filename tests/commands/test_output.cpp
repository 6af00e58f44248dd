// The output layer's guards, in-process: the terminal buffer every text output
// goes through, and the CSV formula guard (src/cli/output.cpp).
#include <catch2/catch.hpp>

#include <sstream>

#include "output.hpp"
#include "style.hpp"

using namespace liftlog;
using namespace liftlog::cli;

namespace {

std::string through_buffer(const std::vector<std::string>& writes, bool keep_styles) {
    std::ostringstream target;
    {
        TerminalSafeBuffer buffer(target.rdbuf(), keep_styles);
        std::ostream out(&buffer);
        for (const auto& text : writes) out << text;
    }
    return target.str();
}

}  // namespace

TEST_CASE("TerminalSafeBuffer escapes each line, however it is written", "[output][terminal]") {
    CHECK(through_buffer({"a\x1b[2Jb\n",
                          "c\xe2\x80\xae"
                          "d\n"},
                         false) == "a\\x1b[2Jb\nc\\u202ed\n");
    // A character split across two writes is still one character.
    CHECK(through_buffer({"x\xe2\x80", "\x8by\n"}, false) == "x\\u200by\n");
    // The last line needs no newline to be written, escaped.
    CHECK(through_buffer({"tail\x07"}, false) == "tail\\x07");
}

TEST_CASE("TerminalSafeBuffer lets Style's colour codes through only when colour is on",
          "[output][terminal]") {
    const std::string bold = Style(true).header("NAME");
    CHECK(through_buffer({bold + "\n"}, true) == bold + "\n");
    CHECK(through_buffer({bold + "\n"}, false) == "\\x1b[1mNAME\\x1b[0m\n");
    // Any other sequence is text, colour or not.
    CHECK(through_buffer({"\x1b[2J\x1b]52;c;aGk=\x07\n"}, true) ==
          "\\x1b[2J\\x1b]52;c;aGk=\\x07\n");
}

TEST_CASE("spreadsheet_safe_field quotes what a spreadsheet would run", "[output][csv]") {
    CHECK(spreadsheet_safe_field("=1+1") == "\"'=1+1\"");
    CHECK(spreadsheet_safe_field("  @SUM(A1)") == "\"'  @SUM(A1)\"");
    CHECK(spreadsheet_safe_field("\t-2") == "\"'\t-2\"");
    CHECK(spreadsheet_safe_field("+\"x\"") == "\"'+\"\"x\"\"\"");
    CHECK(spreadsheet_safe_field("a = b") == "a = b");
    CHECK(spreadsheet_safe_field("a, b") == "\"a, b\"");
    CHECK(spreadsheet_safe_field("") == "");
}

TEST_CASE("CsvWriter guards only the free-text columns, and none when raw", "[output][csv]") {
    std::ostringstream guarded;
    CsvWriter(guarded, {"note", "load"}, {"note"}).row({"-5", "-5"});
    CHECK(guarded.str() == "note,load\n\"'-5\",-5\n");
    std::ostringstream raw;
    CsvWriter(raw, {"note", "load"}, {"note"}, CsvCells::raw).row({"-5", "-5"});
    CHECK(raw.str() == "note,load\n-5,-5\n");
}
