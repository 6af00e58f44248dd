// A log cut at every byte: progress counts exactly the complete records before
// the cut and mentions a torn tail at most once.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <thread>

#include "fault_support.hpp"

namespace {

using faults::fs::path;

struct Outcome {
    int status = -1;
    std::string out;
    std::string err;
};

}  // namespace

TEST_CASE("progress over every truncation of a log counts exactly the whole records",
          "[faults][truncation]") {
    // Five records of one exercise on distinct days, with reps 1, 2, 4, 8 and
    // 16: the session count and total reps show exactly which were counted.
    std::string full;
    std::vector<std::size_t> record_end;  // offset of each record's newline
    std::vector<int> reps;
    for (int i = 0; i < 5; ++i) {
        reps.push_back(1 << i);
        full +=
            faults::record_line("000000000000000" + std::to_string(i + 1),
                                "2026-11-1" + std::to_string(i), "back-extension", reps.back(),
                                i == 2 ? R"(,"note":"a \"quoted\" note, a newline\nand é")" : "");
        record_end.push_back(full.size());
        full += '\n';
    }
    const std::size_t lengths = full.size() + 1;

    // Two workers, each with its own directory, share the lengths.
    constexpr std::size_t kWorkers = 2;
    std::vector<Outcome> outcomes(lengths);
    std::vector<std::thread> workers;
    std::vector<std::unique_ptr<faults::TempDir>> dirs;
    for (std::size_t w = 0; w < kWorkers; ++w) dirs.push_back(std::make_unique<faults::TempDir>());
    for (std::size_t w = 0; w < kWorkers; ++w) {
        workers.emplace_back([&, w] {
            const path log = dirs[w]->path() / "log.jsonl";
            for (std::size_t length = w; length < lengths; length += kWorkers) {
                faults::write_file(log, full.substr(0, length));
                const auto result = faults::run_liftlog(
                    dirs[w]->path(), {"--log", log.string(), "--today", faults::kToday, "progress",
                                      "--format", "json"});
                outcomes[length] = {result.status, result.out, result.err};
            }
        });
    }
    for (auto& worker : workers) worker.join();

    for (std::size_t length = 0; length < lengths; ++length) {
        const Outcome& outcome = outcomes[length];
        INFO("cut after " << length << " of " << full.size() << " bytes; stderr: " << outcome.err);
        std::size_t complete = 0;
        long long expected_reps = 0;
        for (std::size_t i = 0; i < record_end.size(); ++i) {
            if (record_end[i] <= length) {
                ++complete;
                expected_reps += reps[i];
            }
        }
        const bool at_boundary = length == 0 || full[length - 1] == '\n' ||
                                 (complete > 0 && record_end[complete - 1] == length);
        REQUIRE(outcome.status == 0);
        const auto report = nlohmann::json::parse(outcome.out);
        REQUIRE(report.is_array());
        if (complete == 0) {
            CHECK(report.empty());
        } else {
            REQUIRE(report.size() == 1);
            CHECK(report[0]["sessions"] == complete);
            CHECK(report[0]["total_reps"] == expected_reps);
        }
        if (at_boundary) {
            CHECK(outcome.err.empty());
        } else {
            // One line naming the torn last line (the record after the complete ones).
            CHECK(faults::count_of(outcome.err, "\n") == 1);
            CHECK(faults::count_of(outcome.err, "incomplete last line") == 1);
            CHECK(faults::contains(outcome.err, ":" + std::to_string(complete + 1) + ": "));
        }
    }
}
