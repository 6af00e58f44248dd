// An entry far outside the lifter's history or the prescription is questioned.
#include <catch2/catch.hpp>

#include "liftlog/plausibility.hpp"

using namespace liftlog;

namespace {

Record entry(const std::string& id, std::vector<SetEntry> sets) {
    Record r;
    r.id = id;
    r.date = *parse_date("2026-11-20");
    r.exercise = "squat";
    r.sets = std::move(sets);
    return r;
}

SetEntry kg(int reps, double amount, bool warmup = false) {
    return {reps, Load::external(std::llround(amount * 100), Unit::kg), warmup};
}

Exercise squat() {
    Exercise e;
    e.id = "squat";
    e.loading = Loading::external;
    e.prescription.sets = {3, 5};
    return e;
}

std::vector<std::string> doubts_after(const std::vector<SetEntry>& before,
                                      const std::vector<SetEntry>& now) {
    PersonalRecords records;
    if (!before.empty()) records.add(entry("a", before));
    const Record latest = entry("b", now);
    records.add(latest);
    return implausible_entry_doubts(squat(), latest, records);
}

}  // namespace

TEST_CASE("plausibility: a load more than 1.5x the heaviest before is questioned",
          "[plausibility]") {
    CHECK(doubts_after({kg(5, 100)}, {kg(5, 150)}).empty());  // exactly 1.5x
    const auto doubts = doubts_after({kg(5, 100)}, {kg(5, 150.5)});
    REQUIRE(doubts.size() == 1);
    CHECK(doubts[0] ==
          "150.5 kg is more than 1.5x the heaviest logged before (100 kg on 2026-11-20)");
    // No history: nothing to compare with.
    CHECK(doubts_after({}, {kg(5, 1000)}).empty());
    // Warm-ups before do not count as the heaviest.
    CHECK(doubts_after({kg(5, 200, true), kg(5, 100)}, {kg(5, 160)}).size() == 1);
}

TEST_CASE("plausibility: more than 2x the prescription's most sets is questioned",
          "[plausibility]") {
    CHECK(doubts_after({kg(5, 100)}, std::vector<SetEntry>(10, kg(5, 100))).empty());  // 2x of 5
    const auto doubts = doubts_after({kg(5, 100)}, std::vector<SetEntry>(11, kg(5, 100)));
    REQUIRE(doubts.size() == 1);
    CHECK(doubts[0] == "11 working sets is more than 2x the 5 prescribed at most");
    // Warm-up sets are not counted.
    auto with_warmups = std::vector<SetEntry>(10, kg(5, 100));
    with_warmups.push_back(kg(5, 60, true));
    CHECK(doubts_after({kg(5, 100)}, with_warmups).empty());
}
