// Body-weight records: their round trip, and the numbers of bodyweight lifts.
#include <catch2/catch.hpp>

#include "liftlog/history.hpp"
#include "liftlog/record.hpp"

using namespace liftlog;

namespace {

Date day(unsigned d) {
    return Date{std::chrono::year{2026} / 11 / d};
}

Record weighing(unsigned d, std::int64_t hundredths) {
    Record record;
    record.id = "w" + std::to_string(d);
    record.time = "2026-11-20T07:00:00+01:00";
    record.date = day(d);
    record.body_weight = BodyWeight{hundredths, Unit::kg};
    return record;
}

Record pull_ups(unsigned d, int reps, std::int64_t added) {
    Record record;
    record.id = "p" + std::to_string(d);
    record.time = "2026-11-20T07:00:00+01:00";
    record.date = day(d);
    record.exercise = "pull-up";
    for (int i = 0; i < 3; ++i)
        record.sets.push_back({reps, added ? Load::added(added, Unit::kg) : Load::bodyweight()});
    return record;
}

}  // namespace

TEST_CASE("a body-weight record is version 2 and round-trips", "[body_weight]") {
    Record record = weighing(20, 8250);
    record.note = "morning";
    const std::string line = serialize_record(record);
    CHECK(line == R"({"v":2,"id":"w20","time":"2026-11-20T07:00:00+01:00","date":"2026-11-20",)"
                  R"("bodyweight":{"value":82.5,"unit":"kg"},"note":"morning"})");
    CHECK(parse_record(line) == record);
    CHECK(required_version(pull_ups(20, 8, 0)) == 1);
    CHECK_THROWS_AS(parse_record(R"({"v":2,"id":"x","time":"t","date":"2026-11-20",)"
                                 R"("bodyweight":{"value":80,"unit":"kg"},"exercise":"dip"})"),
                    RecordError);
}

TEST_CASE("bodyweight sets count the body weight of their day", "[body_weight]") {
    BodyWeightTimeline weights;
    weights.add(weighing(18, 8000));
    ExerciseHistory history;
    history.add(pull_ups(17, 8, 0));     // before any weighing: no volume either way
    history.add(pull_ups(20, 8, 1000));  // 3 x 8 at 80 + 10 kg
    CHECK(history.volume_kg() == Approx(240.0));
    CHECK(history.volume_kg(weights) == Approx(2160.0));  // 3 x 8 x 90 kg
    const auto best = history.best_bodyweight_e1rm(weights);
    REQUIRE(best);
    CHECK(best->estimate.kilograms == Approx(90.0 * (1.0 + 8.0 / 30.0)));
    CHECK(best->body_weight.date == day(18));
}

TEST_CASE("histories of parts merge into the history of the whole, body weights too",
          "[body_weight]") {
    const std::vector<Record> records = {pull_ups(10, 8, 0), pull_ups(12, 6, 1000),
                                         pull_ups(14, 10, 0), pull_ups(16, 5, 2000)};
    ExerciseHistory whole;
    for (const auto& record : records) whole.add(record);
    ExerciseHistory first;
    ExerciseHistory second;
    first.add(records[0]);
    first.add(records[1]);
    second.add(records[2]);
    second.add(records[3]);
    first.merge(std::move(second));
    BodyWeightTimeline early;
    early.add(weighing(9, 7000));
    BodyWeightTimeline late;
    late.add(weighing(9, 7500));  // the same day, later in the log: it wins
    late.add(weighing(15, 7600));
    early.merge(std::move(late));
    CHECK(early.on_or_before(day(12))->weight.hundredths == 7500);
    CHECK(first.volume_kg(early) == Approx(whole.volume_kg(early)));
    CHECK(first.best_bodyweight_e1rm(early)->estimate ==
          whole.best_bodyweight_e1rm(early)->estimate);
}
