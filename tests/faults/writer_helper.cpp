// liftlog_fault_writer LOG WRITER COUNT [MAX_NOTE_BYTES]
//
// Appends COUNT records (0: until killed) to LOG through liftlog::append_line,
// the code `liftlog log` uses. Record SEQ of writer WRITER has the id
// printf("%08x%08x", WRITER, SEQ) and the note fault_note(WRITER, SEQ, MAX), so
// a reader can check that every record arrived whole. After each append
// returns, "SEQ\n" is written to stdout: an acknowledgement that the record is
// on disk. It first waits for end of file on stdin, so that a test can start
// many writers and release them at the same moment.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>

#include <fmt/format.h>

#include "liftlog/date.hpp"
#include "liftlog/error.hpp"
#include "liftlog/log_file.hpp"
#include "liftlog/record.hpp"
#include "writer_note.hpp"

int main(int argc, char** argv) {
    if (argc < 4) {
        std::cerr << "usage: liftlog_fault_writer LOG WRITER COUNT [MAX_NOTE_BYTES]\n";
        return 2;
    }
    const std::string log = argv[1];
    const unsigned long writer = std::strtoul(argv[2], nullptr, 10);
    const unsigned long count = std::strtoul(argv[3], nullptr, 10);
    const unsigned long max_note = argc > 4 ? std::strtoul(argv[4], nullptr, 10) : 0;

    char buffer[64];
    while (::read(0, buffer, sizeof buffer) > 0) {
    }

    liftlog::Record record;
    record.time = "2026-11-23T10:00:00+00:00";
    record.date = *liftlog::parse_date("2026-11-23");
    record.exercise = "back-extension";
    for (unsigned long seq = 0; count == 0 || seq < count; ++seq) {
        record.id = fmt::format("{:08x}{:08x}", writer, seq);
        record.note = faults::fault_note(writer, seq, max_note);
        record.sets = {
            liftlog::SetEntry{static_cast<int>(seq % 20 + 1), liftlog::Load::bodyweight(), false}};
        try {
            liftlog::append_line(log, liftlog::serialize_record(record));
        } catch (const liftlog::Failure& error) {
            std::cerr << "liftlog_fault_writer: " << error.what() << '\n';
            return 1;
        }
        const std::string ack = std::to_string(seq) + "\n";
        if (::write(1, ack.data(), ack.size()) != static_cast<ssize_t>(ack.size())) return 1;
    }
    return 0;
}
