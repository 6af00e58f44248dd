#pragma once
// Small helpers shared by the end-to-end tests: JSON parsing of outputs,
// log seeding, exercise definitions and stderr checks.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "harness.hpp"

namespace e2e {

// The date every test pins with --today.
inline const std::string kToday = "2026-11-20";

inline nlohmann::ordered_json parse_json(const std::string& text) {
    return nlohmann::ordered_json::parse(text);
}

// "3x12@bw pause3s" -> {"3x12@bw", "pause3s"}: a notation as a shell splits it.
inline std::vector<std::string> split_words(const std::string& text) {
    std::vector<std::string> words;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = std::min(text.find(' ', start), text.size());
        if (end > start) words.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return words;
}

inline std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = text.find('\n', start);
        if (end == std::string::npos) {
            lines.push_back(text.substr(start));
            break;
        }
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

inline std::size_t count_of(const std::string& text, std::string_view needle) {
    std::size_t count = 0;
    for (std::size_t at = text.find(needle); at != std::string::npos;
         at = text.find(needle, at + needle.size()))
        ++count;
    return count;
}

inline bool starts_with(const std::string& text, std::string_view prefix) {
    return text.rfind(prefix, 0) == 0;
}

inline bool contains(const std::string& text, std::string_view needle) {
    return text.find(needle) != std::string::npos;
}

// A usage or failure error: one "liftlog: error: " line at the start of stderr.
inline bool is_single_error(const std::string& err) {
    return starts_with(err, "liftlog: error: ") && count_of(err, "liftlog: error:") == 1;
}

// One log line as liftlog writes it.
inline std::string record_line(const std::string& id, const std::string& date,
                               const std::string& exercise, const std::string& sets_json,
                               const std::string& extra = "") {
    return R"({"v":1,"id":")" + id + R"(","time":")" + date + R"(T10:00:00+00:00","date":")" +
           date + R"(","exercise":")" + exercise + R"(","sets":)" + sets_json + extra + "}";
}

inline std::string external_sets(int count, int reps, int kg) {
    std::string sets = "[";
    for (int i = 0; i < count; ++i) {
        if (i > 0) sets += ',';
        sets += R"({"reps":)" + std::to_string(reps) + R"(,"load":{"kind":"external","value":)" +
                std::to_string(kg) + R"(,"unit":"kg"}})";
    }
    return sets + "]";
}

inline std::string bodyweight_sets(const std::vector<int>& reps) {
    std::string sets = "[";
    for (std::size_t i = 0; i < reps.size(); ++i) {
        if (i > 0) sets += ',';
        sets += R"({"reps":)" + std::to_string(reps[i]) + R"(,"load":{"kind":"bw"}})";
    }
    return sets + "]";
}

// A valid exercise definition file.
inline std::string exercise_definition(const std::string& id, const std::string& name,
                                       const std::string& loading = "external",
                                       const std::string& aliases = "[]",
                                       const std::string& increment_kg = "2.5") {
    return R"({"id":")" + id + R"(","name":")" + name + R"(","aliases":)" + aliases +
           R"(,"description":"A test exercise.","primary_muscles":["glutes"],)"
           R"("secondary_muscles":[],"equipment":["cable-machine"],"loading":")" +
           loading +
           R"(","steps":["Do it."],"tips":[],"variations":[],"alternatives":["deadlift"],)"
           R"("prescription":{"sets":[3,3],"reps":[8,10],"per_week":[1,2]},)"
           R"("progression":{"rep_range":[8,10],)" +
           (loading == "bodyweight" ? std::string(R"("bodyweight_threshold":10,)")
                                    : std::string()) +
           R"("increment":{"kg":)" + increment_kg + R"(,"lb":5},"load_step":{"kg":2.5,"lb":5}}})";
}

// Two valid entries, so that byte-identity checks compare a non-trivial log.
inline void seed_log(const Sandbox& sandbox) {
    sandbox.write_file(
        "data/liftlog/log.jsonl",
        record_line("0000000000000001", "2026-11-13", "deadlift", external_sets(3, 5, 95)) + "\n" +
            record_line("0000000000000002", "2026-11-16", "back-extension",
                        bodyweight_sets({12, 12, 11}), R"(,"note":"easy")") +
            "\n");
}

}  // namespace e2e
