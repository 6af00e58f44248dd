// Differential tests for the log reader's fast path (issue 4): on every line of
// the test corpora (valid, damaged and fuzzed), parse_canonical_record and
// parse_record_into agree with parse_record, the reference:
//
//   - when parse_canonical_record(L, r) returns true, parse_record(L) does not
//     throw and equals r, whatever r held before;
//   - parse_record_into(L, r) throws RecordError exactly when parse_record(L)
//     does, with the same message, and otherwise leaves r equal to it.
//
// The fast path must also earn its keep: every line serialize_record writes
// from a realistic record (plain ASCII strings, no unknown fields) is read by
// it. Valid lines in any other shape (spaces, key order, duplicate keys,
// escapes, defaults written out, unknown fields inside a set) are left to
// parse_record; a number spelled another way may be read, to the same value.
// tests/fuzz/fuzz_fast_record.cpp checks the same property on libFuzzer's
// inputs. A failure shows the line as a C++ string literal; Catch's console
// reporter wraps it, so to copy one run
//   build/tests/liftlog_unit_tests '[fast_record]' -r compact
#include <catch2/catch.hpp>

#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "liftlog/record.hpp"
#include "liftlog/record_reader.hpp"

#include "../common/dirty_record.hpp"

using namespace liftlog;
using namespace std::string_literals;
namespace fs = std::filesystem;

namespace {

// ---------------------------------------------------------------------------
// Showing lines and records in failure messages

// `bytes` as a C++ string literal, to paste into a test. Octal escapes take at
// most three digits, so a digit after one is not swallowed.
std::string literal(std::string_view bytes) {
    std::string out = "\"";
    for (const char c : bytes) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c == '\t') {
            out += "\\t";
        } else if (byte < 0x20 || byte >= 0x7f) {
            out += fmt::format("\\{:03o}", byte);
        } else {
            out += c;
        }
    }
    return out + '"';
}

std::string show_sets(const std::vector<SetEntry>& sets) {
    std::string out = "[";
    for (const auto& set : sets)
        out += fmt::format("{{{} reps, kind {}, {} hundredths, {}{}}}", set.reps,
                           static_cast<int>(set.load.kind), set.load.hundredths,
                           unit_name(set.load.unit), set.warmup ? ", warmup" : "");
    return out + "]";
}

std::string show_optional(const std::optional<std::string>& text) {
    return text ? literal(*text) : "(none)";
}

std::string show_optional(const std::optional<double>& number) {
    return number ? fmt::format("{:.17g}", *number) : "(none)";
}

std::string show_json(const nlohmann::json& value) {
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// The fields where `got` differs from `expected`, one per line.
std::string differences(const Record& got, const Record& expected) {
    std::string out;
    const auto field = [&out](const char* name, bool same, const std::string& mine,
                              const std::string& reference) {
        if (!same) out += fmt::format("\n    {}: {}  (reference: {})", name, mine, reference);
    };
    field("version", got.version == expected.version, std::to_string(got.version),
          std::to_string(expected.version));
    field("id", got.id == expected.id, literal(got.id), literal(expected.id));
    field("time", got.time == expected.time, literal(got.time), literal(expected.time));
    field("date", got.date == expected.date, format_date(got.date), format_date(expected.date));
    field("exercise", got.exercise == expected.exercise, literal(got.exercise),
          literal(expected.exercise));
    field("sets", got.sets == expected.sets, show_sets(got.sets), show_sets(expected.sets));
    field("rpe", got.rpe == expected.rpe, show_optional(got.rpe), show_optional(expected.rpe));
    field("note", got.note == expected.note, show_optional(got.note), show_optional(expected.note));
    field("pain", got.pain == expected.pain, got.pain ? "true" : "false",
          expected.pain ? "true" : "false");
    field("light", got.light == expected.light, got.light ? "true" : "false",
          expected.light ? "true" : "false");
    field("voids", got.voids == expected.voids, show_optional(got.voids),
          show_optional(expected.voids));
    field("unknown fields", got.unknown_fields == expected.unknown_fields,
          show_json(got.unknown_fields), show_json(expected.unknown_fields));
    return out.empty() ? "\n    (operator== differs, yet no field does)" : out;
}

// ---------------------------------------------------------------------------
// The reference and the property

struct Outcome {
    enum class Kind { record, record_error, other_exception };
    Kind kind = Kind::record;
    Record record;
    std::string message;
};

std::string show(const Outcome& outcome) {
    switch (outcome.kind) {
        case Outcome::Kind::record:
            return "a record";
        case Outcome::Kind::record_error:
            return "RecordError " + literal(outcome.message);
        case Outcome::Kind::other_exception:
            break;
    }
    return "an exception that is not a RecordError: " + literal(outcome.message);
}

Outcome reference_outcome(std::string_view line) {
    Outcome outcome;
    try {
        outcome.record = parse_record(line);
    } catch (const RecordError& error) {
        outcome.kind = Outcome::Kind::record_error;
        outcome.message = error.what();
    } catch (const std::exception& error) {
        outcome.kind = Outcome::Kind::other_exception;
        outcome.message = error.what();
    }
    return outcome;
}

Date day(int year, unsigned month, unsigned d) {
    return Date{std::chrono::year{year} / std::chrono::month{month} / std::chrono::day{d}};
}

// What `out` may hold from an earlier line: every field set, none matching.
using liftlog::testing::dirty_record;

bool plain_string(std::string_view text) {
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte > 0x7e || c == '"' || c == '\\') return false;
    }
    return true;
}

// A line the fast path is there for: what serialize_record writes for a record
// without unknown fields whose strings need no escapes.
bool plain_canonical(std::string_view line, const Record& record) {
    if (!record.unknown_fields.empty() || !plain_string(record.id) || !plain_string(record.time) ||
        !plain_string(record.exercise))
        return false;
    if (record.note && !plain_string(*record.note)) return false;
    if (record.voids && !plain_string(*record.voids)) return false;
    return serialize_record(record) == line;
}

// Of the plain canonical lines, those the fast path must read. The rare rest
// (an empty id, time, exercise or note, or an rpe with more than two decimals)
// is canonical too, but may be left to parse_record: it is only counted.
bool must_be_accepted(const Record& record) {
    if (record.id.empty() || record.time.empty()) return false;
    if (!record.voids && record.exercise.empty()) return false;
    if (record.note && record.note->empty()) return false;
    return !record.rpe || std::round(*record.rpe * 100.0) / 100.0 == *record.rpe;
}

struct LineResult {
    bool accepted = false;  // parse_canonical_record returned true
    bool valid = false;     // parse_record returned a record
    bool canonical = false;
};

// Runs the property on lines of one corpus, counts, and reports the first few
// disagreements with their lines; finish() fails the test if there were any.
class Differential {
  public:
    explicit Differential(std::string corpus) : corpus_(std::move(corpus)) {}

    LineResult check(std::string_view line) {
        ++lines_;
        const Outcome reference = reference_outcome(line);
        LineResult result;
        result.valid = reference.kind == Outcome::Kind::record;
        if (reference.kind == Outcome::Kind::other_exception)
            problem(line, "parse_record threw " + show(reference));

        // The fast path, on the line where it lies and on an exact-size copy
        // (bytes past the end are then the rest of a longer buffer, or
        // outside the allocation for the sanitizers), into an `out` that is
        // fresh, dirty, or left from the previous line.
        if (lines_ % 3 == 0) fast_out_ = Record{};
        if (lines_ % 3 == 1) fast_out_ = dirty_record();
        result.accepted = check_fast(line, reference, fast_out_);
        const std::vector<char> copy(line.begin(), line.end());
        Record copy_out = dirty_record();
        if (check_fast(std::string_view(copy.data(), copy.size()), reference, copy_out) !=
            result.accepted)
            problem(line, "parse_canonical_record answers differently for a copy of the line");

        check_into(line, reference);

        if (result.valid) {
            ++valid_;
            result.canonical = plain_canonical(line, reference.record);
            if (result.canonical) {
                ++canonical_;
                if (!result.accepted) {
                    if (must_be_accepted(reference.record))
                        problem(line, "the fast path declined a canonical line");
                    else
                        ++canonical_declined_;
                }
            }
        }
        if (result.accepted) ++accepted_;
        return result;
    }

    // Fails the test for a line the fast path should have left alone.
    void expect_declined(std::string_view line, const LineResult& result) {
        if (result.accepted)
            problem(line, "the fast path read a line that is not in the canonical shape");
    }

    void expect(bool condition, std::string_view line, const std::string& what) {
        if (!condition) problem(line, what);
    }

    std::size_t lines() const { return lines_; }
    std::size_t accepted() const { return accepted_; }
    std::size_t valid() const { return valid_; }

    void finish() {
        WARN(
            fmt::format("{}: {} lines, {} valid, {} plain canonical; the fast path read {} "
                        "and left {} canonical lines with an empty string or a long rpe to "
                        "parse_record",
                        corpus_, lines_, valid_, canonical_, accepted_, canonical_declined_));
        INFO(corpus_ << ": lines where the fast path disagrees with parse_record, or declined "
                        "a canonical line it must read");
        CHECK(problems_ == 0);
    }

  private:
    bool check_fast(std::string_view line, const Outcome& reference, Record& out) {
        bool accepted = false;
        try {
            accepted = parse_canonical_record(line, out);
        } catch (const std::exception& error) {
            problem(line, fmt::format("parse_canonical_record threw: {}", literal(error.what())));
            return false;
        }
        if (!accepted) return false;
        if (reference.kind != Outcome::Kind::record)
            problem(line, "the fast path read a line parse_record refuses with " + show(reference));
        else if (!(out == reference.record))
            problem(line, "the fast path read a record that differs from parse_record's:" +
                              differences(out, reference.record));
        return true;
    }

    void check_into(std::string_view line, const Outcome& reference) {
        // Reused from line to line like the log reader does, made dirty now
        // and then.
        if (lines_ % 4 == 2) into_out_ = dirty_record();
        Outcome got;
        try {
            parse_record_into(line, into_out_);
        } catch (const RecordError& error) {
            got.kind = Outcome::Kind::record_error;
            got.message = error.what();
        } catch (const std::exception& error) {
            got.kind = Outcome::Kind::other_exception;
            got.message = error.what();
        }
        if (got.kind != reference.kind ||
            (got.kind != Outcome::Kind::record && got.message != reference.message))
            problem(line, fmt::format("parse_record_into gives {}, parse_record {}", show(got),
                                      show(reference)));
        else if (got.kind == Outcome::Kind::record && !(into_out_ == reference.record))
            problem(line, "parse_record_into reads a record that differs from parse_record's:" +
                              differences(into_out_, reference.record));
    }

    void problem(std::string_view line, const std::string& what) {
        constexpr std::size_t kShown = 10;
        if (++problems_ <= kShown)
            FAIL_CHECK(fmt::format("{}: {}\n  line ({} bytes): {}", corpus_, what, line.size(),
                                   literal(line)));
        else if (problems_ == kShown + 1)
            FAIL_CHECK(corpus_ << ": more disagreements; only the first " << kShown
                               << " are shown");
    }

    std::string corpus_;
    Record fast_out_;
    Record into_out_;
    std::size_t lines_ = 0;
    std::size_t accepted_ = 0;
    std::size_t valid_ = 0;
    std::size_t canonical_ = 0;
    std::size_t canonical_declined_ = 0;
    std::size_t problems_ = 0;
};

// ---------------------------------------------------------------------------
// Records and lines

SetEntry set_of(int reps, Load load, bool warmup = false) {
    return {reps, load, warmup};
}

Load kg(std::int64_t hundredths) {
    return Load::external(hundredths, Unit::kg);
}

Load lb(std::int64_t hundredths) {
    return Load::external(hundredths, Unit::lb);
}

Record training(std::string exercise, std::vector<SetEntry> sets) {
    Record record;
    record.id = "9f2c4b1e0a7d3c55";
    record.time = "2026-11-23T18:02:11+01:00";
    record.date = day(2026, 11, 23);
    record.exercise = std::move(exercise);
    record.sets = std::move(sets);
    return record;
}

Record voiding(std::string id, std::optional<std::string> note = std::nullopt) {
    Record record;
    record.id = "51d0c2aa93e7b804";
    record.time = "2026-11-23T18:05:40+01:00";
    record.voids = std::move(id);
    record.note = std::move(note);
    return record;
}

// Records as liftlog writes them, with plain ASCII strings: the fast path must
// read every one.
std::vector<Record> realistic_records() {
    std::vector<Record> records;
    records.push_back(training("back-extension",
                               {set_of(12, Load::bodyweight()), set_of(10, Load::bodyweight())}));
    records.push_back(training("pull-up", {set_of(8, Load::added(1000, Unit::kg)),
                                           set_of(6, Load::added(250, Unit::kg))}));
    records.push_back(training("dip", {set_of(5, Load::added(4500, Unit::lb)),
                                       set_of(5, Load::added(1, Unit::lb), true)}));
    for (const std::int64_t hundredths :
         {10000, 10250, 125, 1, 999999999, 1000000000, 5, 50, 99, 101, 110, 100000, 2000000}) {
        records.push_back(training("deadlift", {set_of(5, kg(hundredths))}));
        records.push_back(training("squat", {set_of(3, lb(hundredths))}));
        records.push_back(training("pull-up", {set_of(1, Load::added(hundredths, Unit::kg)),
                                               set_of(2, Load::added(hundredths, Unit::lb))}));
    }
    records.push_back(training("deadlift", {set_of(5, kg(6000), true), set_of(5, kg(10250)),
                                            set_of(3, lb(22500)), set_of(8, kg(6000), true)}));
    for (const double rpe : {8.0, 7.5, 10.0, 1.0, 6.5, 9.5, 7.3, 8.25}) {
        Record record = training("bench-press", {set_of(5, kg(8000))});
        record.rpe = rpe;
        records.push_back(record);
    }
    for (const char* note :
         {"belt on", "x", "  spaces  around  ", "felt heavy, grip {slipped} on set 3: [5,5,4] ok",
          "~!@#$%^&*()_+`-=[]{}|;':,./<>?", "v:1, pain:true", "null", "}"}) {
        Record record = training("row", {set_of(10, kg(6000))});
        record.note = note;
        records.push_back(record);
    }
    {
        Record record = training("deadlift", {set_of(5, kg(14000))});
        record.pain = true;
        records.push_back(record);
        record.note = "lower back";
        records.push_back(record);
        record.rpe = 9.5;
        records.push_back(record);
        record.sets.push_back(set_of(5, lb(30000), true));
        record.pain = false;
        records.push_back(record);
        record.light = true;
        records.push_back(record);
        record.pain = true;
        records.push_back(record);
    }
    records.push_back(voiding("9f2c4b1e0a7d3c55"));
    records.push_back(voiding("9f2c4b1e0a7d3c55", "logged twice"));
    records.push_back(voiding("x", "sets:[] date: 2026-01-01"));
    records.push_back(
        training("pull-up", {set_of(1, Load::bodyweight()), set_of(100000, Load::bodyweight())}));
    {
        std::vector<SetEntry> many;
        for (int i = 0; i < 50; ++i)
            many.push_back(set_of(i + 1,
                                  i % 3 == 0   ? Load::bodyweight()
                                  : i % 3 == 1 ? Load::added(i * 125, i % 2 ? Unit::kg : Unit::lb)
                                               : Load::external(i * 1001 + 1, Unit::kg),
                                  i % 7 == 0));
        Record record = training("circuit", many);
        record.rpe = 8.5;
        record.note = "fifty sets";
        record.pain = true;
        records.push_back(record);
        for (int i = 0; i < 950; ++i) many.push_back(set_of(5, kg(6000 + i * 25), i % 2 == 0));
        records.push_back(training("thousand-sets", many));
    }
    {
        Record record = training("row", {set_of(10, kg(6000))});
        record.note = std::string(20000, 'n');
        records.push_back(record);
    }
    for (const Date date : {day(2024, 2, 29), day(1900, 1, 1), day(9999, 12, 31), day(2026, 12, 31),
                            day(2000, 2, 29), day(2026, 1, 1)}) {
        Record record = training("squat", {set_of(5, kg(10000))});
        record.date = date;
        records.push_back(record);
    }
    for (const char* id : {"0123456789abcdef", "x", "id with spaces {}[]:,"}) {
        Record record = training("squat", {set_of(5, kg(10000))});
        record.id = id;
        record.time = "2026-11-25T07:00:00-05:00";
        records.push_back(record);
        records.push_back(voiding(id));
    }
    {
        Record record = training("squat", {set_of(5, kg(10000))});
        record.time = "t";
        record.exercise = "e";
        records.push_back(record);
    }
    return records;
}

// Records serialize_record writes in the canonical shape but that the fast path
// may leave to parse_record: escaped or non-ASCII strings, unknown fields,
// empty strings, an rpe with many digits.
std::vector<Record> unusual_records() {
    std::vector<Record> records;
    // Body-weight records are version 2, which parse_record reads.
    for (const std::int64_t hundredths : {8250, 8000, 18100, 1}) {
        Record weighing;
        weighing.id = "bw" + std::to_string(hundredths);
        weighing.time = "2026-11-20T07:00:00+01:00";
        weighing.date = Date{std::chrono::year{2026} / 11 / 20};
        weighing.body_weight = BodyWeight{hundredths, hundredths == 18100 ? Unit::lb : Unit::kg};
        if (hundredths == 8000) weighing.note = "after breakfast";
        records.push_back(weighing);
    }
    for (const char* note :
         {"grip \"slipped\"", "back\\slash", "two\nlines", "tab\there", "\x01\x1f control",
          "del \x7f", "emoji \xf0\x9f\x92\xaa and \xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d", "caf\xc3\xa9",
          "", "\\u0041", "\xe2\x80\xa8 line separator"}) {
        Record record = training("deadlift", {set_of(5, kg(10000))});
        record.note = note;
        records.push_back(record);
        records.push_back(voiding("abc", std::string(note)));
    }
    {
        Record record = training("d\xc3\xa9velopp\xc3\xa9", {set_of(5, kg(10000))});
        records.push_back(record);
        record.exercise = "quote\"d";
        records.push_back(record);
        record.exercise = "";
        records.push_back(record);
        record.exercise = "squat";
        record.id = "";
        records.push_back(record);
        record.id = "x";
        record.time = "";
        records.push_back(record);
    }
    for (const char* unknown : {R"({"device":{"name":"watch"}})",
                                R"({"a":[1,2.5,null,true,"s"],"b":{},"c":"\"}"})", R"({"z":0})"}) {
        Record record = training("deadlift", {set_of(5, kg(10000))});
        record.unknown_fields = nlohmann::json::parse(unknown);
        records.push_back(record);
        record.rpe = 8.0;
        record.note = "n";
        record.pain = true;
        records.push_back(record);
    }
    for (const double rpe : {1.1, 9.25, 8.333333333333334, 6.666666666666667,
                             std::nextafter(1.0, 2.0), std::nextafter(10.0, 0.0), 5.125, 3.14159}) {
        Record record = training("bench-press", {set_of(5, kg(8000))});
        record.rpe = rpe;
        records.push_back(record);
    }
    records.push_back(voiding("\xc3\xa9"));
    return records;
}

// Records serialize_record writes in the canonical shape that parse_record
// refuses: the fast path must not read them.
std::vector<Record> refused_records() {
    std::vector<Record> records;
    const Record base = training("deadlift", {set_of(5, kg(10000))});
    for (const Date date : {day(1899, 12, 31), day(10000, 1, 1), day(1, 1, 1)}) {
        Record record = base;
        record.date = date;
        records.push_back(record);
    }
    for (const double rpe : {0.5, 0.0, -1.0, 10.5, 11.0, std::nextafter(10.0, 11.0),
                             std::nextafter(1.0, 0.0), std::numeric_limits<double>::quiet_NaN(),
                             std::numeric_limits<double>::infinity(), 1e300}) {
        Record record = base;
        record.rpe = rpe;
        records.push_back(record);
    }
    for (const int reps :
         {-1, -5, 100001, std::numeric_limits<int>::max(), std::numeric_limits<int>::min()}) {
        Record record = base;
        record.sets.push_back(set_of(reps, kg(10000)));
        records.push_back(record);
    }
    for (const std::int64_t hundredths :
         {std::int64_t{0}, std::int64_t{-100}, std::int64_t{-1}, std::int64_t{1000000001},
          std::int64_t{100000000000}, std::numeric_limits<std::int64_t>::max()}) {
        Record record = base;
        record.sets.push_back(set_of(5, kg(hundredths)));
        records.push_back(record);
        record.sets.back().load = Load::added(hundredths, Unit::lb);
        records.push_back(record);
    }
    for (const int version : {0, 3, -1, 10}) {
        Record record = base;
        record.version = version;
        records.push_back(record);
        Record withdrawal = voiding("abc");
        withdrawal.version = version;
        records.push_back(withdrawal);
    }
    records.push_back(voiding(""));
    records.push_back(voiding("", "note"));
    {
        Record record = base;
        record.sets.clear();
        records.push_back(record);
    }
    for (const char* unknown :
         {R"({"voids":"abc"})", R"({"pain":"yes"})", R"({"rpe":11})", R"({"note":5})",
          R"({"rpe":null})", R"({"pain":null})", R"({"voids":""})"}) {
        Record record = base;
        record.unknown_fields = nlohmann::json::parse(unknown);
        records.push_back(record);
    }
    return records;
}

// serialize_record writes the version a record needs; a record whose
// `version` says otherwise is written with that version instead.
std::vector<std::string> serialized(const std::vector<Record>& records) {
    std::vector<std::string> lines;
    for (const auto& record : records) {
        std::string line = serialize_record(record);
        if (record.version != kLogFormatVersion) {
            const std::string needed = "{\"v\":" + std::to_string(required_version(record));
            line.replace(0, needed.size(), "{\"v\":" + std::to_string(record.version));
        }
        lines.push_back(std::move(line));
    }
    return lines;
}

// The lines of a file as the log reader sees them: split at '\n', which is
// dropped; empty lines skipped.
std::vector<std::string> file_lines(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < bytes.size()) {
        std::size_t end = bytes.find('\n', start);
        if (end == std::string::npos) end = bytes.size();
        if (end > start) lines.push_back(bytes.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

const fs::path kSourceDir = LIFTLOG_SOURCE_DIR;

// A canonical line: the example record of docs/log-format.md as liftlog writes it.
const std::string kFull =
    R"({"v":1,"id":"9f2c4b1e0a7d3c55","time":"2026-11-23T18:02:11+01:00","date":"2026-11-23",)"
    R"("exercise":"deadlift","sets":[{"reps":5,"load":{"kind":"external","value":60,"unit":"kg"},)"
    R"("warmup":true},{"reps":5,"load":{"kind":"external","value":102.5,"unit":"kg"}}],)"
    R"("rpe":8.0,"note":"belt on","pain":true})";
const std::string kBodyweight =
    R"({"v":1,"id":"0123456789abcdef","time":"2026-11-24T07:00:00+00:00","date":"2026-11-24",)"
    R"("exercise":"back-extension","sets":[{"reps":13,"load":{"kind":"bw"}},)"
    R"({"reps":12,"load":{"kind":"bw"}}]})";
const std::string kAddedLb =
    R"({"v":1,"id":"00000000000000aa","time":"2026-11-25T07:00:00-05:00","date":"2024-02-29",)"
    R"("exercise":"pull-up","sets":[{"reps":8,"load":{"kind":"added","value":1.25,"unit":"lb"}}],)"
    R"("rpe":7.5})";
const std::string kVoidNote =
    R"({"v":1,"id":"51d0c2aa93e7b804","time":"2026-11-23T18:05:40+01:00",)"
    R"("voids":"9f2c4b1e0a7d3c55","note":"logged twice"})";
const std::string kVoid = R"({"v":1,"id":"51d0c2aa93e7b804","time":"2026-11-23T18:05:40+01:00",)"
                          R"("voids":"9f2c4b1e0a7d3c55"})";
const std::string kExtremes =
    R"({"v":1,"id":"x","time":"t","date":"9999-12-31","exercise":"e","sets":[)"
    R"({"reps":100000,"load":{"kind":"external","value":0.01,"unit":"lb"},"warmup":true},)"
    R"({"reps":1,"load":{"kind":"added","value":9999999.99,"unit":"kg"}}],"rpe":10.0,)"
    R"("note":"n","pain":true})";

const std::vector<std::string>& canonical_bases() {
    static const std::vector<std::string> bases = {kFull,     kBodyweight, kAddedLb,
                                                   kVoidNote, kVoid,       kExtremes};
    return bases;
}

// `line` with the first `from` replaced by `to`; `from` must be there.
std::string replaced(const std::string& line, std::string_view from, std::string_view to) {
    const std::size_t at = line.find(from);
    INFO("replacing " << literal(from) << " in " << literal(line));
    REQUIRE(at != std::string::npos);
    std::string out = line;
    out.replace(at, from.size(), to);
    return out;
}

// Valid lines that serialize_record never writes: the fast path must leave
// them to parse_record.
std::vector<std::string> valid_variants() {
    const std::string& f = kFull;
    const std::string sets =
        R"([{"reps":5,"load":{"kind":"external","value":60,"unit":"kg"},"warmup":true},)"
        R"({"reps":5,"load":{"kind":"external","value":102.5,"unit":"kg"}}])";
    return {
        // Spaces, line ends and a byte-order mark.
        replaced(f, R"("v":1)", R"("v": 1)"),
        replaced(f, R"({"v")", R"({ "v")"),
        replaced(f, R"(,"id")", R"(, "id")"),
        replaced(f, R"(},{)", R"(}, {)"),
        replaced(f, R"("pain":true})", R"("pain":true })"),
        " " + f,
        f + " ",
        f + "\t",
        f + "\r",
        f + "\n",
        f + "\r\n",
        "\xef\xbb\xbf" + f,
        // nlohmann::json stops reading at a NUL byte.
        f + "\0"s,
        f + "\0 trailing garbage}"s,
        kVoid + "\0\0"s,
        kVoid + " ",
        kVoid + "\r",
        // Keys in another order.
        replaced(f, R"("v":1,"id":"9f2c4b1e0a7d3c55")", R"("id":"9f2c4b1e0a7d3c55","v":1)"),
        replaced(f, R"("rpe":8.0,"note":"belt on")", R"("note":"belt on","rpe":8.0)"),
        replaced(f, R"("note":"belt on","pain":true)", R"("pain":true,"note":"belt on")"),
        replaced(f, R"("value":60,"unit":"kg")", R"("unit":"kg","value":60)"),
        replaced(f, R"({"reps":5,"load":{"kind":"external","value":60,"unit":"kg"},"warmup":true})",
                 R"({"warmup":true,"reps":5,"load":{"kind":"external","value":60,"unit":"kg"}})"),
        replaced(f, R"({"reps":5,"load":{"kind":"external","value":102.5,"unit":"kg"}})",
                 R"({"load":{"kind":"external","value":102.5,"unit":"kg"},"reps":5})"),
        replaced(f, R"("kind":"external","value":60)", R"("value":60,"kind":"external")"),
        replaced(f, R"("date":"2026-11-23","exercise":"deadlift")",
                 R"("exercise":"deadlift","date":"2026-11-23")"),
        replaced(kVoidNote, R"("voids":"9f2c4b1e0a7d3c55","note":"logged twice")",
                 R"("note":"logged twice","voids":"9f2c4b1e0a7d3c55")"),
        replaced(kVoid, R"("time":"2026-11-23T18:05:40+01:00","voids":"9f2c4b1e0a7d3c55")",
                 R"("voids":"9f2c4b1e0a7d3c55","time":"2026-11-23T18:05:40+01:00")"),
        // Duplicate keys: JSON's last one wins.
        replaced(f, R"({"v":1,)", R"({"v":1,"v":1,)"),
        replaced(f, R"("id":"9f2c4b1e0a7d3c55")", R"("id":"a","id":"9f2c4b1e0a7d3c55")"),
        replaced(f, R"(,"rpe")", ",\"sets\":" + sets + R"(,"rpe")"),
        replaced(f, R"(,"rpe")", R"(,"sets":[{"reps":1,"load":{"kind":"bw"}}],"rpe")"),
        replaced(f, R"("pain":true})", R"("pain":true,"note":"second note"})"),
        replaced(f, R"("pain":true})", R"("pain":true,"rpe":6.0})"),
        replaced(f, R"("pain":true})", R"("pain":true,"pain":false})"),
        replaced(f, R"("pain":true})", R"("pain":true,"date":"2026-11-22"})"),
        replaced(f, R"("pain":true})", R"("pain":true,"exercise":"squat"})"),
        replaced(f, R"("reps":5,"load":{"kind":"external","value":60)",
                 R"("reps":5,"reps":6,"load":{"kind":"external","value":60)"),
        replaced(f, R"("value":60,"unit":"kg")", R"("value":60,"unit":"kg","unit":"lb")"),
        replaced(f, R"("value":60,)", R"("value":60,"value":70,)"),
        replaced(f, R"({"kind":"external","value":60)",
                 R"({"kind":"bw","kind":"external","value":60)"),
        replaced(f, R"("warmup":true})", R"("warmup":true,"warmup":false})"),
        replaced(kVoidNote, R"("note":"logged twice"})",
                 R"("note":"logged twice","voids":"0000000000000000"})"),
        // Values serialize_record leaves out or writes otherwise.
        replaced(f, R"("pain":true)", R"("pain":false)"),
        replaced(f, R"(,"warmup":true)", R"(,"warmup":false)"),
        // Strings written another way.
        replaced(f, R"("exercise":"deadlift")", R"("exercise":"dead\u006cift")"),
        replaced(f, R"("note":"belt on")", R"("note":"\u0041")"),
        replaced(f, R"("note":"belt on")", R"("note":"belt\/on")"),
        replaced(f, R"("note":"belt on")", R"("note":"\u00e9")"),
        replaced(f, R"("kind":"external","value":60)", R"("kind":"extern\u0061l","value":60)"),
        replaced(f, R"("unit":"kg"})", R"("unit":"\u006bg"})"),
        replaced(f, R"({"v":1)", R"({"\u0076":1)"),
        replaced(f, R"("pain":true)", R"("p\u0061in":true)"),
        replaced(kVoid, R"("voids":"9f2c4b1e0a7d3c55")", R"("voids":"9f2c4b1e0a7d3c5\u0035")"),
        // Fields parse_record ignores or keeps aside.
        replaced(f, R"("sets")", R"("device":"watch","sets")"),
        replaced(f, R"({"v":1,)", R"({"x":null,"v":1,)"),
        replaced(f, R"({"kind":"external","value":60,"unit":"kg"})",
                 R"({"kind":"external","value":60,"unit":"kg","x":1})"),
        replaced(f, R"("warmup":true})", R"("warmup":true,"x":[]})"),
        replaced(kBodyweight, R"({"kind":"bw"})", R"({"kind":"bw","value":5,"unit":"kg"})"),
        replaced(kBodyweight, R"({"kind":"bw"})", R"({"kind":"bw","value":"five"})"),
        replaced(kVoidNote, R"("note":"logged twice")", R"("note":"logged twice","pain":true)"),
        replaced(kVoidNote, R"("note":"logged twice")", R"("note":"logged twice","rpe":8.0)"),
        replaced(kVoidNote, R"("note":"logged twice")", R"("note":"logged twice","x":1)"),
        replaced(kVoid, R"("voids")", R"("pain":false,"voids")"),
    };
}

// Valid lines with a number spelled otherwise than serialize_record spells it
// (trailing zeros, an integer rpe, exponents, more digits than needed). The
// fast path may read the ones it reads to the same value (parse_canonical_record
// takes trailing zeros and an integer rpe); the property is all that is checked.
std::vector<std::string> number_spellings() {
    const std::string& f = kFull;
    return {
        replaced(f, R"("rpe":8.0)", R"("rpe":8)"),
        replaced(f, R"("rpe":8.0)", R"("rpe":8.00)"),
        replaced(f, R"("rpe":8.0)", R"("rpe":80e-1)"),
        replaced(f, R"("rpe":8.0)", R"("rpe":8.0e0)"),
        replaced(f, R"("rpe":8.0)", R"("rpe":8.000000000000001)"),
        replaced(kAddedLb, R"("rpe":7.5)", R"("rpe":7.50)"),
        replaced(f, R"("value":60,)", R"("value":60.0,)"),
        replaced(f, R"("value":60,)", R"("value":6e1,)"),
        replaced(f, R"("value":60,)", R"("value":6E1,)"),
        replaced(f, R"("value":60,)", R"("value":6e+1,)"),
        replaced(f, R"("value":60,)", R"("value":600e-1,)"),
        replaced(f, R"("value":60,)", R"("value":60.00,)"),
        replaced(f, R"("value":60,)", R"("value":60.0000000001,)"),
        replaced(f, R"("value":102.5,)", R"("value":102.50,)"),
        replaced(f, R"("value":102.5,)", R"("value":1.025e2,)"),
        replaced(f, R"("value":102.5,)", R"("value":102.49999999999,)"),
        replaced(f, R"("value":60,)", "\"value\":0." + std::string(400, '9') + ","),
        replaced(f, R"("rpe":8.0)", R"("rpe":8.0000)"),
        replaced(f, R"("rpe":8.0)", R"("rpe":7.99999999999999911182158029987)"),
        replaced(f, R"("rpe":8.0)", R"("rpe":7.9999999999999999999)"),
        replaced(f, R"("rpe":8.0)", R"("rpe":10)"),
        replaced(f, R"("rpe":8.0)", R"("rpe":1)"),
        replaced(kExtremes, R"("rpe":10.0)", R"("rpe":10.00000000000000)"),
        replaced(kAddedLb, R"("value":1.25,)", R"("value":1.250,)"),
        replaced(kAddedLb, R"("value":1.25,)", R"("value":1.2500000000000000001,)"),
        replaced(kExtremes, R"("value":0.01,)", R"("value":0.010,)"),
        replaced(kExtremes, R"("value":0.01,)", R"("value":1e-2,)"),
        replaced(kExtremes, R"("value":9999999.99,)", R"("value":9999999.990,)"),
        replaced(kExtremes, R"("value":9999999.99,)", R"("value":10000000.0,)"),
        replaced(kExtremes, R"("value":9999999.99,)", R"("value":10000000.00,)"),
        replaced(kExtremes, R"("value":9999999.99,)", R"("value":00.5,)"),
        replaced(kExtremes, R"("reps":100000,)", R"("reps":1e5,)"),
        replaced(kExtremes, R"("reps":100000,)", R"("reps":100000.0,)"),
    };
}

// Lines parse_record refuses, near the canonical shape.
std::vector<std::string> invalid_variants() {
    const std::string& f = kFull;
    const std::string long_digits(400, '9');
    return {
        replaced(f, R"("v":1)", R"("v":3)"),
        replaced(f, R"("v":1)", R"("v":1.0)"),
        replaced(f, R"("v":1)", R"("v":0)"),
        replaced(f, R"("v":1)", R"("v":-1)"),
        replaced(f, R"("v":1)", R"("v":01)"),
        replaced(f, R"("v":1)", R"("v":1e0)"),
        replaced(f, R"("v":1)", R"("v":"1")"),
        replaced(f, R"("v":1)", R"("v":11)"),
        replaced(f, R"("v":1)", R"("v":18446744073709551617)"),
        replaced(kVoid, R"("v":1)", R"("v":3)"),
        replaced(f, R"({"v":1,)", R"({"v":1,"v":3,)"),
        replaced(f, R"({"v":1,)", R"({)"),
        replaced(f, R"("reps":5,"load":{"kind":"external","value":60)",
                 R"("reps":-1,"load":{"kind":"external","value":60)"),
        replaced(f, R"("reps":5,"load":{"kind":"external","value":60)",
                 R"("reps":-5,"load":{"kind":"external","value":60)"),
        replaced(f, R"("reps":5,"load":{"kind":"external","value":60)",
                 R"("reps":100001,"load":{"kind":"external","value":60)"),
        replaced(f, R"("reps":5,"load":{"kind":"external","value":60)",
                 R"("reps":4294967301,"load":{"kind":"external","value":60)"),
        replaced(f, R"("reps":5,"load":{"kind":"external","value":60)",
                 R"("reps":5.0,"load":{"kind":"external","value":60)"),
        replaced(f, R"("reps":5,"load":{"kind":"external","value":60)",
                 R"("reps":05,"load":{"kind":"external","value":60)"),
        replaced(f, R"("reps":5,"load":{"kind":"external","value":60)",
                 R"("reps":-7,"load":{"kind":"external","value":60)"),
        replaced(f, R"("reps":5,"load":{"kind":"external","value":60)",
                 "\"reps\":" + long_digits + R"(,"load":{"kind":"external","value":60)"),
        replaced(f, R"("value":60,)", R"("value":60.001,)"),
        replaced(f, R"("value":60,)", R"("value":60.125,)"),
        replaced(f, R"("value":60,)", R"("value":0,)"),
        replaced(f, R"("value":60,)", R"("value":-60,)"),
        replaced(f, R"("value":60,)", R"("value":-0,)"),
        replaced(f, R"("value":60,)", R"("value":060,)"),
        replaced(f, R"("value":60,)", R"("value":.5,)"),
        replaced(f, R"("value":60,)", R"("value":60.,)"),
        replaced(f, R"("value":60,)", R"("value":+60,)"),
        replaced(f, R"("value":60,)", R"("value":0x3c,)"),
        replaced(f, R"("value":60,)", R"("value":1e999,)"),
        replaced(f, R"("value":60,)", R"("value":10000000.01,)"),
        replaced(f, R"("value":60,)", R"("value":100000000,)"),
        replaced(f, R"("value":60,)", R"("value":1e-7,)"),
        replaced(f, R"("value":60,)", R"("value":"60",)"),
        replaced(f, R"("value":60,)", R"("value":null,)"),
        replaced(f, R"("value":60,)", "\"value\":" + long_digits + ","),
        replaced(f, R"("reps":5,"load":{"kind":"external","value":60)",
                 R"("reps":1e0,"load":{"kind":"external","value":60)"),
        replaced(f, R"("rpe":8.0)", R"("rpe":11)"),
        replaced(f, R"("rpe":8.0)", R"("rpe":0.5)"),
        replaced(f, R"("rpe":8.0)", R"("rpe":10.000000000000002)"),
        replaced(f, R"("rpe":8.0)", R"("rpe":-8.0)"),
        replaced(f, R"("rpe":8.0)", R"("rpe":08.0)"),
        replaced(f, R"("rpe":8.0)", R"("rpe":null)"),
        replaced(f, R"("rpe":8.0)", R"("rpe":"8")"),
        replaced(f, R"("rpe":8.0)", R"("rpe":1e999)"),
        replaced(f, R"("rpe":8.0)", R"("rpe":NaN)"),
        replaced(f, R"("pain":true)", R"("pain":1)"),
        replaced(f, R"("pain":true)", R"("pain":"true")"),
        replaced(f, R"("pain":true)", R"("pain":null)"),
        replaced(f, R"("pain":true)", R"("pain":True)"),
        replaced(f, R"("pain":true)", R"("pain":tru)"),
        replaced(f, R"("warmup":true)", R"("warmup":1)"),
        replaced(f, R"("note":"belt on")", R"("note":null)"),
        replaced(f, R"("note":"belt on")", R"("note":5)"),
        replaced(f, R"("note":"belt on")", "\"note\":\"belt\ton\""),
        replaced(f, R"("note":"belt on")", "\"note\":\"belt\x01on\""),
        replaced(f, R"("note":"belt on")", "\"note\":\"belt\xffon\""),
        replaced(f, R"("note":"belt on")", "\"note\":\"belt\xc0\x80on\""),
        replaced(f, R"("note":"belt on")", "\"note\":\"belt\xed\xa0\x80on\""),
        replaced(f, R"("note":"belt on")", "\"note\":\"belt\xe2\x82\""),
        replaced(f, R"("note":"belt on")", "\"note\":\"belt\xf4\x90\x80\x80\""),
        replaced(f, R"("note":"belt on")", R"("note":"\ud800")"),
        replaced(f, R"("note":"belt on")", R"("note":"\x41")"),
        replaced(f, R"("note":"belt on")", R"("note":"\u00")"),
        replaced(f, R"("note":"belt on")", "\"note\":\"belt\0on\""s),
        replaced(f, "\"exercise\":\"deadlift\"", "\"exercise\":\"dead\xfflift\""),
        replaced(f, "\"id\":\"9f2c4b1e0a7d3c55\"", "\"id\":\"9f2c4b1e0a7d3c5\x80\""),
        replaced(f, R"("date":"2026-11-23")", R"("date":"2026-02-29")"),
        replaced(f, R"("date":"2026-11-23")", R"("date":"2026-13-01")"),
        replaced(f, R"("date":"2026-11-23")", R"("date":"2026-00-10")"),
        replaced(f, R"("date":"2026-11-23")", R"("date":"2026-11-00")"),
        replaced(f, R"("date":"2026-11-23")", R"("date":"2026-11-31")"),
        replaced(f, R"("date":"2026-11-23")", R"("date":"1899-12-31")"),
        replaced(f, R"("date":"2026-11-23")", R"("date":"1900-02-29")"),
        replaced(f, R"("date":"2026-11-23")", R"("date":"2026-1-23")"),
        replaced(f, R"("date":"2026-11-23")", R"("date":"2026-11-2a")"),
        replaced(f, R"("date":"2026-11-23")", R"("date":"2026/11/23")"),
        replaced(f, R"("date":"2026-11-23")", R"("date":"+026-11-23")"),
        replaced(f, R"("date":"2026-11-23")", R"("date":"2026-11-23 ")"),
        replaced(f, R"("date":"2026-11-23")", R"("date":"")"),
        replaced(f, R"("date":"2026-11-23")", R"("date":20261123)"),
        replaced(f, R"("kind":"external","value":60)", R"("kind":"extern","value":60)"),
        replaced(f, R"("kind":"external","value":60)", R"("kind":"External","value":60)"),
        replaced(f, R"("unit":"kg"})", R"("unit":"st"})"),
        replaced(f, R"("unit":"kg"})", R"("unit":"KG"})"),
        replaced(f, R"(,"unit":"kg"})", R"(})"),
        replaced(f, R"("value":60,)", R"()"),
        replaced(kBodyweight, R"({"kind":"bw"})", R"({"kind":"bw "})"),
        replaced(kBodyweight, R"({"kind":"bw"})", R"({})"),
        replaced(kBodyweight, R"({"kind":"bw"})", R"([])"),
        replaced(kBodyweight, R"({"kind":"bw"})", R"("bw")"),
        replaced(f, R"("sets":[)", R"("sets":[1,)"),
        replaced(f, R"("pain":true})", R"("pain":true,"sets":[]})"),
        replaced(f, R"("pain":true})", R"("pain":true,"voids":"x"})"),
        replaced(f, R"("pain":true})", R"("pain":true,"rpe":11})"),
        replaced(f, R"("pain":true})", R"("pain":true,"v":3})"),
        replaced(f, R"("pain":true})", R"("pain":true,"date":"2026-02-30"})"),
        replaced(f, R"("pain":true})", R"("pain":true,"x":1e999})"),
        replaced(f, R"("pain":true})", R"("pain":true,})"),
        replaced(f, R"("pain":true})", R"("pain":true)"),
        replaced(f, R"("pain":true})", R"("pain":true}})"),
        replaced(kVoidNote, R"("note":"logged twice"})",
                 R"("note":"logged twice","date":"2026-11-23"})"),
        replaced(kVoidNote, R"("note":"logged twice"})", R"("note":"logged twice","sets":[]})"),
        replaced(kVoid, R"("voids":"9f2c4b1e0a7d3c55")", R"("voids":"")"),
        replaced(kVoid, R"("voids":"9f2c4b1e0a7d3c55")", R"("voids":null)"),
        replaced(kVoid, R"("voids":"9f2c4b1e0a7d3c55")", R"("voids":5)"),
        replaced(kVoid, R"(,"time":"2026-11-23T18:05:40+01:00")", ""),
        replaced(kVoidNote, R"("note":"logged twice")", R"("note":"logged twice","pain":"no")"),
        replaced(f, R"("id":"9f2c4b1e0a7d3c55")", R"("id":9)"),
        replaced(f, R"("id":"9f2c4b1e0a7d3c55",)", ""),
        replaced(f, R"("time":"2026-11-23T18:02:11+01:00",)", ""),
        replaced(f, R"("exercise":"deadlift",)", ""),
        replaced(f, R"("exercise":"deadlift")", R"("exercise":["deadlift"])"),
        f + "x",
        f + "}",
        f + ",",
        f + f,
        f + "\n" + f,
        std::string(1, '\0') + f,
        "x" + f,
        "[" + f + "]",
        f.substr(0, f.size() - 1) + "]",
        "\xef\xbb" + f,
        "\xef\xbb\xbf\xef\xbb\xbf" + f,
        "{}",
        "{\"v\":1}",
        "",
        " ",
        "null",
        "1e999",
    };
}

// ---------------------------------------------------------------------------
// Pseudo-random mutations, the same on every run

class Random {
  public:
    explicit Random(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {  // splitmix64
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    std::size_t below(std::size_t bound) { return bound == 0 ? 0 : next() % bound; }

  private:
    std::uint64_t state_;
};

const std::vector<std::string_view>& mutation_tokens() {
    static const std::vector<std::string_view> tokens = {"\"",
                                                         "\\",
                                                         "{",
                                                         "}",
                                                         "[",
                                                         "]",
                                                         ",",
                                                         ":",
                                                         " ",
                                                         "0",
                                                         "1",
                                                         "9",
                                                         "-",
                                                         ".",
                                                         "e",
                                                         "E",
                                                         "+",
                                                         "\r",
                                                         "\t",
                                                         std::string_view("\0", 1),
                                                         "\x80",
                                                         "\xff",
                                                         "\xc3\xa9",
                                                         "\xef\xbb\xbf",
                                                         "\\u0041",
                                                         "\\\"",
                                                         "\\n",
                                                         "\\ud800",
                                                         "00",
                                                         ".0",
                                                         ".5",
                                                         ".25",
                                                         ".001",
                                                         "e2",
                                                         "e-1",
                                                         "1e999",
                                                         "100000",
                                                         "100001",
                                                         "4294967297",
                                                         "18446744073709551616",
                                                         "true",
                                                         "false",
                                                         "null",
                                                         R"("v":1,)",
                                                         R"("v":2,)",
                                                         R"("pain":true,)",
                                                         R"("pain":false,)",
                                                         R"("warmup":true,)",
                                                         R"("rpe":8.0,)",
                                                         R"("rpe":11,)",
                                                         R"("note":"n",)",
                                                         R"("voids":"x",)",
                                                         R"("x":1,)",
                                                         R"("sets":[],)",
                                                         R"("date":"2026-02-29",)",
                                                         R"({"reps":5,"load":{"kind":"bw"}},)",
                                                         R"("kind":"bw")",
                                                         R"("unit":"lb")",
                                                         R"("value":0.01)",
                                                         "\"reps\":",
                                                         "\"load\":"};
    return tokens;
}

const char kInteresting[] = {'"', '\\', '}', '{', ']', '[', ',',  ':',  '0',    '1', '5', '9',
                             ' ', '-',  '.', 'e', 'E', '+', '\r', '\0', '\x80', 'a', 't', 'n'};

void mutate_once(std::string& line, const std::vector<std::string>& pool, Random& random) {
    const std::size_t at = random.below(line.size() + 1);
    const std::size_t in_line = line.empty() ? 0 : random.below(line.size());
    switch (random.below(11)) {
        case 0:  // a random byte
            if (!line.empty()) line[in_line] = static_cast<char>(random.below(256));
            break;
        case 1:  // an interesting byte
            if (!line.empty()) line[in_line] = kInteresting[random.below(sizeof kInteresting)];
            break;
        case 2:  // one bit
            if (!line.empty())
                line[in_line] = static_cast<char>(line[in_line] ^ (1 << random.below(8)));
            break;
        case 3:  // insert an interesting byte
            line.insert(at, 1, kInteresting[random.below(sizeof kInteresting)]);
            break;
        case 4:  // delete a byte
            if (!line.empty()) line.erase(in_line, 1);
            break;
        case 5:  // delete a run
            if (!line.empty()) line.erase(in_line, 1 + random.below(12));
            break;
        case 6: {  // another digit: most such lines stay valid
            std::size_t digit = in_line;
            while (digit < line.size() && (line[digit] < '0' || line[digit] > '9')) ++digit;
            if (digit < line.size()) line[digit] = static_cast<char>('0' + random.below(10));
            break;
        }
        case 7: {  // insert a token
            const auto& tokens = mutation_tokens();
            line.insert(at, tokens[random.below(tokens.size())]);
            break;
        }
        case 8: {  // duplicate a run
            const std::size_t length = 1 + random.below(24);
            line.insert(at, line.substr(in_line, length));
            break;
        }
        case 9: {  // splice with another line where both have the same byte
            const std::string& other = pool[random.below(pool.size())];
            if (line.empty() || other.empty()) break;
            const std::size_t start = random.below(other.size());
            const std::size_t match = other.find(line[in_line], start);
            if (match == std::string::npos) break;
            line = line.substr(0, in_line) + other.substr(match);
            break;
        }
        default: {  // splice anywhere
            const std::string& other = pool[random.below(pool.size())];
            line = line.substr(0, at) + other.substr(random.below(other.size() + 1));
            break;
        }
    }
}

}  // namespace

// ---------------------------------------------------------------------------
// Valid lines

TEST_CASE("fast path: every line serialize_record writes is read, as parse_record reads it",
          "[fast_record]") {
    Differential realistic("serialized realistic records");
    const auto lines = serialized(realistic_records());
    for (const auto& line : lines) {
        const LineResult result = realistic.check(line);
        // Each of these is a plain canonical line the fast path must read;
        // check() reports those it declined.
        realistic.expect(result.valid && result.canonical, line,
                         "a realistic record did not survive serialize_record -> parse_record");
    }
    realistic.finish();
    CHECK(realistic.accepted() == lines.size());
    CHECK(lines.size() > 75);

    Differential unusual("serialized unusual records");
    for (const auto& line : serialized(unusual_records())) {
        const LineResult result = unusual.check(line);
        unusual.expect(result.valid, line, "an unusual record did not survive serialize_record");
    }
    unusual.finish();

    Differential bases("the canonical lines of this test");
    for (const auto& line : canonical_bases()) {
        const LineResult result = bases.check(line);
        bases.expect(result.valid && result.canonical && result.accepted, line,
                     "this test's canonical line is not canonical, or was declined");
    }
    bases.finish();
}

TEST_CASE("fast path: loads and rpe values", "[fast_record]") {
    Differential loads("loads");
    Random random(20261123);
    std::vector<std::int64_t> amounts;
    for (std::int64_t hundredths = 1; hundredths <= 3000; ++hundredths)
        amounts.push_back(hundredths);
    for (std::int64_t power = 10; power <= 1000000000; power *= 10)
        for (const std::int64_t near : {power - 1, power, power + 1, power / 2, power + power / 2})
            amounts.push_back(near);
    for (int i = 0; i < 3000; ++i)
        amounts.push_back(1 + static_cast<std::int64_t>(random.below(1000000000)));
    std::erase_if(amounts, [](std::int64_t hundredths) { return hundredths > 1000000000; });
    for (const std::int64_t hundredths : amounts) {
        const Unit unit = hundredths % 2 ? Unit::kg : Unit::lb;
        const Load load =
            hundredths % 3 ? Load::external(hundredths, unit) : Load::added(hundredths, unit);
        const std::string line = serialize_record(training(
            "deadlift",
            {set_of(static_cast<int>(hundredths % 100000) + 1, load, hundredths % 5 == 0)}));
        const LineResult result = loads.check(line);
        loads.expect(result.accepted, line, "the fast path declined a canonical load");
    }
    loads.finish();
    CHECK(loads.accepted() == amounts.size());

    Differential rpes("rpe values");
    std::size_t half_steps = 0;
    for (int hundredths = 100; hundredths <= 1000; ++hundredths) {
        Record record = training("squat", {set_of(5, kg(10000))});
        record.rpe = hundredths / 100.0;
        const std::string line = serialize_record(record);
        const LineResult result = rpes.check(line);
        if (hundredths % 50 == 0) {
            ++half_steps;
            rpes.expect(result.accepted, line, "the fast path declined an rpe in half steps");
        }
    }
    rpes.finish();
    CHECK(half_steps == 19);
}

// Version 2 lines (issue 13) as liftlog writes them: timed and distance sets,
// assisted loads, failed attempts, set types, an RPE per set, and the void and
// body-weight records beside them.
std::vector<std::string> version_2_lines() {
    std::vector<Record> records;
    const auto timed = [](int seconds, Load load) {
        SetEntry set(0, load);
        set.seconds = seconds;
        return set;
    };
    const auto carried = [](std::int64_t hundredths, DistanceUnit unit, Load load) {
        SetEntry set(0, load);
        set.distance = Distance{hundredths, unit};
        return set;
    };
    records.push_back(
        training("plank", {timed(60, Load::bodyweight()), timed(90, Load::bodyweight()),
                           timed(45, Load::added(1000, Unit::kg))}));
    records.push_back(
        training("plank", {timed(1, Load::bodyweight()), timed(14400, Load::bodyweight())}));
    for (const auto unit :
         {DistanceUnit::m, DistanceUnit::km, DistanceUnit::yd, DistanceUnit::ft, DistanceUnit::mi})
        records.push_back(training("farmers-walk",
                                   {carried(4000, unit, kg(3200)), carried(150, unit, lb(7000))}));
    records.push_back(training("pull-up", {set_of(8, Load::assisted(2000, Unit::kg)),
                                           set_of(8, Load::assisted(4500, Unit::lb)),
                                           set_of(6, Load::assisted(1, Unit::kg))}));
    records.push_back(
        training("deadlift", {set_of(5, kg(10000)), set_of(5, kg(10000)), set_of(0, kg(10000))}));
    {
        SetEntry warmup = set_of(5, kg(6000), true);
        SetEntry drop = set_of(8, kg(6000));
        drop.type = SetType::drop;
        SetEntry failure = set_of(6, kg(10000));
        failure.type = SetType::failure;
        failure.rpe = 10.0;
        SetEntry rated = set_of(5, kg(10000));
        rated.rpe = 8.5;
        SetEntry whole = set_of(5, kg(10000));
        whole.rpe = 8.0;
        SetEntry warm_drop = set_of(5, kg(6000), true);
        warm_drop.type = SetType::drop;
        warm_drop.rpe = 1.0;
        records.push_back(training("squat", {warmup, drop, failure, rated, whole, warm_drop}));
        Record record = training("squat", {rated, failure});
        record.rpe = 9.0;
        record.note = "hard";
        record.pain = true;
        records.push_back(record);
        SetEntry timed_rated = timed(60, Load::assisted(1000, Unit::kg));
        timed_rated.rpe = 7.5;
        timed_rated.type = SetType::failure;
        records.push_back(training("plank", {timed_rated}));
    }
    for (const std::int64_t hundredths : {8000, 8250, 18140}) {
        Record weighing;
        weighing.id = "3c1f9a0b7e2d4c68";
        weighing.time = "2026-11-20T07:10:02+01:00";
        weighing.date = day(2026, 11, 20);
        weighing.body_weight = BodyWeight{hundredths, hundredths == 18140 ? Unit::lb : Unit::kg};
        records.push_back(weighing);
    }
    // Each written with the version it needs, as the log's writer does.
    for (auto& record : records) record.version = required_version(record);
    std::vector<std::string> lines = serialized(records);
    // And as the binary wrote them (`liftlog log plank 1:30 45s@+10kg`, ...).
    for (
        const char* line :
        {R"({"v":2,"id":"49fc30bcf44d4a98","time":"2026-12-06T22:06:47+01:00","date":"2026-11-20","exercise":"plank","sets":[{"seconds":90,"load":{"kind":"bw"}},{"seconds":45,"load":{"kind":"added","value":10,"unit":"kg"}}]})",
         R"({"v":2,"id":"f6e0d32d75b420fe","time":"2026-12-06T22:06:47+01:00","date":"2026-11-20","exercise":"farmers-walk","sets":[{"distance":{"value":1.5,"unit":"km"},"load":{"kind":"external","value":70,"unit":"lb"}},{"distance":{"value":50,"unit":"yd"},"load":{"kind":"external","value":70,"unit":"lb"}}]})",
         R"({"v":2,"id":"c29fa1813b180606","time":"2026-12-06T22:06:47+01:00","date":"2026-11-20","exercise":"pull-up","sets":[{"reps":8,"load":{"kind":"assisted","value":20,"unit":"kg"}}]})",
         R"({"v":2,"id":"8224ebd5fe8554a4","time":"2026-12-06T22:06:48+01:00","date":"2026-11-20","exercise":"squat","sets":[{"reps":5,"load":{"kind":"external","value":60,"unit":"kg"},"warmup":true},{"reps":5,"load":{"kind":"external","value":60,"unit":"kg"},"type":"drop"},{"reps":5,"load":{"kind":"external","value":100,"unit":"kg"},"type":"failure","rpe":8.5}]})",
         R"({"v":2,"id":"6b47c2f581774a3c","time":"2026-12-06T22:06:47+01:00","date":"2026-11-20","exercise":"deadlift","sets":[{"reps":5,"load":{"kind":"external","value":100,"unit":"kg"}},{"reps":0,"load":{"kind":"external","value":100,"unit":"kg"}}]})",
         R"({"v":1,"id":"fc6483ffbc66a7f9","time":"2026-12-06T22:06:48+01:00","voids":"8224ebd5fe8554a4"})"})
        lines.emplace_back(line);
    return lines;
}

TEST_CASE("fast path: version 2 lines of every new shape are read, as parse_record reads them",
          "[fast_record]") {
    Differential v2("version 2 lines");
    std::size_t training_lines = 0;
    for (const auto& line : version_2_lines()) {
        const LineResult result = v2.check(line);
        v2.expect(result.valid, line, "a version 2 line liftlog writes is refused by parse_record");
        // Body-weight records are left to parse_record; every other shape is read fast.
        if (line.find(R"("bodyweight":)") != std::string::npos) continue;
        ++training_lines;
        v2.expect(result.canonical && result.accepted, line,
                  "the fast path declined a canonical version 2 line");
    }
    v2.finish();
    CHECK(training_lines >= 14);

    // Damaged copies of them: every one judged as parse_record judges it.
    Differential damaged("damaged version 2 lines");
    for (const auto& line : version_2_lines())
        for (std::size_t cut = 0; cut < line.size(); ++cut) {
            damaged.check(std::string_view(line).substr(0, cut));
            std::string deleted = line;
            deleted.erase(cut, 1);
            damaged.check(deleted);
            for (const char c : {'"', '}', '0', '-', '.'}) {
                std::string swapped = line;
                swapped[cut] = c;
                damaged.check(swapped);
            }
        }
    damaged.finish();
}

TEST_CASE("fast path: every line of the fuzz corpora, .jsonl files and documented examples",
          "[fast_record]") {
    Differential corpora("fuzz corpora and .jsonl files");
    std::size_t files = 0;
    const auto check_file = [&](const fs::path& path) {
        ++files;
        for (const auto& line : file_lines(path)) corpora.check(line);
    };
    const fs::path fuzz_corpora = kSourceDir / "tests" / "fuzz" / "corpus";
    REQUIRE(fs::is_directory(fuzz_corpora / "fuzz_log_reader"));
    REQUIRE(fs::is_directory(fuzz_corpora / "fuzz_fast_record"));
    for (const auto& entry : fs::recursive_directory_iterator(fuzz_corpora))
        if (entry.is_regular_file()) check_file(entry.path());
    for (const auto& entry : fs::recursive_directory_iterator(kSourceDir / "tests"))
        if (entry.is_regular_file() && entry.path().extension() == ".jsonl")
            check_file(entry.path());
    CHECK(files >= 40);
    corpora.finish();

    // The records shown in the documentation.
    Differential docs("log lines in docs/*.md");
    for (const auto& entry : fs::directory_iterator(kSourceDir / "docs"))
        if (entry.path().extension() == ".md")
            for (const auto& line : file_lines(entry.path()))
                if (line.starts_with(R"({"v":)")) docs.check(line);
    CHECK(docs.lines() >= 2);
    docs.finish();
}

// ---------------------------------------------------------------------------
// Damaged lines

// The bytes put in place of, or next to, each byte of a canonical line.
const char kDamage[] = {'"', '\\', '}', ',', '0', '9', ' ', '\x80', '\0', '-', '.', 'e'};

TEST_CASE("fast path: truncated lines and lines with a byte deleted", "[fast_record]") {
    Differential truncated("truncated canonical lines");
    Differential deleted("canonical lines with one byte deleted");
    for (const auto& line : canonical_bases()) {
        // Each prefix where it lies, so that reading past its end finds the
        // rest of the valid line.
        for (std::size_t length = 0; length < line.size(); ++length) {
            const std::string_view prefix(line.data(), length);
            const LineResult result = truncated.check(prefix);
            truncated.expect(!result.valid, prefix, "a truncated line is a valid record");
        }
        for (std::size_t at = 0; at < line.size(); ++at) {
            std::string damaged = line;
            damaged.erase(at, 1);
            deleted.check(damaged);
        }
    }
    truncated.finish();
    deleted.finish();
    CHECK(truncated.lines() > 1000);
}

TEST_CASE("fast path: lines with a byte replaced", "[fast_record]") {
    Differential replaced_byte("canonical lines with one byte replaced");
    for (const auto& line : canonical_bases())
        for (std::size_t at = 0; at < line.size(); ++at)
            for (const char byte : kDamage) {
                if (line[at] == byte) continue;
                std::string damaged = line;
                damaged[at] = byte;
                replaced_byte.check(damaged);
            }
    replaced_byte.finish();
    CHECK(replaced_byte.lines() > 12000);
}

TEST_CASE("fast path: lines with a byte inserted", "[fast_record]") {
    Differential inserted("canonical lines with one byte inserted");
    for (const auto& line : canonical_bases())
        for (std::size_t at = 0; at <= line.size(); ++at)
            for (const char byte : kDamage) {
                std::string damaged = line;
                damaged.insert(at, 1, byte);
                inserted.check(damaged);
            }
    inserted.finish();
    CHECK(inserted.lines() > 12000);
}

TEST_CASE("fast path: valid lines in any other shape are left to parse_record", "[fast_record]") {
    Differential variants("valid lines not in the canonical shape");
    for (const auto& line : valid_variants()) {
        const LineResult result = variants.check(line);
        variants.expect(result.valid, line, "this variant was meant to be a valid record");
        variants.expect(!result.canonical, line, "this variant was meant to be non-canonical");
        variants.expect_declined(line, result);
    }
    variants.finish();
    CHECK(variants.lines() > 60);
    CHECK(variants.valid() == variants.lines());
}

TEST_CASE("fast path: numbers spelled another way are read as parse_record reads them",
          "[fast_record]") {
    Differential numbers("numbers spelled another way");
    for (const auto& line : number_spellings()) {
        const LineResult result = numbers.check(line);
        numbers.expect(!result.canonical, line, "this variant was meant to be non-canonical");
    }
    numbers.finish();
    CHECK(numbers.valid() > 20);
}

TEST_CASE("fast path: refused lines, canonical-looking or not, are never read", "[fast_record]") {
    Differential refused("serialized records parse_record refuses");
    for (const auto& line : serialized(refused_records())) {
        const LineResult result = refused.check(line);
        refused.expect(!result.valid, line, "this record was meant to be refused");
    }
    refused.finish();

    Differential invalid("invalid lines near the canonical shape");
    for (const auto& line : invalid_variants()) {
        const LineResult result = invalid.check(line);
        invalid.expect(!result.valid, line, "this variant was meant to be refused");
    }
    invalid.finish();
    CHECK(invalid.valid() == 0);
    CHECK(invalid.lines() > 100);
}

// ---------------------------------------------------------------------------
// Fuzzed lines

// Each line costs two full JSON parses (parse_record, and parse_record_into's
// fallback); without optimisation those dominate, so a Debug build runs
// 15000 mutations rather than 200000. LIFTLOG_FAST_RECORD_MUTATIONS=N runs N instead.
std::size_t mutation_count() {
    if (const char* count = std::getenv("LIFTLOG_FAST_RECORD_MUTATIONS"))
        return std::strtoull(count, nullptr, 10);
#ifdef NDEBUG
    return 200000;
#else
    return 15000;
#endif
}

TEST_CASE("fast path: pseudo-random mutations of canonical lines", "[fast_record]") {
    const std::size_t mutations = mutation_count();
    std::vector<std::string> pool = canonical_bases();
    for (const auto& line : serialized(realistic_records()))
        if (line.size() < 600) pool.push_back(line);
    for (const auto& line : valid_variants()) pool.push_back(line);
    for (const auto& line : number_spellings()) pool.push_back(line);

    Differential fuzzed("mutated canonical lines");
    Random random(0x11f7106);
    for (std::size_t i = 0; i < mutations; ++i) {
        std::string line = pool[random.below(pool.size())];
        const std::size_t rounds = 1 + random.below(3);
        for (std::size_t round = 0; round < rounds; ++round) mutate_once(line, pool, random);
        fuzzed.check(line);
    }
    fuzzed.finish();
    // The mutations are meant to reach both outcomes often.
    CHECK(fuzzed.valid() > mutations / 20);
    CHECK(fuzzed.accepted() > mutations / 40);
}
