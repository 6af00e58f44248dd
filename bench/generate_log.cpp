// Writes a deterministic synthetic log in liftlog's own record format, and ten
// extra exercise definitions so that the log spans 25 exercises.
//   liftlog_bench_generate RECORDS LOG_FILE EXERCISES_DIR
// RECORDS counts lines. About 0.5% of the entries are undone the way
// `liftlog undo` does it: a void record written right after the entry (19 in 20
// of them, as a bare `undo` would) or after a later entry, voiding a random one
// of up to 5000 earlier entries (`undo ID`).
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <fstream>
#include <string>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>

#include "liftlog/library_loader.hpp"
#include "liftlog/record.hpp"

namespace {

// A fixed linear congruential generator: the same log on every machine.
struct Random {
    std::uint64_t state = 0x2545F4914F6CDD1DULL;
    std::uint32_t next() {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::uint32_t>(state >> 33);
    }
    int between(int low, int high) { return low + static_cast<int>(next() % (high - low + 1)); }
    std::string id() {
        const std::uint64_t high = next();  // two statements: a fixed order of calls
        return fmt::format("{:016x}", (high << 32) | next());
    }
};

constexpr std::uint32_t kUndoOneIn = 200;        // 0.5% of entries are undone
constexpr std::uint32_t kUndoEarlierOneIn = 20;  // of those, 1 in 20 is an older entry
constexpr std::size_t kUndoReach = 5000;         // entries back an `undo ID` may reach

std::string extra_exercise(int index) {
    return fmt::format(
        R"({{"id":"bench-move-{0}","name":"Bench Move {0}","aliases":[],"description":"Synthetic.",)"
        R"("primary_muscles":["glutes"],"secondary_muscles":[],"equipment":["barbell"],)"
        R"("loading":"external","steps":["Lift."],"tips":[],"variations":[],"alternatives":[],)"
        R"("prescription":{{"sets":[3,5],"reps":[5,10],"per_week":[1,3]}},)"
        R"("progression":{{"rep_range":[5,10]}},"references":[]}})",
        index);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: %s RECORDS LOG_FILE EXERCISES_DIR\n", argv[0]);
        return 2;
    }
    const long records = std::strtol(argv[1], nullptr, 10);
    const std::filesystem::path exercises_dir = argv[3];
    std::filesystem::create_directories(exercises_dir);
    std::vector<std::pair<std::string, liftlog::Loading>> exercises;
    const liftlog::Library library = liftlog::load_library({});
    for (const auto& [id, exercise] : library.exercises())
        exercises.emplace_back(id, exercise.loading);
    for (int i = 0; exercises.size() < 25; ++i) {
        std::ofstream(exercises_dir / fmt::format("bench-move-{}.json", i)) << extra_exercise(i);
        exercises.emplace_back(fmt::format("bench-move-{}", i), liftlog::Loading::external);
    }
    std::ofstream log(argv[2], std::ios::binary | std::ios::trunc);
    Random random;
    const liftlog::Date start = *liftlog::parse_date("2019-01-01");
    const long span_days = 7 * 365;  // seven years of training
    // The latest entries, newest last, for `undo ID` to pick from.
    std::deque<std::string> recent;
    std::unordered_set<std::string> undone;
    for (long i = 0; i < records; ++i) {
        const auto& [id, loading] = exercises[random.next() % exercises.size()];
        liftlog::Record record;
        record.id = random.id();
        record.date = start + std::chrono::days{i * span_days / std::max(records, 1L)};
        record.time = liftlog::format_date(record.date) + "T18:00:00+00:00";
        record.exercise = id;
        const int sets = random.between(1, 3);
        for (int s = 0; s < sets; ++s) {
            liftlog::Load load =
                loading == liftlog::Loading::bodyweight
                    ? liftlog::Load::bodyweight()
                    : liftlog::Load::external(random.between(8, 80) * 250, liftlog::Unit::kg);
            record.sets.push_back({random.between(3, 15), load, false});
        }
        log << liftlog::serialize_record(record) << '\n';
        recent.push_back(record.id);
        if (recent.size() > kUndoReach) recent.pop_front();
        if (i + 1 >= records || random.next() % kUndoOneIn != 0) continue;

        // The undo, written a few minutes after the entry.
        std::string target = recent.back();
        if (random.next() % kUndoEarlierOneIn == 0) {
            target = recent[random.next() % recent.size()];
            if (undone.contains(target)) continue;  // `undo ID` refuses it: no line
        }
        undone.insert(target);
        liftlog::Record undo;
        undo.id = random.id();
        undo.time = liftlog::format_date(record.date) + "T18:05:00+00:00";
        undo.voids = target;
        log << liftlog::serialize_record(undo) << '\n';
        ++i;
    }
    return log ? 0 : 1;
}
