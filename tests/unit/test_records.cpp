// Personal records: what each category keeps, ties, the runner-up a new
// record is measured against, merging parts exactly, units, and the report
// shapes built from them.
#include <catch2/catch.hpp>

#include "liftlog/history_state.hpp"

#include <algorithm>
#include <cmath>
#include <random>

#include "liftlog/describe.hpp"
#include "liftlog/history.hpp"
#include "liftlog/personal_records.hpp"

using namespace liftlog;

namespace {

Date day(int n) {
    return *parse_date("2026-01-01") + std::chrono::days{n};
}

SetEntry kg(int reps, double amount, bool warmup = false) {
    return {reps, Load::external(std::llround(amount * 100), Unit::kg), warmup};
}

SetEntry lb(int reps, double amount) {
    return {reps, Load::external(std::llround(amount * 100), Unit::lb), false};
}

SetEntry bw(int reps) {
    return {reps, Load::bodyweight(), false};
}

Record record(const std::string& id, int on_day, std::vector<SetEntry> sets) {
    Record r;
    r.id = id;
    r.date = day(on_day);
    r.exercise = "bench-press";
    r.sets = std::move(sets);
    return r;
}

PersonalRecords fold(const std::vector<Record>& records) {
    PersonalRecords folded;
    for (const auto& r : records) folded.add(r);
    return folded;
}

const UnitAmounts kSteps{};  // 2.5 kg, 5 lb

}  // namespace

TEST_CASE("records: heaviest load per rep count, most reps per load, e1RM, body weight",
          "[records]") {
    const auto records = fold({record("a", 0, {kg(5, 60, true), kg(5, 100), kg(3, 110), bw(12)}),
                               record("b", 2, {kg(8, 100), kg(5, 90), bw(15)})});
    const auto& by_reps = records.heaviest_by_reps();
    REQUIRE(by_reps.size() == 3);
    CHECK(by_reps.at(5).best == RecordHolder{kg(5, 100), day(0), "a"});
    CHECK(by_reps.at(5).runner_up == RecordHolder{kg(5, 90), day(2), "b"});
    CHECK(by_reps.at(3).best.set == kg(3, 110));
    CHECK(by_reps.at(8).best.record_id == "b");
    CHECK_FALSE(by_reps.at(8).runner_up);

    const auto& by_load = records.most_reps_by_load();
    REQUIRE(by_load.size() == 3);  // 110, 100 and 90 kg; the 60 kg warm-up is not a record
    CHECK(by_load.begin()->first == kg(3, 110).load);  // heaviest first
    const Standing& at_100 = by_load.at(kg(1, 100).load);
    CHECK(at_100.best == RecordHolder{kg(8, 100), day(2), "b"});
    CHECK(at_100.runner_up->set.reps == 5);

    // 8 x 100 kg: 100 * (1 + 8/30) = 126.7 kg, more than 110 x 3 (121 kg).
    REQUIRE(records.best_e1rm());
    CHECK(records.best_e1rm()->best.set == kg(8, 100));
    CHECK(record_one_rep_max(records.best_e1rm()->best).kilograms == Approx(126.6667));
    CHECK(records.best_e1rm()->runner_up->set == kg(3, 110));

    REQUIRE(records.most_bodyweight_reps());
    CHECK(records.most_bodyweight_reps()->best.set.reps == 15);
    CHECK(records.most_bodyweight_reps()->runner_up->set.reps == 12);
}

TEST_CASE("records: ties keep the entry logged first, one set per record per category",
          "[records]") {
    // A backdated tie logged later does not take the record.
    const auto records = fold({record("first", 5, {kg(5, 100), kg(5, 100), kg(5, 100)}),
                               record("second", 1, {kg(5, 100)})});
    const auto by_reps = records.heaviest_by_reps();
    const Standing& five = by_reps.at(5);
    CHECK(five.best.record_id == "first");
    REQUIRE(five.runner_up);
    CHECK(five.runner_up->record_id == "second");  // not another set of "first"
    CHECK(records.best_e1rm()->best.record_id == "first");
    CHECK(records_set_by(records, "second").empty());
    CHECK(records_set_by(records, "first").empty());  // "first" beat nothing earlier
}

TEST_CASE("records: a new record is one that beats an earlier best", "[records]") {
    std::vector<Record> log = {record("a", 0, {kg(5, 100), kg(5, 100)}), record("b", 1, {bw(10)})};
    SECTION("the first entry of a category is not a record") {
        CHECK(records_set_by(fold(log), "a").empty());
        CHECK(records_set_by(fold(log), "b").empty());
    }
    SECTION("heavier for the same reps, more reps at the same load, a better e1RM") {
        log.push_back(record("c", 2, {kg(5, 102.5), kg(6, 100), bw(11)}));
        const auto found = records_set_by(fold(log), "c");
        REQUIRE(found.size() == 4);
        CHECK(found[0].kind == RecordKind::e1rm);
        CHECK(found[0].now.set == kg(6, 100));  // 120 kg beats 119.6 kg for 5 x 102.5
        CHECK(found[0].previous.set == kg(5, 100));
        // The heaviest ever; the heaviest for 5 reps beat the same set, so
        // it is not said twice.
        CHECK(found[1].kind == RecordKind::heaviest_load);
        CHECK(found[1].now.set == kg(5, 102.5));
        CHECK(found[1].previous.record_id == "a");
        CHECK(found[2].kind == RecordKind::most_reps_at_load);
        CHECK(found[2].now.set == kg(6, 100));
        CHECK(found[2].previous.set.reps == 5);
        CHECK(found[3].kind == RecordKind::most_reps_bodyweight);
        CHECK(found[3].previous.set.reps == 10);
        // 6 reps and 102.5 kg are new categories: firsts, not records.
    }
    SECTION("equalling a record is not a new one") {
        log.push_back(record("c", 2, {kg(5, 100), bw(10)}));
        CHECK(records_set_by(fold(log), "c").empty());
    }
}

TEST_CASE("records: loads in different units", "[records]") {
    // 225 lb is 102.06 kg: heavier than 100 kg for the same reps.
    const auto records = fold({record("kg", 0, {kg(5, 100)}), record("lb", 1, {lb(5, 225)}),
                               record("lb2", 2, {lb(6, 220)})});
    CHECK(records.heaviest_by_reps().at(5).best.record_id == "lb");
    // 220 lb (99.79 kg) is a load of its own, not the same as 100 kg.
    CHECK(records.most_reps_by_load().size() == 3);
    CHECK(records.most_reps_by_load().at(kg(1, 100).load).best.set.reps == 5);
    // 6 x 220 lb (119.8 kg e1RM) beats 5 x 225 lb (119.1 kg) for the best e1RM.
    CHECK(records.best_e1rm()->best.record_id == "lb2");
    const auto found = records_set_by(records, "lb");
    REQUIRE(found.size() == 1);
    CHECK(found[0].kind == RecordKind::heaviest_load);
    CHECK(describe_new_record(found[0], Unit::kg, kSteps) ==
          "heaviest load ever, 5 reps at 102.06 kg, logged as 225 lb (was 5 reps at 100 kg)");
    CHECK(describe_new_record(found[0], Unit::lb, kSteps) ==
          "heaviest load ever, 5 reps at 225 lb (was 5 reps at 220.46 lb, logged as 100 kg)");
}

TEST_CASE("records: the heaviest for some reps that is not the heaviest ever", "[records]") {
    const auto records =
        fold({record("a", 0, {kg(1, 120), kg(5, 100)}), record("b", 1, {lb(5, 225)})});
    const auto found = records_set_by(records, "b");
    REQUIRE(found.size() == 1);
    CHECK(found[0].kind == RecordKind::heaviest_for_reps);
    CHECK(describe_new_record(found[0], Unit::kg, kSteps) ==
          "heaviest 5 reps, 102.06 kg, logged as 225 lb (was 100 kg)");
}

TEST_CASE("records: an e1RM from more than 10 reps says so", "[records]") {
    // Only sets of more than 10 reps: the best of them is flagged.
    const auto records = fold({record("a", 0, {kg(11, 80)}), record("b", 1, {kg(12, 90)})});
    REQUIRE(records.best_e1rm());
    const OneRepMax best = record_one_rep_max(records.best_e1rm()->best);
    CHECK(best.beyond_epley_range);
    CHECK(best.kilograms == Approx(126.0));
    const auto json = e1rm_json(records.best_e1rm(), Unit::kg);
    CHECK(json["value"] == 126.0);
    CHECK(json["reps"] == 12);
    CHECK(json["beyond_epley_range"] == true);
    const auto found = records_set_by(records, "b");
    REQUIRE_FALSE(found.empty());
    CHECK(describe_new_record(found[0], Unit::kg, kSteps) ==
          "best e1RM 126.0 kg (12 @ 90kg), was 109.3 kg; from more than 10 reps, a rough estimate");
}

TEST_CASE("records: a flagged e1RM never replaces one from 10 reps or fewer", "[records]") {
    // 15 x 90 kg reads 135 kg, above 5 x 110 kg's 128.3 kg, but is unreliable.
    auto log = std::vector<Record>{record("a", 0, {kg(5, 110)}), record("b", 1, {kg(15, 90)})};
    CHECK(fold(log).best_e1rm()->best.record_id == "a");
    CHECK(records_set_by(fold(log), "b").empty());
    SECTION("10 reps is still within range and replaces a lower estimate") {
        log.push_back(record("c", 2, {kg(10, 100)}));  // 133.3 kg
        CHECK(fold(log).best_e1rm()->best.record_id == "c");
        CHECK_FALSE(record_one_rep_max(fold(log).best_e1rm()->best).beyond_epley_range);
    }
    SECTION("11 reps is flagged and does not") {
        log.push_back(record("c", 2, {kg(11, 100)}));  // 136.7 kg
        CHECK(fold(log).best_e1rm()->best.record_id == "a");
    }
    SECTION("a reliable estimate replaces a flagged one, but a lower one is not announced") {
        const auto flagged_first =
            fold({record("x", 0, {kg(15, 90)}), record("y", 1, {kg(5, 100)})});
        CHECK(flagged_first.best_e1rm()->best.record_id == "y");
        // 116.7 kg is below 135 kg: only the heaviest load (100 kg) is new.
        const auto found = records_set_by(flagged_first, "y");
        REQUIRE(found.size() == 1);
        CHECK(found[0].kind == RecordKind::heaviest_load);
    }
}

TEST_CASE("records: the heaviest load ever is a record of its own", "[records]") {
    auto log = std::vector<Record>{record("a", 0, {kg(3, 105)}), record("b", 1, {kg(5, 110)})};
    SECTION("a heavier load for more reps") {
        const auto found = records_set_by(fold(log), "b");
        REQUIRE(found.size() == 2);  // and the e1RM; nothing else had 5 reps
        CHECK(found[1].kind == RecordKind::heaviest_load);
        CHECK(describe_new_record(found[1], Unit::kg, kSteps) ==
              "heaviest load ever, 5 reps at 110 kg (was 3 reps at 105 kg)");
    }
    SECTION("a single above every earlier load, measured against the heaviest of them") {
        log.push_back(record("c", 2, {kg(1, 130), kg(3, 100)}));
        const auto found = records_set_by(fold(log), "c");
        REQUIRE_FALSE(found.empty());
        const auto heaviest = std::find_if(found.begin(), found.end(), [](const NewRecord& r) {
            return r.kind == RecordKind::heaviest_load;
        });
        REQUIRE(heaviest != found.end());
        CHECK(heaviest->now.set == kg(1, 130));
        CHECK(heaviest->previous.set == kg(5, 110));
    }
    SECTION("equalling the heaviest is not a record") {
        log.push_back(record("c", 2, {kg(1, 110)}));
        for (const auto& found : records_set_by(fold(log), "c"))
            CHECK(found.kind != RecordKind::heaviest_load);
    }
}

TEST_CASE("records: a heavier load for more reps is also the best for fewer", "[records]") {
    const auto records = fold({record("a", 0, {kg(3, 105)}), record("b", 1, {kg(5, 110)}),
                               record("c", 2, {kg(8, 90)}), record("d", 3, {kg(1, 110)})});
    const auto table = records.heaviest_for_at_least_reps();
    REQUIRE(table.size() == 4);  // the same rep counts as the table by exact reps
    CHECK(table.at(3).best.set == kg(5, 110));
    CHECK(table.at(5).best.set == kg(5, 110));
    CHECK(table.at(8).best.set == kg(8, 90));
    // A tie keeps the set for exactly these reps.
    CHECK(table.at(1).best.record_id == "d");
    // The table by exact reps is unchanged.
    CHECK(records.heaviest_by_reps().at(3).best.set == kg(3, 105));
}

TEST_CASE("records: rep counts past the limit and light loads past the cap are not tracked",
          "[records]") {
    std::vector<Record> log;
    log.push_back(record("many", 0, {kg(PersonalRecords::kMaxTrackedReps + 1, 20)}));
    for (int i = 0; i < 40; ++i) log.push_back(record("r" + std::to_string(i), i, {kg(5, 50 + i)}));
    const auto records = fold(log);
    CHECK_FALSE(records.heaviest_by_reps().contains(PersonalRecords::kMaxTrackedReps + 1));
    REQUIRE(records.most_reps_by_load().size() == PersonalRecords::kTrackedLoads);
    CHECK(records.most_reps_by_load().begin()->first == kg(5, 89).load);
    CHECK(std::prev(records.most_reps_by_load().end())->first == kg(5, 58).load);
    // A load lighter than every kept one does not come back.
    PersonalRecords again = records;
    again.add(record("light", 50, {kg(5, 30)}));
    CHECK(again == records);
}

TEST_CASE("records: merging parts equals folding in order", "[records]") {
    std::mt19937 random(4242);
    const auto pick = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
    for (int round = 0; round < 60; ++round) {
        std::vector<Record> log;
        for (int i = 0, count = 20 + pick(150); i < count; ++i) {
            std::vector<SetEntry> sets;
            for (int s = 0, n = 1 + pick(4); s < n; ++s) {
                const int reps = 1 + pick(14);
                const int kind = pick(4);
                // Few distinct loads in some rounds (ties), many in others (the cap).
                const int amount = 2500 + 250 * pick(round % 2 ? 6 : 60);
                sets.push_back(
                    kind == 0   ? bw(reps)
                    : kind == 1 ? SetEntry{reps, Load::external(amount, Unit::lb), false}
                                : SetEntry{reps, Load::external(amount, Unit::kg), pick(5) == 0});
            }
            log.push_back(record("r" + std::to_string(pick(100)), pick(30), std::move(sets)));
        }
        const PersonalRecords expected = fold(log);
        for (std::size_t parts = 2; parts <= 6; ++parts) {
            std::vector<std::size_t> cuts = {0};
            for (std::size_t p = 1; p < parts; ++p) cuts.push_back(random() % (log.size() + 1));
            cuts.push_back(log.size());
            std::sort(cuts.begin(), cuts.end());
            PersonalRecords merged;
            for (std::size_t p = 0; p + 1 < cuts.size(); ++p) {
                PersonalRecords part;
                for (std::size_t i = cuts[p]; i < cuts[p + 1]; ++i) part.add(log[i]);
                merged.merge(std::move(part));
            }
            INFO("round " << round << ", " << parts << " parts");
            CHECK(merged == expected);
            CHECK(records_to_state(merged) == records_to_state(expected));
        }
    }
}

TEST_CASE("records: the state round trip, and states no fold could produce", "[records]") {
    const auto records = fold({record("a", 0, {kg(5, 100), bw(10)}), record("b", 1, {kg(5, 105)}),
                               record("c", 2, {lb(12, 200), bw(12)})});
    const nlohmann::json state = records_to_state(records);
    CHECK(records_from_state(state) == records);

    const auto refused = [&](auto damage) {
        nlohmann::json bad = state;
        damage(bad);
        try {
            records_from_state(bad);
        } catch (const std::exception&) {
            return true;
        }
        return false;
    };
    CHECK(refused([](auto& s) { std::swap(s["by_reps"][0][0], s["by_reps"][0][1]); }));
    CHECK(refused([](auto& s) { std::swap(s["by_load"][0], s["by_load"][1]); }));
    CHECK(refused([](auto& s) { s["e1rm"] = s["bodyweight"]; }));
    CHECK(refused([](auto& s) { s["bodyweight"][0] = s["e1rm"][0]; }));
    CHECK(refused([](auto& s) { s["by_reps"][0][0][4] = 9'000'000; }));  // the day
    CHECK(refused([](auto& s) { s["by_reps"][0][0][2] = 0; }));          // no load
    CHECK(refused([](auto& s) { s["by_load"][0][0][1] = 7; }));          // no such kind
    CHECK(refused([](auto& s) { s["by_reps"][0][1][0] = 6; }));          // runner-up: other reps
    CHECK(refused([](auto& s) { s.erase("e1rm"); }));
    CHECK_FALSE(refused([](auto&) {}));
}

TEST_CASE("records: a history's records survive merging and its state", "[records]") {
    ExerciseHistory whole;
    ExerciseHistory first;
    ExerciseHistory second;
    const std::vector<Record> log = {record("a", 0, {kg(5, 100)}), record("b", 1, {kg(5, 105)})};
    for (const auto& r : log) whole.add(r);
    first.add(log[0]);
    second.add(log[1]);
    first.merge(std::move(second));
    CHECK(first.records() == whole.records());
    CHECK(history_from_state(history_to_state(whole)).records() == whole.records());
    CHECK(whole.records().heaviest_by_reps().at(5).best.record_id == "b");
}

TEST_CASE("report loads: as logged in the report unit, else converted to the load step",
          "[records][units]") {
    const UnitAmounts steps{250, 500};
    CHECK(load_in_unit(kg(1, 102.5).load, Unit::kg, steps) == kg(1, 102.5).load);
    CHECK(load_in_unit(lb(1, 225).load, Unit::kg, steps) == kg(1, 102.5).load);  // 102.06
    CHECK(load_in_unit(kg(1, 100).load, Unit::lb, steps) == lb(1, 220).load);    // 220.46
    CHECK(load_in_unit(lb(1, 101).load, Unit::lb, steps) == lb(1, 101).load);
    CHECK(load_in_unit(Load::added(1000, Unit::kg), Unit::lb, steps) ==
          Load::added(2000, Unit::lb));
    CHECK(load_in_unit(Load::bodyweight(), Unit::lb, steps) == Load::bodyweight());
    CHECK(load_in_unit(lb(1, 225).load, Unit::kg, UnitAmounts{100, 100}) == kg(1, 102).load);
    CHECK(format_best_set(lb(5, 225), Unit::kg, steps) == "5 @ 102.5kg");
    CHECK(format_one_rep_max({116.66667, false}, Unit::kg) == "116.7 kg");
    CHECK(format_one_rep_max({100.0, false}, Unit::lb) == "220.5 lb");
}

TEST_CASE("report: the records table in JSON, in the unit asked for", "[records][units]") {
    const auto records = fold({record("a", 0, {kg(5, 100), bw(10)}), record("b", 1, {lb(3, 225)})});
    const auto json = records_json(records, Unit::lb, kSteps);
    CHECK(json["e1rm"]["unit"] == "lb");
    CHECK(json["e1rm"]["value"] == 257.2);  // 116.67 kg
    CHECK(json["e1rm"]["load"] ==
          nlohmann::ordered_json::parse(R"({"kind":"external","value":100,"unit":"kg"})"));
    REQUIRE(json["heaviest_by_reps"].size() == 2);
    CHECK(json["heaviest_by_reps"][0]["reps"] == 3);
    CHECK(json["heaviest_by_reps"][0]["value"] == 225);
    CHECK(json["heaviest_by_reps"][1]["value"] == 220);  // 100 kg in 5 lb steps
    CHECK(json["heaviest_by_reps"][1]["id"] == "a");
    REQUIRE(json["most_reps_by_load"].size() == 2);
    CHECK(json["most_reps_by_load"][0]["value"] == 225);  // 225 lb (102 kg) before 100 kg
    CHECK(json["most_reps_by_load"][1]["reps"] == 5);
    CHECK(json["most_reps_bodyweight"]["reps"] == 10);
    CHECK(json["most_reps_bodyweight"]["date"] == "2026-01-01");
}

TEST_CASE("a day is light only when every record of it was marked light", "[history][light]") {
    const auto light = [](Record r) {
        r.light = true;
        return r;
    };
    const auto fold_history = [](const std::vector<Record>& records) {
        ExerciseHistory history;
        for (const auto& r : records) history.add(r);
        return history.recent_sessions();
    };
    CHECK(fold_history({light(record("a", 0, {kg(5, 60)})), light(record("b", 0, {kg(5, 60)}))})
              .back()
              .light);
    CHECK_FALSE(fold_history({record("a", 0, {kg(5, 100)}), light(record("b", 0, {kg(5, 60)}))})
                    .back()
                    .light);
    CHECK_FALSE(fold_history({light(record("a", 0, {kg(5, 60)})), record("b", 0, {kg(5, 100)})})
                    .back()
                    .light);
    // Two parts of a log merge into the same day as one fold would give.
    ExerciseHistory first;
    first.add(light(record("a", 0, {kg(5, 60)})));
    ExerciseHistory second;
    second.add(record("b", 0, {kg(5, 100)}));
    first.merge(std::move(second));
    CHECK_FALSE(first.recent_sessions().back().light);
    // The cache keeps the mark.
    ExerciseHistory marked;
    marked.add(light(record("c", 1, {kg(5, 60)})));
    const auto restored = HistoryState::history_from(HistoryState::of(marked));
    CHECK(restored.recent_sessions().back().light);
}

namespace {

SetEntry held(int seconds, const Load& load = Load::bodyweight(), bool warmup = false) {
    SetEntry set{0, load, warmup};
    set.seconds = seconds;
    return set;
}

SetEntry carried(double metres, const Load& load) {
    SetEntry set{0, load, false};
    set.distance = Distance{std::llround(metres * 100), DistanceUnit::m};
    return set;
}

}  // namespace

TEST_CASE("records: the longest hold, a longer one at any load, never a failed attempt",
          "[records][timed]") {
    const Load plus10 = Load::added(1000, Unit::kg);
    const auto records =
        fold({record("a", 0, {held(60), held(60), held(90, Load::bodyweight(), true)}),
              record("b", 1, {held(75), held(75, plus10), SetEntry{0, Load::bodyweight()}}),
              record("c", 2, {held(70, plus10)})});
    REQUIRE(records.longest_time());
    // 75 s at +10 kg beats 75 s at body weight in the same record; the warm-up never counts.
    CHECK(records.longest_time()->best.record_id == "b");
    CHECK(records.longest_time()->best.set.seconds == 75);
    CHECK(records.longest_time()->best.set.load == plus10);
    // The runner-up is the best of another record: c's 70 s beats a's 60 s.
    CHECK(records.longest_time()->runner_up->record_id == "c");
    // No reps: no e1RM and no rep tables, and the failed attempt holds nothing.
    CHECK_FALSE(records.best_e1rm());
    CHECK(records.heaviest_by_reps().empty());
    CHECK_FALSE(records.most_bodyweight_reps());
    CHECK_FALSE(records.longest_distance());

    CHECK(records_set_by(records, "c").empty());
    const auto before_c =
        fold({record("a", 0, {held(60), held(60)}), record("b", 1, {held(75), held(75, plus10)})});
    const auto set_by_b = records_set_by(before_c, "b");
    REQUIRE(set_by_b.size() == 1);
    CHECK(set_by_b[0].kind == RecordKind::longest_time);
    CHECK(describe_new_record(set_by_b[0], Unit::kg, kSteps) ==
          "longest hold 75 s at bodyweight + 10 kg (was 60 s at bodyweight)");
}

TEST_CASE("records: less assistance is the heavier load for a hold of the same length",
          "[records][timed]") {
    const auto records = fold({record("a", 0, {held(30, Load::assisted(2000, Unit::kg))}),
                               record("b", 1, {held(30, Load::assisted(1000, Unit::kg))})});
    REQUIRE(records.longest_time());
    CHECK(records.longest_time()->best.record_id == "b");
    // As long at less help is better, but not announced as a longer hold.
    CHECK(records_set_by(records, "b").empty());
}

TEST_CASE("records: the farthest carry, across units, folded and merged alike",
          "[records][distance]") {
    const Load kettlebells = Load::external(3200, Unit::kg);
    SetEntry yards{0, kettlebells, false};
    yards.distance = Distance{6000, DistanceUnit::yd};  // 54.86 m
    const std::vector<Record> log = {record("a", 0, {carried(40, kettlebells)}),
                                     record("b", 1, {carried(50, kettlebells), yards}),
                                     record("c", 2, {carried(45, kettlebells)})};
    const auto records = fold(log);
    REQUIRE(records.longest_distance());
    CHECK(records.longest_distance()->best.set.distance == Distance{6000, DistanceUnit::yd});
    CHECK(records.longest_distance()->runner_up->record_id == "c");  // 45 m beats 40 m
    const auto set_by_b = records_set_by(fold({log[0], log[1]}), "b");
    REQUIRE(set_by_b.size() == 1);
    CHECK(set_by_b[0].kind == RecordKind::longest_distance);
    CHECK(describe_new_record(set_by_b[0], Unit::kg, kSteps) == "longest distance 60yd (was 40m)");

    PersonalRecords merged = fold({log[0]});
    merged.merge(fold({log[1], log[2]}));
    CHECK(merged == records);
}

TEST_CASE("records: timed and distance standings survive the state, and damage is refused",
          "[records][timed]") {
    const auto records =
        fold({record("a", 0, {held(60), carried(40, Load::external(3200, Unit::kg))}),
              record("b", 1, {held(75), carried(50, Load::external(3200, Unit::kg))})});
    const nlohmann::json state = records_to_state(records);
    CHECK(records_from_state(state) == records);
    CHECK(state["time"][0].size() == 7);
    CHECK(state["distance"][0].size() == 8);
    const auto refused = [&](auto damage) {
        nlohmann::json bad = state;
        damage(bad);
        try {
            records_from_state(bad);
        } catch (const std::exception&) {
            return true;
        }
        return false;
    };
    CHECK(refused([](auto& s) { s["time"][0][6] = 0; }));                    // no time
    CHECK(refused([](auto& s) { s["time"][0][0] = 3; }));                    // reps in a timed set
    CHECK(refused([](auto& s) { std::swap(s["time"][0], s["time"][1]); }));  // runner-up wins
    CHECK(refused([](auto& s) { s["time"] = s["distance"]; }));              // the wrong category
    CHECK(refused([](auto& s) { s["distance"][0][7] = 9; }));                // no such unit
    CHECK(refused([](auto& s) { s["distance"][0][6] = -100; }));             // a negative distance
    CHECK(refused([](auto& s) { s.erase("time"); }));
    CHECK_FALSE(refused([](auto&) {}));
}

TEST_CASE("history: timed and distance totals, best sets, merged and through the state",
          "[records][timed]") {
    const Load plus10 = Load::added(1000, Unit::kg);
    Record plank_a = record("a", 0, {held(60), held(60), held(60)});
    Record plank_b = record("b", 1, {held(75), held(75), held(75), SetEntry{0, plus10}});
    ExerciseHistory whole;
    whole.add(plank_a);
    whole.add(plank_b);
    CHECK(whole.total_seconds() == 405);
    CHECK(whole.total_reps() == 0);
    CHECK(whole.volume_kg() == 0.0);
    REQUIRE(whole.best_set());
    // The failed attempt at +10 kg is heavier but never the best set.
    CHECK(whole.best_set()->seconds == 75);
    CHECK(format_best_set(*whole.best_set(), Unit::kg, kSteps) == "75s @ bw");
    CHECK_FALSE(whole.has_bodyweight_sets());

    ExerciseHistory first;
    ExerciseHistory second;
    first.add(plank_a);
    second.add(plank_b);
    first.merge(std::move(second));
    CHECK(history_to_state(first) == history_to_state(whole));
    CHECK(history_to_state(history_from_state(history_to_state(whole))) == history_to_state(whole));

    ExerciseHistory walk;
    walk.add(record("c", 0,
                    {carried(40, Load::external(3200, Unit::kg)),
                     carried(40, Load::external(3200, Unit::kg))}));
    SetEntry km{0, Load::external(3200, Unit::kg), false};
    km.distance = Distance{15, DistanceUnit::km};  // 0.15 km
    walk.add(record("d", 1, {km}));
    CHECK(walk.has_distance_sets());
    CHECK_FALSE(walk.has_timed_sets());
    CHECK(walk.total_metres() == Approx(230.0));
    CHECK(format_best_set(*walk.best_set(), Unit::kg, kSteps) == "0.15km @ 32kg");
    CHECK(format_total_metres(walk.total_metres()) == "230 m");

    auto state = history_to_state(whole);
    state["seconds"] = -1;
    CHECK_THROWS(history_from_state(state));
    state = history_to_state(whole);
    state["best"] = sets_to_json({SetEntry{0, Load::bodyweight()}})[0];
    CHECK_THROWS(history_from_state(state));
}
