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
    Session s = session("2026-11-20", {5, 5}, kg(100));
    s.sets.push_back({3, kg(80), false});
    CHECK(run(deadlift(), {s}).action == Action::add_weight);
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
    CHECK(six_days.next.sets == 2);
    CHECK(six_days.next.load == Load::added(250, Unit::kg));

    const auto seven_days = run(back_extension(), hurt, "2026-11-23");
    CHECK(seven_days.action == Action::deload);
    CHECK(seven_days.next.sets == 2);

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
    CHECK(next_notation({3, 10, Load::added(250, Unit::kg)}) == "3x10@+2.5kg");
    CHECK(next_notation({3, 5, std::nullopt}) == "3x5");
    CHECK(action_name(Action::add_weight) == "add_weight");
}
