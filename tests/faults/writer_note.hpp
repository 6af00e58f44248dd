#pragma once
// The note liftlog_fault_writer puts in each record, shared with the tests
// that check the records arrived whole.
#include <string>

namespace faults {

inline std::string fault_note(unsigned long writer, unsigned long seq, unsigned long max_bytes) {
    std::string note = "w" + std::to_string(writer) + "s" + std::to_string(seq);
    if (max_bytes > 0) {
        const unsigned long length = (seq * 7919UL + writer * 104729UL) % max_bytes;
        note += ':';
        note.append(length, static_cast<char>('a' + (seq + writer) % 26));
    }
    return note;
}

}  // namespace faults
