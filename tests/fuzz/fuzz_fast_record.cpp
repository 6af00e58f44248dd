// libFuzzer target: the log reader's fast path against parse_record.
// The input is one line. When parse_canonical_record reads it, parse_record
// must read the same record; parse_record_into must throw RecordError exactly
// when parse_record does, with the same message, and read the same record
// otherwise. Both write into a record that holds stale values first, as when
// the reader reuses one. tests/unit/test_fast_record.cpp checks the same
// property on the test corpora.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "liftlog/record.hpp"
#include "liftlog/record_reader.hpp"

#include "../common/dirty_record.hpp"

namespace {

[[noreturn]] void disagreement(const char* what, std::string_view line) {
    std::fprintf(stderr, "fuzz_fast_record: %s\n  line (%zu bytes): ", what, line.size());
    for (const char c : line) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x20 && byte < 0x7f && c != '\\')
            std::fputc(c, stderr);
        else
            std::fprintf(stderr, "\\x%02x", byte);
    }
    std::fputc('\n', stderr);
    std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > 65536) return -1;
    const std::string_view line(reinterpret_cast<const char*>(data), size);

    bool valid = true;
    std::string reason;
    liftlog::Record reference;
    try {
        reference = liftlog::parse_record(line);
    } catch (const liftlog::RecordError& error) {
        valid = false;
        reason = error.what();
    }

    static const liftlog::Record& dirty = liftlog::testing::dirty_record();
    for (const liftlog::Record& start : {liftlog::Record{}, dirty}) {
        liftlog::Record fast = start;
        if (liftlog::parse_canonical_record(line, fast)) {
            if (!valid) disagreement("the fast path read a line parse_record refuses", line);
            if (!(fast == reference))
                disagreement("the fast path read a record that differs from parse_record's", line);
        }

        liftlog::Record into = start;
        try {
            liftlog::parse_record_into(line, into);
        } catch (const liftlog::RecordError& error) {
            if (valid) disagreement("parse_record_into refuses a line parse_record reads", line);
            if (reason != error.what())
                disagreement("parse_record_into refuses a line for another reason", line);
            continue;
        }
        if (!valid) disagreement("parse_record_into reads a line parse_record refuses", line);
        if (!(into == reference))
            disagreement("parse_record_into reads a record that differs from parse_record's", line);
    }
    return 0;
}
