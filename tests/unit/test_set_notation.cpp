#include <catch2/catch.hpp>

#include "liftlog/error.hpp"
#include "liftlog/set_notation.hpp"

using namespace liftlog;

namespace {

std::vector<ParsedSet> parse(std::vector<std::string> arguments, Unit unit = Unit::kg) {
    return parse_set_notation(arguments, unit);
}

std::vector<int> reps_of(const std::vector<ParsedSet>& sets) {
    std::vector<int> reps;
    for (const auto& set : sets) reps.push_back(set.reps);
    return reps;
}

}  // namespace

TEST_CASE("a bare number is one set without a load", "[notation]") {
    const auto sets = parse({"12"});
    REQUIRE(sets.size() == 1);
    CHECK(sets[0].reps == 12);
    CHECK_FALSE(sets[0].load.has_value());
    CHECK_FALSE(sets[0].warmup);
}

TEST_CASE("sets x reps, comma lists and separate arguments", "[notation]") {
    CHECK(reps_of(parse({"3x12"})) == std::vector<int>{12, 12, 12});
    CHECK(reps_of(parse({"3X5"})) == std::vector<int>{5, 5, 5});
    CHECK(reps_of(parse({"12,12,11"})) == std::vector<int>{12, 12, 11});
    CHECK(reps_of(parse({"12", "12", "11"})) == std::vector<int>{12, 12, 11});
    CHECK(reps_of(parse({"2x5", "8,6"})) == std::vector<int>{5, 5, 8, 6});
}

TEST_CASE("loads: kilograms, pounds, added and bodyweight", "[notation]") {
    CHECK(parse({"3x5@100kg"})[0].load == Load::external(10000, Unit::kg));
    CHECK(parse({"3x5@225lb"})[2].load == Load::external(22500, Unit::lb));
    CHECK(parse({"3x5@225lbs"})[0].load == Load::external(22500, Unit::lb));
    CHECK(parse({"3x10@+10kg"})[0].load == Load::added(1000, Unit::kg));
    CHECK(parse({"3x12@bw"})[0].load == Load::bodyweight());
    CHECK(parse({"5@102.5kg"})[0].load == Load::external(10250, Unit::kg));
    CHECK(parse({"5@1.25kg"})[0].load == Load::external(125, Unit::kg));
}

TEST_CASE("a load without a unit takes the default unit", "[notation]") {
    CHECK(parse({"5@100"}, Unit::lb)[0].load == Load::external(10000, Unit::lb));
    CHECK(parse({"5@100"}, Unit::kg)[0].load == Load::external(10000, Unit::kg));
}

TEST_CASE("a load on its own applies to the sets before it that have none", "[notation]") {
    const auto sets = parse({"2x5@60kg", "5", "5", "@100kg"});
    REQUIRE(sets.size() == 4);
    CHECK(sets[0].load == Load::external(6000, Unit::kg));
    CHECK(sets[2].load == Load::external(10000, Unit::kg));
    CHECK(sets[3].load == Load::external(10000, Unit::kg));
}

TEST_CASE("a trailing w marks warm-up sets", "[notation]") {
    const auto sets = parse({"2x5w@60kg", "5,5w@100kg"});
    REQUIRE(sets.size() == 4);
    CHECK(sets[0].warmup);
    CHECK(sets[1].warmup);
    CHECK_FALSE(sets[2].warmup);
    CHECK(sets[3].warmup);
}

TEST_CASE("boundaries of reps, sets and loads", "[notation]") {
    CHECK(parse({"500"})[0].reps == 500);
    CHECK_THROWS_AS(parse({"501"}), UsageError);
    CHECK(parse({"0"})[0].reps == 0);  // a failed attempt
    CHECK(parse({"100x1"}).size() == 100);
    CHECK_THROWS_AS(parse({"101x1"}), UsageError);
    CHECK_THROWS_AS(parse({"60x1", "41x1"}), UsageError);
    CHECK(parse({"1@1000kg"})[0].load->hundredths == 100000);
    CHECK_THROWS_AS(parse({"1@1000.01kg"}), UsageError);
    CHECK(parse({"1@2200lb"})[0].load->hundredths == 220000);
    CHECK_THROWS_AS(parse({"1@2201lb"}), UsageError);
    CHECK_THROWS_AS(parse({"1@0kg"}), UsageError);
}

TEST_CASE("malformed notation is refused", "[notation]") {
    const std::vector<std::string> bad = {
        "",          "x",         "3x",          "x5",
        "12,,12",    "12,",       "3x5@",        "3x5@kg",
        "3x5@100st", "3x5@--5kg", "60s5",        "1:3",
        "1:75",      "0s",        "0m",          "rpe11",
        "rpe8.3",    "rir2",      "5wd",         "abc",
        "-5",        "3x5x5",     "5@1.234kg",   "5@1.kg",
        "5@.5kg",    "5@nan",     "5@inf",       "12 12",
        "3x12@bw2",  "5w5",       "5@100kg@5kg", "١٢",
        "5@+kg",     "5 @bw",     "1e3",         "99999999999999999999"};
    for (const auto& argument : bad) {
        INFO("argument: '" << argument << "'");
        CHECK_THROWS_AS(parse({argument}), UsageError);
    }
}

TEST_CASE("errors name the argument and point at the bad character", "[notation]") {
    try {
        parse({"3x1a"});
        FAIL("expected an error");
    } catch (const UsageError& error) {
        const std::string message = error.what();
        CHECK(message.find("'3x1a'") != std::string::npos);
        CHECK(message.find("\n  3x1a\n     ^\n") != std::string::npos);
    }
    CHECK_THROWS_WITH(parse({"3x5@100st"}), Catch::Contains("unknown unit 'st'"));
    CHECK_THROWS_WITH(parse({"@100kg"}), Catch::Contains("no sets before it"));
    CHECK_THROWS_WITH(parse_set_notation({}, Unit::kg), Catch::Contains("no sets given"));
}

TEST_CASE("resolving loads against how the exercise is loaded", "[notation]") {
    const auto unloaded = parse({"3x12"});
    const auto bodyweight = resolve_loads(unloaded, Loading::bodyweight, "back-extension");
    CHECK(bodyweight[0].load == Load::bodyweight());
    CHECK_THROWS_WITH(resolve_loads(unloaded, Loading::external, "deadlift"),
                      Catch::Contains("liftlog log deadlift 3x5@100kg"));
    CHECK_THROWS_AS(resolve_loads(parse({"3x5@bw"}), Loading::external, "deadlift"), UsageError);
    CHECK_THROWS_WITH(resolve_loads(parse({"3x5@100kg"}), Loading::bodyweight, "pull-up"),
                      Catch::Contains("@+10kg"));
    CHECK(resolve_loads(parse({"3x5@+10kg"}), Loading::bodyweight, "pull-up")[0].load ==
          Load::added(1000, Unit::kg));
}

std::vector<std::string> split_on_spaces(const std::string& text) {
    std::vector<std::string> tokens;
    std::size_t start = 0;
    while (true) {
        const auto space = text.find(' ', start);
        tokens.push_back(text.substr(start, space - start));
        if (space == std::string::npos) return tokens;
        start = space + 1;
    }
}

TEST_CASE("format_sets writes notation that parses back to the same sets", "[notation]") {
    struct Case {
        std::vector<std::string> input;
        Loading loading;
    };
    const std::vector<Case> cases = {
        {{"3x12@bw"}, Loading::bodyweight},     {{"12,12,11@bw"}, Loading::bodyweight},
        {{"3x10@+2.5kg"}, Loading::bodyweight}, {{"2x5w@60kg", "3x5@100kg"}, Loading::external},
        {{"5,5w@102.5kg"}, Loading::external},  {{"8@225lb", "8@135lb"}, Loading::external},
        {{"1@0.01kg"}, Loading::external}};
    for (const auto& [input, loading] : cases) {
        const auto sets = resolve_loads(parse(input), loading, "exercise");
        const std::string text = format_sets(sets);
        INFO("notation: " << text);
        CHECK(resolve_loads(parse(split_on_spaces(text)), loading, "exercise") == sets);
    }
    CHECK(format_sets({{5, Load::external(10000, Unit::kg), false},
                       {5, Load::external(10000, Unit::kg), false}}) == "2x5@100kg");
    CHECK(format_sets({{13, Load::bodyweight(), false}, {12, Load::bodyweight(), false}}) ==
          "13,12@bw");
}

TEST_CASE("failed attempts, assistance, set types and RPE per set", "[notation][record-model]") {
    const auto failed = parse({"5,5,0@100kg"});
    CHECK(reps_of(failed) == std::vector<int>{5, 5, 0});
    const auto assisted = parse({"3x8@-20kg"});
    CHECK(assisted[0].load == Load::assisted(2000, Unit::kg));
    CHECK_THROWS_WITH(resolve_loads(assisted, Loading::external, "deadlift"),
                      Catch::Contains("external weight"));
    CHECK(resolve_loads(assisted, Loading::bodyweight, "pull-up")[0].load.kind ==
          LoadKind::assisted);
    const auto typed = parse({"8,8d,6f@60kg"});
    CHECK(typed[0].type == SetType::normal);
    CHECK(typed[1].type == SetType::drop);
    CHECK(typed[2].type == SetType::failure);
    const auto effort = parse({"3x5@100kg", "rpe8", "5@105kg", "rpe9.5"});
    REQUIRE(effort.size() == 4);
    CHECK(effort[0].rpe == 8.0);
    CHECK(effort[2].rpe == 8.0);
    CHECK(effort[3].rpe == 9.5);
    // An RPE after a load alone is for the sets that load went to.
    const auto spread = parse({"5", "5", "@100kg", "rpe7"});
    CHECK(spread[0].rpe == 7.0);
    CHECK(spread[1].rpe == 7.0);
    CHECK_THROWS_WITH(parse({"rpe8", "3x5@100kg"}), Catch::Contains("no sets before it"));
    CHECK_THROWS_WITH(parse({"3x5@100kg", "rpe11"}), Catch::Contains("from 1 to 10"));
    CHECK_THROWS_WITH(parse({"3x5@100kg", "rpe8.3"}), Catch::Contains("steps of 0.5"));
    CHECK_THROWS_WITH(parse({"3x5@100kg", "rir2"}), Catch::Contains("rir2 is rpe8"));
}

TEST_CASE("timed and distance sets", "[notation][record-model]") {
    const auto held = parse({"3x60s"});
    REQUIRE(held.size() == 3);
    CHECK(held[0].seconds == 60);
    CHECK(held[0].reps == 0);
    CHECK(parse({"1:30"})[0].seconds == 90);
    CHECK(parse({"45s@+10kg"})[0].load == Load::added(1000, Unit::kg));
    const auto carried = parse({"3x40m@32kg"});
    CHECK(carried[0].distance == Distance{4000, DistanceUnit::m});
    CHECK(carried[0].load == Load::external(3200, Unit::kg));
    CHECK(parse({"1.5km"})[0].distance == Distance{150, DistanceUnit::km});
    CHECK(parse({"50yd,50yd"}).size() == 2);
    CHECK(parse({"100ft"})[0].distance == Distance{10000, DistanceUnit::ft});
    CHECK_THROWS_WITH(parse({"1:75"}), Catch::Contains("two digits of seconds"));
    CHECK_THROWS_WITH(parse({"0s"}), Catch::Contains("from 1 to 14400 seconds"));
    CHECK_THROWS_WITH(parse({"200km"}), Catch::Contains("at most 100 km"));
    // Each exercise takes what it measures.
    CHECK_THROWS_WITH(resolve_loads(held, Loading::bodyweight, "pull-up"),
                      Catch::Contains("pull-up measures reps, not time"));
    CHECK_THROWS_WITH(resolve_loads(parse({"3x12"}), Loading::bodyweight, "plank", Measure::time),
                      Catch::Contains("plank measures time, not reps; for example: liftlog log "
                                      "plank 3x60s"));
    CHECK(resolve_loads(held, Loading::bodyweight, "plank", Measure::time)[0].seconds == 60);
}

TEST_CASE("the new notations format back to what parses to the same sets",
          "[notation][record-model]") {
    struct Case {
        std::vector<std::string> words;
        Loading loading;
        Measure measure;
    };
    const std::vector<Case> cases = {
        {{"5,5,0@100kg"}, Loading::external, Measure::reps},
        {{"3x8@-20kg"}, Loading::bodyweight, Measure::reps},
        {{"8,8d,6f@60kg"}, Loading::external, Measure::reps},
        {{"3x5@100kg", "rpe8", "5@105kg", "rpe9.5"}, Loading::external, Measure::reps},
        {{"3x60s@bw"}, Loading::bodyweight, Measure::time},
        {{"2x1:30@bw"}, Loading::bodyweight, Measure::time},
        {{"45s@+10kg"}, Loading::bodyweight, Measure::time},
        {{"3x40m@32kg"}, Loading::external, Measure::distance},
        {{"1.5km@bw"}, Loading::bodyweight, Measure::distance}};
    for (const auto& [words, loading, measure] : cases) {
        std::string text;
        for (const auto& word : words) text += (text.empty() ? "" : " ") + word;
        INFO(text);
        CHECK(format_sets(resolve_loads(parse(words), loading, "x", measure)) == text);
    }
}

TEST_CASE("a pause at the top of each rep", "[notation][record-model]") {
    const auto paused = parse({"3x12", "pause3s", "2x10@+5kg"});
    REQUIRE(paused.size() == 5);
    CHECK(paused[0].pause_seconds == 3);
    CHECK(paused[2].pause_seconds == 3);
    CHECK_FALSE(paused[3].pause_seconds.has_value());
    // RPE and pause may both follow the same sets, in either order.
    const auto both = parse({"3x12@bw", "rpe8", "pause2s"});
    CHECK(both[2].rpe == 8.0);
    CHECK(both[2].pause_seconds == 2);
    CHECK(parse({"3x12@bw", "pause2s", "rpe8"})[0].rpe == 8.0);
    CHECK(parse({"12", "pause60s"})[0].pause_seconds == 60);
    CHECK_THROWS_WITH(parse({"pause3s", "3x12"}), Catch::Contains("no sets before it"));
    // One of each for the same sets: a second one is a typo, not a correction.
    CHECK_THROWS_WITH(parse({"3x12", "pause3s", "pause5s"}),
                      Catch::Contains("'pause5s': the sets before it already have a pause"));
    CHECK_THROWS_WITH(parse({"3x5@100kg", "rpe8", "rpe9"}),
                      Catch::Contains("'rpe9': the sets before it already have an RPE"));
    CHECK(parse({"3x5@100kg", "rpe8", "2x5@90kg", "rpe7"})[3].rpe == 7.0);
    CHECK_THROWS_WITH(parse({"3x12", "pause0s"}), Catch::Contains("from 1 to 60 seconds"));
    CHECK_THROWS_WITH(parse({"3x12", "pause61s"}), Catch::Contains("from 1 to 60 seconds"));
    CHECK_THROWS_WITH(parse({"3x12", "pause3"}), Catch::Contains("as in pause3s"));
    CHECK_THROWS_WITH(parse({"3x12", "pause"}), Catch::Contains("as in pause3s"));
    // Only exercises whose reps may pause at the top take one.
    CHECK(resolve_loads(paused, Loading::bodyweight, "back-extension", Measure::reps, true)[0]
              .pause_seconds == 3);
    CHECK_THROWS_WITH(resolve_loads(paused, Loading::bodyweight, "pull-up", Measure::reps, false),
                      Catch::Contains("pull-up has no pause at the top"));
    CHECK_THROWS_WITH(
        resolve_loads(parse({"3x60s", "pause3s"}), Loading::bodyweight, "plank", Measure::time),
        Catch::Contains("plank measures time"));
    CHECK(format_sets(resolve_loads(parse({"3x12@bw", "rpe8", "pause3s"}), Loading::bodyweight,
                                    "back-extension", Measure::reps, true)) ==
          "3x12@bw rpe8 pause3s");
    CHECK(format_sets(resolve_loads(parse({"3x12@bw", "pause3s", "10@bw"}), Loading::bodyweight,
                                    "back-extension", Measure::reps, true)) ==
          "3x12@bw pause3s 10@bw");
}
