// The records that count, one by one: in log order, and in date order however
// small the window of records held in memory.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>

#include "liftlog/log_queries.hpp"

#include "temp_dir.hpp"

using namespace liftlog;
namespace fs = std::filesystem;

namespace {

// Records mostly in date order, with backdated ones, several a day, voids
// before and after their targets, bad, empty and hand-written lines.
std::string shuffled_log(std::mt19937& random, int records) {
    const auto pick = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
    std::string log;
    for (int i = 0; i < records; ++i) {
        const int kind = pick(100);
        if (kind < 5) {
            log += R"({"v":1,"id":"v)" + std::to_string(i) +
                   R"(","time":"2026-01-01T08:00:00+00:00","voids":"r)" +
                   std::to_string(pick(records)) + "\"}\n";
            continue;
        }
        if (kind < 8) {
            log += kind == 5 ? "not json\n" : "\n";
            continue;
        }
        Record record;
        record.id = "r" + std::to_string(i);
        record.time = "2026-01-01T08:00:00+00:00";
        const int back = kind < 20 ? pick(40) : 0;
        record.date = *parse_date("2026-01-01") + std::chrono::days{i / 4 - back};
        record.exercise = pick(2) ? "deadlift" : "pull-up";
        record.sets.push_back({1 + pick(12), Load::external(250 * (1 + pick(40)), Unit::kg)});
        if (kind < 10) record.note = "caf\u00e9";  // not in the fast path's shape
        log += serialize_record(record) + "\n";
        if (kind == 99)
            log +=
                R"({ "exercise":"pull-up", "v":1, "id":"h)" + std::to_string(i) +
                R"(", "time":"t", "date":"2026-01-10", "sets":[{"reps":3,"load":{"kind":"bw"}}]})"
                "\n";
    }
    return log;
}

// The definition: every voided id, then each record that counts, in order.
std::vector<Record> reference_records(const fs::path& log, Date today) {
    const auto voided = read_voided_ids(log);
    std::vector<Record> records;
    read_log(
        log,
        [&](Record&& record) {
            if (!is_void(record) && record.date <= today && !voided.contains(record.id))
                records.push_back(record);
        },
        [](std::size_t, const std::string&) {});
    return records;
}

std::vector<std::string> ids(const std::vector<Record>& records) {
    std::vector<std::string> list;
    for (const auto& record : records) list.push_back(record.id);
    return list;
}

}  // namespace

TEST_CASE("counted records come in log order, or in date order in any window",
          "[queries][counted]") {
    TempDir dir;
    const fs::path log = dir.path / "log.jsonl";
    std::mt19937 random(20261120);
    for (int round = 0; round < 12; ++round) {
        std::ofstream(log, std::ios::binary) << shuffled_log(random, 50 + round * 40);
        const Date today = *parse_date(round % 2 ? "2026-01-20" : "2030-01-01");
        const std::vector<Record> expected = reference_records(log, today);

        std::vector<Record> in_log_order;
        const LogSummary summary = for_each_counted_record(
            log, today, [&](const Record& record) { in_log_order.push_back(record); });
        CHECK(in_log_order == expected);

        std::vector<Record> by_date = expected;
        std::stable_sort(by_date.begin(), by_date.end(),
                         [](const Record& a, const Record& b) { return a.date < b.date; });
        for (const std::size_t window :
             {std::size_t{1}, std::size_t{7}, std::size_t{100}, kDateOrderWindow}) {
            INFO("round " << round << ", window " << window);
            std::vector<Record> sorted;
            const LogSummary sorted_summary = for_each_counted_record_by_date(
                log, today, [](const Record&) { return true; },
                [&](const Record& record) { sorted.push_back(record); }, window);
            CHECK(ids(sorted) == ids(by_date));
            CHECK(sorted == by_date);
            CHECK(sorted_summary.bad_line_count == summary.bad_line_count);
            CHECK(sorted_summary.bad_lines == summary.bad_lines);
        }
    }
}

TEST_CASE("a log in date order streams, and the filter sees every record", "[queries][counted]") {
    TempDir dir;
    const fs::path log = dir.path / "log.jsonl";
    std::string content;
    for (int i = 0; i < 30; ++i) {
        Record record;
        record.id = "r" + std::to_string(i);
        record.time = "2026-01-01T08:00:00+00:00";
        record.date = *parse_date("2026-01-01") + std::chrono::days{i / 3};
        record.exercise = i % 2 ? "deadlift" : "pull-up";
        record.sets.push_back({5, Load::bodyweight()});
        content += serialize_record(record) + "\n";
    }
    content += "garbage\n";
    std::ofstream(log, std::ios::binary) << content;
    std::vector<std::string> seen;
    const LogSummary summary = for_each_counted_record_by_date(
        log, *parse_date("2026-01-05"),
        [](const Record& record) { return record.exercise == "deadlift"; },
        [&](const Record& record) { seen.push_back(record.id); }, 2);
    CHECK(seen == std::vector<std::string>{"r1", "r3", "r5", "r7", "r9", "r11", "r13"});
    CHECK(summary.bad_line_count == 1);
    REQUIRE(summary.bad_lines.size() == 1);
    CHECK(summary.bad_lines[0].line == 31);
}

TEST_CASE("a missing log has no counted records", "[queries][counted]") {
    TempDir dir;
    int calls = 0;
    const auto count = [&](const Record&) { ++calls; };
    const auto everything = [](const Record&) { return true; };
    const Date today = *parse_date("2026-01-01");
    CHECK(for_each_counted_record(dir.path / "none.jsonl", today, count).bad_line_count == 0);
    CHECK(for_each_counted_record_by_date(dir.path / "none.jsonl", today, everything, count)
              .bad_line_count == 0);
    CHECK(calls == 0);
}
