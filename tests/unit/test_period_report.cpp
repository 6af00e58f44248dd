// Period totals: ISO weeks and months, exact volume across units, what counts
// as a session, a working set and a muscle's set.
#include <catch2/catch.hpp>

#include "liftlog/period_report.hpp"

using namespace liftlog;

namespace {

Date day(const char* text) {
    return *parse_date(text);
}

Record record(const char* date, const std::string& exercise, std::vector<SetEntry> sets) {
    Record r;
    r.id = exercise + date;
    r.date = day(date);
    r.exercise = exercise;
    r.sets = std::move(sets);
    return r;
}

SetEntry kg(int reps, std::int64_t hundredths, bool warmup = false) {
    return {reps, Load::external(hundredths, Unit::kg), warmup};
}

SetEntry lb(int reps, std::int64_t hundredths) {
    return {reps, Load::external(hundredths, Unit::lb)};
}

SetEntry bw(int reps) {
    return {reps, Load::bodyweight()};
}

const PrimaryMuscles kMuscles = {{"deadlift", {"hamstrings", "glutes"}},
                                 {"pull-up", {"lats"}},
                                 {"back-extension", {"lower-back"}}};

}  // namespace

TEST_CASE("ISO weeks start on Monday and take the year of their Thursday", "[periods]") {
    const Period week = period_of(day("2026-11-20"), PeriodKind::week);  // a Friday
    CHECK(week.label == "2026-W47");
    CHECK(week.start == day("2026-11-16"));
    CHECK(week.end == day("2026-11-22"));
    CHECK(period_of(day("2026-11-16"), PeriodKind::week) == week);
    CHECK(period_of(day("2026-11-22"), PeriodKind::week) == week);
    CHECK(period_of(day("2026-11-23"), PeriodKind::week).label == "2026-W48");
    // Week 1 holds the year's first Thursday; late December can belong to it.
    CHECK(period_of(day("2026-12-28"), PeriodKind::week).label == "2026-W53");
    CHECK(period_of(day("2027-01-03"), PeriodKind::week).label == "2026-W53");
    CHECK(period_of(day("2027-01-04"), PeriodKind::week).label == "2027-W01");
    CHECK(period_of(day("2025-12-29"), PeriodKind::week).label == "2026-W01");
    CHECK(period_of(day("2021-01-03"), PeriodKind::week).label == "2020-W53");
    CHECK(period_of(day("2024-12-30"), PeriodKind::week).label == "2025-W01");
}

TEST_CASE("months run from the first to the last day", "[periods]") {
    const Period february = period_of(day("2028-02-10"), PeriodKind::month);
    CHECK(february.label == "2028-02");
    CHECK(february.start == day("2028-02-01"));
    CHECK(february.end == day("2028-02-29"));
    CHECK(period_of(day("2026-12-31"), PeriodKind::month).label == "2026-12");
}

TEST_CASE("volume is summed exactly and converted once", "[periods]") {
    ExactVolume volume;
    CHECK(volume.hundredths_in(Unit::kg) == 0);
    volume.add(Load::external(10250, Unit::kg), 5);  // 512.5 kg
    volume.add(Load::added(1000, Unit::kg), 10);     // 100 kg
    volume.add(Load::bodyweight(), 20);              // no volume
    CHECK(volume.hundredths_in(Unit::kg) == 61250);
    ExactVolume pounds;
    pounds.add(Load::external(22500, Unit::lb), 4);  // 900 lb = 408.233133 kg
    CHECK(pounds.hundredths_in(Unit::lb) == 90000);
    CHECK(pounds.hundredths_in(Unit::kg) == 40823);
    // 0.1 kg x 3 in floating point is 0.30000000000000004; here it is 30 hundredths.
    ExactVolume tenths;
    for (int i = 0; i < 3; ++i) tenths.add(Load::external(10, Unit::kg), 1);
    CHECK(tenths.hundredths_in(Unit::kg) == 30);
    // Mixed units: 100 kg + 100 lb = 145.359237 kg = 320.462... lb.
    ExactVolume mixed;
    mixed.add(Load::external(10000, Unit::kg), 1);
    mixed.add(Load::external(10000, Unit::lb), 1);
    CHECK(mixed.hundredths_in(Unit::kg) == 14536);
    CHECK(mixed.hundredths_in(Unit::lb) == 32046);
}

TEST_CASE("a period counts days, sessions, working and bodyweight sets", "[periods]") {
    PeriodReport report(PeriodKind::week, kMuscles);
    report.add(record("2026-11-16", "deadlift", {kg(5, 6000, true), kg(5, 10000), kg(5, 10000)}));
    report.add(record("2026-11-16", "deadlift", {kg(3, 10500)}));  // same session
    report.add(record("2026-11-16", "pull-up", {bw(8), bw(7), {5, Load::added(500, Unit::kg)}}));
    report.add(record("2026-11-18", "back-extension", {bw(12), bw(12)}));
    report.add(record("2026-11-19", "zercher-squat", {lb(5, 13500)}));  // not in the library
    const auto periods = report.periods();
    REQUIRE(periods.size() == 1);
    const PeriodTotals& week = periods[0];
    CHECK(week.period.label == "2026-W47");
    CHECK(week.training_days == 3);
    CHECK(week.sessions == 4);
    CHECK(week.working_sets == 9);
    CHECK(week.warmup_sets == 1);
    CHECK(week.reps == 5 + 5 + 3 + 8 + 7 + 5 + 12 + 12 + 5);
    CHECK(week.bodyweight_sets == 4);
    CHECK(week.bodyweight_reps == 8 + 7 + 12 + 12);
    // 1340 kg, plus 675 lb = 306.17484975 kg, rounded once: 1646.17 kg.
    CHECK(week.volume.hundredths_in(Unit::kg) == 164617);
    const std::map<std::string, long long> muscles = {
        {"glutes", 3}, {"hamstrings", 3}, {"lats", 3}, {"lower-back", 2}};
    CHECK(week.muscle_sets == muscles);
}

TEST_CASE("periods run from the first to the last, empty ones included", "[periods]") {
    PeriodReport report(PeriodKind::week, kMuscles);
    CHECK(report.periods().empty());
    report.add(record("2026-11-30", "pull-up", {bw(8)}));
    report.add(record("2026-11-03", "pull-up", {bw(6)}));  // out of order
    const auto weeks = report.periods();
    REQUIRE(weeks.size() == 5);
    CHECK(weeks[0].period.label == "2026-W45");
    CHECK(weeks[0].reps == 6);
    for (int i = 1; i < 4; ++i) {
        CHECK(weeks[i].working_sets == 0);
        CHECK(weeks[i].training_days == 0);
        CHECK(weeks[i].muscle_sets.empty());
    }
    CHECK(weeks[2].period.label == "2026-W47");
    CHECK(weeks[4].period.label == "2026-W49");
    CHECK(weeks[4].reps == 8);

    // Bounds widen or narrow the range of periods listed.
    const auto bounded = report.periods(day("2026-10-28"), day("2026-11-10"));
    REQUIRE(bounded.size() == 3);
    CHECK(bounded[0].period.label == "2026-W44");
    CHECK(bounded[2].period.label == "2026-W46");

    PeriodReport months(PeriodKind::month, kMuscles);
    months.add(record("2026-12-02", "pull-up", {bw(8)}));
    months.add(record("2027-02-27", "pull-up", {bw(9)}));
    const auto list = months.periods();
    REQUIRE(list.size() == 3);
    CHECK(list[0].period.label == "2026-12");
    CHECK(list[1].period.label == "2027-01");
    CHECK(list[1].sessions == 0);
    CHECK(list[2].period.label == "2027-02");
    CHECK(list[2].reps == 9);
    CHECK(months.periods(day("2027-01-15"), day("2027-01-20")).size() == 1);
}

TEST_CASE("a month or week spans records of the same exercise on different days", "[periods]") {
    PeriodReport report(PeriodKind::month, kMuscles);
    report.add(record("2026-11-02", "deadlift", {kg(5, 10000)}));
    report.add(record("2026-11-09", "deadlift", {kg(5, 10000)}));
    report.add(record("2026-11-09", "pull-up", {bw(5)}));
    const auto list = report.periods();
    REQUIRE(list.size() == 1);
    CHECK(list[0].training_days == 2);
    CHECK(list[0].sessions == 3);
    CHECK(list[0].volume.hundredths_in(Unit::lb) == 220462);  // 1000 kg = 2204.62 lb
}

namespace {

SetEntry added(int reps, std::int64_t hundredths, Unit unit = Unit::kg) {
    return {reps, Load::added(hundredths, unit)};
}

SetEntry assisted(int reps, std::int64_t hundredths, Unit unit = Unit::kg) {
    return {reps, Load::assisted(hundredths, unit)};
}

SetEntry held(int seconds) {
    SetEntry set(0, Load::bodyweight());
    set.seconds = seconds;
    return set;
}

SetEntry carried(std::int64_t hundredths, DistanceUnit unit, std::int64_t load_kg_hundredths) {
    SetEntry set(0, Load::external(load_kg_hundredths, Unit::kg));
    set.distance = Distance{hundredths, unit};
    return set;
}

Record weighing(const char* date, std::int64_t hundredths, Unit unit = Unit::kg) {
    Record r;
    r.id = std::string("weigh") + date;
    r.date = day(date);
    r.body_weight = BodyWeight{hundredths, unit};
    return r;
}

BodyWeightTimeline timeline(std::vector<Record> weighings) {
    BodyWeightTimeline body_weights;
    for (const auto& weighing : weighings) body_weights.add(weighing);
    return body_weights;
}

}  // namespace

TEST_CASE("bodyweight sets count the body weight of their day once one is known",
          "[periods][bodyweight]") {
    PeriodReport report(PeriodKind::week, kMuscles);
    report.add(record("2026-11-16", "pull-up", {added(8, 1000), added(8, 1000), added(8, 1000)}));
    report.add(record("2026-11-18", "back-extension", {bw(12), bw(12)}));

    SECTION("without a weighing: the added load alone, and the sets are counted as such") {
        const auto weeks = report.periods();
        REQUIRE(weeks.size() == 1);
        CHECK(weeks[0].volume.hundredths_in(Unit::kg) == 24000);  // 10 kg x 24
        CHECK(weeks[0].bodyweight_sets_without_body_weight == 5);
    }
    SECTION("with 80 kg weighed before: (80 + 10) x 24 + 80 x 24") {
        const auto weeks =
            report.periods(std::nullopt, std::nullopt, timeline({weighing("2026-11-01", 8000)}));
        REQUIRE(weeks.size() == 1);
        CHECK(weeks[0].volume.hundredths_in(Unit::kg) == 216000 + 192000);
        CHECK(weeks[0].bodyweight_sets_without_body_weight == 0);
    }
    SECTION("each day takes the latest weighing on or before it, not a later one") {
        const auto weeks =
            report.periods(std::nullopt, std::nullopt,
                           timeline({weighing("2026-11-01", 8000), weighing("2026-11-17", 7000),
                                     weighing("2026-11-19", 6000)}));
        REQUIRE(weeks.size() == 1);
        // 2026-11-16 at 80 kg: 90 x 24; 2026-11-18 at 70 kg: 70 x 24.
        CHECK(weeks[0].volume.hundredths_in(Unit::kg) == 216000 + 168000);
    }
    SECTION("a weighing after the first day leaves it without a body weight") {
        const auto weeks =
            report.periods(std::nullopt, std::nullopt, timeline({weighing("2026-11-17", 7000)}));
        REQUIRE(weeks.size() == 1);
        CHECK(weeks[0].volume.hundredths_in(Unit::kg) == 24000 + 168000);
        CHECK(weeks[0].bodyweight_sets_without_body_weight == 3);
    }
}

TEST_CASE("a weighing logged later with an earlier date counts for sets added before it",
          "[periods][bodyweight]") {
    PeriodReport report(PeriodKind::month, kMuscles);
    report.add(record("2026-11-10", "pull-up", {bw(10)}));
    const auto before = report.periods();
    REQUIRE(before.size() == 1);
    CHECK(before[0].volume.hundredths_in(Unit::kg) == 0);
    CHECK(before[0].bodyweight_sets_without_body_weight == 1);
    // The timeline grows after the records were folded: the report is not redone.
    BodyWeightTimeline body_weights;
    body_weights.add(weighing("2026-11-05", 8250));
    const auto after = report.periods(std::nullopt, std::nullopt, body_weights);
    REQUIRE(after.size() == 1);
    CHECK(after[0].volume.hundredths_in(Unit::kg) == 82500);  // 82.5 kg x 10
    CHECK(after[0].bodyweight_sets_without_body_weight == 0);
}

TEST_CASE("assisted sets count body weight less the help, never below 0", "[periods][bodyweight]") {
    PeriodReport report(PeriodKind::week, kMuscles);
    report.add(record("2026-11-16", "pull-up", {assisted(5, 2000), assisted(5, 2000)}));
    // Help of more than the body weight counts 0 for its set alone: it takes
    // nothing off the day's other sets.
    report.add(record("2026-11-17", "pull-up", {assisted(4, 9000), bw(3)}));
    const auto weeks =
        report.periods(std::nullopt, std::nullopt, timeline({weighing("2026-11-01", 8000)}));
    REQUIRE(weeks.size() == 1);
    // (80 - 20) x 10 + 0 x 4 + 80 x 3.
    CHECK(weeks[0].volume.hundredths_in(Unit::kg) == 60000 + 24000);
    CHECK(weeks[0].bodyweight_sets == 1);  // body weight alone, as before
    CHECK(weeks[0].bodyweight_sets_without_body_weight == 0);

    const auto unweighed = report.periods();
    REQUIRE(unweighed.size() == 1);
    CHECK(unweighed[0].volume.hundredths_in(Unit::kg) == 0);  // help is no volume alone
    CHECK(unweighed[0].bodyweight_sets_without_body_weight == 4);
}

TEST_CASE("body weights and loads in kg and lb mix exactly", "[periods][bodyweight]") {
    PeriodReport report(PeriodKind::week, kMuscles);
    // At 180 lb: (180 lb + 10 kg) x 5 and (180 lb - 20 kg) x 5.
    report.add(record("2026-11-16", "pull-up", {added(5, 1000), assisted(5, 2000)}));
    report.add(record("2026-11-16", "deadlift", {lb(5, 22500)}));
    const auto weeks = report.periods(std::nullopt, std::nullopt,
                                      timeline({weighing("2026-11-16", 18000, Unit::lb)}));
    REQUIRE(weeks.size() == 1);
    // 1800 lb + 50 kg - 100 kg + 1125 lb = 2925 lb - 50 kg = 1326.75768225 - 50 kg
    // = 1276.75768225 kg = 2814.77... lb.
    CHECK(weeks[0].volume.hundredths_in(Unit::kg) == 127676);
    CHECK(weeks[0].volume.hundredths_in(Unit::lb) == 281477);
    // 176.36 lb is 79.99555... kg, 176.37 lb 80.0000863 kg: just more than 80 kg.
    ExactVolume volume;
    volume.add_body_weight(BodyWeight{8000, Unit::kg}, 17636, Unit::lb, 1000);
    CHECK(volume.hundredths_in(Unit::kg) == 445);  // 0.0044496268 kg x 1000
    volume.add_body_weight(BodyWeight{8000, Unit::kg}, 17637, Unit::lb, 1000);
    CHECK(volume.hundredths_in(Unit::kg) == 445);  // clamped: not 4.45 - 0.09 kg
    volume.add_body_weight(BodyWeight{8000, Unit::kg}, 0, Unit::kg, 3);
    CHECK(volume.hundredths_in(Unit::kg) == 24445);
}

TEST_CASE("timed and distance sets count their seconds and metres, not load x reps",
          "[periods][timed]") {
    PeriodReport report(PeriodKind::week, kMuscles);
    report.add(record("2026-11-16", "plank", {held(60), held(60), held(60)}));
    SetEntry warmup = held(30);
    warmup.warmup = true;
    report.add(record("2026-11-17", "plank", {warmup, held(45)}));
    report.add(record("2026-11-18", "farmers-walk",
                      {carried(4000, DistanceUnit::m, 3200), carried(5000, DistanceUnit::yd, 3200),
                       carried(12, DistanceUnit::km, 3200)}));
    report.add(record("2026-11-18", "pull-up", {bw(0)}));  // a failed attempt
    const auto weeks =
        report.periods(std::nullopt, std::nullopt, timeline({weighing("2026-11-01", 8000)}));
    REQUIRE(weeks.size() == 1);
    const PeriodTotals& week = weeks[0];
    CHECK(week.timed_sets == 4);
    CHECK(week.seconds == 225);  // the warm-up's 30 s are not counted
    CHECK(week.distance_sets == 3);
    // 40 m + 50 yd (45.72 m) + 0.12 km (120 m).
    CHECK(week.distance.centimetres() == 20572);
    // Neither the 32 kg carried nor the body weight held adds volume; nor
    // does the failed attempt, which is still a working set.
    CHECK(week.volume.hundredths_in(Unit::kg) == 0);
    CHECK(week.working_sets == 3 + 1 + 3 + 1);
    CHECK(week.warmup_sets == 1);
    CHECK(week.bodyweight_sets == 1);  // the failed pull-up; held planks count as time
    CHECK(week.bodyweight_sets_without_body_weight == 0);
    CHECK(report.periods()[0].bodyweight_sets_without_body_weight == 0);  // none need one

    ExactDistance miles;
    miles.add(Distance{150, DistanceUnit::mi});  // 1.5 mi = 2414.016 m
    miles.add(Distance{100, DistanceUnit::ft});  // 1 ft = 0.3048 m
    CHECK(miles.centimetres() == 241432);
}
