#pragma once
// One log line: one `liftlog log` call, that is one exercise in one session.
// docs/log-format.md is the specification; this is its implementation.
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "liftlog/date.hpp"
#include "liftlog/load.hpp"
#include "liftlog/set.hpp"

namespace liftlog {

// The newest record version this build reads. Each record is written with the
// oldest version that holds it (required_version), so a log that uses nothing
// new stays readable by older builds.
inline constexpr int kLogFormatVersion = 2;
inline constexpr int kFirstLogFormatVersion = 1;

// The longest exercise name and note liftlog writes: `log` refuses longer
// ones and `import` cuts them (a 20 MB name slowed every later command).
// Lines already in a log are read whatever their length.
inline constexpr std::size_t kMaxExerciseNameBytes = 200;
inline constexpr std::size_t kMaxNoteBytes = 2000;

// A body weight as weighed, in hundredths like a Load.
struct BodyWeight {
    std::int64_t hundredths = 0;
    Unit unit = Unit::kg;
    friend bool operator==(const BodyWeight&, const BodyWeight&) = default;
};

struct Record {
    int version = kFirstLogFormatVersion;
    std::string id;
    std::string time;  // when it was written: ISO 8601 with UTC offset
    Date date{};       // the training day
    std::string exercise;
    std::vector<SetEntry> sets;
    std::optional<double> rpe;
    std::optional<std::string> note;
    bool pain = false;
    // Marked a light day on purpose (`log --light`): progression does not judge it.
    bool light = false;
    // Set on a void record: the id of the earlier record it withdraws. A void
    // record has no date, exercise or sets; reports ignore both records.
    std::optional<std::string> voids;
    // Set on a body-weight record (`liftlog weigh`): it has a date and no
    // exercise or sets; training reports skip it.
    std::optional<BodyWeight> body_weight;
    // Fields this version does not know, kept so a round trip loses nothing.
    nlohmann::json unknown_fields = nlohmann::json::object();

    friend bool operator==(const Record&, const Record&) = default;
};

inline bool is_body_weight(const Record& record) {
    return record.body_weight.has_value();
}

// Why a line is not a usable record, for `FILE:LINE: reason` reports.
class RecordError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

inline bool is_void(const Record& record) {
    return record.voids.has_value();
}

// 2 for a record that uses what version 1 cannot hold: a body weight, a
// failed attempt, assistance, a timed or distance set, a set's own RPE or
// type; else 1. serialize_record writes it as "v".
int required_version(const Record& record);

// One JSON object without the trailing newline.
std::string serialize_record(const Record& record);

// Throws RecordError for anything that is not a valid record of a version this
// build can read.
Record parse_record(std::string_view line);

bool valid_rpe(double rpe);

// "bw", "added" or "external": a load's kind as the log and every output spell it.
std::string_view load_kind_name(LoadKind kind);

// The log's JSON for loads and sets, shared by every JSON output.
nlohmann::ordered_json load_to_json(const Load& load);
nlohmann::ordered_json sets_to_json(const std::vector<SetEntry>& sets);
nlohmann::ordered_json distance_to_json(const Distance& distance);
// The inverse of sets_to_json, held to the log's rules; throws RecordError.
std::vector<SetEntry> sets_from_json(const nlohmann::json& sets);

}  // namespace liftlog
