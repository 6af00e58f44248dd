#pragma once
// The log reader's hot path. Nearly every line in a log is in the exact shape
// serialize_record writes: fixed key order, no spaces, plain ASCII strings.
// Such lines are read here without building a JSON tree; every other line,
// valid or not, goes to parse_record, which stays the reference.
#include <string_view>

#include "liftlog/record.hpp"

namespace liftlog {

// Reads `line` into `out` when it is in serialize_record's canonical shape and
// returns true; then `out` equals parse_record(line). Numbers may also be
// spelled with trailing zeros (60.0, 8.00), which parse to the same values.
// Returns false, leaving `out` in an unspecified state, for anything else,
// valid or not.
bool parse_canonical_record(std::string_view line, Record& out);

// parse_canonical_record, falling back to parse_record. Reuses `out`'s storage,
// so reading a log does not allocate per line. Throws RecordError exactly when
// parse_record would.
void parse_record_into(std::string_view line, Record& out);

}  // namespace liftlog
