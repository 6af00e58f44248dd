#include <catch2/catch.hpp>

#include "liftlog/progression.hpp"

using namespace liftlog;

namespace {

Date day(const char* text) {
    return *parse_date(text);
}

Exercise back_extension() {
    Exercise e;
    e.id = "back-extension";
    e.name = "Back Extension";
    e.loading = Loading::bodyweight;
    e.prescription = {{2, 3}, {10, 12}, {1, 2}};
    e.progression.rep_range = {10, 12};
    e.progression.bodyweight_threshold = 12;
    e.progression.increment = {250, 500};
    e.progression.load_step = {250, 500};
    e.progression.added_load = "hold a plate against your chest";
    return e;
}

Exercise deadlift() {
    Exercise e;
    e.id = "deadlift";
    e.name = "Deadlift";
    e.loading = Loading::external;
    e.prescription = {{3, 5}, {3, 6}, {1, 2}};
    e.progression.rep_range = {3, 5};
    e.progression.increment = {500, 1000};
    e.progression.load_step = {250, 500};
    return e;
}

Load kg(double amount) {
    return Load::external(static_cast<std::int64_t>(amount * 100), Unit::kg);
}

Session session(const char* date, std::vector<int> reps, Load load, bool pain = false) {
    Session s;
    s.date = day(date);
    for (int r : reps) s.sets.push_back({r, load, false});
    s.pain = pain;
    return s;
}

Suggestion run(const Exercise& e, std::vector<Session> sessions, const char* today = "2026-11-23",
               std::optional<Unit> unit = std::nullopt) {
    return suggest(e, sessions, day(today), unit);
}

bool contains_text(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("no history: start at the low end of the prescription", "[progression]") {
    const auto bodyweight = run(back_extension(), {});
    CHECK(bodyweight.action == Action::start);
    CHECK(bodyweight.next.sets == 2);
    CHECK(bodyweight.next.reps == 10);
    CHECK(bodyweight.next.load == Load::bodyweight());
    const auto loaded = run(deadlift(), {});
    CHECK(loaded.action == Action::start);
    CHECK(loaded.next.sets == 3);
    CHECK(loaded.next.reps == 3);
    CHECK_FALSE(loaded.next.load.has_value());
}

TEST_CASE("a plan's target shapes only where a new exercise starts", "[progression]") {
    const auto fresh = suggest(deadlift(), {}, day("2026-11-23"), std::nullopt, Target{3, 5});
    CHECK(fresh.next.sets == 3);
    CHECK(fresh.next.reps == 5);
    const std::vector<Session> done = {session("2026-11-20", {4, 4, 4}, kg(100))};
    const auto judged = suggest(deadlift(), done, day("2026-11-23"), std::nullopt, Target{3, 5});
    CHECK(judged.action == Action::add_reps);
    CHECK(judged.next.load == kg(100));
}

TEST_CASE("bodyweight: 12 reps is not past the threshold, 13 is", "[progression]") {
    const auto at_twelve =
        run(back_extension(), {session("2026-11-20", {12, 12, 12}, Load::bodyweight())});
    CHECK(at_twelve.action == Action::add_reps);
    CHECK(at_twelve.next.load == Load::bodyweight());
    CHECK(at_twelve.next.reps == 13);

    const auto at_thirteen =
        run(back_extension(), {session("2026-11-20", {13, 12, 12}, Load::bodyweight())});
    CHECK(at_thirteen.action == Action::add_weight);
    CHECK(at_thirteen.next.load == Load::added(250, Unit::kg));
    CHECK(at_thirteen.next.reps == 10);
    CHECK(at_thirteen.next.sets == 3);
    CHECK_THAT(at_thirteen.reason, Catch::Contains("13, 12, 12") && Catch::Contains("2.5 kg") &&
                                       Catch::Contains("hold a plate against your chest"));
}

TEST_CASE("bodyweight: the added load grows by the smallest increment in the chosen unit",
          "[progression]") {
    const auto in_pounds =
        run(back_extension(), {session("2026-11-20", {13, 13}, Load::bodyweight())}, "2026-11-23",
            Unit::lb);
    CHECK(in_pounds.next.load == Load::added(500, Unit::lb));
    const auto loaded =
        run(back_extension(), {session("2026-11-20", {14, 12}, Load::added(500, Unit::kg))});
    CHECK(loaded.action == Action::add_weight);
    CHECK(loaded.next.load == Load::added(750, Unit::kg));
}

TEST_CASE("warm-up sets never count as working sets", "[progression]") {
    Session s = session("2026-11-20", {12, 12}, Load::bodyweight());
    s.sets.insert(s.sets.begin(), {20, Load::bodyweight(), true});
    const auto suggestion = run(back_extension(), {s});
    CHECK(suggestion.action == Action::add_reps);
    CHECK(suggestion.next.sets == 2);
}

TEST_CASE("loaded: every set at the top of the range at one load adds weight", "[progression]") {
    const auto top = run(deadlift(), {session("2026-11-20", {5, 5, 5}, kg(100))});
    CHECK(top.action == Action::add_weight);
    CHECK(top.next.load == kg(105));
    CHECK(top.next.reps == 3);
    CHECK_THAT(top.reason, Catch::Contains("5, 5, 5 reps at 100 kg"));

    const auto one_short = run(deadlift(), {session("2026-11-20", {5, 5, 4}, kg(100))});
    CHECK(one_short.action == Action::add_reps);
    CHECK(one_short.next.load == kg(100));
    CHECK(one_short.next.reps == 5);
}

TEST_CASE("loaded: progression judges the heaviest working sets, not lighter back-off sets",
          "[progression]") {
    Session s = session("2026-11-20", {5, 5, 5}, kg(100));
    s.sets.push_back({3, kg(80), false});
    CHECK(run(deadlift(), {s}).action == Action::add_weight);
}

TEST_CASE("loaded: fewer sets than the prescription never adds weight", "[progression]") {
    Session two = session("2026-11-20", {5, 5}, kg(100));
    two.sets.push_back({3, kg(80), false});
    const auto short_session = run(deadlift(), {two});
    CHECK(short_session.action == Action::add_reps);
    CHECK(next_notation(short_session.next) == "3x5@100kg");
    CHECK(contains_text(short_session.reason, "Only 2 working sets of the 3 prescribed"));
    // A top single is not one of the working sets: 1x1@150 2x5@120 is two sets.
    Session topped = session("2026-11-20", {5, 5}, kg(120));
    topped.sets.insert(topped.sets.begin(), {1, kg(150), false});
    const auto single = run(deadlift(), {topped});
    CHECK(single.action == Action::add_reps);
    CHECK(next_notation(single.next) == "3x5@120kg");
}

TEST_CASE("after pain, the rest window and the gentle return are no yardstick",
          "[progression][pain]") {
    Exercise linear = deadlift();
    linear.progression.scheme = Scheme::linear;
    // Pain, a heavy session that cut the rest short, then the prescribed return.
    const std::vector<Session> history = {session("2026-11-02", {5, 5, 5}, kg(100), true),
                                          session("2026-11-04", {5, 5, 5, 5, 5}, kg(120)),
                                          session("2026-11-09", {2, 2}, kg(80))};
    const auto next = run(linear, history, "2026-11-12");
    CHECK(next.action == Action::keep);
    CHECK(next_notation(next.next) == "3x5@80kg");
    CHECK(contains_text(next.reason,
                        "On 2026-11-09 you came back gently after the pain of "
                        "2026-11-02: build back up with 3x5@80kg at 80 kg"));
    // A return at the full prescription is judged as any session.
    const std::vector<Session> full = {session("2026-11-02", {5, 5, 5}, kg(100), true),
                                       session("2026-11-09", {5, 5, 5}, kg(80))};
    CHECK(next_notation(run(linear, full, "2026-11-12").next) == "3x5@85kg");
}

TEST_CASE("a break counts from the last session, light days included", "[progression][break]") {
    Session light = session("2026-11-14", {10}, kg(60));
    light.light = true;
    const auto back =
        run(deadlift(), {session("2026-11-01", {5, 5, 5}, kg(100)), light}, "2026-11-29");
    CHECK(back.action == Action::deload);
    CHECK(back.next.load == kg(90));  // 15 days: about 10% off the 100 kg working weight
    CHECK(contains_text(back.reason, "15 days ago (2026-11-14)"));
    // The comeback after 14 days is not then a light day against the load before the break.
    const auto after =
        run(deadlift(),
            {session("2026-11-01", {5, 5, 5}, kg(100)), session("2026-11-15", {5, 5, 5}, kg(80))},
            "2026-11-18");
    CHECK(after.next.load == kg(85));  // built on the comeback, not held to the load before
}

TEST_CASE("loaded: below the range twice in a row at the same load deloads about 10%",
          "[progression]") {
    const std::vector<Session> twice = {session("2026-11-13", {3, 2, 2}, kg(100)),
                                        session("2026-11-20", {2, 2, 2}, kg(100))};
    const auto deload = run(deadlift(), twice);
    CHECK(deload.action == Action::deload);
    CHECK(deload.next.load == kg(90));
    CHECK(deload.next.reps == 3);

    const std::vector<Session> once = {session("2026-11-13", {3, 3, 3}, kg(100)),
                                       session("2026-11-20", {2, 2, 2}, kg(100))};
    const auto keep = run(deadlift(), once);
    CHECK(keep.action == Action::keep);
    CHECK(keep.next.load == kg(100));

    const std::vector<Session> different_loads = {session("2026-11-13", {2, 2, 2}, kg(95)),
                                                  session("2026-11-20", {2, 2, 2}, kg(100))};
    CHECK(run(deadlift(), different_loads).action == Action::keep);
}

TEST_CASE("a deload rounds to the load step and is at least one step lighter", "[progression]") {
    const std::vector<Session> light = {session("2026-11-13", {2}, kg(20)),
                                        session("2026-11-20", {2}, kg(20))};
    CHECK(run(deadlift(), light).next.load == kg(17.5));
    const std::vector<Session> odd = {session("2026-11-13", {2}, kg(101)),
                                      session("2026-11-20", {2}, kg(101))};
    CHECK(run(deadlift(), odd).next.load == kg(90));
}

TEST_CASE("loads convert to the chosen unit and round to its step", "[progression]") {
    const auto suggestion =
        run(deadlift(), {session("2026-11-20", {5, 5, 5}, kg(100))}, "2026-11-23", Unit::lb);
    // 100 kg is 220.46 lb: 220 lb on the 5 lb step, plus the 10 lb increment.
    CHECK(suggestion.next.load == Load::external(23000, Unit::lb));
}

TEST_CASE("pain in the latest session means rest, then a gentler return", "[progression]") {
    const std::vector<Session> hurt = {
        session("2026-11-16", {12, 12, 12}, Load::added(500, Unit::kg), true)};
    const auto six_days = run(back_extension(), hurt, "2026-11-22");
    CHECK(six_days.action == Action::rest);
    REQUIRE(six_days.not_before.has_value());
    CHECK(*six_days.not_before == day("2026-11-23"));
    CHECK(six_days.next.sets == 1);
    CHECK(six_days.next.reps == 9);
    CHECK(six_days.next.load == Load::added(250, Unit::kg));

    const auto seven_days = run(back_extension(), hurt, "2026-11-23");
    CHECK(seven_days.action == Action::deload);
    CHECK(seven_days.next.sets == 1);

    std::vector<Session> recovered = hurt;
    recovered.push_back(session("2026-11-23", {12, 12}, Load::added(250, Unit::kg)));
    CHECK(run(back_extension(), recovered, "2026-11-24").action == Action::add_reps);
}

TEST_CASE("the most sessions a week already done means rest until the next is due",
          "[progression]") {
    const std::vector<Session> two = {session("2026-11-17", {10, 10}, Load::bodyweight()),
                                      session("2026-11-20", {10, 10}, Load::bodyweight())};
    const auto rest = run(back_extension(), two, "2026-11-23");
    CHECK(rest.action == Action::rest);
    REQUIRE(rest.not_before.has_value());
    CHECK(*rest.not_before == day("2026-11-24"));
    CHECK(rest.next.reps == 11);  // the progression step is kept for when it is due

    // Seven days after the first, it has dropped out of the week.
    CHECK(run(back_extension(), two, "2026-11-24").action == Action::add_reps);
    // One session in the week is under the most (2).
    CHECK(run(back_extension(), {two[1]}, "2026-11-23").action == Action::add_reps);
}

TEST_CASE("next time after logging: the progression step, due when the week allows",
          "[progression]") {
    const std::vector<Session> two = {session("2026-11-17", {13, 12}, Load::bodyweight()),
                                      session("2026-11-20", {13, 12}, Load::bodyweight())};
    const auto next = suggest_next_time(back_extension(), two, day("2026-11-20"), std::nullopt);
    CHECK(next.action == Action::add_weight);
    REQUIRE(next.not_before.has_value());
    CHECK(*next.not_before == day("2026-11-24"));
    const std::vector<Session> one = {two[1]};
    const auto free = suggest_next_time(back_extension(), one, day("2026-11-20"), std::nullopt);
    CHECK_FALSE(free.not_before.has_value());
}

TEST_CASE("next_notation is ready to paste into liftlog log", "[progression]") {
    CHECK(next_notation({3, 10, Load::added(250, Unit::kg), {}}) == "3x10@+2.5kg");
    CHECK(next_notation({3, 5, std::nullopt, {}}) == "3x5");
    CHECK(action_name(Action::add_weight) == "add_weight");
}

namespace {

Exercise pull_up() {
    Exercise e;
    e.id = "pull-up";
    e.name = "Pull-Up";
    e.loading = Loading::bodyweight;
    e.prescription = {{3, 4}, {6, 12}, {1, 3}};
    e.progression.rep_range = {6, 12};
    e.progression.bodyweight_threshold = 12;
    e.alternatives = {"lat-pulldown", "dumbbell-row"};
    return e;
}

Exercise barbell_row() {
    Exercise e;
    e.id = "barbell-row";
    e.name = "Barbell Row";
    e.loading = Loading::external;
    e.prescription = {{3, 4}, {6, 10}, {1, 2}};
    e.progression.rep_range = {6, 10};
    return e;
}

Exercise bench_press() {
    Exercise e;
    e.id = "bench-press";
    e.name = "Bench Press";
    e.loading = Loading::external;
    e.prescription = {{3, 5}, {5, 8}, {1, 3}};
    e.progression.rep_range = {5, 8};
    return e;
}

// Sessions of one day put together, as two `log` calls on the same day are.
Session same_day(std::vector<Session> parts) {
    Session day = parts.front();
    for (std::size_t i = 1; i < parts.size(); ++i) {
        day.sets.insert(day.sets.end(), parts[i].sets.begin(), parts[i].sets.end());
        day.pain = day.pain || parts[i].pain;
    }
    return day;
}

}  // namespace

TEST_CASE("the return after pain stays under the bottom of the prescription", "[progression]") {
    const Session pain_day = same_day({session("2026-11-16", {12, 12, 12}, Load::bodyweight()),
                                       session("2026-11-16", {12, 12, 12}, Load::bodyweight()),
                                       session("2026-11-16", {10, 10}, Load::bodyweight(), true)});
    const auto back = run(back_extension(), {pain_day}, "2026-11-23");
    CHECK(back.action == Action::deload);
    CHECK(back.next.sets == 1);  // the prescription's 2 sets, less one
    CHECK(back.next.reps == 9);  // the range's 10 reps, less one
    CHECK(back.next.load == Load::bodyweight());
    CHECK(next_notation(back.next) == "1x9@bw");
    CHECK_THAT(back.reason, Catch::Contains("1 set of 9") && Catch::Contains("2x10"));

    // One more set that day, without pain, does not make the return bigger.
    Session more = pain_day;
    more.sets.push_back({12, Load::bodyweight(), false});
    const auto after_more = run(back_extension(), {more}, "2026-11-23");
    CHECK(after_more.next.sets == 1);
    CHECK(after_more.next.reps == 9);

    // Any number of sets: never more than the prescription's minimum less one.
    const auto ten_sets =
        run(deadlift(), {session("2026-11-16", {5, 5, 5, 5, 5, 5, 5, 5, 5, 5}, kg(100), true)},
            "2026-11-23");
    CHECK(ten_sets.next.sets == 2);
    CHECK(ten_sets.next.reps == 2);
    CHECK(ten_sets.next.load == kg(80));
}

TEST_CASE("a heavier set on the pain day never makes the return heavier", "[progression]") {
    const Session hurt = session("2026-11-16", {5, 5, 5}, kg(100), true);
    Session heavier_too = hurt;
    for (int i = 0; i < 3; ++i) heavier_too.sets.push_back({5, kg(140), false});
    const auto first = run(deadlift(), {hurt}, "2026-11-23");
    const auto second = run(deadlift(), {heavier_too}, "2026-11-23");
    REQUIRE(first.next.load.has_value());
    REQUIRE(second.next.load.has_value());
    CHECK(added_kilograms(*second.next.load) <= added_kilograms(*first.next.load));
    CHECK(first.next.load == kg(80));
}

TEST_CASE("a top single is not the working weight", "[progression]") {
    Session s = session("2026-11-20", {5, 5, 5}, kg(110));
    s.sets.insert(s.sets.begin(), {1, kg(130), false});
    const auto next = run(deadlift(), {s});
    CHECK(next.action == Action::add_weight);
    CHECK(next.next.load == kg(115));
    CHECK_THAT(next.reason, Catch::Contains("5, 5, 5 reps at 110 kg") &&
                                Catch::Contains("top set of 1 at 130 kg"));

    // At the bottom of the bench press range: more reps at 110, not 3x5 at 130.
    const auto bench = run(bench_press(), {s});
    CHECK(bench.action == Action::add_reps);
    CHECK(bench.next.load == kg(110));
    CHECK(next_notation(bench.next) == "3x6@110kg");

    // Twice below the range with a top single: the deload starts from 110, not 130.
    Session low = session("2026-11-13", {4, 4, 4}, kg(110));
    low.sets.insert(low.sets.begin(), {1, kg(130), false});
    Session low_again = low;
    low_again.date = day("2026-11-20");
    const auto deload = run(bench_press(), {low, low_again});
    CHECK(deload.action == Action::deload);
    CHECK(deload.next.load == kg(100));
    CHECK(deload.next.sets == 3);
}

TEST_CASE("a ramp is judged at the load that carries the prescribed sets", "[progression]") {
    Session ramp;
    ramp.date = day("2026-11-20");
    for (double load : {100.0, 105.0, 110.0}) ramp.sets.push_back({5, kg(load), false});
    const auto next = run(deadlift(), {ramp});
    CHECK(next.action == Action::add_weight);
    CHECK(next.next.load == kg(105));  // 100 kg carried all 3 sets
    CHECK_THAT(next.reason, Catch::Contains("at 100 kg or more"));

    // Fewer sets than the prescription: judged at the heaviest of them all.
    const auto two = run(deadlift(), {session("2026-11-20", {4, 4}, kg(100))});
    CHECK(two.next.load == kg(100));
}

TEST_CASE("the pain return starts below the working weight, not the top set", "[progression]") {
    Session s = session("2026-11-16", {5, 5, 5}, kg(150), true);
    s.sets.insert(s.sets.begin(), {1, kg(200), false});
    const auto back = run(deadlift(), {s}, "2026-11-23");
    CHECK(back.next.load == kg(120));
    CHECK(next_notation(back.next) == "2x2@120kg");
    CHECK_THAT(back.reason, Catch::Contains("(80% of the 150 kg"));
}

TEST_CASE("bodyweight: weight only when every set is at the threshold and one past it",
          "[progression]") {
    const auto thin =
        run(back_extension(), {session("2026-11-20", {13, 8, 8}, Load::bodyweight())});
    CHECK(thin.action == Action::add_reps);
    CHECK(thin.next.load == Load::bodyweight());
    const auto eleven =
        run(back_extension(), {session("2026-11-20", {13, 11, 11}, Load::bodyweight())});
    CHECK(eleven.action == Action::add_reps);
    CHECK(next_notation(eleven.next) == "13,12,12@bw");
    const auto twelve =
        run(back_extension(), {session("2026-11-20", {13, 12, 12}, Load::bodyweight())});
    CHECK(twelve.action == Action::add_weight);
    CHECK_THAT(twelve.reason, Catch::Contains("every set reached 12"));

    const auto pull = run(pull_up(), {session("2026-11-20", {13, 5, 5}, Load::bodyweight())});
    CHECK(pull.action == Action::add_reps);
    CHECK(pull.next.load == Load::bodyweight());
    CHECK(next_notation(pull.next) == "13,6,6@bw");
}

TEST_CASE("more reps never asks a set for fewer than it did", "[progression]") {
    const auto row = run(barbell_row(), {session("2026-11-20", {8, 8, 5}, kg(100))});
    CHECK(row.action == Action::keep);
    CHECK(row.next.reps == 6);
    CHECK(row.next.reps_per_set == std::vector<int>{8, 8, 6});
    CHECK(next_notation(row.next) == "8,8,6@100kg");
    CHECK_THAT(row.reason, Catch::Contains("8, 8, 6 reps (6 for the weakest"));

    const auto add = run(barbell_row(), {session("2026-11-20", {9, 7, 7}, kg(100))});
    CHECK(add.action == Action::add_reps);
    CHECK(next_notation(add.next) == "9,8,8@100kg");

    // Every set equal: the plain sets x reps form.
    const auto even = run(barbell_row(), {session("2026-11-20", {7, 7, 7}, kg(100))});
    CHECK(even.next.reps_per_set.empty());
    CHECK(next_notation(even.next) == "3x8@100kg");
    // A set added to reach the prescription aims at the target.
    const auto short_session = run(barbell_row(), {session("2026-11-20", {9, 7}, kg(100))});
    CHECK(next_notation(short_session.next) == "9,8,8@100kg");
}

TEST_CASE("training inside the rest window does not end the pain rule", "[progression]") {
    const std::vector<Session> cut_short = {
        session("2026-11-16", {12, 12, 12}, Load::bodyweight(), true),
        session("2026-11-18", {13, 13, 13}, Load::bodyweight())};
    const auto during = run(back_extension(), cut_short, "2026-11-19");
    CHECK(during.action == Action::rest);
    REQUIRE(during.not_before.has_value());
    CHECK(*during.not_before == day("2026-11-23"));
    CHECK_THAT(during.reason, Catch::Contains("again on 2026-11-18, 2 days after the pain") &&
                                  Catch::Contains("cut the rest short"));
    const auto after = run(back_extension(), cut_short, "2026-11-24");
    CHECK(after.action == Action::deload);
    CHECK(next_notation(after.next) == "1x9@bw");
    CHECK_THAT(after.reason, Catch::Contains("cut the rest short"));

    // A session once the window is over is the return that ends the rule.
    std::vector<Session> returned = cut_short;
    returned.push_back(session("2026-11-23", {13, 13, 13}, Load::bodyweight()));
    CHECK(run(back_extension(), returned, "2026-11-26").action == Action::add_weight);
}

namespace {

Exercise lower_back(const char* id, const char* name) {
    Exercise e = back_extension();
    e.id = id;
    e.name = name;
    e.primary_muscles = {"lower-back"};
    return e;
}

}  // namespace

TEST_CASE("pain on one lower-back exercise holds the others' load", "[progression]") {
    const Exercise hurt = lower_back("back-extension", "Back Extension");
    Exercise good = lower_back("good-morning", "Good Morning");
    good.primary_muscles = {"lower-back", "hamstrings"};
    Exercise row = barbell_row();
    row.primary_muscles = {"upper-back", "lats"};
    const std::map<std::string, Exercise> exercises = {
        {hurt.id, hurt}, {good.id, good}, {row.id, row}};
    Histories histories;
    Record pain_record;
    pain_record.id = "0000000000000001";
    pain_record.date = day("2026-11-16");
    pain_record.exercise = hurt.id;
    pain_record.sets = {{12, Load::bodyweight(), false}};
    pain_record.pain = true;
    histories[hurt.id].add(pain_record);
    const auto related = related_pain(good, exercises, histories, day("2026-11-18"));
    REQUIRE(related.has_value());
    CHECK(related->date == day("2026-11-16"));
    CHECK_FALSE(related_pain(row, exercises, histories, day("2026-11-18")).has_value());
    CHECK_FALSE(related_pain(hurt, exercises, histories, day("2026-11-18")).has_value());
    // The window is 7 days: on day 7 the pain no longer holds other exercises.
    CHECK_FALSE(related_pain(good, exercises, histories, day("2026-11-23")).has_value());

    const std::vector<Session> ready = {session("2026-11-17", {13, 13, 13}, Load::bodyweight())};
    const auto held = suggest(good, ready, day("2026-11-18"), std::nullopt, std::nullopt, related);
    CHECK(held.action == Action::keep);
    CHECK(held.next.load == Load::bodyweight());
    CHECK(next_notation(held.next) == "3x13@bw");
    CHECK_THAT(held.reason, Catch::Contains("Back Extension on 2026-11-16") &&
                                Catch::Contains("lower back") && Catch::Contains("2026-11-23"));
    const auto free = suggest(good, ready, day("2026-11-23"), std::nullopt, std::nullopt, related);
    CHECK(free.action == Action::add_weight);
    // Only added weight is held: more reps are still fine.
    const std::vector<Session> building = {session("2026-11-17", {11, 11}, Load::bodyweight())};
    CHECK(suggest(good, building, day("2026-11-18"), std::nullopt, std::nullopt, related).action ==
          Action::add_reps);
}

TEST_CASE("a stall at bodyweight keeps a reachable target and points to an easier way",
          "[progression]") {
    Exercise pull = pull_up();
    pull.progression.easier_alternative = "lat-pulldown";
    pull.variations = {{"Chin-up", ""}, {"Band-assisted", ""}};
    const std::vector<Session> twice = {session("2026-11-13", {3, 2, 2}, Load::bodyweight()),
                                        session("2026-11-20", {3, 2, 2}, Load::bodyweight())};
    const auto stuck = run(pull, twice);
    CHECK(stuck.action == Action::keep);
    CHECK(stuck.next.load == Load::bodyweight());
    CHECK(next_notation(stuck.next) == "3x3@bw");  // not 3x6: one past the weakest set
    CHECK_THAT(stuck.reason, Catch::Contains("lat-pulldown (an easier alternative)") &&
                                 Catch::Contains("band-assisted variation") &&
                                 Catch::Contains("on the way to 6 reps"));

    // Close to the range, the target is the bottom of it and no higher.
    const std::vector<Session> close = {session("2026-11-13", {5, 5, 5}, Load::bodyweight()),
                                        session("2026-11-20", {5, 5, 5}, Load::bodyweight())};
    CHECK(next_notation(run(pull, close).next) == "3x6@bw");
    // Without an easier way listed, the reason names none.
    const auto plain = run(pull_up(), twice);
    CHECK(next_notation(plain.next) == "3x3@bw");
    CHECK_THAT(plain.reason, !Catch::Contains("Until then"));
    // Once only: the usual add_reps.
    CHECK(run(pull, {twice[1]}).action == Action::add_reps);
}

TEST_CASE("the weekly rest ends when the count falls below the most a week", "[progression]") {
    // Three sessions in a week of at most two: the second one has to drop out.
    const std::vector<Session> three = {session("2026-11-17", {10, 10}, Load::bodyweight()),
                                        session("2026-11-18", {10, 10}, Load::bodyweight()),
                                        session("2026-11-20", {10, 10}, Load::bodyweight())};
    const auto rest = run(back_extension(), three, "2026-11-21");
    CHECK(rest.action == Action::rest);
    REQUIRE(rest.not_before.has_value());
    CHECK(*rest.not_before == day("2026-11-25"));  // not 11-24: 11-18 and 11-20 still in the week
    CHECK(run(back_extension(), three, "2026-11-24").action == Action::rest);
    CHECK(run(back_extension(), three, "2026-11-25").action == Action::add_reps);
    // Right after logging, next time is the progression step, never a rest.
    const auto next = suggest_next_time(back_extension(), three, day("2026-11-20"), std::nullopt);
    CHECK(next.action == Action::add_reps);
    REQUIRE(next.not_before.has_value());
    CHECK(*next.not_before == day("2026-11-25"));
}

TEST_CASE("a light day does not lower the next prescription", "[progression]") {
    const Session heavy = session("2026-11-13", {5, 5, 4}, kg(100));
    // 80 kg is under 85% of 100 kg: judged on the 100 kg day, not the easy one.
    const auto light = run(deadlift(), {heavy, session("2026-11-17", {5, 5, 5}, kg(80))});
    CHECK(light.action == Action::add_reps);
    CHECK(light.next.load == kg(100));
    CHECK(next_notation(light.next) == "3x5@100kg");
    // 85 kg is not under 85%: a real session, judged as it is.
    const auto at_85 = run(deadlift(), {heavy, session("2026-11-17", {5, 5, 5}, kg(85))});
    CHECK(at_85.action == Action::add_weight);
    CHECK(at_85.next.load == kg(90));
    // More than 14 days later it is a new start, not a light day.
    const auto later =
        run(deadlift(), {heavy, session("2026-11-28", {5, 5, 5}, kg(80))}, "2026-11-30");
    CHECK(later.next.load == kg(85));
    // Two light days between heavy ones do not make a stall at the lighter load.
    const std::vector<Session> stalled = {session("2026-11-06", {2, 2, 2}, kg(100)),
                                          session("2026-11-10", {3, 3, 3}, kg(60)),
                                          session("2026-11-13", {2, 2, 2}, kg(100))};
    CHECK(run(deadlift(), stalled).action == Action::deload);
}

namespace {

Exercise linear_deadlift() {
    Exercise e = deadlift();
    e.progression.scheme = Scheme::linear;
    return e;
}

}  // namespace

TEST_CASE("linear progression keeps sets x reps and adds the increment", "[progression]") {
    const auto up = run(linear_deadlift(), {session("2026-11-20", {5, 5, 5}, kg(100))});
    CHECK(up.action == Action::add_weight);
    CHECK(next_notation(up.next) == "3x5@105kg");  // not 3x3: the reps stay at the top
    CHECK_THAT(up.reason, Catch::Contains("keep 3x5 and add 5 kg: 105 kg"));
    // One set short of the top is a stall: repeat the same sets x reps.
    const auto short_once = run(linear_deadlift(), {session("2026-11-20", {5, 5, 4}, kg(100))});
    CHECK(short_once.action == Action::keep);
    CHECK(next_notation(short_once.next) == "3x5@100kg");
    CHECK_THAT(short_once.reason, Catch::Contains("repeat 3x5 at 100 kg"));
}

TEST_CASE("linear progression deloads after two stalls in a row at one load", "[progression]") {
    const std::vector<Session> twice = {session("2026-11-16", {5, 5, 4}, kg(100)),
                                        session("2026-11-20", {5, 4, 4}, kg(100))};
    const auto down = run(linear_deadlift(), twice);
    CHECK(down.action == Action::deload);
    CHECK(next_notation(down.next) == "3x5@90kg");
    CHECK_THAT(down.reason, Catch::Contains("two stalls in a row"));
    // Stalls at two different loads are not repeated stalls.
    const std::vector<Session> different = {session("2026-11-16", {5, 5, 4}, kg(95)),
                                            session("2026-11-20", {5, 5, 4}, kg(100))};
    CHECK(run(linear_deadlift(), different).action == Action::keep);
    // A stall then a success goes up.
    const std::vector<Session> recovered = {session("2026-11-16", {5, 5, 4}, kg(100)),
                                            session("2026-11-20", {5, 5, 5}, kg(100))};
    CHECK(next_notation(run(linear_deadlift(), recovered).next) == "3x5@105kg");
}

TEST_CASE("a break of two weeks or more makes the first session back lighter", "[progression]") {
    const std::vector<Session> done = {session("2026-11-02", {5, 5, 5}, kg(100))};
    // 13 days off is no break: the progression goes on.
    CHECK(run(linear_deadlift(), done, "2026-11-15").action == Action::add_weight);
    // 14 to 27 days: about 10% off, at the same sets x reps.
    const auto two_weeks = run(linear_deadlift(), done, "2026-11-16");
    CHECK(two_weeks.action == Action::deload);
    CHECK(next_notation(two_weeks.next) == "3x5@90kg");
    CHECK_THAT(two_weeks.reason, Catch::Contains("14 days ago") && Catch::Contains("10% lighter"));
    CHECK(next_notation(run(linear_deadlift(), done, "2026-11-29").next) == "3x5@90kg");
    // 28 days or more: about 20% off.
    const auto four_weeks = run(linear_deadlift(), done, "2026-11-30");
    CHECK(next_notation(four_weeks.next) == "3x5@80kg");
    CHECK_THAT(four_weeks.reason, Catch::Contains("20% lighter"));
    // A double-progression lift comes back at the bottom of its range.
    CHECK(next_notation(run(deadlift(), done, "2027-04-02").next) == "3x3@80kg");
}

TEST_CASE("a break at bodyweight keeps bodyweight and the bottom of the range", "[progression]") {
    const auto back = run(back_extension(),
                          {session("2026-10-01", {13, 12, 12}, Load::bodyweight())}, "2026-11-23");
    CHECK(back.action == Action::deload);
    CHECK(next_notation(back.next) == "3x10@bw");
    const auto added =
        run(back_extension(), {session("2026-11-02", {12, 12, 12}, Load::added(1000, Unit::kg))},
            "2026-11-16");
    CHECK(next_notation(added.next) == "3x10@+7.5kg");
}

TEST_CASE("stalls with a break between them are not stalls in a row", "[progression]") {
    // 13 days apart: consecutive, so the second stall deloads.
    const std::vector<Session> close = {session("2026-11-01", {5, 5, 4}, kg(100)),
                                        session("2026-11-14", {5, 4, 4}, kg(100))};
    CHECK(run(linear_deadlift(), close, "2026-11-16").action == Action::deload);
    // 14 days apart: the stall after the break is the first one.
    const std::vector<Session> apart = {session("2026-10-31", {5, 5, 4}, kg(100)),
                                        session("2026-11-14", {5, 4, 4}, kg(100))};
    const auto again = run(linear_deadlift(), apart, "2026-11-16");
    CHECK(again.action == Action::keep);
    CHECK(next_notation(again.next) == "3x5@100kg");
    // The same for double progression, below the bottom of the range.
    const std::vector<Session> months = {session("2026-04-01", {3, 3, 2}, kg(100)),
                                         session("2026-11-14", {3, 2, 2}, kg(100))};
    CHECK(run(deadlift(), months, "2026-11-16").action == Action::keep);
}

TEST_CASE("the return after pain is not a light day: the next step builds on it", "[progression]") {
    // 100 kg hurt; a week later the return at 80 kg went well.
    const std::vector<Session> sessions = {session("2026-11-06", {5, 5, 5}, kg(100), true),
                                           session("2026-11-13", {5, 5, 5}, kg(80))};
    const auto next = run(deadlift(), sessions, "2026-11-16");
    CHECK(next.action != Action::deload);
    REQUIRE(next.next.load.has_value());
    CHECK(added_kilograms(*next.next.load) < 100.0);
    CHECK(added_kilograms(*next.next.load) >= 80.0);
    CHECK_THAT(next.reason, !Catch::Contains("light day"));
}

TEST_CASE("loads in two units are the same bar within half the smaller load step",
          "[progression][units]") {
    // The deadlift's steps are 2.5 kg and 5 lb (2.27 kg): within 1.13 kg.
    const auto stalled_after = [](Load before) {
        return run(deadlift(), {session("2026-11-13", {2, 2, 2}, before),
                                session("2026-11-20", {2, 2, 2}, kg(102))});
    };
    const Load lb225 = Load::external(22500, Unit::lb);  // 102.06 kg
    const auto deload = stalled_after(lb225);
    CHECK(deload.action == Action::deload);
    CHECK(deload.next.load == kg(92.5));
    CHECK(deload.reason ==
          "On 2026-11-13 and 2026-11-20 you stayed under 3 reps at 225 lb and 102 kg (the same "
          "bar) (fewest 2 and 2): drop 9% to 92.5 kg and build back up from 3 reps.");
    // At the boundary: 227 lb is 102.97 kg (0.97 kg off), 227.5 lb 103.19 kg (1.19 kg off).
    CHECK(stalled_after(Load::external(22700, Unit::lb)).action == Action::deload);
    CHECK(stalled_after(Load::external(22750, Unit::lb)).action == Action::keep);
    // In one unit only equal amounts are the same bar, as before.
    CHECK(stalled_after(kg(101.5)).action == Action::keep);
}

TEST_CASE("reasons say what the step really is", "[progression][texts]") {
    SECTION("an added load that rounds to the step drops more than 10%") {
        const Load plus5 = Load::added(500, Unit::kg);
        const auto deload = run(back_extension(), {session("2026-11-13", {8, 8}, plus5),
                                                   session("2026-11-20", {8, 8}, plus5)});
        REQUIRE(deload.action == Action::deload);
        CHECK(deload.next.load == Load::added(250, Unit::kg));
        CHECK(contains_text(deload.reason, ": drop 50% to bodyweight + 2.5 kg "));
    }
    SECTION("adding weight from a load off the step says the real difference") {
        const auto up = run(deadlift(), {session("2026-11-20", {5, 5, 5}, kg(101))});
        REQUIRE(up.action == Action::add_weight);
        CHECK(up.next.load == kg(105));
        CHECK(contains_text(up.reason, "so add 4 kg to 105 kg "));
        // On the step, it is the increment.
        CHECK(contains_text(run(deadlift(), {session("2026-11-20", {5, 5, 5}, kg(100))}).reason,
                            "so add 5 kg to 105 kg "));
    }
    SECTION("a load logged in another unit is quoted in the suggestion's unit too") {
        const Load lb135 = Load::external(13500, Unit::lb);
        const auto keep =
            run(deadlift(), {session("2026-11-20", {5, 5, 2}, lb135)}, "2026-11-23", Unit::kg);
        REQUIRE(keep.action == Action::keep);
        CHECK(keep.next.load == kg(60));
        CHECK(contains_text(keep.reason, "so stay at 60 kg (logged as 135 lb) and aim"));
    }
}

TEST_CASE("a session marked light is not judged, whatever its load", "[progression][light]") {
    const Session heavy = session("2026-11-13", {5, 5, 5}, kg(140));
    Session marked = session("2026-11-17", {10}, kg(120));  // 86%: not light by load
    const auto unmarked = run(linear_deadlift(), {heavy, marked});
    CAPTURE(next_notation(unmarked.next));
    CHECK(unmarked.next.load != kg(145));
    marked.light = true;
    const auto judged_heavy = run(linear_deadlift(), {heavy, marked});
    CHECK(judged_heavy.action == Action::add_weight);
    CHECK(next_notation(judged_heavy.next) == "3x5@145kg");
    CHECK(contains_text(judged_heavy.reason, "2026-11-17 at 120 kg was marked a light day"));
    // Heavier than the sessions around it, marked light: still not judged.
    Session heavier = session("2026-11-17", {5, 5, 5}, kg(160));
    heavier.light = true;
    CHECK(run(linear_deadlift(), {heavy, heavier}).next.load == kg(145));
    // Only light days logged: there is nothing else to go by, so they are judged.
    Session only = session("2026-11-17", {5, 5, 5}, kg(60));
    only.light = true;
    const auto alone = run(linear_deadlift(), {only});
    CHECK(alone.action == Action::add_weight);
    CHECK(alone.next.load == kg(65));
    // A marked day still counts as training: it ends a break.
    const auto after_gap = run(linear_deadlift(), {heavy, marked}, "2026-11-24");
    CHECK(after_gap.action == Action::add_weight);
}

TEST_CASE("reps paused at the top are judged as reps and the pause carries over",
          "[progression][record-model]") {
    Exercise paused_exercise = back_extension();
    paused_exercise.pause_at_top = true;
    Session held = session("2026-11-20", {12, 11, 11}, Load::bodyweight());
    for (auto& set : held.sets) set.pause_seconds = 3;
    held.sets.back().pause_seconds = 2;  // the longest pause of the session is kept
    const Suggestion next = run(paused_exercise, {held});
    CHECK(next.action == Action::add_reps);
    CHECK(next.next.pause_seconds == 3);
    CHECK(next_notation(next.next) == "3x12@bw pause3s");
    CHECK(contains_text(next.reason, "Keep the 3 s pause at the top of every rep."));
    // The same reps with no pause: no pause is asked for.
    const Suggestion plain =
        run(paused_exercise, {session("2026-11-20", {12, 11, 11}, Load::bodyweight())});
    CHECK_FALSE(plain.next.pause_seconds.has_value());
    CHECK(next_notation(plain.next) == "3x12@bw");
    // An exercise without a pause at the top ignores one in its history.
    CHECK_FALSE(run(back_extension(), {held}).next.pause_seconds.has_value());
    // The pause is the judged session's: a light day after it neither brings
    // its own pause nor drops this one.
    Session light = session("2026-11-21", {12, 12}, Load::bodyweight());
    light.light = true;
    light.sets[0].pause_seconds = 10;
    const Suggestion after_light = run(paused_exercise, {held, light});
    CHECK(after_light.next.pause_seconds == 3);
    // The gentle return after pain asks for no pause.
    Session hurt = held;
    hurt.pain = true;
    const Suggestion back = run(paused_exercise, {hurt}, "2026-11-28");
    CHECK_FALSE(back.next.pause_seconds.has_value());
}
