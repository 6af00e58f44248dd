// Text that reaches a terminal, and free text from other programs
// (src/core/text.cpp).
#include <catch2/catch.hpp>

#include "liftlog/diagnostics.hpp"
#include "liftlog/text.hpp"

using namespace liftlog;

TEST_CASE("escape_for_terminal: C0, DEL, C1, bidi and zero-width characters become text",
          "[text][terminal]") {
    CHECK(escape_for_terminal("a\x1b]52;c;aGk=\x07z") == "a\\x1b]52;c;aGk=\\x07z");
    CHECK(escape_for_terminal("\x1b[2J\x7f") == "\\x1b[2J\\x7f");
    CHECK(escape_for_terminal("\xc2\x9b"
                              "2J") == "\\u009b2J");      // C1 CSI as UTF-8
    CHECK(escape_for_terminal("\xc2\x85") == "\\u0085");  // NEL
    CHECK(escape_for_terminal("\x9b") == "\\x9b");        // a lone byte: not UTF-8
    CHECK(escape_for_terminal("abc\xe2\x80\xae"
                              "def") == "abc\\u202edef");
    CHECK(escape_for_terminal("\xe2\x80\xaa\xe2\x81\xa6\xe2\x81\xa9") == "\\u202a\\u2066\\u2069");
    CHECK(escape_for_terminal("zero\xe2\x80\x8bwidth\xef\xbb\xbf") == "zero\\u200bwidth\\ufeff");
    CHECK(escape_for_terminal("tag\xf3\xa0\x80\x81") == "tag\\U000e0001");
    CHECK(escape_for_terminal("line\nbreak\ttab") == "line\\nbreak\\ttab");
}

TEST_CASE("escape_for_terminal: printable text, accents and emoji pass as they are",
          "[text][terminal]") {
    const std::string text =
        "Bankdr\xc3\xbc"
        "cken \xe2\x82\xac 100 \xf0\x9f\x92\xaa (\xd7\xa9\xd7\x9c)";
    CHECK(escape_for_terminal(text) == text);
    CHECK(escape_for_terminal("") == "");
}

TEST_CASE("messages and hints are escaped line by line", "[text][terminal]") {
    CHECK(error_text("bad \xe2\x80\xae name\nnext") == "liftlog: error: bad \\u202e name\nnext\n");
    CHECK(warning_text("\xc2\x9b"
                       "2J") == "liftlog: warning: \\u009b2J\n");
    CHECK(hint_text("try \x1b[2J\nagain") == "try \\x1b[2J\nagain\n");
}

TEST_CASE("first_control_character finds C0, DEL and C1, except those allowed", "[text]") {
    CHECK_FALSE(first_control_character("plain \xe2\x80\xae text"));
    CHECK(first_control_character("a\x1b[2J") == U'\x1b');
    CHECK(first_control_character("a\x7f") == U'\x7f');
    CHECK(first_control_character("a\xc2\x9b") == U'\x9b');
    CHECK_FALSE(first_control_character("two\nlines\tand a tab", "\n\t"));
    CHECK(first_control_character("two\nlines\r", "\n\t") == U'\r');
}

TEST_CASE("clean_free_text removes hidden and control characters", "[text][import]") {
    const std::string payload =
        "Row\x1b]52;c;aGk=\x07|\xc2\x9b"
        "2J|\xe2\x80\xae|\xe2\x81\xa6|\xe2\x80\x8b";
    const auto name = clean_free_text(payload, 200, FreeText::name);
    CHECK(name.text == "Row]52;c;aGk=|2J|||");
    CHECK(name.removed);
    CHECK_FALSE(name.truncated);
    CHECK(clean_free_text("two\nlines\tand\r\nCR", 200, FreeText::name).text ==
          "two lines and  CR");
    const auto note = clean_free_text("two\nlines\tand\r\nCR", 200, FreeText::note);
    CHECK(note.text == "two\nlines\tand\nCR");
    CHECK(note.removed);  // the CR
    const auto kept = clean_free_text("felt \"strong\"\n\xf0\x9f\x92\xaa", 200, FreeText::note);
    CHECK(kept.text == "felt \"strong\"\n\xf0\x9f\x92\xaa");
    CHECK_FALSE(kept.removed);
}

TEST_CASE("clean_free_text and truncate_utf8 cut at a character boundary", "[text][import]") {
    std::string long_name;
    for (int i = 0; i < 100; ++i) long_name += "\xe2\x82\xac";  // 300 bytes of euro signs
    const auto cut = clean_free_text(long_name, 200, FreeText::name);
    CHECK(cut.truncated);
    CHECK(cut.text.size() == 198);  // 66 whole characters
    CHECK(is_valid_utf8(cut.text));
    CHECK(truncate_utf8("abc", 3) == "abc");
    CHECK(truncate_utf8("ab\xc3\xbc", 3) == "ab");
    CHECK(truncate_utf8("ab\xc3\xbc", 4) == "ab\xc3\xbc");
    const auto exact = clean_free_text(std::string(200, 'a'), 200, FreeText::name);
    CHECK_FALSE(exact.truncated);
}
